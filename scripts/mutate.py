"""Mutation testing of overlay/deepnote_overlay (`make mutate`); prints a score per module and overall.

mutmut (pinned in pyproject's ``mutation`` extra) names each mutant after the module path derived
from its file, stripping only a leading ``src/``; the overlay lives in ``overlay/``. So this script
stages a copy in ``build/mutation`` (``src/deepnote_overlay``, ``tests/``, ``README.md``, ``docs/``,
``openapi.yaml`` and a ``pyproject.toml`` holding ``mutation/config.toml``'s ``[mutmut]`` table and
the repo's pytest settings) and runs mutmut there, one module at a time. The repo itself is never
changed.

mutmut mutates function bodies only; module constants and defaults (retried statuses, the retry
policy's defaults) are covered by the hand-written mutants in ``mutation/extra_mutants.toml``, each
run as one pytest process over a patched copy of the overlay.

A surviving mutant counts against the score unless ``mutation/equivalent.txt`` lists it with a
reason and the hash of its diff (so an entry goes stale, and is reported, when the code changes).
The score is killed / (all - equivalent); timeouts count as killed, "no tests" as survived. Mutants
a stopped run never checked are left out of the score, listed, and fail the goal.

Usage: scripts/mutate.py [--module calls --module retries ...] [--keep] [--report] [--no-extra] [--jobs N]

Without ``--module`` it runs (or with ``--report`` reports) every module mutmut mutates, and all the
hand-written mutants.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = ROOT / "mutation"
STAGE = ROOT / "build" / "mutation"
PACKAGE = "deepnote_overlay"
SOURCE = ROOT / "overlay" / PACKAGE
KILLED = {"killed", "timeout"}

# The status mutmut 3.8.1 gives an exit code (mutmut.stats.status_by_exit_code).
STATUS_BY_EXIT_CODE = {
    1: "killed",
    3: "killed",
    0: "survived",
    5: "no tests",
    33: "no tests",
    34: "skipped",
    36: "timeout",
    37: "caught by type check",
    -24: "timeout",
    24: "timeout",
    152: "timeout",
    255: "timeout",
    None: "not checked",
}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--module", action="append", default=[], help="module name (calls, retries, ...)")
    parser.add_argument("--keep", action="store_true", help="reuse build/mutation (results already there)")
    parser.add_argument("--no-extra", action="store_true", help="skip the hand-written mutants")
    parser.add_argument(
        "--report", action="store_true", help="run no mutmut: report the results already in build/mutation"
    )
    parser.add_argument("--jobs", type=int, default=None, help="parallel mutmut workers")
    args = parser.parse_args()

    config = tomllib.loads((CONFIG_DIR / "config.toml").read_text())
    driver = config["driver"]
    jobs = args.jobs or int(os.environ.get("MUTATE_JOBS", driver["jobs"]))
    modules = args.module or sorted(
        path.stem
        for path in SOURCE.glob("*.py")
        if not any(
            Path("src", PACKAGE, path.name).match(pattern) for pattern in config["mutmut"]["do_not_mutate"]
        )
    )
    results: dict[str, str] = {}
    diffs: dict[str, str] = {}
    for module in modules:
        stage_dir = STAGE / module
        if args.report:
            module_results = read_mutmut_results(stage_dir, module)
            if not module_results and (stage_dir / "mutmut.log").exists():
                print(f"   {module}: no function to mutate")
            elif not module_results:
                print(f"   {module}: no results in {stage_dir.relative_to(ROOT)}")
            else:
                print(f"   {module}: results of {results_time(stage_dir, module)}")
            results.update(module_results)
            diffs.update(
                mutant_diffs(stage_dir, sorted(n for n, s in module_results.items() if s not in KILLED))
            )
            continue
        if not (args.keep and stage_dir.exists()):
            stage(stage_dir, module, config)
        log = stage_dir / "mutmut.log"
        print(f"== mutmut: {module} (output in {log.relative_to(ROOT)})", flush=True)
        with log.open("w") as output:
            outcome = subprocess.run(
                [str(Path(sys.executable).parent / "mutmut"), "run", "--max-children", str(jobs)],
                cwd=stage_dir,
                stdout=output,
                stderr=subprocess.STDOUT,
                check=False,
            )
        module_results = read_mutmut_results(stage_dir, module)
        if outcome.returncode != 0 and module_results:
            print(log.read_text()[-2000:])
            print(f"!! mutmut failed on {module}; its mutants count as not killed")
        if not module_results:
            print(f"   {module}: no function to mutate")
            continue
        results.update(module_results)
        diffs.update(mutant_diffs(stage_dir, sorted(n for n, s in module_results.items() if s not in KILLED)))
    if not args.no_extra:
        extra_results, extra_diffs = run_extra_mutants(args.module or None)
        results.update(extra_results)
        diffs.update(extra_diffs)
    return report(results, diffs, load_equivalents(), driver)


def stage(stage_dir: Path, module: str, config: dict[str, Any]) -> None:
    """A fresh build/mutation/<module>: the overlay under src/, the tests, the README, docs/ and the
    configuration, with only ``module`` mutated and only its tests selected."""
    shutil.rmtree(stage_dir, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(SOURCE, stage_dir / "src" / PACKAGE, ignore=ignore)
    # Unmutated, for the tests that read the overlay's source (never imported from here).
    shutil.copytree(SOURCE, stage_dir / "overlay" / PACKAGE, ignore=ignore)
    shutil.copytree(ROOT / "tests", stage_dir / "tests", ignore=ignore)
    # tests/test_docs_examples.py runs the examples of the README and docs/; tests read the spec.
    shutil.copy2(ROOT / "README.md", stage_dir / "README.md")
    shutil.copytree(ROOT / "docs", stage_dir / "docs", ignore=ignore)
    shutil.copy2(ROOT / "openapi.yaml", stage_dir / "openapi.yaml")
    pytest_options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]
    mutmut = {
        **config["mutmut"],
        "source_paths": [f"src/{PACKAGE}"],
        "only_mutate": [f"src/{PACKAGE}/{module}.py"],
        "pytest_add_cli_args_test_selection": config["tests"].get(module, config["tests"]["default"]),
        "also_copy": ["README.md", "docs", "openapi.yaml", "overlay"],
    }
    lines = ["[tool.mutmut]", *(f"{key} = {json.dumps(value)}" for key, value in mutmut.items())]
    lines += [
        "",
        "[tool.pytest.ini_options]",
        *(f"{key} = {json.dumps(value)}" for key, value in pytest_options.items()),
    ]
    (stage_dir / "pyproject.toml").write_text("\n".join(lines) + "\n")


def module_of(mutant: str) -> str:
    """``deepnote_overlay.retries.xǁRetryPolicyǁbackoff__mutmut_3`` -> ``retries``."""
    if mutant.startswith("extra:"):
        return mutant.removeprefix("extra:").split(".", 1)[0]
    parts = mutant.split(".")
    index = next(i for i, part in enumerate(parts) if part.startswith(("x_", "xǁ")))
    return parts[index - 1] if index > 1 else "__init__"


def read_mutmut_results(stage_dir: Path, module: str) -> dict[str, str]:
    meta = stage_dir / "mutants" / "src" / PACKAGE / f"{module}.py.meta"
    if not meta.exists():
        return {}
    codes = json.loads(meta.read_text())["exit_code_by_key"]
    return {name: STATUS_BY_EXIT_CODE.get(code, "suspicious") for name, code in codes.items()}


def results_time(stage_dir: Path, module: str) -> str:
    """When mutmut last wrote ``module``'s results (UTC), so a report shows which run each row is from."""
    meta = stage_dir / "mutants" / "src" / PACKAGE / f"{module}.py.meta"
    stamp = datetime.datetime.fromtimestamp(meta.stat().st_mtime, tz=datetime.UTC)
    return stamp.strftime("%Y-%m-%d %H:%M UTC")


