"""The operations, one package per spec tag, and the resource classes' shared parts.

Guarantees:

- Each tag's package has its operation modules and its resource classes (``NotebooksResource``,
  ``AsyncNotebooksResource``): one method per operation, named by the naming rule
  (templates/resource_macros.jinja), sent through the ``Caller`` / ``AsyncCaller`` its constructor
  is given, which decides how a request is sent, what an error is, and how pages are walked.
- ``Resources`` / ``AsyncResources`` have one attribute per tag, each made on first use from
  ``_caller``, which the class that inherits them provides; a tag's package is imported then.
- ``OPERATIONS`` maps each operationId to its resource method (``notebooks.list_runs``, or the
  hand-written method that replaces it) and its module.

Generated from the spec by openapi-python-client: do not edit.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterable, AsyncIterator, Iterable, Iterator
from typing import TYPE_CHECKING, Any, ParamSpec, Protocol, TypeVar

if TYPE_CHECKING:
    import httpx

    from .blocks import AsyncBlocksResource, BlocksResource
    from .files import AsyncFilesResource, FilesResource
    from .integrations import AsyncIntegrationsResource, IntegrationsResource
    from .machines import AsyncMachinesResource, MachinesResource
    from .me import AsyncMeResource, MeResource
    from .notebooks import AsyncNotebooksResource, NotebooksResource
    from .projects import AsyncProjectsResource, ProjectsResource
    from .runs import AsyncRunsResource, RunsResource
    from .search import AsyncSearchResource, SearchResource
    from .sessions import AsyncSessionsResource, SessionsResource
    from .streamlit_apps import AsyncStreamlitAppsResource, StreamlitAppsResource

__all__ = [
    "OPERATIONS",
    "AsyncCaller",
    "AsyncPaginated",
    "AsyncResources",
    "Caller",
    "Endpoint",
    "PagedEndpoint",
    "Paginated",
    "Resources",
]

P = ParamSpec("P")
T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
ItemT = TypeVar("ItemT")
PageT = TypeVar("PageT")
ItemT_co = TypeVar("ItemT_co", covariant=True)
PageT_co = TypeVar("PageT_co", covariant=True)

# operationId -> (resource method, module); the tests check every operation has its method.
OPERATIONS: dict[str, tuple[str, str]] = {
    "createBlock": ("blocks.create", "deepnote_client.api.blocks.create_block"),
    "getBlock": ("blocks.get", "deepnote_client.api.blocks.get_block"),
    "deleteBlock": ("blocks.delete", "deepnote_client.api.blocks.delete_block"),
    "updateBlock": ("blocks.update", "deepnote_client.api.blocks.update_block"),
    "createFile": ("files.upload", "deepnote_client.api.files.create_file"),
    "deleteFile": ("files.delete", "deepnote_client.api.files.delete_file"),
    "copyFile": ("files.copy", "deepnote_client.api.files.copy_file"),
    "downloadFile": ("files.download", "deepnote_client.api.files.download_file"),
    "listIntegrations": ("integrations.list", "deepnote_client.api.integrations.list_integrations"),
    "getIntegration": ("integrations.get", "deepnote_client.api.integrations.get_integration"),
    "listMachineTypes": ("machines.list_types", "deepnote_client.api.machines.list_machine_types"),
    "getMachine": ("machines.get", "deepnote_client.api.machines.get_machine"),
    "getMe": ("me.get", "deepnote_client.api.me.get_me"),
    "createNotebook": ("notebooks.create", "deepnote_client.api.notebooks.create_notebook"),
    "getNotebook": ("notebooks.get", "deepnote_client.api.notebooks.get_notebook"),
    "deleteNotebook": ("notebooks.delete", "deepnote_client.api.notebooks.delete_notebook"),
    "renameNotebook": ("notebooks.rename", "deepnote_client.api.notebooks.rename_notebook"),
    "reorderNotebookBlocks": (
        "notebooks.reorder_blocks",
        "deepnote_client.api.notebooks.reorder_notebook_blocks",
    ),
    "listNotebookRuns": ("notebooks.list_runs", "deepnote_client.api.notebooks.list_notebook_runs"),
    "scheduleNotebook": ("notebooks.schedule", "deepnote_client.api.notebooks.schedule_notebook"),
    "listProjects": ("projects.list", "deepnote_client.api.projects.list_projects"),
    "createProject": ("projects.create", "deepnote_client.api.projects.create_project"),
    "getProject": ("projects.get", "deepnote_client.api.projects.get_project"),
    "deleteProject": ("projects.delete", "deepnote_client.api.projects.delete_project"),
    "updateProject": ("projects.update", "deepnote_client.api.projects.update_project"),
    "exportProject": ("projects.export_to", "deepnote_client.api.projects.export_project"),
    "importProject": ("projects.import_from", "deepnote_client.api.projects.import_project"),
    "createRun": ("runs.start", "deepnote_client.api.runs.create_run"),
    "getRun": ("runs.get", "deepnote_client.api.runs.get_run"),
    "search": ("search.search", "deepnote_client.api.search.search"),
    "createSession": ("sessions.create", "deepnote_client.api.sessions.create_session"),
    "executeSessionCode": (
        "sessions.execute_code",
        "deepnote_client.api.sessions.execute_session_code",
    ),
    "listStreamlitApps": (
        "streamlit_apps.list",
        "deepnote_client.api.streamlit_apps.list_streamlit_apps",
    ),
    "createStreamlitApp": (
        "streamlit_apps.create",
        "deepnote_client.api.streamlit_apps.create_streamlit_app",
    ),
    "getStreamlitAppStatus": (
        "streamlit_apps.get_status",
        "deepnote_client.api.streamlit_apps.get_streamlit_app_status",
    ),
}


class Endpoint(Protocol[P, T_co]):
    """An operation module (``api.notebooks.get_notebook``), through its public contract.

    ``P`` is the operation's parameters (``build_request``'s), ``T_co`` its success value.
    """

    @property
    def OPERATION_ID(self) -> str: ...

    def build_request(self, *args: P.args, **kwargs: P.kwargs) -> dict[str, Any]: ...

    def parse_response(self, response: httpx.Response) -> T_co: ...


class PagedEndpoint(Protocol[P, PageT, ItemT]):
    """The module of a paginated operation: ``Endpoint`` plus ``PAGE_ITEMS`` / ``page_items``."""

    @property
    def OPERATION_ID(self) -> str: ...

    @property
    def PAGE_ITEMS(self) -> str: ...

    def build_request(self, *args: P.args, **kwargs: P.kwargs) -> dict[str, Any]: ...

    def parse_response(self, response: httpx.Response) -> PageT: ...

    def page_items(self, page: PageT) -> list[ItemT]: ...


class Paginated(Protocol[ItemT_co, PageT_co]):
    """A paginated operation's items (iterate) or whole pages (``pages()``)."""

    def __iter__(self) -> Iterator[ItemT_co]: ...

    def pages(self) -> Iterable[PageT_co]: ...


