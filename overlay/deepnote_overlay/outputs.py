"""A finished run's outputs, read from its ``blocks`` snapshot, and the reason a failed run failed.

Guarantees:

- ``RunResult.blocks`` lists the executed blocks in the order the snapshot gives them (the
  notebook's order), each as ``BlockOutputs``: block id and type and its outputs as Jupyter's
  output types (``stream``, ``execute_result``, ``display_data``, ``error``).
- ``BlockOutput.text`` is the stream text, or the ``text/plain`` value of a result or display
  (Jupyter's list-of-strings form is joined); ``data`` maps MIME types to values; errors carry
  ``ename``, ``evalue`` and ``traceback``.
- Reading is lenient: an output of a type that is not one of Jupyter's four, or a block whose
  ``outputs`` is not a list (the API replaces a block's outputs by a notice above 512 KiB, and every
  block's once the notebook's outputs pass 5 MiB; the notice's exact shape is not documented) comes
  back as ``BlockOutputs.notice`` with its text, never as an exception. A snapshot block that is not
  an object or has no string ``id`` raises ``ResponseParseError`` naming it.
- ``RunResult.failure`` is ``None`` for a successful run; for a failed one (``error``,
  ``internal_error``, ``stopped``) it is a ``RunFailure`` naming the first block with an error
  output, its ``ename`` and ``evalue`` (the API's own ``error`` field is often null even then, so it
  is only the fallback).
- ``RunFailedError`` (a ``DeepnoteError``) is raised when the caller asked for a failed run to
  raise; it carries the ``RunResult`` and its ``RunFailure``.
- Statuses are compared by value, so a status this client does not know is simply not terminal.
"""

from __future__ import annotations

import base64
import enum
import importlib
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from deepnote_client.models.run import Run
from deepnote_client.types import Unset

from .errors import DeepnoteError, ResponseParseError, bounded_text

__all__ = [
    "FAILED_STATUS_VALUES",
    "JUPYTER_OUTPUT_TYPES",
    "TERMINAL_STATUS_VALUES",
    "BlockOutput",
    "BlockOutputs",
    "Dataframe",
    "MissingOutputError",
    "RunFailedError",
    "RunFailure",
    "RunResult",
    "parse_snapshot_blocks",
    "status_value",
]

JSON_MIME = "application/json"
DATAFRAME_MIME = "application/vnd.deepnote.dataframe.v3+json"
INDEX_COLUMN = "_deepnote_index_column"
JUPYTER_OUTPUT_TYPES: frozenset[str] = frozenset({"stream", "execute_result", "display_data", "error"})
FAILED_STATUS_VALUES: frozenset[str] = frozenset({"error", "internal_error", "stopped"})
TERMINAL_STATUS_VALUES: frozenset[str] = FAILED_STATUS_VALUES | {"success"}


def status_value(status: object) -> str | None:
    """The string value of a status enum (or plain string); ``None`` when the field was absent."""
    if status is None or isinstance(status, Unset):
        return None
    if isinstance(status, enum.Enum):
        return str(status.value)
    return str(status)


