"""Waiting for runs on the fake, whose runs only progress when its ``FakeClock`` is advanced.

The ``overlay_clock`` fixture puts the overlay's waits on that clock, so the recorded pauses are
exactly what ``run.wait`` asked for and a run that takes minutes is waited for in milliseconds.
"""

from __future__ import annotations

import uuid

import pytest

from deepnote_client.models import RunStatus
from deepnote_fake import SEED_NOTEBOOK_ID, SEED_PROJECT_ID, ServerHandle
from deepnote_overlay import APIConnectionError, BadRequestError, Deepnote, RunTimeoutError
from deepnote_overlay.runs import TERMINAL_STATUSES
from tests.conftest import OverlayClock

from .helpers import assert_no_secret, async_deepnote_on, deepnote_on


@pytest.mark.parametrize("outcome", ["success", "error", "internal_error", "stopped"])
def test_run_notebook_waits_until_the_run_is_terminal(
    outcome: str, fake_server: ServerHandle, overlay_clock: OverlayClock
) -> None:
    fake_server.state.run_outcome = outcome  # type: ignore[assignment]

    with deepnote_on(fake_server) as dn:
        result = dn.run_notebook(SEED_NOTEBOOK_ID, inputs={"region": "US", "verbose": True})

    assert result.status == outcome
    assert result.run.status == RunStatus(outcome)
    assert result.run.status in TERMINAL_STATUSES
    assert overlay_clock.pauses == [1.0, 1.5]  # pending, then running (0.3 s + 1.0 s), then terminal
    [stored] = [r for r in fake_server.state.runs.values() if str(r.id) == result.run_id]
    assert stored.inputs == {"region": "US", "verbose": True}
    assert stored.detached is True
    posts = [r for r in fake_server.state.requests if r.method == "POST" and r.path == "/runs"]
    assert len(posts) == 1


def test_a_failed_run_is_returned_not_raised(fake_server: ServerHandle, overlay_clock: OverlayClock) -> None:
    fake_server.state.run_outcome = "error"
    with deepnote_on(fake_server) as dn:
        started = dn.runs.start(SEED_NOTEBOOK_ID)
        assert started.status == "pending"

        result = dn.runs.attach(started.id).wait()  # a run started elsewhere, found by its id

    assert result.run.status == RunStatus.ERROR
    assert result.run_id == started.id
    assert result.notebook_id == SEED_NOTEBOOK_ID


def test_a_run_that_never_ends_times_out_with_the_last_run_seen(
    fake_server: ServerHandle, overlay_clock: OverlayClock
) -> None:
    fake_server.state.run_outcome = "never"
    with deepnote_on(fake_server) as dn:
        run = dn.runs.start(SEED_NOTEBOOK_ID)

        with pytest.raises(RunTimeoutError) as caught:
            run.wait(timeout=30)

    assert caught.value.run is not None
    assert caught.value.run.status == RunStatus.RUNNING
    assert caught.value.run.run_id == run.id
    assert caught.value.timeout == 30
    assert "still running after 30 s" in str(caught.value)
    # The pause grows by half from 1 s up to the 10 s cap, and the last one ends at the deadline.
    assert overlay_clock.pauses == pytest.approx([1.0, 1.5, 2.25, 3.375, 5.0625, 7.59375, 9.21875])
    assert sum(overlay_clock.pauses) == pytest.approx(30.0)
    gets = [r for r in fake_server.state.requests if r.method == "GET" and r.path.startswith("/runs/")]
    assert len(gets) == len(overlay_clock.pauses) + 1  # one last look at the deadline
    assert_no_secret(caught.value, fake_server.token)


def test_the_poll_interval_is_capped(fake_server: ServerHandle, overlay_clock: OverlayClock) -> None:
    fake_server.state.run_outcome = "never"
    with deepnote_on(fake_server) as dn:
        run = dn.runs.start(SEED_NOTEBOOK_ID)
        with pytest.raises(RunTimeoutError):
            run.wait(timeout=60, poll_interval=2.0, max_poll_interval=4.0)
    assert overlay_clock.pauses[:3] == [2.0, 3.0, 4.0]
    assert max(overlay_clock.pauses) == 4.0


async def test_the_async_client_runs_and_waits(
    fake_server: ServerHandle, overlay_clock: OverlayClock
) -> None:
    async with async_deepnote_on(fake_server) as adn:
        result = await adn.run_notebook(SEED_NOTEBOOK_ID)
        assert result.run.status == RunStatus.SUCCESS
        assert overlay_clock.pauses == [1.0, 1.5]

        fake_server.state.run_outcome = "never"
        started = await adn.runs.start(SEED_NOTEBOOK_ID)
        run = await adn.runs.attach(started.id)
        with pytest.raises(RunTimeoutError) as caught:
            await run.wait(timeout=5)

    assert caught.value.run is not None
    assert caught.value.run.status == RunStatus.RUNNING
    assert overlay_clock.blocking == 0, "the async client paused with a blocking sleep"


def test_an_unknown_notebook_is_a_bad_request(fake_server: ServerHandle, overlay_clock: OverlayClock) -> None:
    with deepnote_on(fake_server) as dn, pytest.raises(BadRequestError) as caught:
        dn.run_notebook("no-such-notebook")
    assert caught.value.message == "Notebook not found"


def test_starting_a_run_is_never_replayed(fake_server: ServerHandle) -> None:
    fake_server.state.faults.inject("drop-mid-body", method="POST", path="/runs")
    # The default retry policy: a POST that may have reached the server is still sent only once.
    with Deepnote(fake_server.token, base_url=fake_server.base_url) as dn, pytest.raises(APIConnectionError):
        dn.run_notebook(SEED_NOTEBOOK_ID)
    # The fault is recorded before it is delivered (the "dropped" status may land a moment later).
    assert [r.fault for r in fake_server.state.requests if r.path == "/runs"] == ["drop-mid-body"]
    assert fake_server.state.runs == {}


def test_a_notebook_id_may_be_a_uuid(fake_server: ServerHandle, overlay_clock: OverlayClock) -> None:
    # Deepnote writes notebook ids as 32 hex digits: a UUID given for one is sent that way.
    notebook_id = uuid.UUID("0b9e3c4d-5f6a-4b7c-8d9e-0f1a2b3c4d5e")
    fake_server.state.add_notebook(SEED_PROJECT_ID, "By UUID", notebook_id=notebook_id.hex)

    with deepnote_on(fake_server) as dn:
        result = dn.run_notebook(notebook_id)

    assert result.status == "success"
    assert result.notebook_id == notebook_id.hex
    [stored] = fake_server.state.runs.values()
    assert stored.notebook_id == notebook_id.hex
