"""Rules of the spec's ``Sessions`` operations (``deepnote_client.api.sessions``, beta)."""

from __future__ import annotations

from starlette.requests import Request

from ..render import JSON
from ..store import FakeDeepnote
from ..validation import bad, input_value_ok, json_body, opt_enum, opt_int, req_str
from .registry import rule

STORAGE_MODES = ("read_write", "readonly")


@rule("createSession")
async def create_session(request: Request, fake: FakeDeepnote) -> JSON:
    body = await json_body(request)
    notebook_id = req_str(body, "notebookId")
    storage_mode = opt_enum(body, "storageMode", STORAGE_MODES)
    inputs = body.get("inputs", {})
    if not isinstance(inputs, dict):
        raise bad("inputs must be an object keyed by input name")
    for name, value in inputs.items():
        if not input_value_ok(value):
            raise bad(f'inputs["{name}"] must be a string, a boolean or an array of strings')
    session, run = fake.create_session(notebook_id, inputs=inputs, storage_mode=storage_mode)
    return {"session": fake.render.session(session), "run": fake.render.run_summary(run)}


@rule("executeSessionCode")
async def execute_session_code(request: Request, fake: FakeDeepnote, session_id: str) -> JSON:
    body = await json_body(request)
    notebook_id = req_str(body, "notebookId")
    code = req_str(body, "code")
    opt_int(body, "timeoutMs", minimum=1)
    return {"outputs": fake.execute_in_session(session_id, notebook_id, code)}
