"""The ASGI application of the fake: routing, error rendering, and the ``/v2`` front door.

``FakeDeepnoteApp.__call__`` runs *before* Starlette wraps ``send``, which matters for the ``drop``
faults: only the server's own ``send`` leads to the socket that must be closed. Every request whose
``Host`` is not a loopback name (or one of ``allowed_hosts``) is refused with 400 first. For every
request under ``/v2`` it then, in order: records the request (with the operationId it is routed
to), refuses a body past its limit with 413 (``safety.body_limit``), delivers an armed fault
(``FaultPlan``), adds ``latency``, applies ``rate_limit``, and hands the request to the routes.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections.abc import Iterable
from email.utils import formatdate
from typing import Any
from urllib.parse import quote, unquote

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Router
from starlette.types import Message, Receive, Scope, Send

from .controls import control_routes
from .errors import ApiError
from .faults import Fault
from .operations import api_routes, operation_of
from .recording import RecordedRequest
from .safety import body_limit, bounded_receive, header, host_allowed, normalize_host
from .store import FakeDeepnote

__all__ = ["FakeDeepnoteApp", "create_app"]

_FAULT_MESSAGES = {
    "500": "Internal server error (injected fault)",
    "502": "Bad gateway (injected fault)",
    "503": "Service unavailable (injected fault)",
    "504": "Gateway timeout (injected fault)",
}
NOT_JSON_BODY = b"<html><body><h1>Deepnote</h1><p>injected not-json fault</p></body></html>"


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """Every error the fake sends has Deepnote's ErrorResponse shape: ``{"message": ...}``."""
    return JSONResponse({"message": message}, status_code=status, headers=headers)


async def _api_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message, exc.headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    # Starlette raises these for unknown routes (404) and wrong methods (405, with Allow).
    assert isinstance(exc, HTTPException)
    return error_response(exc.status_code, str(exc.detail), dict(exc.headers or {}))


def routing_path(scope: Scope) -> str:
    """The request path with ``%`` and ``/`` *inside* a segment kept percent-encoded.

    Servers decode ``scope["path"]`` fully, so ``/notebooks/a%2Fruns`` would route to the runs list
    of notebook ``a``. Rebuilding the path from ``raw_path`` keeps an id containing ``/`` in one
    segment; ``validation.path_param`` decodes it back.
    """
    raw = scope.get("raw_path")
    if not raw:
        return str(scope["path"])
    raw_text = raw.decode("latin-1").split("?", 1)[0]
    return "/".join(quote(unquote(segment), safe="") if segment else "" for segment in raw_text.split("/"))


