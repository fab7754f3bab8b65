"""Regression tests for the hardening review: one section per finding.

Each test failed before its fix. Most run on an in-process ``httpx.MockTransport``; the few that
need real sockets (h11 header checks, connection pools across event loops) use a tiny HTTP server
on 127.0.0.1 started here.
"""

from __future__ import annotations

import asyncio
import gzip
import http.server
import json
import logging
import pickle
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import httpx
import pytest

import deepnote_client.client as generated_client
from deepnote_client.api.notebooks import delete_notebook, get_notebook, list_notebook_runs
from deepnote_client.client import AuthenticatedClient
from deepnote_client.models import Run
from deepnote_overlay import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DeepnoteError,
    InvalidRequestError,
    MissingTokenError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    RepeatedPageTokenError,
    ResponseParseError,
    ResponseTooLargeError,
    RunFailedError,
    RunResult,
    RunTimeoutError,
    ServerError,
)
from deepnote_overlay.errors import MAX_TEXT_LENGTH
from deepnote_overlay.lowlevel import DEFAULT_MAX_RESPONSE_BYTES, acall, call, connect, paginate
from deepnote_overlay.outputs import parse_snapshot_blocks
from deepnote_overlay.pagination import MAX_EMPTY_PAGES

from .helpers import (
    MOCK_BASE_URL,
    MOCK_TOKEN,
    NOTEBOOK_ID,
    RUN_ID,
    WALL_EPOCH,
    FakeTime,
    assert_no_secret,
    mock_client,
    notebook_json,
    serve_on_loopback,
    success_response,
)

Handler = Callable[[httpx.Request], httpx.Response]


async def run_call(
    mode: str, client: AuthenticatedClient, endpoint: Any = get_notebook, **kwargs: Any
) -> Any:
    kwargs = kwargs or {"notebook_id": NOTEBOOK_ID}
    if mode == "sync":
        return call(endpoint, client=client, **kwargs)
    return await acall(endpoint, client=client, **kwargs)


def answering(response: Callable[[], httpx.Response]) -> Handler:
    return lambda request: response()


