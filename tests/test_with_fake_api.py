"""scripts/with_fake_api.py (make demo): a command run against a fake that lives as long as it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from deepnote_fake import SEED_TOKEN

ROOT = Path(__file__).resolve().parent.parent


def test_with_fake_api_runs_the_command_and_returns_its_code() -> None:
    check = (
        "import os, sys, httpx;"
        "base = os.environ['DEEPNOTE_BASE_URL'];"
        "r = httpx.get(base + '/projects/' + os.environ['DEEPNOTE_PROJECT_ID'],"
        " headers={'Authorization': 'Bearer ' + os.environ['DEEPNOTE_TOKEN']});"
        "print(base, r.status_code);"
        "sys.exit(7)"
    )
    result = subprocess.run(
        [sys.executable, "scripts/with_fake_api.py", "--", sys.executable, "-c", check],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 7, result.stderr
    base_url, status = result.stdout.split()
    assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/v2")
    assert status == "200"
    assert SEED_TOKEN not in result.stderr  # the wrapper itself never prints the token
    with pytest.raises(httpx.ConnectError):  # the fake is gone with the command
        httpx.get(f"{base_url}/me", timeout=2)


def test_with_fake_api_needs_a_command() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/with_fake_api.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2 and "usage" in result.stderr
