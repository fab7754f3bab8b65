"""Exporting a project into a directory of ``.deepnote`` files and importing it back (sync and async).

Guarantees:

- ``export_project`` / ``aexport_project`` write every document of ``GET /projects/{id}/export``
  into ``directory`` (created if missing) and a record of the export, ``EXPORT_RECORD``
  (``.deepnote-export.json``: project id, ``modifiedAt``, content hash), and return it as
  ``ProjectExport``. Only plain ``*.deepnote`` names at the archive's root are written; any other
  member (a path, ``..``) raises ``ValueError`` before anything is written.
- ``import_project`` / ``aimport_project`` send the directory's ``*.deepnote`` files (its root only)
  as a ZIP to ``POST /projects/{id}/import`` and return the ``ImportProjectResponse``.
  The conflict check is on by default: the ``modifiedAt`` and content hash of the record go along
  as ``baseModifiedAt`` and ``baseContentHash``, so Deepnote refuses (409, ``ConflictError``) when
  the project changed since the export. Without a record, or a record of another project, nothing
  is sent and ``ValueError`` says why; ``force=True`` skips the check (and needs no record).
  After a successful import the record holds the new ``modifiedAt`` and hash, so the next import
  from the same directory is checked against this one.
- ``content_hash`` is Deepnote's canonical hash of an export: the SHA-256 (hex) of the lines
  ``<file name>\\n<SHA-256 hex of the file>``, sorted and joined by ``\\n``.
- The import is an in-memory ZIP (documents are small YAML files); it is never replayed once sent.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from deepnote_client.client import AuthenticatedClient
from deepnote_client.types import UNSET, File, Unset

from .calls import acall, call

if TYPE_CHECKING:
    from deepnote_client.models import ImportProjectResponse

__all__ = [
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
Directory = str | os.PathLike[str]


@dataclass(frozen=True)
class ProjectExport:
    """What an export wrote: the project, its ``modifiedAt``, the content hash and the file names."""

    project_id: str
    modified_at: str | None
    content_hash: str
    files: tuple[str, ...]


def content_hash(documents: dict[str, bytes]) -> str:
    """Deepnote's canonical hash of an export, from file name -> content."""
    lines = sorted(f"{name}\n{hashlib.sha256(content).hexdigest()}" for name, content in documents.items())
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _documents(archive: bytes) -> dict[str, bytes]:
    documents = {}
    with zipfile.ZipFile(io.BytesIO(archive)) as zip_file:
        for info in zip_file.infolist():
            name = info.filename
            if (
                info.is_dir()
                or Path(name).name != name
                or name in ("", ".", "..")
                or not name.endswith(SUFFIX)
            ):
                raise ValueError(
                    f"the export holds {name!r}, not a .deepnote file at its root; nothing written"
                )
            documents[name] = zip_file.read(info)
    return documents


def _modified_at(documents: dict[str, bytes]) -> str | None:
    """The shared ``metadata.modifiedAt`` of the documents (read without a YAML parser: it is the
    one ``modifiedAt:`` line of the ``metadata`` mapping Deepnote writes)."""
    for content in documents.values():
        for line in content.decode("utf-8", "replace").splitlines():
            if line.startswith("  modifiedAt:"):
                return line.split(":", 1)[1].strip().strip("'\"")
    return None


def _write_export(project_id: str, archive: bytes, directory: Directory) -> ProjectExport:
    documents = _documents(archive)
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    for name, content in documents.items():
        (target / name).write_bytes(content)
    export = ProjectExport(
        project_id, _modified_at(documents), content_hash(documents), tuple(sorted(documents))
    )
    _write_record(target, export.project_id, export.modified_at, export.content_hash)
    return export


def _write_record(directory: Path, project_id: str, modified_at: str | None, hash_: str) -> None:
    record = {"projectId": project_id, "modifiedAt": modified_at, "contentHash": hash_}
    (directory / EXPORT_RECORD).write_text(json.dumps(record, indent=2) + "\n")


def export_project(client: AuthenticatedClient, project_id: str, directory: Directory) -> ProjectExport:
    """Export the project into ``directory`` (one ``.deepnote`` file per notebook, plus the record)."""
    from deepnote_client.api.projects import export_project as endpoint

    archive = call(endpoint, client, project_id=project_id).payload.read()
    return _write_export(project_id, archive, directory)


async def aexport_project(
    client: AuthenticatedClient, project_id: str, directory: Directory
) -> ProjectExport:
    """Async ``export_project``."""
    from deepnote_client.api.projects import export_project as endpoint

    archive = (await acall(endpoint, client, project_id=project_id)).payload.read()
    return _write_export(project_id, archive, directory)


@dataclass(frozen=True)
class _ImportRequest:
    body: File
    base_modified_at: str | Unset
    base_content_hash: str | Unset


def _import_request(project_id: str, directory: Directory, *, force: bool) -> _ImportRequest:
    source = Path(directory)
    base_modified_at: str | Unset = UNSET
    base_content_hash: str | Unset = UNSET
    if not force:
        record_path = source / EXPORT_RECORD
        if not record_path.is_file():
            raise ValueError(
                f"{record_path} is missing: export the project into {source} first, or pass force=True "
                "to import without the conflict check"
            )
        record = json.loads(record_path.read_text())
        if record.get("projectId") != str(project_id):
            raise ValueError(f"{record_path} records project {record.get('projectId')}, not {project_id}")
        if isinstance(record.get("modifiedAt"), str):
            base_modified_at = record["modifiedAt"]
        base_content_hash = str(record["contentHash"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zip_file:
        for path in sorted(source.glob(f"*{SUFFIX}")):
            zip_file.writestr(path.name, path.read_bytes())
    buffer.seek(0)
    body = File(payload=buffer, file_name="project.zip", mime_type="application/zip")
    return _ImportRequest(body, base_modified_at, base_content_hash)


def _after_import(directory: Directory, result: ImportProjectResponse) -> ImportProjectResponse:
    _write_record(Path(directory), result.project.id, result.project.modified_at, result.project.content_hash)
    return result


def import_project(
    client: AuthenticatedClient,
    project_id: str,
    directory: Directory,
    *,
    delete_missing_notebooks: bool = False,
    force: bool = False,
) -> ImportProjectResponse:
    """Import the ``.deepnote`` files of ``directory`` into the project (conflict check on)."""
    from deepnote_client.api.projects import import_project as endpoint

    request = _import_request(project_id, directory, force=force)
    result = call(
        endpoint,
        client,
        project_id=project_id,
        body=request.body,
        base_modified_at=request.base_modified_at,
        base_content_hash=request.base_content_hash,
        delete_missing_notebooks=delete_missing_notebooks,
        force=force,
    )
    return _after_import(directory, result)


async def aimport_project(
    client: AuthenticatedClient,
    project_id: str,
    directory: Directory,
    *,
    delete_missing_notebooks: bool = False,
    force: bool = False,
) -> ImportProjectResponse:
    """Async ``import_project``."""
    from deepnote_client.api.projects import import_project as endpoint

    request = _import_request(project_id, directory, force=force)
    result = await acall(
        endpoint,
        client,
        project_id=project_id,
        body=request.body,
        base_modified_at=request.base_modified_at,
        base_content_hash=request.base_content_hash,
        delete_missing_notebooks=delete_missing_notebooks,
        force=force,
    )
    return _after_import(directory, result)
