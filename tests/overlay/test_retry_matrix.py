"""The retry policy, fault by fault and method by method, on an in-process MockTransport.

Each case scripts the first answers (or transport errors) of the server, then serves success, and
checks how many requests were sent, what ``call`` / ``acall`` raised (or that it succeeded), and
exactly which waits were slept (no jitter, fake time). Every case runs sync and async; in async
mode the policy's sync ``sleep`` raises, so an async retry that blocked the loop would fail.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
from collections.abc import Callable
from typing import Any
from uuid import UUID

import httpx
import pytest

from deepnote_client.api.notebooks import create_notebook, delete_notebook, get_notebook, rename_notebook
from deepnote_client.models import CreateNotebookBody, RenameNotebookBody
from deepnote_overlay import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    DeepnoteError,
    RateLimitError,
    ResponseParseError,
    RetryPolicy,
    ServerError,
    _clock,
)
from deepnote_overlay.lowlevel import acall, call

from .helpers import (
    NOTEBOOK_ID,
    PROJECT_ID,
    WALL_EPOCH,
    BrokenStream,
    FakeTime,
    assert_no_secret,
    mock_client,
    success_response,
)

Fault = Callable[[httpx.Request], httpx.Response]

IDEMPOTENT = ("GET", "DELETE")
NOT_IDEMPOTENT = ("POST", "PATCH")
METHODS = IDEMPOTENT + NOT_IDEMPOTENT


def status(code: int, **headers: str) -> Fault:
    def fault(request: httpx.Request) -> httpx.Response:
        return httpx.Response(code, json={"message": f"injected {code}"}, headers=headers)

    return fault


def raises(error: type[httpx.TransportError], message: str) -> Fault:
    def fault(request: httpx.Request) -> httpx.Response:
        raise error(message, request=request)

    return fault


def drop_mid_body(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, headers={"content-type": "application/json"}, stream=BrokenStream())


def success_status(request: httpx.Request) -> int:
    return {"POST": 201, "DELETE": 204}.get(request.method, 200)


def not_json(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        success_status(request), text="<html>gateway</html>", headers={"content-type": "text/html"}
    )


def missing_field(request: httpx.Request) -> httpx.Response:
    return httpx.Response(success_status(request), json={"something": "else"})


def http_date(seconds_from_now: float) -> str:
    return email.utils.formatdate(WALL_EPOCH + seconds_from_now, usegmt=True)


CONNECT_REFUSED = raises(httpx.ConnectError, "[Errno 111] Connection refused")
SERVER_DISCONNECTED = raises(httpx.RemoteProtocolError, "Server disconnected without sending a response.")


class Case:
    def __init__(
        self,
        name: str,
        method: str,
        faults: list[Fault],
        attempts: int,
        waits: list[float],
        error: type[DeepnoteError] | None = None,
    ) -> None:
        self.name = name
        self.method = method
        self.faults = faults
        self.attempts = attempts
        self.waits = waits
        self.error = error

    @property
    def id(self) -> str:
        return f"{self.method}-{self.name}"


def build_cases() -> list[Case]:
    cases: list[Case] = []
    for method in METHODS:
        idempotent = method in IDEMPOTENT
        # Never sent, or refused without acting: retried for every method, POST included.
        cases += [
            Case(
                "connect-refused-always",
                method,
                [CONNECT_REFUSED] * 9,
                4,
                [0.5, 1.0, 2.0],
                APIConnectionError,
            ),
            Case("connect-refused-once", method, [CONNECT_REFUSED], 2, [0.5]),
            Case("connect-timeout-once", method, [raises(httpx.ConnectTimeout, "timed out")], 2, [0.5]),
            Case("pool-timeout-once", method, [raises(httpx.PoolTimeout, "timed out")], 2, [0.5]),
            Case("429-retry-after-seconds", method, [status(429, **{"Retry-After": "3"})], 2, [3.0]),
            Case(
                "429-retry-after-http-date", method, [status(429, **{"Retry-After": http_date(5)})], 2, [5.0]
            ),
            Case("429-ratelimit-reset", method, [status(429, **{"RateLimit-Reset": "7"})], 2, [7.0]),
            Case("429-no-header", method, [status(429)], 2, [0.5]),
            Case("429-above-cap", method, [status(429, **{"Retry-After": "61"})], 1, [], RateLimitError),
            Case(
                "429-always", method, [status(429, **{"Retry-After": "1"})] * 9, 4, [1.0] * 3, RateLimitError
            ),
        ]
        # Not retried for any method.
        for code, error in ((400, APIStatusError), (401, APIStatusError), (404, APIStatusError)):
            cases.append(Case(f"{code}", method, [status(code)], 1, [], error))
        body_error = None if method == "DELETE" else ResponseParseError  # a 204 has no body to parse
        cases += [
            Case("not-json", method, [not_json], 1, [], body_error),
            Case("missing-field", method, [missing_field], 1, [], body_error),
        ]
        # Maybe acted on: retried only for idempotent methods.
        maybe_acted = [
            ("408", status(408), APIStatusError),
            ("500", status(500), ServerError),
            ("502", status(502), ServerError),
            ("503", status(503), ServerError),
            ("504", status(504), ServerError),
            ("read-timeout", raises(httpx.ReadTimeout, "timed out"), APITimeoutError),
            ("write-timeout", raises(httpx.WriteTimeout, "timed out"), APITimeoutError),
            ("read-error", raises(httpx.ReadError, "connection reset"), APIConnectionError),
            ("server-disconnected", SERVER_DISCONNECTED, APIConnectionError),
            ("drop-mid-body", drop_mid_body, APIConnectionError),
        ]
        for name, fault, error in maybe_acted:
            if idempotent:
                cases.append(Case(f"{name}-once", method, [fault], 2, [0.5]))
                cases.append(Case(f"{name}-always", method, [fault] * 9, 4, [0.5, 1.0, 2.0], error))
            else:
                cases.append(Case(f"{name}-once", method, [fault], 1, [], error))
    return cases


CASES = build_cases()


def scripted(faults: list[Fault]) -> tuple[Callable[[httpx.Request], httpx.Response], list[httpx.Request]]:
    received: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        received.append(request)
        if len(received) <= len(faults):
            return faults[len(received) - 1](request)
        return success_response(request)

    return handler, received


def operation(method: str) -> tuple[Any, dict[str, Any]]:
    if method == "GET":
        return get_notebook, {"notebook_id": NOTEBOOK_ID}
    if method == "DELETE":
        return delete_notebook, {"notebook_id": NOTEBOOK_ID}
    if method == "POST":
        return create_notebook, {"body": CreateNotebookBody(project_id=UUID(PROJECT_ID), name="Report")}
    return rename_notebook, {"notebook_id": NOTEBOOK_ID, "body": RenameNotebookBody(name="Renamed")}


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_fault_matrix(
    case: Case, mode: str, fake_time: FakeTime, caplog: pytest.LogCaptureFixture
) -> None:
    handler, received = scripted(case.faults)
    fake_time.sync_sleep_forbidden = mode == "async"
    client = mock_client(handler, fake_time.policy())
    endpoint, kwargs = operation(case.method)

    outcome: object
    try:
        if mode == "sync":
            outcome = call(endpoint, client=client, **kwargs)
        else:
            outcome = await acall(endpoint, client=client, **kwargs)
    except DeepnoteError as error:
        outcome = error
        assert_no_secret(error)

    assert len(received) == case.attempts
    assert {request.method for request in received} == {case.method}
    assert fake_time.waits == case.waits
    if case.error is None:
        assert not isinstance(outcome, BaseException), repr(outcome)
    else:
        assert type(outcome) is case.error or (
            case.error is APIStatusError and isinstance(outcome, APIStatusError)
        ), repr(outcome)
    retry_logs = [
        r for r in caplog.records if r.name == "deepnote_overlay" and r.getMessage().startswith("retrying")
    ]
    assert len(retry_logs) == len(case.waits)


def test_status_errors_carry_status_message_method_and_url(fake_time: FakeTime) -> None:
    handler, _ = scripted([status(404)])
    client = mock_client(handler, fake_time.policy())
    with pytest.raises(APIStatusError) as caught:
        call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    error = caught.value
    assert (error.status_code, error.message, error.method) == (404, "injected 404", "GET")
    assert error.url == f"https://api.test/v2/notebooks/{NOTEBOOK_ID}"


def test_rate_limit_error_carries_retry_after_when_above_cap(fake_time: FakeTime) -> None:
    handler, received = scripted([status(429, **{"Retry-After": "120"})])
    client = mock_client(handler, fake_time.policy())
    with pytest.raises(RateLimitError) as caught:
        call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert caught.value.retry_after == 120.0
    assert len(received) == 1 and fake_time.waits == []


def test_rate_limit_error_after_exhausted_retries_carries_last_retry_after(fake_time: FakeTime) -> None:
    handler, received = scripted(
        [status(429, **{"Retry-After": "2"})] * 3 + [status(429, **{"Retry-After": "4"})]
    )
    client = mock_client(handler, fake_time.policy())
    with pytest.raises(RateLimitError) as caught:
        call(create_notebook, client=client, body=CreateNotebookBody(project_id=UUID(PROJECT_ID), name="x"))
    assert caught.value.retry_after == 4.0
    assert len(received) == 4 and fake_time.waits == [2.0, 2.0, 2.0]


def test_backoff_doubles_to_the_cap_and_jitter_shortens_it(fake_time: FakeTime) -> None:
    handler, _ = scripted([status(503)] * 20)
    client = mock_client(handler, fake_time.policy(max_retries=7, deadline=None))
    with pytest.raises(ServerError):
        call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]

    fake_time.waits.clear()
    fake_time.draws = lambda: 1.0
    client = mock_client(handler, fake_time.policy())
    with pytest.raises(ServerError):
        call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [0.375, 0.75, 1.5]  # the largest jitter takes off a quarter


def test_deadline_stops_retrying_before_a_wait_that_would_end_after_it(fake_time: FakeTime) -> None:
    handler, received = scripted([status(503)] * 9)
    client = mock_client(handler, fake_time.policy(deadline=2.0))
    with pytest.raises(ServerError):
        call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [0.5, 1.0]  # 0.5 + 1.0 + 2.0 would end at 3.5 s
    assert len(received) == 3


def test_retry_after_counts_for_retryable_5xx_but_ratelimit_reset_only_for_429(fake_time: FakeTime) -> None:
    handler, _ = scripted([status(503, **{"Retry-After": "2"}), status(503, **{"RateLimit-Reset": "30"})])
    client = mock_client(handler, fake_time.policy())
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [2.0, 1.0]  # the second wait is the backoff for retry 2


def test_retry_after_precedes_ratelimit_reset_and_bad_values_fall_back_to_backoff(
    fake_time: FakeTime,
) -> None:
    handler, _ = scripted(
        [
            status(429, **{"Retry-After": "3", "RateLimit-Reset": "9"}),
            status(429, **{"Retry-After": "soon"}),
            status(429, **{"Retry-After": http_date(-30)}),
        ]
    )
    client = mock_client(handler, fake_time.policy())
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [3.0, 1.0, 2.0]  # a date in the past falls back to backoff too


def test_retry_none_sends_once(fake_time: FakeTime) -> None:
    handler, received = scripted([status(503)])
    client = mock_client(handler, None)
    with pytest.raises(ServerError):
        call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert len(received) == 1


def test_zero_max_retries_sends_once(fake_time: FakeTime) -> None:
    handler, received = scripted([CONNECT_REFUSED])
    client = mock_client(handler, fake_time.policy(max_retries=0))
    with pytest.raises(APIConnectionError):
        call(create_notebook, client=client, body=CreateNotebookBody(project_id=UUID(PROJECT_ID), name="x"))
    assert len(received) == 1 and fake_time.waits == []


def test_retry_log_names_method_path_cause_and_wait_only(
    fake_time: FakeTime, caplog: pytest.LogCaptureFixture
) -> None:
    handler, _ = scripted([status(429, **{"Retry-After": "3"}), CONNECT_REFUSED])
    client = mock_client(handler, fake_time.policy())
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    messages = [r.getMessage() for r in caplog.records if r.name == "deepnote_overlay"]
    assert messages == [
        f"retrying GET /v2/notebooks/{NOTEBOOK_ID} after 429 in 3.00 s (retry 1 of 3)",
        f"retrying GET /v2/notebooks/{NOTEBOOK_ID} after ConnectError in 1.00 s (retry 2 of 3)",
    ]
    assert all(r.levelno == logging.INFO for r in caplog.records if r.name == "deepnote_overlay")


def test_replayed_post_sends_the_same_body(fake_time: FakeTime) -> None:
    handler, received = scripted([status(429)])
    client = mock_client(handler, fake_time.policy())
    call(create_notebook, client=client, body=CreateNotebookBody(project_id=UUID(PROJECT_ID), name="Same"))
    assert len(received) == 2
    assert received[0].content == received[1].content != b""


def test_successful_response_after_retries_is_fully_usable(fake_time: FakeTime) -> None:
    handler, _ = scripted([drop_mid_body])
    client = mock_client(handler, fake_time.policy())
    response = client.get_httpx_client().get(f"/notebooks/{NOTEBOOK_ID}")
    assert response.json()["notebook"]["id"] == NOTEBOOK_ID
    assert response.elapsed.total_seconds() >= 0  # the client closed the stream as usual


class _NoBlockingSleep(_clock.Clock):
    def sleep(self, seconds: float) -> None:
        raise AssertionError("an async retry slept with the blocking sleep")


async def test_async_retries_do_not_block_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real ``asyncio.sleep`` waits: another task keeps running while the call waits to retry."""
    ticks = 0
    stop = asyncio.Event()

    async def ticker() -> None:
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            await asyncio.sleep(0.005)

    monkeypatch.setattr(_clock, "CLOCK", _NoBlockingSleep())
    handler, received = scripted([status(503, **{"Retry-After": "0.05"})] * 2)
    client = mock_client(handler, RetryPolicy(initial_backoff=0.05))
    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    ticks_before = ticks
    await acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    ticks_during = ticks - ticks_before
    stop.set()
    await task
    assert len(received) == 3
    assert ticks_during >= 2  # the loop ran other work during the two 0.05 s waits
