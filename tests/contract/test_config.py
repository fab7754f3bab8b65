"""schemathesis.toml and schemathesis.live.toml narrow exactly what their comments say, no more.

schemathesis merges every ``[[operations]]`` block that matches an operation; these tests pin the
merged result, so a new block cannot silently switch a check off for more operations.
"""

from __future__ import annotations

import tomllib

import pytest
from schemathesis.config import SchemathesisConfig

from deepnote_fake import create_app
from tests.contract.support import CONFIG_PATH, ROOT, asgi_schema, spec_copy

SCHEMA = asgi_schema(create_app())
ALL_OPERATIONS = [
    str(spec["operationId"])
    for path in spec_copy()["paths"].values()
    for method, spec in path.items()
    if method in ("get", "post", "patch", "delete", "put")
]
WITH_400 = {
    "listNotebookRuns",
    "listProjects",
    "getNotebook",
    "createRun",
    "reorderNotebookBlocks",
    "scheduleNotebook",
    "createBlock",
    "updateBlock",
    "createSession",
    "executeSessionCode",
    "copyFile",
    "updateProject",
}
# Documented statuses beyond the default list, where a schema-valid request may still be refused.
EXTRA_STATUSES = {"importProject": {"413", "422"}}  # its 413 and 422 come from the archive rules
# multipart/form-data serializes every value as text (reason in schemathesis.toml).
NO_NEGATIVE_REJECTION = {"createFile", "getRun"}
NO_AVAILABILITY = {
    "getNotebook",
    "deleteNotebook",
    "renameNotebook",
    "reorderNotebookBlocks",
    "listNotebookRuns",
    "scheduleNotebook",
    # what deleteProject / deleteNotebook remove too (reason in schemathesis.toml)
    "getBlock",
    "updateBlock",
    "deleteBlock",
    "listStreamlitApps",
    "getStreamlitAppStatus",
    "deleteFile",
    "copyFile",
    "downloadFile",
    "executeSessionCode",
}
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "positive_data_acceptance",
    "missing_required_header",
    "unsupported_method",
    "allow_header_conformance",
    "use_after_free",
    "ensure_resource_availability",
    "ignored_auth",
]


def test_schemathesis_loads_every_operation_of_the_spec() -> None:
    loaded = {op.ok().definition.raw["operationId"] for op in SCHEMA.get_all_operations()}
    assert loaded == set(ALL_OPERATIONS) and ALL_OPERATIONS


@pytest.mark.parametrize("operation_id", ALL_OPERATIONS)
@pytest.mark.parametrize("phase", ["examples", "coverage", "fuzzing", "stateful"])
def test_only_the_documented_narrowing(operation_id: str, phase: str) -> None:
    operation = SCHEMA.find_operation_by_id(operation_id)
    checks = SCHEMA.config.checks_config_for(operation=operation, phase=phase)
    for name in CHECKS:
        enabled = getattr(checks, name).enabled
        expected = not (name == "ensure_resource_availability" and operation_id in NO_AVAILABILITY)
        if name == "negative_data_rejection" and operation_id in NO_NEGATIVE_REJECTION:
            expected = False
        assert enabled is expected, (operation_id, phase, name)
    statuses = [s.upper() for s in checks.positive_data_acceptance.expected_statuses]
    assert ("400" in statuses) is (operation_id in WITH_400)
    assert {"413", "422"} & set(statuses) == EXTRA_STATUSES.get(operation_id, set())
    assert "2XX" in statuses and "401" in statuses
    assert SCHEMA.config.phases_for(operation=operation).get_by_name(name=phase).enabled


def test_live_config_is_read_only_and_positive() -> None:
    data = tomllib.loads((ROOT / "schemathesis.live.toml").read_text())
    data["auth"]["openapi"]["bearerAuth"]["bearer"] = "x"
    config = SchemathesisConfig.from_dict(data, base_dir=str(ROOT)).projects.get_default()
    assert config.phases.coverage.unexpected_methods == set()
    assert config.generation.modes[0].value == "positive" and len(config.generation.modes) == 1
    assert config.rate_limit is not None
    disabled = {
        op_id
        for op_id in ALL_OPERATIONS
        if not config.operations.get_for_operation(SCHEMA.find_operation_by_id(op_id)).enabled
    }
    writes = {op_id for op_id in ALL_OPERATIONS if SCHEMA.find_operation_by_id(op_id).method.upper() != "GET"}
    assert disabled == writes and writes


def test_fake_config_reads_the_token_from_the_environment_only() -> None:
    text = CONFIG_PATH.read_text()
    assert 'bearer = "${DEEPNOTE_TOKEN}"' in text
    assert 'bearer = "${DEEPNOTE_TOKEN}"' in (ROOT / "schemathesis.live.toml").read_text()


def test_fake_config_keeps_every_mode_phase_and_unexpected_method() -> None:
    config = SCHEMA.config
    assert {m.value for m in config.generation.modes} == {"positive", "negative"}
    assert config.phases.coverage.unexpected_methods >= {"put", "patch", "post", "delete", "options", "trace"}
    assert all(
        config.phases.get_by_name(name=p).enabled for p in ("examples", "coverage", "fuzzing", "stateful")
    )
    assert config.phases.examples.fill_missing is True
