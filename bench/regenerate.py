"""Item 7: wall time of ``make generate``, run into a temporary directory.

The command is the Makefile's own ``GENERATE`` variable (read through ``make`` so the flags can never
drift from it), given ``--output-path <tmp>/deepnote_client`` so the working tree is not touched.
The generator's CLI start-up (``openapi-python-client --version``) is the baseline: the ratio says
how much of the time is the generation itself. Each run's output is compared with
``generated/deepnote_client`` (what ``make check-generated`` does), as a check that the right thing
was timed.
"""

from __future__ import annotations

import filecmp
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.report import REPO_ROOT, Section
from bench.stats import interleaved, time_call

__all__ = ["generate_command", "run"]

_PRINT_RULE = "print-generate:\n\t@printf '%s\\n' '$(subst ','\\'',$(GENERATE))'\n"
_FALLBACK = (
    'PATH="$PWD/.venv/bin:$PATH" .venv/bin/openapi-python-client generate --path openapi.yaml '
    "--config openapi-python-client.yaml --custom-template-path templates --meta none --overwrite "
    "--fail-on-warning"
)


def generate_command() -> tuple[str, bool]:
    """The Makefile's GENERATE command line (shell syntax) and whether it came from the Makefile."""
    with tempfile.NamedTemporaryFile("w", suffix=".mk", delete=False) as extra:
        extra.write(_PRINT_RULE)
    try:
        out = subprocess.run(
            ["make", "--no-print-directory", "-s", "-f", "Makefile", "-f", extra.name, "print-generate"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return _FALLBACK, False
    finally:
        Path(extra.name).unlink(missing_ok=True)
    command = out.stdout.strip()
    if out.returncode != 0 or "openapi-python-client" not in command:
        return _FALLBACK, False
    return command, True


def _differences(left: Path, right: Path) -> list[str]:
    ignore = [".ruff_cache", "__pycache__"]
    cmp = filecmp.dircmp(left, right, ignore=ignore)
    found: list[str] = []

    def walk(c: filecmp.dircmp[str], prefix: str) -> None:
        found.extend(prefix + n for n in c.left_only + c.right_only + c.diff_files + c.funny_files)
        for name, sub in c.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(cmp, "")
    return found


def run(*, rounds: int) -> Section:
    section = Section(7, "Regeneration (make generate into a temp dir)")
    command, from_makefile = generate_command()
    tmp = Path(tempfile.mkdtemp(prefix="bench-generate-"))
    output = tmp / "deepnote_client"
    full = f"{command} --output-path {shlex.quote(str(output))}"
    generator = REPO_ROOT / ".venv" / "bin" / "openapi-python-client"

    def generate() -> None:
        subprocess.run(full, shell=True, cwd=REPO_ROOT, check=True, capture_output=True, timeout=120)

    def startup() -> None:
        subprocess.run(
            [str(generator), "--version"], cwd=REPO_ROOT, check=True, capture_output=True, timeout=60
        )

    try:
        generate()  # warm-up
        values = interleaved(
            {"startup": lambda: time_call(startup), "generate": lambda: time_call(generate)}, rounds
        )
        differences = _differences(output, REPO_ROOT / "generated" / "deepnote_client")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    section.add("openapi-python-client --version (start-up)", "s", values["startup"])
    section.add(
        "make generate (GENERATE into a temp dir)",
        "s",
        values["generate"],
        baseline=values["startup"],
        baseline_label="generator start-up",
    )
    source = "the Makefile's GENERATE" if from_makefile else "a copy of GENERATE (make was unavailable)"
    section.notes.append(f"command: {source} + --output-path <tmp>; includes the ruff format post-hook")
    section.notes.append(
        "output identical to generated/deepnote_client"
        if not differences
        else f"output differs from generated/ in {len(differences)} files, e.g. {differences[:3]}"
    )
    section.extra = {"command": command, "from_makefile": from_makefile, "differences": differences}
    return section
