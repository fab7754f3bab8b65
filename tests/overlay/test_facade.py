"""``Deepnote`` and ``AsyncDeepnote``: every operation against the fake API on loopback, the
pagers, per-request options, closing, and what importing the facade loads."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from deepnote_client import AuthenticatedClient
from deepnote_client.models import BlockPlacementStart, RunStatus
from deepnote_client.types import File
from deepnote_fake import (
    SEED_BLOCK_IDS,
    SEED_NOTEBOOK_ID,
    SEED_PROJECT_ID,
    SEED_TOKEN,
    FakeDeepnote,
    ServerHandle,
    running_server,
)
from deepnote_overlay import (
    AsyncDeepnote,
    AsyncPager,
    Deepnote,
    MissingTokenError,
    NotFoundError,
    ServerError,
    SyncPager,
    connect,
)
from deepnote_overlay._resources import OPERATIONS
from tests.spec_tools import ROOT

from .helpers import MOCK_BASE_URL, MOCK_TOKEN, FakeTime, notebook_json


@pytest.fixture
def quick_runs_server() -> Iterator[ServerHandle]:
    """The fake on the real clock with runs that finish within ~0.1 s, so run helpers can wait."""
    fake = FakeDeepnote(pending_seconds=0.02, running_seconds=0.02, snapshot_seconds=0.0)
    with running_server(fake) as server:
        yield server


def operation_of(request: Any) -> str:
    """The operationId a recorded request of the fake belongs to, from its method and path."""
    parts = request.path.strip("/").split("/")
    method = request.method.upper()
    table = {
        ("POST", "notebooks", 1): "createNotebook",
        ("GET", "notebooks", 2): "getNotebook",
        ("DELETE", "notebooks", 2): "deleteNotebook",
        ("PATCH", "notebooks", 2): "renameNotebook",
        ("POST", "reorder-blocks", 3): "reorderNotebookBlocks",
        ("GET", "runs", 3): "listNotebookRuns",
        ("POST", "schedule", 3): "scheduleNotebook",
        ("POST", "runs", 1): "createRun",
        ("GET", "runs", 2): "getRun",
        ("GET", "projects", 1): "listProjects",
        ("POST", "projects", 1): "createProject",
        ("GET", "projects", 2): "getProject",
        ("DELETE", "projects", 2): "deleteProject",
        ("GET", "me", 1): "getMe",
        # --- issue 11b: files, project settings, export/import
        ("POST", "files", 1): "createFile",
        ("DELETE", "files", 1): "deleteFile",
        ("POST", "files", 2): "copyFile",
        ("GET", "files", 2): "downloadFile",
        ("PATCH", "projects", 2): "updateProject",
        ("GET", "export", 3): "exportProject",
        ("POST", "import", 3): "importProject",
    }
    key = parts[-1] if len(parts) == 3 else parts[0]
    return table[(method, key, len(parts))]


def test_every_operation_through_deepnote(quick_runs_server: ServerHandle) -> None:
    server = quick_runs_server
    with Deepnote(server.token, base_url=server.base_url) as dn:
        me = dn.me.get()
        assert me.access_level == "admin"

        assert SEED_PROJECT_ID in [str(project.id) for project in dn.projects.list()]
        project = dn.projects.create(name="Facade project")
        assert dn.projects.get(project.id).name == "Facade project"

        notebook = dn.notebooks.create(project_id=project.id, name="Facade notebook")
        assert notebook.name == "Facade notebook"
        assert dn.notebooks.get(notebook.id).id == notebook.id
        assert dn.notebooks.rename(notebook.id, name="Renamed").name == "Renamed"

        code = SEED_BLOCK_IDS["code"]
        reordered = dn.notebooks.reorder_blocks(
            SEED_NOTEBOOK_ID, block_ids=[code], placement=BlockPlacementStart(type_="start")
        )
        assert reordered.block_ids[0] == code
        schedule = dn.notebooks.schedule(SEED_NOTEBOOK_ID, cron="0 9 * * 1-5", timezone="Europe/London")
        assert (schedule.notebook_id, schedule.cron) == (SEED_NOTEBOOK_ID, "0 9 * * 1-5")

        created = dn.runs.create(notebook_id=SEED_NOTEBOOK_ID, detached=True)
        assert created.status == RunStatus.PENDING
        assert dn.runs.get(created.run_id).run_id == created.run_id
        assert dn.runs.wait(created.run_id, timeout=10, poll_interval=0.01).status == RunStatus.SUCCESS
        finished = dn.run_notebook(SEED_NOTEBOOK_ID, timeout=10, poll_interval=0.01)
        assert finished.status == RunStatus.SUCCESS
        history = [run.run_id for run in dn.notebooks.list_runs(SEED_NOTEBOOK_ID)]
        assert {created.run_id, finished.run_id} <= set(history)

        # --- issue 11b: files
        uploaded = dn.files.create(
            project_id=project.id, path="in.csv", file=File(payload=io.BytesIO(b"a,b\n"))
        )
        assert uploaded.path == "in.csv"
        assert dn.files.download(project_id=project.id, path="in.csv").payload.read() == b"a,b\n"
        dn.files.copy(
            source_project_id=project.id, target_project_id=SEED_PROJECT_ID, source_file_path="in.csv"
        )
        dn.files.delete(project_id=SEED_PROJECT_ID, path="in.csv")
        # --- issue 11b: project settings, export/import
        assert dn.projects.update(project.id, environment_id="python-3.11").id == project.id
        archive = dn.projects.export(project.id).payload.read()
        assert (
            dn.projects.import_(project.id, body=File(payload=io.BytesIO(archive))).project.id == project.id
        )

        dn.notebooks.delete(notebook.id)
        with pytest.raises(NotFoundError):
            dn.notebooks.get(notebook.id)
        dn.projects.delete(project.id)
        with pytest.raises(NotFoundError):
            dn.projects.get(project.id)

    assert {operation_of(request) for request in server.state.requests} == set(OPERATIONS)


async def test_every_operation_through_async_deepnote(quick_runs_server: ServerHandle) -> None:
    server = quick_runs_server
    async with AsyncDeepnote(server.token, base_url=server.base_url) as dn:
        me = await dn.me.get()
        assert me.access_level == "admin"

        assert SEED_PROJECT_ID in [str(project.id) async for project in dn.projects.list()]
        project = await dn.projects.create(name="Facade project")
        assert (await dn.projects.get(project.id)).name == "Facade project"

        notebook = await dn.notebooks.create(project_id=project.id, name="Facade notebook")
        assert (await dn.notebooks.get(notebook.id)).id == notebook.id
        assert (await dn.notebooks.rename(notebook.id, name="Renamed")).name == "Renamed"

        code = SEED_BLOCK_IDS["code"]
        reordered = await dn.notebooks.reorder_blocks(
            SEED_NOTEBOOK_ID, block_ids=[code], placement=BlockPlacementStart(type_="start")
        )
        assert reordered.block_ids[0] == code
        schedule = await dn.notebooks.schedule(SEED_NOTEBOOK_ID, cron="0 9 * * 1-5")
        assert schedule.cron == "0 9 * * 1-5"

        created = await dn.runs.create(notebook_id=SEED_NOTEBOOK_ID, detached=True)
        assert (await dn.runs.get(created.run_id)).run_id == created.run_id
        done = await dn.runs.wait(created.run_id, timeout=10, poll_interval=0.01)
        assert done.status == RunStatus.SUCCESS
        finished = await dn.run_notebook(SEED_NOTEBOOK_ID, timeout=10, poll_interval=0.01)
        assert finished.status == RunStatus.SUCCESS
        history = [run.run_id async for run in dn.notebooks.list_runs(SEED_NOTEBOOK_ID)]
        assert {created.run_id, finished.run_id} <= set(history)

        # --- issue 11b: files
        uploaded = await dn.files.create(
            project_id=project.id, path="in.csv", file=File(payload=io.BytesIO(b"a,b\n"))
        )
        assert uploaded.path == "in.csv"
        assert (await dn.files.download(project_id=project.id, path="in.csv")).payload.read() == b"a,b\n"
        await dn.files.copy(
            source_project_id=project.id, target_project_id=SEED_PROJECT_ID, source_file_path="in.csv"
        )
        await dn.files.delete(project_id=SEED_PROJECT_ID, path="in.csv")
        # --- issue 11b: project settings, export/import
        assert (await dn.projects.update(project.id, environment_id="python-3.11")).id == project.id
        archive = (await dn.projects.export(project.id)).payload.read()
        imported = await dn.projects.import_(project.id, body=File(payload=io.BytesIO(archive)))
        assert imported.project.id == project.id

        await dn.notebooks.delete(notebook.id)
        with pytest.raises(NotFoundError):
            await dn.notebooks.get(notebook.id)
        await dn.projects.delete(project.id)
        with pytest.raises(NotFoundError):
            await dn.projects.get(project.id)

    assert {operation_of(request) for request in server.state.requests} == set(OPERATIONS)


def test_the_constructor_reads_the_environment_like_connect(
    fake_server: ServerHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEEPNOTE_TOKEN", fake_server.token)
    monkeypatch.setenv("DEEPNOTE_BASE_URL", fake_server.base_url)
    with Deepnote() as dn:
        assert dn.me.get().workspace.to_dict()["name"] == "Fake workspace"
        assert SEED_TOKEN not in repr(dn)
        assert repr(dn) == f"Deepnote(base_url={fake_server.base_url!r})"


@pytest.mark.parametrize("make", [Deepnote, AsyncDeepnote])
def test_a_missing_token_fails_at_construction(make: type, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEEPNOTE_TOKEN", raising=False)
    with pytest.raises(MissingTokenError):
        make()


def test_pagers_are_lazy_limited_and_give_whole_pages(fake_server: ServerHandle) -> None:
    fake = fake_server.state
    fake.add_runs(SEED_NOTEBOOK_ID, 7)
    with Deepnote(fake_server.token, base_url=fake_server.base_url) as dn:
        fake.reset_counters()
        pager = dn.notebooks.list_runs(SEED_NOTEBOOK_ID, page_size=3)
        assert isinstance(pager, SyncPager)
        assert fake.request_count == 0, "making a pager sends nothing"

        assert len(list(pager)) == 7
        assert fake.request_count == 3
        assert len(list(pager)) == 7, "a pager can be iterated again, from the start"

        fake.reset_counters()
        assert len(list(dn.notebooks.list_runs(SEED_NOTEBOOK_ID, page_size=3, max_items=4))) == 4
        assert fake.request_count == 2, "no page is fetched past max_items"

        pages = list(dn.notebooks.list_runs(SEED_NOTEBOOK_ID, page_size=3, max_pages=2).pages())
        assert [len(page.runs) for page in pages] == [3, 3]
        assert pages[0].pagination.next_page_token


async def test_async_pagers_are_lazy_and_give_whole_pages(fake_server: ServerHandle) -> None:
    fake = fake_server.state
    fake.add_runs(SEED_NOTEBOOK_ID, 5)
    async with AsyncDeepnote(fake_server.token, base_url=fake_server.base_url) as dn:
        fake.reset_counters()
        pager = dn.notebooks.list_runs(SEED_NOTEBOOK_ID, page_size=2, max_items=3)
        assert isinstance(pager, AsyncPager)
        assert fake.request_count == 0
        assert len([run async for run in pager]) == 3
        sizes = [
            len(page.runs) async for page in dn.notebooks.list_runs(SEED_NOTEBOOK_ID, page_size=2).pages()
        ]
        assert sizes == [2, 2, 1]


def counting_transport(statuses: list[int], seen: list[httpx.Request]) -> httpx.MockTransport:
    """Answers with ``statuses`` in turn, then 200 with a notebook; records every request."""

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if statuses:
            return httpx.Response(statuses.pop(0), json={"message": "busy"})
        return httpx.Response(200, json={"notebook": notebook_json()})

    return httpx.MockTransport(handler)


def test_with_options_changes_timeout_and_retries_for_its_requests_only(fake_time: FakeTime) -> None:
    seen: list[httpx.Request] = []
    statuses = [503, 503]
    dn = Deepnote(
        MOCK_TOKEN,
        base_url=MOCK_BASE_URL,
        retry=fake_time.policy(),
        timeout=30,
        transport=counting_transport(statuses, seen),
    )
    with dn:
        quick = dn.with_options(timeout=5, retry=None)
        with pytest.raises(ServerError):
            quick.notebooks.get("nb-1")
        assert len(seen) == 1, "retries off: one attempt"
        assert seen[0].extensions["timeout"]["read"] == 5

        assert dn.notebooks.get("nb-1").id
        assert len(seen) == 3, "the original still retries (503, then 200)"
        assert seen[-1].extensions["timeout"]["read"] == 30

        quick.close()  # a view owns nothing
        assert not dn.client.get_httpx_client().is_closed
    assert dn.client.get_httpx_client().is_closed


def test_with_options_shares_the_connection_pool() -> None:
    dn = Deepnote(MOCK_TOKEN, base_url=MOCK_BASE_URL)
    with dn:
        quick = dn.with_options(timeout=1)
        # The one RetryTransport of the original (and so its wrapped pool) serves the view too;
        # reached through httpx's private attribute because no public one exists.
        assert quick.client.get_httpx_client()._transport is dn.client.get_httpx_client()._transport
        no_retries = dn.with_options(retry=None)
        assert no_retries.client.get_httpx_client()._transport._transport is (  # type: ignore[attr-defined]
            dn.client.get_httpx_client()._transport._transport  # type: ignore[attr-defined]
        )


def test_with_options_refuses_a_client_without_retry_transport() -> None:
    client = connect(MOCK_TOKEN, base_url=MOCK_BASE_URL, retry=None)
    with pytest.raises(TypeError, match="second connection pool"):
        Deepnote.from_client(client).with_options(timeout=1)


def test_from_client_uses_the_given_client_and_leaves_it_open(fake_server: ServerHandle) -> None:
    client = connect(fake_server.token, base_url=fake_server.base_url)
    with Deepnote.from_client(client) as dn:
        assert dn.client is client
        assert dn.notebooks.get(SEED_NOTEBOOK_ID).id == SEED_NOTEBOOK_ID
    assert not client.get_httpx_client().is_closed
    client.get_httpx_client().close()


async def test_async_deepnote_closes_its_async_connections(fake_server: ServerHandle) -> None:
    dn = AsyncDeepnote(fake_server.token, base_url=fake_server.base_url)
    async with dn:
        await dn.me.get()
        view = dn.with_options(timeout=2)
        await view.aclose()
        assert not dn.client.get_async_httpx_client().is_closed
    assert dn.client.get_async_httpx_client().is_closed


def test_the_underlying_generated_client_works_directly(fake_server: ServerHandle) -> None:
    from deepnote_client.api.notebooks import get_notebook

    with Deepnote(fake_server.token, base_url=fake_server.base_url) as dn:
        assert isinstance(dn.client, AuthenticatedClient)
        response = get_notebook.sync_detailed(client=dn.client, notebook_id=SEED_NOTEBOOK_ID)
        assert response.status_code == 200


def test_resources_are_made_once_per_client() -> None:
    dn = Deepnote(MOCK_TOKEN, base_url=MOCK_BASE_URL)
    assert dn.notebooks is dn.notebooks
    assert dn.with_options(timeout=1).notebooks is not dn.notebooks
    assert repr(dn.notebooks) == "<NotebooksResource>"
    dn.close()


def imported_modules(code: str) -> list[str]:
    script = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return list(json.loads(output))


def test_importing_the_facade_loads_no_operation_it_does_not_need() -> None:
    before = set(imported_modules("import deepnote_overlay.runs"))
    after = set(imported_modules("from deepnote_overlay import Deepnote, AsyncDeepnote"))
    added = sorted(name for name in after - before if name.startswith("deepnote_client."))
    assert added == [], "the facade imports endpoint and model modules inside its methods"
    assert "deepnote_overlay._resources" in after


def test_a_method_imports_its_endpoint_on_first_use() -> None:
    code = (
        "import httpx\n"
        "from deepnote_overlay import Deepnote\n"
        "handler = lambda request: httpx.Response(200, json={'projects': [], 'pagination': {}})\n"
        "dn = Deepnote('t', base_url='https://api.test/v2', transport=httpx.MockTransport(handler))\n"
        "list(dn.projects.list())\n"
    )
    loaded = imported_modules(code)
    assert "deepnote_client.api.projects.list_projects" in loaded
    assert "deepnote_client.api.notebooks.get_notebook" not in loaded


@pytest.mark.parametrize("make", [Deepnote, AsyncDeepnote])
def test_run_helpers_keep_their_functions_signatures(make: Callable[..., Any]) -> None:
    import inspect

    from deepnote_overlay import arun_notebook, await_run, run_notebook, wait_for_run

    dn = make(MOCK_TOKEN, base_url=MOCK_BASE_URL)
    waiting, running = (await_run, arun_notebook) if make is AsyncDeepnote else (wait_for_run, run_notebook)
    assert inspect.getattr_static(dn.runs, "wait").__wrapped__ is waiting
    assert inspect.getattr_static(dn, "run_notebook").__wrapped__ is running
    bound = inspect.signature(dn.runs.wait)
    assert list(bound.parameters) == list(inspect.signature(waiting).parameters)[1:]
