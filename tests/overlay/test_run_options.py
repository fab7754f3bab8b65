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

import deepnote_overlay
from deepnote_client.client import AuthenticatedClient
from deepnote_client.models import RunStatus
from deepnote_overlay import (
    APIStatusError,
    ResponseParseError,
    RunFailedError,
    RunTimeoutError,
    ServerError,
    arun_notebook,
    run_notebook,
)

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
    assert (caught.value.run_id, caught.value.notebook_id) == (RUN_ID, NOTEBOOK_ID)
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


class ScriptedPolls(RunApi):
    """getRun answers from ``script``: a status name, or an HTTP status code for a refusal."""

    def __init__(
        self,
        *script: str | int,
        final: str | int = "running",
        retry_after: str | None = None,
        snapshot: str = "unavailable",
    ) -> None:
        super().__init__()
        self.script = list(script)
        self.final = final
        self.retry_after = retry_after
        self.snapshot = snapshot
        self.polled: list[httpx.URL] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            return super().__call__(request)
        self.polls += 1
        self.polled.append(request.url)
        step = self.script[self.polls - 1] if self.polls <= len(self.script) else self.final
        if isinstance(step, int):
            headers = {"Retry-After": self.retry_after} if self.retry_after else {}
            return httpx.Response(step, json={"message": "busy"}, headers=headers)
        run = {"runId": RUN_ID, "status": step, "notebookId": NOTEBOOK_ID}
        if step != "running":
            run["snapshotStatus"] = self.snapshot
        return httpx.Response(200, json={"run": run})


def once(api: RunApi, fake_time: FakeTime) -> AuthenticatedClient:
    """A client that sends each request once and has no rate limiter, so every refusal reaches the
    run waiter, which alone decides the pauses."""
    return mock_client(api, fake_time.policy(max_retries=0), limiter=False)


WAITERS = ["wait_for_run", "await_run", "get_run_result", "aget_run_result"]


async def wait_with(name: str, client: AuthenticatedClient, fake_time: FakeTime, **options: Any) -> Any:
    function = getattr(deepnote_overlay, name)
    if name.startswith("a"):
        return await function(client, RUN_ID, asleep=fake_time.asleep, clock=fake_time.monotonic, **options)
    return function(client, RUN_ID, sleep=fake_time.sleep, clock=fake_time.monotonic, **options)


@pytest.mark.parametrize("name", WAITERS)
async def test_every_waiter_polls_every_second_growing_to_ten(name: str, fake_time: FakeTime) -> None:
    with pytest.raises(RunTimeoutError):
        await wait_with(name, once(ScriptedPolls(), fake_time), fake_time, timeout=60)
    pauses = fake_time.waits
    assert pauses[:3] == [1.0, 1.5, 2.25]
    assert max(pauses) == 10.0
    assert sum(pauses) == pytest.approx(60)


@pytest.mark.parametrize("name", ["get_run_result", "aget_run_result"])
async def test_a_failed_run_result_is_returned_unless_asked_to_raise(name: str, fake_time: FakeTime) -> None:
    result = await wait_with(name, once(ScriptedPolls(final="error"), fake_time), fake_time)
    assert result.status == "error" and result.failure is not None
    with pytest.raises(RunFailedError):
        await wait_with(name, once(ScriptedPolls(final="error"), fake_time), fake_time, raise_on_failure=True)


@pytest.mark.parametrize("name", WAITERS)
@pytest.mark.parametrize("refusal", [408, 429, 500, 503])
async def test_polling_goes_on_through_transient_refusals(
    name: str, refusal: int, fake_time: FakeTime
) -> None:
    api = ScriptedPolls("running", refusal, refusal, final="success")
    result = await wait_with(name, once(api, fake_time), fake_time, poll_interval=0.5)
    assert result.status in ("success", RunStatus.SUCCESS)
    # After a refusal the pause is the backoff (from poll_interval, doubling), not a second more.
    assert fake_time.waits == [0.5, 0.5, 1.0]


@pytest.mark.parametrize("name", WAITERS)
async def test_a_refusal_naming_a_wait_is_waited_at_least(name: str, fake_time: FakeTime) -> None:
    api = ScriptedPolls(429, final="success", retry_after="7")
    await wait_with(name, once(api, fake_time), fake_time, poll_interval=0.5)
    assert fake_time.waits == [7.0]


@pytest.mark.parametrize("name", WAITERS)
@pytest.mark.parametrize("refusal", [404, 409, 400])
async def test_any_other_refusal_ends_the_wait_naming_the_run(
    name: str, refusal: int, fake_time: FakeTime
) -> None:
    api = ScriptedPolls("running", refusal)
    with pytest.raises(APIStatusError) as caught:
        await wait_with(name, once(api, fake_time), fake_time)
    assert caught.value.status_code == refusal
    assert (caught.value.run_id, caught.value.notebook_id) == (RUN_ID, NOTEBOOK_ID)


