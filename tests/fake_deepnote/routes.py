"""HTTP handlers of the fake: ``/v2`` (the Deepnote API) and ``/_fake`` (test controls).

Each ``/v2`` handler checks the bearer token, validates the request (400 naming the problem), calls
``FakeDeepnote`` and renders the documented status and body. Errors are raised as ``ApiError`` and
rendered by the app's exception handler as ``{"message": ...}``.

Path parameters arrive escaped by ``app.FakeDeepnoteApp`` (``%`` and ``/`` kept encoded, see there)
and are decoded with ``_param``.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import unquote

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from .clock import FakeClock
from .errors import ApiError
from .faults import FAULT_KINDS
from .state import FakeDeepnote
from .validation import (
    bad,
    input_value_ok,
    json_body,
    opt_bool,
    opt_enum,
    opt_str,
    page_size,
    req_str,
    require_uuid,
    string_list,
)

__all__ = ["api_routes", "control_routes"]

Handler = Callable[[Request], Awaitable[Response]]
SNAPSHOT_DELIVERIES = ("inline", "downloadUrl", "blocks")
STORAGE_MODES = ("read_write", "readonly")
PROJECT_TYPES = ("standard", "notebook", "agent")


def fake_of(request: Request) -> FakeDeepnote:
    fake: FakeDeepnote = request.app.state.fake
    return fake


def _param(request: Request, name: str) -> str:
    return unquote(str(request.path_params[name]))


def check_token(request: Request, fake: FakeDeepnote) -> None:
    """401 unless ``Authorization: Bearer <the fake's token>`` (scheme case-insensitive)."""
    header = request.headers.get("authorization")
    if not header:
        raise ApiError(401, "Missing API key: send Authorization: Bearer <token>")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), fake.token.encode()):
        raise ApiError(401, "Invalid API key")


def authenticated(handler: Callable[[Request, FakeDeepnote], Awaitable[Response]]) -> Handler:
    async def endpoint(request: Request) -> Response:
        fake = fake_of(request)
        check_token(request, fake)
        return await handler(request, fake)

    endpoint.__name__ = handler.__name__
    endpoint.__doc__ = handler.__doc__
    return endpoint


# ---------------------------------------------------------------------------- notebooks


@authenticated
async def create_notebook(request: Request, fake: FakeDeepnote) -> Response:
    body = await json_body(request)
    project_id = req_str(body, "projectId", uuid_format=True)
    name = opt_str(body, "name")
    notebook = fake.create_notebook(project_id, name)
    return JSONResponse({"notebook": fake.notebook_json(notebook)}, status_code=201)


@authenticated
async def get_notebook(request: Request, fake: FakeDeepnote) -> Response:
    notebook = fake.get_notebook(_param(request, "notebookId"))
    return JSONResponse({"notebook": fake.notebook_json(notebook)})


@authenticated
async def delete_notebook(request: Request, fake: FakeDeepnote) -> Response:
    fake.delete_notebook(_param(request, "notebookId"))
    return Response(status_code=204)


@authenticated
async def rename_notebook(request: Request, fake: FakeDeepnote) -> Response:
    body = await json_body(request)
    name = req_str(body, "name", min_length=1)
    notebook = fake.rename_notebook(_param(request, "notebookId"), name)
    return JSONResponse({"notebook": fake.notebook_json(notebook)})


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


@authenticated
async def reorder_blocks(request: Request, fake: FakeDeepnote) -> Response:
    body = await json_body(request)
    if "blockIds" not in body:
        raise bad("blockIds is required")
    block_ids = string_list(body["blockIds"], "blockIds")
    placement = _placement(body)
    order = fake.reorder_blocks(_param(request, "notebookId"), block_ids, placement)
    return JSONResponse({"blockIds": order})


@authenticated
async def list_notebook_runs(request: Request, fake: FakeDeepnote) -> Response:
    size = page_size(request, default=20)
    token = request.query_params.get("pageToken")
    runs, next_token = fake.list_runs(_param(request, "notebookId"), size, token)
    pagination = {"nextPageToken": next_token, "hasMore": next_token is not None, "pageSize": size}
    return JSONResponse({"runs": [fake.run_summary_json(r) for r in runs], "pagination": pagination})


@authenticated
async def schedule_notebook(request: Request, fake: FakeDeepnote) -> Response:
    body = await json_body(request)
    unknown = sorted(set(body) - {"cron", "timezone"})
    if unknown:  # the schema is additionalProperties: false (reference N7)
        raise bad(f"Unknown field(s): {', '.join(unknown)}")
    cron = req_str(body, "cron", min_length=1)
    timezone = opt_str(body, "timezone")
    schedule = fake.schedule_notebook(_param(request, "notebookId"), cron, timezone)
    return JSONResponse({"schedule": fake.schedule_json(schedule)})


# ---------------------------------------------------------------------------- runs


