"""Rules of the spec's ``Files`` operations (``deepnote_client.api.files``).

``POST /files`` is multipart (``projectId``, ``path``, ``file``); Starlette spools the file part to
disk past 1 MB while parsing. ``GET /files/download`` streams the bytes chunked, without
``Content-Length``, as Deepnote does (reference 6.2).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from starlette.datastructures import UploadFile
from starlette.requests import Request

from ..render import JSON
from ..store import FakeDeepnote
from ..validation import bad, json_body, req_str, require_uuid
from .registry import rule

DOWNLOAD_CHUNK = 64 * 1024


def _query(request: Request, name: str) -> str:
    value = request.query_params.get(name)
    if value is None:
        raise bad(f"{name} is required")
    if not value:
        raise bad(f"{name} must not be empty")
    return value


def _file_query(request: Request) -> tuple[str, str]:
    return require_uuid(_query(request, "projectId"), "projectId"), _query(request, "path")


@rule("createFile")
async def create_file(request: Request, fake: FakeDeepnote) -> JSON:
    content_type = request.headers.get("content-type", "")
    if content_type.split(";")[0].strip().lower() != "multipart/form-data":
        raise bad("Request body must be multipart/form-data")
    try:
        # Unknown extra fields are ignored (the schema is open), so the limits are generous.
        form = await request.form(max_files=16, max_fields=1000)
    except Exception:  # noqa: BLE001  # python-multipart and Starlette raise several kinds for a bad body
        raise bad("Request body is not valid multipart/form-data") from None
    try:
        fields = {key: value for key, value in form.multi_items() if isinstance(value, str)}
        project_id = req_str(fields, "projectId", uuid_format=True)
        path = req_str(fields, "path", min_length=1)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise bad("file is required (a file part)")
        content = await upload.read()
    finally:
        await form.close()
    return fake.create_file(project_id, path, content)


@rule("deleteFile")
async def delete_file(request: Request, fake: FakeDeepnote) -> None:
    project_id, path = _file_query(request)
    fake.delete_file(project_id, path)


@rule("copyFile")
async def copy_file(request: Request, fake: FakeDeepnote) -> JSON:
    body = await json_body(request)
    source = req_str(body, "sourceProjectId", uuid_format=True)
    target = req_str(body, "targetProjectId", uuid_format=True)
    path = req_str(body, "sourceFilePath", min_length=1)
    return {"file": fake.copy_file(source, target, path)}


@rule("downloadFile")
async def download_file(request: Request, fake: FakeDeepnote) -> AsyncIterator[bytes]:
    project_id, path = _file_query(request)
    content = fake.file_content(project_id, path)

    async def chunks() -> AsyncIterator[bytes]:
        view = memoryview(content)
        for start in range(0, len(view), DOWNLOAD_CHUNK):
            yield bytes(view[start : start + DOWNLOAD_CHUNK])

    return chunks()
