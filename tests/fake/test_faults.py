"""Fault injection, request recording, latency and the rate limiter, over a real loopback socket."""

from __future__ import annotations

import email.utils
import re
import time

import httpx
import pytest

from deepnote_fake import SEED_NOTEBOOK_ID, SEED_PROJECT_ID, FakeClock, FakeDeepnote, ServerHandle


def test_no_fault_is_armed_by_default(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    assert fake_state.faults.pending == 0
    assert all(client.get("/me").status_code == 200 for _ in range(5))
    assert fake_state.faults.fired == 0


@pytest.mark.parametrize("kind", ["500", "502", "503", "504"])
def test_server_errors(client: httpx.Client, fake_state: FakeDeepnote, kind: str) -> None:
    fake_state.faults.inject(kind)
    response = client.get("/me")
    assert response.status_code == int(kind)
    assert set(response.json()) == {"message"}
    assert client.get("/me").status_code == 200  # times=1: normal service resumes
    assert fake_state.faults.fired == 1 and fake_state.faults.fired_by_kind[kind] == 1
    assert [(r.status, r.fault) for r in fake_state.requests] == [(int(kind), kind), (200, None)]


def test_429_with_retry_after_seconds(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.faults.inject("429", retry_after=1.5)
    response = client.get("/me")
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "2"  # whole seconds, rounded up
    assert response.headers["RateLimit-Reset"] == "2"
    assert response.json() == {"message": "Rate limit exceeded"}


def test_429_with_retry_after_http_date(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.faults.inject("429-http-date", retry_after=3)
    before = time.time()
    response = client.get("/me")
    assert response.status_code == 429
    when = email.utils.parsedate_to_datetime(response.headers["Retry-After"]).timestamp()
    assert before + 2 <= when <= before + 5
    assert response.headers["Retry-After"].endswith("GMT")


def test_drop_closes_the_connection_without_a_response(
    client: httpx.Client, fake_state: FakeDeepnote
) -> None:
    fake_state.faults.inject("drop")
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        client.get("/me")
    assert client.get("/me").status_code == 200
    assert [r.status for r in fake_state.requests] == ["dropped", 200]
    assert fake_state.faults.fired == 1


def test_drop_mid_body_sends_headers_then_hangs_up(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.faults.inject("drop-mid-body")
    with pytest.raises(httpx.RemoteProtocolError, match="incomplete|complete message body"):
        client.get("/me")
    assert client.get("/me").status_code == 200
    assert fake_state.requests[0].status == "dropped"
    assert fake_state.requests[0].fault == "drop-mid-body"


def test_slow_answers_late(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.faults.inject("slow", delay=0.3)
    started = time.monotonic()
    assert client.get("/me").status_code == 200
    assert time.monotonic() - started >= 0.3
    fake_state.faults.inject("slow", delay=2)
    with pytest.raises(httpx.ReadTimeout):
        client.get("/me", timeout=0.2)
    assert fake_state.faults.fired == 2
    # The server notices the client hung up and stops, instead of answering 2 s later.
    deadline = time.monotonic() + 1
    while fake_state.requests[-1].status is None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert fake_state.requests[-1].status == "dropped"


def test_not_json_keeps_status_and_side_effects(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.faults.inject("not-json", method="POST", path="/notebooks")
    response = client.post("/notebooks", json={"projectId": SEED_PROJECT_ID, "name": "Ghost"})
    assert response.status_code == 201
    with pytest.raises(ValueError):
        response.json()
    assert response.headers["content-length"] == str(len(response.content))
    # The request was really served: the notebook exists, so a retry would get 409.
    assert "Ghost" in fake_state.notebook_names(SEED_PROJECT_ID)


def test_missing_field_removes_the_main_required_field(
    client: httpx.Client, fake_state: FakeDeepnote
) -> None:
    fake_state.faults.inject("missing-field", times=2)
    assert "notebook" not in client.get(f"/notebooks/{SEED_NOTEBOOK_ID}").json()
    assert set(client.get(f"/notebooks/{SEED_NOTEBOOK_ID}/runs").json()) == {"pagination"}
    assert "notebook" in client.get(f"/notebooks/{SEED_NOTEBOOK_ID}").json()


def test_missing_field_by_dotted_path(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    run_id = client.post("/runs", json={"notebookId": SEED_NOTEBOOK_ID}).json()["runId"]
    fake_state.faults.inject("missing-field", field="run.status")
    run = client.get(f"/runs/{run_id}").json()["run"]
    assert "status" not in run and run["runId"] == run_id


def test_missing_field_leaves_a_204_alone(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.faults.inject("missing-field")
    response = client.delete(f"/notebooks/{SEED_NOTEBOOK_ID}")
    assert response.status_code == 204 and response.content == b""
    assert fake_state.faults.fired == 1


def test_method_and_path_prefix_matching(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.faults.inject("503", method="post", path="/runs")
    assert client.get("/me").status_code == 200
    assert client.get(f"/runs/{'0' * 8}-0000-4000-8000-{'0' * 12}").status_code == 404  # GET: no match
    assert client.post("/runs", json={"notebookId": SEED_NOTEBOOK_ID}).status_code == 503
    assert fake_state.faults.fired == 1


def test_path_prefix_covers_subpaths(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.faults.inject("500", path="/notebooks", times=2)
    assert client.get(f"/notebooks/{SEED_NOTEBOOK_ID}/runs").status_code == 500
    assert client.get("/projects").status_code == 200
    assert client.get(f"/notebooks/{SEED_NOTEBOOK_ID}").status_code == 500
    assert client.get(f"/notebooks/{SEED_NOTEBOOK_ID}").status_code == 200


def test_path_regex(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.faults.inject("502", path=re.compile(r"^/notebooks/[^/]+$"))
    assert client.get(f"/notebooks/{SEED_NOTEBOOK_ID}/runs").status_code == 200
    assert client.get(f"/notebooks/{SEED_NOTEBOOK_ID}").status_code == 502


def test_times_counts_matching_requests_only(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.faults.inject("500", times=3, path="/projects")
    assert [client.get("/me").status_code for _ in range(2)] == [200, 200]
    assert [client.get("/projects").status_code for _ in range(4)] == [500, 500, 500, 200]
    assert (fake_state.faults.fired, fake_state.faults.pending) == (3, 0)
    assert len(fake_state.requests) == 6 and fake_state.request_count == 6


def test_faults_fire_in_injection_order(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.faults.inject("503")
    fake_state.faults.inject("429")
    assert [client.get("/me").status_code for _ in range(3)] == [503, 429, 200]


def test_clear_disarms_and_reset_counters_forgets(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.faults.inject("500", times=5)
    assert client.get("/me").status_code == 500
    fake_state.faults.clear()
    assert client.get("/me").status_code == 200
    assert fake_state.faults.fired == 1 and len(fake_state.requests) == 2
    fake_state.reset_counters()
    assert (fake_state.faults.fired, fake_state.request_count, fake_state.requests) == (0, 0, [])


def test_inject_validates_its_arguments(fake_state: FakeDeepnote) -> None:
    with pytest.raises(ValueError, match="unknown fault kind"):
        fake_state.faults.inject("418")
    with pytest.raises(ValueError, match="times"):
        fake_state.faults.inject("500", times=0)


def test_requests_outside_v2_are_not_recorded(fake_server: ServerHandle, fake_state: FakeDeepnote) -> None:
    httpx.get(f"{fake_server.root_url}/_fake/state", headers={"Authorization": f"Bearer {fake_server.token}"})
    httpx.get(f"{fake_server.root_url}/elsewhere")
    assert fake_state.requests == []


def test_requests_record_method_path_query_and_status(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    client.get(f"/notebooks/{SEED_NOTEBOOK_ID}/runs", params={"pageSize": 5})
    client.delete("/notebooks/nope")
    recorded = [(r.method, r.path, r.query, r.status) for r in fake_state.requests]
    assert recorded == [
        ("GET", f"/notebooks/{SEED_NOTEBOOK_ID}/runs", "pageSize=5", 200),
        ("DELETE", "/notebooks/nope", "", 404),
    ]


def test_latency_is_added_to_every_request(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    fake_state.latency = 0.05
    started = time.monotonic()
    for _ in range(3):
        client.get("/me")
    assert time.monotonic() - started >= 0.15


# ---------------------------------------------------------------------------- rate limit


def test_rate_limit_per_token_on_the_fake_clock(
    client: httpx.Client, fake_state: FakeDeepnote, fake_clock: FakeClock
) -> None:
    fake_state.rate_limit = (2, 10.0)
    assert [client.get("/me").status_code for _ in range(2)] == [200, 200]
    limited = client.get("/me")
    assert limited.status_code == 429
    assert (limited.headers["Retry-After"], limited.headers["RateLimit-Reset"]) == ("10", "10")
    assert limited.json() == {"message": "Rate limit exceeded"}
    fake_clock.advance(3.5)
    assert client.get("/me").headers["Retry-After"] == "7"  # ceil(6.5)
    # Another token has its own window (and is refused for being wrong, not for the rate).
    assert client.get("/me", headers={"Authorization": "Bearer other"}).status_code == 401
    fake_clock.advance(6.5)
    assert client.get("/me").status_code == 200  # a new window
    assert fake_state.rate_limited == 2
    assert [r.fault for r in fake_state.requests].count("rate-limit") == 2


def test_rate_limit_off_by_default(client: httpx.Client, fake_state: FakeDeepnote) -> None:
    assert fake_state.rate_limit is None
    assert {client.get("/me").status_code for _ in range(50)} == {200}
