"""The server handle, the /_fake control routes, `python -m deepnote_fake`,
scripts/with_fake_api.py, and the cron parser behind schedules."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

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
from deepnote_fake.cron import CronError, CronExpression
from deepnote_fake.server import bind_loopback

ROOT = Path(__file__).resolve().parents[2]
AUTH = {"Authorization": f"Bearer {SEED_TOKEN}"}


# ---------------------------------------------------------------------------- running_server


def test_running_server_serves_on_loopback_and_stops() -> None:
    with running_server() as server:
        assert server.base_url == f"http://127.0.0.1:{server.port}/v2"
        assert server.token == SEED_TOKEN
        assert server.app.state.fake is server.state
        assert httpx.get(f"{server.base_url}/me", headers=AUTH).status_code == 200
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.base_url}/me", headers=AUTH, timeout=2)


def test_running_server_on_a_given_port() -> None:
    probe = bind_loopback(0)
    port = probe.getsockname()[1]
    probe.close()
    with running_server(port=port) as server:
        assert server.port == port
        assert httpx.get(f"http://127.0.0.1:{port}/v2/me", headers=AUTH).status_code == 200


def test_two_servers_have_separate_state() -> None:
    with running_server() as one, running_server() as two:
        httpx.post(
            f"{one.base_url}/notebooks", json={"projectId": SEED_PROJECT_ID, "name": "only one"}, headers=AUTH
        )
        assert "only one" in one.state.notebook_names(SEED_PROJECT_ID)
        assert "only one" not in two.state.notebook_names(SEED_PROJECT_ID)


# ---------------------------------------------------------------------------- /_fake controls


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
    assert [(r["path"], r["status"], r["fault"]) for r in rows] == [
        ("/me", 503, "503"),
        ("/me", 503, "503"),
        ("/me", 200, None),
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


def test_fake_clock_refuses_to_go_back() -> None:
    clock = FakeClock(5)
    with pytest.raises(ValueError):
        clock.advance(-1)
    assert clock.now() == 5


# ---------------------------------------------------------------------------- command-line entry points


def test_python_m_serves_in_the_foreground() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "deepnote_fake", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(4)]
        base_url = next(line.split("=", 1)[1].strip() for line in lines if "DEEPNOTE_BASE_URL=" in line)
        assert f"DEEPNOTE_TOKEN={SEED_TOKEN}" in "".join(lines)
        assert f"DEEPNOTE_PROJECT_ID={SEED_PROJECT_ID}" in "".join(lines)
        deadline = time.monotonic() + 10
        while True:
            try:
                response = httpx.get(f"{base_url}/me", headers=AUTH, timeout=2)
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline, "the served fake never accepted a connection"
                time.sleep(0.05)
        assert response.status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=10)


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


# ---------------------------------------------------------------------------- cron


@pytest.mark.parametrize(
    ("expression", "after", "expected"),
    [
        ("0 9 * * 1-5", "2026-11-28 10:00", "2026-11-30 09:00"),  # Saturday -> Monday
        ("0 9 * * MON-FRI", "2026-11-26 08:59", "2026-11-26 09:00"),
        ("*/15 * * * *", "2026-11-26 10:07", "2026-11-26 10:15"),
        ("30 23 31 * *", "2026-11-26 00:00", "2026-12-31 23:30"),  # November has no 31st
        ("0 0 29 2 *", "2026-03-01 00:00", "2028-02-29 00:00"),  # next leap year
        ("0 12 1 JAN,JUL *", "2026-11-26 00:00", "2027-01-01 12:00"),
        ("0 8 * * 0", "2026-11-26 00:00", "2026-11-29 08:00"),  # 0 is Sunday
        ("0 8 * * 7", "2026-11-26 00:00", "2026-11-29 08:00"),  # and so is 7
        ("0 8 1 * 5", "2026-11-26 00:00", "2026-11-27 08:00"),  # day-of-month OR day-of-week
    ],
)
def test_cron_next_firing(expression: str, after: str, expected: str) -> None:
    moment = datetime.fromisoformat(after)
    assert CronExpression.parse(expression).next_after(moment) == datetime.fromisoformat(expected)


def test_cron_in_a_time_zone() -> None:
    london = ZoneInfo("Europe/London")
    following = CronExpression.parse("0 9 * * *").next_after(datetime(2026, 7, 1, 10, 0, tzinfo=london))
    assert following == datetime(2026, 7, 2, 9, 0, tzinfo=london)


@pytest.mark.parametrize(
    "expression",
    ["", "* * * *", "* * * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "*/0 * * * *", "a b c d e"],
)
def test_cron_rejects(expression: str) -> None:
    with pytest.raises(CronError):
        CronExpression.parse(expression)
