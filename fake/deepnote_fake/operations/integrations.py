"""Handlers of the spec's ``Integrations`` operations (``deepnote_client.api.integrations``)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..store import FakeDeepnote
from ..validation import comma_list, path_param, query_flag, require_uuid
from .registry import operation


@operation("listIntegrations", "GET", "/integrations")
async def list_integrations(request: Request, fake: FakeDeepnote) -> Response:
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
    items = [fake.render.integration(i, metadata=include_metadata) for i in found]
    return JSONResponse({"integrations": items})


@operation("getIntegration", "GET", "/integrations/{integrationId}")
async def get_integration(request: Request, fake: FakeDeepnote) -> Response:
    integration_id = require_uuid(path_param(request, "integrationId"), "integrationId")
    integration, tables = fake.get_integration(
        integration_id,
        database=request.query_params.get("databaseName"),
        schema=request.query_params.get("schemaName"),
    )
    return JSONResponse(fake.render.integration_with_tables(integration, tables))
