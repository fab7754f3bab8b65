"""``call`` / ``acall``: success models, typed status errors, parse errors, transport errors."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from deepnote_client.api.me import get_me
from deepnote_client.api.notebooks import delete_notebook, get_notebook, list_notebook_runs
from deepnote_client.api.runs import create_run, get_run
from deepnote_client.errors import ParseError
from deepnote_client.models import CreateRunBody, DetachedRunStorageMode, GetNotebookResponse, RunStatus
from deepnote_client.types import UNSET
from deepnote_overlay import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DeepnoteError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseParseError,
    ServerError,
)
from deepnote_overlay.calls import operation_name
from deepnote_overlay.lowlevel import acall, call
from deepnote_overlay.runs import TERMINAL_STATUSES

from .helpers import NOTEBOOK_ID, RUN_ID, assert_no_secret, mock_client, notebook_json


def answering(response: httpx.Response | Exception) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        if isinstance(response, Exception):
            raise response
        # A fresh copy each time: httpx rebinds a response's stream to the client that received it.
        return httpx.Response(response.status_code, headers=response.headers, content=response.content)

    return mock_client(handler, None)


def test_success_returns_the_parsed_model() -> None:
    client = answering(httpx.Response(200, json={"notebook": notebook_json(name="Report")}))
    result = call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert isinstance(result, GetNotebookResponse)
    assert result.notebook.name == "Report"


def test_a_bodiless_success_returns_none() -> None:
    assert call(delete_notebook, client=answering(httpx.Response(204)), notebook_id=NOTEBOOK_ID) is None


async def test_acall_returns_the_parsed_model() -> None:
    client = answering(httpx.Response(200, json={"notebook": notebook_json()}))
    result = await acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
    assert result.notebook.id == NOTEBOOK_ID


@pytest.mark.parametrize(
    ("status", "error_type"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (599, ServerError),
        (405, APIStatusError),
        (413, APIStatusError),
        (422, APIStatusError),
    ],
)
async def test_each_status_maps_to_its_error(status: int, error_type: type[APIStatusError]) -> None:
    client = answering(httpx.Response(status, json={"message": "Notebook not found"}))
    for attempt in ("sync", "async"):
        with pytest.raises(APIStatusError) as caught:
            if attempt == "sync":
                call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
            else:
                await acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
        error = caught.value
        assert type(error) is error_type
        assert (error.status_code, error.message, error.method) == (status, "Notebook not found", "GET")
        assert error.url == f"https://api.test/v2/notebooks/{NOTEBOOK_ID}"
        assert str(error) == f"{status} Notebook not found (GET https://api.test/v2/notebooks/{NOTEBOOK_ID})"
        assert_no_secret(error)


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (
            httpx.Response(500, text="<html>upstream died</html>"),
            "Internal Server Error (no error message in the",
        ),
        (httpx.Response(502), "Bad Gateway"),
        (httpx.Response(404, json={"error": "no"}), "no"),  # some of Deepnote's answers say error
        (httpx.Response(404, json={"error": 42}), "Not Found (no error message in the"),
        (httpx.Response(404, json={"message": 42}), "Not Found (no error message in the"),
        (httpx.Response(404, json=["message"]), "Not Found (no error message in the"),
        (httpx.Response(499, json={}), "Unknown status (no error message in the"),
    ],
)
def test_error_bodies_are_read_leniently(response: httpx.Response, message: str) -> None:
    with pytest.raises(APIStatusError) as caught:
        call(get_notebook, client=answering(response), notebook_id=NOTEBOOK_ID)
    assert caught.value.message.startswith(message)
    assert "upstream died" not in str(caught.value)  # a foreign error page is never quoted


def test_a_429_error_carries_retry_after_seconds_or_none() -> None:
    with pytest.raises(RateLimitError) as caught:
        call(get_me, client=answering(httpx.Response(429, json={"message": "Rate limit exceeded"})))
    assert caught.value.retry_after is None
    response = httpx.Response(429, json={"message": "Rate limit exceeded"}, headers={"RateLimit-Reset": "42"})
    with pytest.raises(RateLimitError) as caught:
        call(get_me, client=answering(response))
    assert caught.value.retry_after == 42.0
    assert "retry_after=42.0" in repr(caught.value)


@pytest.mark.parametrize(
    ("body", "field", "reason"),
    [
        ({"run": {"status": "success"}}, "run.runId", "run.runId: required field is missing"),
        ({}, "run", "run: required field is missing"),
        ({"run": {"runId": 123, "status": "success"}}, "run.runId", "expected string, got integer"),
        (
            {"run": {"runId": RUN_ID, "status": "success", "notebookId": None}},
            "run.notebookId",
            "expected string, got null",
        ),
        ({"run": {"runId": RUN_ID, "status": ["success"]}}, "run.status", "expected string, got array"),
        (
            {"run": {"runId": RUN_ID, "status": "success", "createdAt": "yesterday"}},
            "run.createdAt",
            "expected an ISO 8601 date-time",
        ),
        (
            {"run": {"runId": RUN_ID, "status": "success", "snapshotBlocks": [{"id": "a"}, {"id": 7}]}},
            "run.snapshotBlocks[1].id",
            "expected string, got integer",
        ),
        ({"run": None}, "run", "expected object, got null"),
        ([1, 2], None, "expected object, got array"),
    ],
)
async def test_a_malformed_success_body_is_a_parse_error_naming_the_path(
    body: object, field: str | None, reason: str
) -> None:
    client = answering(httpx.Response(200, json=body))
    for attempt in ("sync", "async"):
        with pytest.raises(ResponseParseError) as caught:
            if attempt == "sync":
                call(get_run, client=client, run_id=RUN_ID)
            else:
                await acall(get_run, client=client, run_id=RUN_ID)
        error = caught.value
        assert (error.operation, error.field, error.status_code, error.method) == (
            "getRun",
            field,
            200,
            "GET",
        )
        assert reason in error.reason
        assert str(error).startswith("getRun: ")
        assert error.body == body, "the decoded body is kept"
        assert isinstance(error.__cause__, ParseError)


def test_a_request_may_carry_an_enum_value_newer_than_the_client() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            202, json={"runId": RUN_ID, "status": "pending", "createdAt": "2026-01-02T03:04:05Z"}
        )

    body = CreateRunBody(notebook_id="nb", detached_run_storage_mode=DetachedRunStorageMode("newer_mode"))
    created = call(create_run, client=mock_client(handler, None), body=body)
    assert json.loads(seen[0].content)["detachedRunStorageMode"] == "newer_mode"
    assert created.run_id == RUN_ID and created.status is RunStatus.PENDING


def test_a_created_run_id_survives_a_response_that_does_not_parse() -> None:
    body = {"runId": RUN_ID, "status": "pending", "createdAt": 17}
    with pytest.raises(ResponseParseError) as caught:
        call(
            create_run, client=answering(httpx.Response(202, json=body)), body=CreateRunBody(notebook_id="nb")
        )
    assert caught.value.field == "createdAt"
    assert caught.value.body["runId"] == RUN_ID
    assert "body" not in repr(caught.value) and RUN_ID not in str(caught.value)


def test_values_newer_than_the_spec_and_extra_fields_keep_the_response() -> None:
    body = {
        "run": {
            "runId": "not-a-uuid-but-an-opaque-id",
            "status": "queued_somewhere",
            "snapshotStatus": None,
            "brandNewField": {"x": 1},
        }
    }
    run = call(get_run, client=answering(httpx.Response(200, json=body)), run_id="r").run
    assert run.run_id == "not-a-uuid-but-an-opaque-id"
    assert isinstance(run.status, RunStatus) and not run.status.is_known
    assert run.status == "queued_somewhere" and run.status.value == "queued_somewhere"
    assert run.status not in TERMINAL_STATUSES
    assert run.snapshot_status is UNSET, "an optional enum sent as null reads as absent"
    assert run["brandNewField"] == {"x": 1}
    assert run.to_dict()["status"] == "queued_somewhere"


def test_a_success_body_that_is_not_json_is_a_parse_error() -> None:
    response = httpx.Response(200, text="<html>hi</html>", headers={"content-type": "text/html"})
    with pytest.raises(ResponseParseError) as caught:
        call(list_notebook_runs, client=answering(response), notebook_id=NOTEBOOK_ID)
    assert caught.value.operation == "listNotebookRuns"
    assert caught.value.reason == "the body is not JSON (text/html)"
    assert caught.value.field is None


def test_an_undocumented_success_status_is_a_parse_error() -> None:
    response = httpx.Response(201, json={"notebook": notebook_json()})
    with pytest.raises(ResponseParseError, match="status 201 is not documented") as caught:
        call(get_notebook, client=answering(response), notebook_id=NOTEBOOK_ID)
    assert caught.value.operation == "getNotebook"


@pytest.mark.parametrize(
    ("error", "error_type"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), APIConnectionError),
        (httpx.RemoteProtocolError("Server disconnected"), APIConnectionError),
        (httpx.ReadTimeout("timed out"), APITimeoutError),
        (httpx.ConnectTimeout("timed out"), APITimeoutError),
        (httpx.PoolTimeout("timed out"), APITimeoutError),
    ],
)
async def test_transport_errors_become_connection_errors_with_the_cause_kept(
    error: httpx.TransportError, error_type: type[APIConnectionError]
) -> None:
    client = answering(error)
    for attempt in ("sync", "async"):
        with pytest.raises(APIConnectionError) as caught:
            if attempt == "sync":
                call(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
            else:
                await acall(get_notebook, client=client, notebook_id=NOTEBOOK_ID)
        assert type(caught.value) is error_type
        assert caught.value.__cause__ is error
        assert caught.value.method == "GET"
        assert caught.value.url == f"https://api.test/v2/notebooks/{NOTEBOOK_ID}"
        assert type(error).__name__ in caught.value.reason
        assert isinstance(caught.value, DeepnoteError)


def test_operation_names_are_the_spec_operation_ids() -> None:
    assert operation_name(get_notebook) == "getNotebook"
    assert operation_name(list_notebook_runs) == "listNotebookRuns"
    assert operation_name(get_me) == "getMe"


def test_generated_functions_still_work_on_a_connected_client() -> None:
    client = answering(httpx.Response(404, json={"message": "Notebook not found"}))
    response = get_notebook.sync_detailed(client=client, notebook_id=NOTEBOOK_ID)
    assert response.status_code == 404
    assert response.parsed is not None and response.parsed.message == "Notebook not found"  # type: ignore[union-attr]


def test_an_unexpected_parser_failure_is_still_a_parse_error() -> None:
    def parse_response(response: httpx.Response) -> object:
        raise KeyError("surprise")

    endpoint = SimpleNamespace(
        OPERATION_ID="getThing",
        build_request=lambda: {"method": "get", "url": "/thing"},
        parse_response=parse_response,
    )
    with pytest.raises(ResponseParseError, match="does not match the schema: KeyError") as caught:
        call(endpoint, client=answering(httpx.Response(200, json={"a": 1})))  # type: ignore[arg-type]
    assert caught.value.body == {"a": 1}
    assert isinstance(caught.value.__cause__, KeyError)
