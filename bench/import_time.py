"""Item 1: the cost of ``import deepnote_overlay`` in a fresh process, against ``import httpx``.

Each observation is one new interpreter (``sys.executable -c "import ..."``), timed from spawn to
exit, so it includes interpreter start-up; ``python -c pass`` is measured too so the net import
cost can be read off. The three commands are interleaved round by round, after one warm-up each
(which also writes any missing ``.pyc`` files, as pip writes them when it installs the wheel:
children run without ``PYTHONDONTWRITEBYTECODE``, see ``bench.instructions.bytecode_env``).
One extra ``-X importtime`` run lists which modules the overlay imports beyond httpx's and what
they cost, to say what dominates. The last rows (``bench/spec_growth.py``) compare the import of a
package generated from a synthetic spec with 4x the operations against today's.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

from bench import instructions, spec_growth
from bench.report import REPO_ROOT, Section
from bench.stats import interleaved, time_call

__all__ = ["run"]

COMMANDS = {
    "python -c pass": "pass",
    "python -c 'import httpx'": "import httpx",
    "python -c 'import deepnote_overlay'": "import deepnote_overlay",
    # The resource-style client: importing it must not load the endpoints and models.
    "python -c 'from deepnote_overlay import Deepnote'": "from deepnote_overlay import Deepnote",
}


def _spawn(code: str) -> None:
    # No timeout: with one, Popen.wait polls with sleeps growing to 50 ms, which rounded every
    # spawn up to the next poll (imports of 165 and 200 ms both read as ~164 or ~214 ms).
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, env=instructions.bytecode_env(), check=True)


def _timed_spawn(code: str) -> Callable[[], float]:
    def measure() -> float:
        return time_call(lambda: _spawn(code))

    return measure


def _importtime(code: str) -> dict[str, tuple[int, int, int]]:
    """Module -> (self us, cumulative us, nesting level) from ``python -X importtime``."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        cwd=REPO_ROOT,
        env=instructions.bytecode_env(),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    modules: dict[str, tuple[int, int, int]] = {}
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative_us, name = (part.strip() for part in line.removeprefix("import time:").split("|"))
        level = (len(name) - len(name.lstrip())) // 2
        modules[name.strip()] = (int(self_us), int(cumulative_us), level)
    return modules


def _instruction_rows(section: Section) -> None:
    """The same processes counted in instructions (callgrind), when valgrind is installed."""
    if not instructions.available():
        section.notes.append("instruction counts skipped: valgrind is not on PATH")
        return
    counted = {
        label: instructions.count([sys.executable, "-c", code]) / 1e6 for label, code in COMMANDS.items()
    }
    bare, httpx_m, overlay_m, facade_m = (counted[label] for label in COMMANDS)
    section.add("import httpx, instructions (callgrind)", "M instr", [httpx_m])
    rows = (
        ("import deepnote_overlay, instructions", overlay_m, httpx_m, "import httpx"),
        (
            "import deepnote_overlay, instructions net of start-up",
            overlay_m - bare,
            httpx_m - bare,
            "import httpx, net",
        ),
        ("from deepnote_overlay import Deepnote, instructions", facade_m, httpx_m, "import httpx"),
    )
    for label, value, baseline, baseline_label in rows:
        section.add(label, "M instr", [value], ratios=[value / baseline], baseline_label=baseline_label)


def run(*, rounds: int) -> Section:
    section = Section(1, "Import (fresh process)")
    for code in COMMANDS.values():
        _spawn(code)  # warm-up, writes bytecode caches
    values = interleaved({label: _timed_spawn(code) for label, code in COMMANDS.items()}, rounds)
    ms = {label: [v * 1000 for v in vals] for label, vals in values.items()}
    bare, httpx_ms, overlay_ms, facade_ms = (ms[label] for label in COMMANDS)
    section.add("python -c pass (interpreter only)", "ms", bare)
    section.add("import httpx", "ms", httpx_ms)
    section.add("import deepnote_overlay", "ms", overlay_ms, baseline=httpx_ms, baseline_label="import httpx")
    net_httpx = [max(h - b, 1e-3) for h, b in zip(httpx_ms, bare, strict=True)]
    net_overlay = [max(o - b, 1e-3) for o, b in zip(overlay_ms, bare, strict=True)]
    section.add(
        "import deepnote_overlay, net of start-up",
        "ms",
        net_overlay,
        baseline=net_httpx,
        baseline_label="import httpx, net",
    )
    section.add(
        "from deepnote_overlay import Deepnote",
        "ms",
        facade_ms,
        baseline=httpx_ms,
        baseline_label="import httpx",
    )

    _instruction_rows(section)
    httpx_modules = _importtime("import httpx")
    overlay_modules = _importtime("import deepnote_overlay")
    extra = {name: t for name, t in overlay_modules.items() if name not in httpx_modules}
    extra_self_ms = sum(t[0] for t in extra.values()) / 1000
    packages: dict[str, int] = {}
    for name, (self_us, _, _) in extra.items():
        packages[name.split(".")[0]] = packages.get(name.split(".")[0], 0) + self_us
    top = sorted(packages.items(), key=lambda kv: kv[1], reverse=True)[:6]
    heaviest = sorted(extra.items(), key=lambda kv: kv[1][0], reverse=True)[:5]
    section.notes.append(
        f"-X importtime: the overlay imports {len(extra)} modules beyond httpx's, {extra_self_ms:.1f} ms of "
        "self time; by top-level package: " + ", ".join(f"{pkg} {us / 1000:.1f} ms" for pkg, us in top)
    )
    section.notes.append(
        "slowest single modules (self): " + ", ".join(f"{name} {t[0] / 1000:.1f} ms" for name, t in heaviest)
    )
    spec_growth.run(section, rounds=rounds)
    section.extra = {
        "extra_modules": len(extra),
        "extra_self_ms": extra_self_ms,
        "by_package_ms": {pkg: us / 1000 for pkg, us in top},
        "heaviest_modules_ms": {name: t[0] / 1000 for name, t in heaviest},
    }
    return section