class AsyncPaginated(Protocol[ItemT_co, PageT_co]):
    """Async ``Paginated``: ``async for item in ...`` and ``async for page in ....pages()``."""

    def __aiter__(self) -> AsyncIterator[ItemT_co]: ...

    def pages(self) -> AsyncIterable[PageT_co]: ...


class Caller(Protocol):
    """What sends the operations of the sync resource classes."""

    def call(self, endpoint: Endpoint[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Send the operation with these arguments; its success value."""
        ...

    def paginate(
        self, endpoint: PagedEndpoint[Any, PageT, ItemT], /, **arguments: Any
    ) -> Paginated[ItemT, PageT]:
        """The pages of the operation with these arguments (``max_items`` and ``max_pages`` among
        them), fetched when iterated."""
        ...


class AsyncCaller(Protocol):
    """What sends the operations of the async resource classes."""

    async def call(self, endpoint: Endpoint[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Send the operation with these arguments; its success value."""
        ...

    def paginate(
        self, endpoint: PagedEndpoint[Any, PageT, ItemT], /, **arguments: Any
    ) -> AsyncPaginated[ItemT, PageT]:
        """The pages of the operation with these arguments (``max_items`` and ``max_pages`` among
        them), fetched when iterated."""
        ...


class Resources:
    """One attribute per spec tag, each a resource made on first use with ``_caller``."""

    @property
    def _caller(self) -> Caller:
        """What the resources send their operations through; the inheriting class provides it."""
        raise NotImplementedError

    @functools.cached_property
    def blocks(self) -> BlocksResource:
        """The blocks operations of the API, one method each."""
        from .blocks import BlocksResource

        return BlocksResource(self._caller)

    @functools.cached_property
    def files(self) -> FilesResource:
        """The files operations of the API, one method each."""
        from .files import FilesResource

        return FilesResource(self._caller)

    @functools.cached_property
    def integrations(self) -> IntegrationsResource:
        """The integrations operations of the API, one method each."""
        from .integrations import IntegrationsResource

        return IntegrationsResource(self._caller)

    @functools.cached_property
    def machines(self) -> MachinesResource:
        """The machines operations of the API, one method each."""
        from .machines import MachinesResource

        return MachinesResource(self._caller)

    @functools.cached_property
    def me(self) -> MeResource:
        """The me operations of the API, one method each."""
        from .me import MeResource

        return MeResource(self._caller)

    @functools.cached_property
    def notebooks(self) -> NotebooksResource:
        """The notebooks operations of the API, one method each."""
        from .notebooks import NotebooksResource

        return NotebooksResource(self._caller)

    @functools.cached_property
    def projects(self) -> ProjectsResource:
        """The projects operations of the API, one method each."""
        from .projects import ProjectsResource

        return ProjectsResource(self._caller)

    @functools.cached_property
    def runs(self) -> RunsResource:
        """The runs operations of the API, one method each."""
        from .runs import RunsResource

        return RunsResource(self._caller)

    @functools.cached_property
    def search(self) -> SearchResource:
        """The search operations of the API, one method each."""
        from .search import SearchResource

        return SearchResource(self._caller)

    @functools.cached_property
    def sessions(self) -> SessionsResource:
        """The sessions operations of the API, one method each."""
        from .sessions import SessionsResource

        return SessionsResource(self._caller)

    @functools.cached_property
    def streamlit_apps(self) -> StreamlitAppsResource:
        """The streamlit apps operations of the API, one method each."""
        from .streamlit_apps import StreamlitAppsResource

        return StreamlitAppsResource(self._caller)


class AsyncResources:
    """One attribute per spec tag, each a resource made on first use with ``_caller``."""

    @property
    def _caller(self) -> AsyncCaller:
        """What the resources send their operations through; the inheriting class provides it."""
        raise NotImplementedError

    @functools.cached_property
    def blocks(self) -> AsyncBlocksResource:
        """The blocks operations of the API, one method each."""
        from .blocks import AsyncBlocksResource

        return AsyncBlocksResource(self._caller)

    @functools.cached_property
    def files(self) -> AsyncFilesResource:
        """The files operations of the API, one method each."""
        from .files import AsyncFilesResource

        return AsyncFilesResource(self._caller)

    @functools.cached_property
    def integrations(self) -> AsyncIntegrationsResource:
        """The integrations operations of the API, one method each."""
        from .integrations import AsyncIntegrationsResource

        return AsyncIntegrationsResource(self._caller)

    @functools.cached_property
    def machines(self) -> AsyncMachinesResource:
        """The machines operations of the API, one method each."""
        from .machines import AsyncMachinesResource

        return AsyncMachinesResource(self._caller)

    @functools.cached_property
    def me(self) -> AsyncMeResource:
        """The me operations of the API, one method each."""
        from .me import AsyncMeResource

        return AsyncMeResource(self._caller)

    @functools.cached_property
    def notebooks(self) -> AsyncNotebooksResource:
        """The notebooks operations of the API, one method each."""
        from .notebooks import AsyncNotebooksResource

        return AsyncNotebooksResource(self._caller)

    @functools.cached_property
    def projects(self) -> AsyncProjectsResource:
        """The projects operations of the API, one method each."""
        from .projects import AsyncProjectsResource

        return AsyncProjectsResource(self._caller)

    @functools.cached_property
    def runs(self) -> AsyncRunsResource:
        """The runs operations of the API, one method each."""
        from .runs import AsyncRunsResource

        return AsyncRunsResource(self._caller)

    @functools.cached_property
    def search(self) -> AsyncSearchResource:
        """The search operations of the API, one method each."""
        from .search import AsyncSearchResource

        return AsyncSearchResource(self._caller)

    @functools.cached_property
    def sessions(self) -> AsyncSessionsResource:
        """The sessions operations of the API, one method each."""
        from .sessions import AsyncSessionsResource

        return AsyncSessionsResource(self._caller)

    @functools.cached_property
    def streamlit_apps(self) -> AsyncStreamlitAppsResource:
        """The streamlit apps operations of the API, one method each."""
        from .streamlit_apps import AsyncStreamlitAppsResource

        return AsyncStreamlitAppsResource(self._caller)
