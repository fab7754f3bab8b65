"""Realistic ``snapshotDelivery=blocks`` outputs: pure functions of a block's source, the run's input
values and the run's outcome.

The fake does not run Python. It reads a code block's source line by line, understanding just enough
to give each statement the Jupyter output a kernel would:

- ``print(a, b, ...)``: a ``stream`` on stdout; arguments are input names (the run's value, else
  the saved default), string or number literals, or ``"x" * N`` (N characters, for the size caps);
- ``display(a)``: a ``display_data`` with ``text/plain`` and ``text/html``;
- ``raise Name("message")``: an ``error`` output (``ename``, ``evalue``, ``traceback``); the block
  stops there; a name that is not an input in ``print``/``display`` raises ``NameError`` the same way;
- a last line that is a bare name or literal: an ``execute_result`` with ``text/plain`` (its repr);
- ``open("path", "w").write(x)``: writes ``x`` (a string literal or an input name) to the project
  file ``path`` when a run executes the block (``written_files``; the run's store applies it); as
  the last line it also shows the number of characters written, as Python would.

Other block types (markdown, inputs, ...) have no outputs. A run whose outcome is ``error`` fails in
the first block whose source raises, else in its last code block, which then ends with an
``error`` output (``RuntimeError``); the blocks after the failing one did not run and have no
outputs. Caps (reference R2, "output size caps"): a block whose outputs exceed 512 KiB as JSON, and
every block once the notebook's outputs pass 5 MiB, gets a single notice output in their place. The
notice's real shape is not documented; the fake uses ``{"output_type": "notice", "text": ...}``.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

__all__ = [
    "BLOCK_OUTPUT_LIMIT",
    "NOTEBOOK_OUTPUT_LIMIT",
    "ExecutedBlock",
    "block_outputs",
    "input_values",
    "notebook_outputs",
    "run_raises",
    "written_files",
]

BLOCK_OUTPUT_LIMIT = 512 * 1024
NOTEBOOK_OUTPUT_LIMIT = 5 * 1024 * 1024
JSON = dict[str, Any]

_CALL = re.compile(r"^(print|display)\((.*)\)$")
_RAISE = re.compile(r"^raise\s+([A-Za-z_][A-Za-z0-9_]*)\((.*)\)$")
_REPEAT = re.compile(r"""^(['"])(.*)\1\s*\*\s*(\d+)$""")
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
        if block.type == "code" and not stopped:
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
