"""Exporting a project into a directory of ``.deepnote`` files and importing it back (sync and async).

Guarantees:

- ``export_project`` / ``aexport_project`` make ``directory`` (created if missing) mirror the
  project: every document of ``GET /projects/{id}/export`` is written, each to a temporary file in
  the directory renamed over its name (a reader sees the old file or the whole new one; the mode
  follows the umask or stays that of the file replaced). A file an earlier export of the same
  project wrote (its name is in the export record) that the project no longer has is removed, so
  a deleted or renamed notebook does not come back with the next import; files the export never
  wrote are left alone. The record, ``EXPORT_RECORD`` (``.deepnote-export.json``: project id,
  ``modifiedAt``, content hash, the files), is written last; ``ProjectExport`` says what was written
  (``files``) and removed (``removed``).
- An export never writes through a symbolic link: when the directory holds a link (or anything but
  a regular file) named ``*.deepnote`` or at the record, it refuses naming the path before sending
  anything; so does a record of another project, or one it cannot read. These refusals are
  ``InvalidRequestError`` (a ``ValueError``). The directory itself may be a link. A link that
  appears while the export runs is replaced by the renamed file (or removed), never followed.
- The archive is checked whole before anything is written, and any fault raises
  ``ResponseParseError`` (operation ``exportProject``) with nothing written: a body that is not a
  ZIP, a corrupt member (bad CRC), an encrypted member, a compression other than stored or deflate,
  a member that is not a plain ``*.deepnote`` name at the root (a path, ``..``, a directory), a name
  longer than the file system allows, two members of the same name, more than ``max_files``
  members, or more than ``max_bytes`` bytes unpacked (the sizes the members declare: ``zipfile``
  never unpacks more than a member declares, so one that lies about its size fails its CRC check).
  Memory holds at most ``max_bytes`` of documents. ``None`` lifts a cap.
- ``import_project`` / ``aimport_project`` send the directory's ``*.deepnote`` files (its root
  only) as a ZIP to ``POST /projects/{id}/import`` and return the ``ImportProjectResponse``. They
  never follow a symbolic link: a ``*.deepnote`` entry (or the record) that is a link or not a
  regular file is refused naming the path, and nothing is sent. (Refused rather than skipped: with
  ``delete_missing_notebooks=True`` a skipped notebook would be deleted from the project.)
- The conflict check is on by default: the ``modifiedAt`` and content hash of the record go along
  as ``baseModifiedAt`` and ``baseContentHash``, so Deepnote refuses (409, ``ConflictError``) when
  the project changed since the export. Without a record, or a record of another project, nothing
  is sent and ``InvalidRequestError`` (a ``ValueError``) says why; ``force=True`` skips the check
  (and needs no record). After a successful import the record holds the new ``modifiedAt``, hash
  and the files sent, so the next import from the same directory is checked against this one.
- ``content_hash`` is Deepnote's canonical hash of an export: the SHA-256 (hex) of the lines
  ``<file name>\\n<SHA-256 hex of the file>``, sorted and joined by ``\\n``.
- The import is an in-memory ZIP (documents are small YAML files); it is never replayed once sent.
- Every decision (what to check, send, write and remove) is in ``_Export`` / ``_Import``; the sync
  and async functions only make the one call.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deepnote_client.api.projects import export_project as export_endpoint
from deepnote_client.api.projects import import_project as import_endpoint
from deepnote_client.client import AuthenticatedClient
from deepnote_client.types import UNSET, File

from ._transfer import ReplacedFile, bound, parameters_of
from .calls import acall, call
from .errors import InvalidRequestError, ResponseParseError

if TYPE_CHECKING:
    from uuid import UUID

    from deepnote_client.models import ImportProjectResponse

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_FILES",
    "EXPORT_RECORD",
    "ProjectExport",
    "aexport_project",
    "aimport_project",
    "content_hash",
    "export_project",
    "import_project",
]

EXPORT_RECORD = ".deepnote-export.json"
SUFFIX = ".deepnote"
DEFAULT_MAX_FILES = 10_000
"""Most members an export archive may hold (``max_files``)."""
DEFAULT_MAX_BYTES = 512 * 1024 * 1024
"""Most bytes an export archive may unpack to, all members together (``max_bytes``)."""
_NAME_MAX = 255
Directory = str | os.PathLike[str]


@dataclass(frozen=True)
class ProjectExport:
    """What an export did: the project, its ``modifiedAt``, the content hash, the file names
    written and the names removed (written by an earlier export, no longer in the project)."""

    project_id: str
    modified_at: str | None
    content_hash: str
    files: tuple[str, ...]
    removed: tuple[str, ...] = ()


def content_hash(documents: dict[str, bytes]) -> str:
    """Deepnote's canonical hash of an export, from file name -> content."""
    lines = sorted(f"{name}\n{hashlib.sha256(content).hexdigest()}" for name, content in documents.items())
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _plain_name(name: str) -> bool:
    """A ``*.deepnote`` file name at the directory's root, nothing else."""
    return name.endswith(SUFFIX) and Path(name).name == name and "\\" not in name and name.isprintable()


