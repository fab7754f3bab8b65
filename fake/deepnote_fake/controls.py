"""``/_fake``: test controls for a fake served outside the test process (``make serve``).

The HTTP form of the store's knobs, faults and counters; all but the snapshot download need the
token. Requests here are never recorded in ``fake.requests``.
"""

from __future__ import annotations

import hmac
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from . import snapshots
from .auth import authenticated, fake_of
from .clock import FakeClock
from .errors import ApiError
from .faults import FAULT_KINDS
from .operations import resource
from .store import FakeDeepnote
from .validation import bad, json_body, opt_str, path_param, req_str

__all__ = ["control_routes"]


async def snapshot_download(request: Request) -> Response:
    """The target of ``snapshotDownloadUrl``: no bearer token, like a presigned URL; the ``sig``
    query parameter is checked instead, so a client must not need (or send) its token here."""
    fake = fake_of(request)
    run_id = path_param(request, "runId")
    expected = snapshots.signature(fake, run_id)
    if not hmac.compare_digest(request.query_params.get("sig", ""), expected) or run_id not in fake.runs:
        return JSONResponse({"message": "Snapshot not found"}, status_code=404)
    return PlainTextResponse(snapshots.document(fake, fake.runs[run_id]), media_type="application/yaml")


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
            "operationId": r.operation_id,
            "query": r.query,
            "status": r.status,
            "fault": r.fault,
            "at": r.at,
        }
        for r in fake.request_log.snapshot()
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
    project_id = path_param(request, "projectId")
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
        resource("/state", {"GET": control_state}),
        resource("/requests", {"GET": control_requests}),
        resource("/faults", {"POST": control_inject_fault, "DELETE": control_clear_faults}),
        resource("/reset-counters", {"POST": control_reset_counters}),
        resource("/config", {"POST": control_config}),
        resource("/projects/{projectId}/suspend", {"POST": control_suspend, "DELETE": control_suspend}),
        resource("/clock/advance", {"POST": control_advance_clock}),
        resource("/snapshots/{runId}", {"GET": snapshot_download}),
    ]
