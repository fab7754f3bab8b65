"""``run_notebook`` / ``arun_notebook`` hand every option on: inputs, detached, timeout and poll pacing.

A scripted run API on a MockTransport (the run never ends unless told) and fake time, so a 60 s
timeout is waited in microseconds and every pause is recorded. Found by mutation testing: dropping
``timeout=`` (so ``run_notebook(timeout=60)`` would wait an hour) or ``inputs`` survived before.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import httpx
import pytest

from deepnote_client.client import AuthenticatedClient
from deepnote_client.models import RunStatus
from deepnote_overlay import RunTimeoutError, arun_notebook, run_notebook

from .helpers import NOTEBOOK_ID, RUN_ID, FakeTime, mock_client


class RunApi:
    """createRun answers ``pending``; getRun answers ``running`` until ``polls_until_done`` polls."""

    def __init__(self, polls_until_done: int | None = None) -> None:
        self.polls_until_done = polls_until_done
        self.created: list[dict[str, Any]] = []
        self.polls = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            self.created.append(json.loads(request.content))
            return httpx.Response(
                202, json={"runId": RUN_ID, "status": "pending", "createdAt": "2026-01-02T03:04:05Z"}
            )
        self.polls += 1
        done = self.polls_until_done is not None and self.polls >= self.polls_until_done
        return httpx.Response(
            200, json={"run": {"runId": RUN_ID, "status": "success" if done else "running"}}
        )


def client_for(api: RunApi, fake_time: FakeTime) -> AuthenticatedClient:
    return mock_client(api, fake_time.policy())


async def start(mode: str, client: AuthenticatedClient, fake_time: FakeTime, **options: Any) -> Any:
    if mode == "sync":
        return run_notebook(client, NOTEBOOK_ID, sleep=fake_time.sleep, clock=fake_time.monotonic, **options)
    return await arun_notebook(
        client, NOTEBOOK_ID, asleep=fake_time.asleep, clock=fake_time.monotonic, **options
    )


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_timeout_and_poll_pacing_are_forwarded(mode: str, fake_time: FakeTime) -> None:
    api = RunApi()
    with pytest.raises(RunTimeoutError) as caught:
        await start(
            mode, client_for(api, fake_time), fake_time, timeout=60, poll_interval=2, max_poll_interval=5
        )
    assert caught.value.timeout == 60
    assert caught.value.run.status is RunStatus.RUNNING
    pauses = fake_time.waits
    assert sum(pauses) == pytest.approx(60), "the last poll happens at the deadline, not later"
    assert pauses[0] == 2, "the first pause is poll_interval"
    assert max(pauses) == 5, "pauses grow up to max_poll_interval"
    growing = pauses[: pauses.index(5)]
    assert all(later == pytest.approx(earlier * 1.5) for earlier, later in itertools.pairwise(growing))
    assert api.polls == len(pauses) + 1


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_inputs_and_detached_reach_create_run(mode: str, fake_time: FakeTime) -> None:
    api = RunApi(polls_until_done=1)
    inputs = {"region": "eu", "dry_run": True, "tables": ["a", "b"]}
    run = await start(mode, client_for(api, fake_time), fake_time, inputs=inputs, detached=False)
    assert run.status is RunStatus.SUCCESS
    assert api.created == [{"notebookId": NOTEBOOK_ID, "detached": False, "inputs": inputs}]


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_without_inputs_none_are_sent_and_runs_are_detached(mode: str, fake_time: FakeTime) -> None:
    api = RunApi(polls_until_done=1)
    await start(mode, client_for(api, fake_time), fake_time)
    assert api.created == [{"notebookId": NOTEBOOK_ID, "detached": True}]


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_wait_false_returns_the_run_as_created_without_polling(mode: str, fake_time: FakeTime) -> None:
    api = RunApi()
    run = await start(mode, client_for(api, fake_time), fake_time, wait=False)
    assert (str(run.run_id), run.status, run.notebook_id) == (RUN_ID, RunStatus.PENDING, NOTEBOOK_ID)
    assert run.created_at.isoformat() == "2026-01-02T03:04:05+00:00"
    assert api.polls == 0 and fake_time.waits == []
