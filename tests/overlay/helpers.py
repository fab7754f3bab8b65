"""Shared helpers for the overlay tests: fake time, MockTransport clients and token checks."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from deepnote_client.client import AuthenticatedClient
from deepnote_fake import ServerHandle
from deepnote_overlay import AsyncDeepnote, Deepnote, RetryPolicy, _clock
from deepnote_overlay.lowlevel import RetryTransport, connect
from deepnote_overlay.retries import BUFFER_LIMIT

MOCK_TOKEN = "sk-mock-SECRET-7f3a91c4"
MOCK_BASE_URL = "https://api.test/v2"
NOTEBOOK_ID = "5e2f8a1c9b7d4e6f8a0b1c2d3e4f5a6b"
PROJECT_ID = "6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
RUN_ID = "0c7d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f"
WALL_EPOCH = 1_800_000_000.0

Handler = Callable[[httpx.Request], httpx.Response]


class FakeTime(_clock.Clock):
    """A clock that only moves when something sleeps on it, recording every wait; no jitter.

    The ``fake_time`` fixture installs one as ``_clock.CLOCK``. ``draws`` replaces the jitter's
    random numbers (``lambda: 0.0`` by default); ``sync_sleep_forbidden`` fails any blocking sleep
    (an async path must not block the event loop); ``wall_epoch`` is the Unix time at ``now == 0``
    (set it to ``time.time()`` against a server that writes HTTP-dates on the real clock).
    """

    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []
        self.draws: Callable[[], float] = lambda: 0.0
        self.sync_sleep_forbidden = False
        self.wall_epoch = WALL_EPOCH

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return self.wall_epoch + self.now

    def wall(self) -> float:
        return self.time()

    def sleep(self, seconds: float) -> None:
        assert not self.sync_sleep_forbidden, "a blocking sleep on an async path"
        self.waits.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    def random(self) -> float:
        return self.draws()

    def policy(self, **options: Any) -> RetryPolicy:
        """A ``RetryPolicy`` with ``options`` (the clock is this one, once installed)."""
        return RetryPolicy(**options)


def mock_client(handler: Handler, policy: RetryPolicy | None, **options: Any) -> AuthenticatedClient:
    return connect(
        MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=httpx.MockTransport(handler), retry=policy, **options
    )


def notebook_json(notebook_id: str = NOTEBOOK_ID, name: str = "Report") -> dict[str, Any]:
    return {"id": notebook_id, "projectId": PROJECT_ID, "name": name, "blocks": []}


def success_response(request: httpx.Request) -> httpx.Response:
    """A valid answer for the notebook operations the tests use, chosen by method."""
    if request.method == "DELETE":
        return httpx.Response(204)
    if request.method == "POST":
        return httpx.Response(201, json={"notebook": notebook_json(name=json.loads(request.content)["name"])})
    return httpx.Response(200, json={"notebook": notebook_json()})


class BrokenStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that breaks after its first bytes, like a connection dropped mid-body."""

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"notebook": {"id": '
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")

    async def __aiter__(self) -> Any:
        yield b'{"notebook": {"id": '
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")


def assert_no_secret(value: object, *secrets: str) -> None:
    """No secret in ``str``/``repr`` of ``value`` nor, for an exception, of anything in its chain."""
    seen: set[int] = set()
    todo = [value]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        for text in (str(item), repr(item)):
            for secret in secrets or (MOCK_TOKEN,):
                assert secret not in text, f"secret found in {type(item).__name__}: {text}"
        if isinstance(item, BaseException):
            todo.extend([item.__cause__, item.__context__, *item.args])


async def get_through_retry_transport(
    mode: str, handler: Handler, policy: RetryPolicy, url: str, buffer_limit: int | None = None
) -> httpx.Response:
    """GET ``url`` with a plain httpx client (``mode``: sync or async) whose transport is a
    ``RetryTransport`` over ``handler``, holding at most ``buffer_limit`` body bytes."""
    transport = RetryTransport(
        policy, transport=httpx.MockTransport(handler), async_transport=httpx.MockTransport(handler)
    )
    extensions = {BUFFER_LIMIT: buffer_limit}
    if mode == "sync":
        with httpx.Client(transport=transport) as http:
            return http.get(url, extensions=extensions)
    async with httpx.AsyncClient(transport=transport) as async_http:
        return await async_http.get(url, extensions=extensions)


def deepnote_on(server: ServerHandle, **options: Any) -> Deepnote:
    """A ``Deepnote`` on the fake ``server`` that sends each request once (``retry=None``)."""
    options.setdefault("retry", None)
    return Deepnote(server.token, base_url=server.base_url, **options)


def async_deepnote_on(server: ServerHandle, **options: Any) -> AsyncDeepnote:
    """An ``AsyncDeepnote`` on the fake ``server`` that sends each request once (``retry=None``)."""
    options.setdefault("retry", None)
    return AsyncDeepnote(server.token, base_url=server.base_url, **options)


@contextlib.contextmanager
def serve_on_loopback(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """``handler`` served on a free 127.0.0.1 port (a thread per connection) for the ``with``
    block; yields its origin, ``http://127.0.0.1:<port>``."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class Pages:
    """Page N (from 0) holds ``sizes[N]`` runs named ``N.i``; every page but the last names the next."""

    def __init__(self, *sizes: int, has_more_at_end: bool | None = None) -> None:
        self.sizes = sizes
        self.has_more_at_end = has_more_at_end
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        token = request.url.params.get("pageToken")
        n = 0 if token is None else int(token.removeprefix("p"))
        last = n == len(self.sizes) - 1
        pagination: dict[str, Any] = {"nextPageToken": None if last else f"p{n + 1}"}
        if last and self.has_more_at_end is not None:
            pagination["hasMore"] = self.has_more_at_end
        runs = [{"runId": f"{n}.{i}", "status": "success"} for i in range(self.sizes[n])]
        return httpx.Response(200, json={"runs": runs, "pagination": pagination})

    def everything(self) -> list[str]:
        return [f"{n}.{i}" for n, size in enumerate(self.sizes) for i in range(size)]
