"""Handlers of the spec's ``Machines`` operations (``deepnote_client.api.machines``)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..store import FakeDeepnote
from ..validation import path_param, require_uuid
from .registry import operation


@operation("listMachineTypes", "GET", "/machine-types")
async def list_machine_types(request: Request, fake: FakeDeepnote) -> Response:
    return JSONResponse({"machineTypes": [fake.render.machine_type(t) for t in fake.list_machine_types()]})


@operation("getMachine", "GET", "/projects/{projectId}/machine")
async def get_machine(request: Request, fake: FakeDeepnote) -> Response:
    project_id = require_uuid(path_param(request, "projectId"), "projectId")
    machine, kind = fake.get_machine(project_id)
    return JSONResponse({"machine": fake.render.machine(machine, kind)})
