"""The generated facade: a method per operation of the spec, the naming rule pinned on examples, docstrings from the
spec, the hand-written helpers that replace operations, and what mypy says about a user's code."""

from __future__ import annotations

import functools
import importlib.util
import inspect
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from deepnote_overlay import AsyncDeepnote, Deepnote
from deepnote_overlay._resources import OPERATIONS
from tests.spec_tools import ROOT, operations

# Operations whose job a hand-written helper does (``facade_helpers``), with the overlay function it
# forwards to: the facade shows only the helper.
HELPERS: dict[str, tuple[str, str] | None] = {
    "createRun": None,  # a method of its own: dn.runs.start returns a run handle
    "createFile": ("deepnote_overlay.files", "upload_file"),
    "downloadFile": ("deepnote_overlay.files", "download_file"),
    "exportProject": ("deepnote_overlay.project_archive", "export_project"),
    "importProject": ("deepnote_overlay.project_archive", "import_project"),
}


@functools.cache
def generator() -> ModuleType:
    """scripts/generate_facade.py, imported (it is a script, not in a package)."""
    spec = importlib.util.spec_from_file_location("generate_facade", ROOT / "scripts" / "generate_facade.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def spec_operations() -> dict[str, dict[str, object]]:
    return {operation["operationId"]: operation for _, _, operation, _ in operations()}


@functools.cache
def expected_methods() -> dict[str, str]:
    """operationId -> facade method, from the spec: the naming rule (pinned on examples below), or
    the helper that replaces the operation (``replaces`` in ``facade_helpers``)."""
    helpers = importlib.import_module("deepnote_overlay.facade_helpers")
    replaced = {
        op: name for cls in vars(helpers).values() for op, name in getattr(cls, "replaces", {}).items()
    }
    expected = {}
    for operation_id, operation in spec_operations().items():
        tag = str(operation["tags"][0])  # type: ignore[index]
        method = replaced.get(operation_id, generator().method_name(tag, operation_id))
        expected[operation_id] = f"{generator().tag_attribute(tag)}.{method}"
    return expected


def test_every_operation_of_the_spec_has_its_method() -> None:
    assert {op: method for op, (method, _) in OPERATIONS.items()} == expected_methods()
    assert len(set(expected_methods().values())) == len(expected_methods()), "one name per job"


@pytest.mark.parametrize("facade", [Deepnote, AsyncDeepnote])
@pytest.mark.parametrize("operation_id", sorted(set(spec_operations()) - set(HELPERS)))
def test_each_method_exists_with_the_spec_docstring(facade: type, operation_id: str) -> None:
    attribute, method_name = expected_methods()[operation_id].split(".")
    resource_type = inspect.signature(getattr(facade, attribute).func).return_annotation
    resources = importlib.import_module("deepnote_overlay._resources")
    method = getattr(getattr(resources, resource_type), method_name)
    summary = str(spec_operations()[operation_id]["summary"])
    assert (method.__doc__ or "").startswith(summary)
    assert OPERATIONS[operation_id][1] in (method.__doc__ or "")
    paginated = "PageToken" in str(spec_operations()[operation_id].get("parameters"))  # pagers are not async
    is_async = facade is AsyncDeepnote and not paginated
    assert inspect.iscoroutinefunction(method) == is_async


@pytest.mark.parametrize("facade", [Deepnote, AsyncDeepnote])
@pytest.mark.parametrize("operation_id", sorted(HELPERS))
def test_a_helper_replaces_the_operation_whose_job_it_does(facade: type, operation_id: str) -> None:
    attribute, method_name = expected_methods()[operation_id].split(".")
    resource_type = inspect.signature(getattr(facade, attribute).func).return_annotation
    resource = getattr(importlib.import_module("deepnote_overlay._resources"), resource_type)
    helper = HELPERS[operation_id]
    if helper is not None:
        module, function = helper
        expected = getattr(
            importlib.import_module(module), ("a" if facade is AsyncDeepnote else "") + function
        )
        assert inspect.getattr_static(resource, method_name).__wrapped__ is expected
    tag = next(op["tags"][0] for op_id, op in spec_operations().items() if op_id == operation_id)
    generated_name = generator().method_name(tag, operation_id)
    if generated_name != method_name:
        assert not hasattr(resource, generated_name), "the helper is the one name for the job"
    bound = getattr(getattr(facade("token", base_url="https://api.test/v2"), attribute), method_name)
    assert inspect.iscoroutinefunction(bound) == (facade is AsyncDeepnote)
    if helper is not None:
        assert list(inspect.signature(bound).parameters) == list(inspect.signature(expected).parameters)[1:]


def test_the_generated_modules_named_in_the_table_hold_the_operation() -> None:
    for operation_id, (_, module_name) in OPERATIONS.items():
        module = importlib.import_module(module_name)
        assert module.__name__.rsplit(".", 1)[1] == generator().snake_case(operation_id)


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
    assert generator().method_name(tag, operation_id) == method


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


async def main() -> None:
    adn = AsyncDeepnote("token")
    reveal_type(await adn.runs.get("run"))
    reveal_type(await adn.run_notebook("nb", outputs=True))
    async for project in adn.projects.list():
        reveal_type(project)
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
    assert len(errors) == 3, result.stdout  # and none for a notebook id given as a uuid.UUID
    assert notes == [
        '"deepnote_client.models.notebook.Notebook"',
        '"None"',
        '"deepnote_client.models.list_notebook_run.ListNotebookRun"',
        '"deepnote_client.models.list_projects_response.ListProjectsResponse"',
        '"deepnote_overlay.outputs.RunResult"',
        '"deepnote_overlay.outputs.RunResult"',
        '"deepnote_overlay.outputs.RunResult"',
        '"deepnote_client.models.run.Run"',
        '"deepnote_overlay.outputs.RunResult"',
        '"deepnote_client.models.list_projects_item.ListProjectsItem"',
    ], result.stdout


def grown_spec() -> dict[str, object]:
    """openapi.yaml plus a tag it does not have, with a paginated list and a wrapped get."""
    import yaml

    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    spec["tags"].append({"name": "Integrations", "description": "Workspace integrations."})
    schemas = spec["components"]["schemas"]
    schemas["Integration"] = {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}
    schemas["ListIntegrationsResponse"] = {
        "type": "object",
        "x-page-items": "integrations",
        "required": ["integrations", "pagination"],
        "properties": {
            "integrations": {"type": "array", "items": {"$ref": "#/components/schemas/Integration"}},
            "pagination": {"$ref": "#/components/schemas/CursorPagination"},
        },
    }
    schemas["GetIntegrationResponse"] = {
        "type": "object",
        "required": ["integration"],
        "properties": {"integration": {"$ref": "#/components/schemas/Integration"}},
    }

    def ok(schema: str) -> dict[str, object]:
        content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}
        return {"200": {"description": "OK", "content": content}}

    spec["paths"]["/integrations"] = {
        "get": {
            "operationId": "listIntegrations",
            "tags": ["Integrations"],
            "summary": "List integrations",
            "parameters": [{"$ref": "#/components/parameters/PageToken"}],
            "responses": ok("ListIntegrationsResponse"),
        }
    }
    spec["paths"]["/integrations/{integrationId}"] = {
        "get": {
            "operationId": "getIntegration",
            "tags": ["Integrations"],
            "summary": "Get an integration",
            "parameters": [
                {"name": "integrationId", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": ok("GetIntegrationResponse"),
        }
    }
    return spec


def test_a_tag_the_spec_gains_appears_on_regeneration(tmp_path: Path) -> None:
    import yaml

    spec_path = tmp_path / "openapi.yaml"
    spec_path.write_text(yaml.safe_dump(grown_spec(), sort_keys=False), encoding="utf-8")
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path",
            str(spec_path),
            "--config",
            "openapi-python-client.yaml",
            "--custom-template-path",
            "templates",
            "--meta",
            "none",
            "--output-path",
            str(tmp_path / "generated" / "deepnote_client"),
        ],
        cwd=ROOT,
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"},
        capture_output=True,
        check=True,
        timeout=300,
    )
    output = tmp_path / "_resources.py"
    subprocess.run(
        [
            sys.executable,
            "scripts/generate_facade.py",
            "--spec",
            str(spec_path),
            "--generated",
            str(tmp_path / "generated"),
            "--output",
            str(output),
        ],
        cwd=ROOT,
        capture_output=True,
        check=True,
        timeout=300,
    )
    source = output.read_text(encoding="utf-8")
    compile(source, str(output), "exec")
    assert "class IntegrationsResource(Resource):" in source
    assert "class AsyncIntegrationsResource(AsyncResource):" in source
    roots = (tmp_path / "_resource_roots.py").read_text(encoding="utf-8")
    compile(roots, "_resource_roots.py", "exec")
    assert "def integrations(self) -> IntegrationsResource:" in roots
    assert "-> SyncPager[Integration, ListIntegrationsResponse]:" in source
    assert "def get(self, integration_id: str | UUID) -> Integration:" in source
    assert '"listIntegrations": ("integrations.list",' in source
    assert '"getMe": ("me.get",' in source, "the existing operations are still there"