@pytest.mark.parametrize("name", WAITERS)
async def test_failing_polls_until_the_deadline_time_out_with_the_last_run_seen(
    name: str, fake_time: FakeTime
) -> None:
    api = ScriptedPolls("running", final=503)  # type: ignore[arg-type]
    with pytest.raises(RunTimeoutError) as caught:
        await wait_with(name, once(api, fake_time), fake_time, timeout=8.5)
    error = caught.value
    assert error.run is not None and (error.run_id, error.notebook_id) == (RUN_ID, NOTEBOOK_ID)
    assert isinstance(error.__cause__, ServerError)
    assert sum(fake_time.waits) == pytest.approx(8.5), "the last poll happens at the deadline"


@pytest.mark.parametrize("name", WAITERS)
async def test_only_the_result_waiters_ask_for_the_snapshot_blocks(name: str, fake_time: FakeTime) -> None:
    api = ScriptedPolls(final="success")
    await wait_with(name, once(api, fake_time), fake_time)
    wanted = "blocks" if "result" in name else None
    assert [url.params.get("snapshotDelivery") for url in api.polled] == [wanted]


@pytest.mark.parametrize("name", ["get_run_result", "aget_run_result"])
@pytest.mark.parametrize("then", ["pending", 503])
async def test_a_snapshot_still_pending_is_waited_for_up_to_snapshot_timeout(
    name: str, then: str | int, fake_time: FakeTime
) -> None:
    api = ScriptedPolls("success", final="success" if then == "pending" else then, snapshot="pending")
    result = await wait_with(name, once(api, fake_time), fake_time, snapshot_timeout=5, poll_interval=0.5)
    assert (result.status, result.snapshot_status) == ("success", "pending")
    assert sum(fake_time.waits) == pytest.approx(5)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_run_notebook_paces_its_polls_like_the_waiters(mode: str, fake_time: FakeTime) -> None:
    with pytest.raises(RunTimeoutError):
        await start(mode, once(ScriptedPolls(), fake_time), fake_time, timeout=60)
    assert fake_time.waits[:3] == [1.0, 1.5, 2.25] and max(fake_time.waits) == 10.0


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_run_notebook_errors_name_the_notebook_before_any_poll_answered(
    mode: str, fake_time: FakeTime
) -> None:
    with pytest.raises(APIStatusError) as caught:
        await start(mode, once(ScriptedPolls(404), fake_time), fake_time)
    assert (caught.value.run_id, caught.value.notebook_id) == (RUN_ID, NOTEBOOK_ID)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_run_notebook_raises_a_failed_run_when_asked(mode: str, fake_time: FakeTime) -> None:
    with pytest.raises(RunFailedError):
        await start(mode, once(ScriptedPolls(final="error"), fake_time), fake_time, raise_on_failure=True)
    returned = await start(mode, once(ScriptedPolls(final="error"), fake_time), fake_time, outputs=True)
    assert returned.status == "error"


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("options", [{"outputs": True}, {"raise_on_failure": True}])
async def test_outputs_or_raising_need_wait(mode: str, options: dict[str, bool], fake_time: FakeTime) -> None:
    api = ScriptedPolls()
    with pytest.raises(ValueError) as caught:
        await start(mode, once(api, fake_time), fake_time, wait=False, **options)
    assert str(caught.value) == (
        "outputs=True and raise_on_failure=True need wait=True: a run just created has neither"
    )


@pytest.mark.parametrize("name", WAITERS)
async def test_a_get_run_answer_with_an_undocumented_success_status_is_a_parse_error(
    name: str, fake_time: FakeTime
) -> None:
    def accepted(request: httpx.Request) -> httpx.Response:
        return httpx.Response(202, json={"run": {"runId": RUN_ID, "status": "running"}})

    with pytest.raises(ResponseParseError) as caught:
        await wait_with(name, once(accepted, fake_time), fake_time)  # type: ignore[arg-type]
    assert caught.value.reason == "status 202 is not documented for this operation"


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_run_notebook_forwards_snapshot_timeout(mode: str, fake_time: FakeTime) -> None:
    api = ScriptedPolls(final="success", snapshot="pending")
    result = await start(
        mode, once(api, fake_time), fake_time, outputs=True, snapshot_timeout=5, poll_interval=0.5
    )
    assert (result.status, result.snapshot_status) == ("success", "pending")
    assert sum(fake_time.waits) == pytest.approx(5)


class MalformedBlocks(ScriptedPolls):
    """The run ends with its snapshot blocks, but they are not an array."""

    def __call__(self, request: httpx.Request) -> httpx.Response:
        answer = super().__call__(request)
        if request.method == "POST":
            return answer
        body = answer.json()
        body["run"]["snapshotBlocks"] = {"not": "an array"}
        return httpx.Response(200, json=body)


@pytest.mark.parametrize("name", ["get_run_result", "aget_run_result"])
async def test_malformed_snapshot_blocks_name_the_field_the_poll_and_the_run(
    name: str, fake_time: FakeTime
) -> None:
    api = MalformedBlocks(final="success", snapshot="available")
    with pytest.raises(ResponseParseError) as caught:
        await wait_with(name, once(api, fake_time), fake_time)
    error = caught.value
    assert (error.field, error.url) == ("snapshotBlocks", f"/runs/{RUN_ID}")
    assert (error.run_id, error.notebook_id) == (RUN_ID, NOTEBOOK_ID)
    assert f"run {RUN_ID} of notebook {NOTEBOOK_ID} was created and may still be running" in error.__notes__