def _modified_at(documents: dict[str, bytes]) -> str | None:
    """The shared ``metadata.modifiedAt`` of the documents (read without a YAML parser: it is the
    one ``modifiedAt:`` line of the ``metadata`` mapping Deepnote writes)."""
    for content in documents.values():
        for line in content.decode("utf-8", "replace").splitlines():
            if line.startswith("  modifiedAt:"):
                return line.split(":", 1)[1].strip().strip("'\"")
    return None


def _name_max(directory: Path) -> int:
    """The longest file name (bytes) the file system under ``directory`` (or its nearest existing
    parent) takes."""
    for place in (directory, *directory.parents):
        if place.is_dir():
            try:
                return os.pathconf(place, "PC_NAME_MAX")
            except (AttributeError, OSError, ValueError):
                return _NAME_MAX
    return _NAME_MAX


def _entry(path: Path) -> os.stat_result | None:
    """``lstat`` of ``path`` (never following a link), ``None`` when nothing is there."""
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _regular_or_absent(path: Path, operation: str) -> bool:
    """Whether ``path`` is a regular file (``False``: nothing there); refuses a link or anything else."""
    entry = _entry(path)
    if entry is None:
        return False
    if stat.S_ISLNK(entry.st_mode):
        reason = (
            f"{path} is a symbolic link, and links are never followed: replace it with the file or remove it"
        )
    elif not stat.S_ISREG(entry.st_mode):
        reason = f"{path} is not a regular file"
    else:
        return True
    raise InvalidRequestError(operation=operation, reason=reason)


def _read_regular(path: Path, operation: str) -> bytes:
    """The bytes of the regular file ``path``, opened without following a link."""
    _regular_or_absent(path, operation)
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(handle, "rb") as file:
        return file.read()


def _read_record(directory: Path, operation: str) -> dict[str, Any] | None:
    """The export record of ``directory`` (``None`` when there is none); refuses one it cannot read."""
    path = directory / EXPORT_RECORD
    if not _regular_or_absent(path, operation):
        return None
    try:
        record = json.loads(_read_regular(path, operation))
    except ValueError:
        record = None
    if not isinstance(record, dict) or not isinstance(record.get("projectId"), str):
        raise InvalidRequestError(
            operation=operation, reason=f"{path} is not an export record; remove it or export elsewhere"
        )
    return record


def _recorded_files(record: dict[str, Any] | None) -> list[str]:
    """The files a record says an export wrote (only plain names: a record is never trusted with paths)."""
    files = record.get("files") if record is not None else None
    return sorted({name for name in files if isinstance(name, str) and _plain_name(name)}) if files else []


def _write_record(directory: Path, record: dict[str, Any]) -> None:
    with ReplacedFile(directory / EXPORT_RECORD) as file:
        file.write((json.dumps(record, indent=2) + "\n").encode("utf-8"))


