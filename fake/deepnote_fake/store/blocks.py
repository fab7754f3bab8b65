"""Block rules (reference 6.1, B1-B4): the 26 documented types, ``integrationId`` only for SQL
blocks and never as ``sql_integration_id`` inside ``metadata``, PATCH of content and integration
only, each change raising the block's version.

Not documented and chosen here: an unknown notebook on create is 400 ``Notebook not found`` (the
docs list only 400 and 401 before they were cut off; ``POST /runs`` answers the same), a
``position`` past the end appends, and a suspended project does not affect blocks.
"""

from __future__ import annotations

import uuid
from typing import Any

from ..errors import ApiError
from ..records import Block, Notebook
from .core import StoreCore

__all__ = ["BlockRules"]

SQL_INTEGRATION_KEY = "sql_integration_id"


class BlockRules(StoreCore):
    def create_block(
        self,
        notebook_id: str,
        block_type: str,
        *,
        content: str = "",
        metadata: dict[str, Any] | None = None,
        integration_id: str | None = None,
        position: int | None = None,
    ) -> tuple[Block, Notebook]:
        with self.lock:
            notebook = self.notebooks.get(notebook_id)
            if notebook is None:
                raise ApiError(400, "Notebook not found")
            if metadata is not None and SQL_INTEGRATION_KEY in metadata:
                raise ApiError(400, "metadata must not contain sql_integration_id; use integrationId")
            stored = dict(metadata or {})
            if integration_id is not None:
                self._check_sql_integration(block_type, integration_id)
                stored[SQL_INTEGRATION_KEY] = integration_id
            block = Block(
                uuid.uuid4().hex, block_type, content, metadata=stored, integration_id=integration_id
            )
            at = len(notebook.blocks) if position is None else min(position, len(notebook.blocks))
            notebook.blocks.insert(at, block)
            notebook.updated_t = self.now()
            return block, notebook

    def get_block(self, block_id: str) -> tuple[Block, Notebook]:
        with self.lock:
            return self._block(block_id)

    def update_block(
        self, block_id: str, *, content: str | None = None, integration_id: str | None = None
    ) -> Block:
        """Replace the content (an empty string is a change too) and/or the SQL integration."""
        with self.lock:
            block, notebook = self._block(block_id)
            if integration_id is not None:
                self._check_sql_integration(block.type, integration_id)
                block.integration_id = integration_id
                block.metadata = {**(block.metadata or {}), SQL_INTEGRATION_KEY: integration_id}
            if content is not None:
                block.content = content
            block.version += 1
            notebook.updated_t = self.now()
            return block

    def delete_block(self, block_id: str) -> None:
        with self.lock:
            block, notebook = self._block(block_id)
            notebook.blocks.remove(block)
            notebook.updated_t = self.now()

    def _block(self, block_id: str) -> tuple[Block, Notebook]:
        for notebook in self.notebooks.values():
            for block in notebook.blocks:
                if block.id == block_id:
                    return block, notebook
        raise ApiError(404, "block not found")  # the message of Deepnote's client test (R-blocks)

    def _check_sql_integration(self, block_type: str, integration_id: str) -> None:
        if block_type != "sql":
            raise ApiError(400, "integrationId is only allowed for sql blocks")
        integration = self.integrations.get(integration_id)
        if integration is None:
            raise ApiError(400, "Integration not found")
        if not integration.sql:
            raise ApiError(400, f'Integration "{integration.name}" is not a SQL integration')
