"""Rules of the spec's ``Notebooks`` operations (``deepnote_client.api.notebooks``)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from ..render import JSON
from ..store import FakeDeepnote
from ..validation import bad, json_body, opt_str, page_request, req_str, string_list
from .registry import rule


@rule("createNotebook")
async def create_notebook(request: Request, fake: FakeDeepnote) -> JSON:
    body = await json_body(request)
    project_id = req_str(body, "projectId", uuid_format=True)
    name = opt_str(body, "name")
    return fake.render.notebook(fake.create_notebook(project_id, name))


@rule("getNotebook")
async def get_notebook(request: Request, fake: FakeDeepnote, notebook_id: str) -> JSON:
    return fake.render.notebook(fake.get_notebook(notebook_id))


@rule("deleteNotebook")
async def delete_notebook(request: Request, fake: FakeDeepnote, notebook_id: str) -> None:
    fake.delete_notebook(notebook_id)


@rule("renameNotebook")
async def rename_notebook(request: Request, fake: FakeDeepnote, notebook_id: str) -> JSON:
    body = await json_body(request)
    name = req_str(body, "name", min_length=1)
    return fake.render.notebook(fake.rename_notebook(notebook_id, name))


def _placement(body: dict[str, Any]) -> dict[str, Any]:
    if "placement" not in body:
        raise bad("placement is required")
    placement = body["placement"]
    if not isinstance(placement, dict):
        raise bad("placement must be an object")
    kind = placement.get("type")
    if kind not in ("start", "end", "after"):
        raise bad("placement.type must be one of start, end, after")
    if kind == "after" and not isinstance(placement.get("blockId"), str):
        raise bad("placement.blockId (a string) is required when placement.type is after")
    return placement


@rule("reorderNotebookBlocks")
async def reorder_blocks(request: Request, fake: FakeDeepnote, notebook_id: str) -> list[str]:
    body = await json_body(request)
    if "blockIds" not in body:
        raise bad("blockIds is required")
    block_ids = string_list(body["blockIds"], "blockIds")
    placement = _placement(body)
    return fake.reorder_blocks(notebook_id, block_ids, placement)


@rule("listNotebookRuns")
async def list_notebook_runs(request: Request, fake: FakeDeepnote, notebook_id: str) -> JSON:
    size, token = page_request(request, default_size=20)
    runs, next_token = fake.list_runs(notebook_id, size, token)
    return fake.render.page("runs", [fake.render.run_summary(r) for r in runs], next_token, size)


@rule("scheduleNotebook")
async def schedule_notebook(request: Request, fake: FakeDeepnote, notebook_id: str) -> JSON:
    body = await json_body(request)
    unknown = sorted(set(body) - {"cron", "timezone"})
    if unknown:  # the schema is additionalProperties: false (reference N7)
        raise bad(f"Unknown field(s): {', '.join(unknown)}")
    cron = req_str(body, "cron", min_length=1)
    timezone = opt_str(body, "timezone")
    return fake.render.schedule(fake.schedule_notebook(notebook_id, cron, timezone))
