"""The docs site's generated pages: the operations reference follows openapi.yaml, and the API
reference's check finds a public name the built page leaves out. (`make docs` builds the site.)"""

from __future__ import annotations

import re

import yaml

from scripts.docs_hooks import iter_operations, missing_from_api_page, render_operations, x_source_meanings
from tests.spec_tools import ROOT, load_spec, operations


def sections(page: str) -> dict[str, str]:
    """operationId -> its section's text."""
    parts = re.split(r"^### ", page, flags=re.MULTILINE)[1:]
    return {part.split("\n", 1)[0]: part for part in parts}


def test_every_operation_has_one_section_with_its_method_path_summary_and_source() -> None:
    page = render_operations(load_spec())
    found = sections(page)
    in_spec = list(operations())
    assert sorted(found) == sorted(operation["operationId"] for _, _, operation, _ in in_spec)
    for method, path, operation, _ in in_spec:
        section = found[operation["operationId"]]
        assert f"`{method.upper()} {path}`: {operation['summary']}." in section
        assert f"operationId `{operation['operationId']}`; source `{operation['x-source']}`." in section


def test_parameters_body_fields_and_success_statuses_are_listed() -> None:
    found = sections(render_operations(load_spec()))
    list_runs = found["listNotebookRuns"]
    assert "| `notebookId` | path | string | yes | Opaque notebook identifier. |" in list_runs
    assert "| `pageToken` | query |" in list_runs
    create = found["createNotebook"]
    assert "`application/json` (`CreateNotebookBody`):" in create
    assert "| `projectId` | string (uuid) | yes | Project to create the notebook in. |" in create
    assert "| `name` | string | no |" in create
    assert "- `201` Notebook created, returns `CreateNotebookResponse`" in create
    assert "- `204` Notebook deleted, no body" in found["deleteNotebook"]
    assert "`multipart/form-data`" in found["createFile"]
    assert "`application/zip`" in found["importProject"]


def test_the_x_source_table_lists_every_operation_under_its_mark_with_the_spec_s_meaning() -> None:
    spec = load_spec()
    page = render_operations(spec)
    header = "| `x-source` | Meaning | Operations |\n| --- | --- | --- |\n"
    table = page.split(header, 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| `([a-z-]+)` \| (.+) \| (.+) \|$", table, flags=re.MULTILINE)
    assert [mark for mark, _, _ in rows] == ["seed", "docs", "deepnote-client"]
    assert {mark: meaning for mark, meaning, _ in rows} == x_source_meanings(spec)
    listed = sorted((name, mark) for mark, _, names in rows for name in re.findall(r"\[(\w+)\]", names))
    assert listed == sorted((op["operationId"], op["x-source"]) for _, _, op, _ in iter_operations(spec))


def test_a_change_to_the_spec_shows_on_the_page() -> None:
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    spec["paths"]["/notebooks/{notebookId}"]["get"]["summary"] = "Fetch one notebook"
    assert "`GET /notebooks/{notebookId}`: Fetch one notebook." in render_operations(spec)


def test_the_api_reference_check_names_what_the_built_page_leaves_out() -> None:
    import deepnote_overlay

    markdown = "# API reference\n\n::: deepnote_overlay\n"
    every = "".join(f'<h3 id="deepnote_overlay.{name}">' for name in deepnote_overlay.__all__)
    assert missing_from_api_page(markdown, every) == []
    without_one = every.replace('id="deepnote_overlay.Deepnote"', "")
    assert missing_from_api_page(markdown, without_one) == ["deepnote_overlay.Deepnote"]


def test_the_api_reference_page_lists_the_public_modules() -> None:
    page = (ROOT / "docs" / "reference" / "api.md").read_text()
    assert re.findall(r"^::: (\S+)$", page, flags=re.MULTILINE)[0] == "deepnote_overlay"
    assert {"deepnote_overlay.output", "deepnote_overlay.lowlevel", "deepnote_client.models"} <= set(
        re.findall(r"^::: (\S+)$", page, flags=re.MULTILINE)
    ), "the reference covers the output bindings, the low-level layer and the generated models"


def test_the_api_reference_shows_the_settings_the_clients_take_from_connection() -> None:
    """``Deepnote.__init__`` declares its parameters as ``connection``'s (``@_parameters_of``); the
    griffe extension the site uses shows them, so the reference never reads ``*args, **kwargs``."""
    import pytest

    griffe = pytest.importorskip("griffe")
    from scripts.griffe_parameters import SharedParameters

    package = griffe.load(
        "deepnote_overlay",
        search_paths=[str(ROOT / "overlay"), str(ROOT / "generated")],
        extensions=griffe.Extensions(SharedParameters()),
    )
    settings = [parameter.name for parameter in package["client.connection"].parameters]
    assert settings[0] == "token" and "max_concurrency" in settings and settings[-1] == "httpx_options"
    init = package["facade._Facade.__init__"]
    assert [parameter.name for parameter in init.parameters] == ["self", *settings]
    assert init.docstring is not None and "DEEPNOTE_TOKEN" in init.docstring.value
