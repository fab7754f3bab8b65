"""The ZIP archives of project export and import, and their content hash.

The documents inside are written and read by ``deepnote_format``, the one module for the
``.deepnote`` format (checked by ``deepnote validate`` and Deepnote's CLI ``sync`` in
``make compat``). This module holds what is particular to export and import (reference P6, P7 and
what deepnote-cli 0.10.0 reads, ``docs/deepnote-cli-0.10.0.md``):

- One source document per notebook: the project envelope (``metadata.createdAt``, the shared
  ``metadata.modifiedAt``) holding that one notebook with its blocks, no outputs and no execution
  metadata. Documents are byte-identical for an unchanged project: no time of export, keys in a
  fixed order.
- File names: the slugified notebook name, else the notebook id, made unique with ``-2``, ``-3``.
- The archive: documents at its root, stored in name order with a fixed timestamp.
- ``content_hash``: SHA-256 (hex) of the lines ``<file name>\\n<SHA-256 hex of the file>``, sorted and
  joined by ``\\n`` (reference P7; the CLI computes the same).

``read_archive`` parses an uploaded archive and raises ``DocumentError`` (the fake's 422) naming the
file and the problem: not a ZIP, a member outside the root or not ``.deepnote``, not YAML, not one
notebook, inconsistent project names or integrations.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from . import deepnote_format
from .records import Block, Notebook, Project

__all__ = [
    "DOCUMENT_SUFFIX",
    "DocumentError",
    "ParsedDocument",
    "archive",
    "content_hash",
    "file_names",
    "notebook_document",
    "read_archive",
]

DOCUMENT_SUFFIX = ".deepnote"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class DocumentError(ValueError):
    """An uploaded archive or document the import refuses (422)."""


@dataclass
class ParsedDocument:
    file_name: str
    project_id: str
    project_name: str
    integrations: Any
    notebook_id: str
    notebook_name: str
    blocks: list[Block] = field(default_factory=list)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def file_names(notebooks: list[tuple[str, str]]) -> list[str]:
    """File names for ``(notebook id, name)`` pairs, in order: slug or id, made unique."""
    taken: set[str] = set()
    names = []
    for notebook_id, name in notebooks:
        base = _slug(name) or notebook_id
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        names.append(candidate + DOCUMENT_SUFFIX)
    return names


def notebook_document(project: Project, notebook: Notebook, *, created_at: str, modified_at: str) -> bytes:
    """One notebook's source ``.deepnote`` document (YAML, UTF-8), as ``deepnote_format`` writes it."""
    document = deepnote_format.project_document(
        project, [deepnote_format.NotebookEntry(notebook)], created_at=created_at, modified_at=modified_at
    )
    return deepnote_format.dump(document).encode("utf-8")


def archive(documents: list[tuple[str, bytes]]) -> bytes:
    """A ZIP of ``(file name, content)`` at its root, in name order, with a fixed timestamp."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zip_file:
        for name, content in sorted(documents):
            zip_file.writestr(zipfile.ZipInfo(name, date_time=_ZIP_TIME), content)
    return buffer.getvalue()


def content_hash(documents: list[tuple[str, bytes]]) -> str:
    """The canonical hash of an export (reference P7)."""
    lines = sorted(f"{name}\n{hashlib.sha256(content).hexdigest()}" for name, content in documents)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def read_archive(data: bytes) -> list[ParsedDocument]:
    """The documents of an uploaded archive; ``DocumentError`` naming what is wrong."""
    try:
        zip_file = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DocumentError("The archive is not a valid ZIP file") from None
    documents = []
    with zip_file:
        for info in zip_file.infolist():
            name = info.filename
            if info.is_dir() or "/" in name or "\\" in name or not name.endswith(DOCUMENT_SUFFIX):
                raise DocumentError(f'"{name}" is not a .deepnote document at the root of the archive')
            try:
                raw = zip_file.read(info)
            except (zipfile.BadZipFile, OSError, ValueError):
                raise DocumentError(f'"{name}" cannot be read from the archive') from None
            documents.append(_parse(name, raw))
    names = {(d.project_name, repr(d.integrations)) for d in documents}
    if len(names) > 1:
        raise DocumentError("All documents must share the project name and integrations")
    ids = [d.notebook_id for d in documents]
    if len(set(ids)) != len(ids):
        raise DocumentError("A notebook id appears in more than one document")
    return documents


def _parse(name: str, raw: bytes) -> ParsedDocument:
    try:
        document = deepnote_format.load(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise DocumentError(f'"{name}" is not a YAML document') from None
    project = document.get("project") if isinstance(document, dict) else None
    if not isinstance(project, dict):
        raise DocumentError(f'"{name}" has no project')
    notebooks = project.get("notebooks")
    if not isinstance(notebooks, list) or len(notebooks) != 1 or not isinstance(notebooks[0], dict):
        raise DocumentError(f'"{name}" must hold exactly one notebook')
    notebook = notebooks[0]
    project_id, project_name = project.get("id"), project.get("name")
    notebook_id, notebook_name = notebook.get("id"), notebook.get("name")
    for key, value in (
        ("project.id", project_id),
        ("project.name", project_name),
        ("project.notebooks[0].id", notebook_id),
        ("project.notebooks[0].name", notebook_name),
    ):
        if not isinstance(value, str) or not value:
            raise DocumentError(f'"{name}": {key} must be a non-empty string')
    blocks = notebook.get("blocks", [])
    if not isinstance(blocks, list):
        raise DocumentError(f'"{name}": project.notebooks[0].blocks must be a list')
    assert isinstance(project_id, str) and isinstance(project_name, str)
    assert isinstance(notebook_id, str) and isinstance(notebook_name, str)
    return ParsedDocument(
        file_name=name,
        project_id=project_id,
        project_name=project_name,
        integrations=project.get("integrations"),
        notebook_id=notebook_id,
        notebook_name=notebook_name,
        blocks=[_read_block(name, i, block) for i, block in enumerate(blocks)],
    )


def _read_block(name: str, index: int, data: Any) -> Block:
    try:
        return deepnote_format.read_block(data)
    except deepnote_format.FormatError as error:
        raise DocumentError(f'"{name}": block {index}: {error}') from None
