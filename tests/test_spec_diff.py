"""`make diff` (scripts/spec_diff.py): each rule on a pair of small specs, acknowledgements, exit codes."""

from __future__ import annotations

import copy
import importlib.util
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from tests.spec_tools import ROOT


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("spec_diff", ROOT / "scripts" / "spec_diff.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["spec_diff"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


spec_diff = _load()

THING = {
    "type": "object",
    "required": ["id", "status"],
    "properties": {
        "id": {"type": "string"},
        "status": {"$ref": "#/components/schemas/Status"},
        "note": {"type": "string"},
        "colour": {"$ref": "#/components/schemas/Colour"},
    },
}
BASE: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/things/{thingId}": {
            "get": {
                "operationId": "getThing",
                "parameters": [
                    {"name": "thingId", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                    },
                    "404": {"description": "missing"},
                },
            }
        },
        "/things": {
            "post": {
                "operationId": "createThing",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewThing"}}},
                },
                "responses": {
                    "201": {
                        "description": "created",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Thing": THING,
            "NewThing": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "size": {"type": "integer"},
                    "colour": {"$ref": "#/components/schemas/Colour"},
                },
            },
            # Read only (in Thing): a removed value breaks nothing, an added one is kept as unknown.
            "Status": {"type": "string", "enum": ["pending", "done"]},
            # Sent (NewThing) and read (Thing).
            "Colour": {"type": "string", "enum": ["red", "blue"]},
        }
    },
}


def changed(edit: Callable[[dict[str, Any]], None]) -> set[tuple[str, str, bool]]:
    new = copy.deepcopy(BASE)
    edit(new)
    return {(c.pointer, c.kind, c.breaking) for c in spec_diff.diff_specs(BASE, new)}


