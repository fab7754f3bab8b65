"""Integration rules (reference 6.5, I1-I2): the list filters and the tables of one integration.

``includeMetadata=true`` needs EDIT_INTEGRATIONS (``can_edit_integrations``; 403 otherwise).
"""

from __future__ import annotations

from ..errors import ApiError
from ..records import Integration, IntegrationTable
from .core import StoreCore

__all__ = ["IntegrationRules"]


class IntegrationRules(StoreCore):
    def list_integrations(
        self,
        *,
        ids: list[str] | None = None,
        name_contains: str | None = None,
        types: list[str] | None = None,
        has_schema: bool | None = None,
        include_metadata: bool = False,
    ) -> list[Integration]:
        with self.lock:
            if include_metadata and not self.can_edit_integrations:
                raise ApiError(403, "Insufficient permissions to access integration metadata")
            found = list(self.integrations.values())
            if ids is not None:
                found = [i for i in found if i.id.lower() in {x.lower() for x in ids}]
            if name_contains is not None:
                found = [i for i in found if name_contains.casefold() in i.name.casefold()]
            if types is not None:
                found = [i for i in found if i.type in types]  # exact match (reference 6.5, I1)
            if has_schema is not None:
                found = [i for i in found if i.has_schema is has_schema]
            return found

    def get_integration(
        self, integration_id: str, *, database: str | None = None, schema: str | None = None
    ) -> tuple[Integration, list[IntegrationTable]]:
        with self.lock:
            integration = self.integrations.get(integration_id.lower())
            if integration is None:
                raise ApiError(404, "Integration not found")
            tables = [
                t
                for t in integration.tables
                if (database is None or t.database == database) and (schema is None or t.schema == schema)
            ]
            return integration, tables
