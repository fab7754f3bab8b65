"""Rules of the spec's ``Blocks`` operations (``deepnote_client.api.blocks``)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from ..render import JSON
from ..store import FakeDeepnote
from ..validation import (
    bad,
    json_body,
    opt_bool,
    opt_int,
    opt_object,
    opt_str,
    reject_unknown,
    req_str,
)
from .registry import rule

# The 26 documented block types (reference 6.1, B1).
BLOCK_TYPES = (
    "code",
    "sql",
    "markdown",
    "notebook-function",
    "input-text",
    "input-textarea",
    "input-select",
    "input-date",
    "input-date-range",
    "input-slider",
    "input-file",
    "input-checkbox",
    "text-cell-h1",
    "text-cell-h2",
    "text-cell-h3",
    "text-cell-p",
    "text-cell-bullet",
    "text-cell-todo",
    "text-cell-callout",
    "visualization",
    "pivot-table",
    "image",
    "button",
    "separator",
    "big-number",
    "agent",
)


@rule("createBlock")
async def create_block(request: Request, fake: FakeDeepnote) -> JSON:
    body = await json_body(request)
    notebook_id = req_str(body, "notebookId")
    block_type = req_str(body, "type")
    if block_type not in BLOCK_TYPES:
        raise bad(f"type must be one of {', '.join(BLOCK_TYPES)}")
    content = opt_str(body, "content")
    metadata = opt_object(body, "metadata")
    integration_id = opt_str(body, "integrationId", uuid_format=True)
    position = opt_int(body, "position", minimum=0)
    with_ids = opt_bool(body, "includeNotebookBlockIds")
    block, notebook = fake.create_block(
        notebook_id,
        block_type,
        content=content or "",
        metadata=metadata,
        integration_id=integration_id,
        position=position,
    )
    data: dict[str, Any] = {"block": fake.render.block(block, notebook)}
    if with_ids:
        data["notebookBlockIds"] = [b.id for b in notebook.blocks]
    return data


@rule("getBlock")
async def get_block(request: Request, fake: FakeDeepnote, block_id: str) -> JSON:
    block, notebook = fake.get_block(block_id)
    return fake.render.block(block, notebook)


@rule("updateBlock")
async def update_block(request: Request, fake: FakeDeepnote, block_id: str) -> JSON:
    body = await json_body(request)
    # content and integrationId only, never metadata or type (reference 6.1, B3).
    reject_unknown(body, {"content", "integrationId"})
    if not body:
        raise bad("At least one of content, integrationId is required")
    content = opt_str(body, "content")
    integration_id = opt_str(body, "integrationId", uuid_format=True)
    block = fake.update_block(block_id, content=content, integration_id=integration_id)
    return {"id": block.id, "version": block.version}


@rule("deleteBlock")
async def delete_block(request: Request, fake: FakeDeepnote, block_id: str) -> None:
    fake.delete_block(block_id)
