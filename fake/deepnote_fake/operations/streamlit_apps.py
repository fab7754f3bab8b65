"""Rules of the spec's ``Streamlit apps`` operations (``deepnote_client.api.streamlit_apps``)."""

from __future__ import annotations

from starlette.requests import Request

from ..render import JSON
from ..store import FakeDeepnote
from ..validation import bad, json_body, req_str, require_uuid
from .registry import rule


@rule("createStreamlitApp")
async def create_streamlit_app(request: Request, fake: FakeDeepnote) -> JSON:
    body = await json_body(request)
    project_id = req_str(body, "projectId", uuid_format=True)
    entrypoint = req_str(body, "entrypoint", min_length=1)
    return fake.render.streamlit_app(fake.create_streamlit_app(project_id, entrypoint))


@rule("listStreamlitApps")
async def list_streamlit_apps(request: Request, fake: FakeDeepnote) -> list[JSON]:
    project_id = request.query_params.get("projectId")
    if project_id is None:
        raise bad("projectId is required")
    apps = fake.list_streamlit_apps(require_uuid(project_id, "projectId"))
    return [fake.render.streamlit_app(a) for a in apps]


@rule("getStreamlitAppStatus")
async def get_streamlit_app_status(request: Request, fake: FakeDeepnote, streamlit_app_id: str) -> str:
    return fake.streamlit_app_status(streamlit_app_id)
