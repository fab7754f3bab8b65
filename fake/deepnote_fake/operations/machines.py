"""Rules of the spec's ``Machines`` operations (``deepnote_client.api.machines``)."""

from __future__ import annotations

from starlette.requests import Request

from ..render import JSON
from ..store import FakeDeepnote
from .registry import rule


@rule("listMachineTypes")
async def list_machine_types(request: Request, fake: FakeDeepnote) -> list[JSON]:
    return [fake.render.machine_type(t) for t in fake.list_machine_types()]


@rule("getMachine")
async def get_machine(request: Request, fake: FakeDeepnote, project_id: str) -> JSON:
    machine, kind = fake.get_machine(project_id)
    return fake.render.machine(machine, kind)
