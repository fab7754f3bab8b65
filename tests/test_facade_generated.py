"""The generated facade: a method per operation of the spec, the naming rule pinned on examples, docstrings from the
spec, the hand-written helpers that replace operations, and what mypy says about a user's code."""

from __future__ import annotations

import functools
import importlib
import inspect
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jinja2
import pytest
from openapi_python_client import TEMPLATE_FILTERS, strings

from deepnote_client.api import OPERATIONS
from deepnote_overlay import AsyncDeepnote, Deepnote
from tests.spec_tools import ROOT, operations

# Operations whose job a hand-written helper does (``facade_helpers``), with the overlay function it
# is (its async twin, ``a`` + the name, on ``AsyncDeepnote``): the facade shows only the helper.
HELPERS: dict[str, tuple[str, str]] = {
    "createRun": ("deepnote_overlay.runs", "start_run"),  # dn.runs.start returns a run handle
    "createFile": ("deepnote_overlay.files", "upload_file"),
    "downloadFile": ("deepnote_overlay.files", "download_file"),
    "exportProject": ("deepnote_overlay.project_archive", "export_project"),
    "importProject": ("deepnote_overlay.project_archive", "import_project"),
}


@functools.cache
def macros() -> Any:
    """templates/resource_macros.jinja, loaded as the generator loads it (its filters, ``strings``):
    the naming rule and ``REPLACES`` are callable from here."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(ROOT / "templates"), trim_blocks=True, lstrip_blocks=True
    )
    environment.filters.update(TEMPLATE_FILTERS)
    environment.globals.update(strings=strings)
    return environment.get_template("resource_macros.jinja").module


def method_name(tag: str, operation_id: str) -> str:
    return str(macros().method_name(tag, operation_id))


def spec_operations() -> dict[str, dict[str, object]]:
    return {operation["operationId"]: operation for _, _, operation, _ in operations()}


@functools.cache
def expected_methods() -> dict[str, str]:
    """operationId -> facade method, from the spec: the naming rule (pinned on examples below), or
    the helper that replaces the operation (``REPLACES`` in templates/resource_macros.jinja)."""
    expected = {}
    for operation_id, operation in spec_operations().items():
        tag = str(operation["tags"][0])  # type: ignore[index]
        method = macros().REPLACES.get(operation_id, method_name(tag, operation_id))
        expected[operation_id] = f"{strings.snake_case(tag)}.{method}"
    return expected


def resource_class(facade: type, attribute: str) -> type:
    return type(getattr(facade("token", base_url="https://api.test/v2"), attribute))


def test_every_operation_of_the_spec_has_its_method() -> None:
    assert {op: method for op, (method, _) in OPERATIONS.items()} == expected_methods()
    assert len(set(expected_methods().values())) == len(expected_methods()), "one name per job"


def test_every_replaced_operation_is_an_operation_of_the_spec_with_a_helper() -> None:
    assert set(macros().REPLACES) == set(HELPERS)
    assert set(HELPERS) <= set(spec_operations())


@pytest.mark.parametrize("facade", [Deepnote, AsyncDeepnote])
@pytest.mark.parametrize("operation_id", sorted(set(spec_operations()) - set(HELPERS)))
def test_each_method_exists_with_the_spec_docstring(facade: type, operation_id: str) -> None:
    attribute, name = expected_methods()[operation_id].split(".")
    method = getattr(resource_class(facade, attribute), name)
    summary = str(spec_operations()[operation_id]["summary"])
    assert (method.__doc__ or "").startswith(summary)
    assert OPERATIONS[operation_id][1] in (method.__doc__ or "")
    paginated = "PageToken" in str(spec_operations()[operation_id].get("parameters"))  # pagers are not async
    is_async = facade is AsyncDeepnote and not paginated
    assert inspect.iscoroutinefunction(method) == is_async


@pytest.mark.parametrize("facade", [Deepnote, AsyncDeepnote])
@pytest.mark.parametrize("operation_id", sorted(HELPERS))
def test_a_helper_replaces_the_operation_whose_job_it_does(facade: type, operation_id: str) -> None:
    attribute, name = expected_methods()[operation_id].split(".")
    resource = resource_class(facade, attribute)
    module, function = HELPERS[operation_id]
    expected = getattr(importlib.import_module(module), ("a" if facade is AsyncDeepnote else "") + function)
    tag = next(op["tags"][0] for op_id, op in spec_operations().items() if op_id == operation_id)
    generated_name = method_name(tag, operation_id)
    if generated_name != name:
        assert not hasattr(resource, generated_name), "the helper is the one name for the job"
    bound = getattr(getattr(facade("token", base_url="https://api.test/v2"), attribute), name)
    assert bound.__func__ is expected
    assert inspect.iscoroutinefunction(bound) == (facade is AsyncDeepnote)
    assert list(inspect.signature(bound).parameters) == list(inspect.signature(expected).parameters)[1:]


@pytest.mark.parametrize("facade", [Deepnote, AsyncDeepnote])
@pytest.mark.parametrize("attribute", ["runs", "files", "projects"])
def test_a_helper_adds_methods_and_hides_no_generated_one(facade: type, attribute: str) -> None:
    resource = resource_class(facade, attribute)
    helpers, generated = resource.__mro__[1], resource.__mro__[-2]
    assert generated.__module__ == f"deepnote_client.api.{attribute}"
    assert resource.__name__ == generated.__name__
    own = {name for name in vars(helpers) if not name.startswith("_")}
    assert own and not own & {name for name in vars(generated) if not name.startswith("_")}


def test_the_generated_modules_named_in_the_table_hold_the_operation() -> None:
    for operation_id, (_, module_name) in OPERATIONS.items():
        module = importlib.import_module(module_name)
        assert module.__name__.rsplit(".", 1)[1] == strings.snake_case(operation_id)


@pytest.mark.parametrize(
    ("tag", "operation_id", "method"),
    [
        ("Notebooks", "createNotebook", "create"),
        ("Notebooks", "listNotebookRuns", "list_runs"),
        ("Notebooks", "reorderNotebookBlocks", "reorder_blocks"),
        ("Projects", "listProjects", "list"),
        ("Me", "getMe", "get"),
        ("Machines", "listMachineTypes", "list_types"),
        ("Streamlit apps", "getStreamlitAppStatus", "get_status"),
        ("Sessions", "executeSessionCode", "execute_code"),
        # Tags the spec may gain: a two-word tag, a noun in the middle, an acronym, no tag noun.
        ("Project Files", "listProjectFiles", "list"),
        ("Integrations", "attachIntegrationToProject", "attach_to_project"),
        ("Blocks", "getBlockHTMLOutput", "get_html_output"),
        ("Runs", "stopExecution", "stop_execution"),
    ],
)
def test_the_naming_rule(tag: str, operation_id: str, method: str) -> None:
    assert method_name(tag, operation_id) == method


USAGE = """\
import uuid

