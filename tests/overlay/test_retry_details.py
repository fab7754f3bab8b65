"""Details of the retry policy and transport that the fault matrix does not reach.

Found by mutation testing (``make mutate``): each test here fails when the documented behaviour it
names is changed in ``retries.py`` or ``bodies.py`` (the default deadline, jitter and waits, odd
``Retry-After`` values, bodies in several chunks, closing the wrapped transports).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from deepnote_client.api.notebooks import create_notebook, delete_notebook, get_notebook
from deepnote_client.models import CreateNotebookBody
from deepnote_overlay import APIStatusError, RetryPolicy, ServerError, _clock
from deepnote_overlay._retry_after import UNIX_TIME_THRESHOLD
from deepnote_overlay.lowlevel import RetryTransport, acall, call
from deepnote_overlay.retries import STREAM_RESPONSE

from .helpers import (
    NOTEBOOK_ID,
    PROJECT_ID,
    FakeTime,
    get_through_retry_transport,
    mock_client,
    notebook_json,
)
from .test_retry_matrix import http_date, raises, scripted, status


def default_policy(fake_time: FakeTime, **overrides: Any) -> RetryPolicy:
    """The default policy (on ``fake_time``, installed by its fixture); backoff and deadline default."""
    return RetryPolicy(**overrides)


@pytest.mark.parametrize(("retry_after", "waits"), [("40", [40.0] * 3), ("40.25", [40.25] * 2)])
def test_the_default_deadline_is_120_seconds_and_a_wait_ending_on_it_is_allowed(
    retry_after: str, waits: list[float], fake_time: FakeTime
) -> None:
    handler, received = scripted([status(503, **{"Retry-After": retry_after})] * 9)
    client = mock_client(handler, default_policy(fake_time, max_retries=9))
    with pytest.raises(ServerError):
        call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    # 3 x 40 s ends exactly at the 120 s deadline; a third wait of 40.25 s would end after it.
    assert fake_time.waits == waits
    assert len(received) == len(waits) + 1


def test_default_jitter_takes_up_to_a_quarter_off_the_backoff(fake_time: FakeTime) -> None:
    handler, _ = scripted([status(503)] * 2)
    draws = iter([0.5, 0.0])
    fake_time.draws = lambda: next(draws)
    client = mock_client(handler, default_policy(fake_time))
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    # Backoff 0.5 s then 1 s, each times (1 - 0.25 x the random draw).
    assert fake_time.waits == [0.5 * (1 - 0.25 * 0.5), 1.0]


def test_the_overlays_clock_is_the_real_one_by_default() -> None:
    clock = _clock.CLOCK
    assert type(clock) is _clock.Clock
    assert abs(clock.monotonic() - time.monotonic()) < 1 and abs(clock.time() - time.time()) < 1
    draws = {clock.random() for _ in range(20)}
    assert len(draws) > 1 and all(0 <= draw < 1 for draw in draws)


async def test_the_clocks_async_sleep_waits_on_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    waited: list[float] = []

    async def recording_sleep(seconds: float) -> None:
        waited.append(seconds)

    monkeypatch.setattr(asyncio, "sleep", recording_sleep)
    await _clock.Clock().asleep(0.25)
    assert waited == [0.25]


@pytest.mark.parametrize(
    ("retry_after", "wait"),
    [
        ("0", 0.5),  # no wait asked: the backoff instead of hammering the server
        ("0.75", 0.75),  # below one second is still a wait the server asked for
        ("0.25", 0.5),  # but never shorter than the first backoff
        ("0.0000001", 0.5),
        ("-3", 0.5),
        ("inf", 0.5),
        ("nan", 0.5),
        ("1e400", 0.5),  # too large for a float: infinite
    ],
)
def test_retry_after_of_zero_negative_or_not_finite_falls_back_to_backoff(
    retry_after: str, wait: float, fake_time: FakeTime
) -> None:
    handler, _ = scripted([status(503, **{"Retry-After": retry_after})])
    client = mock_client(handler, fake_time.policy())
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [wait]


def test_ratelimit_reset_as_a_unix_time_is_the_seconds_until_then(fake_time: FakeTime) -> None:
    reset_at = fake_time.wall() + 12
    handler, _ = scripted([status(429, **{"RateLimit-Reset": f"{reset_at:.0f}"})])
    client = mock_client(handler, fake_time.policy())
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [12.0]


def test_a_retry_after_exactly_at_the_cap_is_waited(fake_time: FakeTime) -> None:
    handler, received = scripted([status(429, **{"Retry-After": "60"})])
    client = mock_client(handler, fake_time.policy())
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [60.0] and len(received) == 2


@pytest.mark.parametrize("code", [501, 505])
def test_a_5xx_outside_the_retried_ones_is_not_retried(code: int, fake_time: FakeTime) -> None:
    handler, received = scripted([status(code)])
    client = mock_client(handler, fake_time.policy())
    with pytest.raises(ServerError):
        call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert len(received) == 1 and fake_time.waits == []


def test_a_write_error_may_have_sent_the_request() -> None:
    post_time, get_time = FakeTime(), FakeTime()
    post, posts = scripted([raises(httpx.WriteError, "broken pipe")])
    with pytest.raises(Exception, match="WriteError"):
        call(
            create_notebook,
            client=mock_client(post, post_time.policy()),
            body=CreateNotebookBody(project_id=PROJECT_ID, name="Once"),
        )
    assert len(posts) == 1, "a POST that may have been sent is never replayed"
    get, gets = scripted([raises(httpx.WriteError, "broken pipe")])
    call(get_notebook, client=mock_client(get, get_time.policy()), notebook_id=NOTEBOOK_ID)
    assert len(gets) == 2


@pytest.mark.parametrize(
    "first",
    [raises(httpx.WriteError, "broken pipe"), raises(httpx.ReadTimeout, "timed out"), status(502)],
    ids=["write-error", "read-timeout", "502"],
)
def test_a_delete_whose_first_attempt_may_have_acted_counts_a_404_as_done(
    first: Any, fake_time: FakeTime
) -> None:
    handler, received = scripted([first, status(404)])
    call(delete_notebook, client=mock_client(handler, fake_time.policy()), notebook_id=NOTEBOOK_ID)
    assert len(received) == 2


@pytest.mark.parametrize(
    "first",
    [raises(httpx.ConnectError, "refused"), status(429), status(408)],
    ids=["connect-error", "429", "408"],
)
def test_a_delete_404_after_a_refusal_that_did_nothing_stays_a_404(first: Any, fake_time: FakeTime) -> None:
    handler, received = scripted([first, status(404)])
    with pytest.raises(APIStatusError) as caught:
        call(delete_notebook, client=mock_client(handler, fake_time.policy()), notebook_id=NOTEBOOK_ID)
    assert caught.value.status_code == 404 and len(received) == 2


BODY = httpx.Response(200, json={"notebook": notebook_json()}).content


def in_chunks(size: int) -> list[bytes]:
    return [BODY[start : start + size] for start in range(0, len(BODY), size)]


class Chunked(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that arrives in several pieces, recording whether it was closed."""

    def __init__(self, chunks: list[bytes]) -> None:
        self.chunks = chunks
        self.closed = False

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk

    def close(self) -> None:
        self.closed = True

    async def aclose(self) -> None:
        self.closed = True


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("limit", [None, 10, len(BODY)])
async def test_a_body_in_several_chunks_arrives_whole_through_the_retry_transport(
    mode: str, limit: int | None, fake_time: FakeTime
) -> None:
    """Within the limit the chunks are joined; past it the read part is passed on before the rest."""
    streams: list[Chunked] = []

    def handler(request: httpx.Request) -> httpx.Response:
        streams.append(Chunked(in_chunks(7)))
        return httpx.Response(200, headers={"content-type": "application/json"}, stream=streams[-1])

    response = await get_through_retry_transport(
        mode, handler, fake_time.policy(), "https://api.test/v2/notebooks/x", buffer_limit=limit
    )
    assert response.content == BODY
    assert response.json()["notebook"]["id"] == NOTEBOOK_ID
    assert [stream.closed for stream in streams] == [True]


