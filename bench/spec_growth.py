"""Item 1, last rows: import cost against the size of the spec.

A synthetic spec holds today's ``openapi.yaml`` four times over: every path and every schema is
copied three more times under new names (``/copy1/notebooks``, ``GetNotebookResponseCopy1``, ...),
so the generated package has 4x the operation and model modules. Both specs are generated with the
Makefile's own command into temporary directories, and a fresh process imports what a typical
program imports (``deepnote_overlay`` and one endpoint) from each, interleaved round by round.
The ratio says whether import time grows with the spec (it should not: models load lazily and an
endpoint imports only its own).
"""

from __future__ import annotations

import copy
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from bench.instructions import bytecode_env
from bench.regenerate import generate_command
from bench.report import REPO_ROOT, Section
from bench.stats import interleaved, time_call

__all__ = ["COPIES", "grown_spec", "run"]

COPIES = 3  # extra copies: 4x the operations in all
PROBE = "import deepnote_overlay; from deepnote_client.api.notebooks import get_notebook"


def _renamed(node: Any, suffix: str, schemas: set[str]) -> Any:
    """``node`` with every reference to a component schema (and every operationId) suffixed."""
    if isinstance(node, dict):
        result = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/components/schemas/"):
                name = value.rsplit("/", 1)[1]
                result[key] = f"#/components/schemas/{name}{suffix}" if name in schemas else value
            elif key == "operationId" and isinstance(value, str):
                result[key] = f"{value}{suffix}"
            else:
                result[key] = _renamed(value, suffix, schemas)
        return result
    if isinstance(node, list):
        return [_renamed(item, suffix, schemas) for item in node]
    return node


def grown_spec(spec: dict[str, Any], copies: int = COPIES) -> dict[str, Any]:
    """``spec`` with ``copies`` renamed copies of all its paths and component schemas added."""
    grown = copy.deepcopy(spec)
    schemas = set(spec["components"]["schemas"])
    for number in range(1, copies + 1):
        suffix = f"Copy{number}"
        for path, item in spec["paths"].items():
            grown["paths"][f"/copy{number}{path}"] = _renamed(item, suffix, schemas)
        for name, schema in spec["components"]["schemas"].items():
            grown["components"]["schemas"][f"{name}{suffix}"] = _renamed(schema, suffix, schemas)
    return grown


def _generate(spec_path: Path, output: Path) -> None:
    command, _ = generate_command()
    command = command.replace("--path openapi.yaml", f"--path {shlex.quote(str(spec_path))}")
    full = f"{command} --output-path {shlex.quote(str(output))}"
    subprocess.run(full, shell=True, cwd=REPO_ROOT, check=True, capture_output=True, timeout=300)


def _spawn(pythonpath: Path) -> None:
    env = {**bytecode_env(), "PYTHONPATH": str(pythonpath)}
    # No timeout, as in import_time._spawn: a timeout makes the wait poll, which quantises the time.
    subprocess.run([sys.executable, "-c", PROBE], cwd=REPO_ROOT, env=env, check=True)


def _timed_spawn(pythonpath: Path) -> Callable[[], float]:
    def measure() -> float:
        return time_call(lambda: _spawn(pythonpath))

    return measure


def run(section: Section, *, rounds: int) -> None:
    """Add the spec-growth rows to ``section`` (item 1)."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-spec-growth-"))
    try:
        spec = yaml.safe_load((REPO_ROOT / "openapi.yaml").read_text())
        grown = grown_spec(spec)
        (tmp / "grown.yaml").write_text(yaml.safe_dump(grown, sort_keys=False))
        _generate(REPO_ROOT / "openapi.yaml", tmp / "today" / "deepnote_client")
        _generate(tmp / "grown.yaml", tmp / "grown" / "deepnote_client")
        modules = {
            name: sum(1 for _ in (tmp / name / "deepnote_client").rglob("*.py"))
            for name in ("today", "grown")
        }
        for name in ("today", "grown"):
            _spawn(tmp / name)  # warm-up, writes bytecode caches
        values = interleaved({name: _timed_spawn(tmp / name) for name in ("today", "grown")}, rounds)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    today_ms = [v * 1000 for v in values["today"]]
    grown_ms = [v * 1000 for v in values["grown"]]
    operations = sum(1 for item in spec["paths"].values() for key in item if key != "parameters")
    section.add(f"overlay + one endpoint, today's spec ({operations} operations)", "ms", today_ms)
    section.add(
        f"overlay + one endpoint, synthetic spec ({operations * (COPIES + 1)} operations)",
        "ms",
        grown_ms,
        baseline=today_ms,
        baseline_label="today's spec",
    )
    section.notes.append(
        f"spec growth: generated packages of {modules['today']} and {modules['grown']} modules; "
        f"probe `{PROBE}`"
    )
