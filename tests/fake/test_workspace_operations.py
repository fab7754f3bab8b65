"""The fake's search, sessions, integrations, machines and Streamlit apps over HTTP
(reference 6.3-6.7)."""

from __future__ import annotations

import httpx
import pytest

from deepnote_fake import (
    SEED_NOTEBOOK_ID,
    SEED_POSTGRES_INTEGRATION_ID,
    SEED_PROJECT_ID,
    SEED_SNOWFLAKE_INTEGRATION_ID,
    Block,
    FakeClock,
    FakeDeepnote,
)

UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000"

# ---------------------------------------------------------------------------- search


def test_search_matches_every_type_case_insensitively(client: httpx.Client) -> None:
    results = client.get("/search", params={"q": "SEED"}).json()
    assert "partialFailure" not in results
    found = results["results"]
    assert [n["id"] for n in found["notebooks"]] == [SEED_NOTEBOOK_ID]
    assert [b["type"] for b in found["blocks"]] == ["markdown"]  # "# Seed notebook..."
    assert found["projects"] == [] and found["integrations"] == []
    lake = client.get("/search", params={"q": "lake", "types": "integrations"}).json()["results"]
    assert lake == {
        "integrations": [{"id": SEED_SNOWFLAKE_INTEGRATION_ID, "name": "Fake lake", "type": "snowflake"}]
    }