class Counted(Chunked):
    """A body that counts the pieces it has produced."""

    def __init__(self, chunks: list[bytes]) -> None:
        super().__init__(chunks)
        self.produced = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.chunks:
            self.produced += 1
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_download_is_handed_on_after_its_first_piece_even_a_single_byte(
    mode: str, fake_time: FakeTime
) -> None:
    """A STREAM_RESPONSE request holds no more than one piece in the transport, however small."""
    body = Counted([b"x", b"y" * 1000, b"z" * 1000])
    transport = RetryTransport(
        fake_time.policy(),
        transport=httpx.MockTransport(lambda request: httpx.Response(200, stream=body)),
        async_transport=httpx.MockTransport(lambda request: httpx.Response(200, stream=body)),
    )
    request = httpx.Request("GET", "https://api.test/v2/files/download", extensions={STREAM_RESPONSE: True})
    if mode == "sync":
        response = transport.handle_request(request)
        assert body.produced == 1
        assert b"".join(response.stream) == b"".join(body.chunks)
    else:
        response = await transport.handle_async_request(request)
        assert body.produced == 1
        assert b"".join([piece async for piece in response.stream]) == b"".join(body.chunks)


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_chunked_body_reaches_call_whole(mode: str, fake_time: FakeTime) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "application/json"}, stream=Chunked(in_chunks(5)))

    client = mock_client(handler, fake_time.policy())
    if mode == "sync":
        result = call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    else:
        result = await acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert result.notebook.id == NOTEBOOK_ID


class RecordingTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    def __init__(self) -> None:
        self.closed: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request expected")

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request expected")

    def close(self) -> None:
        self.closed.append("close")

    async def aclose(self) -> None:
        self.closed.append("aclose")


async def test_closing_the_retry_transport_closes_the_wrapped_transports(fake_time: FakeTime) -> None:
    sync_inner, async_inner = RecordingTransport(), RecordingTransport()
    transport = RetryTransport(fake_time.policy(), transport=sync_inner, async_transport=async_inner)
    transport.close()
    await transport.aclose()
    assert (sync_inner.closed, async_inner.closed) == (["close"], ["aclose"])

    bare = RetryTransport(fake_time.policy())
    bare.close()
    await bare.aclose()  # nothing wrapped: nothing to close, no error
    with pytest.raises(RuntimeError, match=r"^this RetryTransport has no sync transport$"):
        bare.handle_request(httpx.Request("GET", "https://api.test/"))
    with pytest.raises(RuntimeError, match=r"^this RetryTransport has no async transport$"):
        await bare.handle_async_request(httpx.Request("GET", "https://api.test/"))


@pytest.mark.parametrize(
    ("method", "attempts"), [(m, 2) for m in ("GET", "HEAD", "PUT", "DELETE", "OPTIONS")]
)
def test_every_idempotent_method_is_retried_after_a_503(
    method: str, attempts: int, fake_time: FakeTime
) -> None:
    handler, received = scripted([status(503)])
    transport = RetryTransport(fake_time.policy(), transport=httpx.MockTransport(handler))
    with httpx.Client(transport=transport) as http:
        assert http.request(method, "https://api.test/v2/anything").is_success
    assert len(received) == attempts and fake_time.waits == [0.5]


@pytest.mark.parametrize(
    "options", [{"jitter": 1.5}, {"jitter": -0.1}, {"max_retries": -1}, {"initial_backoff": -1}]
)
def test_a_policy_out_of_range_is_refused(options: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=next(iter(options))):
        RetryPolicy(**options)


def test_a_number_of_exactly_the_threshold_is_a_unix_time(fake_time: FakeTime) -> None:
    # UNIX_TIME_THRESHOLD itself (2001) is a time long past: no wait asked, so the backoff.
    handler, received = scripted([status(429, **{"RateLimit-Reset": f"{UNIX_TIME_THRESHOLD:.0f}"})])
    call(get_notebook, client=mock_client(handler, fake_time.policy()), notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [0.5] and len(received) == 2


@pytest.mark.parametrize(("seconds_from_now", "wait"), [(0, 0.5), (1, 1.0), (2, 2.0)])
def test_an_http_date_now_asks_no_wait_and_one_a_second_ahead_does(
    seconds_from_now: int, wait: float, fake_time: FakeTime
) -> None:
    handler, _ = scripted([status(503, **{"Retry-After": http_date(seconds_from_now)})])
    call(get_notebook, client=mock_client(handler, fake_time.policy()), notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [wait]


def test_a_wait_above_the_cap_is_logged_with_method_path_status_and_both_waits(
    fake_time: FakeTime, caplog: pytest.LogCaptureFixture
) -> None:
    handler, _ = scripted([status(503, **{"Retry-After": "90"})])
    with pytest.raises(ServerError):
        call(get_notebook, client=mock_client(handler, fake_time.policy()), notebook_id=NOTEBOOK_ID)
    messages = [r.getMessage() for r in caplog.records if r.name == "deepnote_overlay"]
    assert messages == [
        f"not retrying GET /v2/notebooks/{NOTEBOOK_ID} after 503: the server asked for 90.0 s, above the 60.0 s cap"
    ]


def test_a_settled_delete_is_logged_with_method_and_path(
    fake_time: FakeTime, caplog: pytest.LogCaptureFixture
) -> None:
    handler, _ = scripted([status(502), status(404)])
    call(delete_notebook, client=mock_client(handler, fake_time.policy()), notebook_id=NOTEBOOK_ID)
    messages = [r.getMessage() for r in caplog.records if r.name == "deepnote_overlay"]
    assert messages[-1] == (
        f"DELETE /v2/notebooks/{NOTEBOOK_ID}: 404 after a retry; an earlier attempt may have deleted it, "
        "so it counts as done"
    )