@pytest.fixture
def loopback_server() -> Iterator[str]:
    """A tiny HTTP/1.1 server on 127.0.0.1 answering every GET with a notebook; yields its base URL."""

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body = json.dumps({"notebook": notebook_json()}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    with serve_on_loopback(Handler) as origin:
        yield f"{origin}/v2"


# 1. The token: stripped, refused when a header cannot carry it, never echoed.


def test_surrounding_whitespace_is_stripped_from_the_token() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return success_response(request)

    client = connect(f"  {MOCK_TOKEN}\n", base_url=MOCK_BASE_URL, transport=httpx.MockTransport(handler))
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert seen[0].headers["Authorization"] == f"Bearer {MOCK_TOKEN}"


@pytest.mark.parametrize(
    "token", [f"{MOCK_TOKEN}\nX-Injected: 1", f"{MOCK_TOKEN}\x00", f"{MOCK_TOKEN}é", f"{MOCK_TOKEN}\x7f"]
)
def test_a_token_a_header_cannot_carry_is_refused_at_connect_without_echo(token: str) -> None:
    with pytest.raises(ValueError, match="token has a") as caught:
        connect(token, base_url=MOCK_BASE_URL)
    assert_no_secret(caught.value, MOCK_TOKEN)


@pytest.mark.parametrize("token", [f"{MOCK_TOKEN}\n", f"{MOCK_TOKEN}é"])
async def test_a_hand_built_client_with_such_a_token_fails_before_sending_without_echo(
    token: str, caplog: pytest.LogCaptureFixture
) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return success_response(request)

    for mode in ("sync", "async"):
        transport = httpx.MockTransport(handler)
        client = AuthenticatedClient(base_url=MOCK_BASE_URL, token=token, httpx_args={"transport": transport})
        with pytest.raises(ValueError) as caught:
            await run_call(mode, client)
        assert_no_secret(caught.value, MOCK_TOKEN)
    assert sent == []
    assert all(MOCK_TOKEN not in record.getMessage() for record in caplog.records)


def test_a_header_value_h11_refuses_is_reported_without_its_value() -> None:
    # Only an httpx client set by hand gets such a header past the checks; a listening socket is
    # enough, since h11 refuses the header after connecting, before writing.
    with socket.create_server(("127.0.0.1", 0)) as listener:
        base_url = f"http://127.0.0.1:{listener.getsockname()[1]}/v2"
        client = connect(MOCK_TOKEN, base_url=base_url, retry=None)
        client.set_httpx_client(httpx.Client(base_url=base_url, headers={"X-Trace": "a\r\nb-SECRET"}))
        with pytest.raises(APIConnectionError) as caught:
            call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
        client.close()
    assert_no_secret(caught.value, "b-SECRET", MOCK_TOKEN)
    assert caught.value.__cause__ is None and caught.value.__context__ is None


@pytest.mark.parametrize("headers", [{"X-Trace": "a\nb"}, {"X-Name": "é"}])
def test_header_values_a_request_cannot_carry_are_refused_before_httpx_sees_them(
    headers: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(ValueError, match="header 'x-"):
        connect(MOCK_TOKEN, base_url=MOCK_BASE_URL, headers=headers)
    client = connect(MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=httpx.MockTransport(success_response))
    with pytest.raises(ValueError, match="header 'x-"):
        client.with_headers(headers)
    hand_built = AuthenticatedClient(base_url=MOCK_BASE_URL, token=MOCK_TOKEN, headers=headers)
    with pytest.raises(ValueError, match="header 'x-"):
        hand_built.get_httpx_client()
    assert not any(value in record.getMessage() for record in caplog.records for value in headers.values())


# 2. Every error survives a pickle round trip.

SAMPLE_RUN = Run.from_dict({"runId": RUN_ID, "status": "running"})
ERRORS: list[DeepnoteError] = [
    DeepnoteError("plain"),
    MissingTokenError("no token"),
    InvalidRequestError(operation="getNotebook", reason="URL too long"),
    *[
        cls(status_code=code, message="Notebook not found", method="GET", url=f"{MOCK_BASE_URL}/x")
        for cls, code in [
            (APIStatusError, 418),
            (BadRequestError, 400),
            (AuthenticationError, 401),
            (PermissionDeniedError, 403),
            (NotFoundError, 404),
            (ConflictError, 409),
            (ServerError, 503),
        ]
    ],
    RateLimitError(status_code=429, message="slow down", method="GET", url="u", retry_after=3.0),
    APIConnectionError(method="GET", url="u", reason="ConnectError: refused"),
    APITimeoutError(method="GET", url="u", reason="ReadTimeout"),
    ResponseParseError(
        operation="getNotebook", status_code=200, method="GET", url="u", reason="missing", field="id"
    ),
    ResponseTooLargeError(status_code=200, method="GET", url="u", limit=10),
    PaginationError(operation="listProjects", pages=2, reason="hasMore without token"),
    RepeatedPageTokenError(operation="listProjects", page_token="t", pages=3),
    RunTimeoutError(run=SAMPLE_RUN, timeout=5.0),
    RunTimeoutError(run=None, timeout=5.0, run_id=RUN_ID, notebook_id=NOTEBOOK_ID),
    RunFailedError(
        result=RunResult(
            run=Run.from_dict({"runId": RUN_ID, "status": "error", "notebookId": NOTEBOOK_ID}),
            snapshot_status="available",
            blocks=parse_snapshot_blocks(
                [
                    {
                        "id": "blk-1",
                        "type": "code",
                        "outputs": [
                            {"output_type": "error", "ename": "ValueError", "evalue": "v", "traceback": ["t"]}
                        ],
                    }
                ]
            ),
        )
    ),
]


def with_run(error: DeepnoteError) -> DeepnoteError:
    """``error`` as the run helpers raise it after a run was created: ``run_id``, ``notebook_id``
    and a note set on it after it was made."""
    error.run_id, error.notebook_id = RUN_ID, NOTEBOOK_ID
    error.add_note(f"run {RUN_ID} of notebook {NOTEBOOK_ID} was created and may still be running")
    return error


ERRORS += [
    with_run(ServerError(status_code=503, message="down", method="GET", url="u")),
    with_run(APIConnectionError(method="GET", url="u", reason="ConnectError: refused")),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda error: type(error).__name__)
def test_every_error_survives_a_pickle_round_trip(error: DeepnoteError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error) and repr(copy) == repr(error)
    assert copy.__dict__ == error.__dict__
    assert getattr(copy, "status_code", None) == getattr(error, "status_code", None)
    assert (copy.run_id, copy.notebook_id) == (error.run_id, error.notebook_id)


# 3. Nothing but DeepnoteError escapes call/acall for failures on the wire or in the answer.

DEEP_JSON = b"[" * 200_000 + b"]" * 200_000


def redirect_loop(request: httpx.Request) -> httpx.Response:
    return httpx.Response(302, headers={"Location": str(request.url)})


WIRE_FAILURES: dict[str, tuple[Handler, dict[str, Any], type[DeepnoteError]]] = {
    "deeply nested JSON in a success": (
        answering(lambda: httpx.Response(200, content=DEEP_JSON)),
        {},
        ResponseParseError,
    ),
    "deeply nested JSON in an error": (
        answering(lambda: httpx.Response(404, content=DEEP_JSON)),
        {},
        NotFoundError,
    ),
    "a body that does not match its Content-Encoding": (
        answering(lambda: httpx.Response(200, content=b"not gzip", headers={"Content-Encoding": "gzip"})),
        {},
        APIConnectionError,
    ),
    "too many redirects": (redirect_loop, {"follow_redirects": True}, APIConnectionError),
}


@pytest.mark.parametrize("case", WIRE_FAILURES, ids=str)
async def test_wire_and_answer_failures_raise_only_deepnote_errors(case: str, fake_time: FakeTime) -> None:
    handler, options, expected = WIRE_FAILURES[case]
    for mode in ("sync", "async"):
        client = mock_client(handler, fake_time.policy(max_retries=0), **options)
        with pytest.raises(expected):
            await run_call(mode, client)


async def test_a_url_httpx_refuses_raises_invalid_request_error(fake_time: FakeTime) -> None:
    client = mock_client(success_response, fake_time.policy())
    for mode in ("sync", "async"):
        with pytest.raises(InvalidRequestError) as caught:
            await run_call(mode, client, notebook_id="n" * 70_000)
        assert isinstance(caught.value, ValueError)
        assert len(str(caught.value)) < 200


async def test_a_header_that_cannot_be_encoded_raises_invalid_request_error(fake_time: FakeTime) -> None:
    base = mock_client(success_response, fake_time.policy())
    client = attrs.evolve(base, cookies={"session": "caf\u00e9-SECRET"})  # cookies are not checked
    for mode in ("sync", "async"):
        with pytest.raises(InvalidRequestError) as caught:
            await run_call(mode, client)
        assert_no_secret(caught.value, "SECRET")


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt, asyncio.CancelledError])
async def test_interrupts_and_cancellation_pass_through(
    interrupt: type[BaseException], fake_time: FakeTime
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise interrupt()

    for mode in ("sync", "async"):
        with pytest.raises(interrupt):
            await run_call(mode, mock_client(handler, fake_time.policy()))


async def test_wrong_arguments_still_raise_type_error(fake_time: FakeTime) -> None:
    client = mock_client(success_response, fake_time.policy())
    for mode in ("sync", "async"):
        with pytest.raises(TypeError):
            await run_call(mode, client, no_such_argument=1)


# 4. Answers are read within a size limit; error texts are bounded and escaped.


def notebook_of_size(size: int) -> bytes:
    body = json.dumps({"notebook": notebook_json(name="")}).encode()
    return body.replace(b'"name": ""', b'"name": "' + b"x" * (size - len(body)) + b'"')


@pytest.mark.parametrize("retry", [True, False], ids=["retries", "no retries"])
async def test_an_answer_over_the_limit_raises_and_one_within_it_parses(
    retry: bool, fake_time: FakeTime
) -> None:
    for mode in ("sync", "async"):
        for size, fits in ((4096, True), (4097, False)):
            body = notebook_of_size(size)
            assert len(body) == size
            client = mock_client(
                answering(lambda body=body: httpx.Response(200, content=body)),  # type: ignore[misc]
                fake_time.policy() if retry else None,
                max_response_bytes=4096,
            )
            if fits:
                assert len((await run_call(mode, client)).notebook.name) > 3900
            else:
                with pytest.raises(ResponseTooLargeError) as caught:
                    await run_call(mode, client)
                assert caught.value.limit == 4096 and caught.value.status_code == 200


def test_the_default_limit_is_32_mib() -> None:
    assert DEFAULT_MAX_RESPONSE_BYTES == 32 * 1024 * 1024
    assert connect(MOCK_TOKEN, base_url=MOCK_BASE_URL).max_response_bytes == DEFAULT_MAX_RESPONSE_BYTES


class RawBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body handed over as it is on the wire: ``Response(content=...)`` would decode it at once."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def __iter__(self) -> Iterator[bytes]:
        yield self.raw

    async def __aiter__(self) -> Any:
        yield self.raw


@pytest.mark.parametrize("retry", [True, False], ids=["retries", "no retries"])
def test_a_compression_bomb_is_stopped_by_decoded_size_without_inflating_it(
    retry: bool, fake_time: FakeTime
) -> None:
    bomb = gzip.compress(b" " * (64 * 1024 * 1024), compresslevel=9)  # about 64 KB on the wire
    client = mock_client(
        answering(lambda: httpx.Response(200, stream=RawBody(bomb), headers={"Content-Encoding": "gzip"})),
        fake_time.policy() if retry else None,
        max_response_bytes=1024 * 1024,
    )
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError):
            call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # inflating it all would take 64 MiB


class EndlessBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body of ``chunks`` 64 KiB chunks, counting how many were pulled."""

    def __init__(self, chunks: int) -> None:
        self.chunks = chunks
        self.pulled = 0

    def __iter__(self) -> Iterator[bytes]:
        for _ in range(self.chunks):
            self.pulled += 1
            yield b" " * 65536

    async def __aiter__(self) -> Any:
        for chunk in self:
            yield chunk


async def test_the_retry_transport_holds_no_more_than_the_limit(fake_time: FakeTime) -> None:
    for mode in ("sync", "async"):
        body = EndlessBody(512)  # 32 MiB
        client = mock_client(
            answering(lambda body=body: httpx.Response(200, stream=body)),  # type: ignore[misc]
            fake_time.policy(),
            max_response_bytes=1024 * 1024,
        )
        with pytest.raises(ResponseTooLargeError):
            await run_call(mode, client)
        assert body.pulled <= 1024 * 1024 // 65536 + 2


def test_a_streamed_download_through_the_retry_transport_is_not_limited(fake_time: FakeTime) -> None:
    body = EndlessBody(64)  # 4 MiB, four times the limit
    client = mock_client(
        answering(lambda: httpx.Response(200, stream=body)),
        fake_time.policy(),
        max_response_bytes=1024 * 1024,
    )
    with client.get_httpx_client().stream("GET", "/files/export") as response:
        assert sum(len(chunk) for chunk in response.iter_bytes()) == 64 * 65536


async def test_an_error_message_is_cut_and_its_control_characters_escaped(fake_time: FakeTime) -> None:
    message = "Notebook not found\nINFO forged log line\x1b[31m" + "x" * 1_000_000
    client = mock_client(
        answering(lambda: httpx.Response(404, json={"message": message})), fake_time.policy()
    )
    for mode in ("sync", "async"):
        with pytest.raises(NotFoundError) as caught:
            await run_call(mode, client)
        error = caught.value
        assert len(error.message) <= MAX_TEXT_LENGTH
        assert error.message.startswith("Notebook not found\\nINFO forged log line\\x1b[31m")
        assert "\n" not in str(error) and "\x1b" not in repr(error)


# 6. Pagination neither loops on empty pages nor truncates silently.


def pages_handler(pages: list[dict[str, Any]]) -> tuple[Handler, list[httpx.Request]]:
    received: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        received.append(request)
        return httpx.Response(200, json=pages[min(len(received), len(pages)) - 1])

    return handler, received


def empty_page(number: int) -> dict[str, Any]:
    return {"runs": [], "pagination": {"nextPageToken": f"t{number}", "hasMore": True}}


RUN_JSON = {"runId": RUN_ID, "status": "success"}


async def collect(mode: str, client: AuthenticatedClient) -> list[Any]:
    if mode == "sync":
        return list(paginate(list_notebook_runs, client=client, notebook_id="nb"))
    return [run async for run in paginate(list_notebook_runs, client=client, notebook_id="nb")]


async def test_endless_empty_pages_that_claim_more_raise(fake_time: FakeTime) -> None:
    for mode in ("sync", "async"):
        handler, received = pages_handler([empty_page(n) for n in range(1000)])
        with pytest.raises(PaginationError, match="empty pages"):
            await collect(mode, mock_client(handler, fake_time.policy()))
        assert len(received) == MAX_EMPTY_PAGES


async def test_a_few_empty_pages_before_items_are_followed(fake_time: FakeTime) -> None:
    last = {"runs": [RUN_JSON], "pagination": {"nextPageToken": None, "hasMore": False}}
    for mode in ("sync", "async"):
        handler, received = pages_handler([*(empty_page(n) for n in range(MAX_EMPTY_PAGES - 1)), last])
        assert len(await collect(mode, mock_client(handler, fake_time.policy()))) == 1
        assert len(received) == MAX_EMPTY_PAGES


@pytest.mark.parametrize("token", [None, ""])
async def test_has_more_without_a_token_raises_instead_of_truncating(
    token: str | None, fake_time: FakeTime
) -> None:
    page = {"runs": [RUN_JSON], "pagination": {"nextPageToken": token, "hasMore": True}}
    for mode in ("sync", "async"):
        handler, received = pages_handler([page])
        with pytest.raises(PaginationError, match="hasMore"):
            await collect(mode, mock_client(handler, fake_time.policy()))
        assert len(received) == 1


# 7. A retried DELETE that finds 404 counts as done only if an earlier attempt may have acted.


def read_error(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadError("connection reset", request=request)


def connect_error(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("refused", request=request)


def status(code: int) -> Handler:
    return lambda request: httpx.Response(code, json={"message": f"injected {code}"})


DELETE_CASES: dict[str, tuple[str, list[Handler], bool]] = {
    "DELETE, 503 then 404": ("DELETE", [status(503), status(404)], True),
    "DELETE, read error then 404": ("DELETE", [read_error, status(404)], True),
    "DELETE, 502 then 429 then 404": ("DELETE", [status(502), status(429), status(404)], True),
    "DELETE, 404 at once": ("DELETE", [status(404)], False),
    "DELETE, 429 then 404": ("DELETE", [status(429), status(404)], False),
    "DELETE, refused connection then 404": ("DELETE", [connect_error, status(404)], False),
    "GET, 503 then 404": ("GET", [status(503), status(404)], False),
}


@pytest.mark.parametrize("case", DELETE_CASES, ids=str)
async def test_a_retried_delete_finding_404_counts_as_done_only_after_a_maybe_processed_attempt(
    case: str, fake_time: FakeTime, caplog: pytest.LogCaptureFixture
) -> None:
    method, answers, counts_as_done = DELETE_CASES[case]
    endpoint = delete_notebook if method == "DELETE" else get_notebook
    for mode in ("sync", "async"):
        caplog.clear()
        received: list[httpx.Request] = []

        def handler(request: httpx.Request, received: list[httpx.Request] = received) -> httpx.Response:
            received.append(request)
            return answers[len(received) - 1](request)

        client = mock_client(handler, fake_time.policy())
        if counts_as_done:
            assert await run_call(mode, client, endpoint) is None
            assert any("counts as done" in record.getMessage() for record in caplog.records)
        else:
            with pytest.raises(NotFoundError):
                await run_call(mode, client, endpoint)
            assert not any("counts as done" in record.getMessage() for record in caplog.records)
        assert len(received) == len(answers)


# 8. Retry-After of zero or in the past falls back to backoff; a Unix-time RateLimit-Reset is one.


@pytest.mark.parametrize(
    ("headers", "wait"),
    [
        ({"Retry-After": "0"}, 0.5),
        ({"Retry-After": "-3"}, 0.5),
        ({"Retry-After": "Thu, 01 Jan 2026 00:00:00 GMT"}, 0.5),  # before WALL_EPOCH
        ({"RateLimit-Reset": str(int(WALL_EPOCH) + 7)}, 7.0),
        ({"RateLimit-Reset": str(int(WALL_EPOCH) - 7)}, 0.5),
    ],
)
def test_a_wait_of_nothing_backs_off_and_a_unix_time_is_read_as_one(
    headers: dict[str, str], wait: float, fake_time: FakeTime
) -> None:
    answers = [httpx.Response(429, json={"message": "slow down"}, headers=headers)]
    client = mock_client(
        lambda request: answers.pop() if answers else success_response(request), fake_time.policy()
    )
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert fake_time.waits == [wait]


def test_a_unix_time_rate_limit_reset_is_reported_as_seconds(fake_time: FakeTime) -> None:
    reset = {"RateLimit-Reset": f"{fake_time.wall() + 30:.0f}"}  # read against the overlay's clock
    client = mock_client(
        answering(lambda: httpx.Response(429, json={"message": "slow"}, headers=reset)),
        fake_time.policy(max_retries=0),
    )
    with pytest.raises(RateLimitError) as caught:
        call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert caught.value.retry_after == 30.0


# 9. Threads racing on the first call share one httpx client.


def test_threads_racing_on_the_first_call_build_one_httpx_client(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[httpx.Client] = []

    class SlowClient(httpx.Client):
        def __init__(self, **kwargs: Any) -> None:
            time.sleep(0.02)  # widens the window in which an unlocked check lets every thread in
            super().__init__(**kwargs)
            built.append(self)

    monkeypatch.setattr(generated_client.httpx, "Client", SlowClient)
    client = connect(MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=httpx.MockTransport(success_response))
    barrier = threading.Barrier(16)
    got: list[httpx.Client] = []

    def first_call() -> None:
        barrier.wait()
        got.append(client.get_httpx_client())

    threads = [threading.Thread(target=first_call) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(built) == 1
    assert len(got) == 16 and all(http is built[0] for http in got)


# 10. connect() refuses bad settings at once and warns about a token sent in clear text.


@pytest.mark.parametrize("timeout", [0, -1, 0.0, httpx.Timeout(5.0, read=0), httpx.Timeout(5.0, connect=-1)])
def test_a_timeout_of_zero_or_less_is_refused(timeout: Any) -> None:
    with pytest.raises(ValueError, match="timeout"):
        connect(MOCK_TOKEN, base_url=MOCK_BASE_URL, timeout=timeout)


@pytest.mark.parametrize("base_url", ["api.deepnote.com/v2", "ftp://api.deepnote.com/v2", "/v2", "https://"])
def test_a_base_url_that_is_not_absolute_http_is_refused(base_url: str) -> None:
    with pytest.raises(ValueError, match="base_url"):
        connect(MOCK_TOKEN, base_url=base_url)


def test_max_response_bytes_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_response_bytes"):
        connect(MOCK_TOKEN, base_url=MOCK_BASE_URL, max_response_bytes=0)


@pytest.mark.parametrize(
    ("base_url", "warns"),
    [
        ("http://api.example.com/v2", True),
        ("http://10.0.0.5:8080/v2", True),
        ("http://127.0.0.1:8765/v2", False),
        ("http://localhost:8765/v2", False),
        ("http://[::1]:8765/v2", False),
        ("https://api.example.com/v2", False),
    ],
)
def test_a_token_over_plain_http_to_a_remote_host_is_warned_about_once(
    base_url: str, warns: bool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.clear()
    connect(MOCK_TOKEN, base_url=base_url)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and r.name == "deepnote_overlay"]
    assert len(warnings) == (1 if warns else 0)
    assert all(MOCK_TOKEN not in record.getMessage() for record in warnings)


# 11. Closing closes both sides; a client moves between event loops once closed (or its loop ended).


async def test_async_with_closes_both_sides_and_the_client_stays_usable(fake_time: FakeTime) -> None:
    client = mock_client(success_response, fake_time.policy())
    async with client:
        call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
        await acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
        sync_http, async_http = client.get_httpx_client(), client.get_async_httpx_client()
    assert sync_http.is_closed and async_http.is_closed
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)  # fresh httpx clients
    await acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert client.get_httpx_client() is not sync_http
    await client.aclose()


def test_with_closes_the_sync_side_and_the_client_stays_usable(fake_time: FakeTime) -> None:
    client = mock_client(success_response, fake_time.policy())
    with client:
        call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
        sync_http = client.get_httpx_client()
    assert sync_http.is_closed
    call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    client.close()


def test_a_second_event_loop_gets_a_clear_error_while_the_first_lives(loopback_server: str) -> None:
    client = connect(MOCK_TOKEN, base_url=loopback_server, retry=None)

    async def get() -> Any:
        return await acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID)

    first = asyncio.new_event_loop()
    try:
        first.run_until_complete(get())
        with pytest.raises(DeepnoteError, match="another event loop"):
            asyncio.run(get())
        client.close()  # closed in the first loop: then the next loop may use it
        assert asyncio.run(get()).notebook.id == NOTEBOOK_ID
    finally:
        first.close()


def test_a_client_whose_event_loop_ended_works_in_the_next(loopback_server: str) -> None:
    client = connect(MOCK_TOKEN, base_url=loopback_server, retry=None)

    async def get() -> Any:
        return await acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID)

    for _ in range(3):  # each loop closes the async side as it ends
        assert asyncio.run(get()).notebook.id == NOTEBOOK_ID


@pytest.mark.parametrize("retry", [True, False], ids=["retries", "no retries"])
def test_a_client_closed_before_its_event_loop_ends_works_in_the_next(
    retry: bool, loopback_server: str
) -> None:
    # With retries, one transport (and its connection pool) outlives each async httpx client.
    client = connect(MOCK_TOKEN, base_url=loopback_server, **({} if retry else {"retry": None}))

    async def get_and_close() -> Any:
        async with client:
            return await acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID)

    for _ in range(3):
        assert asyncio.run(get_and_close()).notebook.id == NOTEBOOK_ID


@pytest.mark.parametrize("retry", [True, False], ids=["retries", "no retries"])
def test_a_closed_client_opens_fresh_connections_on_its_next_call(retry: bool, loopback_server: str) -> None:
    client = connect(MOCK_TOKEN, base_url=loopback_server, **({} if retry else {"retry": None}))
    for _ in range(3):
        with client:
            assert call(get_notebook, client=client, notebook_id=NOTEBOOK_ID).notebook.id == NOTEBOOK_ID


# 12. Idle connections expire before common servers close them.


def pool_keepalive_expiry(client: AuthenticatedClient) -> float | None:
    inner: Any = client.get_httpx_client()._transport
    while not hasattr(inner, "_pool"):  # under the retry transport and the rate limiter's wrapper
        inner = inner._transport
    expiry: float | None = inner._pool._keepalive_expiry
    return expiry


@pytest.mark.parametrize("retry", [True, False], ids=["retries", "no retries"])
def test_idle_connections_expire_after_4_seconds_unless_limits_are_given(retry: bool) -> None:
    policy: Any = {} if retry else {"retry": None}
    assert pool_keepalive_expiry(connect(MOCK_TOKEN, base_url=MOCK_BASE_URL, **policy)) == 4.0
    mine = httpx.Limits(keepalive_expiry=30.0)
    assert pool_keepalive_expiry(connect(MOCK_TOKEN, base_url=MOCK_BASE_URL, limits=mine, **policy)) == 30.0