class FakeDeepnoteApp(Starlette):
    """Starlette app with the fake's front door; ``app.state.fake`` (and ``app.fake``) is the state.

    ``app.api`` routes ``/v2``: one route per path of ``openapi.yaml``, each method served by the
    rule registered under its operationId (see ``operations``); building the app fails when an
    operation of the spec has no rule.
    ``allowed_hosts``: ``Host`` names served besides loopback ones (``localhost``, ``*.localhost``,
    ``127.0.0.0/8``, ``::1``), compared without port and case.
    """

    def __init__(self, fake: FakeDeepnote, *, allowed_hosts: Iterable[str] = ()) -> None:
        self.api = Router(api_routes(), redirect_slashes=False)
        super().__init__(
            routes=[
                Mount("/v2", app=self.api),
                Mount("/_fake", app=Router(control_routes(), redirect_slashes=False)),
            ],
            exception_handlers={ApiError: _api_error, HTTPException: _http_error},
        )
        self.router.redirect_slashes = False
        self.fake = fake
        self.state.fake = fake
        self.allowed_hosts = frozenset(normalize_host(name) for name in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        host = header(scope, b"host")
        # No Host at all (HTTP/1.0) names nothing that could be rebound; browsers always send one.
        if host is not None and not host_allowed(host, self.allowed_hosts):
            message = (
                f"Host {host!r} is not served: the fake answers loopback names only (see --allowed-host)"
            )
            await error_response(400, message)(scope, receive, send)
            return
        scope = dict(scope)
        scope["path"] = routing_path(scope)
        path = scope["path"]
        if path == "/v2" or path.startswith("/v2/"):
            await self._serve_api(scope, receive, send, path[3:] or "/")
        else:
            await super().__call__(scope, receive, send)

    async def _serve_api(self, scope: Scope, receive: Receive, send: Send, path: str) -> None:
        fake = self.fake
        method = str(scope["method"]).upper()
        record = RecordedRequest(
            method=method,
            path=path,
            query=bytes(scope.get("query_string", b"")).decode("latin-1"),
            at=fake.now(),
            operation_id=operation_of(self.api.routes, method, path),
        )
        fake.record_request(record)

        async def recording_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                record.status = int(message["status"])
            await send(message)

        limit, too_large = body_limit(fake, header(scope, b"content-type"))
        bounded = await bounded_receive(scope, receive, limit)
        if bounded is None:
            # The rest of the body is never read: close the connection rather than drain it.
            await error_response(413, too_large, {"Connection": "close"})(scope, receive, recording_send)
            return
        receive = bounded

        fault = fake.faults.take(method, path)
        if fake.latency > 0:
            await asyncio.sleep(fake.latency)
        if fault is not None:
            record.fault = fault.kind
            if await self._deliver_fault(fault, scope, receive, send, recording_send, record):
                return
        await self._serve_normally(scope, receive, recording_send, record)

    async def _serve_normally(
        self, scope: Scope, receive: Receive, send: Send, record: RecordedRequest
    ) -> None:
        """The rate limiter, then the routes."""
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        limited = self.fake.rate_limiter.check(headers.get("authorization", ""))
        if limited is not None:
            record.fault = record.fault or "rate-limit"
            await error_response(limited.status, limited.message, limited.headers)(scope, receive, send)
            return
        await super().__call__(scope, receive, send)

    async def _deliver_fault(
        self,
        fault: Fault,
        scope: Scope,
        receive: Receive,
        send: Send,
        recording_send: Send,
        record: RecordedRequest,
    ) -> bool:
        """Deliver ``fault``; True when the request is fully handled, False to continue normally."""
        kind = fault.kind
        if kind == "slow":
            delay = 1.0 if fault.delay is None else fault.delay
            return await self._serve_slowly(delay, scope, receive, recording_send, record)
        if kind == "drop":
            await _close_connection(send)
            record.status = "dropped"
            return True
        if kind == "drop-mid-body":
            # Promise a body, send a little of it, then hang up: the client sees headers but no body.
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", b"4096")],
                }
            )
            await send({"type": "http.response.body", "body": b'{"notebook": {"id": "', "more_body": True})
            await _close_connection(send)
            record.status = "dropped"
            return True
        if kind in ("429", "429-http-date"):
            seconds = 1.0 if fault.retry_after is None else fault.retry_after
            if kind == "429":
                retry_after = str(math.ceil(seconds))
            else:
                retry_after = formatdate(math.ceil(time.time() + seconds), usegmt=True)
            headers = {"Retry-After": retry_after, "RateLimit-Reset": str(math.ceil(seconds))}
            await error_response(429, "Rate limit exceeded", headers)(scope, receive, recording_send)
            return True
        if kind in _FAULT_MESSAGES:
            await error_response(int(kind), _FAULT_MESSAGES[kind])(scope, receive, recording_send)
            return True
        # not-json / missing-field: the request is really served (side effects happen), then the
        # response body is corrupted on the way out.
        await self._serve_corrupted(fault, scope, receive, recording_send)
        return True

    async def _serve_slowly(
        self, delay: float, scope: Scope, receive: Receive, send: Send, record: RecordedRequest
    ) -> bool:
        """Wait ``delay`` seconds, then serve normally; stop early if the client hangs up.

        A client that times out closes its connection; noticing that (instead of sleeping on)
        frees the server, so it can shut down at once after a test. The request body is read
        first and replayed to the routes, because the disconnect is only seen through ``receive``.
        """
        buffered: list[Message] = []
        while True:
            message = await receive()
            buffered.append(message)
            if message["type"] == "http.disconnect":
                record.status = "dropped"
                return True
            if not message.get("more_body", False):
                break
        hang_up = asyncio.ensure_future(receive())
        pause = asyncio.ensure_future(asyncio.sleep(delay))
        done, _ = await asyncio.wait({hang_up, pause}, return_when=asyncio.FIRST_COMPLETED)
        if hang_up in done:
            pause.cancel()
            record.status = "dropped"  # the client gave up before the answer
            return True
        hang_up.cancel()
        replay = iter(buffered)

        async def replay_receive() -> Message:
            return next(replay, None) or await receive()

        await self._serve_normally(scope, replay_receive, send, record)
        return True

    async def _serve_corrupted(self, fault: Fault, scope: Scope, receive: Receive, send: Send) -> None:
        start: Message | None = None
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(bytes(message.get("body", b"")))

        await super().__call__(scope, receive, capture)
        assert start is not None
        body = b"".join(chunks)
        status = int(start["status"])
        if status not in (204, 304):  # these must not carry a body
            body = NOT_JSON_BODY if fault.kind == "not-json" else _drop_field(body, fault.field)
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        if status not in (204, 304):
            headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body if status not in (204, 304) else b""})


def _drop_field(body: bytes, field: str | None) -> bytes:
    """Remove ``field`` (a dotted path such as ``run.status``) or, by default, the first top-level
    key, which in every response of the fake is the main required field (``notebook``, ``runs``,
    ``run``, ``runId``, ``projects``, ``project``, ``schedule``, ``blockIds``, ``apiKey``)."""
    try:
        data: Any = json.loads(body)
    except ValueError:
        return body
    if not isinstance(data, dict) or not data:
        return body
    if field is None:
        data.pop(next(iter(data)))
    else:
        *parents, leaf = field.split(".")
        target: Any = data
        for part in parents:
            target = target.get(part) if isinstance(target, dict) else None
        if isinstance(target, dict):
            target.pop(leaf, None)
    return json.dumps(data).encode()


async def _close_connection(send: Send) -> None:
    """Close the client's connection without a response (uvicorn only).

    An exception would make uvicorn answer 500 instead, so the socket is closed through the
    server's own ``send`` (a bound method of uvicorn's request cycle, which holds the transport).
    """
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if transport is None:
        raise RuntimeError("drop faults need a real server (running_server), not an in-process ASGI client")
    transport.close()
    # Let uvicorn notice the closed connection, so it does not try to send a 500 after we return.
    for _ in range(100):
        if getattr(cycle, "disconnected", True):
            break
        await asyncio.sleep(0)


def create_app(state: FakeDeepnote | None = None, *, allowed_hosts: Iterable[str] = ()) -> FakeDeepnoteApp:
    """A fresh ASGI app serving ``state`` (a new seeded ``FakeDeepnote`` when omitted).

    ``allowed_hosts``: ``Host`` names to serve besides loopback ones (an in-process client's
    ``testserver``, say); every other name is refused with 400.
    """
    return FakeDeepnoteApp(state if state is not None else FakeDeepnote(), allowed_hosts=allowed_hosts)
