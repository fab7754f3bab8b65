"""Named outputs: say which values of a run you want, get them by name (and typed) from the wait.

    from deepnote_overlay import output

    result = dn.run_notebook(
        notebook_id,
        outputs={"rows": output.json("stats", "row_count"), "total": output.last_json("totals.eu")},
        output_type=Totals,
    )
    result.values["rows"], result.output.total

Guarantees:

- A binding reads a finished run's outputs: ``text(block_id)`` the block's text; ``json(block_id,
  path)`` its last ``application/json`` value, then ``path``; ``last_json(path)`` the run's last
  ``application/json`` value (robust when block ids change), then ``path``; ``all_text()`` every
  block's text; ``derived(fn)`` ``fn(result)`` of the ``RunResult`` whose ``values`` hold the
  bindings read before it (in the order given).
- A path is dotted keys with numeric list indexes (``"totals.eu"``, ``"items.0.name"``); an empty
  path is the whole value.
- A binding that cannot be read raises ``OutputBindingError`` naming the binding, the run and what
  was found instead: the block ids present, or the path segment that failed and the keys there.
  Its ``run_id`` and ``notebook_id`` are the run's (as on every error raised after a run was
  created).
- ``output_type`` (a dataclass, an attrs class or a ``TypedDict``) is called with the values as
  keyword arguments; a mismatch raises ``OutputBindingError`` naming the type.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .errors import DeepnoteError
from .outputs import MissingOutputError

if TYPE_CHECKING:
    from .outputs import RunResult

__all__ = ["Binding", "OutputBindingError", "all_text", "derived", "json", "last_json", "text"]


class OutputBindingError(DeepnoteError, LookupError):
    """A named output could not be read from a run; the message says what was found instead."""

    def __init__(self, *, name: str, binding: str, run_id: str, notebook_id: str | None, reason: str) -> None:
        self.name = name
        self.binding = binding
        self.run_id = run_id
        self.notebook_id = notebook_id
        super().__init__(f"output {name!r} ({binding}) of run {run_id}: {reason}")


@attrs.frozen
class Binding:
    """One named output: how to read it from a ``RunResult``. Made by this module's functions."""

    describe: str
    read: Callable[[RunResult], Any] = attrs.field(repr=False)


def _follow(value: Any, path: str) -> Any:
    """``value`` at the dotted ``path``; ``LookupError`` naming the segment that failed."""
    walked: list[str] = []
    for segment in path.split(".") if path else ():
        if isinstance(value, Mapping) and segment in value:
            value = value[segment]
        elif isinstance(value, Sequence) and not isinstance(value, str) and segment.isdigit():
            if int(segment) >= len(value):
                raise LookupError(f"{'.'.join([*walked, segment])}: index {segment} of {len(value)} items")
            value = value[int(segment)]
        else:
            here = f"keys {sorted(map(str, value))}" if isinstance(value, Mapping) else type(value).__name__
            raise LookupError(f"{'.'.join([*walked, segment])}: no {segment!r} (found {here})")
        walked.append(segment)
    return value


def _block(result: RunResult, block_id: str) -> Any:
    try:
        return result.block(block_id)
    except KeyError:
        present = ", ".join(block.block_id for block in result.blocks) or "none"
        raise LookupError(f"no block {block_id!r} in the run's outputs (blocks present: {present})") from None


def text(block_id: str) -> Binding:
    """The text of block ``block_id`` (streams, results and displays; an agent block's Markdown)."""
    return Binding(f"text of block {block_id}", lambda result: _block(result, block_id).text)


def json(block_id: str, path: str = "") -> Binding:
    """Block ``block_id``'s last ``application/json`` value, at the dotted ``path``."""
    return Binding(
        f"json of block {block_id}" + (f" at {path}" if path else ""),
        lambda result: _follow(_block(result, block_id).json, path),
    )


def last_json(path: str = "") -> Binding:
    """The run's last ``application/json`` value, at the dotted ``path``."""
    return Binding(
        "last json of the run" + (f" at {path}" if path else ""),
        lambda result: _follow(result.last_json, path),
    )


def all_text() -> Binding:
    """Every block's text, in notebook order."""
    return Binding("all text", lambda result: result.text)


def derived(fn: Callable[[RunResult], Any]) -> Binding:
    """``fn(result)``: computed from the run (its ``values`` hold the bindings read before this one)."""
    return Binding(f"derived by {getattr(fn, '__qualname__', repr(fn))}", fn)


def read_values(result: RunResult, bindings: Mapping[str, Binding]) -> dict[str, Any]:
    """Every binding read from ``result``, in order; ``OutputBindingError`` for the first that fails."""
    values: dict[str, Any] = {}
    for name, binding in bindings.items():
        if not isinstance(binding, Binding):
            raise TypeError(
                f"outputs[{name!r}] must be a binding from deepnote_overlay.output, not {binding!r}"
            )
        try:
            values[name] = binding.read(attrs.evolve(result, values=dict(values)))
        except (LookupError, MissingOutputError) as error:
            raise OutputBindingError(
                name=name,
                binding=binding.describe,
                run_id=result.run_id,
                notebook_id=result.notebook_id,
                reason=str(error).strip("'\""),
            ) from None
    return values


def build_output(result: RunResult, output_type: Callable[..., Any], values: Mapping[str, Any]) -> Any:
    """``output_type(**values)``; a mismatch names the type."""
    try:
        return output_type(**values)
    except TypeError as error:
        raise OutputBindingError(
            name=getattr(output_type, "__name__", repr(output_type)),
            binding="output_type",
            run_id=result.run_id,
            notebook_id=result.notebook_id,
            reason=f"cannot build it from the values {sorted(values)}: {error}",
        ) from None
