"""Rules of the spec's ``Integrations`` operations (``deepnote_client.api.integrations``)."""

from __future__ import annotations

from starlette.requests import Request

from ..render import JSON
from ..store import FakeDeepnote
from ..validation import comma_list, query_flag
from .registry import rule


@rule("listIntegrations")
async def list_integrations(request: Request, fake: FakeDeepnote) -> list[JSON]:
    query = request.query_params
    ids = query.get("integrationIds")
    types = query.get("types")
    include_metadata = bool(query_flag(request, "includeMetadata"))
    found = fake.list_integrations(
        ids=comma_list(ids, "integrationIds", uuids=True) if ids is not None else None,
        name_contains=query.get("nameContains"),
        types=types.split(",") if types is not None else None,
        has_schema=query_flag(request, "hasSchema"),
        include_metadata=include_metadata,
    )
    return [fake.render.integration(i, metadata=include_metadata) for i in found]


@rule("getIntegration")
async def get_integration(request: Request, fake: FakeDeepnote, integration_id: str) -> JSON:
    integration, tables = fake.get_integration(
        integration_id,
        database=request.query_params.get("databaseName"),
        schema=request.query_params.get("schemaName"),
    )
    return fake.render.integration_with_tables(integration, tables)
