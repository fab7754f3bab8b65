"""The contract tests must fail when the spec or the fake is wrong.

Each test breaks a copy of the spec or the fake's rendering, and shows that schemathesis reports
it, both in process (``call_and_validate``) and through the same CLI pipeline as `make contract`
(``scripts/contract.py``), whose exit code must then be non-zero. Each also runs the unbroken
version of the same request, so a pass there is not an accident of the request.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from schemathesis.core.failures import FailureGroup
from starlette.requests import Request

from deepnote_fake import (
    SEED_PROJECT_ID,
    SEED_TOKEN,
    ApiError,
    FakeDeepnote,
    Notebook,
    RecordedRequest,
    Renderer,
    create_app,
)
from deepnote_fake.operations import RULES
from tests.contract.support import LOOPBACK_HOST, ROOT, asgi_schema, spec_copy

AUTH = {"Authorization": f"Bearer {SEED_TOKEN}", **LOOPBACK_HOST}


def _contract_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("contract_script", ROOT / "scripts" / "contract.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wrong_delete_status(spec: dict[str, Any]) -> dict[str, Any]:
    """deleteNotebook documented as 200 instead of the real 204."""
    responses = spec["paths"]["/notebooks/{notebookId}"]["delete"]["responses"]
    responses["200"] = responses.pop("204")
    return spec


class RendererWithoutNotebookId(Renderer):
    """A broken fake: notebooks come back without their required ``id``."""

    def notebook(self, notebook: Notebook) -> dict[str, Any]:
        data = super().notebook(notebook)
        del data["id"]
        return data


class RendererWithoutAccessLevel(Renderer):
    """A broken fake: GET /me lacks the required ``accessLevel``."""

    def me(self) -> dict[str, Any]:
        data = super().me()
        del data["accessLevel"]
        return data


def broken_fake(renderer: type[Renderer]) -> FakeDeepnote:
    fake = FakeDeepnote()
    fake.render = renderer(fake)
    return fake


def _failed_checks(exc: FailureGroup) -> set[str]:
    return {type(failure).__name__ for failure in exc.exceptions}


def test_wrong_status_code_in_spec_is_caught_in_process() -> None:
    fake = FakeDeepnote()
    notebook = fake.create_notebook(SEED_PROJECT_ID, "to delete")
    good = asgi_schema(create_app(fake))
    broken = asgi_schema(create_app(fake), spec=_wrong_delete_status(spec_copy()))

    with pytest.raises(FailureGroup) as caught:
        broken.find_operation_by_id("deleteNotebook").Case(
            path_parameters={"notebookId": notebook.id}
        ).call_and_validate(headers=AUTH)
    assert "UndefinedStatusCode" in _failed_checks(caught.value)
    assert "204" in str(caught.value)

    other = fake.create_notebook(SEED_PROJECT_ID, "to delete too")
    response = (
        good.find_operation_by_id("deleteNotebook")
        .Case(path_parameters={"notebookId": other.id})
        .call_and_validate(headers=AUTH)
    )
    assert response.status_code == 204


def test_missing_required_field_in_fake_is_caught_in_process() -> None:
    broken = asgi_schema(create_app(broken_fake(RendererWithoutNotebookId)))
    good = asgi_schema(create_app(FakeDeepnote()))
    body: Any = {"projectId": SEED_PROJECT_ID, "name": "Broken"}

    with pytest.raises(FailureGroup) as caught:
        broken.find_operation_by_id("createNotebook").Case(body=body).call_and_validate(headers=AUTH)
    assert "JsonSchemaError" in _failed_checks(caught.value)
    assert '"id" is a required property' in str(caught.value)

    response = good.find_operation_by_id("createNotebook").Case(body=body).call_and_validate(headers=AUTH)
    assert response.status_code == 201


def test_make_contract_pipeline_fails_on_a_broken_spec(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """The CLI run of `make contract`, on a spec whose getMe documents 201 instead of 200."""
    spec = spec_copy()
    responses = spec["paths"]["/me"]["get"]["responses"]
    responses["201"] = responses.pop("200")
    broken = tmp_path / "openapi.yaml"
    broken.write_text(yaml.safe_dump(spec, sort_keys=False))
    script = _contract_script()
    only_me = ["--include-operation-id", "getMe", "--phases", "examples,coverage"]

    assert script.run_fake(spec=broken, extra_args=only_me) != 0
    output = capfd.readouterr().out
    assert "Undocumented status code" in output
    assert "Documented: 401, 404, 429, 201" in output
    assert SEED_TOKEN not in output  # sanitized: the Authorization header prints as [Filtered]

    assert script.run_fake(extra_args=only_me) == 0


def test_make_contract_pipeline_fails_on_a_broken_fake(capfd: pytest.CaptureFixture[str]) -> None:
    """The CLI run of `make contract`, against a fake whose GET /me lacks a required field."""
    script = _contract_script()
    only_me = ["--include-operation-id", "getMe", "--phases", "examples"]

    assert script.run_fake(state=broken_fake(RendererWithoutAccessLevel), extra_args=only_me) != 0
    output = capfd.readouterr().out
    assert "Response violates schema" in output
    assert "accessLevel" in output
    assert SEED_TOKEN not in output


def test_make_contract_refuses_to_start_when_an_operation_has_no_rule(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """Without a rule the route would answer a documented 404 and schemathesis would pass it."""
    monkeypatch.delitem(RULES, "getMe")
    script = _contract_script()

    assert script.run_fake(state=FakeDeepnote()) == 1
    error = capfd.readouterr().err
    assert "the fake has no rule for getMe (documented in openapi.yaml)" in error


def test_make_contract_fails_when_a_documented_success_is_never_answered(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """A fake whose GET /me only ever answers a documented 403: every response conforms, yet the
    documented 200 is never seen, so the run fails naming it."""

    async def forbidden(request: Request, fake: FakeDeepnote) -> None:
        raise ApiError(403, "Insufficient permissions")

    monkeypatch.setitem(RULES, "getMe", forbidden)
    script = _contract_script()
    only_me = ["--include-operation-id", "getMe", "--phases", "examples"]

    assert script.run_fake(extra_args=only_me) != 0
    captured = capfd.readouterr()
    assert "documented successes never answered during the run: getMe 200 " in captured.err
    assert "Response violates schema" not in captured.out  # conforming answers, caught anyway


def test_the_success_check_reads_the_recorded_operation_ids() -> None:
    script = _contract_script()
    expected = {"getMe": (200,), "createNotebook": (201,), "deleteNotebook": (204,)}
    requests = [
        RecordedRequest("GET", "/me", status=200, operation_id="getMe"),
        RecordedRequest("POST", "/notebooks", status=400, operation_id="createNotebook"),
        RecordedRequest("DELETE", "/notebooks/x", status=204, operation_id="deleteNotebook"),
        RecordedRequest("POST", "/notebooks", status="dropped", operation_id="createNotebook"),
    ]
    assert script.unreached_successes(expected, requests) == [("createNotebook", 201)]
    assert script.documented_successes(ROOT / "openapi.yaml", ["--include-operation-id", "getRun"]) == {
        "getRun": (200,)
    }
    every = script.documented_successes(ROOT / "openapi.yaml")
    assert every["createRun"] == (202,) and len(every) == len(RULES)


def test_a_second_pass_covers_the_unreached_operations_and_the_ones_linking_to_them() -> None:
    script = _contract_script()
    spec = ROOT / "openapi.yaml"
    assert "createRun" in script.link_sources(spec)["getRun"]
    args = script.targeted_args(spec, [("getRun", 200), ("importProject", 200)])
    assert args == [
        *("--include-operation-id", "getRun", "--include-operation-id", "importProject"),
        *("--include-operation-id", "createRun", "--phases", "fuzzing,stateful"),
    ]
    assert script.targeted_args(spec, [("importProject", 200)])[-2:] == ["--phases", "fuzzing"]


def test_the_prepared_objects_exist_in_the_fake() -> None:
    fake = FakeDeepnote()
    prepared = _contract_script().prepare(fake)
    assert set(prepared) == {"runId", "sessionId", "targetProjectId"}
    assert fake.get_run(prepared["runId"]) and prepared["sessionId"] in fake.sessions
    assert fake.get_project(prepared["targetProjectId"]).name == "Contract copy target"
