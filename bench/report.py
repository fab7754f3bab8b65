"""The results table: rows grouped in sections, printed for people and written as JSON for diffing."""

from __future__ import annotations

import datetime
import json
import os
import platform
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.stats import Stat

__all__ = ["Row", "Section", "format_table", "machine_info", "write_json"]

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Row:
    """One measurement: its value and, when it has one, its ratio to the same run's baseline."""

    label: str
    unit: str
    value: Stat
    ratio: Stat | None = None
    baseline: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "unit": self.unit,
            "value": self.value.to_json(),
            "ratio": None if self.ratio is None else self.ratio.to_json(),
            "baseline": self.baseline,
        }


@dataclass
class Section:
    """The rows of one benchmark item, notes about how it was measured, and its status."""

    number: int
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    status: str = "ok"  # "ok", "skipped: <why>" or "error: <what>"
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    def add(
        self,
        label: str,
        unit: str,
        values: list[float],
        *,
        baseline: list[float] | None = None,
        baseline_label: str | None = None,
        ratios: list[float] | None = None,
    ) -> Row:
        """Append a row; its ratio is taken round by round against ``baseline`` (or given)."""
        if ratios is None and baseline is not None:
            ratios = [v / b for v, b in zip(values, baseline, strict=True)]
        row = Row(label, unit, Stat.of(values), None if ratios is None else Stat.of(ratios), baseline_label)
        self.rows.append(row)
        return row

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "status": self.status,
            "seconds": round(self.seconds, 3),
            "rows": [row.to_json() for row in self.rows],
            "notes": self.notes,
            "extra": self.extra,
        }


COUNT_UNITS = frozenset({"requests", "polls", "connections"})


def _num(x: float, unit: str = "") -> str:
    if unit in COUNT_UNITS and float(x).is_integer():
        return f"{int(x):,}"
    if x == 0:
        return "0"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    if abs(x) >= 1:
        return f"{x:.2f}"
    return f"{x:.3f}"


def _ratio(stat: Stat | None) -> str:
    if stat is None:
        return ""
    return f"{stat.median:.2f}x [{stat.min:.2f}-{stat.max:.2f}]"


def format_table(sections: list[Section]) -> str:
    """A plain-text table: one block per item, one line per row, then the item's notes."""
    header = ("measurement", "median", "min", "max", "unit", "n", "ratio [min-max]", "vs")
    lines: list[list[str]] = []
    out: list[str] = []
    for section in sections:
        for row in section.rows:
            v = row.value
            lines.append(
                [
                    row.label,
                    _num(v.median, row.unit),
                    _num(v.min, row.unit),
                    _num(v.max, row.unit),
                    row.unit,
                    str(v.n),
                    _ratio(row.ratio),
                    row.baseline or "",
                ]
            )
    widths = [max([len(h)] + [len(line[i]) for line in lines]) for i, h in enumerate(header)]
    right = {1, 2, 3, 5}

    def fmt(cells: list[str] | tuple[str, ...]) -> str:
        parts = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))]
        return "  ".join(parts).rstrip()

    rule = "-" * len(fmt(header))
    out.append(fmt(header))
    out.append(rule)
    index = 0
    for section in sections:
        status = "" if section.status == "ok" else f"  ({section.status})"
        out.append(f"{section.number}. {section.title}  [{section.seconds:.1f} s]{status}")
        for _ in section.rows:
            out.append(fmt(lines[index]))
            index += 1
        for note in section.notes:
            out.append(f"   - {note}")
        out.append(rule)
    return "\n".join(out)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def machine_info() -> dict[str, Any]:
    """What the figures were measured on: cores, CPU model, Python, platform, load, versions."""
    import httpx

    try:
        load = list(os.getloadavg())
    except OSError:
        load = None
    return {
        "nproc": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "httpx": httpx.__version__,
        "loadavg_at_start": load,
        "git_commit": _git_commit(),
    }


def write_json(path: Path, *, sections: list[Section], machine: dict[str, Any], argv: list[str]) -> None:
    """Write the whole run (machine, timestamp, every section) as indented JSON."""
    doc = {
        "timestamp": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "argv": argv,
        "machine": machine,
        "sections": [section.to_json() for section in sections],
    }
    path.write_text(json.dumps(doc, indent=2) + "\n")