def schemas(spec: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = spec["components"]["schemas"]
    return result


GET = "#/paths/~1things~1{thingId}/get"
POST = "#/paths/~1things/post"


def test_identical_specs_have_no_changes() -> None:
    assert spec_diff.diff_specs(BASE, copy.deepcopy(BASE)) == []


# --- breaking ---------------------------------------------------------------------------------


def test_operation_removed() -> None:
    assert changed(lambda s: s["paths"].pop("/things")) == {(POST, "operation-removed", True)}


def test_operation_method_changed_is_a_move() -> None:
    def edit(s: dict[str, Any]) -> None:
        s["paths"]["/things"]["put"] = s["paths"]["/things"].pop("post")

    assert changed(edit) == {(POST, "operation-moved", True)}


def test_operation_path_changed_is_a_move() -> None:
    def edit(s: dict[str, Any]) -> None:
        s["paths"]["/items"] = s["paths"].pop("/things")

    assert changed(edit) == {(POST, "operation-moved", True)}


def test_parameter_removed() -> None:
    def edit(s: dict[str, Any]) -> None:
        del s["paths"]["/things/{thingId}"]["get"]["parameters"][1]

    assert changed(edit) == {(f"{GET}/parameters/1", "parameter-removed", True)}


def test_parameter_renamed() -> None:
    def edit(s: dict[str, Any]) -> None:
        s["paths"]["/things/{thingId}"]["get"]["parameters"][1]["name"] = "max"

    assert changed(edit) == {
        (f"{GET}/parameters/1", "parameter-removed", True),
        (f"{GET}/parameters/1", "parameter-added", False),
    }


def test_parameter_newly_required() -> None:
    def edit(s: dict[str, Any]) -> None:
        s["paths"]["/things/{thingId}"]["get"]["parameters"][1]["required"] = True

    assert changed(edit) == {(f"{GET}/parameters/1", "parameter-became-required", True)}


def test_required_parameter_added() -> None:
    def edit(s: dict[str, Any]) -> None:
        params = s["paths"]["/things/{thingId}"]["get"]["parameters"]
        params.append({"name": "q", "in": "query", "required": True, "schema": {"type": "string"}})

    assert changed(edit) == {(f"{GET}/parameters/2", "required-parameter-added", True)}


def test_request_body_field_newly_required() -> None:
    def edit(s: dict[str, Any]) -> None:
        schemas(s)["NewThing"]["required"].append("size")

    assert changed(edit) == {
        ("#/components/schemas/NewThing/properties/size", "request-field-became-required", True)
    }


def test_required_request_body_field_added() -> None:
    def edit(s: dict[str, Any]) -> None:
        schemas(s)["NewThing"]["properties"]["owner"] = {"type": "string"}
        schemas(s)["NewThing"]["required"].append("owner")

    assert changed(edit) == {
        ("#/components/schemas/NewThing/properties/owner", "required-request-field-added", True)
    }


def test_response_field_removed() -> None:
    assert changed(lambda s: schemas(s)["Thing"]["properties"].pop("note")) == {
        ("#/components/schemas/Thing/properties/note", "response-field-removed", True)
    }


def test_response_field_no_longer_required() -> None:
    assert changed(lambda s: schemas(s)["Thing"]["required"].remove("id")) == {
        ("#/components/schemas/Thing/properties/id", "response-field-no-longer-required", True)
    }


def test_type_changed() -> None:
    def edit(s: dict[str, Any]) -> None:
        schemas(s)["Thing"]["properties"]["note"] = {"type": "integer"}

    assert changed(edit) == {("#/components/schemas/Thing/properties/note", "type-changed", True)}


def test_type_narrowed_in_a_request_breaks_and_widened_does_not() -> None:
    narrowed = changed(
        lambda s: schemas(s)["NewThing"]["properties"].update(size={"type": "integer", "enum": [1]})
    )
    assert narrowed == {("#/components/schemas/NewThing/properties/size", "enum-added", True)}

    def narrow(s: dict[str, Any]) -> None:
        s["paths"]["/things/{thingId}"]["get"]["parameters"][1]["schema"] = {"type": "integer"}
        schemas(s)["NewThing"]["properties"]["name"] = {"type": ["string"]}

    def widen(s: dict[str, Any]) -> None:
        schemas(s)["NewThing"]["properties"]["name"] = {"type": ["string", "null"]}

    assert changed(narrow) == set()
    assert changed(widen) == {("#/components/schemas/NewThing/properties/name", "type-widened", False)}
    assert changed(lambda s: schemas(s)["NewThing"]["properties"]["name"].update(type="null")) == {
        ("#/components/schemas/NewThing/properties/name", "type-changed", True)
    }
    base_nullable = copy.deepcopy(BASE)
    base_nullable["components"]["schemas"]["NewThing"]["properties"]["name"] = {"type": ["string", "null"]}
    found = {(c.kind, c.breaking) for c in spec_diff.diff_specs(base_nullable, BASE)}
    assert found == {("type-narrowed", True)}


def test_type_widened_in_a_response_breaks() -> None:
    def edit(s: dict[str, Any]) -> None:
        schemas(s)["Thing"]["properties"]["note"] = {"type": ["string", "null"]}

    assert changed(edit) == {("#/components/schemas/Thing/properties/note", "type-widened", True)}


def test_enum_value_removed_from_what_the_client_sends_breaks() -> None:
    assert changed(lambda s: schemas(s)["Colour"]["enum"].remove("blue")) == {
        ("#/components/schemas/Colour/enum", "enum-value-removed", True)
    }


def test_enum_value_removed_from_what_the_client_only_reads_does_not_break() -> None:
    assert changed(lambda s: schemas(s)["Status"]["enum"].remove("done")) == {
        ("#/components/schemas/Status/enum", "enum-value-removed", False)
    }


def test_success_status_changed() -> None:
    def edit(s: dict[str, Any]) -> None:
        responses = s["paths"]["/things"]["post"]["responses"]
        responses["200"] = responses.pop("201")

    assert changed(edit) == {(f"{POST}/responses", "success-status-changed", True)}


def test_response_variant_added_breaks() -> None:
    def edit(s: dict[str, Any]) -> None:
        schemas(s)["Thing"]["properties"]["note"] = {"oneOf": [{"type": "string"}, {"type": "integer"}]}

    base = copy.deepcopy(BASE)
    schemas(base)["Thing"]["properties"]["note"] = {"oneOf": [{"type": "string"}]}
    new = copy.deepcopy(BASE)
    edit(new)
    found = {(c.pointer, c.kind, c.breaking) for c in spec_diff.diff_specs(base, new)}
    assert found == {("#/components/schemas/Thing/properties/note/oneOf/1", "variant-added", True)}


# --- not breaking -------------------------------------------------------------------------------


def test_operation_added() -> None:
    def edit(s: dict[str, Any]) -> None:
        s["paths"]["/things"]["get"] = {
            "operationId": "listThings",
            "responses": {"200": {"description": "ok"}},
        }

    assert changed(edit) == {("#/paths/~1things/get", "operation-added", False)}


def test_optional_parameter_added() -> None:
    def edit(s: dict[str, Any]) -> None:
        params = s["paths"]["/things/{thingId}"]["get"]["parameters"]
        params.append({"name": "q", "in": "query", "schema": {"type": "string"}})

    assert changed(edit) == {(f"{GET}/parameters/2", "parameter-added", False)}


def test_response_field_added() -> None:
    assert changed(lambda s: schemas(s)["Thing"]["properties"].update(tags={"type": "array"})) == {
        ("#/components/schemas/Thing/properties/tags", "response-field-added", False)
    }


def test_enum_value_added_to_what_the_client_reads() -> None:
    assert changed(lambda s: schemas(s)["Status"]["enum"].append("cancelled")) == {
        ("#/components/schemas/Status/enum", "enum-value-added", False)
    }


def test_all_of_parts_are_merged() -> None:
    def edit(s: dict[str, Any]) -> None:
        thing = schemas(s)["Thing"]
        schemas(s)["Thing"] = {
            "allOf": [thing, {"type": "object", "properties": {"extra": {"type": "string"}}}]
        }

    assert changed(edit) == {
        ("#/components/schemas/Thing/allOf/1/properties/extra", "response-field-added", False)
    }


def test_refs_are_followed_and_cycles_end() -> None:
    base = copy.deepcopy(BASE)
    schemas(base)["Thing"]["properties"]["parent"] = {"$ref": "#/components/schemas/Thing"}
    new = copy.deepcopy(base)
    schemas(new)["Thing"]["properties"].pop("note")
    found = {(c.pointer, c.kind) for c in spec_diff.diff_specs(base, new)}
    assert found == {("#/components/schemas/Thing/properties/note", "response-field-removed")}


# --- output, acknowledgements, exit status --------------------------------------------------------


def test_changelog_lines_are_grouped_by_section() -> None:
    new = copy.deepcopy(BASE)
    new["paths"].pop("/things")
    schemas(new)["Status"]["enum"].append("cancelled")
    lines, open_breaking = spec_diff.report(spec_diff.diff_specs(BASE, new), set())
    text = "\n".join(lines)
    assert open_breaking == 1
    assert "### Added\n- Thing.status: enum value 'cancelled' added" in text.replace(
        "GET /things/{thingId} 200", "Thing"
    )
    assert (
        f"### Removed\n- **Breaking:** POST /things: operation removed (`{POST}`, operation-removed)" in text
    )


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "openapi.yaml").write_text(yaml.safe_dump(BASE))
    _git(tmp_path, "add", "openapi.yaml")
    _git(tmp_path, "commit", "-q", "-m", "spec")
    new = copy.deepcopy(BASE)
    new["paths"].pop("/things")
    (tmp_path / "openapi.yaml").write_text(yaml.safe_dump(new))
    return tmp_path


