"""The /_fake control routes: the HTTP form of faults, counters, knobs, suspension and the clock."""

from __future__ import annotations

import httpx
import pytest

from deepnote_fake import (
    SEED_NOTEBOOK_ID,
    SEED_PROJECT_ID,
    SEED_TOKEN,
    FakeClock,
    FakeDeepnote,
    ServerHandle,
    running_server,
)

AUTH = {"Authorization": f"Bearer {SEED_TOKEN}"}


@pytest.fixture
def control(fake_server: ServerHandle) -> httpx.Client:
    return httpx.Client(base_url=f"{fake_server.root_url}/_fake", headers=AUTH, timeout=10)


def test_controls_need_the_token(fake_server: ServerHandle) -> None:
    assert httpx.get(f"{fake_server.root_url}/_fake/state").status_code == 401


def test_control_faults_and_requests(control: httpx.Client, fake_server: ServerHandle) -> None:
    armed = control.post("/faults", json={"kind": "503", "times": 2, "path": "/me", "method": "GET"})
    assert armed.status_code == 201 and armed.json() == {"pending": 2}
    statuses = [httpx.get(f"{fake_server.base_url}/me", headers=AUTH).status_code for _ in range(3)]
    assert statuses == [503, 503, 200]
    rows = control.get("/requests").json()["requests"]
    assert [(r["path"], r["operationId"], r["status"], r["fault"]) for r in rows] == [
        ("/me", "getMe", 503, "503"),  # a faulted request still names the operation it was for
        ("/me", "getMe", 503, "503"),
        ("/me", "getMe", 200, None),
    ]
    state = control.get("/state").json()
    assert (state["requestCount"], state["faultsFired"], state["faultsPending"]) == (3, 2, 0)
    control.post("/faults", json={"kind": "500", "pathRegex": "^/projects$"})
    assert control.delete("/faults").status_code == 204
    assert httpx.get(f"{fake_server.base_url}/projects", headers=AUTH).status_code == 200
    assert control.post("/reset-counters").status_code == 204
    assert control.get("/state").json()["requestCount"] == 0
    assert control.post("/faults", json={"kind": "teapot"}).status_code == 400
    assert control.post("/faults", json={"kind": "500", "times": 0}).status_code == 400


def test_control_config_suspend_and_clock(
    control: httpx.Client, fake_server: ServerHandle, fake_state: FakeDeepnote, fake_clock: FakeClock
) -> None:
    config = control.post("/config", json={"runOutcome": "error", "latency": 0.0, "rateLimit": [100, 60]})
    assert config.json()["runOutcome"] == "error" and fake_state.rate_limit == (100, 60.0)
    assert control.post("/config", json={"runOutcome": "maybe"}).status_code == 400
    assert control.post("/config", json={"rateLimit": "lots"}).status_code == 400
    run_id = httpx.post(
        f"{fake_server.base_url}/runs", json={"notebookId": SEED_NOTEBOOK_ID}, headers=AUTH
    ).json()["runId"]
    assert control.post("/clock/advance", json={"seconds": 60}).status_code == 204
    assert fake_clock.now() == 1_060.0
    assert httpx.get(f"{fake_server.base_url}/runs/{run_id}", headers=AUTH).json()["run"]["status"] == "error"
    assert control.post(f"/projects/{SEED_PROJECT_ID}/suspend").status_code == 204
    assert httpx.get(f"{fake_server.base_url}/notebooks/{SEED_NOTEBOOK_ID}", headers=AUTH).status_code == 400
    assert control.delete(f"/projects/{SEED_PROJECT_ID}/suspend").status_code == 204
    assert httpx.get(f"{fake_server.base_url}/notebooks/{SEED_NOTEBOOK_ID}", headers=AUTH).status_code == 200


def test_clock_cannot_be_advanced_on_real_time() -> None:
    with running_server(FakeDeepnote()) as server:
        response = httpx.post(f"{server.root_url}/_fake/clock/advance", json={"seconds": 1}, headers=AUTH)
        assert response.status_code == 409
