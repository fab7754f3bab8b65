"""Handlers of the spec's ``Notebooks`` operations (``deepnote_client.api.notebooks``)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..store import FakeDeepnote
from ..validation import bad, json_body, opt_str, page_request, path_param, req_str, string_list
from .registry import operation


@operation("createNotebook", "POST", "/notebooks")
async def create_notebook(request: Request, fake: FakeDeepnote) -> Response:
    body = await json_body(request)
    project_id = req_str(body, "projectId", uuid_format=True)
    name = opt_str(body, "name")
    notebook = fake.create_notebook(project_id, name)
    return JSONResponse({"notebook": fake.render.notebook(notebook)}, status_code=201)


@operation("getNotebook", "GET", "/notebooks/{notebookId}")
async def get_notebook(request: Request, fake: FakeDeepnote) -> Response:
    notebook = fake.get_notebook(path_param(request, "notebookId"))
    return JSONResponse({"notebook": fake.render.notebook(notebook)})


@operation("deleteNotebook", "DELETE", "/notebooks/{notebookId}")
async def delete_notebook(request: Request, fake: FakeDeepnote) -> Response:
    fake.delete_notebook(path_param(request, "notebookId"))
    return Response(status_code=204)


@operation("renameNotebook", "PATCH", "/notebooks/{notebookId}")
async def rename_notebook(request: Request, fake: FakeDeepnote) -> Response:
    body = await json_body(request)
    name = req_str(body, "name", min_length=1)
    notebook = fake.rename_notebook(path_param(request, "notebookId"), name)
    return JSONResponse({"notebook": fake.render.notebook(notebook)})


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


@operation("reorderNotebookBlocks", "POST", "/notebooks/{notebookId}/reorder-blocks")
async def reorder_blocks(request: Request, fake: FakeDeepnote) -> Response:
    body = await json_body(request)
    if "blockIds" not in body:
        raise bad("blockIds is required")
    block_ids = string_list(body["blockIds"], "blockIds")
    placement = _placement(body)
    order = fake.reorder_blocks(path_param(request, "notebookId"), block_ids, placement)
    return JSONResponse({"blockIds": order})


@operation("listNotebookRuns", "GET", "/notebooks/{notebookId}/runs")
async def list_notebook_runs(request: Request, fake: FakeDeepnote) -> Response:
    size, token = page_request(request, default_size=20)
    runs, next_token = fake.list_runs(path_param(request, "notebookId"), size, token)
    return JSONResponse(
        fake.render.page("runs", [fake.render.run_summary(r) for r in runs], next_token, size)
    )


@operation("scheduleNotebook", "POST", "/notebooks/{notebookId}/schedule")
async def schedule_notebook(request: Request, fake: FakeDeepnote) -> Response:
    body = await json_body(request)
    unknown = sorted(set(body) - {"cron", "timezone"})
    if unknown:  # the schema is additionalProperties: false (reference N7)
        raise bad(f"Unknown field(s): {', '.join(unknown)}")
    cron = req_str(body, "cron", min_length=1)
    timezone = opt_str(body, "timezone")
    schedule = fake.schedule_notebook(path_param(request, "notebookId"), cron, timezone)
    return JSONResponse({"schedule": fake.render.schedule(schedule)})
