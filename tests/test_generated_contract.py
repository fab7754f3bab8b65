"""The public contract every generated operation module has (templates/endpoint_module.py.jinja).

Each module exposes OPERATION_ID, build_request(...) and parse_response(response); a paginated
one also PAGE_ITEMS and page_items(page). `call` and `paginate` are typed over these, so mypy
rejects a misspelled or missing parameter; the last tests run mypy to prove it.
"""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from uuid import UUID

import httpx
import pytest

from deepnote_client import errors
from deepnote_client.api.notebooks import get_notebook
from deepnote_client.api.projects import get_project
from deepnote_overlay.lowlevel import call, paginate
from tests.overlay.helpers import NOTEBOOK_ID, mock_client, notebook_json
from tests.spec_tools import ROOT, load_spec, operations, resolve, snake_case


def spec_operations() -> list[tuple[str, ModuleType, list[str]]]:
    """(operationId, generated module, path parameter python names) for every operation."""
    found = []
    for _, _, operation, parameters in operations():
        module = importlib.import_module(
            # The generator names a tag's module in snake case: "Streamlit apps" -> streamlit_apps.
            f"deepnote_client.api.{operation['tags'][0].lower().replace(' ', '_')}."
            f"{snake_case(operation['operationId'])}"
        )
        path_params = [snake_case(p["name"]) for p in parameters if p["in"] == "path"]
        found.append((operation["operationId"], module, path_params))
    return found


OPERATIONS = spec_operations()
WITH_PATH_PARAMS = [(op_id, module, names) for op_id, module, names in OPERATIONS if names]


@pytest.mark.parametrize(("operation_id", "module"), [(o, m) for o, m, _ in OPERATIONS])
def test_every_module_has_the_public_contract(operation_id: str, module: ModuleType) -> None:
    assert module.OPERATION_ID == operation_id
    assert callable(module.build_request) and callable(module.parse_response)
    for stock in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
        assert callable(getattr(module, stock)), "the stock functions stay"


def test_the_items_field_of_a_page_is_named_by_the_spec() -> None:
    spec = load_spec()
    paged = {}
    for _, _, operation, _ in operations():
        success = next(r for code, r in operation["responses"].items() if code.startswith("2"))
        content = success.get("content", {}).get("application/json")
        if content is None:
            continue
        _, schema = resolve(content["schema"], spec)
        if "x-page-items" in schema:
            paged[operation["operationId"]] = snake_case(schema["x-page-items"])
    assert paged == {"listNotebookRuns": "runs", "listProjects": "projects"}
    for operation_id, module, _ in OPERATIONS:
        assert getattr(module, "PAGE_ITEMS", None) == paged.get(operation_id)


@pytest.mark.parametrize("bad", ["", ".", ".."])
@pytest.mark.parametrize(("operation_id", "module", "names"), WITH_PATH_PARAMS)
def test_empty_dot_and_dotdot_path_parameters_are_refused_before_sending(
    operation_id: str, module: ModuleType, names: list[str], bad: str
) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    client = mock_client(handler, None)
    # The path is checked before the body is looked at, so a placeholder body will do.
    body = {"body": None} if "body" in inspect.signature(module.build_request).parameters else {}
    for name in names:
        with pytest.raises(ValueError, match=f"path parameter '{name}' must not be empty, '.' or '..'"):
            module.build_request(**{name: bad}, **body)
        with pytest.raises(ValueError, match=name):
            call(module, client, **{name: bad}, **body)
        with pytest.raises(ValueError, match=name):
            module.sync_detailed(bad, client=client, **body)
    assert sent == [], f"{operation_id} sent a request with an empty, '.' or '..' path segment"


def test_path_parameters_are_one_encoded_segment_and_accept_uuids() -> None:
    request = httpx.Request(
        **get_notebook.build_request(notebook_id="a/../b"),
    )
    assert request.url.raw_path == b"/notebooks/a%2F..%2Fb"
    as_uuid = UUID("6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b")
    # An opaque id (a notebook's) as Deepnote writes it, 32 hex digits; a format: uuid id dashed.
    assert get_notebook.build_request(notebook_id=as_uuid)["url"] == f"/notebooks/{as_uuid.hex}"
    assert get_project.build_request(project_id=as_uuid)["url"] == f"/projects/{as_uuid}"