@authenticated
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
    summary = fake.run_summary_json(run)
    return JSONResponse(
        {"runId": summary["runId"], "status": summary["status"], "createdAt": summary["createdAt"]},
        status_code=202,
    )


@authenticated
async def get_run(request: Request, fake: FakeDeepnote) -> Response:
    run_id = require_uuid(_param(request, "runId"), "runId")
    delivery = request.query_params.get("snapshotDelivery", "downloadUrl")
    if delivery not in SNAPSHOT_DELIVERIES:
        raise bad(f"snapshotDelivery must be one of {', '.join(SNAPSHOT_DELIVERIES)}")
    run = fake.get_run(run_id)
    snapshot_base = str(request.base_url).rstrip("/") + "/_fake/snapshots"
    return JSONResponse({"run": fake.run_json(run, delivery, snapshot_base)})


# ---------------------------------------------------------------------------- projects and me


@authenticated
async def list_projects(request: Request, fake: FakeDeepnote) -> Response:
    size = page_size(request, default=50)
    token = request.query_params.get("pageToken")
    name_contains = request.query_params.get("nameContains")
    projects, next_token = fake.list_projects(size, token, name_contains)
    pagination = {"nextPageToken": next_token, "hasMore": next_token is not None, "pageSize": size}
    return JSONResponse({"projects": [fake.project_json(p) for p in projects], "pagination": pagination})


@authenticated
async def create_project(request: Request, fake: FakeDeepnote) -> Response:
    body = await json_body(request)
    name = req_str(body, "name", min_length=1)
    folder_id = opt_str(body, "folderId", uuid_format=True)
    project_type = opt_enum(body, "projectType", PROJECT_TYPES)
    environment_id = opt_str(body, "environmentId")
    project = fake.create_project(
        name, folder_id=folder_id, project_type=project_type, environment_id=environment_id
    )
    return JSONResponse({"project": fake.project_json(project, detail=True)}, status_code=201)


def _project_id(request: Request) -> str:
    return require_uuid(_param(request, "projectId"), "projectId")


@authenticated
async def get_project(request: Request, fake: FakeDeepnote) -> Response:
    project = fake.get_project(_project_id(request))
    return JSONResponse({"project": fake.project_json(project, detail=True)})


@authenticated
async def delete_project(request: Request, fake: FakeDeepnote) -> Response:
    fake.delete_project(_project_id(request))
    return Response(status_code=204)


@authenticated
async def get_me(request: Request, fake: FakeDeepnote) -> Response:
    return JSONResponse(fake.me_json())


