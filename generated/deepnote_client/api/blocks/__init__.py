"""The ``blocks`` operations: one module per operation, and ``BlocksResource`` / ``AsyncBlocksResource``.

Generated from the spec by openapi-python-client with templates/resource_macros.jinja: do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...types import UNSET, Unset

if TYPE_CHECKING:
    from uuid import UUID

    from ...models.block import Block
    from ...models.block_metadata import BlockMetadata
    from ...models.block_type import BlockType
    from ...models.create_block_response import CreateBlockResponse
    from ...models.updated_block import UpdatedBlock
    from .. import AsyncCaller, Caller


__all__ = ["AsyncBlocksResource", "BlocksResource"]


class BlocksResource:
    """The blocks operations of the API, one method each."""

    __slots__ = ("_caller",)

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def create(
        self,
        *,
        notebook_id: str,
        type_: BlockType,
        content: str | Unset = UNSET,
        metadata: BlockMetadata | Unset = UNSET,
        integration_id: str | Unset = UNSET,
        position: int | Unset = UNSET,
        include_notebook_block_ids: bool | Unset = UNSET,
    ) -> CreateBlockResponse:
        """Create a block

        Creates one block in a notebook (there is no bulk endpoint: one request per block). Not
        idempotent: every call creates a new block. `integrationId` is for SQL blocks only and is stored
        in the block's metadata as `sql_integration_id`; putting `sql_integration_id` inside `metadata`
        is refused with 400, and so is the built-in `deepnote-dataframe-sql` (the body, 201 and 400 are
        from the docs; the rules from Deepnote's client code and agent skills). The docs section was cut
        off after 401, so other error statuses are not known; an unknown notebook is reported as 400.

        Args:
            notebook_id: Notebook to create the block in.
            type_: The 26 block types the docs list for `POST /blocks`.
            content: Initial block content. Defaults to an empty string.
            metadata: Block-type-specific metadata; its keys are not documented and the object is
                left open (for example `deepnote_slider_min_value` on a slider input, `color` on a
                callout, `checked` on a to-do, from Deepnote's client code and agent skills).
            integration_id: Integration ID to store in SQL block metadata as sql_integration_id.
                Only for `sql` blocks; a workspace SQL integration (never inside `metadata`).
            position: Zero-based insertion index. Omit to append at the end.
            include_notebook_block_ids: When true, response includes all block IDs in the notebook.

        Operation ``createBlock``: ``deepnote_client.api.blocks.create_block``.
        """
        from ...models.create_block_body import CreateBlockBody
        from . import create_block

        return self._caller.call(
            create_block,
            body=CreateBlockBody(
                notebook_id=notebook_id,
                type_=type_,
                content=content,
                metadata=metadata,
                integration_id=integration_id,
                position=position,
                include_notebook_block_ids=include_notebook_block_ids,
            ),
        )

    def get(self, block_id: str | UUID) -> Block:
        """Get a block

        Returns the block with its metadata, its SQL integration and its version. Known only from
        Deepnote's client code; not on the archived reference pages.

        Args:
            block_id: Block identifier.

        Operation ``getBlock``: ``deepnote_client.api.blocks.get_block``.
        """
        from . import get_block

        return self._caller.call(get_block, block_id=block_id).block

    def delete(self, block_id: str | UUID) -> None:
        """Delete a block

        Deletes the block; a block already gone is 404. Known only from Deepnote's client code.

        Args:
            block_id: Block identifier.

        Operation ``deleteBlock``: ``deepnote_client.api.blocks.delete_block``.
        """
        from . import delete_block

        self._caller.call(delete_block, block_id=block_id)

    def update(
        self,
        block_id: str | UUID,
        *,
        content: str | Unset = UNSET,
        integration_id: str | Unset = UNSET,
    ) -> UpdatedBlock:
        """Update a block

        Replaces the block's `content` and/or its SQL `integrationId` (at least one); never its metadata
        or type. The content is a full replacement, and an empty string is a real change. Known only
        from Deepnote's client code.

        Args:
            block_id: Block identifier.
            content: The block's new content, a full replacement; an empty string is a real change.
            integration_id: The SQL integration of a `sql` block.

        Operation ``updateBlock``: ``deepnote_client.api.blocks.update_block``.
        """
        from ...models.update_block_body import UpdateBlockBody
        from . import update_block

        return self._caller.call(
            update_block,
            block_id=block_id,
            body=UpdateBlockBody(content=content, integration_id=integration_id),
        ).block


class AsyncBlocksResource:
    """Async ``BlocksResource``: the same methods, ``async`` (a pager is iterated with ``async for``)."""

    __slots__ = ("_caller",)

    def __init__(self, caller: AsyncCaller) -> None:
        self._caller = caller

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    async def create(
        self,
        *,
        notebook_id: str,
        type_: BlockType,
        content: str | Unset = UNSET,
        metadata: BlockMetadata | Unset = UNSET,
        integration_id: str | Unset = UNSET,
        position: int | Unset = UNSET,
        include_notebook_block_ids: bool | Unset = UNSET,
    ) -> CreateBlockResponse:
        """Create a block

        Creates one block in a notebook (there is no bulk endpoint: one request per block). Not
        idempotent: every call creates a new block. `integrationId` is for SQL blocks only and is stored
        in the block's metadata as `sql_integration_id`; putting `sql_integration_id` inside `metadata`
        is refused with 400, and so is the built-in `deepnote-dataframe-sql` (the body, 201 and 400 are
        from the docs; the rules from Deepnote's client code and agent skills). The docs section was cut
        off after 401, so other error statuses are not known; an unknown notebook is reported as 400.

        Args:
            notebook_id: Notebook to create the block in.
            type_: The 26 block types the docs list for `POST /blocks`.
            content: Initial block content. Defaults to an empty string.
            metadata: Block-type-specific metadata; its keys are not documented and the object is
                left open (for example `deepnote_slider_min_value` on a slider input, `color` on a
                callout, `checked` on a to-do, from Deepnote's client code and agent skills).
            integration_id: Integration ID to store in SQL block metadata as sql_integration_id.
                Only for `sql` blocks; a workspace SQL integration (never inside `metadata`).
            position: Zero-based insertion index. Omit to append at the end.
            include_notebook_block_ids: When true, response includes all block IDs in the notebook.

        Operation ``createBlock``: ``deepnote_client.api.blocks.create_block``.
        """
        from ...models.create_block_body import CreateBlockBody
        from . import create_block

        return await self._caller.call(
            create_block,
            body=CreateBlockBody(
                notebook_id=notebook_id,
                type_=type_,
                content=content,
                metadata=metadata,
                integration_id=integration_id,
                position=position,
                include_notebook_block_ids=include_notebook_block_ids,
            ),
        )

    async def get(self, block_id: str | UUID) -> Block:
        """Get a block

        Returns the block with its metadata, its SQL integration and its version. Known only from
        Deepnote's client code; not on the archived reference pages.

        Args:
            block_id: Block identifier.

        Operation ``getBlock``: ``deepnote_client.api.blocks.get_block``.
        """
        from . import get_block

        return (await self._caller.call(get_block, block_id=block_id)).block

    async def delete(self, block_id: str | UUID) -> None:
        """Delete a block

        Deletes the block; a block already gone is 404. Known only from Deepnote's client code.

        Args:
            block_id: Block identifier.

        Operation ``deleteBlock``: ``deepnote_client.api.blocks.delete_block``.
        """
        from . import delete_block

        await self._caller.call(delete_block, block_id=block_id)

    async def update(
        self,
        block_id: str | UUID,
        *,
        content: str | Unset = UNSET,
        integration_id: str | Unset = UNSET,
    ) -> UpdatedBlock:
        """Update a block

        Replaces the block's `content` and/or its SQL `integrationId` (at least one); never its metadata
        or type. The content is a full replacement, and an empty string is a real change. Known only
        from Deepnote's client code.

        Args:
            block_id: Block identifier.
            content: The block's new content, a full replacement; an empty string is a real change.
            integration_id: The SQL integration of a `sql` block.

        Operation ``updateBlock``: ``deepnote_client.api.blocks.update_block``.
        """
        from ...models.update_block_body import UpdateBlockBody
        from . import update_block

        return (
            await self._caller.call(
                update_block,
                block_id=block_id,
                body=UpdateBlockBody(content=content, integration_id=integration_id),
            )
        ).block