def _joined(value: Any) -> str | None:
    """Jupyter text: a string, or a list of strings to concatenate."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return "".join(value)
    return None


@attrs.frozen
class BlockOutput:
    """One Jupyter output of a block. ``raw`` is the output exactly as the API sent it."""

    output_type: str
    text: str | None = None
    """Stream text, the ``text/plain`` value of a result or display, or a notice's text."""
    data: Mapping[str, Any] = attrs.field(factory=dict)
    """Values by MIME type (``execute_result`` and ``display_data``); text values joined."""
    name: str | None = None
    """``stdout`` or ``stderr`` for a stream."""
    ename: str | None = None
    evalue: str | None = None
    traceback: tuple[str, ...] = ()
    raw: Mapping[str, Any] = attrs.field(factory=dict, repr=False)

    @property
    def is_notice(self) -> bool:
        """Not one of Jupyter's output types: a notice put in place of outputs (for example a size cap)."""
        return self.output_type not in JUPYTER_OUTPUT_TYPES

    @classmethod
    def from_raw(cls, raw: Any) -> BlockOutput:
        if type(raw) is not dict:  # JSON objects decode to dicts; anything else takes the slow path
            if not isinstance(raw, Mapping):
                return cls(output_type="notice", text=_joined(raw) or repr(raw), raw={"value": raw})
            raw = dict(raw)
        get = raw.get
        output_type = get("output_type")
        if type(output_type) is not str:
            output_type = "notice"
        data: dict[str, Any] = {}
        raw_data = get("data")
        if isinstance(raw_data, Mapping):
            for mime, value in raw_data.items():
                text = _joined(value) if mime.startswith("text/") else None
                data[str(mime)] = value if text is None else text
        if output_type == "stream":
            text = _joined(get("text"))
        elif output_type in JUPYTER_OUTPUT_TYPES:
            plain = data.get("text/plain")
            text = plain if isinstance(plain, str) else None
        else:  # a notice: whatever text it carries
            text = next(
                (t for t in (_joined(get(k)) for k in ("text", "message", "notice")) if t is not None),
                data.get("text/plain") if isinstance(data.get("text/plain"), str) else None,
            )
        name, ename, evalue, traceback = get("name"), get("ename"), get("evalue"), get("traceback")
        return cls(
            output_type,
            text,
            data,
            name if isinstance(name, str) else None,
            ename if isinstance(ename, str) else None,
            evalue if isinstance(evalue, str) else None,
            tuple(str(line) for line in traceback) if isinstance(traceback, list) else (),
            raw,
        )


@attrs.frozen
class BlockOutputs:
    """An executed block and its outputs."""

    block_id: str
    block_type: str | None
    outputs: tuple[BlockOutput, ...] = ()
    notice: str | None = None
    """Set when the API put a notice in place of this block's outputs (for example a size cap)."""

    @property
    def text(self) -> str:
        """The text of every stream, result and display of the block, concatenated in order; for an
        ``agent`` block, its Markdown when it wrote some (else its plain text)."""
        if self.block_type == "agent":
            markdown = [
                o.data["text/markdown"] for o in self.outputs if isinstance(o.data.get("text/markdown"), str)
            ]
            if markdown:
                return "".join(markdown)
        return "".join(o.text for o in self.outputs if o.text is not None and not o.is_notice)

    @property
    def json(self) -> Any:
        """The value of the block's last ``application/json`` output (``MissingOutputError`` when none)."""
        return self.data(JSON_MIME)

    @property
    def dataframe(self) -> Dataframe:
        """The block's last Deepnote dataframe output (``MissingOutputError`` when none)."""
        return Dataframe.from_raw(self.data(DATAFRAME_MIME), block_id=self.block_id)

    def images(self, mime: str = "image/png") -> list[bytes]:
        """Every image of type ``mime`` the block displayed, decoded from base64, in order."""
        images = []
        for output in self.outputs:
            value = output.data.get(mime)
            if isinstance(value, str):
                images.append(base64.b64decode(value))
        return images

    @property
    def error(self) -> BlockOutput | None:
        """The block's first ``error`` output, if any."""
        return next((o for o in self.outputs if o.output_type == "error"), None)

    def data(self, mime_type: str) -> Any:
        """The value of the last output that has ``mime_type`` (``MissingOutputError`` when none has)."""
        for output in reversed(self.outputs):
            if mime_type in output.data:
                return output.data[mime_type]
        present = sorted({mime for output in self.outputs for mime in output.data})
        raise MissingOutputError(
            f"block {self.block_id} has no output of type {mime_type!r} (it has: {', '.join(present) or 'none'})"
        )


class MissingOutputError(DeepnoteError, LookupError):
    """A block or a run has no output of the kind asked for; the message says what it has."""


