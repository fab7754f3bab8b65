"""Handlers of the spec's ``Me`` operations (``deepnote_client.api.me``)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..store import FakeDeepnote
from .registry import operation


@operation("getMe", "GET", "/me")
async def get_me(request: Request, fake: FakeDeepnote) -> Response:
    return JSONResponse(fake.render.me())
