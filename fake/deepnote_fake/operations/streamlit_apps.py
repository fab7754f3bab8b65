"""Handlers of the spec's ``Streamlit apps`` operations (``deepnote_client.api.streamlit_apps``)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..store import FakeDeepnote
from ..validation import bad, json_body, path_param, req_str, require_uuid
from .registry import operation


@operation("createStreamlitApp", "POST", "/streamlit-apps")
async def create_streamlit_app(request: Request, fake: FakeDeepnote) -> Response:
    body = await json_body(request)
    project_id = req_str(body, "projectId", uuid_format=True)
    entrypoint = req_str(body, "entrypoint", min_length=1)
    app = fake.create_streamlit_app(project_id, entrypoint)
    return JSONResponse({"streamlitApp": fake.render.streamlit_app(app)}, status_code=201)


@operation("listStreamlitApps", "GET", "/streamlit-apps")
async def list_streamlit_apps(request: Request, fake: FakeDeepnote) -> Response:
    project_id = request.query_params.get("projectId")
    if project_id is None:
        raise bad("projectId is required")
    apps = fake.list_streamlit_apps(require_uuid(project_id, "projectId"))
    return JSONResponse({"streamlitApps": [fake.render.streamlit_app(a) for a in apps]})


@operation("getStreamlitAppStatus", "GET", "/streamlit-apps/{streamlitAppId}/status")
async def get_streamlit_app_status(request: Request, fake: FakeDeepnote) -> Response:
    app_id = require_uuid(path_param(request, "streamlitAppId"), "streamlitAppId")
    return JSONResponse({"status": fake.streamlit_app_status(app_id)})
