"""The demo (`make demo`) works end to end: the quickstart against the fake API on loopback."""

from __future__ import annotations

import os
import subprocess
import sys

from deepnote_fake import SEED_TOKEN
from tests.spec_tools import ROOT


def test_quickstart_against_the_fake_api() -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DEEPNOTE_")}
    result = subprocess.run(
        [sys.executable, "scripts/with_fake_api.py", "--", sys.executable, "examples/quickstart.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    steps = [line.split(":", 1)[0] for line in result.stdout.splitlines() if line.startswith("- ")]
    assert steps == [
        "- caller",
        "- created notebook",
        "- read it back",
        "- ran it",
        "- run history #1",
        "- deleted notebook",
        "- reading it again fails cleanly",
    ]
    assert "finished with status success" in result.stdout
    assert "NotFoundError: 404 Notebook not found" in result.stdout
    assert "127.0.0.1" in result.stdout, "it ran against loopback"
    assert SEED_TOKEN not in output