@attrs.frozen
class Dataframe:
    """A Deepnote dataframe output (``application/vnd.deepnote.dataframe.v3+json``).

    ``rows`` are the rows the API sent (the first page only), without Deepnote's index column;
    ``row_count`` is the dataframe's full length, so ``truncated`` says whether rows are missing.
    """

    columns: tuple[str, ...]
    rows: tuple[Mapping[str, Any], ...]
    row_count: int

    @property
    def truncated(self) -> bool:
        return len(self.rows) < self.row_count

    @classmethod
    def from_raw(cls, raw: Any, *, block_id: str) -> Dataframe:
        if not isinstance(raw, Mapping):
            raise MissingOutputError(f"block {block_id}'s dataframe output is not an object")
        columns = tuple(
            str(c.get("name")) if isinstance(c, Mapping) else str(c)
            for c in raw.get("columns") or ()
            if not (isinstance(c, Mapping) and c.get("name") == INDEX_COLUMN)
        )
        rows = tuple(
            {key: value for key, value in row.items() if key != INDEX_COLUMN}
            for row in raw.get("rows") or ()
            if isinstance(row, Mapping)
        )
        count = raw.get("row_count")
        return cls(columns=columns, rows=rows, row_count=count if isinstance(count, int) else len(rows))

    def to_pandas(self) -> Any:
        """The rows as a ``pandas.DataFrame`` (only the rows sent: see ``truncated``); needs pandas
        (the ``[pandas]`` extra)."""
        try:
            pandas = importlib.import_module("pandas")
        except ImportError:
            raise ImportError(
                "Dataframe.to_pandas needs pandas: pip install pandas (or the package's [pandas] extra)"
            ) from None
        return pandas.DataFrame(list(self.rows), columns=list(self.columns))


@attrs.frozen
class RunFailure:
    """Why a run failed: the failing block and its error when the snapshot shows one."""

    status: str
    block_id: str | None = None
    block_type: str | None = None
    ename: str | None = None
    evalue: str | None = None
    traceback: tuple[str, ...] = ()
    message: str | None = None
    """The run's own ``error`` field (often null even on a failed run)."""

    def describe(self) -> str:
        """One line: status, block and error, for messages and logs."""
        text = f"ended with status {self.status}"
        if self.block_id is not None:
            text += f" in block {self.block_id}"
        if self.ename is not None or self.evalue is not None:
            text += f": {self.ename or 'Error'}: {self.evalue or ''}"
        elif self.message:
            text += f": {self.message}"
        return text


@attrs.frozen
class RunResult:
    """A terminal run and the outputs of its blocks.

    ``snapshot_status`` is ``available`` when ``blocks`` holds the outputs; ``unavailable`` (the run
    kept none) or ``pending`` (it was not attached within the snapshot wait) leave ``blocks`` empty.
    """

    run: Run
    snapshot_status: str | None
    blocks: tuple[BlockOutputs, ...] = ()
    url: str | None = None
    """The run's page in Deepnote (``None`` when it could not be made)."""
    values: Mapping[str, Any] = attrs.field(factory=dict)
    """The named outputs asked for with ``outputs={name: output.json(...), ...}``."""
    output: Any = None
    """``values`` built into the ``output_type`` asked for (``None`` without one)."""

    @property
    def text(self) -> str:
        """Every block's text, in notebook order."""
        return "".join(block.text for block in self.blocks)

    @property
    def first_dataframe(self) -> Dataframe | None:
        """The first Deepnote dataframe any block displayed, or ``None``."""
        for block in self.blocks:
            if any(DATAFRAME_MIME in output.data for output in block.outputs):
                return block.dataframe
        return None

    @property
    def last_json(self) -> Any:
        """The last ``application/json`` value of the run (``MissingOutputError`` when none)."""
        for block in reversed(self.blocks):
            if any(JSON_MIME in output.data for output in block.outputs):
                return block.json
        raise MissingOutputError(f"run {self.run_id} has no application/json output")

    @property
    def run_id(self) -> str:
        return str(self.run.run_id)

    @property
    def notebook_id(self) -> str | None:
        notebook_id = self.run.notebook_id
        return None if isinstance(notebook_id, Unset) else notebook_id

    @property
    def status(self) -> str:
        return status_value(self.run.status) or ""

    @property
    def succeeded(self) -> bool:
        return self.status == "success"

    @property
    def notices(self) -> list[str]:
        """Notices the API put in place of outputs, one per affected block."""
        return [b.notice for b in self.blocks if b.notice is not None]

    def block(self, block_id: str) -> BlockOutputs:
        """The outputs of ``block_id`` (``KeyError`` naming it when the snapshot has no such block)."""
        for block in self.blocks:
            if block.block_id == block_id:
                return block
        raise KeyError(f"run {self.run_id} has no outputs for block {block_id!r}")

    @property
    def failure(self) -> RunFailure | None:
        """``None`` unless the run failed; then the first block with an error output, if any."""
        status = self.status
        if status not in FAILED_STATUS_VALUES:
            return None
        message = self.run.error if isinstance(self.run.error, str) else None
        for block in self.blocks:
            error = block.error
            if error is not None:
                return RunFailure(
                    status=status,
                    block_id=block.block_id,
                    block_type=block.block_type,
                    ename=error.ename,
                    evalue=error.evalue,
                    traceback=error.traceback,
                    message=message,
                )
        return RunFailure(status=status, message=message)


