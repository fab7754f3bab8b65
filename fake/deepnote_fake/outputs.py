"""Realistic ``snapshotDelivery=blocks`` outputs: pure functions of a block's source, the run's input
values and the run's outcome.

The fake does not run Python. It reads a code block's source line by line, understanding just enough
to give each statement the Jupyter output a kernel would:

- ``print(a, b, ...)``: a ``stream`` on stdout; arguments are input names (the run's value, else
  the saved default), string or number literals, or ``"x" * N`` (N characters, for the size caps);
- ``display(a)``: a ``display_data`` with ``text/plain`` and ``text/html``;
- the rich forms, each a ``display_data`` with the MIME type Deepnote sends for it (arguments are
  literals or input names): ``display_html("<b>x</b>")`` (``text/html``), ``display_json({...})``
  (``application/json``), ``display_dataframe(rows=250, columns=["a", "b"])`` (Deepnote's
  dataframe, ``DATAFRAME_MIME``: the first ``DATAFRAME_PAGE_SIZE`` rows of ``rows``, and
  ``row_count``), ``display_png()`` (``image/png``: ``PNG_BYTES`` in base64);
- ``raise Name("message")``: an ``error`` output (``ename``, ``evalue``, ``traceback``); the block
  stops there; a name that is not an input in ``print``/``display`` raises ``NameError`` the same way;
- a last line that is a bare name or literal: an ``execute_result`` with ``text/plain`` (its repr);
- ``open("path", "w").write(x)``: writes ``x`` (a string literal or an input name) to the project
  file ``path`` when a run executes the block (``written_files``; the run's store applies it); as
  the last line it also shows the number of characters written, as Python would.

An ``agent`` block answers with its own text (the prompt stands for what the agent wrote): one
``display_data`` with ``text/markdown`` and ``text/plain``, both the block's content. Other block
types (markdown, inputs, ...) have no outputs. A run whose outcome is ``error`` fails in
the first block whose source raises, else in its last code block, which then ends with an
``error`` output (``RuntimeError``); the blocks after the failing one did not run and have no
outputs. Caps (reference R2, "output size caps"): a block whose outputs exceed 512 KiB as JSON, and
every block once the notebook's outputs pass 5 MiB, gets a single notice output in their place. The
notice's real shape is not documented; the fake uses ``{"output_type": "notice", "text": ...}``.
"""

from __future__ import annotations

import ast
import base64
import json
import re
import struct
import zlib
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

__all__ = [
    "BLOCK_OUTPUT_LIMIT",
    "DATAFRAME_INDEX_COLUMN",
    "DATAFRAME_MIME",
    "DATAFRAME_PAGE_SIZE",
    "NOTEBOOK_OUTPUT_LIMIT",
    "PNG_BYTES",
    "ExecutedBlock",
    "agent_outputs",
    "block_outputs",
    "dataframe",
    "input_values",
    "notebook_outputs",
    "run_raises",
    "written_files",
]

BLOCK_OUTPUT_LIMIT = 512 * 1024
NOTEBOOK_OUTPUT_LIMIT = 5 * 1024 * 1024
JSON = dict[str, Any]

# Deepnote's dataframe output (deepnote-toolkit's formatter): a page of rows, the full row count.
DATAFRAME_MIME = "application/vnd.deepnote.dataframe.v3+json"
DATAFRAME_INDEX_COLUMN = "_deepnote_index_column"
DATAFRAME_PAGE_SIZE = 10  # the toolkit's default page size: `rows` holds this many at most


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A valid PNG of one colour (8-bit RGB, no interlace), built with the standard library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


PNG_BYTES = _png(2, 2, (220, 40, 40))  # what ``display_png()`` shows: a 2x2 red square

_CALL = re.compile(r"^(print|display)\((.*)\)$")
_RAISE = re.compile(r"^raise\s+([A-Za-z_][A-Za-z0-9_]*)\((.*)\)$")
_REPEAT = re.compile(r"""^(['"])(.*)\1\s*\*\s*(\d+)$""")
_RICH = re.compile(r"^(display_html|display_json|display_dataframe|display_png)\(.*\)$")
_WRITE = re.compile(r"""^open\((['"])(.+?)\1\s*,\s*(['"])w\3\)\.write\((.*)\)$""")


class ExecutedBlock(Protocol):
    """What the outputs of one block depend on (the fake's ``records.Block`` is one)."""

    @property
    def id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def content(self) -> str | None: ...


class _HasInput(Protocol):
    @property
    def input(self) -> Any: ...


class _Raised(Exception):
    def __init__(self, ename: str, evalue: str) -> None:
        self.ename = ename
        self.evalue = evalue


