"""The ``.deepnote`` format: YAML documents of a project, its notebooks and their blocks.

The one place where the fake writes (and reads) the documents Deepnote's own tools use: run
snapshots (``snapshotContent`` and the download URL) and, for project export and import, one source
document per notebook. What it guarantees, checked against ``deepnote validate`` of deepnote-cli
0.10.0 (``make compat``) and its schema (``deepnote_cli/skills/deepnote/references/schema.ts``):

- the envelope: ``version`` ``1.0.0``, ``metadata.createdAt``, ``project.id``/``name``/``notebooks``;
- each block with ``id``, ``blockGroup``, ``sortingKey`` (zero-padded position, as Deepnote's own
  serializer writes it), ``type``, ``content``, ``contentHash``, ``metadata`` (the block's own
  metadata, a SQL block's ``sql_integration_id``; input blocks carry their variable, label,
  options and value);
- in a snapshot: every executable block with ``outputs`` (a list of Jupyter outputs, taken as given),
  ``environment``, ``execution`` (the run's metadata: times, inputs, summary, first error) and
  ``metadata.snapshotHash``, computed as the CLI computes it, so the CLI reads it as a snapshot;
- the same records always give the same text (sync compares documents by hash).

Use: ``project_document(project, [NotebookEntry(notebook)], created_at=...)`` for a source
document, plus ``execution=execution_metadata(...)`` and per-entry ``outputs`` for a snapshot; then
``dump``. ``load`` parses a document (YAML 1.2 scalars, as the CLI writes them) and ``read_block``
turns one of its blocks back into a ``Block`` record, so that writing that record again gives the
same block (``source_blocks`` is what a source document writes for a list of blocks). The YAML emitter
(PyYAML) comes with the ``[fake]`` extra and is imported on first use, so ``FakeDeepnote`` works
without it.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._install import INSTALL_FROM_CLONE
from .records import Block, Notebook, NotebookInput, Project

if TYPE_CHECKING:
    import yaml

__all__ = [
    "EXECUTABLE_BLOCK_TYPES",
    "FORMAT_VERSION",
    "FormatError",
    "NotebookEntry",
    "content_hash",
    "dump",
    "execution_metadata",
    "load",
    "project_document",
    "read_block",
    "snapshot_hash",
    "sorting_key",
    "source_blocks",
]

JSON = dict[str, Any]

FORMAT_VERSION = "1.0.0"
INPUT_BLOCK_TYPES = frozenset(
    {
        "input-text",
        "input-textarea",
        "input-checkbox",
        "input-select",
        "input-slider",
        "input-date",
        "input-date-range",
        "input-file",
    }
)
# The block types whose schema has outputs and execution fields (the CLI's executableBlockTypes).
EXECUTABLE_BLOCK_TYPES = frozenset(
    {"agent", "code", "sql", "notebook-function", "visualization", "pivot-table", "button", "big-number"}
    | INPUT_BLOCK_TYPES
)
# The schema types a slider's and a date input's value as a string.
_STRING_VALUED_INPUTS = frozenset(
    {"input-text", "input-textarea", "input-slider", "input-date", "input-file"}
)


class FormatError(ValueError):
    """A document's block the format cannot read; the message names the field."""


@dataclass(frozen=True)
class NotebookEntry:
    """One notebook of a document.

    ``blocks``: the blocks to write, in order (``None``: all of the notebook's). ``outputs``: each
    block's Jupyter outputs by block id; ``None`` makes a source document (no outputs at all), a
    mapping makes executable blocks carry ``outputs`` (``[]`` when absent). ``input_values``:
    values of input variables by name, shown instead of the saved defaults (a run's inputs).
    """

    notebook: Notebook
    blocks: Sequence[Block] | None = None
    outputs: Mapping[str, Sequence[JSON]] | None = None
    input_values: Mapping[str, Any] | None = None


def sorting_key(position: int) -> str:
    """The ``sortingKey`` of the block at ``position``: Deepnote's serializer writes the position
    zero-padded to six digits, so lexicographic order is block order."""
    return str(position).zfill(6)


def content_hash(content: str) -> str:
    """``contentHash`` of a block's content, as the CLI computes it: ``sha256:<hex>``."""
    return "sha256:" + hashlib.sha256(content.encode()).hexdigest()


