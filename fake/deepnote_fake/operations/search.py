"""Rule of the spec's ``Search`` operation (``deepnote_client.api.search``)."""

from __future__ import annotations

from starlette.requests import Request

from ..render import JSON
from ..store import FakeDeepnote
from ..store.search import SEARCH_TYPES
from ..validation import bad, comma_list
from .registry import rule


@rule("search")
async def search(request: Request, fake: FakeDeepnote) -> JSON:
    q = request.query_params.get("q")
    if q is None:
        raise bad("q is required")
    types = request.query_params.get("types")
    hits = fake.search(q, comma_list(types, "types", SEARCH_TYPES) if types is not None else None)
    return fake.render.search(hits)
