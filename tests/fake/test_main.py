"""`python -m deepnote_fake` (make serve): binds, prints shell lines ready to paste, serves."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import httpx

from deepnote_fake import SEED_NOTEBOOK_ID, SEED_PROJECT_ID, SEED_TOKEN

ROOT = Path(__file__).resolve().parents[2]
AUTH = {"Authorization": f"Bearer {SEED_TOKEN}"}


def test_python_m_prints_lines_a_shell_can_paste_then_serves() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "deepnote_fake", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        printed = []
        while not printed or "Ctrl+C" not in printed[-1]:
            line = process.stdout.readline()
            assert line, "python -m deepnote_fake exited before it was ready"
            printed.append(line)
            assert len(printed) < 20
        # Pasting everything it printed into a shell exports the four variables the docs read.
        pasted = (
            "".join(printed)
            + 'printf "%s\\n" "$DEEPNOTE_BASE_URL" "$DEEPNOTE_TOKEN" "$DEEPNOTE_PROJECT_ID"'
            + ' "$DEEPNOTE_NOTEBOOK_ID"\n'
        )
        clean = {k: v for k, v in os.environ.items() if not k.startswith("DEEPNOTE_")}
        shell = subprocess.run(
            ["sh", "-c", pasted], env=clean, capture_output=True, text=True, timeout=10, check=False
        )
        assert shell.returncode == 0 and shell.stderr == ""
        base_url, token, project_id, notebook_id = shell.stdout.split("\n")[:4]
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/v2")
        assert (token, project_id, notebook_id) == (SEED_TOKEN, SEED_PROJECT_ID, SEED_NOTEBOOK_ID)
        # Bound before printing: the first request is served, no retry needed.
        assert httpx.get(f"{base_url}/projects/{project_id}", headers=AUTH, timeout=5).status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_python_m_reports_a_taken_port() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "deepnote_fake", "--port", str(port)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert result.stdout == ""  # nothing to paste for a fake that is not there
