"""What every file the repository tracks must be, whatever it is for."""

from __future__ import annotations

import subprocess

from tests.spec_tools import ROOT

CONFLICT_MARKERS = ("<<<<<<< ", ">>>>>>> ")


def tracked_text_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, timeout=60
    ).stdout
    return [name for name in listed.decode().split("\0") if name]


def test_no_tracked_file_holds_merge_conflict_markers() -> None:
    # A conflict resolved by committing both sides with their markers builds and renders without a
    # warning (Markdown, YAML comments), so only a check of the text itself sees it.
    marked = []
    for name in tracked_text_files():
        path = ROOT / name
        if not path.is_file():
            continue
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            continue  # binary
        marked += [
            f"{name}:{number}" for number, line in enumerate(lines, 1) if line.startswith(CONFLICT_MARKERS)
        ]
    assert marked == [], f"merge-conflict markers left in: {marked}"
