"""Reading answer bodies: several chunks, compressed bodies read async, the limit's edge, odd streams.

Found by mutation testing (``make mutate``) of ``bodies.py``: corrupting the join of decoded chunks,
the async cutting of compressed bodies, the exact-limit boundary of the retry transport's buffer and
the messages of its errors all survived before.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from deepnote_client.api.notebooks import get_notebook
from deepnote_overlay import ResponseTooLargeError
from deepnote_overlay.bodies import RAW_PIECE, aread_limited, read_limited
from deepnote_overlay.lowlevel import RetryTransport, acall, call

from .helpers import NOTEBOOK_ID, FakeTime, get_through_retry_transport, mock_client, notebook_json


class Stream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """``chunks`` as they come off the wire; raises ``RemoteProtocolError`` after them if ``broken``."""

    def __init__(self, chunks: list[bytes], *, broken: bool = False) -> None:
        self.chunks = chunks
        self.broken = broken

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks
        if self.broken:
            raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


class AsyncOnly(httpx.AsyncByteStream):
    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b"{}"


class SyncOnly(httpx.SyncByteStream):
    def __iter__(self) -> Iterator[bytes]:
        yield b"{}"


def notebook_named(name: str) -> bytes:
    return json.dumps({"notebook": notebook_json(name=name)}).encode()


async def get(mode: str, client: Any) -> Any:
    if mode == "sync":
        return call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    return await acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("retry", [True, False], ids=["retries", "no retries"])
async def test_a_body_in_several_chunks_is_read_whole(mode: str, retry: bool, fake_time: FakeTime) -> None:
    body = notebook_named("Chunked")
    chunks = [body[start : start + 9] for start in range(0, len(body), 9)]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=Stream(chunks))

    result = await get(mode, mock_client(handler, fake_time.policy() if retry else None))
    assert result.notebook.name == "Chunked"


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("retry", [True, False], ids=["retries", "no retries"])
@pytest.mark.parametrize("name_length", [10, 6 * RAW_PIECE])
async def test_a_gzip_body_is_decoded_piece_by_piece_sync_and_async(
    mode: str, retry: bool, name_length: int, fake_time: FakeTime
) -> None:
    # Random letters barely compress, so the long name makes a compressed body of several pieces.
    name = "".join(random.Random(name_length).choices("abcdefghijklmnopqrstuvwxyz", k=name_length))
    raw = gzip.compress(notebook_named(name))
    assert (len(raw) > 2 * RAW_PIECE) == (name_length > RAW_PIECE)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, stream=Stream([raw[:100], raw[100:]]), headers={"Content-Encoding": "gzip"}
        )

    result = await get(mode, mock_client(handler, fake_time.policy() if retry else None))
    assert result.notebook.name == name


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_too_large_names_the_request(mode: str, fake_time: FakeTime) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=notebook_named("x" * 200))

    with pytest.raises(ResponseTooLargeError) as caught:
        await get(mode, mock_client(handler, fake_time.policy(), max_response_bytes=100))
    error = caught.value
    assert (error.method, error.url, error.limit) == (
        "GET",
        f"https://api.test/v2/notebooks/{NOTEBOOK_ID}",
        100,
    )


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_a_body_of_exactly_the_buffer_limit_is_buffered_so_a_drop_after_it_is_retried(
    mode: str, fake_time: FakeTime
) -> None:
    body = notebook_named("Exact")
    attempts: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(1)
        # The first attempt sends the whole limit, then the connection drops before the end.
        return httpx.Response(200, stream=Stream([body[:10], body[10:]], broken=len(attempts) == 1))

    response = await get_through_retry_transport(
        mode, handler, fake_time.policy(), "https://api.test/v2/notebooks/x", buffer_limit=len(body)
    )
    assert response.content == body
    assert len(attempts) == 2 and fake_time.waits == [0.5]


@pytest.mark.parametrize("mode", ["sync", "async"])
async def test_the_retry_transport_keeps_the_answers_http_version_and_reason(
    mode: str, fake_time: FakeTime
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=b"{}", extensions={"http_version": b"HTTP/2", "reason_phrase": b"Fine Thanks"}
        )

    response = await get_through_retry_transport(mode, handler, fake_time.policy(), "https://api.test/v2/")
    assert (response.http_version, response.reason_phrase) == ("HTTP/2", "Fine Thanks")


async def test_a_transport_answering_with_the_wrong_kind_of_stream_is_refused(fake_time: FakeTime) -> None:
    sync_side = httpx.MockTransport(lambda request: httpx.Response(200, stream=AsyncOnly()))
    async_side = httpx.MockTransport(lambda request: httpx.Response(200, stream=SyncOnly()))
    transport = RetryTransport(fake_time.policy(), transport=sync_side, async_transport=async_side)
    request = httpx.Request("GET", "https://api.test/v2/")
    with pytest.raises(TypeError, match="^a sync transport returned a response without a sync stream$"):
        transport.handle_request(request)
    with pytest.raises(TypeError, match="^an async transport returned a response without an async stream$"):
        await transport.handle_async_request(request)


async def test_a_compressed_body_read_on_the_wrong_side_is_refused() -> None:
    request = httpx.Request("GET", "https://api.test/v2/")
    gzipped = {"Content-Encoding": "gzip"}
    with pytest.raises(TypeError, match="^an async response body was read synchronously$"):
        read_limited(httpx.Response(200, stream=AsyncOnly(), headers=gzipped, request=request), None)
    with pytest.raises(TypeError, match="^a sync response body was read asynchronously$"):
        await aread_limited(httpx.Response(200, stream=SyncOnly(), headers=gzipped, request=request), None)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("read_already", [False, True], ids=["network answer", "Response(content=)"])
async def test_an_answer_buffered_by_the_retry_transport_reads_like_one_from_the_network(
    mode: str, read_already: bool, fake_time: FakeTime
) -> None:
    """An unread answer (as httpx's network transport hands one over) keeps its object, with the
    buffered body as its stream; one read already (a test's ``Response(content=...)``) is copied
    into a fresh one. Either way the client reads it whole, closes it and times it."""
    body = notebook_named("N")
    answers: list[httpx.Response] = []

    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"X-Mark": "kept"}
        if read_already:
            answer = httpx.Response(200, content=body, headers=headers)
        else:
            answer = httpx.Response(200, stream=Stream([body[:7], body[7:]]), headers=headers)
        answers.append(answer)
        return answer

    response = await get_through_retry_transport(mode, handler, fake_time.policy(), "https://api.test/v2/")
    assert response.content == body
    assert response.headers["X-Mark"] == "kept"
    assert response.is_closed
    assert response.elapsed.total_seconds() >= 0
    assert response.request.url == "https://api.test/v2/"
    assert (response is answers[0]) is not read_already