def test_exit_status_one_until_the_breaking_change_is_acknowledged(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--base", "main", "--no-python"]
    assert spec_diff.main(args, repo=repo) == 1
    out = capsys.readouterr()
    assert "BREAKING" in out.out and "not acknowledged" in out.err

    ack = {"acknowledged": [{"pointer": POST, "kind": "operation-removed", "reason": "gone upstream"}]}
    (repo / "spec-changes.ack.yaml").write_text(yaml.safe_dump(ack))
    assert spec_diff.main(args, repo=repo) == 0
    assert "BREAKING (acknowledged)" in capsys.readouterr().out

    # An acknowledgement names the kind as well: another kind at the same pointer stays open.
    ack["acknowledged"][0]["kind"] = "operation-moved"
    (repo / "spec-changes.ack.yaml").write_text(yaml.safe_dump(ack))
    assert spec_diff.main(args, repo=repo) == 1


def test_no_change_exits_zero(repo: Path) -> None:
    (repo / "openapi.yaml").write_text(yaml.safe_dump(BASE))
    assert spec_diff.main(["--base", "main", "--no-python"], repo=repo) == 0


def test_a_missing_base_is_an_error_unless_skipped(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # HEAD~1 of a repository with one commit, as in CI on a first commit or a shallow clone.
    assert spec_diff.main(["--base", "HEAD~1", "--no-python"], repo=repo) == 2
    assert spec_diff.main(["--base", "HEAD~1", "--no-python", "--skip-missing-base"], repo=repo) == 0
    assert "skipped" in capsys.readouterr().out


def test_default_base_is_the_latest_release_tag(repo: Path) -> None:
    assert spec_diff.default_base(repo) == "main"
    _git(repo, "tag", "v0.9.0")
    _git(repo, "tag", "v0.10.0")
    assert spec_diff.default_base(repo) == "v0.10.0"


def test_python_surface_breakages_come_from_griffe(repo: Path) -> None:
    package = repo / "overlay" / "deepnote_overlay"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("def connect(token: str, retries: int = 3) -> None: ...\n")
    _git(repo, "add", "overlay")
    _git(repo, "commit", "-q", "-m", "overlay")
    (package / "__init__.py").write_text("def connect(token: str) -> None: ...\n")
    found = {(c.pointer, c.kind, c.breaking) for c in spec_diff.python_changes("HEAD", repo)}
    assert found == {("python:deepnote_overlay.connect(retries)", "python-parameter-removed", True)}