def _resource(path: str, handlers: dict[str, Handler]) -> Route:
    """One route per path, dispatching on the method, so a 405 lists every method in ``Allow``
    (separate Route objects per method would each advertise only their own)."""

    async def endpoint(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await handlers[method](request)

    return Route(path, endpoint, methods=list(handlers))


def api_routes() -> list[Route]:
    """The operations of ``openapi.yaml``, relative to ``/v2``."""
    return [
        _resource("/notebooks", {"POST": create_notebook}),
        _resource(
            "/notebooks/{notebookId}",
            {"GET": get_notebook, "DELETE": delete_notebook, "PATCH": rename_notebook},
        ),
        _resource("/notebooks/{notebookId}/reorder-blocks", {"POST": reorder_blocks}),
        _resource("/notebooks/{notebookId}/runs", {"GET": list_notebook_runs}),
        _resource("/notebooks/{notebookId}/schedule", {"POST": schedule_notebook}),
        _resource("/runs", {"POST": create_run}),
        _resource("/runs/{runId}", {"GET": get_run}),
        _resource("/projects", {"GET": list_projects, "POST": create_project}),
        _resource("/projects/{projectId}", {"GET": get_project, "DELETE": delete_project}),
        _resource("/me", {"GET": get_me}),
    ]


# ---------------------------------------------------------------------------- /_fake controls


async def snapshot_download(request: Request) -> Response:
    """The target of ``snapshotDownloadUrl``: no bearer token, like a presigned URL; the ``sig``
    query parameter is checked instead, so a client must not need (or send) its token here."""
    fake = fake_of(request)
    run_id = _param(request, "runId")
    expected = fake.snapshot_signature(run_id)
    if not hmac.compare_digest(request.query_params.get("sig", ""), expected) or run_id not in fake.runs:
        return JSONResponse({"message": "Snapshot not found"}, status_code=404)
    return PlainTextResponse(fake.snapshot_document(fake.runs[run_id]), media_type="application/yaml")


@authenticated
async def control_state(request: Request, fake: FakeDeepnote) -> Response:
    return JSONResponse(
        {
            "requestCount": fake.request_count,
            "faultsFired": fake.faults.fired,
            "faultsPending": fake.faults.pending,
            "rateLimited": fake.rate_limited,
            "runOutcome": fake.run_outcome,
            "pendingSeconds": fake.pending_seconds,
            "runningSeconds": fake.running_seconds,
            "latency": fake.latency,
            "rateLimit": list(fake.rate_limit) if fake.rate_limit else None,
            "projects": {pid: fake.notebook_names(pid) for pid in list(fake.projects)},
        }
    )


@authenticated
async def control_requests(request: Request, fake: FakeDeepnote) -> Response:
    rows = [
        {
            "method": r.method,
            "path": r.path,
            "query": r.query,
            "status": r.status,
            "fault": r.fault,
            "at": r.at,
        }
        for r in list(fake.requests)
    ]
    return JSONResponse({"requests": rows})


@authenticated
async def control_inject_fault(request: Request, fake: FakeDeepnote) -> Response:
    """``POST /_fake/faults {"kind", "times"?, "method"?, "path"? (prefix), "pathRegex"?,
    "retryAfter"?, "delay"?, "field"?}``: the HTTP form of ``FaultPlan.inject``."""
    body = await json_body(request)
    kind = req_str(body, "kind")
    if kind not in FAULT_KINDS:
        raise bad(f"kind must be one of {', '.join(sorted(FAULT_KINDS))}")
    times = body.get("times", 1)
    if not isinstance(times, int) or isinstance(times, bool) or times < 1:
        raise bad("times must be a positive integer")
    path: str | re.Pattern[str] | None = opt_str(body, "path")
    regex = opt_str(body, "pathRegex")
    if regex is not None:
        path = re.compile(regex)
    fake.faults.inject(
        kind,
        times=times,
        method=opt_str(body, "method"),
        path=path,
        retry_after=_opt_number(body, "retryAfter"),
        delay=_opt_number(body, "delay"),
        field=opt_str(body, "field"),
    )
    return JSONResponse({"pending": fake.faults.pending}, status_code=201)


def _opt_number(body: dict[str, Any], key: str) -> float | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise bad(f"{key} must be a non-negative number")
    return float(value)


@authenticated
async def control_clear_faults(request: Request, fake: FakeDeepnote) -> Response:
    fake.faults.clear()
    return Response(status_code=204)


@authenticated
async def control_reset_counters(request: Request, fake: FakeDeepnote) -> Response:
    fake.reset_counters()
    return Response(status_code=204)


@authenticated
async def control_config(request: Request, fake: FakeDeepnote) -> Response:
    """``POST /_fake/config`` with any of ``runOutcome``, ``pendingSeconds``, ``runningSeconds``,
    ``snapshotSeconds``, ``latency``, ``rateLimit`` (``[N, windowSeconds]`` or null)."""
    body = await json_body(request)
    if "runOutcome" in body:
        try:
            fake.run_outcome = body["runOutcome"]
        except ValueError as exc:
            raise bad(str(exc)) from None
    for key, attr in (
        ("pendingSeconds", "pending_seconds"),
        ("runningSeconds", "running_seconds"),
        ("snapshotSeconds", "snapshot_seconds"),
        ("latency", "latency"),
    ):
        value = _opt_number(body, key)
        if value is not None:
            setattr(fake, attr, value)
    if "rateLimit" in body:
        limit = body["rateLimit"]
        if limit is None:
            fake.rate_limit = None
        elif (
            isinstance(limit, list)
            and len(limit) == 2
            and isinstance(limit[0], int)
            and isinstance(limit[1], (int, float))
        ):
            fake.rate_limit = (limit[0], float(limit[1]))
        else:
            raise bad("rateLimit must be [requests, windowSeconds] or null")
    return await control_state(request)


@authenticated
async def control_suspend(request: Request, fake: FakeDeepnote) -> Response:
    project_id = _param(request, "projectId")
    if project_id not in fake.projects:
        raise ApiError(404, "Project not found")
    fake.suspend_project(project_id, request.method == "POST")
    return Response(status_code=204)


@authenticated
async def control_advance_clock(request: Request, fake: FakeDeepnote) -> Response:
    body = await json_body(request)
    seconds = _opt_number(body, "seconds")
    if seconds is None:
        raise bad("seconds is required")
    if not isinstance(fake.clock, FakeClock):
        raise ApiError(409, "This fake runs on the real clock; start it with a FakeClock to advance time")
    fake.clock.advance(seconds)
    return Response(status_code=204)


def control_routes() -> list[Route]:
    """Test controls, relative to ``/_fake``; all but the snapshot download need the token."""
    return [
        _resource("/state", {"GET": control_state}),
        _resource("/requests", {"GET": control_requests}),
        _resource("/faults", {"POST": control_inject_fault, "DELETE": control_clear_faults}),
        _resource("/reset-counters", {"POST": control_reset_counters}),
        _resource("/config", {"POST": control_config}),
        _resource("/projects/{projectId}/suspend", {"POST": control_suspend, "DELETE": control_suspend}),
        _resource("/clock/advance", {"POST": control_advance_clock}),
        _resource("/snapshots/{runId}", {"GET": snapshot_download}),
    ]