from deepnote_overlay import AsyncDeepnote, Deepnote

dn = Deepnote("token")
dn.notebooks.get(notebok_id="nb")
dn.notebooks.create(project_id="p", nmae="Report")
dn.runs.attach("run").wait(timout=5)
dn.run_notebook(uuid.UUID(int=1))
reveal_type(dn.notebooks.get("nb"))
reveal_type(dn.notebooks.delete("nb"))
for run in dn.notebooks.list_runs("nb", max_items=3):
    reveal_type(run)
for page in dn.projects.list().pages():
    reveal_type(page)
reveal_type(dn.run_notebook("nb"))
reveal_type(dn.run_notebook("nb", outputs=True, raise_on_failure=True))
reveal_type(dn.runs.attach("run").wait(outputs=True))
reveal_type(dn.runs.start("nb", inputs={"region": "EU"}))
dn.runs.start("nb", imputs={"region": "EU"})
reveal_type(dn.files.upload)
dn.files.upload("p", "data.csv", "data.csv", mime="text/csv")
dn.files.upload(uuid.UUID(int=2), "data.csv", "data.csv")
dn.files.download(uuid.UUID(int=2), "data.csv", "copy.csv")
dn.projects.export_to(uuid.UUID(int=2), "out")
dn.projects.import_from(uuid.UUID(int=2), "out")


async def main() -> None:
    adn = AsyncDeepnote("token")
    reveal_type(await adn.runs.get("run"))
    reveal_type(await adn.run_notebook("nb", outputs=True))
    async for project in adn.projects.list():
        reveal_type(project)
    reveal_type(await adn.runs.start("nb", check_inputs=True))
    reveal_type(await adn.runs.attach("run"))
    reveal_type(adn.files.download)
    await adn.projects.export_to("p", "out", max_file=3)
