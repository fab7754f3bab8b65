"""The package's names: ``deepnote_overlay`` is the client, its option and result types (and the
``output`` bindings) and the errors; ``deepnote_overlay.lowlevel`` is the layer for tool builders. Every name in ``__all__``
resolves (the lazy ones on first use) and is listed."""

from __future__ import annotations

import importlib
import inspect
import pydoc
import types
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import deepnote_overlay
import deepnote_overlay.lowlevel
from deepnote_overlay import AsyncDeepnote, Deepnote, DeepnoteError, files, project_archive
from deepnote_overlay import runs as run_functions
from deepnote_overlay.resource import ImportedOnFirstCall, LazyModule

CLIENT_AND_TYPES = {
    "Deepnote",
    "AsyncDeepnote",
    "RetryPolicy",
    "RateLimiter",
    "RateBudget",
    "Pager",
    "RunHandle",
    "AsyncRunHandle",
    "RunResult",
    "BlockOutputs",
    "BlockOutput",
    "RunFailure",
    "ProjectExport",
    "Dataframe",
    "output",
    "__version__",
}
MODULES = {"output"}
"""``output.json(block_id, path)`` and its kin: the bindings ``outputs=`` takes, in one namespace."""
ERRORS = {
    "DeepnoteError",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "InvalidRequestError",
    "MissingOutputError",
    "MissingTokenError",
    "NotFoundError",
    "OutputBindingError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "RepeatedPageTokenError",
    "ResponseParseError",
    "ResponseTooLargeError",
    "RunFailedError",
    "RunTimeoutError",
    "ServerError",
}
LOWLEVEL = {
    "connect": "deepnote_overlay.client",
    "ConnectedClient": "deepnote_overlay.client",
    "DEFAULT_BASE_URL": "deepnote_overlay.client",
    "DEFAULT_LIMITS": "deepnote_overlay.client",
    "DEFAULT_MAX_RESPONSE_BYTES": "deepnote_overlay.client",
    "DEFAULT_TIMEOUT": "deepnote_overlay.client",
    "call": "deepnote_overlay.calls",
    "acall": "deepnote_overlay.calls",
    "Endpoint": "deepnote_overlay.calls",
    "paginate": "deepnote_overlay.pagination",
    "page_items": "deepnote_overlay.pagination",
    "RetryTransport": "deepnote_overlay.retries",
}
# Jobs that are methods of the client (``dn.run_notebook``, ``dn.runs.wait``, ``dn.files.upload``,
# ``dn.projects.export_to``...), and the low-level layer: none is a name of the package.
NOT_PUBLIC = [
    "run_notebook",
    "arun_notebook",
    "wait_for_run",
    "await_run",
    "get_run_result",
    "aget_run_result",
    "upload_file",
    "aupload_file",
    "download_file",
    "adownload_file",
    "export_project",
    "aexport_project",
    "import_project",
    "aimport_project",
    "download_snapshot",
    "adownload_snapshot",
    "start_run",
    "astart_run",
    "attach_run",
    "aattach_run",
    *LOWLEVEL,
]


def test_the_package_exports_the_client_its_types_and_the_errors_only() -> None:
    assert set(deepnote_overlay.__all__) == CLIENT_AND_TYPES | ERRORS
    assert len(deepnote_overlay.__all__) == len(set(deepnote_overlay.__all__)), "no name listed twice"
    assert len(CLIENT_AND_TYPES) <= 30
    for name in ERRORS:
        error = getattr(deepnote_overlay, name)
        assert isinstance(error, type) and issubclass(error, DeepnoteError), name
    for name in CLIENT_AND_TYPES - {"__version__"} - MODULES:
        assert isinstance(getattr(deepnote_overlay, name), type), f"{name} is a class, not a free function"
    for name in MODULES:
        assert isinstance(getattr(deepnote_overlay, name), types.ModuleType), name


@pytest.mark.parametrize("name", NOT_PUBLIC)
def test_no_free_job_function_nor_lowlevel_name_is_exported(name: str) -> None:
    assert name not in deepnote_overlay.__all__
    assert name not in dir(deepnote_overlay)
    with pytest.raises(AttributeError):
        getattr(deepnote_overlay, name)


def test_the_lowlevel_module_holds_the_tool_builders_names() -> None:
    lowlevel = deepnote_overlay.lowlevel
    assert set(lowlevel.__all__) == set(LOWLEVEL)
    for name, home in LOWLEVEL.items():
        assert getattr(lowlevel, name) is getattr(importlib.import_module(home), name), name


