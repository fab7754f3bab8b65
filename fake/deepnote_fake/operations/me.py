"""Rules of the spec's ``Me`` operations (``deepnote_client.api.me``)."""

from __future__ import annotations

from starlette.requests import Request

from ..render import JSON
from ..store import FakeDeepnote
from .registry import rule


@rule("getMe")
async def get_me(request: Request, fake: FakeDeepnote) -> JSON:
    return fake.render.me()
