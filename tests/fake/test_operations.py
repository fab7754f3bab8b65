"""One rule per operation of openapi.yaml, registered by operationId; routing comes from the spec.

A route missing from the fake would answer 404 with a well-formed error body, which the contract
run accepts as documented, so the app refuses to build without a rule for every operation. Every
count here comes from the spec.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.requests import Request

from deepnote_fake import SEED_NOTEBOOK_ID, SEED_PROJECT_ID, SEED_TOKEN, FakeDeepnote, create_app
from deepnote_fake.operations import RULES, Reply, api_routes, rule
from deepnote_fake.spec import PathParam, SpecError, SpecOperation, Success, operations_of, spec_operations
from tests.spec_tools import operations as spec_operations_of_tests

SPEC_OPERATIONS = {
    str(op["operationId"]): (method.upper(), path) for method, path, op, _ in spec_operations_of_tests()
}
AUTH = {"Authorization": f"Bearer {SEED_TOKEN}"}


def served_routes(routes: list[Any]) -> set[tuple[str, str]]:
    """(method, path) pairs the ``/v2`` routes serve (HEAD is GET's shadow)."""
    return {(m, route.path) for route in routes for m in route.methods or () if m != "HEAD"}


def test_the_spec_has_operations() -> None:
    assert SPEC_OPERATIONS  # the comparisons below are not vacuous


def test_the_fake_reads_every_operation_of_the_spec() -> None:
    read = {op_id: (op.method, op.path) for op_id, op in spec_operations().items()}
    assert read == SPEC_OPERATIONS


def test_every_spec_operation_has_a_rule_and_the_app_serves_exactly_the_spec_routes() -> None:
    assert set(RULES) == set(SPEC_OPERATIONS)
    assert served_routes(create_app().api.routes) == set(SPEC_OPERATIONS.values())


@pytest.mark.parametrize("removed", sorted(SPEC_OPERATIONS))
def test_a_missing_rule_stops_the_app_from_building(removed: str) -> None:
    rules = {op_id: handler for op_id, handler in RULES.items() if op_id != removed}
    with pytest.raises(SpecError, match=f"no rule for {removed} ") as failure:
        api_routes(rules)
    assert "the fake cannot serve the spec" in str(failure.value)


def test_a_rule_the_spec_does_not_document_stops_the_app_from_building() -> None:
    async def handler(request: Request, fake: FakeDeepnote) -> None:  # never called
        raise AssertionError

    with pytest.raises(SpecError, match="rule for stopEverything, which openapi.yaml does not document"):
        api_routes({**RULES, "stopEverything": handler})


def test_an_operation_cannot_have_two_rules() -> None:
    existing = next(iter(RULES))

    async def handler(request: Request, fake: FakeDeepnote) -> None:  # never called
        raise AssertionError

    with pytest.raises(ValueError, match=f"operation {existing} has two rules"):
        rule(existing)(handler)
    assert RULES[existing] is not handler


# --- what the spec decides -------------------------------------------------------------------------


def test_path_parameter_formats_and_wrappers_come_from_the_spec() -> None:
    ops = spec_operations()
    assert ops["getRun"].path_params == (PathParam("runId", "uuid"),)
    assert ops["getNotebook"].path_params == (PathParam("notebookId", None),)
    assert ops["getNotebook"].successes == (Success(200, "application/json", "notebook"),)
    assert ops["createNotebook"].successes == (Success(201, "application/json", "notebook"),)
    assert ops["createRun"].successes == (Success(202, "application/json", None),)  # three keys
    assert ops["getIntegration"].successes == (Success(200, "application/json", None),)  # optional key
    assert ops["deleteNotebook"].successes == (Success(204, None, None),)
    assert ops["exportProject"].successes == (Success(200, "application/zip", None),)


def _spec(parameter_schema: dict[str, Any], responses: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "paths": {
            "/things/{thingId}": {
                "get": {
                    "operationId": "getThing",
                    "parameters": [{"name": "thingId", "in": "path", "schema": parameter_schema}],
                    "responses": responses or {"200": {"description": "ok"}},
                }
            }
        }
    }


@pytest.mark.parametrize(
    "schema", [{"type": "integer"}, {"type": "string", "format": "date"}, {"type": "string", "pattern": "^a"}]
)
def test_a_path_parameter_the_fake_cannot_check_is_refused(schema: dict[str, Any]) -> None:
    with pytest.raises(SpecError, match="getThing: path parameter thingId"):
        operations_of(_spec(schema))


def test_an_operation_without_a_documented_success_is_refused() -> None:
    with pytest.raises(SpecError, match="getThing documents no 2xx"):
        operations_of(_spec({"type": "string"}, {"404": {"description": "no"}}))


# --- the app derives the rest --------------------------------------------------------------------


async def _get(app: Any, path: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://localhost/v2", headers=AUTH) as client:
        return await client.get(path)


async def test_a_uuid_path_parameter_is_checked_before_the_rule_runs() -> None:
    response = await _get(create_app(), "/projects/not-a-uuid")
    assert (response.status_code, response.json()) == (400, {"message": "projectId must be a UUID"})
    response = await _get(create_app(), f"/projects/{SEED_PROJECT_ID.upper()}x")
    assert response.status_code == 400


async def test_an_opaque_path_parameter_reaches_the_rule_decoded() -> None:
    seen: list[str] = []

    async def get_notebook(request: Request, fake: FakeDeepnote, notebook_id: str) -> Any:
        seen.append(notebook_id)
        return {"id": notebook_id}

    app = create_app()
    app.api.routes = api_routes({**RULES, "getNotebook": get_notebook})
    response = await _get(app, "/notebooks/a%2Fb%25c")
    assert seen == ["a/b%c"]
    assert (response.status_code, response.json()) == (200, {"notebook": {"id": "a/b%c"}})


def _one_operation(successes: tuple[Success, ...]) -> SpecOperation:
    return SpecOperation("getThing", "GET", "/things", (), successes)


@pytest.mark.parametrize(
    ("successes", "result", "status", "body"),
    [
        ((Success(200, "application/json", "thing"),), {"id": "t"}, 200, b'{"thing":{"id":"t"}}'),
        ((Success(201, "application/json", None),), {"a": 1, "b": 2}, 201, b'{"a":1,"b":2}'),
        ((Success(204, None, None),), None, 204, b""),
        ((Success(200, "application/zip", None),), b"PK", 200, b"PK"),
        (
            (Success(200, "application/json", None), Success(202, "application/json", None)),
            Reply(202, {}),
            202,
            b"{}",
        ),
    ],
)
async def test_the_response_comes_from_the_documented_success(
    successes: tuple[Success, ...], result: Any, status: int, body: bytes
) -> None:
    async def get_thing(request: Request, fake: FakeDeepnote) -> Any:
        return result

    app = create_app()
    app.api.routes = api_routes({"getThing": get_thing}, [_one_operation(successes)])
    response = await _get(app, "/things")
    assert (response.status_code, response.content) == (status, body)
    if successes[0].media_type not in (None, "application/json"):
        assert response.headers["content-type"] == successes[0].media_type


async def test_a_streamed_payload_is_sent_in_chunks_with_the_spec_media_type() -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b"a"
        yield b"b"

    async def get_thing(request: Request, fake: FakeDeepnote) -> Any:
        return chunks()

    app = create_app()
    app.api.routes = api_routes(
        {"getThing": get_thing}, [_one_operation((Success(200, "application/octet-stream", None),))]
    )
    response = await _get(app, "/things")
    assert (response.status_code, response.content) == (200, b"ab")
    assert response.headers["content-type"] == "application/octet-stream"
    assert "content-length" not in response.headers


@pytest.mark.parametrize(
    ("successes", "result", "problem"),
    [
        ((Success(200, "application/json", None),), Reply(201, {}), "does not document 201"),
        ((Success(204, None, None),), {"x": 1}, "has no body"),
        ((Success(200, "application/zip", None),), "text", "return bytes or chunks"),
        ((Success(200, None, None), Success(204, None, None)), None, "return a Reply"),
    ],
)
async def test_a_result_the_spec_does_not_document_is_a_server_error(
    successes: tuple[Success, ...], result: Any, problem: str
) -> None:
    async def get_thing(request: Request, fake: FakeDeepnote) -> Any:
        return result

    app = create_app()
    app.api.routes = api_routes({"getThing": get_thing}, [_one_operation(successes)])
    with pytest.raises(RuntimeError, match=problem):
        await _get(app, "/things")


# --- the request log names the operation -----------------------------------------------------------


async def test_each_recorded_request_names_its_operation(fake_state: FakeDeepnote) -> None:
    app = create_app(fake_state)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://localhost/v2", headers=AUTH) as client:
        await client.get(f"/notebooks/{SEED_NOTEBOOK_ID}")
        await client.head(f"/notebooks/{SEED_NOTEBOOK_ID}")
        await client.get(f"/notebooks/{SEED_NOTEBOOK_ID}/runs")
        await client.post("/files/copy", json={})
        await client.put("/notebooks")  # no operation: 405
        await client.get("/nothing-here")  # no operation: 404
    assert [(r.operation_id, r.status) for r in fake_state.requests] == [
        ("getNotebook", 200),
        ("getNotebook", 200),
        ("listNotebookRuns", 200),
        ("copyFile", 400),
        (None, 405),
        (None, 404),
    ]
