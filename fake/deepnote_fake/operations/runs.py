"""Rules of the spec's ``Runs`` operations (``deepnote_client.api.runs``).

With the store's ``run_shape`` set (``run_shapes``), both answer in an older shape Deepnote's
clients read: off the spec on purpose, so they return the ``Response`` themselves.
"""

from __future__ import annotations

import functools
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from ..errors import ApiError
from ..render import JSON, SNAPSHOT_DELIVERIES
from ..store import FakeDeepnote
from ..validation import bad, input_value_ok, json_body, opt_bool, opt_enum, opt_str, req_str, string_list
from .registry import Rule, rule

STORAGE_MODES = ("read_write", "readonly")


def _shaped_errors(handler: Rule) -> Rule:
    """The errors the rule raises, keyed as the store's ``run_shape`` says (``message`` or ``error``)."""

    @functools.wraps(handler)
    async def answer(request: Request, fake: FakeDeepnote, *path: str) -> Any:
        try:
            return await handler(request, fake, *path)
        except ApiError as exc:
            key = fake.run_shape.error_key
            if key == "message":
                raise
            return JSONResponse({key: exc.message}, status_code=exc.status, headers=exc.headers or None)

    return answer


@rule("createRun")
@_shaped_errors
async def create_run(request: Request, fake: FakeDeepnote) -> JSON | JSONResponse:
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
    summary = fake.render.run_summary(run)
    created = {"runId": summary["runId"], "status": summary["status"], "createdAt": summary["createdAt"]}
    shape = fake.run_shape
    if not shape.traits:
        return created
    status, body = shape.created(created)
    return JSONResponse(body, status_code=status)


@rule("getRun")
@_shaped_errors
async def get_run(request: Request, fake: FakeDeepnote, run_id: str) -> JSON | JSONResponse:
    delivery = request.query_params.get("snapshotDelivery", "downloadUrl")
    if delivery not in SNAPSHOT_DELIVERIES:
        raise bad(f"snapshotDelivery must be one of {', '.join(SNAPSHOT_DELIVERIES)}")
    run = fake.get_run(run_id)
    snapshot_base = str(request.base_url).rstrip("/") + "/_fake/snapshots"
    shape = fake.run_shape
    answer = fake.render.run(run, shape.delivery(delivery), snapshot_base)
    return JSONResponse(shape.run(answer)) if shape.traits else answer
