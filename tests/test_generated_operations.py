"""Every generated operation, through httpx.MockTransport.

Requests: the right method, path, query and JSON body go out (expected values written out by hand,
so a spec or generator mistake shows). Responses: every status documented in openapi.yaml is
served with a body built from its schema, and parses into the model named after that schema,
round-tripping through `to_dict()` without losing a field.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any
from uuid import UUID

import httpx
import pytest

from deepnote_client import AuthenticatedClient, models
from deepnote_client.api.blocks import create_block, delete_block, get_block, update_block
from deepnote_client.api.files import copy_file, create_file, delete_file, download_file
from deepnote_client.api.integrations import get_integration, list_integrations
from deepnote_client.api.machines import get_machine, list_machine_types
from deepnote_client.api.me import get_me
from deepnote_client.api.notebooks import (
    create_notebook,
    delete_notebook,
    get_notebook,
    list_notebook_runs,
    rename_notebook,
    reorder_notebook_blocks,
    schedule_notebook,
)
from deepnote_client.api.projects import (
    create_project,
    delete_project,
    export_project,
    get_project,
    import_project,
    list_projects,
    update_project,
)
from deepnote_client.api.runs import create_run, get_run
from deepnote_client.api.search import search
from deepnote_client.api.sessions import create_session, execute_session_code
from deepnote_client.api.streamlit_apps import (
    create_streamlit_app,
    get_streamlit_app_status,
    list_streamlit_apps,
)
from deepnote_client.types import File
from tests.spec_tools import SAMPLE_UUID, operations, resolve, sample, snake_case

BASE_URL = "https://api.example.test/v2"
RUN_ID = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"
PROJECT_ID = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d"
INTEGRATION_ID = "3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
SESSION_ID = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a"
APP_ID = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"


@dataclass
class Case:
    endpoint: ModuleType
    kwargs: Callable[[], dict[str, Any]]
    method: str
    raw_path: str
    query: dict[str, str]
    body: Any = None
    # A multipart body is checked as its form fields (name -> bytes), a raw one as bytes.
    content_type: str = "application/json"


def run_inputs() -> models.RunInputs:
    inputs = models.RunInputs()
    inputs.additional_properties = {"region": "EU", "flag": True, "tags": ["a", "b"]}
    return inputs


CASES = {
    "createNotebook": Case(
        create_notebook,
        lambda: {"body": models.CreateNotebookBody(project_id=UUID(PROJECT_ID), name="Report")},
        "POST",
        "/v2/notebooks",
        {},
        {"projectId": PROJECT_ID, "name": "Report"},
    ),
    "getNotebook": Case(get_notebook, lambda: {"notebook_id": "nb-1"}, "GET", "/v2/notebooks/nb-1", {}),
    "deleteNotebook": Case(
        delete_notebook, lambda: {"notebook_id": "nb-1"}, "DELETE", "/v2/notebooks/nb-1", {}
    ),
    "renameNotebook": Case(
        rename_notebook,
        lambda: {"notebook_id": "nb-1", "body": models.RenameNotebookBody(name="Renamed")},
        "PATCH",
        "/v2/notebooks/nb-1",
        {},
        {"name": "Renamed"},
    ),
    "reorderNotebookBlocks": Case(
        reorder_notebook_blocks,
        lambda: {
            "notebook_id": "nb-1",
            "body": models.ReorderBlocksBody(
                block_ids=["b2", "b3"], placement=models.BlockPlacementAfter(type_="after", block_id="b0")
            ),
        },
        "POST",
        "/v2/notebooks/nb-1/reorder-blocks",
        {},
        {"blockIds": ["b2", "b3"], "placement": {"type": "after", "blockId": "b0"}},
    ),
    "listNotebookRuns": Case(
        list_notebook_runs,
        lambda: {"notebook_id": "nb-1", "page_size": 100, "page_token": "tok/+="},
        "GET",
        "/v2/notebooks/nb-1/runs",
        {"pageSize": "100", "pageToken": "tok/+="},
    ),
    "scheduleNotebook": Case(
        schedule_notebook,
        lambda: {
            "notebook_id": "nb-1",
            "body": models.ScheduleNotebookBody(cron="0 9 * * 1-5", timezone="UTC"),
        },
        "POST",
        "/v2/notebooks/nb-1/schedule",
        {},
        {"cron": "0 9 * * 1-5", "timezone": "UTC"},
    ),
    "createRun": Case(
        create_run,
        lambda: {
            "body": models.CreateRunBody(
                notebook_id="nb-1",
                detached=True,
                detached_run_storage_mode=models.DetachedRunStorageMode.READONLY,
                inputs=run_inputs(),
            )
        },
        "POST",
        "/v2/runs",
        {},
        {
            "notebookId": "nb-1",
            "detached": True,
            "detachedRunStorageMode": "readonly",
            "inputs": {"region": "EU", "flag": True, "tags": ["a", "b"]},
        },
    ),
    "getRun": Case(
        get_run,
        lambda: {"run_id": UUID(RUN_ID), "snapshot_delivery": models.SnapshotDelivery.INLINE},
        "GET",
        f"/v2/runs/{RUN_ID}",
        {"snapshotDelivery": "inline"},
    ),
    "listProjects": Case(
        list_projects,
        lambda: {"name_contains": "sales"},
        "GET",
        "/v2/projects",
        {"pageSize": "50", "nameContains": "sales"},
    ),
    "createProject": Case(
        create_project,
        lambda: {"body": models.CreateProjectBody(name="Sales", project_type=models.ProjectType.STANDARD)},
        "POST",
        "/v2/projects",
        {},
        {"name": "Sales", "projectType": "standard"},
    ),
    "getProject": Case(
        get_project, lambda: {"project_id": UUID(PROJECT_ID)}, "GET", f"/v2/projects/{PROJECT_ID}", {}
    ),
    "deleteProject": Case(
        delete_project, lambda: {"project_id": UUID(PROJECT_ID)}, "DELETE", f"/v2/projects/{PROJECT_ID}", {}
    ),
    "getMe": Case(get_me, dict, "GET", "/v2/me", {}),
    # --- blocks, search, sessions, integrations, machines, streamlit apps
    "createBlock": Case(
        create_block,
        lambda: {
            "body": models.CreateBlockBody(
                notebook_id="nb-1",
                type_=models.BlockType.SQL,
                content="select 1",
                integration_id=INTEGRATION_ID,
                position=0,
                include_notebook_block_ids=True,
            )
        },
        "POST",
        "/v2/blocks",
        {},
        {
            "notebookId": "nb-1",
            "type": "sql",
            "content": "select 1",
            "integrationId": INTEGRATION_ID,
            "position": 0,
            "includeNotebookBlockIds": True,
        },
    ),
    "getBlock": Case(get_block, lambda: {"block_id": "b-1"}, "GET", "/v2/blocks/b-1", {}),
    "updateBlock": Case(
        update_block,
        lambda: {"block_id": "b-1", "body": models.UpdateBlockBody(content="")},
        "PATCH",
        "/v2/blocks/b-1",
        {},
        {"content": ""},
    ),
    "deleteBlock": Case(delete_block, lambda: {"block_id": "b-1"}, "DELETE", "/v2/blocks/b-1", {}),
    "search": Case(
        search,
        lambda: {"q": "postgres", "types": "projects,blocks"},
        "GET",
        "/v2/search",
        {"q": "postgres", "types": "projects,blocks"},
    ),
    "createSession": Case(
        create_session,
        lambda: {
            "body": models.CreateSessionBody(
                notebook_id="nb-1", inputs=run_inputs(), storage_mode=models.SessionStorageMode.READONLY
            )
        },
        "POST",
        "/v2/sessions",
        {},
        {
            "notebookId": "nb-1",
            "inputs": {"region": "EU", "flag": True, "tags": ["a", "b"]},
            "storageMode": "readonly",
        },
    ),
    "executeSessionCode": Case(
        execute_session_code,
        lambda: {
            "session_id": SESSION_ID,
            "body": models.ExecuteSessionCodeBody(notebook_id="nb-1", code="1 / 0", timeout_ms=5000),
        },
        "POST",
        f"/v2/sessions/{SESSION_ID}/execute",
        {},
        {"notebookId": "nb-1", "code": "1 / 0", "timeoutMs": 5000},
    ),
    "listIntegrations": Case(
        list_integrations,
        lambda: {
            "integration_ids": INTEGRATION_ID,
            "name_contains": "ware",
            "types": "pgsql,snowflake",
            "has_schema": models.ListIntegrationsHasSchema.TRUE,
            "include_metadata": models.ListIntegrationsIncludeMetadata.FALSE,
        },
        "GET",
        "/v2/integrations",
        {
            "integrationIds": INTEGRATION_ID,
            "nameContains": "ware",
            "types": "pgsql,snowflake",
            "hasSchema": "true",
            "includeMetadata": "false",
        },
    ),
    "getIntegration": Case(
        get_integration,
        lambda: {"integration_id": INTEGRATION_ID, "database_name": "ANALYTICS", "schema_name": "RAW"},
        "GET",
        f"/v2/integrations/{INTEGRATION_ID}",
        {"databaseName": "ANALYTICS", "schemaName": "RAW"},
    ),
    "listMachineTypes": Case(list_machine_types, dict, "GET", "/v2/machine-types", {}),
    "getMachine": Case(
        get_machine, lambda: {"project_id": PROJECT_ID}, "GET", f"/v2/projects/{PROJECT_ID}/machine", {}
    ),
    "createStreamlitApp": Case(
        create_streamlit_app,
        lambda: {"body": models.CreateStreamlitAppBody(project_id=UUID(PROJECT_ID), entrypoint="app.py")},
        "POST",
        "/v2/streamlit-apps",
        {},
        {"projectId": PROJECT_ID, "entrypoint": "app.py"},
    ),
    "listStreamlitApps": Case(
        list_streamlit_apps,
        lambda: {"project_id": UUID(PROJECT_ID)},
        "GET",
        "/v2/streamlit-apps",
        {"projectId": PROJECT_ID},
    ),
    "getStreamlitAppStatus": Case(
        get_streamlit_app_status,
        lambda: {"streamlit_app_id": APP_ID},
        "GET",
        f"/v2/streamlit-apps/{APP_ID}/status",
        {},
    ),
    # --- files, project settings, export/import ---
    "createFile": Case(
        create_file,
        lambda: {
            "body": models.CreateFileMultipartBody(
                project_id=PROJECT_ID,
                path="data/q1.csv",
                file=File(payload=io.BytesIO(b"a,b\r\n--+++\r\n"), file_name="q1.csv", mime_type="text/csv"),
            )
        },
        "POST",
        "/v2/files",
        {},
        {
            "projectId": b"7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
            "path": b"data/q1.csv",
            "file": b"a,b\r\n--+++\r\n",
        },
        content_type="multipart/form-data",
    ),
    "deleteFile": Case(
        delete_file,
        lambda: {"project_id": UUID(PROJECT_ID), "path": "data/q1.csv"},
        "DELETE",
        "/v2/files",
        {"projectId": PROJECT_ID, "path": "data/q1.csv"},
    ),
    "copyFile": Case(
        copy_file,
        lambda: {
            "body": models.CopyFileBody(
                source_project_id=PROJECT_ID, target_project_id=RUN_ID, source_file_path="data/q1.csv"
            )
        },
        "POST",
        "/v2/files/copy",
        {},
        {"sourceProjectId": PROJECT_ID, "targetProjectId": RUN_ID, "sourceFilePath": "data/q1.csv"},
    ),
    "downloadFile": Case(
        download_file,
        lambda: {"project_id": UUID(PROJECT_ID), "path": "data/q1.csv"},
        "GET",
        "/v2/files/download",
        {"projectId": PROJECT_ID, "path": "data/q1.csv"},
    ),
    "updateProject": Case(
        update_project,
        lambda: {
            "project_id": PROJECT_ID,
            "body": models.UpdateProjectBody(
                static_files=models.UpdateProjectStaticFiles(sharing_enabled=False),
                streamlit_app_api_access_enabled=True,
            ),
        },
        "PATCH",
        f"/v2/projects/{PROJECT_ID}",
        {},
        {"staticFiles": {"sharingEnabled": False}, "streamlitAppApiAccessEnabled": True},
    ),
    "exportProject": Case(
        export_project, lambda: {"project_id": PROJECT_ID}, "GET", f"/v2/projects/{PROJECT_ID}/export", {}
    ),
    "importProject": Case(
        import_project,
        lambda: {
            "project_id": PROJECT_ID,
            "body": File(payload=io.BytesIO(b"PK\x05\x06" + bytes(18))),
            "base_content_hash": "abc",
            "force": True,
        },
        "POST",
        f"/v2/projects/{PROJECT_ID}/import",
        {"baseContentHash": "abc", "deleteMissingNotebooks": "false", "force": "true"},
        b"PK\x05\x06" + bytes(18),
        content_type="application/zip",
    ),
}


def multipart_fields(request: httpx.Request) -> dict[str, bytes]:
    """The parts of a multipart request body, by name."""
    boundary = request.headers["Content-Type"].split("boundary=", 1)[1].encode()
    fields = {}
    for part in request.content.split(b"--" + boundary)[1:-1]:
        head, _, value = part[2:-2].partition(b"\r\n\r\n")  # each part is framed by CRLFs
        name = re.search(rb'name="([^"]+)"', head)
        assert name is not None, head
        fields[name.group(1).decode()] = value
    return fields


SPEC_OPERATIONS = {op["operationId"]: (method, path, op) for method, path, op, _ in operations()}


def client_answering(status: int, body: Any, seen: list[httpx.Request]) -> AuthenticatedClient:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if body is None:
            return httpx.Response(status)
        if isinstance(body, bytes):  # a binary answer
            return httpx.Response(status, content=body, headers={"Content-Type": "application/octet-stream"})
        return httpx.Response(status, json=body, headers={"Retry-After": "3"} if status == 429 else {})

    return AuthenticatedClient(
        base_url=BASE_URL, token="test-token", httpx_args={"transport": httpx.MockTransport(handler)}
    )


def client_response(status: int, body: bytes) -> httpx.Response:
    return httpx.Response(status, content=body, request=httpx.Request("GET", BASE_URL))


def test_every_spec_operation_has_a_case() -> None:
    assert sorted(CASES) == sorted(SPEC_OPERATIONS)


@pytest.mark.parametrize("operation_id", sorted(CASES))
def test_request_goes_out_as_specified(operation_id: str) -> None:
    case = CASES[operation_id]
    seen: list[httpx.Request] = []
    # An undocumented status is not parsed, so this test looks at the request alone.
    client = client_answering(418, None, seen)
    case.endpoint.sync_detailed(client=client, **case.kwargs())
    (request,) = seen
    assert request.method == case.method
    assert request.url.raw_path.split(b"?")[0].decode() == case.raw_path
    assert dict(request.url.params) == case.query
    assert request.headers["Authorization"] == "Bearer test-token"
    if case.body is None:
        assert request.content == b""
    elif case.content_type == "multipart/form-data":
        # A random boundary from httpx, not the stock template's fixed "+++" (which the file holds).
        assert request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
        assert not request.headers["Content-Type"].endswith("boundary=+++")
        assert multipart_fields(request) == case.body
    elif case.content_type != "application/json":
        assert request.headers["Content-Type"] == case.content_type
        assert request.content == case.body
    else:
        assert request.headers["Content-Type"] == "application/json"
        assert json.loads(request.content) == case.body
    # The hand-written expectation and the spec agree on method and path template.
    method, path, _ = SPEC_OPERATIONS[operation_id]
    assert method.upper() == case.method
    assert re.fullmatch("/v2" + re.sub(r"\{[^}]+\}", "[^/]+", path), case.raw_path)


RESPONSE_CASES = [
    (operation_id, code)
    for operation_id, (_, _, op) in sorted(SPEC_OPERATIONS.items())
    for code in op["responses"]
]


@pytest.mark.parametrize(
    ("operation_id", "code"), RESPONSE_CASES, ids=[f"{o}-{c}" for o, c in RESPONSE_CASES]
)
def test_documented_response_parses_into_its_model(operation_id: str, code: str) -> None:
    _, _, op = SPEC_OPERATIONS[operation_id]
    _, response = resolve(op["responses"][code])
    case = CASES[operation_id]
    content = response.get("content", {}).get("application/json")
    body = sample(content["schema"]) if content else None
    binary = response.get("content") and content is None  # octet-stream or zip answers
    if binary:
        body = b"PK\x03\x04 any bytes"
    client = client_answering(int(code), body, [])

    result = case.endpoint.sync_detailed(client=client, **case.kwargs())

    assert result.status_code == int(code)
    if binary:
        assert isinstance(result.parsed, File) and result.parsed.payload.read() == body
        assert case.endpoint.parse_response(client_response(int(code), body)).payload.read() == body
        return
    if content is None:
        assert result.parsed is None
        return
    schema_name, _ = resolve(content["schema"])
    assert schema_name is not None, "every response body is a named component schema"
    assert type(result.parsed).__name__ == schema_name
    assert type(result.parsed).__module__ == f"deepnote_client.models.{snake_case(schema_name)}"
    assert result.parsed.to_dict() == body


def test_unknown_fields_are_kept_not_rejected() -> None:
    body = {"notebook": {"id": "nb-1", "name": "N", "lastRunAt": "2026-01-01T00:00:00Z"}, "extra": [1]}
    result = get_notebook.sync(notebook_id="nb-1", client=client_answering(200, body, []))
    assert isinstance(result, models.GetNotebookResponse)
    assert result.notebook.additional_properties == {"lastRunAt": "2026-01-01T00:00:00Z"}
    assert result.additional_properties == {"extra": [1]}


@pytest.mark.parametrize("notebook_id", ["a/../b?x=1", "../../projects", "a#frag", "sp ace%2F"])
def test_notebook_id_stays_inside_its_path_segment(notebook_id: str) -> None:
    seen: list[httpx.Request] = []
    get_notebook.sync_detailed(notebook_id=notebook_id, client=client_answering(418, None, seen))
    (request,) = seen
    raw_path = request.url.raw_path.decode()
    prefix = "/v2/notebooks/"
    assert raw_path.startswith(prefix)
    segment = raw_path[len(prefix) :]
    assert "/" not in segment and "?" not in segment and "#" not in segment
    assert request.url.query == b""
    assert httpx.URL("http://x/" + segment).path[1:] == notebook_id


def test_sample_uses_the_spec_formats() -> None:
    # Guards the helper: a sample without uuids and date-times would not exercise model parsing.
    body = sample({"$ref": "#/components/schemas/CreateRunResponse"})
    assert body["runId"] == SAMPLE_UUID
    assert body["createdAt"].startswith("2026-")