def test_parse_response_is_the_success_model_or_a_typed_error() -> None:
    ok = httpx.Response(200, json={"notebook": notebook_json(name="Report")})
    assert get_notebook.parse_response(ok).notebook.name == "Report"
    with pytest.raises(errors.UnexpectedStatus):
        get_notebook.parse_response(httpx.Response(404, json={"message": "Notebook not found"}))
    with pytest.raises(errors.ParseError) as caught:
        get_notebook.parse_response(
            httpx.Response(200, json={"notebook": {"id": NOTEBOOK_ID, "blocks": [1]}})
        )
    assert caught.value.path == "notebook.blocks[0]"


def test_importing_the_overlay_or_one_endpoint_loads_only_the_models_it_needs() -> None:
    probe = textwrap.dedent(
        """
        import sys
        import deepnote_overlay
        before = sorted(m for m in sys.modules if m.startswith("deepnote_client.models."))
        from deepnote_client.api.notebooks import get_notebook
        after = sorted(m for m in sys.modules if m.startswith("deepnote_client.models."))
        print(before)
        print(after)
        """
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    before, after = out.stdout.splitlines()
    assert before == "[]"
    assert after == str(
        ["deepnote_client.models.error_response", "deepnote_client.models.get_notebook_response"]
    )


def test_every_model_name_is_still_importable_from_the_models_package() -> None:
    from deepnote_client import models

    for name in models.__all__:
        assert getattr(models, name).__name__ == name
    assert set(models.__all__) <= set(dir(models))
    with pytest.raises(AttributeError, match="NoSuchModel"):
        models.NoSuchModel  # noqa: B018 - the access is the test


TYPED_USE = """
from deepnote_client.api.notebooks import get_notebook, list_notebook_runs
from deepnote_client.api.projects import get_project, list_projects
from deepnote_overlay.lowlevel import call, connect, paginate

client = connect("t")
notebook = call(get_notebook, client=client, notebook_id="nb").notebook
reveal_type(notebook)
call(get_project, client=client, project_id=notebook.project_id or "p")
for project in paginate(list_projects, client=client, max_items=3):
    reveal_type(project)
    call(get_project, client=client, project_id=project.id)
for run in paginate(list_notebook_runs, client=client, notebook_id=notebook.id):
    reveal_type(run)
call(get_notebook, client=client, notebok_id="nb")  # line 15
call(get_notebook, client=client)  # line 16
for project in paginate(list_projects, client=client):
    project.nmae  # line 18
paginate(get_notebook, client=client, notebook_id="nb")  # line 19
"""


def test_mypy_checks_parameters_and_knows_result_and_item_types(tmp_path: Path) -> None:
    source = tmp_path / "typed_use.py"
    source.write_text(TYPED_USE)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "cache"),
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={"MYPYPATH": f"{ROOT / 'generated'}:{ROOT / 'overlay'}", "PATH": "/usr/bin:/bin"},
    )
    lines = result.stdout.splitlines()
    revealed = [line.split("Revealed type is ")[1] for line in lines if "Revealed type" in line]
    assert revealed == [
        '"deepnote_client.models.notebook.Notebook"',
        '"deepnote_client.models.list_projects_item.ListProjectsItem"',
        '"deepnote_client.models.list_notebook_run.ListNotebookRun"',
    ], result.stdout
    errors_by_line = {int(line.split(":")[1]) for line in lines if ": error:" in line}
    assert errors_by_line == {15, 16, 18, 19}, result.stdout
    assert 'Unexpected keyword argument "notebok_id"' in result.stdout
    assert 'Missing named argument "notebook_id"' in result.stdout


def test_paginating_an_operation_without_page_items_is_refused_before_any_request() -> None:
    sent: list[httpx.Request] = []
    client = mock_client(lambda request: sent.append(request) or httpx.Response(500), None)
    with pytest.raises(TypeError, match="getNotebook is not a paginated operation"):
        next(iter(paginate(get_notebook, client=client, notebook_id=NOTEBOOK_ID)))  # type: ignore[arg-type]
    assert sent == []
