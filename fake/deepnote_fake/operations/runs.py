"""Rules of the spec's ``Runs`` operations (``deepnote_client.api.runs``)."""

from __future__ import annotations

from starlette.requests import Request

from ..render import JSON, SNAPSHOT_DELIVERIES
from ..store import FakeDeepnote
from ..validation import bad, input_value_ok, json_body, opt_bool, opt_enum, opt_str, req_str, string_list
from .registry import rule

STORAGE_MODES = ("read_write", "readonly")


@rule("createRun")
async def create_run(request: Request, fake: FakeDeepnote) -> JSON:
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
    return {"runId": summary["runId"], "status": summary["status"], "createdAt": summary["createdAt"]}


@rule("getRun")
async def get_run(request: Request, fake: FakeDeepnote, run_id: str) -> JSON:
    delivery = request.query_params.get("snapshotDelivery", "downloadUrl")
    if delivery not in SNAPSHOT_DELIVERIES:
        raise bad(f"snapshotDelivery must be one of {', '.join(SNAPSHOT_DELIVERIES)}")
    run = fake.get_run(run_id)
    snapshot_base = str(request.base_url).rstrip("/") + "/_fake/snapshots"
    return fake.render.run(run, delivery, snapshot_base)