def _value(expression: str, values: Mapping[str, Any]) -> Any:
    expression = expression.strip()
    repeated = _REPEAT.match(expression)
    if repeated:
        return repeated.group(2) * int(repeated.group(3))
    if expression in values:
        return values[expression]
    try:
        return ast.literal_eval(expression)
    except (ValueError, SyntaxError):
        raise _Raised("NameError", f"name '{expression}' is not defined") from None


def _arguments(text: str, values: Mapping[str, Any]) -> list[Any]:
    return [_value(part, values) for part in _split_arguments(text)] if text.strip() else []


def _split_arguments(text: str) -> list[str]:
    """Split on commas outside string literals."""
    parts, current, quote = [], "", ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == ",":
            parts.append(current)
            current = ""
            continue
        current += char
    parts.append(current)
    return parts


def _error(ename: str, evalue: str, line: str) -> JSON:
    return {
        "output_type": "error",
        "ename": ename,
        "evalue": evalue,
        "traceback": [
            "Traceback (most recent call last):",
            f"  Cell In[1], line 1\n    {line}",
            f"{ename}: {evalue}",
        ],
    }


def block_outputs(source: str, values: Mapping[str, Any], *, fail: bool = False) -> tuple[list[JSON], bool]:
    """The outputs of a code block with ``source``, and whether it raised.

    ``fail`` makes a block that would otherwise succeed end with a ``RuntimeError``.
    """
    outputs, raised, _ = _execute(source, values, fail=fail)
    return outputs, raised


def written_files(blocks: Sequence[ExecutedBlock], values: Mapping[str, Any]) -> dict[str, str]:
    """The project files the code of ``blocks`` writes, by path (the last write wins), in a run
    with input ``values``: up to the first block that raises, and in it up to the raising line."""
    files: dict[str, str] = {}
    for block in blocks:
        if block.type != "code":
            continue
        _, raised, writes = _execute(block.content or "", values, fail=False)
        files.update(writes)
        if raised:
            break
    return files


def _execute(
    source: str, values: Mapping[str, Any], *, fail: bool
) -> tuple[list[JSON], bool, dict[str, str]]:
    outputs: list[JSON] = []
    writes: dict[str, str] = {}
    lines = [
        line.strip() for line in source.splitlines() if line.strip() and not line.strip().startswith("#")
    ]
    for index, line in enumerate(lines):
        try:
            raised = _RAISE.match(line)
            if raised:
                arguments = _arguments(raised.group(2), values)
                raise _Raised(raised.group(1), str(arguments[0]) if arguments else "")
            written = _WRITE.match(line)
            if written:
                arguments = _arguments(written.group(4), values)
                text = str(arguments[0]) if arguments else ""
                writes[written.group(2)] = text
                if index == len(lines) - 1:
                    outputs.append(_execute_result(len(text)))
                continue
            if _RICH.match(line):
                outputs.append(_rich_output(line, values))
                continue
            called = _CALL.match(line)
            if called and called.group(1) == "print":
                text = " ".join(str(v) for v in _arguments(called.group(2), values)) + "\n"
                outputs.append({"output_type": "stream", "name": "stdout", "text": text})
            elif called:
                for value in _arguments(called.group(2), values):
                    outputs.append(
                        {
                            "output_type": "display_data",
                            "data": {"text/plain": repr(value), "text/html": f"<pre>{value}</pre>"},
                            "metadata": {},
                        }
                    )
            elif index == len(lines) - 1:
                outputs.append(_execute_result(_value(line, values)))
        except _Raised as error:
            outputs.append(_error(error.ename, error.evalue, line))
            return outputs, True, writes
    if fail:
        outputs.append(_error("RuntimeError", "the run failed in this block", lines[-1] if lines else ""))
        return outputs, True, writes
    return outputs, False, writes


def _call_arguments(line: str, values: Mapping[str, Any]) -> tuple[str, list[Any], dict[str, Any]]:
    """The function name, positional and keyword arguments of a one-call line (literals or input
    names), read with ``ast`` so dicts and lists may hold commas."""
    try:
        call = ast.parse(line, mode="eval").body
    except SyntaxError:
        raise _Raised("SyntaxError", "invalid syntax") from None
    assert isinstance(call, ast.Call) and isinstance(call.func, ast.Name)

    def evaluate(node: ast.expr) -> Any:
        if isinstance(node, ast.Name):
            if node.id in values:
                return values[node.id]
            raise _Raised("NameError", f"name '{node.id}' is not defined")
        if isinstance(node, ast.Dict):
            return {evaluate(k): evaluate(v) for k, v in zip(node.keys, node.values, strict=True) if k}
        if isinstance(node, ast.List | ast.Tuple):
            return [evaluate(item) for item in node.elts]
        try:
            return ast.literal_eval(node)
        except ValueError:
            raise _Raised("ValueError", f"not a literal: {ast.unparse(node)}") from None

    positional = [evaluate(node) for node in call.args]
    keywords = {kw.arg: evaluate(kw.value) for kw in call.keywords if kw.arg is not None}
    return call.func.id, positional, keywords


