"""``python -m bench.compare OLD.json NEW.json [--rename OLD=NEW ...]``: two runs side by side.

For every row present in both files it prints the old and new medians and new/old. Timings from
two runs are only comparable on the same machine under similar load, so the ratio column (each
run's own ratio against its in-run baseline) is shown too: it is the figure to trust.

``--rename OLD=NEW`` pairs rows whose labels changed with the code they measure: every ``OLD`` in
an old label is read as ``NEW`` (``--rename 'wait_for_run=run.wait'``). It may be repeated.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["main"]


def _rows(path: Path, renames: Sequence[tuple[str, str]] = ()) -> dict[tuple[int, str], dict[str, Any]]:
    doc = json.loads(path.read_text())
    return {(s["number"], _renamed(r["label"], renames)): r for s in doc["sections"] for r in s["rows"]}


def _renamed(label: str, renames: Sequence[tuple[str, str]]) -> str:
    for old, new in renames:
        label = label.replace(old, new)
    return label


def _parse(args: list[str]) -> tuple[list[str], list[tuple[str, str]]] | None:
    """The two files and the renames, or ``None`` when the arguments are not that."""
    files, renames = [], []
    rest = iter(args)
    for arg in rest:
        if arg == "--rename":
            old, equals, new = next(rest, "").partition("=")
            if not (old and equals):
                return None
            renames.append((old, new))
        else:
            files.append(arg)
    return (files, renames) if len(files) == 2 else None


def _ratio(row: dict[str, Any]) -> str:
    ratio = row.get("ratio")
    return "" if ratio is None else f"{ratio['median']:.2f}x"


def main(argv: list[str] | None = None) -> int:
    parsed = _parse(sys.argv[1:] if argv is None else argv)
    if parsed is None:
        print(__doc__, file=sys.stderr)
        return 2
    (old_file, new_file), renames = parsed
    old, new = _rows(Path(old_file), renames), _rows(Path(new_file))
    width = max((len(label) for _, label in old.keys() & new.keys()), default=20)
    print(
        f"{'#':>2}  {'measurement':<{width}}  {'old':>10}  {'new':>10}  {'new/old':>7}  {'ratio old':>9}  {'ratio new':>9}"
    )
    for key in sorted(old.keys() & new.keys()):
        a, b = old[key], new[key]
        va, vb = a["value"]["median"], b["value"]["median"]
        change = f"{vb / va:.2f}" if va else ""
        print(
            f"{key[0]:>2}  {key[1]:<{width}}  {va:>10.4g}  {vb:>10.4g}  {change:>7}  {_ratio(a):>9}  {_ratio(b):>9}"
        )
    for key in sorted(old.keys() ^ new.keys()):
        print(f"{key[0]:>2}  {key[1]:<{width}}  (only in {'old' if key in old else 'new'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
