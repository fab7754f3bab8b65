"""What a server's ``Retry-After`` may ask of the retries, and a request's own ``DEADLINE``.

Fake time: every wait is recorded, none is slept. Requests go through a client from ``connect``
(so the retry transport over the rate limiter's), with ``extensions={DEADLINE: ...}`` set as a
caller such as the run waiter sets it.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from deepnote_client.api.notebooks import get_notebook
from deepnote_overlay._retry_after import DEADLINE, retry_after_seconds
from deepnote_overlay.lowlevel import call

from .helpers import NOTEBOOK_ID, WALL_EPOCH, FakeTime, mock_client, success_response
from .test_retry_matrix import scripted, status

URL = f"/notebooks/{NOTEBOOK_ID}"
MODES = ["sync", "async"]


async def get(mode: str, client: Any, **extensions: Any) -> httpx.Response:
    if mode == "sync":
        return client.get_httpx_client().get(URL, extensions=extensions)  # type: ignore[no-any-return]
    return await client.get_async_httpx_client().get(URL, extensions=extensions)  # type: ignore[no-any-return]


# ------------------------------------------------------------------ Retry-After


@pytest.mark.parametrize("code", [429, 503])
def test_a_tiny_retry_after_waits_the_first_backoff_each_time(code: int, fake_time: FakeTime) -> None:
    handler, received = scripted([status(code, **{"Retry-After": "0.0000001"})] * 3)
    call(get_notebook, client=mock_client(handler, fake_time.policy()), notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [0.5, 0.5, 0.5] and len(received) == 4  # never three immediate retries


@pytest.mark.parametrize(
    ("values", "wait"),
    [
        (["5", "7"], 7.0),  # two headers: the longest wait asked for
        (["7", "5"], 7.0),
        (["soon", "4"], 4.0),  # an unreadable one is skipped
        (["0", "3"], 3.0),
    ],
)
def test_a_repeated_retry_after_counts_by_its_largest_readable_value(
    values: list[str], wait: float, fake_time: FakeTime
) -> None:
    headers = [("Retry-After", value) for value in values]
    answers = [httpx.Response(503, headers=headers)]
    client = mock_client(
        lambda request: answers.pop() if answers else success_response(request), fake_time.policy()
    )
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [wait]


def test_a_repeated_http_date_and_ratelimit_reset_are_read_one_by_one() -> None:
    date = "Fri, 15 Jan 2027 08:00:10 GMT"  # 10 s after WALL_EPOCH
    headers = httpx.Headers([("Retry-After", date), ("Retry-After", "4")])
    assert retry_after_seconds(headers, now=WALL_EPOCH, rate_limited=False) == 10.0
    resets = httpx.Headers([("RateLimit-Reset", "2"), ("RateLimit-Reset", "6")])
    assert retry_after_seconds(resets, now=WALL_EPOCH, rate_limited=True) == 6.0
    assert retry_after_seconds(resets, now=WALL_EPOCH, rate_limited=False) is None


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("Retry-After", "0"),  # "now": not a wait, so the backoff applies
        ("Retry-After", "-3"),
        ("Retry-After", "Fri, 15 Jan 2027 07:59:50 GMT"),  # 10 s before WALL_EPOCH: already past
        ("Retry-After", f"{WALL_EPOCH:.0f}"),  # a Unix time that is now
        ("RateLimit-Reset", "0"),
        ("RateLimit-Reset", "Fri, 15 Jan 2027 08:00:10 GMT"),  # a reset is delta-seconds, never a date
    ],
)
def test_a_wait_of_zero_or_less_or_a_dated_reset_is_not_said(name: str, value: str) -> None:
    headers = httpx.Headers({name: value})
    assert retry_after_seconds(headers, now=WALL_EPOCH, rate_limited=True) is None


# ------------------------------------------------------------------ DEADLINE


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("code", [429, 503])
async def test_no_retry_wait_runs_past_the_deadline(mode: str, code: int, fake_time: FakeTime) -> None:
    handler, received = scripted([status(code, **{"Retry-After": "5"})] * 9)
    response = await get(mode, mock_client(handler, fake_time.policy()), **{DEADLINE: 2.0})
    assert response.status_code == code  # the last answer, handed on at once
    assert fake_time.waits == [] and len(received) == 1


@pytest.mark.parametrize("mode", MODES)
async def test_backoff_waits_stop_before_the_deadline(mode: str, fake_time: FakeTime) -> None:
    handler, received = scripted([status(503)] * 9)
    response = await get(mode, mock_client(handler, fake_time.policy()), **{DEADLINE: 1.2})
    assert response.status_code == 503
    assert fake_time.waits == [0.5] and len(received) == 2  # a 1 s wait would end at 1.5 s


@pytest.mark.parametrize("mode", MODES)
async def test_each_attempts_timeouts_are_capped_to_the_time_left(mode: str, fake_time: FakeTime) -> None:
    seen: list[dict[str, float | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.extensions["timeout"]))
        return httpx.Response(503) if len(seen) == 1 else httpx.Response(200, json={})

    client = mock_client(handler, fake_time.policy(), timeout=httpx.Timeout(60.0, connect=1.0))
    await get(mode, client, **{DEADLINE: 3.0})
    assert seen == [
        {"connect": 1.0, "read": 3.0, "write": 3.0, "pool": 3.0},
        {"connect": 1.0, "read": 2.5, "write": 2.5, "pool": 2.5},  # after the 0.5 s backoff
    ]


@pytest.mark.parametrize("mode", MODES)
async def test_a_deadline_bounds_each_phase_a_client_left_unbounded(mode: str, fake_time: FakeTime) -> None:
    seen: list[dict[str, float | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.extensions["timeout"]))
        return httpx.Response(200, json={})

    await get(mode, mock_client(handler, fake_time.policy(), timeout=None), **{DEADLINE: 3.0})
    assert seen == [{"connect": 3.0, "read": 3.0, "write": 3.0, "pool": 3.0}]


@pytest.mark.parametrize("mode", MODES)
async def test_without_a_deadline_the_clients_timeouts_stand(mode: str, fake_time: FakeTime) -> None:
    seen: list[dict[str, float | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.extensions["timeout"]))
        return httpx.Response(200, json={})

    await get(mode, mock_client(handler, fake_time.policy(), timeout=None))
    assert seen == [{"connect": None, "read": None, "write": None, "pool": None}]


@pytest.mark.parametrize("mode", MODES)
async def test_a_request_whose_deadline_has_passed_is_not_sent(mode: str, fake_time: FakeTime) -> None:
    handler, received = scripted([])
    fake_time.now = 5.0
    with pytest.raises(httpx.PoolTimeout, match="deadline"):
        await get(mode, mock_client(handler, fake_time.policy()), **{DEADLINE: 5.0})
    assert received == [] and fake_time.waits == []


@pytest.mark.parametrize("mode", MODES)
async def test_without_a_limiter_a_request_at_its_deadline_is_not_sent(
    mode: str, fake_time: FakeTime
) -> None:
    handler, received = scripted([])
    fake_time.now = 5.0
    client = mock_client(handler, fake_time.policy(), limiter=False)
    message = "^the request's deadline passed before it could be sent$"
    with pytest.raises(httpx.PoolTimeout, match=message):
        await get(mode, client, **{DEADLINE: 5.0})
    assert received == [] and fake_time.waits == []


@pytest.mark.parametrize("mode", MODES)
async def test_a_retry_that_would_start_at_the_deadline_is_not_waited(mode: str, fake_time: FakeTime) -> None:
    handler, received = scripted([status(503)] * 9)
    response = await get(mode, mock_client(handler, fake_time.policy()), **{DEADLINE: 0.5})
    assert response.status_code == 503  # handed on at once: the 0.5 s backoff would end at the deadline
    assert fake_time.waits == [] and len(received) == 1


@pytest.mark.parametrize("mode", MODES)
async def test_a_rate_limit_pause_past_the_deadline_is_not_waited(mode: str, fake_time: FakeTime) -> None:
    handler, received = scripted([status(429, **{"Retry-After": "5"})])
    client = mock_client(handler, fake_time.policy())
    assert (await get(mode, client, **{DEADLINE: 2.0})).status_code == 429  # the limiter pauses 5 s
    with pytest.raises(httpx.PoolTimeout):
        await get(mode, client, **{DEADLINE: 2.0})  # its turn would come after its deadline
    assert len(received) == 1
    assert sum(fake_time.waits) < 2.0  # backoff for the unsent request, within its deadline