def test_search_caps_are_per_type(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    text = [Block(f"t{i}", "markdown", "needle") for i in range(120)]
    code = [Block(f"c{i}", "sql", "select needle") for i in range(120)]
    inputs = [Block(f"i{i}", "input-text", "needle") for i in range(5)]
    fake_state.add_notebook(SEED_PROJECT_ID, "Needles", blocks=text + code + inputs)
    for i in range(105):
        fake_state.add_project(f"needle {i}")
    found = client.get("/search", params={"q": "needle"}).json()["results"]
    assert len(found["projects"]) == 100
    types = [b["type"] for b in found["blocks"]]
    assert types.count("markdown") == 100 and types.count("sql") == 100 and len(types) == 200


def test_search_reports_unsearchable_types_as_partial_failure(
    client: httpx.Client, fake_state: FakeDeepnote
) -> None:
    fake_state.search_unavailable = {"blocks"}
    body = client.get("/search", params={"q": "seed", "types": "notebooks,blocks"}).json()
    assert set(body["results"]) == {"notebooks"}
    assert body["partialFailure"]["types"] == ["blocks"]


@pytest.mark.parametrize("params", [{}, {"q": "x", "types": "files"}, {"q": "x", "types": "projects,"}])
def test_search_refusals(client: httpx.Client, params: dict[str, str]) -> None:
    assert client.get("/search", params=params).status_code == 400


# ---------------------------------------------------------------------------- sessions


def test_session_starts_a_run_and_executes_code(
    client: httpx.Client, fake_state: FakeDeepnote, fake_clock: FakeClock
) -> None:
    created = client.post("/sessions", json={"notebookId": SEED_NOTEBOOK_ID, "inputs": {"region": "US"}})
    assert created.status_code == 202
    session, run = created.json()["session"], created.json()["run"]
    assert run["status"] == "pending" and fake_state.runs[run["runId"]].inputs == {"region": "US"}
    assert session["storageMode"] == "read_write"
    fake_clock.advance(60)
    assert client.get(f"/runs/{run['runId']}").json()["run"]["status"] == "success"

    path = f"/sessions/{session['id']}/execute"
    failed = client.post(path, json={"notebookId": SEED_NOTEBOOK_ID, "code": 'raise ValueError("bad")'})
    assert failed.status_code == 200  # a user-code exception is an error output, not an HTTP error
    assert failed.json()["outputs"][0] == {
        "output_type": "error",
        "ename": "ValueError",
        "evalue": "bad",
        "traceback": ["ValueError: bad"],
    }
    printed = client.post(path, json={"notebookId": SEED_NOTEBOOK_ID, "code": "print('hi')", "timeoutMs": 10})
    assert printed.json()["outputs"][0]["text"] == "hi\n"


def test_session_refusals(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    assert client.post("/sessions", json={"notebookId": "nope"}).status_code == 404
    bad_input = client.post("/sessions", json={"notebookId": SEED_NOTEBOOK_ID, "inputs": {"nope": "x"}})
    assert bad_input.status_code == 400
    session_id = client.post("/sessions", json={"notebookId": SEED_NOTEBOOK_ID}).json()["session"]["id"]
    path = f"/sessions/{session_id}/execute"
    assert client.post(path, json={"notebookId": "other", "code": "1"}).status_code == 400
    assert (
        client.post(path, json={"notebookId": SEED_NOTEBOOK_ID, "code": "1", "timeoutMs": 0}).status_code
        == 400
    )
    unknown = client.post(
        f"/sessions/{UNKNOWN_UUID}/execute", json={"notebookId": SEED_NOTEBOOK_ID, "code": "1"}
    )
    assert (unknown.status_code, unknown.json()["message"]) == (404, "Session not found")
    fake_state.suspend_project(SEED_PROJECT_ID)
    assert client.post("/sessions", json={"notebookId": SEED_NOTEBOOK_ID}).status_code == 409
    fake_state.sessions_enabled = False
    assert client.post("/sessions", json={"notebookId": SEED_NOTEBOOK_ID}).status_code == 403


# ---------------------------------------------------------------------------- integrations


def test_list_integrations_filters(client: httpx.Client) -> None:
    def names(**params: str) -> list[str]:
        response = client.get("/integrations", params=params)
        assert response.status_code == 200, response.text
        return [i["name"] for i in response.json()["integrations"]]

    assert names() == ["Fake warehouse", "Fake lake"]
    assert names(nameContains="LAKE") == ["Fake lake"]
    assert names(types="snowflake,big-query") == ["Fake lake"]
    assert names(types="snow") == []  # exact match
    assert names(integrationIds=f"{SEED_POSTGRES_INTEGRATION_ID},{UNKNOWN_UUID}") == ["Fake warehouse"]
    assert names(hasSchema="false") == []


def test_metadata_only_when_asked_and_allowed(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    assert "metadata" not in client.get("/integrations").json()["integrations"][0]
    with_metadata = client.get("/integrations", params={"includeMetadata": "true"}).json()
    assert with_metadata["integrations"][0]["metadata"]["host"] == "db.example.com"
    fake_state.can_edit_integrations = False
    assert client.get("/integrations", params={"includeMetadata": "true"}).status_code == 403


@pytest.mark.parametrize("params", [{"integrationIds": "x"}, {"hasSchema": "yes"}, {"includeMetadata": "1"}])
def test_list_integrations_refusals(client: httpx.Client, params: dict[str, str]) -> None:
    assert client.get("/integrations", params=params).status_code == 400


def test_get_integration_tables_by_database_and_schema(client: httpx.Client) -> None:
    path = f"/integrations/{SEED_SNOWFLAKE_INTEGRATION_ID}"
    every = client.get(path).json()
    assert every["name"] == "Fake lake" and len(every["tables"]) == 3
    analytics = client.get(path, params={"databaseName": "ANALYTICS"}).json()["tables"]
    assert [t["name"] for t in analytics] == ["EVENTS", "USERS"]
    raw = client.get(path, params={"databaseName": "ANALYTICS", "schemaName": "RAW"}).json()["tables"]
    assert raw == [
        {
            "name": "EVENTS",
            "schema": "RAW",
            "database": "ANALYTICS",
            "columns": [{"name": "ID", "nativeType": "NUMBER"}, {"name": "KIND", "nativeType": "VARCHAR"}],
        }
    ]
    assert client.get(f"/integrations/{UNKNOWN_UUID}").status_code == 404
    assert client.get("/integrations/not-a-uuid").status_code == 400


# ---------------------------------------------------------------------------- machines


def test_machine_types_and_a_project_machine(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    kinds = client.get("/machine-types").json()["machineTypes"]
    assert [k["id"] for k in kinds] == ["basic", "fjord", "gpu-t4"]
    assert kinds[2]["available"] is False and kinds[2]["unavailableReason"]
    machine = client.get(f"/projects/{SEED_PROJECT_ID}/machine").json()["machine"]
    assert machine["status"] == "stopped" and machine["type"]["id"] == "basic"
    fake_state.machine(SEED_PROJECT_ID).status = "running"
    assert client.get(f"/projects/{SEED_PROJECT_ID}/machine").json()["machine"]["status"] == "running"
    assert client.get(f"/projects/{UNKNOWN_UUID}/machine").status_code == 404
    assert client.get("/projects/x/machine").status_code == 400


# ---------------------------------------------------------------------------- streamlit apps


def test_streamlit_app_lifecycle(
    client: httpx.Client, fake_state: FakeDeepnote, fake_clock: FakeClock
) -> None:
    fake_state.projects[SEED_PROJECT_ID].files.append({"path": "app.py", "size": 10})
    created = client.post("/streamlit-apps", json={"projectId": SEED_PROJECT_ID, "entrypoint": "app.py"})
    assert created.status_code == 201
    app = created.json()["streamlitApp"]
    assert app["entrypoint"] == "app.py" and app["projectId"] == SEED_PROJECT_ID
    listed = client.get("/streamlit-apps", params={"projectId": SEED_PROJECT_ID}).json()["streamlitApps"]
    assert listed == [app]
    statuses = []
    for _ in range(3):
        statuses.append(client.get(f"/streamlit-apps/{app['id']}/status").json()["status"])
        fake_clock.advance(1.5)
    assert statuses == ["unavailable", "starting", "running"]
    again = client.post("/streamlit-apps", json={"projectId": SEED_PROJECT_ID, "entrypoint": "app.py"})
    assert (again.status_code, again.json()["message"]) == (409, "Streamlit app already exists")


def test_streamlit_app_refusals(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    missing = client.post("/streamlit-apps", json={"projectId": SEED_PROJECT_ID, "entrypoint": "nope.py"})
    assert (missing.status_code, missing.json()["message"]) == (404, "Entrypoint file not found")
    assert client.get("/streamlit-apps").status_code == 400
    assert client.get("/streamlit-apps", params={"projectId": UNKNOWN_UUID}).status_code == 404
    assert client.get(f"/streamlit-apps/{UNKNOWN_UUID}/status").status_code == 404
    fake_state.suspend_project(SEED_PROJECT_ID)
    suspended = client.post(
        "/streamlit-apps", json={"projectId": SEED_PROJECT_ID, "entrypoint": "data/example.csv"}
    )
    assert suspended.status_code == 409
