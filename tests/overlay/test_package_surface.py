"""The package's names: every name in ``__all__`` resolves (the lazy ones on first use) and is listed."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import deepnote_overlay
from deepnote_overlay import AsyncDeepnote, Deepnote, files, project_archive, runs
from deepnote_overlay.facade_helpers import (
    AsyncFilesHelpers,
    AsyncProjectsHelpers,
    AsyncRunsHelpers,
    FilesHelpers,
    ProjectsHelpers,
    RunsHelpers,
)
from deepnote_overlay.resource import ImportedOnFirstCall


def test_every_public_name_resolves_and_dir_lists_it() -> None:
    package = importlib.reload(deepnote_overlay)  # lazy names not looked up yet
    listed = dir(package)
    for name in package.__all__:
        assert name in listed, name
        assert getattr(package, name) is not None, name


def test_an_unknown_name_is_an_attribute_error_naming_it() -> None:
    with pytest.raises(AttributeError, match="module 'deepnote_overlay' has no attribute 'no_such_thing'"):
        deepnote_overlay.no_such_thing  # type: ignore[attr-defined]  # noqa: B018


def test_the_facade_methods_forward_to_the_helpers_and_say_so() -> None:

    forwarded: list[tuple[Any, Callable[..., Any]]] = [
        (Deepnote.run_notebook, runs.run_notebook),
        (AsyncDeepnote.run_notebook, runs.arun_notebook),
        (RunsHelpers.wait, runs.wait_for_run),
        (RunsHelpers.result, runs.get_run_result),
        (AsyncRunsHelpers.wait, runs.await_run),
        (AsyncRunsHelpers.result, runs.aget_run_result),
        (FilesHelpers.upload, files.upload_file),
        (FilesHelpers.download_to, files.download_file),
        (AsyncFilesHelpers.upload, files.aupload_file),
        (AsyncFilesHelpers.download_to, files.adownload_file),
        (ProjectsHelpers.export_to, project_archive.export_project),
        (ProjectsHelpers.import_from, project_archive.import_project),
        (AsyncProjectsHelpers.export_to, project_archive.aexport_project),
        (AsyncProjectsHelpers.import_from, project_archive.aimport_project),
    ]
    for method, function in forwarded:
        assert method.__wrapped__ is function
        module = function.__module__.removeprefix("deepnote_overlay.")
        assert method.__doc__ == f"``deepnote_overlay.{module}.{function.__name__}`` (imported on first use)."


def test_a_pager_shows_its_operation_and_limits_and_fetches_nothing() -> None:

    def no_request(request: httpx.Request) -> httpx.Response:
        raise AssertionError("a pager fetches nothing until iterated")

    mock = httpx.MockTransport(no_request)
    dn = Deepnote("sk-test", base_url="https://api.test/v2", transport=mock)
    assert repr(dn.notebooks.list_runs("nb", max_items=5)) == (
        "<SyncPager list_notebook_runs max_items=5 max_pages=None>"
    )
    adn = AsyncDeepnote("sk-test", base_url="https://api.test/v2", transport=mock)
    assert repr(adn.projects.list(max_pages=2)) == "<AsyncPager list_projects max_items=None max_pages=2>"


def test_an_imported_on_first_call_function_takes_its_arguments() -> None:

    bounded = ImportedOnFirstCall(".errors", "bounded_text")
    assert bounded("abcdefghij", limit=3) == "... [10 characters, cut]"
    assert bounded("a\nb", 10) == "a\\nb"
