"""Handlers of the spec's ``Runs`` operations (``deepnote_client.api.runs``)."""

from __future__ import annotations

import functools

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..auth import StoreHandler
from ..errors import ApiError
from ..render import SNAPSHOT_DELIVERIES
from ..store import FakeDeepnote
from ..validation import (
    bad,
    input_value_ok,
    json_body,
    opt_bool,
    opt_enum,
    opt_str,
    path_param,
    req_str,
    require_uuid,
    string_list,
)
from .registry import operation

STORAGE_MODES = ("read_write", "readonly")


def _shaped_errors(handler: StoreHandler) -> StoreHandler:
    """The run operations' errors with the key of the fake's ``run_shape`` (``message`` or ``error``)."""

    @functools.wraps(handler)
    async def answer(request: Request, fake: FakeDeepnote) -> Response:
        try:
            return await handler(request, fake)
        except ApiError as exc:
            key = fake.run_shape.error_key
            return JSONResponse({key: exc.message}, status_code=exc.status, headers=exc.headers or None)

    return answer


@operation("createRun", "POST", "/runs")
@_shaped_errors
async def create_run(request: Request, fake: FakeDeepnote) -> Response:
    body = await json_body(request)
    notebook_id = req_str(body, "notebookId")
    detached = opt_bool(body, "detached")
    opt_enum(body, "detachedRunStorageMode", STORAGE_MODES)
    block_ids = string_list(body["blockIds"], "blockIds") if "blockIds" in body else None
    run_dependent = opt_bool(body, "runDependentBlocks")
    opt_str(body, "machineType")
    inputs = body.get("inputs", {})
    if not isinstance(inputs, dict):
        raise bad("inputs must be an object keyed by input name")
    for name, value in inputs.items():
        if not input_value_ok(value):
            raise bad(f'inputs["{name}"] must be a string, a boolean or an array of strings')
    run = fake.create_run(
        notebook_id,
        detached=detached,
        block_ids=block_ids,
        run_dependent_blocks=run_dependent,
        inputs=inputs,
    )
    status, answer = fake.render.created_run(run)
    return JSONResponse(answer, status_code=status)


@operation("getRun", "GET", "/runs/{runId}")
@_shaped_errors
async def get_run(request: Request, fake: FakeDeepnote) -> Response:
    run_id = require_uuid(path_param(request, "runId"), "runId")
    delivery = request.query_params.get("snapshotDelivery", "downloadUrl")
    if delivery not in SNAPSHOT_DELIVERIES:
        raise bad(f"snapshotDelivery must be one of {', '.join(SNAPSHOT_DELIVERIES)}")
    run = fake.get_run(run_id)
    snapshot_base = str(request.base_url).rstrip("/") + "/_fake/snapshots"
    return JSONResponse(fake.render.run_answer(run, delivery, snapshot_base))
