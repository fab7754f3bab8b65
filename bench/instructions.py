"""Instruction counts (``valgrind --tool=callgrind``): a deterministic second opinion on items 1 and 2.

Wall-clock ratios on a shared 2-core machine move by a third from run to run; the number of
instructions a program executes does not. When ``valgrind`` is on ``PATH`` the bench adds, next to
the timed rows, the same comparisons counted in instructions:

- item 1: a fresh ``python -c "import httpx"`` against ``python -c "import deepnote_overlay"``
  (whole processes, and net of ``python -c pass``);
- item 2: instructions per call of raw httpx ``get().json()`` and of the overlay's ``call()`` with
  retries on, for both answers of item 2. Each is the difference between a process that makes
  ``CALLS`` calls after warming up and one that only warms up, divided by ``CALLS``, so start-up and
  imports cancel out.

Instruction counts leave out what a machine adds (cache misses, memory bandwidth), so they are a
lower bound on the wall-clock ratio rather than a replacement for it; both are printed.

``python -m bench.instructions CASE VARIANT CALLS`` is the probe run under callgrind: the same
callables item 2 times (``bench.per_call``), so both count exactly what the table times.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping

from bench.report import REPO_ROOT

__all__ = ["CALLS", "available", "bytecode_env", "count", "per_call"]

CALLS = 40
_COLLECTED = re.compile(r"Collected : (\d+)")


def bytecode_env() -> dict[str, str]:
    """The environment for a measured child process: bytecode caches written and used.

    A wheel installed by pip is byte-compiled at install time, and httpx's modules were; with
    ``PYTHONDONTWRITEBYTECODE`` set (as on some CI machines) an editable checkout would instead
    compile every module of the client from source in every process, which measures the compiler.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def available() -> bool:
    return shutil.which("valgrind") is not None


def count(argv: list[str], env: Mapping[str, str] | None = None) -> int:
    """Instructions executed by ``argv`` run to completion under callgrind."""
    with tempfile.TemporaryDirectory(prefix="bench-callgrind-") as tmp:
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out", *argv],
            cwd=REPO_ROOT,
            env=dict(env) if env is not None else bytecode_env(),
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
    found = _COLLECTED.search(proc.stderr)
    if found is None:
        raise RuntimeError(f"callgrind printed no instruction count for {argv!r}")
    return int(found.group(1))


def per_call(case: int, variant: str) -> float:
    """Instructions per call of ``variant`` (a name of ``bench.per_call``'s variants, such as its
    ``RAW`` or ``OVERLAY``) on the ``case``-th answer of ``bench.per_call.cases()``."""
    probe = [sys.executable, "-m", "bench.instructions", str(case), variant]
    # Writes the bytecode caches first, so that neither counted process compiles a module.
    subprocess.run([*probe, "0"], cwd=REPO_ROOT, env=bytecode_env(), check=True, timeout=120)
    return (count([*probe, str(CALLS)]) - count([*probe, "0"])) / CALLS


def _probe(case: int, variant: str) -> Callable[[], object]:
    from bench.per_call import _variants, cases

    all_cases, transport = cases()
    return _variants(all_cases[case], transport)[variant]


def main(argv: list[str]) -> None:
    case, variant, calls = int(argv[0]), argv[1], int(argv[2])
    fn = _probe(case, variant)
    for _ in range(3):  # warm-up: the same in both processes, so it cancels out
        fn()
    for _ in range(calls):
        fn()


if __name__ == "__main__":
    main(sys.argv[1:])