def _block_group(block_id: str) -> str:
    # Every block is its own group; derived from the id (32 hex, like Deepnote's) so documents
    # are deterministic.
    return hashlib.sha256(f"blockGroup:{block_id}".encode()).hexdigest()[:32]


SQL_INTEGRATION_KEY = "sql_integration_id"
# NotebookInput attribute -> its metadata key (besides the name, the value and the default).
_INPUT_KEYS = {
    "label": "deepnote_input_label",
    "options": "deepnote_variable_options",
    "multiple": "deepnote_allow_multiple_values",
    "min": "deepnote_slider_min_value",
    "max": "deepnote_slider_max_value",
    "step": "deepnote_slider_step",
}
_VALUE_KEY, _DEFAULT_KEY, _NAME_KEY = (
    "deepnote_variable_value",
    "deepnote_variable_default_value",
    "deepnote_variable_name",
)
# Written from the input record alone, so read back into it, not into the block's metadata.
_INPUT_METADATA_KEYS = frozenset(
    {*_INPUT_KEYS.values(), _VALUE_KEY, _DEFAULT_KEY, _NAME_KEY, "deepnote_variable_select_type"}
)


def _input_metadata(block_type: str, spec: NotebookInput, value: Any) -> JSON:
    meta: JSON = {_NAME_KEY: spec.name}
    if spec.label is not None:
        meta[_INPUT_KEYS["label"]] = spec.label
    if value is not None:
        meta[_VALUE_KEY] = _input_value(block_type, value)
    if spec.value is not None:
        meta[_DEFAULT_KEY] = _input_value(block_type, spec.value)
    if spec.options is not None:
        meta[_INPUT_KEYS["options"]] = list(spec.options)
        meta["deepnote_variable_select_type"] = "from-options"
    if spec.multiple is not None:
        meta[_INPUT_KEYS["multiple"]] = spec.multiple
    for attribute in ("min", "max", "step"):
        number = getattr(spec, attribute)
        if number is not None:
            meta[_INPUT_KEYS[attribute]] = number
    return meta


def _input_value(block_type: str, value: Any) -> Any:
    if block_type in _STRING_VALUED_INPUTS and not isinstance(value, str):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _block(
    block: Block, position: int, outputs: Mapping[str, Sequence[JSON]] | None, values: Mapping[str, Any]
) -> JSON:
    content = block.content or ""
    data: JSON = {
        "id": block.id,
        "blockGroup": _block_group(block.id),
        "sortingKey": sorting_key(position),
        "type": block.type,
        "content": content,
    }
    if content:
        data["contentHash"] = content_hash(content)
    metadata: JSON = dict(block.metadata or {})
    if block.integration_id is not None:
        metadata[SQL_INTEGRATION_KEY] = block.integration_id
    if block.input is not None:
        value = values.get(block.input.name, block.input.value)
        metadata.update(_input_metadata(block.type, block.input, value))
    if outputs is not None and block.type in EXECUTABLE_BLOCK_TYPES:
        data["outputs"] = [dict(output) for output in outputs.get(block.id, ())]
    data["metadata"] = metadata
    return data


def source_blocks(blocks: Sequence[Block]) -> list[JSON]:
    """The blocks as a source document (an export entry) writes them: equal lists, equal text."""
    return [_block(block, position, None, {}) for position, block in enumerate(blocks)]


