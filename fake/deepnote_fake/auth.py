"""The bearer-token check every ``/v2`` operation and ``/_fake`` control (but the snapshot
download) goes through, and the store behind a request."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from .errors import ApiError
from .store import FakeDeepnote

__all__ = ["Handler", "StoreHandler", "authenticated", "check_token", "fake_of"]

Handler = Callable[[Request], Awaitable[Response]]
StoreHandler = Callable[[Request, FakeDeepnote], Awaitable[Response]]


def fake_of(request: Request) -> FakeDeepnote:
    """The store the app serves (``app.state.fake``)."""
    fake: FakeDeepnote = request.app.state.fake
    return fake


def check_token(request: Request, fake: FakeDeepnote) -> None:
    """401 unless ``Authorization: Bearer <the fake's token>`` (scheme case-insensitive)."""
    header = request.headers.get("authorization")
    if not header:
        raise ApiError(401, "Missing API key: send Authorization: Bearer <token>")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), fake.token.encode()):
        raise ApiError(401, "Invalid API key")


def authenticated(handler: StoreHandler) -> Handler:
    """``handler(request, fake)`` as a Starlette endpoint that checks the token first."""

    async def endpoint(request: Request) -> Response:
        fake = fake_of(request)
        check_token(request, fake)
        return await handler(request, fake)

    endpoint.__name__ = handler.__name__
    endpoint.__doc__ = handler.__doc__
    return endpoint
