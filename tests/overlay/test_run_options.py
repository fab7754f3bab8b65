"""``run_notebook`` and ``run.wait``, on both clients, hand every option on: inputs, detached,
timeout and poll pacing.

A scripted run API on a MockTransport (the run never ends unless told) and fake time as the
overlay's clock (``fake_time``), so a 60 s timeout is waited in microseconds and every pause is
recorded. Found by mutation testing: dropping ``timeout=`` (so ``run_notebook(timeout=60)`` would
wait an hour) or ``inputs`` survived before.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from deepnote_client.models import RunStatus
from deepnote_overlay import (
    APIStatusError,
    AsyncDeepnote,
    Deepnote,
    ResponseParseError,
    RunFailedError,
    RunResult,
    RunTimeoutError,
    ServerError,
)

from .helpers import MOCK_BASE_URL, MOCK_TOKEN, NOTEBOOK_ID, RUN_ID, FakeTime

Handler = Callable[[httpx.Request], httpx.Response]


class RunApi:
    """createRun answers ``pending``; getRun answers ``running`` until ``polls_until_done`` polls.

    Anything else (``getMe`` and ``getNotebook``, which a started run's web link asks for) is a 404:
    the run then has no link, and those requests are no polls.
    """

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
        if not is_get_run(request):
            return httpx.Response(404, json={"message": "not part of this run API"})
        self.polls += 1
        done = self.polls_until_done is not None and self.polls >= self.polls_until_done
        return httpx.Response(
            200, json={"run": {"runId": RUN_ID, "status": "success" if done else "running"}}
        )


def is_get_run(request: httpx.Request) -> bool:
    return request.method == "GET" and request.url.path.startswith("/v2/runs/")


def client_options(api: Handler, **options: Any) -> dict[str, Any]:
    """``Deepnote`` / ``AsyncDeepnote`` arguments: ``api`` on a MockTransport, each request sent once."""
    return {"base_url": MOCK_BASE_URL, "transport": httpx.MockTransport(api), "retry": None, **options}


ONCE = {"limiter": False}
"""With ``retry=None``: each request sent once and no rate limiter, so every refusal reaches the run
waiter, which alone decides the pauses."""


async def start(
    mode: str, api: Handler, *, client: dict[str, Any] | None = None, **options: Any
) -> RunResult:
    """``run_notebook(NOTEBOOK_ID, **options)`` on the sync or the async client."""
    if mode == "sync":
        with Deepnote(MOCK_TOKEN, **client_options(api, **(client or {}))) as dn:
            return dn.run_notebook(NOTEBOOK_ID, **options)
    async with AsyncDeepnote(MOCK_TOKEN, **client_options(api, **(client or {}))) as adn:
        return await adn.run_notebook(NOTEBOOK_ID, **options)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_timeout_and_poll_pacing_are_forwarded(mode: str, fake_time: FakeTime) -> None:
    api = RunApi()
    with pytest.raises(RunTimeoutError) as caught:
        await start(mode, api, timeout=60, poll_interval=2, max_poll_interval=5)
    assert caught.value.timeout == 60
    assert caught.value.run is not None
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
    result = await start(mode, api, inputs=inputs, detached=False)
    assert result.run.status is RunStatus.SUCCESS
    assert api.created == [{"notebookId": NOTEBOOK_ID, "detached": False, "inputs": inputs}]


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_without_inputs_none_are_sent_and_runs_are_detached(mode: str, fake_time: FakeTime) -> None:
    api = RunApi(polls_until_done=1)
    await start(mode, api)
    assert api.created == [{"notebookId": NOTEBOOK_ID, "detached": True}]


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
        if not is_get_run(request):
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


WAITERS = ["sync", "async", "sync-outputs", "async-outputs"]
"""``run.wait`` of a started run on each client, without and with ``outputs=True``."""
RESULT_WAITERS = ["sync-outputs", "async-outputs"]


async def wait_with(name: str, api: Handler, **options: Any) -> RunResult:
    """A run started with ``runs.start``, then ``run.wait(**options)`` as the waiter ``name`` (one
    of ``WAITERS``) does it."""
    if name.endswith("-outputs"):
        options["outputs"] = True
    if name.startswith("async"):
        async with AsyncDeepnote(MOCK_TOKEN, **client_options(api, **ONCE)) as adn:
            run = await adn.runs.start(NOTEBOOK_ID)
            return await run.wait(**options)
    with Deepnote(MOCK_TOKEN, **client_options(api, **ONCE)) as dn:
        return dn.runs.start(NOTEBOOK_ID).wait(**options)


@pytest.mark.parametrize("name", WAITERS)
async def test_every_waiter_polls_every_second_growing_to_ten(name: str, fake_time: FakeTime) -> None:
    with pytest.raises(RunTimeoutError):
        await wait_with(name, ScriptedPolls(), timeout=60)
    pauses = fake_time.waits
    assert pauses[:3] == [1.0, 1.5, 2.25]
    assert max(pauses) == 10.0
    assert sum(pauses) == pytest.approx(60)


@pytest.mark.parametrize("name", WAITERS)
async def test_a_failed_run_result_is_returned_unless_asked_to_raise(name: str, fake_time: FakeTime) -> None:
    result = await wait_with(name, ScriptedPolls(final="error"))
    assert result.status == "error" and result.failure is not None
    with pytest.raises(RunFailedError):
        await wait_with(name, ScriptedPolls(final="error"), raise_on_failure=True)


@pytest.mark.parametrize("name", WAITERS)
@pytest.mark.parametrize("refusal", [408, 429, 500, 503])
async def test_polling_goes_on_through_transient_refusals(
    name: str, refusal: int, fake_time: FakeTime
) -> None:
    api = ScriptedPolls("running", refusal, refusal, final="success")
    result = await wait_with(name, api, poll_interval=0.5)
    assert result.status == "success"
    # After a refusal the pause is the backoff (from poll_interval, doubling), not a second more.
    assert fake_time.waits == [0.5, 0.5, 1.0]


@pytest.mark.parametrize("name", WAITERS)
async def test_a_refusal_naming_a_wait_is_waited_at_least(name: str, fake_time: FakeTime) -> None:
    api = ScriptedPolls(429, final="success", retry_after="7")
    await wait_with(name, api, poll_interval=0.5)
    assert fake_time.waits == [7.0]


@pytest.mark.parametrize("name", WAITERS)
@pytest.mark.parametrize("refusal", [404, 409, 400])
async def test_any_other_refusal_ends_the_wait_naming_the_run(
    name: str, refusal: int, fake_time: FakeTime
) -> None:
    api = ScriptedPolls("running", refusal)
    with pytest.raises(APIStatusError) as caught:
        await wait_with(name, api)
    assert caught.value.status_code == refusal
    assert (caught.value.run_id, caught.value.notebook_id) == (RUN_ID, NOTEBOOK_ID)


@pytest.mark.parametrize("name", WAITERS)
async def test_failing_polls_until_the_deadline_time_out_with_the_last_run_seen(
    name: str, fake_time: FakeTime
) -> None:
    api = ScriptedPolls("running", final=503)
    with pytest.raises(RunTimeoutError) as caught:
        await wait_with(name, api, timeout=8.5)
    error = caught.value
    assert error.run is not None and (error.run_id, error.notebook_id) == (RUN_ID, NOTEBOOK_ID)
    assert isinstance(error.__cause__, ServerError)
    assert sum(fake_time.waits) == pytest.approx(8.5), "the last poll happens at the deadline"


@pytest.mark.parametrize("name", WAITERS)
async def test_only_the_result_waiters_ask_for_the_snapshot_blocks(name: str, fake_time: FakeTime) -> None:
    api = ScriptedPolls(final="success")
    await wait_with(name, api)
    wanted = "blocks" if name in RESULT_WAITERS else None
    assert [url.params.get("snapshotDelivery") for url in api.polled] == [wanted]


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_raising_on_failure_asks_for_the_snapshot_blocks(mode: str, fake_time: FakeTime) -> None:
    api = ScriptedPolls(final="success")
    await wait_with(mode, api, raise_on_failure=True)
    assert [url.params.get("snapshotDelivery") for url in api.polled] == ["blocks"]


@pytest.mark.parametrize("name", RESULT_WAITERS)
@pytest.mark.parametrize("then", ["pending", 503])
async def test_a_snapshot_still_pending_is_waited_for_up_to_snapshot_timeout(
    name: str, then: str | int, fake_time: FakeTime
) -> None:
    api = ScriptedPolls("success", final="success" if then == "pending" else then, snapshot="pending")
    result = await wait_with(name, api, snapshot_timeout=5, poll_interval=0.5)
    assert (result.status, result.snapshot_status) == ("success", "pending")
    assert sum(fake_time.waits) == pytest.approx(5)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_run_notebook_paces_its_polls_like_the_waiters(mode: str, fake_time: FakeTime) -> None:
    with pytest.raises(RunTimeoutError):
        await start(mode, ScriptedPolls(), client=ONCE, timeout=60)
    assert fake_time.waits[:3] == [1.0, 1.5, 2.25] and max(fake_time.waits) == 10.0


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_run_notebook_errors_name_the_notebook_before_any_poll_answered(
    mode: str, fake_time: FakeTime
) -> None:
    with pytest.raises(APIStatusError) as caught:
        await start(mode, ScriptedPolls(404), client=ONCE)
    assert (caught.value.run_id, caught.value.notebook_id) == (RUN_ID, NOTEBOOK_ID)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_run_notebook_raises_a_failed_run_when_asked(mode: str, fake_time: FakeTime) -> None:
    with pytest.raises(RunFailedError):
        await start(mode, ScriptedPolls(final="error"), client=ONCE, raise_on_failure=True)
    returned = await start(mode, ScriptedPolls(final="error"), client=ONCE, outputs=True)
    assert returned.status == "error"


@pytest.mark.parametrize("name", WAITERS)
async def test_a_get_run_answer_with_an_undocumented_success_status_is_a_parse_error(
    name: str, fake_time: FakeTime
) -> None:
    def accepted(request: httpx.Request) -> httpx.Response:
        return httpx.Response(202, json={"run": {"runId": RUN_ID, "status": "running"}})

    with pytest.raises(ResponseParseError) as caught:
        await wait_with(name, accepted)
    assert caught.value.reason == "status 202 is not documented for this operation"


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_run_notebook_forwards_snapshot_timeout(mode: str, fake_time: FakeTime) -> None:
    api = ScriptedPolls(final="success", snapshot="pending")
    result = await start(mode, api, client=ONCE, outputs=True, snapshot_timeout=5, poll_interval=0.5)
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


@pytest.mark.parametrize("name", RESULT_WAITERS)
async def test_malformed_snapshot_blocks_name_the_field_the_poll_and_the_run(
    name: str, fake_time: FakeTime
) -> None:
    api = MalformedBlocks(final="success", snapshot="available")
    with pytest.raises(ResponseParseError) as caught:
        await wait_with(name, api)
    error = caught.value
    assert (error.field, error.url) == ("snapshotBlocks", f"/runs/{RUN_ID}")
    assert (error.run_id, error.notebook_id) == (RUN_ID, NOTEBOOK_ID)
    assert f"run {RUN_ID} of notebook {NOTEBOOK_ID} was created and may still be running" in error.__notes__
