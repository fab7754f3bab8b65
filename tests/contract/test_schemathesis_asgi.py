"""schemathesis over the fake Deepnote API, in process (ASGI, no socket): the fast half of the
contract tests, part of `make test`. `make contract` runs the CLI with larger budgets.

Three layers:

- ``test_operation_conforms``: every operation, generated positive and negative requests, every
  check schemathesis.toml enables (same narrowing as `make contract`);
- ``TestStatefulContract``: schemathesis's state machine, following the spec's (inferred and
  explicit) links from one response to the next request;
- ``test_notebook_lifecycle``: the lifecycle the state machine may or may not stumble on, scripted:
  create a notebook, read it, start a run and read it, list the notebook's runs, delete the
  notebook, then 404 on every operation of that notebook. Each step is checked against the spec by
  schemathesis (``call_and_validate``) and its meaning by plain asserts.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from schemathesis import Case

from deepnote_fake import (
    SEED_NOTEBOOK_ID,
    SEED_POSTGRES_INTEGRATION_ID,
    SEED_PROJECT_ID,
    SEED_SNOWFLAKE_INTEGRATION_ID,
    SEED_TOKEN,
    FakeClock,
    FakeDeepnote,
    create_app,
    deepnote_format,
)
from tests.contract.support import LOOPBACK_HOST, asgi_schema

# One app for the generated tests, like one long-running server: state accumulates across cases.
APP = create_app(FakeDeepnote(pending_seconds=0.01, running_seconds=0.02, snapshot_seconds=0.0))
# Budget: per operation of the spec x (examples + coverage + fuzzing); keeps this module well under 30 s.
SCHEMA = asgi_schema(APP, max_examples=15)
AUTH = {"Authorization": f"Bearer {SEED_TOKEN}", **LOOPBACK_HOST}


@SCHEMA.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck))
def test_operation_conforms(case: Case[Any]) -> None:
    case.call_and_validate()


def _fresh_fake() -> FakeDeepnote:
    return FakeDeepnote(pending_seconds=0.01, running_seconds=0.02, snapshot_seconds=0.0)


# The state machine's own app, started afresh for each generated sequence: what a step may do
# depends on the answers before it, so a sequence replayed by Hypothesis (to shrink it, or from
# its example database) must meet the same state, or Hypothesis stops with "inconsistent data
# generation".
STATEFUL_APP = create_app(_fresh_fake())
STATEFUL_SCHEMA = asgi_schema(STATEFUL_APP, max_examples=15)


class _StatefulMachine(STATEFUL_SCHEMA.as_state_machine()):  # type: ignore[misc]
    def setup(self) -> None:
        STATEFUL_APP.fake = STATEFUL_APP.state.fake = _fresh_fake()


TestStatefulContract = _StatefulMachine.TestCase
TestStatefulContract.settings = settings(
    max_examples=12,
    stateful_step_count=12,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def _call(schema: Any, operation_id: str, **parts: Any) -> Any:
    """Build the request of ``operation_id``, send it to the app, run every check on the answer."""
    case = schema.find_operation_by_id(operation_id).Case(**parts)
    return case.call_and_validate(headers=AUTH)


def test_generated_tests_reached_the_core_logic() -> None:
    """Guards the budget above: the generated tests must get past validation and lookups.

    Runs after the generated tests in file order; alone (``-k``), it only checks the app answers.
    """
    statuses = {(r.operation_id, r.status) for r in APP.fake.requests}
    if len(statuses) < 10:
        pytest.skip("run together with test_operation_conforms")
    assert ("createNotebook", 201) in statuses
    assert ("listProjects", 200) in statuses
    assert ("getMe", 200) in statuses
    assert any(status == 405 for _, status in statuses), "unsupported methods were not probed"
    assert any(status == 401 for _, status in statuses), "missing credentials were not probed"


def test_notebook_lifecycle() -> None:
    clock = FakeClock()
    fake = FakeDeepnote(clock=clock, pending_seconds=1, running_seconds=2, snapshot_seconds=1)
    schema = asgi_schema(create_app(fake))

    created = _call(schema, "createNotebook", body={"projectId": SEED_PROJECT_ID, "name": "Lifecycle"})
    assert created.status_code == 201
    notebook = created.json()["notebook"]
    assert notebook["name"] == "Lifecycle"
    assert notebook["projectId"] == SEED_PROJECT_ID
    notebook_id = notebook["id"]
    path = {"notebookId": notebook_id}

    got = _call(schema, "getNotebook", path_parameters=path)
    assert got.status_code == 200
    assert got.json()["notebook"]["id"] == notebook_id

    started = _call(schema, "createRun", body={"notebookId": notebook_id, "detached": True})
    assert started.status_code == 202
    assert started.json()["status"] == "pending"
    run_id = started.json()["runId"]

    clock.advance(1.5)
    running = _call(schema, "getRun", path_parameters={"runId": run_id})
    assert running.json()["run"]["status"] == "running"
    assert running.json()["run"]["completedAt"] is None
    clock.advance(2)
    finished = _call(
        schema, "getRun", path_parameters={"runId": run_id}, query={"snapshotDelivery": "inline"}
    )
    assert finished.json()["run"]["status"] == "success"
    assert finished.json()["run"]["snapshotStatus"] == "pending"  # terminal before the snapshot
    clock.advance(1)
    snapshot = _call(
        schema, "getRun", path_parameters={"runId": run_id}, query={"snapshotDelivery": "inline"}
    )
    assert snapshot.json()["run"]["snapshotStatus"] == "available"
    document = deepnote_format.load(snapshot.json()["run"]["snapshotContent"])
    assert notebook_id in [n["id"] for n in document["project"]["notebooks"]]  # the whole project

    runs = _call(schema, "listNotebookRuns", path_parameters=path)
    assert [r["runId"] for r in runs.json()["runs"]] == [run_id]

    deleted = _call(schema, "deleteNotebook", path_parameters=path)
    assert deleted.status_code == 204
    assert notebook_id not in fake.notebooks

    # After DELETE, every operation on the notebook is a 404 (schemathesis's use_after_free rule).
    assert _call(schema, "getNotebook", path_parameters=path).status_code == 404
    assert _call(schema, "listNotebookRuns", path_parameters=path).status_code == 404
    assert _call(schema, "deleteNotebook", path_parameters=path).status_code == 404
    assert _call(schema, "renameNotebook", path_parameters=path, body={"name": "x"}).status_code == 404
    # ...except POST /runs, whose unknown notebook is documented as 400.
    gone = _call(schema, "createRun", body={"notebookId": notebook_id})
    assert (gone.status_code, gone.json()["message"]) == (400, "Notebook not found")


def test_every_operation_validates_with_real_ids() -> None:
    """One valid request per operation against existing objects, so the 2xx body of each operation
    is checked against its schema at least once, whatever the generated tests happened to hit."""
    clock = FakeClock()
    fake = FakeDeepnote(clock=clock)
    schema = asgi_schema(create_app(fake))
    project = _call(schema, "createProject", body={"name": "Contract project"}).json()["project"]
    assert [n["name"] for n in project["notebooks"]] == ["Notebook 1"]
    assert _call(schema, "getProject", path_parameters={"projectId": project["id"]}).status_code == 200
    listed = _call(schema, "listProjects", query={"pageSize": 1})
    assert listed.json()["pagination"]["hasMore"] is True
    nb = {"notebookId": SEED_NOTEBOOK_ID}
    assert _call(schema, "getNotebook", path_parameters=nb).json()["notebook"]["inputs"]
    renamed = _call(schema, "renameNotebook", path_parameters=nb, body={"name": "Renamed"})
    assert renamed.json()["notebook"]["name"] == "Renamed"
    order = fake.notebooks[SEED_NOTEBOOK_ID].blocks
    reordered = _call(
        schema,
        "reorderNotebookBlocks",
        path_parameters=nb,
        body={"blockIds": [order[-1].id], "placement": {"type": "start"}},
    )
    assert reordered.json()["blockIds"][0] == order[-1].id
    scheduled = _call(schema, "scheduleNotebook", path_parameters=nb, body={"cron": "0 9 * * 1-5"})
    assert scheduled.json()["schedule"]["timezone"] == "UTC"
    run = _call(schema, "createRun", body={"notebookId": SEED_NOTEBOOK_ID, "inputs": {"region": "US"}})
    clock.advance(60)
    for delivery in ("downloadUrl", "inline", "blocks"):
        got = _call(
            schema,
            "getRun",
            path_parameters={"runId": run.json()["runId"]},
            query={"snapshotDelivery": delivery},
        )
        assert got.json()["run"]["status"] == "success"
    assert _call(schema, "getMe").json()["accessLevel"] == "admin"
    assert _call(schema, "deleteProject", path_parameters={"projectId": project["id"]}).status_code == 204


# --- blocks, search, sessions, integrations, machines, streamlit apps


def test_block_lifecycle() -> None:
    """Create a SQL block, read it, patch it, delete it, then 404 on every block operation."""
    fake = FakeDeepnote(clock=FakeClock())
    schema = asgi_schema(create_app(fake))
    created = _call(
        schema,
        "createBlock",
        body={
            "notebookId": SEED_NOTEBOOK_ID,
            "type": "sql",
            "content": "select 1",
            "integrationId": SEED_POSTGRES_INTEGRATION_ID,
            "includeNotebookBlockIds": True,
        },
    )
    assert created.status_code == 201
    block = created.json()["block"]
    assert created.json()["notebookBlockIds"][-1] == block["id"]
    path = {"blockId": block["id"]}
    got = _call(schema, "getBlock", path_parameters=path).json()["block"]
    assert got["metadata"] == {"sql_integration_id": SEED_POSTGRES_INTEGRATION_ID}
    patched = _call(schema, "updateBlock", path_parameters=path, body={"content": ""})
    assert patched.json()["block"]["version"] == 2
    assert _call(schema, "deleteBlock", path_parameters=path).status_code == 204
    assert _call(schema, "getBlock", path_parameters=path).status_code == 404
    assert _call(schema, "updateBlock", path_parameters=path, body={"content": "x"}).status_code == 404
    assert _call(schema, "deleteBlock", path_parameters=path).status_code == 404


def test_every_workspace_operation_validates_with_real_ids() -> None:
    """One valid request per operation of blocks, search, sessions, integrations, machines and
    Streamlit apps against existing objects, each 2xx body checked against its schema,
    partialFailure included."""
    clock = FakeClock()
    fake = FakeDeepnote(clock=clock)
    fake.search_unavailable = {"integrations"}
    fake.projects[SEED_PROJECT_ID].files.append({"path": "app.py"})
    schema = asgi_schema(create_app(fake))

    found = _call(schema, "search", query={"q": "seed"}).json()
    assert found["partialFailure"]["types"] == ["integrations"] and found["results"]["notebooks"]

    session = _call(schema, "createSession", body={"notebookId": SEED_NOTEBOOK_ID, "storageMode": "readonly"})
    assert session.status_code == 202
    executed = _call(
        schema,
        "executeSessionCode",
        path_parameters={"sessionId": session.json()["session"]["id"]},
        body={"notebookId": SEED_NOTEBOOK_ID, "code": "raise RuntimeError('x')", "timeoutMs": 1000},
    )
    assert (executed.status_code, executed.json()["outputs"][0]["output_type"]) == (200, "error")

    listed = _call(schema, "listIntegrations", query={"includeMetadata": "true", "hasSchema": "true"})
    assert len(listed.json()["integrations"]) == 2
    tables = _call(
        schema,
        "getIntegration",
        path_parameters={"integrationId": SEED_SNOWFLAKE_INTEGRATION_ID},
        query={"databaseName": "FINANCE"},
    )
    assert [t["name"] for t in tables.json()["tables"]] == ["SALES"]

    assert _call(schema, "listMachineTypes").json()["machineTypes"][1]["id"] == "fjord"
    machine = _call(schema, "getMachine", path_parameters={"projectId": SEED_PROJECT_ID})
    assert machine.json()["machine"]["status"] == "stopped"

    app = _call(schema, "createStreamlitApp", body={"projectId": SEED_PROJECT_ID, "entrypoint": "app.py"})
    app_id = app.json()["streamlitApp"]["id"]
    listed_apps = _call(schema, "listStreamlitApps", query={"projectId": SEED_PROJECT_ID})
    assert [a["id"] for a in listed_apps.json()["streamlitApps"]] == [app_id]
    clock.advance(10)
    status = _call(schema, "getStreamlitAppStatus", path_parameters={"streamlitAppId": app_id})
    assert status.json()["status"] == "running"
