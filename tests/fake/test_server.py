"""running_server: loopback only, a port of your choice or a free one, separate state per server;
the handle's seed ids, env and clock."""

from __future__ import annotations

import httpx
import pytest

from deepnote_fake import (
    SEED_NOTEBOOK_ID,
    SEED_PROJECT_ID,
    SEED_TOKEN,
    FakeClock,
    FakeDeepnote,
    running_server,
)
from deepnote_fake.server import bind_loopback

AUTH = {"Authorization": f"Bearer {SEED_TOKEN}"}


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


def test_the_handle_names_the_seed_and_steers_the_clock() -> None:
    clock = FakeClock()
    with running_server(FakeDeepnote(clock=clock)) as server:
        assert (server.project_id, server.notebook_id) == (SEED_PROJECT_ID, SEED_NOTEBOOK_ID)
        assert server.env == {
            "DEEPNOTE_BASE_URL": server.base_url,
            "DEEPNOTE_TOKEN": SEED_TOKEN,
            "DEEPNOTE_PROJECT_ID": SEED_PROJECT_ID,
        }
        assert server.clock is clock and server.faults is server.state.faults
        server.advance(2.5)
        assert clock.now() == 1_002.5
    with running_server() as server, pytest.raises(TypeError, match="real clock"):
        server.advance(1)