class _Export:
    """Every decision of an export: the checks before sending, the archive's, what is written and
    what is removed. ``write`` does the local writing once the archive arrived."""

    operation = export_endpoint.OPERATION_ID

    def __init__(
        self,
        client: AuthenticatedClient,
        project_id: str | UUID,
        directory: Directory,
        max_files: int | None,
        max_bytes: int | None,
    ) -> None:
        self.project_id = str(project_id)
        self.directory = Path(directory)
        self.max_files = max_files
        self.max_bytes = max_bytes
        self.url = f"{client._base_url.rstrip('/')}/projects/{self.project_id}/export"
        record = _read_record(self.directory, self.operation)
        if record is not None and record["projectId"] != self.project_id:
            raise InvalidRequestError(
                operation=self.operation,
                reason=f"{self.directory / EXPORT_RECORD} records project {record['projectId']}, not "
                f"{self.project_id}: export each project into a directory of its own",
            )
        self.earlier = _recorded_files(record)
        # Before sending: a link or other odd entry where documents go is refused now, not after
        # the download (every name an export writes or removes is a ``*.deepnote`` one).
        for path in sorted(self.directory.glob(f"*{SUFFIX}")):
            _regular_or_absent(path, self.operation)

    def refuse(self, reason: str) -> ResponseParseError:
        return ResponseParseError(
            operation=self.operation,
            status_code=200,
            method="GET",
            url=self.url,
            reason=f"{reason}; nothing written",
        )

    def documents(self, archive: bytes) -> dict[str, bytes]:
        """The archive's documents, checked whole (see the module's guarantees)."""
        try:
            with zipfile.ZipFile(io.BytesIO(archive)) as zip_file:
                members = zip_file.infolist()
                self._check_members(members)
                return {info.filename: zip_file.read(info) for info in members}
        except ResponseParseError:
            raise
        except Exception as error:  # noqa: BLE001  # whatever zipfile trips over is a broken archive
            failure = self.refuse(
                f"the export is not a readable ZIP archive ({type(error).__name__}: {error})"
            )
        raise failure

    def _check_members(self, members: list[zipfile.ZipInfo]) -> None:
        if self.max_files is not None and len(members) > self.max_files:
            raise self.refuse(
                f"the export holds {len(members)} members, more than max_files={self.max_files}"
            )
        name_max = _name_max(self.directory)
        seen: set[str] = set()
        for info in members:
            name = info.filename
            if info.is_dir() or not _plain_name(name):
                raise self.refuse(f"the export holds {name!r}, not a .deepnote file at its root")
            if name in seen:
                raise self.refuse(f"the export holds two members named {name!r}")
            seen.add(name)
            if len(os.fsencode(name)) > name_max:
                raise self.refuse(f"the export holds {name!r}, a name longer than the file system allows")
            if info.flag_bits & 0x1:
                raise self.refuse(f"the export's member {name!r} is encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self.refuse(
                    f"the export's member {name!r} uses compression method {info.compress_type}"
                )
        declared = sum(info.file_size for info in members)
        if self.max_bytes is not None and declared > self.max_bytes:
            raise self.refuse(f"the export unpacks to {declared} bytes, more than max_bytes={self.max_bytes}")

    def write(self, archive: bytes) -> ProjectExport:
        documents = self.documents(archive)
        removed = [name for name in self.earlier if name not in documents]
        present = [
            name
            for name in (*documents, *removed)
            if _regular_or_absent(self.directory / name, self.operation)
        ]
        _regular_or_absent(self.directory / EXPORT_RECORD, self.operation)
        export = ProjectExport(
            self.project_id,
            _modified_at(documents),
            content_hash(documents),
            tuple(sorted(documents)),
            tuple(name for name in removed if name in present),
        )
        self.directory.mkdir(parents=True, exist_ok=True)
        # The record first names every file this export may leave behind, so an export that fails
        # half-way is still cleaned up by the next one.
        _write_record(self.directory, self._record(export, sorted({*self.earlier, *documents})))
        for name, content in documents.items():
            with ReplacedFile(self.directory / name) as file:
                file.write(content)
        for name in export.removed:
            (self.directory / name).unlink(missing_ok=True)
        _write_record(self.directory, self._record(export, list(export.files)))
        return export

    def _record(self, export: ProjectExport, files: list[str]) -> dict[str, Any]:
        return {
            "projectId": export.project_id,
            "modifiedAt": export.modified_at,
            "contentHash": export.content_hash,
            "files": files,
        }


