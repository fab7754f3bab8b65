"""The ``.deepnote`` documents and ZIP archives of project export and import (issue 11b).

Everything about the document format is here, so a later check with Deepnote's own CLI changes one
module. What the fake writes (reference P6, P7 and Deepnote's published file format):

- One YAML document per notebook, a full project envelope holding that one notebook::

      version: 1.0.0
      metadata: {createdAt: <project created>, modifiedAt: <shared by every document>}
      project:
        id: <project id>
        name: <project name>
        notebooks:
          - id: <notebook id>
            name: <notebook name>
            executionMode: block
            isModule: false
            blocks:
              - {id, blockGroup, sortingKey, type, content, metadata}
        settings: {}

  Outputs and execution metadata are left out. Input blocks carry their variable in ``metadata``
  (``deepnote_variable_name``, ``deepnote_variable_value``, ...). Documents are byte-identical for
  an unchanged project: no time of export, keys in a fixed order.
- File names: the slugified notebook name, else the notebook id, made unique with ``-2``, ``-3``.
- The archive: documents at its root, stored in name order with a fixed timestamp.
- ``content_hash``: SHA-256 (hex) of the lines ``<file name>\\n<SHA-256 hex of the file>``, sorted and
  joined by ``\\n`` (reference P7).

``read_archive`` parses an uploaded archive and raises ``DocumentError`` (the fake's 422) naming the
file and the problem: not a ZIP, a member outside the root or not ``.deepnote``, not YAML, not one
notebook, inconsistent project names or integrations.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from .records import Block, NotebookInput

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
FORMAT_VERSION = "1.0.0"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_INPUT_KEYS = {  # NotebookInput attribute -> metadata key
    "label": "deepnote_input_label",
    "options": "deepnote_variable_options",
    "multiple": "deepnote_allow_multiple_values",
    "min": "deepnote_slider_min_value",
    "max": "deepnote_slider_max_value",
    "step": "deepnote_slider_step",
}


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


@functools.cache
def _dumper() -> type[Any]:
    """A YAML dumper writing multi-line strings as literal blocks (``|``), so code reads as code.

    PyYAML comes with the ``[fake]`` extra; it is imported here, on first use, because
    ``FakeDeepnote`` itself works without that extra (only export and import need it)."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, represent_str)
    return Dumper


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


def _block(block: Block, index: int) -> dict[str, Any]:
    metadata: dict[str, Any] = {}
    if block.input is not None:
        metadata["deepnote_variable_name"] = block.input.name
        metadata["deepnote_variable_value"] = block.input.value
        for attribute, key in _INPUT_KEYS.items():
            value = getattr(block.input, attribute)
            if value is not None:
                metadata[key] = value
    return {
        "id": block.id,
        "blockGroup": hashlib.md5(block.id.encode(), usedforsecurity=False).hexdigest(),
        "sortingKey": f"a{index:04x}",
        "type": block.type,
        "content": block.content or "",
        "metadata": metadata,
    }


def notebook_document(
    *,
    project_id: str,
    project_name: str,
    created_at: str,
    modified_at: str,
    notebook_id: str,
    notebook_name: str,
    blocks: list[Block],
) -> bytes:
    """One notebook's ``.deepnote`` document (YAML, UTF-8)."""
    document = {
        "version": FORMAT_VERSION,
        "metadata": {"createdAt": created_at, "modifiedAt": modified_at},
        "project": {
            "id": project_id,
            "name": project_name,
            "notebooks": [
                {
                    "id": notebook_id,
                    "name": notebook_name,
                    "executionMode": "block",
                    "isModule": False,
                    "blocks": [_block(block, i) for i, block in enumerate(blocks)],
                }
            ],
            "settings": {},
        },
    }
    import yaml

    text = yaml.dump(document, Dumper=_dumper(), sort_keys=False, allow_unicode=True, width=100)
    return text.encode("utf-8")


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
    import yaml

    try:
        document = yaml.safe_load(raw.decode("utf-8"))
    except (UnicodeDecodeError, yaml.YAMLError):
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
    where = f'"{name}": block {index}'
    if not isinstance(data, dict):
        raise DocumentError(f"{where} must be a mapping")
    block_id, kind, content = data.get("id"), data.get("type"), data.get("content", "")
    if not isinstance(block_id, str) or not block_id or not isinstance(kind, str) or not kind:
        raise DocumentError(f"{where} needs a string id and type")
    if not isinstance(content, str):
        raise DocumentError(f"{where}: content must be a string")
    metadata = data.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise DocumentError(f"{where}: metadata must be a mapping")
    variable = metadata.get("deepnote_variable_name")
    block_input = None
    if kind.startswith("input-") and isinstance(variable, str):
        block_input = NotebookInput(
            variable,
            metadata.get("deepnote_variable_value"),
            **{attribute: metadata.get(key) for attribute, key in _INPUT_KEYS.items()},
        )
    return Block(block_id, kind, content, block_input)
