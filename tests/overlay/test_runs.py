"""Waiting for runs on the fake, whose runs only progress when its ``FakeClock`` is advanced.

``sleep`` advances that clock, so the recorded pauses are exactly what ``wait_for_run`` asked for
and a run that takes minutes is waited for in milliseconds.
"""

from __future__ import annotations

import pytest

from deepnote_client.client import AuthenticatedClient
from deepnote_client.models import RunStatus
from deepnote_fake import SEED_NOTEBOOK_ID, FakeClock, ServerHandle
from deepnote_overlay import (
    APIConnectionError,
    BadRequestError,
    RetryPolicy,
    RunTimeoutError,
    _clock,
    arun_notebook,
    await_run,
    connect,
    run_notebook,
    wait_for_run,
)
from deepnote_overlay.runs import TERMINAL_STATUSES

from .helpers import ClockSleeper, assert_no_secret


class _NoRetryExpected(_clock.Clock):
    """The overlay's clock here: the runs' own pauses are passed in, so any sleep on it is a retry."""

    def sleep(self, seconds: float) -> None:
        raise AssertionError("no retry expected in these tests")

    async def asleep(self, seconds: float) -> None:
        raise AssertionError("no retry expected in these tests (nor a blocking sleep in async code)")


@pytest.fixture(autouse=True)
def no_retry_expected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_clock, "CLOCK", _NoRetryExpected())


def connected(server: ServerHandle) -> AuthenticatedClient:
    return connect(server.token, base_url=server.base_url, retry=RetryPolicy())


@pytest.mark.parametrize("outcome", ["success", "error", "internal_error", "stopped"])
def test_run_notebook_waits_until_the_run_is_terminal(
    outcome: str, fake_server: ServerHandle, fake_clock: FakeClock
) -> None:
    fake_server.state.run_outcome = outcome  # type: ignore[assignment]
    sleeper = ClockSleeper(fake_clock)
    client = connected(fake_server)

    run = run_notebook(
        client,
        SEED_NOTEBOOK_ID,
        inputs={"region": "US", "verbose": True},
        sleep=sleeper.sleep,
        clock=fake_clock.now,
    )

    assert run.status == RunStatus(outcome)
    assert run.status in TERMINAL_STATUSES
    assert sleeper.pauses == [1.0, 1.5]  # pending, then running (0.3 s + 1.0 s), then terminal
    [stored] = [r for r in fake_server.state.runs.values() if str(r.id) == str(run.run_id)]
    assert stored.inputs == {"region": "US", "verbose": True}
    assert stored.detached is True
    posts = [r for r in fake_server.state.requests if r.method == "POST" and r.path == "/runs"]
    assert len(posts) == 1


def test_a_failed_run_is_returned_not_raised(fake_server: ServerHandle, fake_clock: FakeClock) -> None:
    fake_server.state.run_outcome = "error"
    sleeper = ClockSleeper(fake_clock)
    created = run_notebook(connected(fake_server), SEED_NOTEBOOK_ID, wait=False)
    assert created.status == RunStatus.PENDING and created.notebook_id == SEED_NOTEBOOK_ID
    run = wait_for_run(
        connected(fake_server),
        created.run_id,
        sleep=sleeper.sleep,
        clock=fake_clock.now,
    )
    assert run.status == RunStatus.ERROR
    assert run.run_id == created.run_id


def test_a_run_that_never_ends_times_out_with_the_last_run_seen(
    fake_server: ServerHandle, fake_clock: FakeClock
) -> None:
    fake_server.state.run_outcome = "never"
    sleeper = ClockSleeper(fake_clock)
    client = connected(fake_server)
    created = run_notebook(client, SEED_NOTEBOOK_ID, wait=False)

    with pytest.raises(RunTimeoutError) as caught:
        wait_for_run(client, created.run_id, timeout=30, sleep=sleeper.sleep, clock=fake_clock.now)

    assert caught.value.run.status == RunStatus.RUNNING
    assert caught.value.run.run_id == created.run_id
    assert caught.value.timeout == 30
    assert "still running after 30 s" in str(caught.value)
    # The pause grows by half from 1 s up to the 10 s cap, and the last one ends at the deadline.
    assert sleeper.pauses == pytest.approx([1.0, 1.5, 2.25, 3.375, 5.0625, 7.59375, 9.21875])
    assert sum(sleeper.pauses) == pytest.approx(30.0)
    gets = [r for r in fake_server.state.requests if r.method == "GET" and r.path.startswith("/runs/")]
    assert len(gets) == len(sleeper.pauses) + 1  # one last look at the deadline
    assert_no_secret(caught.value, fake_server.token)


def test_the_poll_interval_is_capped(fake_server: ServerHandle, fake_clock: FakeClock) -> None:
    fake_server.state.run_outcome = "never"
    sleeper = ClockSleeper(fake_clock)
    client = connected(fake_server)
    created = run_notebook(client, SEED_NOTEBOOK_ID, wait=False)
    with pytest.raises(RunTimeoutError):
        wait_for_run(
            client,
            created.run_id,
            timeout=60,
            poll_interval=2.0,
            max_poll_interval=4.0,
            sleep=sleeper.sleep,
            clock=fake_clock.now,
        )
    assert sleeper.pauses[:3] == [2.0, 3.0, 4.0]
    assert max(sleeper.pauses) == 4.0


async def test_await_run_and_arun_notebook(fake_server: ServerHandle, fake_clock: FakeClock) -> None:
    sleeper = ClockSleeper(fake_clock)
    client = connected(fake_server)
    run = await arun_notebook(client, SEED_NOTEBOOK_ID, asleep=sleeper.asleep, clock=fake_clock.now)
    assert run.status == RunStatus.SUCCESS
    assert sleeper.pauses == [1.0, 1.5]

    fake_server.state.run_outcome = "never"
    created = await arun_notebook(client, SEED_NOTEBOOK_ID, wait=False)
    with pytest.raises(RunTimeoutError) as caught:
        await await_run(client, created.run_id, timeout=5, asleep=sleeper.asleep, clock=fake_clock.now)
    assert caught.value.run.status == RunStatus.RUNNING


def test_an_unknown_notebook_is_a_bad_request(fake_server: ServerHandle, fake_clock: FakeClock) -> None:
    with pytest.raises(BadRequestError) as caught:
        run_notebook(connected(fake_server), "no-such-notebook")
    assert caught.value.message == "Notebook not found"


def test_starting_a_run_is_never_replayed(fake_server: ServerHandle) -> None:
    fake_server.state.faults.inject("drop-mid-body", method="POST", path="/runs")
    with pytest.raises(APIConnectionError):
        run_notebook(connected(fake_server), SEED_NOTEBOOK_ID)
    # The fault is recorded before it is delivered (the "dropped" status may land a moment later).
    assert [r.fault for r in fake_server.state.requests if r.path == "/runs"] == ["drop-mid-body"]
    assert fake_server.state.runs == {}
