"""Rules of the spec's ``Projects`` operations (``deepnote_client.api.projects``)."""

from __future__ import annotations

from starlette.requests import Request

from ..errors import ApiError
from ..render import JSON
from ..store import FakeDeepnote
from ..validation import (
    bad,
    json_body,
    opt_bool,
    opt_enum,
    opt_str,
    page_request,
    req_str,
)
from .registry import rule

PROJECT_TYPES = ("standard", "notebook", "agent")


@rule("listProjects")
async def list_projects(request: Request, fake: FakeDeepnote) -> JSON:
    size, token = page_request(request, default_size=50)
    projects, next_token = fake.list_projects(size, token, request.query_params.get("nameContains"))
    return fake.render.page("projects", [fake.render.project(p) for p in projects], next_token, size)


@rule("createProject")
async def create_project(request: Request, fake: FakeDeepnote) -> JSON:
    body = await json_body(request)
    name = req_str(body, "name", min_length=1)
    folder_id = opt_str(body, "folderId", uuid_format=True)
    project_type = opt_enum(body, "projectType", PROJECT_TYPES)
    environment_id = opt_str(body, "environmentId")
    project = fake.create_project(
        name, folder_id=folder_id, project_type=project_type, environment_id=environment_id
    )
    return fake.render.project(project, detail=True)


@rule("getProject")
async def get_project(request: Request, fake: FakeDeepnote, project_id: str) -> JSON:
    return fake.render.project(fake.get_project(project_id), detail=True)


@rule("deleteProject")
async def delete_project(request: Request, fake: FakeDeepnote, project_id: str) -> None:
    fake.delete_project(project_id)


# --- project settings, export/import -------------------------------------------------------------

_STATIC_FILES_KEYS = ("sharingEnabled", "apiAccessEnabled")
_UPDATE_KEYS = ("staticFiles", "streamlitAppApiAccessEnabled", "environmentId")


@rule("updateProject")
async def update_project(request: Request, fake: FakeDeepnote, project_id: str) -> JSON:
    body = await json_body(request)
    if not any(key in body for key in _UPDATE_KEYS):
        raise bad(f"At least one of {', '.join(_UPDATE_KEYS)} is required")
    static_files = body.get("staticFiles", {})
    if "staticFiles" in body:
        if not isinstance(static_files, dict):
            raise bad("staticFiles must be an object")
        if not any(key in static_files for key in _STATIC_FILES_KEYS):
            raise bad(f"staticFiles needs at least one of {', '.join(_STATIC_FILES_KEYS)}")
    environment_id = opt_str(body, "environmentId")
    if environment_id == "":
        raise bad("environmentId must not be empty")
    project = fake.update_project(
        project_id,
        sharing_enabled=opt_bool(static_files, "sharingEnabled"),
        api_access_enabled=opt_bool(static_files, "apiAccessEnabled"),
        streamlit_app_api_access_enabled=opt_bool(body, "streamlitAppApiAccessEnabled"),
        environment_id=environment_id,
    )
    return fake.render.project(project, detail=True)


@rule("exportProject")
async def export_project(request: Request, fake: FakeDeepnote, project_id: str) -> bytes:
    return fake.export_project(project_id)


def _query_bool(request: Request, name: str) -> bool:
    value = request.query_params.get(name)
    if value is None:
        return False
    if value not in ("true", "false"):
        raise bad(f"{name} must be true or false")
    return value == "true"


@rule("importProject")
async def import_project(request: Request, fake: FakeDeepnote, project_id: str) -> JSON:
    force = _query_bool(request, "force")
    delete_missing = _query_bool(request, "deleteMissingNotebooks")
    content_type = request.headers.get("content-type", "")
    if content_type.split(";")[0].strip().lower() != "application/zip":
        raise bad("Request body must be a ZIP archive (Content-Type: application/zip)")
    limit = fake.max_import_bytes
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "Archive too large")
        chunks.append(chunk)
    return fake.import_project(
        project_id,
        b"".join(chunks),
        base_modified_at=request.query_params.get("baseModifiedAt"),
        base_content_hash=request.query_params.get("baseContentHash"),
        delete_missing=delete_missing,
        force=force,
    )