def mutant_diffs(stage_dir: Path, names: list[str]) -> dict[str, str]:
    """mutmut's diff of each mutant, read in one process."""
    if not names:
        return {}
    code = (
        "import json, sys\n"
        "from mutmut.__main__ import find_mutant, get_diff_for_mutant\n"
        "def diff(name):\n"
        "    try:\n"
        "        return get_diff_for_mutant(name, path=find_mutant(name).path)\n"
        "    except Exception as error:\n"
        "        return f'(no diff: {type(error).__name__}: {error})'\n"
        "print(json.dumps({n: diff(n) for n in sys.argv[1:]}))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", code, *names], cwd=stage_dir, check=True, capture_output=True, text=True
    ).stdout
    diffs: dict[str, str] = json.loads(output.strip().splitlines()[-1])
    return diffs


def run_extra_mutants(modules: list[str] | None) -> tuple[dict[str, str], dict[str, str]]:
    """Apply each hand-written mutant (of ``modules``, or all) to a copy of the overlay and run its
    tests once (pytest -x)."""
    entries = tomllib.loads((CONFIG_DIR / "extra_mutants.toml").read_text())["mutant"]
    results: dict[str, str] = {}
    diffs: dict[str, str] = {}
    work = STAGE / "extra"
    for entry in entries:
        name = f"extra:{entry['id']}"
        if modules is not None and module_of(name) not in modules:
            continue
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(SOURCE, work / PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
        target = work / PACKAGE / entry["file"]
        text = target.read_text()
        if text.count(entry["old"]) != 1:
            print(f"!! {name}: its 'old' text is not found exactly once in {entry['file']}; update the entry")
            results[name] = "stale"
            continue
        target.write_text(text.replace(entry["old"], entry["new"]))
        diffs[name] = f"--- {entry['file']}\n+++ {entry['file']}\n-{entry['old']}\n+{entry['new']}"
        env = {**os.environ, "PYTHONPATH": str(work)}
        command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--timeout=30"]
        try:
            outcome = subprocess.run(
                [*command, *entry["tests"]], cwd=ROOT, env=env, capture_output=True, timeout=300, check=False
            )
        except subprocess.TimeoutExpired:
            results[name] = "timeout"
        else:
            # 1: a test failed; 2: collection failed, or 4 with an error loading a conftest (which
            # imports the overlay): the mutated overlay does not even import.
            import_broken = (
                outcome.returncode == 4 and b"while loading conftest" in outcome.stdout + outcome.stderr
            )
            killed = outcome.returncode in (1, 2) or import_broken
            results[name] = "killed" if killed else "survived" if outcome.returncode == 0 else "suspicious"
        print(f"   {name}: {results[name]}", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    return results, diffs


def diff_hash(diff: str) -> str:
    """A short hash of a mutant's changed lines, so an equivalence entry goes stale with the code."""
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    return hashlib.sha256("\n".join(changed).encode()).hexdigest()[:8]


def load_equivalents() -> dict[str, tuple[str, str]]:
    """``mutation/equivalent.txt``: ``<mutant> <diff hash> <reason>`` per line; # starts a comment."""
    entries: dict[str, tuple[str, str]] = {}
    for line in (CONFIG_DIR / "equivalent.txt").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, digest, reason = line.split(maxsplit=2)
        entries[name] = (digest, reason)
    return entries


def report(
    results: dict[str, str],
    diffs: dict[str, str],
    equivalents: dict[str, tuple[str, str]],
    driver: dict[str, Any],
) -> int:
    per_module: dict[str, Counter[str]] = {}
    unexplained: list[str] = []
    stale: list[str] = []
    for name, status in sorted(results.items()):
        counts = per_module.setdefault(module_of(name), Counter())
        counts["all"] += 1
        if status in KILLED:
            counts["killed"] += 1
            continue
        if status == "not checked":  # the run stopped before this mutant: not scored, but reported
            counts["unchecked"] += 1
            continue
        entry = equivalents.get(name)
        if entry is not None and entry[0] == diff_hash(diffs.get(name, "")):
            counts["equivalent"] += 1
            continue
        if entry is not None:
            stale.append(name)
        counts["left"] += 1
        unexplained.append(name)

    for name in unexplained:
        print(f"\n--- {results[name]}: {name}\n{diffs.get(name, '(no diff)')}")
        print(f"{name} {diff_hash(diffs.get(name, ''))} <reason it is equivalent>")
    for name in stale:
        print(f"!! stale entry in mutation/equivalent.txt (the mutant changed): {name}")

    columns = ("all", "killed", "equivalent", "left", "unchecked")
    print(f"\n{'module':<16}{'mutants':>8}{'killed':>8}{'equiv.':>8}{'left':>6}{'unchecked':>10}{'score':>9}")
    failing: list[str] = []
    total = Counter[str]()
    for module, counts in [*sorted(per_module.items()), ("overall", total)]:
        if module != "overall":
            total.update(counts)
        score = _score(counts)
        print(
            f"{module:<16}"
            + "".join(f"{counts[c]:>{w}}" for c, w in zip(columns, (8, 8, 8, 6, 10)))
            + f"{score:>8.1f}%"
        )
        goal = driver["overall_goal"] if module == "overall" else driver["module_goal"]
        if score < goal:
            failing.append(f"{module} below {goal} %")
        if counts["unchecked"] and module != "overall":
            failing.append(f"{module} incomplete ({counts['unchecked']} mutants not checked)")
    if failing:
        print("goal not met: " + "; ".join(failing))
        return 1
    print(f"goal met: overall >= {driver['overall_goal']} %, every module >= {driver['module_goal']} %")
    return 0


def _score(counts: Counter[str]) -> float:
    """Killed over the mutants checked that are not equivalent."""
    considered = counts["killed"] + counts["left"]
    return 100.0 * counts["killed"] / considered if considered else 100.0


if __name__ == "__main__":
    sys.exit(main())