"""


def test_mypy_reports_misspellings_and_knows_the_return_types(tmp_path: Path) -> None:
    usage = tmp_path / "facade_usage.py"
    usage.write_text(USAGE, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            "pyproject.toml",
            "--cache-dir",
            ".mypy_cache",
            "--no-error-summary",
            str(usage),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = result.stdout.replace(str(usage), "usage").splitlines()
    errors = [line for line in lines if ": error:" in line]
    notes = [line.split("Revealed type is ", 1)[1] for line in lines if "Revealed type is" in line]
    assert any('Unexpected keyword argument "notebok_id"' in line for line in errors), result.stdout
    assert any('Unexpected keyword argument "nmae"' in line for line in errors), result.stdout
    assert any('Unexpected keyword argument "timout"' in line for line in errors), result.stdout
    # The hand-written methods keep their functions' parameters, on both clients.
    assert any('Unexpected keyword argument "imputs"' in line for line in errors), result.stdout
    assert any('Unexpected keyword argument "mime"' in line for line in errors), result.stdout
    assert any('Unexpected keyword argument "max_file"' in line for line in errors), result.stdout
    assert len(errors) == 6, result.stdout  # and none for an id given as a uuid.UUID
    assert notes == [
        '"deepnote_client.models.notebook.Notebook"',
        '"None"',
        '"deepnote_client.models.list_notebook_run.ListNotebookRun"',
        '"deepnote_client.models.list_projects_response.ListProjectsResponse"',
        '"deepnote_overlay.outputs.RunResult"',
        '"deepnote_overlay.outputs.RunResult"',
        '"deepnote_overlay.outputs.RunResult"',
        '"deepnote_overlay.runs.RunHandle"',
        (
            '"def (project_id: str | uuid.UUID, path: str, source: str | os.PathLike[str] | typing.IO[bytes], *, '
            "mime_type: str | None =, progress: (def (int, int | None)) | None =) -> "
            'deepnote_client.models.file_reference.FileReference"'
        ),
        '"deepnote_client.models.run.Run"',
        '"deepnote_overlay.outputs.RunResult"',
        '"deepnote_client.models.list_projects_item.ListProjectsItem"',
        '"deepnote_overlay.runs.AsyncRunHandle"',
        '"deepnote_overlay.runs.AsyncRunHandle"',
        (
            '"def (project_id: str | uuid.UUID, path: str, destination: str | os.PathLike[str] | typing.IO[bytes], *, '
            'progress: (def (int, int | None)) | None =) -> typing.Coroutine[Any, Any, int]"'
        ),
    ], result.stdout


WIDGETS_SPEC = """
openapi: 3.1.0
info: {title: widgets, version: "1"}
tags:
  - {name: Widgets, description: Widgets of the shop.}