def read_block(data: Any) -> Block:
    """The ``Block`` record of a document's block, the reverse of what ``project_document`` writes:
    ``id``, ``type``, ``content``, an input block's variable (its value is the document's
    ``deepnote_variable_value``, else the default), a SQL block's ``sql_integration_id`` and the
    rest of ``metadata``. Outputs and execution fields are dropped. ``FormatError`` names the field."""
    if not isinstance(data, Mapping):
        raise FormatError("must be a mapping")
    block_id, kind, content = data.get("id"), data.get("type"), data.get("content")
    if not isinstance(block_id, str) or not block_id:
        raise FormatError("id must be a non-empty string")
    if not isinstance(kind, str) or not kind:
        raise FormatError("type must be a non-empty string")
    if content is not None and not isinstance(content, str):
        raise FormatError("content must be a string")
    metadata = data.get("metadata")
    if metadata is None:
        metadata = {}
    if not isinstance(metadata, Mapping):
        raise FormatError("metadata must be a mapping")
    block_input = None
    variable = metadata.get(_NAME_KEY)
    if kind in INPUT_BLOCK_TYPES and isinstance(variable, str):
        block_input = NotebookInput(
            variable,
            metadata.get(_VALUE_KEY, metadata.get(_DEFAULT_KEY)),
            **{attribute: metadata.get(key) for attribute, key in _INPUT_KEYS.items()},
        )
        metadata = {k: v for k, v in metadata.items() if k not in _INPUT_METADATA_KEYS}
    integration = metadata.get(SQL_INTEGRATION_KEY)
    return Block(
        block_id,
        kind,
        content or "",
        block_input,
        metadata=dict(metadata),
        integration_id=integration if kind == "sql" and isinstance(integration, str) else None,
    )


def project_document(
    project: Project,
    notebooks: Sequence[NotebookEntry],
    *,
    created_at: str,
    modified_at: str | None = None,
    exported_at: str | None = None,
    init_notebook_id: str | None = None,
    execution: JSON | None = None,
) -> JSON:
    """The document (a dict, ready for ``dump``) of ``project`` with ``notebooks``.

    Timestamps are RFC 3339 strings (``store.iso``). With ``execution`` (see
    ``execution_metadata``) it is a snapshot: it also gets ``environment`` and
    ``metadata.snapshotHash``; give the entries ``outputs`` then.
    """
    metadata: JSON = {"createdAt": created_at}
    if modified_at is not None:
        metadata["modifiedAt"] = modified_at
    if exported_at is not None:
        metadata["exportedAt"] = exported_at
    project_data: JSON = {"id": project.id, "name": project.name}
    if init_notebook_id is not None:
        project_data["initNotebookId"] = init_notebook_id
    project_data["notebooks"] = [
        {
            "id": entry.notebook.id,
            "name": entry.notebook.name,
            "blocks": [
                _block(block, position, entry.outputs, entry.input_values or {})
                for position, block in enumerate(
                    entry.notebook.blocks if entry.blocks is None else entry.blocks
                )
            ],
        }
        for entry in notebooks
    ]
    document: JSON = {"version": FORMAT_VERSION, "metadata": metadata}
    if execution is not None:
        document["environment"] = {}
        document["execution"] = execution
    document["project"] = project_data
    if execution is not None:
        metadata["snapshotHash"] = snapshot_hash(document)
    return document


def execution_metadata(
    *,
    started_at: str,
    finished_at: str,
    duration_ms: float,
    inputs: Mapping[str, Any],
    outputs: Mapping[str, Sequence[JSON]],
    triggered_by: str = "api",
) -> JSON:
    """A run's ``execution`` block. ``outputs`` are the executed blocks' outputs by block id: a
    block failed when one of its outputs is an ``error``; the first such output becomes
    ``execution.error``."""
    errors = [
        output
        for block_outputs in outputs.values()
        for output in block_outputs
        if output.get("output_type") == "error"
    ]
    failed = sum(
        1 for block_outputs in outputs.values() if any(o.get("output_type") == "error" for o in block_outputs)
    )
    data: JSON = {
        "startedAt": started_at,
        "finishedAt": finished_at,
        "triggeredBy": triggered_by,
        "inputs": dict(inputs),
        "summary": {
            "blocksExecuted": len(outputs),
            "blocksSucceeded": len(outputs) - failed,
            "blocksFailed": failed,
            "totalDurationMs": round(duration_ms),
        },
    }
    if errors:
        first = errors[0]
        error: JSON = {"name": str(first.get("ename", "Error")), "message": str(first.get("evalue", ""))}
        traceback = first.get("traceback")
        if isinstance(traceback, list):
            error["traceback"] = [str(line) for line in traceback]
        data["error"] = error
    return data