def parse_snapshot_blocks(raw_blocks: Any, *, method: str = "GET", url: str = "") -> tuple[BlockOutputs, ...]:
    """``snapshotBlocks`` as sent by the API, read leniently (see the module docstring)."""
    if raw_blocks is None or isinstance(raw_blocks, Unset):
        return ()

    def malformed(field: str, reason: str) -> ResponseParseError:
        return ResponseParseError(
            operation="getRun", status_code=200, method=method, url=url, reason=reason, field=field
        )

    if not isinstance(raw_blocks, Sequence) or isinstance(raw_blocks, str):
        raise malformed("snapshotBlocks", "snapshotBlocks is not an array")
    blocks = []
    from_raw = BlockOutput.from_raw
    for index, raw in enumerate(raw_blocks):
        if not isinstance(raw, Mapping) or not isinstance(raw.get("id"), str):
            raise malformed(f"snapshotBlocks[{index}].id", f"snapshot block {index} has no string id")
        block_type = raw.get("type") if isinstance(raw.get("type"), str) else None
        raw_outputs = raw.get("outputs", [])
        if isinstance(raw_outputs, list):
            outputs = tuple([from_raw(o) for o in raw_outputs])
        else:  # the outputs themselves were replaced by a notice
            outputs = (from_raw(raw_outputs),)
        notices = [o.text or o.output_type for o in outputs if o.output_type not in JUPYTER_OUTPUT_TYPES]
        blocks.append(
            BlockOutputs(
                block_id=raw["id"],
                block_type=block_type,
                outputs=outputs,
                notice="\n".join(notices) if notices else None,
            )
        )
    return tuple(blocks)


class RunFailedError(DeepnoteError):
    """A run ended with ``error``, ``internal_error`` or ``stopped`` and the caller asked to raise.

    ``result`` is the ``RunResult`` (the run and its outputs), ``failure`` the ``RunFailure``: the
    failing block, ``ename`` and ``evalue`` when the snapshot shows them.
    """

    def __init__(self, *, result: RunResult) -> None:
        failure = result.failure
        if failure is None:
            raise ValueError(f"run {result.run_id} did not fail (status {result.status})")
        self.result = result
        self.run = result.run
        self.failure: RunFailure = failure
        self.run_id = result.run_id
        self.notebook_id = result.notebook_id
        self.status = failure.status
        self.block_id = failure.block_id
        self.ename = failure.ename
        self.evalue = failure.evalue
        super().__init__(
            bounded_text(f"run {self.run_id} of notebook {self.notebook_id} {failure.describe()}")
        )