paths:
  /widgets:
    get:
      operationId: listWidgets
      tags: [Widgets]
      summary: List widgets
      parameters:
        - {name: pageToken, in: query, schema: {type: string}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/WidgetPage"}}}}
    post:
      operationId: createWidget
      tags: [Widgets]
      summary: Create a widget
      description: Makes   a widget
        of the given name.
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties:
                name: {type: string, description: The widget's name.}
                color: {type: string}
      responses:
        "201": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/WidgetAnswer"}}}}
  /widgets/{widgetId}:
    get:
      operationId: getWidget
      tags: [Widgets]
      summary: Get a widget
      parameters:
        - {name: widgetId, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/WidgetAnswer"}}}}
    delete:
      operationId: deleteWidget
      tags: [Widgets]
      summary: Delete a widget
      parameters:
        - {name: widgetId, in: path, required: true, schema: {type: string}}
      responses:
        "204": {description: gone}
components:
  schemas:
    Widget:
      type: object
      required: [id]
      properties:
        id: {type: string}
    WidgetAnswer:
      type: object
      required: [widget]
      properties:
        widget: {$ref: "#/components/schemas/Widget"}
    WidgetPage:
      type: object
      x-page-items: widgets
      required: [widgets, pagination]
      properties:
        widgets: {type: array, items: {$ref: "#/components/schemas/Widget"}}
        pagination: {type: object, properties: {nextPageToken: {type: [string, "null"]}}}
"""

WIDGETS_PROBE = """
import asyncio
import inspect

import httpx

from widgets_client.api import OPERATIONS, AsyncResources, Resources
from widgets_client.api.widgets import AsyncWidgetsResource, WidgetsResource
from widgets_client.models.widget import Widget
from widgets_client.types import UNSET

ANSWERS = {"getWidget": (200, {"widget": {"id": "w1"}}), "createWidget": (201, {"widget": {"id": "w2"}}),
           "deleteWidget": (204, None)}


class Recorder:
    def __init__(self):
        self.sent = []

    def call(self, endpoint, /, **kwargs):
        request = endpoint.build_request(**kwargs)
        self.sent.append((endpoint.OPERATION_ID, request))
        status, body = ANSWERS[endpoint.OPERATION_ID]
        return endpoint.parse_response(httpx.Response(status, json=body))

    def paginate(self, endpoint, /, max_items, max_pages, **kwargs):
        return (endpoint.OPERATION_ID, endpoint.PAGE_ITEMS, max_items, max_pages, kwargs)


class AsyncRecorder(Recorder):
    async def call(self, endpoint, /, **kwargs):
        return Recorder.call(self, endpoint, **kwargs)


recorder = Recorder()


class Root(Resources):
    _caller = recorder


widgets = Root().widgets
assert type(widgets) is WidgetsResource
assert repr(widgets) == "<WidgetsResource>"
assert OPERATIONS == {
    "listWidgets": ("widgets.list", "deepnote_client.api.widgets.list_widgets"),
    "createWidget": ("widgets.create", "deepnote_client.api.widgets.create_widget"),
    "getWidget": ("widgets.get", "deepnote_client.api.widgets.get_widget"),
    "deleteWidget": ("widgets.delete", "deepnote_client.api.widgets.delete_widget"),
}, OPERATIONS

assert widgets.get("w1") == Widget(id="w1")  # the wrapper {"widget": ...} unwrapped
assert recorder.sent[-1] == ("getWidget", {"method": "get", "url": "/widgets/w1"})
assert widgets.create(name="bolt") == Widget(id="w2")
operation, request = recorder.sent[-1]
assert (operation, request["json"]) == ("createWidget", {"name": "bolt"})
assert widgets.delete("w1") is None
assert widgets.list(max_items=3) == ("listWidgets", "widgets", 3, None, {"page_token": UNSET})

assert str(inspect.signature(WidgetsResource.get)) == "(self, widget_id: 'str | UUID') -> 'Widget'"
assert str(inspect.signature(WidgetsResource.create)) == (
    "(self, *, name: 'str', color: 'str | Unset' = UNSET) -> 'Widget'"
)
assert str(inspect.signature(WidgetsResource.list)) == (
    "(self, *, page_token: 'str | Unset' = UNSET, max_items: 'int | None' = None, "
    "max_pages: 'int | None' = None) -> 'Paginated[Widget, WidgetPage]'"
)
assert inspect.getdoc(WidgetsResource.create).split("\\n\\n") == [
    "Create a widget",
    "Makes a widget of the given name.",
    "Args:\\n    name: The widget's name.",
    "Operation ``createWidget``: ``deepnote_client.api.widgets.create_widget``.",
], inspect.getdoc(WidgetsResource.create)


class AsyncRoot(AsyncResources):
    _caller = AsyncRecorder()


async_widgets = AsyncRoot().widgets
assert type(async_widgets) is AsyncWidgetsResource
assert inspect.iscoroutinefunction(AsyncWidgetsResource.get)
assert not inspect.iscoroutinefunction(AsyncWidgetsResource.list)  # a pager, iterated with async for
assert asyncio.run(async_widgets.get("w1")) == Widget(id="w1")
assert asyncio.run(async_widgets.delete("w1")) is None
"""


def generate(tmp_path: Path, spec: str, output: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "spec.yaml").write_text(spec, encoding="utf-8")
    generator = Path(sys.executable).parent / "openapi-python-client"
    return subprocess.run(
        [
            str(generator),
            "generate",
            "--path",
            "spec.yaml",
            "--config",
            str(ROOT / "openapi-python-client.yaml"),
            "--custom-template-path",
            str(ROOT / "templates"),
            "--meta",
            "none",
            "--output-path",
            output,
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "PATH": f"{generator.parent}{os.pathsep}{os.environ['PATH']}"},
    )


def test_a_tag_the_spec_gains_gets_its_resource_in_the_same_generation(tmp_path: Path) -> None:
    """A new tag's operations, generated from a small spec, sent through a recording caller: the
    naming rule, the flattened body, the unwrapped answer, no content, the pager and the docstring."""
    result = generate(tmp_path, WIDGETS_SPEC, "widgets_client")
    assert result.returncode == 0, result.stdout + result.stderr
    subprocess.run([sys.executable, "-c", WIDGETS_PROBE], cwd=tmp_path, check=True, timeout=120)


def test_two_operations_of_a_tag_with_one_method_name_stop_the_generation(tmp_path: Path) -> None:
    clashing = WIDGETS_SPEC.replace("operationId: getWidget", "operationId: createWidgets")
    result = generate(tmp_path, clashing, "clashing_client")
    assert result.returncode != 0
    reported = " ".join((result.stdout + result.stderr).split())  # the traceback is wrapped to the terminal
    assert (
        "generation stopped: two operations of widgets map to one method name: list, create, create"
        in reported
    )