def snapshot_hash(document: Mapping[str, Any]) -> str:
    """``metadata.snapshotHash`` as the CLI computes it (``computeSnapshotHash``): sha256 over the
    version, the environment hash, the integrations and each block's ``contentHash``."""
    parts = [f"version:{document['version']}"]
    environment = document.get("environment") or {}
    if environment.get("hash"):
        parts.append(f"env:{environment['hash']}")
    project = document["project"]
    for integration in sorted(project.get("integrations") or [], key=lambda i: str(i["id"])):
        parts.append(f"integration:{integration['id']}:{integration['type']}")
    for notebook in project["notebooks"]:
        for block in notebook["blocks"]:
            if block.get("contentHash"):
                parts.append(f"block:{block['id']}:{block['contentHash']}")
    return "sha256:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


# Deepnote reads documents as YAML 1.2 (core schema); PyYAML speaks YAML 1.1, where yes/no/on/off
# are booleans, 0777 is octal, unquoted timestamps are datetimes, and 000008 is a string (so PyYAML
# writes it plain, and a YAML 1.2 reader takes it for the number 8). Both directions follow 1.2.
_CORE_BOOL = r"true|True|TRUE|false|False|FALSE"
_CORE_INT = r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
_CORE_FLOAT = (
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_CORE_NON_STRING = re.compile(rf"~|null|Null|NULL|{_CORE_BOOL}|{_CORE_INT}|{_CORE_FLOAT}")
_YAML11_TYPES = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _core_int(text: str) -> int:
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)


@functools.cache
def _yaml() -> tuple[type[yaml.SafeDumper], type[yaml.SafeLoader]]:
    """The dumper and loader classes; PyYAML is imported here, on first use (the [fake] extra)."""
    try:
        import yaml
    except ModuleNotFoundError as exc:  # pragma: no cover - the [fake] extra brings it
        raise ModuleNotFoundError(
            f".deepnote documents need PyYAML, from the [fake] extra; {INSTALL_FROM_CLONE} ({exc})",
            name="yaml",
        ) from exc

    class Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            # Deepnote refuses anchors and aliases (``&``, ``*``), which PyYAML writes for an
            # object that appears twice (an input's value that is also its default).
            return True

        def represent_str(self, data: str) -> yaml.ScalarNode:
            if "\n" in data:
                style: str | None = "|"
            elif _CORE_NON_STRING.fullmatch(data):
                style = "'"  # a YAML 1.2 reader would take it for a number, boolean or null
            else:
                style = None
            return self.represent_scalar("tag:yaml.org,2002:str", data, style=style)

    Dumper.add_representer(str, Dumper.represent_str)

    class Loader(yaml.SafeLoader):
        def construct_core_int(self, node: yaml.ScalarNode) -> int:
            return _core_int(str(self.construct_scalar(node)))

    Loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in (*_YAML11_TYPES, _TIMESTAMP)]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(rf"^(?:{_CORE_BOOL})$"), list("tTfF"))
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:int", re.compile(rf"^(?:{_CORE_INT})$"), list("-+0123456789")
    )
    Loader.add_implicit_resolver(
        "tag:yaml.org,2002:float", re.compile(rf"^(?:{_CORE_FLOAT})$"), list("-+.0123456789")
    )
    Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_core_int)
    return Dumper, Loader


def dump(document: Mapping[str, Any]) -> str:
    """The YAML text of ``document`` as Deepnote's parser takes it: UTF-8 text without a BOM, no
    anchors, aliases, merge keys or tags; keys in the given order, multi-line strings as ``|``
    blocks, a string quoted wherever a YAML 1.1 or 1.2 reader would take it for something else
    (``'000008'``, ``'yes'``), plain elsewhere."""
    dumper, _ = _yaml()  # first: it names the extra when PyYAML is missing
    import yaml

    text: str = yaml.dump(dict(document), Dumper=dumper, sort_keys=False, allow_unicode=True, width=120)
    return text


def load(text: str) -> Any:
    """Parse a ``.deepnote`` document with YAML 1.2 core-schema scalars, as the CLI writes them:
    ``createdAt: 2025-01-08T10:00:00Z`` and ``yes`` stay strings, ``010`` is 10. Raises
    ``ValueError`` on text that is not YAML."""
    _, loader = _yaml()
    import yaml

    try:
        return yaml.load(text, Loader=loader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.YAMLError as exc:
        raise ValueError(f"not a YAML document: {exc}") from exc