def _display_data(data: JSON) -> JSON:
    return {"output_type": "display_data", "data": data, "metadata": {}}


def _rich_output(line: str, values: Mapping[str, Any]) -> JSON:
    name, positional, keywords = _call_arguments(line, values)
    first = positional[0] if positional else None
    if name == "display_html":
        return _display_data({"text/html": str(first), "text/plain": "<IPython.core.display.HTML object>"})
    if name == "display_json":
        return _display_data({"application/json": first, "text/plain": "<IPython.core.display.JSON object>"})
    if name == "display_png":
        return _display_data(
            {"image/png": base64.b64encode(PNG_BYTES).decode("ascii"), "text/plain": "<Figure size 2x2>"}
        )
    rows = keywords.get("rows", first if first is not None else 25)
    columns = keywords.get("columns", ["a", "b"])
    if not isinstance(rows, int) or rows < 0 or not all(isinstance(c, str) for c in columns):
        raise _Raised("TypeError", "display_dataframe(rows=<int >= 0>, columns=[<str>, ...])")
    return _display_data(
        {
            DATAFRAME_MIME: dataframe(rows, list(columns)),
            "text/plain": f"<DataFrame: {rows} rows x {len(columns)} columns>",
        }
    )


def dataframe(rows: int, columns: Sequence[str]) -> JSON:
    """The ``DATAFRAME_MIME`` value of a dataframe of ``rows`` rows and int64 ``columns``: row ``i``
    has ``i * (k + 1)`` in its ``k``-th column and ``i`` in the index column; only the first
    ``DATAFRAME_PAGE_SIZE`` rows are sent, ``row_count`` is the full count."""
    page = [
        {**{name: i * (k + 1) for k, name in enumerate(columns)}, DATAFRAME_INDEX_COLUMN: i}
        for i in range(min(rows, DATAFRAME_PAGE_SIZE))
    ]
    return {
        "column_count": len(columns),
        "columns": [{"name": name, "dtype": "int64"} for name in columns],
        "row_count": rows,
        "preview_row_count": rows,
        "rows": page,
        "type": "dataframe",
    }


def agent_outputs(text: str) -> list[JSON]:
    """An ``agent`` block's outputs: what it wrote (here its own text), as Markdown and plain text."""
    return [_display_data({"text/markdown": text, "text/plain": text})]


def _execute_result(value: Any) -> JSON:
    return {
        "output_type": "execute_result",
        "execution_count": 1,
        "data": {"text/plain": repr(value)},
        "metadata": {},
    }


def _notice(limit: str) -> list[JSON]:
    return [{"output_type": "notice", "text": f"Outputs omitted: they exceed the {limit} limit"}]


def input_values(blocks: Sequence[_HasInput], run_inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The value of every input for a run: the run's own, else the input block's saved default."""
    saved = {b.input.name: b.input.value for b in blocks if b.input is not None}
    return {**saved, **run_inputs}


def run_raises(blocks: Sequence[ExecutedBlock], values: Mapping[str, Any]) -> bool:
    """Whether some code block raises with these input values (such a run ends with ``error``)."""
    return any(block_outputs(b.content or "", values)[1] for b in blocks if b.type == "code")


def notebook_outputs(
    blocks: Sequence[ExecutedBlock], values: Mapping[str, Any], *, failed: bool
) -> list[list[JSON]]:
    """The outputs of each of ``blocks`` (in order) in a run with input ``values``.

    ``failed`` (outcome ``error``): the first raising block fails, else the last code block does.
    """
    code = [b for b in blocks if b.type == "code"]
    raises = {b.id for b in code if block_outputs(b.content or "", values)[1]}
    failing = next((b.id for b in code if b.id in raises), code[-1].id if code and failed else None)
    result: list[list[JSON]] = []
    total, stopped = 0, False
    for block in blocks:
        outputs: list[JSON] = []
        if block.type == "agent" and not stopped:
            outputs = agent_outputs(block.content or "")
        elif block.type == "code" and not stopped:
            outputs, raised = block_outputs(block.content or "", values, fail=failed and block.id == failing)
            stopped = raised
            size = len(json.dumps(outputs))
            if size > BLOCK_OUTPUT_LIMIT:
                outputs = _notice("512 KiB per block")
            elif total + size > NOTEBOOK_OUTPUT_LIMIT:
                outputs = _notice("5 MiB per notebook")
            else:
                total += size
        result.append(outputs)
    return result
