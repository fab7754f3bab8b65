"""The ``integrations`` operations: one module per operation, and ``IntegrationsResource`` / ``AsyncIntegrationsResource``.

Generated from the spec by openapi-python-client with templates/resource_macros.jinja: do not edit.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from ...types import UNSET, Unset

if TYPE_CHECKING:
    from uuid import UUID

    from ...models.get_integration_response import GetIntegrationResponse
    from ...models.list_integrations_has_schema import ListIntegrationsHasSchema
    from ...models.list_integrations_include_metadata import ListIntegrationsIncludeMetadata
    from ...models.list_integrations_response import ListIntegrationsResponse
    from .. import AsyncCaller, Caller


__all__ = ["AsyncIntegrationsResource", "IntegrationsResource"]


class IntegrationsResource:
    """The integrations operations of the API, one method each."""

    __slots__ = ("_caller",)

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def list(
        self,
        *,
        integration_ids: str | Unset = UNSET,
        name_contains: str | Unset = UNSET,
        types: str | Unset = UNSET,
        has_schema: ListIntegrationsHasSchema | Unset = UNSET,
        include_metadata: ListIntegrationsIncludeMetadata | Unset = UNSET,
    ) -> ListIntegrationsResponse:
        """List integrations

        The workspace's data source integrations, filtered by the query. Not paginated.

        Args:
            integration_ids: Comma-separated list of integration UUIDs to filter by (e.g.
                `?integrationIds=<uuid1>,<uuid2>`).
            name_contains: Filter integrations whose name contains this value (case-insensitive).
            types: Comma-separated list of integration types to filter by exact match (e.g.
                `?types=big-query,snowflake`).
            has_schema: Filter by whether the integration type supports schema discovery.
            include_metadata: Include decrypted integration connection metadata. Restricted to
                Admins with EDIT_INTEGRATIONS permission. Defaults to `false`.

        Operation ``listIntegrations``: ``deepnote_client.api.integrations.list_integrations``.
        """
        from . import list_integrations

        return self._caller.call(
            list_integrations,
            integration_ids=integration_ids,
            name_contains=name_contains,
            types=types,
            has_schema=has_schema,
            include_metadata=include_metadata,
        )

    def get(
        self,
        integration_id: str | UUID,
        *,
        database_name: str | Unset = UNSET,
        schema_name: str | Unset = UNSET,
    ) -> GetIntegrationResponse:
        """Get integration with tables

        The integration and its cached tables, optionally narrowed to one database or schema. The docs
        section was cut off after the parameters: the response fields are from Deepnote's agent skills
        (tables with name, schema, optional database and columns), and the error statuses are those of
        `GET /integrations` plus 404 for an unknown integration.

        Args:
            integration_id: Integration identifier.
            database_name: Filter tables by database (relevant for Snowflake/BigQuery).
            schema_name: Filter tables by schema.

        Operation ``getIntegration``: ``deepnote_client.api.integrations.get_integration``.
        """
        from . import get_integration

        return self._caller.call(
            get_integration,
            integration_id=integration_id,
            database_name=database_name,
            schema_name=schema_name,
        )


class AsyncIntegrationsResource:
    """Async ``IntegrationsResource``: the same methods, ``async`` (a pager is iterated with ``async for``)."""

    __slots__ = ("_caller",)

    def __init__(self, caller: AsyncCaller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    async def list(
        self,
        *,
        integration_ids: str | Unset = UNSET,
        name_contains: str | Unset = UNSET,
        types: str | Unset = UNSET,
        has_schema: ListIntegrationsHasSchema | Unset = UNSET,
        include_metadata: ListIntegrationsIncludeMetadata | Unset = UNSET,
    ) -> ListIntegrationsResponse:
        """List integrations

        The workspace's data source integrations, filtered by the query. Not paginated.

        Args:
            integration_ids: Comma-separated list of integration UUIDs to filter by (e.g.
                `?integrationIds=<uuid1>,<uuid2>`).
            name_contains: Filter integrations whose name contains this value (case-insensitive).
            types: Comma-separated list of integration types to filter by exact match (e.g.
                `?types=big-query,snowflake`).
            has_schema: Filter by whether the integration type supports schema discovery.
            include_metadata: Include decrypted integration connection metadata. Restricted to
                Admins with EDIT_INTEGRATIONS permission. Defaults to `false`.

        Operation ``listIntegrations``: ``deepnote_client.api.integrations.list_integrations``.
        """
        from . import list_integrations

        return await self._caller.call(
            list_integrations,
            integration_ids=integration_ids,
            name_contains=name_contains,
            types=types,
            has_schema=has_schema,
            include_metadata=include_metadata,
        )

    async def get(
        self,
        integration_id: str | UUID,
        *,
        database_name: str | Unset = UNSET,
        schema_name: str | Unset = UNSET,
    ) -> GetIntegrationResponse:
        """Get integration with tables

        The integration and its cached tables, optionally narrowed to one database or schema. The docs
        section was cut off after the parameters: the response fields are from Deepnote's agent skills
        (tables with name, schema, optional database and columns), and the error statuses are those of
        `GET /integrations` plus 404 for an unknown integration.

        Args:
            integration_id: Integration identifier.
            database_name: Filter tables by database (relevant for Snowflake/BigQuery).
            schema_name: Filter tables by schema.

        Operation ``getIntegration``: ``deepnote_client.api.integrations.get_integration``.
        """
        from . import get_integration

        return await self._caller.call(
            get_integration,
            integration_id=integration_id,
            database_name=database_name,
            schema_name=schema_name,
        )
