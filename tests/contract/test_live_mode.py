"""`make contract-live`, dry-run against the fake instead of api.deepnote.com.

The fake records every request, so these tests can prove what the live run would send: only GETs
by default, the token nowhere in the output, and nothing at all without a token.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections import Counter

import pytest

from deepnote_fake import SEED_TOKEN, ServerHandle
from tests.contract.support import ROOT
from tests.spec_tools import operations

SCRIPT = ROOT / "scripts" / "contract.py"
TOTAL = sum(1 for _ in operations())
GETS = sum(1 for method, *_ in operations() if method == "get")


def _live(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DEEPNOTE_")}
    # The drift report goes to a temporary directory, not the repository's contract-report/.
    with tempfile.TemporaryDirectory(prefix="drift-") as drift_dir:
        return subprocess.run(
            [sys.executable, str(SCRIPT), "live", "--drift-dir", drift_dir],
            env={**clean, **env},
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )


def _dry_run_env(server: ServerHandle, **extra: str) -> dict[str, str]:
    return {
        "DEEPNOTE_TOKEN": server.token,
        "DEEPNOTE_BASE_URL": server.base_url,
        "DEEPNOTE_CONTRACT_RATE_LIMIT": "100000/m",
        **extra,
    }


def test_refuses_to_start_without_a_token() -> None:
    result = _live({})
    assert result.returncode == 2
    assert "DEEPNOTE_TOKEN" in result.stderr
    assert "Refusing to start" in result.stderr
    assert "Schemathesis" not in result.stdout  # the CLI never ran


@pytest.mark.parametrize("allow_writes", [None, "true"], ids=["unset", "not-exactly-1"])
def test_read_only_run_sends_only_gets(fake_server: ServerHandle, allow_writes: str | None) -> None:
    extra = {} if allow_writes is None else {"DEEPNOTE_CONTRACT_ALLOW_WRITES": allow_writes}
    result = _live(_dry_run_env(fake_server, **extra))
    assert result.returncode == 0, result.stdout[-3000:]
    methods = Counter(r.method for r in fake_server.state.requests)
    assert set(methods) == {"GET"}, methods
    assert methods["GET"] > 20
    assert "read-only" in result.stdout
    assert "WARNING" not in result.stderr
    assert f"{GETS} of {TOTAL} operations tested" in result.stdout
    assert SEED_TOKEN not in result.stdout + result.stderr


def test_writes_opt_in_warns_and_calls_every_operation(fake_server: ServerHandle) -> None:
    result = _live(_dry_run_env(fake_server, DEEPNOTE_CONTRACT_ALLOW_WRITES="1"))
    assert result.returncode == 0, result.stdout[-3000:]
    assert "CREATES projects" in result.stderr
    assert "DELETES notebooks and projects" in result.stderr
    assert f"{TOTAL} of {TOTAL} operations tested" in result.stdout
    methods = {r.method for r in fake_server.state.requests}
    assert {"POST", "PATCH", "DELETE"} <= methods
    assert SEED_TOKEN not in result.stdout + result.stderr