def export_project(
    client: AuthenticatedClient,
    project_id: str | UUID,
    directory: Directory,
    *,
    max_files: int | None = DEFAULT_MAX_FILES,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> ProjectExport:
    """Make ``directory`` mirror the project: one ``.deepnote`` file per notebook, plus the record.

    ``max_files`` and ``max_bytes`` cap the archive's members and unpacked size (``None``: no cap).
    """
    job = _Export(client, project_id, directory, max_files, max_bytes)
    return job.write(call(export_endpoint, client, project_id=job.project_id).payload.read())


@parameters_of(export_project)
async def aexport_project(client: AuthenticatedClient, *args: Any, **kwargs: Any) -> ProjectExport:
    """Async ``export_project``."""
    job = _Export(**bound(export_project, client, *args, **kwargs))
    return job.write((await acall(export_endpoint, client, project_id=job.project_id)).payload.read())


class _Import:
    """Every decision of an import: the checks, the ZIP and its parameters, the record after it."""

    operation = import_endpoint.OPERATION_ID

    def __init__(
        self,
        project_id: str | UUID,
        directory: Directory,
        *,
        delete_missing_notebooks: bool = False,
        force: bool = False,
    ) -> None:
        self.directory = Path(directory)
        self.arguments: dict[str, Any] = {
            "project_id": str(project_id),
            "delete_missing_notebooks": delete_missing_notebooks,
            "force": force,
            "base_modified_at": UNSET,
            "base_content_hash": UNSET,
        }
        if not force:
            self._check_base(self.arguments["project_id"])
        self.names = sorted(path.name for path in self.directory.glob(f"*{SUFFIX}"))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zip_file:
            for name in self.names:
                zip_file.writestr(name, _read_regular(self.directory / name, self.operation))
        buffer.seek(0)
        self.arguments["body"] = File(payload=buffer, file_name="project.zip", mime_type="application/zip")

    def _check_base(self, project_id: str) -> None:
        record_path = self.directory / EXPORT_RECORD
        record = _read_record(self.directory, self.operation)
        if record is None:
            raise InvalidRequestError(
                operation=self.operation,
                reason=f"{record_path} is missing: export the project into {self.directory} first, or "
                "pass force=True to import without the conflict check",
            )
        if record["projectId"] != project_id:
            raise InvalidRequestError(
                operation=self.operation,
                reason=f"{record_path} records project {record['projectId']}, not {project_id}",
            )
        if isinstance(record.get("modifiedAt"), str):
            self.arguments["base_modified_at"] = record["modifiedAt"]
        self.arguments["base_content_hash"] = str(record.get("contentHash"))

    def recorded(self, result: ImportProjectResponse) -> ImportProjectResponse:
        project = result.project
        record = {
            "projectId": project.id,
            "modifiedAt": project.modified_at,
            "contentHash": project.content_hash,
            "files": self.names,
        }
        _write_record(self.directory, record)
        return result


def import_project(
    client: AuthenticatedClient,
    project_id: str | UUID,
    directory: Directory,
    *,
    delete_missing_notebooks: bool = False,
    force: bool = False,
) -> ImportProjectResponse:
    """Import the ``.deepnote`` files of ``directory`` into the project (conflict check on)."""
    job = _Import(project_id, directory, delete_missing_notebooks=delete_missing_notebooks, force=force)
    return job.recorded(call(import_endpoint, client, **job.arguments))


@parameters_of(import_project)
async def aimport_project(client: AuthenticatedClient, *args: Any, **kwargs: Any) -> ImportProjectResponse:
    """Async ``import_project``."""
    job = _Import(*args, **kwargs)
    return job.recorded(await acall(import_endpoint, client, **job.arguments))
