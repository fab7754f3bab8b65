"""docs/maintaining-the-spec.md: its Python blocks run, and the output it shows is what the tools print."""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.spec_tools import ROOT
from tests.test_spec_diff import spec_diff

PAGE = (ROOT / "docs" / "maintaining-the-spec.md").read_text()


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", PAGE, re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("block", blocks("python"))
def test_python_blocks_run_as_written(block: str) -> None:
    subprocess.run([sys.executable, "-c", block], cwd=ROOT, check=True, timeout=60)


def test_the_drift_log_lines_shown_are_what_the_client_logs() -> None:
    shown = next(b for b in blocks("text") if "does not list" in b)
    code = (
        "import logging, sys\n"
        "logging.basicConfig(level=logging.INFO, stream=sys.stdout, format='%(message)s')\n"
        "from deepnote_client.models import Run\n"
        "Run.from_dict({'runId': 'r1', 'status': 'running', 'region': 'eu-west-7'})\n"
        "Run.from_dict({'runId': 'r2', 'status': 'paused_by_admin'})\n"
    )
    env = {**os.environ, "DEEPNOTE_LOG_DRIFT": "1"}
    logged = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert logged.stdout == shown


def test_the_changelog_line_shown_is_what_make_diff_prints() -> None:
    shown = next(b for b in blocks("text") if "Breaking" in b)
    old = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    old["components"]["schemas"]["Run"]["properties"]["legacyField"] = {"type": "string"}
    new = copy.deepcopy(old)
    del new["components"]["schemas"]["Run"]["properties"]["legacyField"]
    lines, open_breaking = spec_diff.report(spec_diff.diff_specs(old, new), set())
    assert open_breaking == 1
    printed = "\n".join(lines)
    assert shown.strip() in printed


def test_the_acknowledgement_shown_is_read_by_make_diff(tmp_path: Path) -> None:
    ack = next(b for b in blocks("yaml") if "acknowledged" in b)
    (tmp_path / "ack.yaml").write_text(ack)
    assert spec_diff.load_acks(tmp_path / "ack.yaml") == {
        ("#/components/schemas/Run/properties/legacyField", "response-field-removed")
    }


def test_the_committed_ack_file_is_valid() -> None:
    assert isinstance(spec_diff.load_acks(ROOT / "spec-changes.ack.yaml"), set)