def test_every_public_name_resolves_and_dir_lists_it() -> None:
    package = importlib.reload(deepnote_overlay)
    for name in package._LAZY:  # forget what earlier lookups cached: only the lazy lookup lists them
        vars(package).pop(name, None)
    listed = dir(package)
    for name in package.__all__:
        assert name in listed, name
        assert getattr(package, name) is not None, name


def test_an_unknown_name_is_an_attribute_error_naming_it() -> None:
    with pytest.raises(AttributeError, match="module 'deepnote_overlay' has no attribute 'no_such_thing'"):
        deepnote_overlay.no_such_thing  # type: ignore[attr-defined]  # noqa: B018


@pytest.mark.parametrize("facade", [Deepnote, AsyncDeepnote])
def test_the_facade_methods_are_the_helper_functions_of_their_side_on_its_client(facade: type) -> None:
    dn = facade("sk-test", base_url="https://api.test/v2")
    side = "a" if facade is AsyncDeepnote else ""
    forwarded: list[tuple[Any, types.ModuleType, str]] = [
        (dn.runs.start, run_functions, "start_run"),
        (dn.runs.attach, run_functions, "attach_run"),
        (dn.files.upload, files, "upload_file"),
        (dn.files.download, files, "download_file"),
        (dn.projects.export_to, project_archive, "export_project"),
        (dn.projects.import_from, project_archive, "import_project"),
    ]
    for method, module, name in forwarded:
        assert method.__func__ is getattr(module, side + name), name
        assert method.__self__ is dn.client, name


def test_a_pager_shows_its_operation_and_limits_and_fetches_nothing() -> None:

    def no_request(request: httpx.Request) -> httpx.Response:
        raise AssertionError("a pager fetches nothing until iterated")

    mock = httpx.MockTransport(no_request)
    dn = Deepnote("sk-test", base_url="https://api.test/v2", transport=mock)
    assert repr(dn.notebooks.list_runs("nb", max_items=5)) == (
        "<Pager listNotebookRuns max_items=5 max_pages=None>"
    )
    adn = AsyncDeepnote("sk-test", base_url="https://api.test/v2", transport=mock)
    assert repr(adn.projects.list(max_pages=2)) == "<Pager listProjects max_items=None max_pages=2>"


def test_a_lazy_module_gives_its_functions_imported_on_first_call_and_no_special_name() -> None:
    errors = LazyModule(".errors")
    assert errors.bounded_text("abcdefghij", limit=3) == "... [10 characters, cut]"
    with pytest.raises(AttributeError, match="^__wrapped__$"):  # what inspect.unwrap looks for
        errors.__wrapped__  # noqa: B018
    assert not hasattr(errors, "__deepcopy__")


def test_an_imported_on_first_call_function_takes_its_arguments() -> None:

    bounded = ImportedOnFirstCall(".errors", "bounded_text")
    assert bounded("abcdefghij", limit=3) == "... [10 characters, cut]"
    assert bounded("a\nb", 10) == "a\\nb"


def test_the_run_results_are_found_in_outputs_on_first_use() -> None:
    """The public names ``_LAZY`` does not place are the run results, imported from ``.outputs``
    when first used (and listed before that)."""
    package = importlib.reload(deepnote_overlay)
    results = [
        "BlockOutput",
        "BlockOutputs",
        "Dataframe",
        "MissingOutputError",
        "RunFailedError",
        "RunFailure",
    ]
    for name in [*results, "RunResult"]:
        vars(package).pop(name, None)
        assert name not in package._LAZY
        assert name in dir(package), name
        assert getattr(package, name) is getattr(importlib.import_module("deepnote_overlay.outputs"), name)
    with pytest.raises(AttributeError):
        package.status_value  # noqa: B018  # in outputs, but not public


@pytest.mark.parametrize(
    ("facade", "function"), [(Deepnote, files.upload_file), (AsyncDeepnote, files.aupload_file)]
)
def test_a_helper_method_shows_its_own_docstring_and_parameters(
    facade: type, function: Callable[..., Any]
) -> None:
    client = facade("a-token", base_url="https://api.test/v2")
    upload = client.files.upload
    assert upload.__doc__ == function.__doc__
    assert inspect.getdoc(upload) in pydoc.render_doc(upload)
    parameters = list(inspect.signature(upload).parameters)
    assert parameters == ["project_id", "path", "source", "mime_type", "progress"]  # the client is bound
    assert inspect.iscoroutinefunction(upload) == (facade is AsyncDeepnote)
