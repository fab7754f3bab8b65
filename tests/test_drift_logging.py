"""DEEPNOTE_LOG_DRIFT=1: fields and enum values the spec does not list, logged once per schema path.

The flag is read once, at import of deepnote_client.types; the in-process tests set that module's
flag and its set of logged paths, and one test runs a fresh interpreter to show the variable itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from deepnote_client import types
from deepnote_client.models import Notebook, Run, RunStatus

SECRET = "sk_live_do_not_log_me"
RUN = {"runId": "r1", "status": "running"}


@pytest.fixture
def drift(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    monkeypatch.setattr(types, "_LOG_DRIFT", True)
    monkeypatch.setattr(types, "_drift_seen", set())
    caplog.set_level("INFO", logger="deepnote_client.drift")
    return caplog


def drift_records(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "deepnote_client.drift"]


def test_off_logs_nothing_and_keeps_the_field(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(types, "_LOG_DRIFT", False)
    monkeypatch.setattr(types, "_drift_seen", set())
    caplog.set_level("DEBUG", logger="deepnote_client.drift")
    run = Run.from_dict({**RUN, "region": SECRET})
    assert run.additional_properties == {"region": SECRET}
    assert drift_records(caplog) == []
    assert types._drift_seen == set()


def test_unknown_field_and_enum_value_logged_with_path_and_kind_only(drift: pytest.LogCaptureFixture) -> None:
    run = Run.from_dict({**RUN, "status": "queued_elsewhere", "region": SECRET, "cost": 1.5})
    assert run.status == "queued_elsewhere" and not run.status.is_known
    assert run.additional_properties == {"region": SECRET, "cost": 1.5}
    assert drift_records(drift) == [
        "RunStatus: an enum value the spec does not list (value kind: string)",
        "Run.region: a field the spec does not list (value kind: string)",
        "Run.cost: a field the spec does not list (value kind: number)",
    ]
    for record in drift.records:
        assert record.levelname == "INFO"
        shown = record.getMessage() + repr(record.args)
        assert SECRET not in shown and "queued_elsewhere" not in shown and "1.5" not in shown


def test_each_path_is_logged_once(drift: pytest.LogCaptureFixture) -> None:
    for value in (SECRET, "another", None):
        Run.from_dict({**RUN, "region": value})
    RunStatus("one_new_value")
    RunStatus("another_new_value")
    assert drift_records(drift) == [
        "Run.region: a field the spec does not list (value kind: string)",
        "RunStatus: an enum value the spec does not list (value kind: string)",
    ]
    # The same field name in another schema is another path.
    notebook = Notebook.from_dict({"id": "n1", "name": "N", "region": {"k": SECRET}})
    assert notebook.additional_properties["region"] == {"k": SECRET}
    assert drift_records(drift)[-1] == "Notebook.region: a field the spec does not list (value kind: object)"


def test_known_values_and_fields_log_nothing(drift: pytest.LogCaptureFixture) -> None:
    Run.from_dict({**RUN, "notebookId": "n1", "status": "success"})
    assert drift_records(drift) == []


def _parse_in_fresh_interpreter(env_value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "DEEPNOTE_LOG_DRIFT"}
    if env_value is not None:
        env["DEEPNOTE_LOG_DRIFT"] = env_value
    code = (
        "import json, logging, sys\n"
        "logging.basicConfig(level=logging.INFO, stream=sys.stdout, format='%(name)s %(message)s')\n"
        "from deepnote_client.models import Run\n"
        f"Run.from_dict(json.loads({json.dumps(json.dumps({**RUN, 'region': SECRET}))}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=True
    )
    return result.stdout


def test_the_environment_variable_turns_it_on_and_it_is_off_by_default() -> None:
    assert _parse_in_fresh_interpreter("1") == (
        "deepnote_client.drift Run.region: a field the spec does not list (value kind: string)\n"
    )
    assert _parse_in_fresh_interpreter(None) == ""
    assert _parse_in_fresh_interpreter("true") == ""
