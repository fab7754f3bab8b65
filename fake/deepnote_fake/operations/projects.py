"""Handlers of the spec's ``Projects`` operations (``deepnote_client.api.projects``)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from ..store import FakeDeepnote
from ..validation import json_body, opt_enum, opt_str, page_request, path_param, req_str, require_uuid
from .registry import operation

PROJECT_TYPES = ("standard", "notebook", "agent")


@operation("listProjects", "GET", "/projects")
async def list_projects(request: Request, fake: FakeDeepnote) -> Response:
    size, token = page_request(request, default_size=50)
    projects, next_token = fake.list_projects(size, token, request.query_params.get("nameContains"))
    return JSONResponse(
        fake.render.page("projects", [fake.render.project(p) for p in projects], next_token, size)
    )


@operation("createProject", "POST", "/projects")
async def create_project(request: Request, fake: FakeDeepnote) -> Response:
    body = await json_body(request)
    name = req_str(body, "name", min_length=1)
    folder_id = opt_str(body, "folderId", uuid_format=True)
    project_type = opt_enum(body, "projectType", PROJECT_TYPES)
    environment_id = opt_str(body, "environmentId")
    project = fake.create_project(
        name, folder_id=folder_id, project_type=project_type, environment_id=environment_id
    )
    return JSONResponse({"project": fake.render.project(project, detail=True)}, status_code=201)


def _project_id(request: Request) -> str:
    return require_uuid(path_param(request, "projectId"), "projectId")


@operation("getProject", "GET", "/projects/{projectId}")
async def get_project(request: Request, fake: FakeDeepnote) -> Response:
    project = fake.get_project(_project_id(request))
    return JSONResponse({"project": fake.render.project(project, detail=True)})


@operation("deleteProject", "DELETE", "/projects/{projectId}")
async def delete_project(request: Request, fake: FakeDeepnote) -> Response:
    fake.delete_project(_project_id(request))
    return Response(status_code=204)
