"""`make check-generated` really catches a hand edit of the generated package."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.spec_tools import ROOT


def check_generated(package_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-s", "check-generated", f"PACKAGE_DIR={package_dir}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_check_generated_fails_on_a_hand_edit(tmp_path: Path) -> None:
    copy = tmp_path / "deepnote_client"
    shutil.copytree(
        ROOT / "generated" / "deepnote_client", copy, ignore=shutil.ignore_patterns("__pycache__")
    )
    assert check_generated(copy).returncode == 0, "an untouched copy matches the spec"

    models = copy / "models" / "notebook.py"
    models.write_text(models.read_text().replace("class Notebook:", "class Notebook:  # patched", 1))
    result = check_generated(copy)

    assert result.returncode != 0
    assert "stale or was edited by hand" in result.stderr
    assert "# patched" in result.stderr, "the diff is shown"
