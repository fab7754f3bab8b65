"""``Deepnote`` and ``AsyncDeepnote``: every operation against the fake API on loopback, the
pagers, per-request options, closing, and what importing the facade loads."""

from __future__ import annotations

import asyncio
import io
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from deepnote_client import AuthenticatedClient
from deepnote_client.api import OPERATIONS
from deepnote_client.models import (
    BlockPlacementStart,
    BlockType,
    MachineStatus,
    RunStatus,
    SessionStorageMode,
    StreamlitAppStatus,
)
from deepnote_fake import (
    SEED_BLOCK_IDS,
    SEED_NOTEBOOK_ID,
    SEED_POSTGRES_INTEGRATION_ID,
    SEED_PROJECT_ID,
    SEED_TOKEN,
    FakeDeepnote,
    ServerHandle,
    running_server,
)
from deepnote_overlay import (
    AsyncDeepnote,
    Deepnote,
    MissingTokenError,
    NotFoundError,
    Pager,
    RateLimiter,
    RunFailedError,
    RunResult,
    ServerError,
)
from deepnote_overlay.lowlevel import RetryTransport
from tests.spec_tools import ROOT

from .helpers import MOCK_BASE_URL, MOCK_TOKEN, FakeTime, notebook_json


@pytest.fixture
def quick_runs_server() -> Iterator[ServerHandle]:
    """The fake on the real clock with runs that finish within ~0.1 s, so run helpers can wait."""
    fake = FakeDeepnote(pending_seconds=0.02, running_seconds=0.02, snapshot_seconds=0.0)
    with running_server(fake) as server:
        yield server


def test_every_operation_through_deepnote(quick_runs_server: ServerHandle, tmp_path: Path) -> None:
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

        started = dn.runs.start(SEED_NOTEBOOK_ID)
        assert started.status == "pending"
        assert dn.runs.get(started.id).run_id == started.id
        assert dn.runs.attach(started.id).wait(timeout=10, poll_interval=0.01).run.status == RunStatus.SUCCESS
        finished = dn.run_notebook(SEED_NOTEBOOK_ID, timeout=10, poll_interval=0.01)
        assert finished.run.status == RunStatus.SUCCESS
        history = [run.run_id for run in dn.notebooks.list_runs(SEED_NOTEBOOK_ID)]
        assert {started.id, finished.run_id} <= set(history)

        uploaded = dn.files.upload(project.id, "in.csv", io.BytesIO(b"a,b\n"))
        assert uploaded.path == "in.csv"
        downloaded = io.BytesIO()
        assert dn.files.download(project.id, "in.csv", downloaded) == 4
        assert downloaded.getvalue() == b"a,b\n"
        dn.files.copy(
            source_project_id=project.id, target_project_id=SEED_PROJECT_ID, source_file_path="in.csv"
        )
        dn.files.delete(project_id=SEED_PROJECT_ID, path="in.csv")
        assert dn.projects.update(project.id, environment_id="python-3.11").id == project.id
        exported = dn.projects.export_to(project.id, tmp_path)
        assert exported.project_id == project.id and exported.files
        assert dn.projects.import_from(project.id, tmp_path).project.id == project.id

        dn.notebooks.delete(notebook.id)
        with pytest.raises(NotFoundError):
            dn.notebooks.get(notebook.id)
        dn.projects.delete(project.id)
        with pytest.raises(NotFoundError):
            dn.projects.get(project.id)

        exercise_workspace_operations(dn, server.state)

    assert {request.operation_id for request in server.state.requests} == set(OPERATIONS)


async def test_every_operation_through_async_deepnote(
    quick_runs_server: ServerHandle, tmp_path: Path
) -> None:
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

        started = await dn.runs.start(SEED_NOTEBOOK_ID)
        assert (await dn.runs.get(started.id)).run_id == started.id
        done = await (await dn.runs.attach(started.id)).wait(timeout=10, poll_interval=0.01)
        assert done.run.status == RunStatus.SUCCESS
        finished = await dn.run_notebook(SEED_NOTEBOOK_ID, timeout=10, poll_interval=0.01)
        assert finished.run.status == RunStatus.SUCCESS
        history = [run.run_id async for run in dn.notebooks.list_runs(SEED_NOTEBOOK_ID)]
        assert {started.id, finished.run_id} <= set(history)

        uploaded = await dn.files.upload(project.id, "in.csv", io.BytesIO(b"a,b\n"))
        assert uploaded.path == "in.csv"
        downloaded = io.BytesIO()
        assert await dn.files.download(project.id, "in.csv", downloaded) == 4
        assert downloaded.getvalue() == b"a,b\n"
        await dn.files.copy(
            source_project_id=project.id, target_project_id=SEED_PROJECT_ID, source_file_path="in.csv"
        )
        await dn.files.delete(project_id=SEED_PROJECT_ID, path="in.csv")
        assert (await dn.projects.update(project.id, environment_id="python-3.11")).id == project.id
        exported = await dn.projects.export_to(project.id, tmp_path)
        assert exported.project_id == project.id and exported.files
        imported = await dn.projects.import_from(project.id, tmp_path)
        assert imported.project.id == project.id

        await dn.notebooks.delete(notebook.id)
        with pytest.raises(NotFoundError):
            await dn.notebooks.get(notebook.id)
        await dn.projects.delete(project.id)
        with pytest.raises(NotFoundError):
            await dn.projects.get(project.id)

        await exercise_workspace_operations_async(dn, server.state)

    assert {request.operation_id for request in server.state.requests} == set(OPERATIONS)


def exercise_workspace_operations(dn: Deepnote, fake: FakeDeepnote) -> None:
    """The workspace operations (blocks, search, sessions, integrations, machines, streamlit apps)
    through ``Deepnote``, each answer checked for its meaning."""
    created = dn.blocks.create(
        notebook_id=SEED_NOTEBOOK_ID,
        type_=BlockType.SQL,
        content="select * from orders",
        integration_id=SEED_POSTGRES_INTEGRATION_ID,
        include_notebook_block_ids=True,
    )
    assert created.notebook_block_ids[-1] == created.block.id
    block = dn.blocks.get(created.block.id)
    assert (block.type_, block.integration_id) == (BlockType.SQL, SEED_POSTGRES_INTEGRATION_ID)
    assert dn.blocks.update(block.id, content="select 1").version == 2
    assert dn.search.search(q="select 1", types="blocks").results.to_dict()["blocks"][0]["id"] == block.id
    dn.blocks.delete(block.id)
    with pytest.raises(NotFoundError):
        dn.blocks.get(block.id)

    session = dn.sessions.create(notebook_id=SEED_NOTEBOOK_ID, storage_mode=SessionStorageMode.READONLY)
    assert session.run.to_dict()["notebookId"] == SEED_NOTEBOOK_ID
    session_id = session.session.to_dict()["id"]  # Session is open: the docs do not name its fields
    executed = dn.sessions.execute_code(session_id, notebook_id=SEED_NOTEBOOK_ID, code="raise KeyError('k')")
    assert executed.to_dict()["outputs"][0]["ename"] == "KeyError"

    integrations = dn.integrations.list(types="pgsql").integrations
    assert [i.id for i in integrations] == [SEED_POSTGRES_INTEGRATION_ID]
    tables = dn.integrations.get(SEED_POSTGRES_INTEGRATION_ID).tables
    assert [t.name for t in tables] == ["orders"]

    assert dn.machines.list_types().machine_types[1].name == "CPU (Plus)"
    assert dn.machines.get(SEED_PROJECT_ID).status == MachineStatus.STOPPED

    fake.projects[SEED_PROJECT_ID].files.append({"path": "app.py"})
    app = dn.streamlit_apps.create(project_id=SEED_PROJECT_ID, entrypoint="app.py")
    assert [a.id for a in dn.streamlit_apps.list(project_id=SEED_PROJECT_ID).streamlit_apps] == [app.id]
    assert dn.streamlit_apps.get_status(app.id).status in set(StreamlitAppStatus)


async def exercise_workspace_operations_async(dn: AsyncDeepnote, fake: FakeDeepnote) -> None:
    """The same through ``AsyncDeepnote``."""
    created = await dn.blocks.create(notebook_id=SEED_NOTEBOOK_ID, type_=BlockType.MARKDOWN, position=0)
    block = await dn.blocks.get(created.block.id)
    assert block.content == "" and fake.notebooks[SEED_NOTEBOOK_ID].blocks[0].id == block.id
    assert (await dn.blocks.update(block.id, content="# Title")).version == 2
    found = await dn.search.search(q="title")
    assert [b["id"] for b in found.results.to_dict()["blocks"]] == [block.id]
    await dn.blocks.delete(block.id)
    with pytest.raises(NotFoundError):
        await dn.blocks.delete(block.id)

    session = await dn.sessions.create(notebook_id=SEED_NOTEBOOK_ID)
    session_id = session.session.to_dict()["id"]
    executed = await dn.sessions.execute_code(session_id, notebook_id=SEED_NOTEBOOK_ID, code="print('ok')")
    assert executed.to_dict()["outputs"][0]["text"] == "ok\n"

    listed = await dn.integrations.list(name_contains="lake")
    assert [i.name for i in listed.integrations] == ["Fake lake"]
    lake = await dn.integrations.get(listed.integrations[0].id, database_name="FINANCE")
    assert [t.name for t in lake.tables] == ["SALES"]

    assert [t.id for t in (await dn.machines.list_types()).machine_types][:2] == ["basic", "fjord"]
    assert (await dn.machines.get(SEED_PROJECT_ID)).type_.id == "basic"

    fake.projects[SEED_PROJECT_ID].files.append({"path": "dash.py"})
    app = await dn.streamlit_apps.create(project_id=SEED_PROJECT_ID, entrypoint="dash.py")
    assert app.id in [a.id for a in (await dn.streamlit_apps.list(project_id=SEED_PROJECT_ID)).streamlit_apps]
    assert (await dn.streamlit_apps.get_status(app.id)).status in set(StreamlitAppStatus)


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
        assert isinstance(pager, Pager)
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
        assert isinstance(pager, Pager)
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


def test_the_constructor_forwards_the_rate_limiter_and_with_options_shares_it() -> None:
    shared = RateLimiter(max_concurrency=3)
    dn = Deepnote(MOCK_TOKEN, base_url=MOCK_BASE_URL, limiter=shared)
    with dn:
        transport = dn.client.get_httpx_client()._transport
        assert isinstance(transport, RetryTransport) and transport.limiter is shared
        for view in (dn.with_options(timeout=1), dn.with_options(retry=None)):
            view_transport = view.client.get_httpx_client()._transport
            assert isinstance(view_transport, RetryTransport)
            assert view_transport.limiter is shared, "a 429 seen through a view pauses the original too"
            assert view_transport._transport is transport._transport  # the same limited pool
    own = Deepnote(MOCK_TOKEN, base_url=MOCK_BASE_URL, max_concurrency=2)
    with own:
        limiter = own.client.get_httpx_client()._transport.limiter  # type: ignore[attr-defined]
        assert isinstance(limiter, RateLimiter) and limiter.max_concurrency == 2
    off = Deepnote(MOCK_TOKEN, base_url=MOCK_BASE_URL, limiter=False)
    with off:
        assert off.client.get_httpx_client()._transport.limiter is None  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="max_concurrency needs the limiter"):
        Deepnote(MOCK_TOKEN, base_url=MOCK_BASE_URL, limiter=False, max_concurrency=2)


def test_run_outputs_and_failures_through_deepnote(quick_runs_server: ServerHandle) -> None:
    server = quick_runs_server
    with Deepnote(server.token, base_url=server.base_url) as dn:
        result = dn.run_notebook(
            SEED_NOTEBOOK_ID, inputs={"region": "US"}, outputs=True, timeout=10, poll_interval=0.01
        )
        assert isinstance(result, RunResult) and result.succeeded
        assert result.block(SEED_BLOCK_IDS["code"]).text == "hello US\n"

        started = dn.runs.start(SEED_NOTEBOOK_ID)
        later = dn.runs.attach(started.id).wait(outputs=True, timeout=10, poll_interval=0.01)
        assert (later.run_id, later.block(SEED_BLOCK_IDS["code"]).text) == (started.id, "hello EU\n")

        server.state.run_outcome = "error"
        with pytest.raises(RunFailedError) as failed:
            dn.run_notebook(SEED_NOTEBOOK_ID, raise_on_failure=True, timeout=10, poll_interval=0.01)
        assert (failed.value.block_id, failed.value.ename) == (SEED_BLOCK_IDS["code"], "RuntimeError")
        assert failed.value.notebook_id == SEED_NOTEBOOK_ID


async def test_run_outputs_and_failures_through_async_deepnote(quick_runs_server: ServerHandle) -> None:
    server = quick_runs_server
    async with AsyncDeepnote(server.token, base_url=server.base_url) as dn:
        result = await dn.run_notebook(SEED_NOTEBOOK_ID, outputs=True, timeout=10, poll_interval=0.01)
        assert result.block(SEED_BLOCK_IDS["code"]).text == "hello EU\n"  # the input's saved value

        server.state.run_outcome = "error"
        started = await dn.runs.start(SEED_NOTEBOOK_ID)
        with pytest.raises(RunFailedError) as failed:
            await started.wait(raise_on_failure=True, timeout=10, poll_interval=0.01)
        assert (failed.value.run_id, failed.value.evalue) == (started.id, "the run failed in this block")


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


@pytest.mark.parametrize("make", [Deepnote, AsyncDeepnote])
def test_the_resources_with_helpers_are_their_sides_and_made_once_per_client(
    make: Callable[..., Any],
) -> None:
    from deepnote_overlay import facade_helpers
    from deepnote_overlay.resource import AsyncCaller, AsyncResource, Caller, Resource

    dn = make(MOCK_TOKEN, base_url=MOCK_BASE_URL)
    side = "Async" if make is AsyncDeepnote else ""
    assert type(dn._caller) is (AsyncCaller if side else Caller)
    assert dn._caller.client is dn.client
    for attribute in ("runs", "files", "projects"):
        resource = getattr(dn, attribute)
        assert type(resource) is getattr(facade_helpers, f"{side}{attribute.capitalize()}Resource")
        assert isinstance(resource, AsyncResource if side else Resource)
        assert resource is getattr(dn, attribute)
        assert resource._caller is dn._caller
        assert getattr(dn.with_options(timeout=1), attribute) is not resource


def test_a_tag_of_two_words_gives_the_helpers_class_named_as_the_generated_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``streamlit_apps`` -> ``StreamlitAppsResource`` (the templates' class name for the tag)."""
    from deepnote_overlay import _resource_roots, facade_helpers

    class AsyncStreamlitAppsResource:
        def __init__(self, caller: object) -> None:
            self.caller = caller

    monkeypatch.setattr(
        facade_helpers, "AsyncStreamlitAppsResource", AsyncStreamlitAppsResource, raising=False
    )
    helped = _resource_roots._Helped()
    helped.__set_name__(AsyncDeepnote, "streamlit_apps")
    dn = AsyncDeepnote(MOCK_TOKEN, base_url=MOCK_BASE_URL)
    resource = helped.__get__(dn, AsyncDeepnote)
    assert isinstance(resource, AsyncStreamlitAppsResource)
    assert resource.caller is dn._caller
    assert vars(dn)["streamlit_apps"] is resource  # kept: the next lookup finds it first
    assert helped.__get__(None, AsyncDeepnote) is helped


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
    for module in ("facade_helpers", "runs", "files", "project_archive"):
        assert f"deepnote_overlay.{module}" not in after, "the helpers and their jobs load on first use"
    assert "deepnote_overlay.limiter" not in after, "the limiter loads when a client is made"


def test_a_helper_imports_its_module_on_first_use() -> None:
    code = (
        "from deepnote_overlay import Deepnote\n"
        "files = Deepnote('t', base_url='https://api.test/v2').files\n"
        "import sys\n"
        "assert 'deepnote_overlay.facade_helpers' in sys.modules\n"
        "assert 'deepnote_overlay.files' not in sys.modules\n"
        "files.upload\n"
    )
    loaded = imported_modules(code)
    assert "deepnote_overlay.files" in loaded
    assert "deepnote_overlay.project_archive" not in loaded
    assert "deepnote_overlay.runs" not in loaded


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


def keywords(function: Callable[..., Any]) -> set[str]:
    import inspect

    return {p.name for p in inspect.signature(function).parameters.values() if p.kind is p.KEYWORD_ONLY}


def test_the_run_options_declared_for_type_checkers_are_what_the_plans_take() -> None:
    """``StartOptions`` / ``WaitOptions`` / ``RunOptions`` (the ``**options`` of ``dn.runs.start``,
    ``run.wait`` and ``dn.run_notebook``): ``start`` and ``run_notebook`` take them as ``**options``
    and refuse any other keyword before sending anything; the wait's are its keyword parameters."""
    import inspect

    from deepnote_overlay import runs

    for options in (runs.StartOptions, runs.WaitOptions, runs.RunOptions):
        assert options.__required_keys__ == frozenset(), "the plans read the options as optional keys"
    start, wait = runs.StartOptions.__optional_keys__, runs.WaitOptions.__optional_keys__
    assert wait == keywords(runs._wait)
    assert runs.RunOptions.__optional_keys__ == start | wait
    assert not start & wait, "run_notebook hands each option to one plan"
    for plan in (runs.start, runs.run_notebook):
        assert list(inspect.signature(plan).parameters) == ["links", "notebook_id", "options"]
    with httpx.Client(base_url=MOCK_BASE_URL) as http:
        links = runs.links_of(http)
    with pytest.raises(
        TypeError, match=r"^start\(\) got unexpected keyword arguments: poll_interval, timout$"
    ):
        next(runs.start(links, "nb", timout=5, poll_interval=1))  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"^run_notebook\(\) got unexpected keyword arguments: timout$"):
        next(runs.run_notebook(links, "nb", timout=5, inputs={}))  # type: ignore[call-arg]


@pytest.mark.parametrize("make", [Deepnote, AsyncDeepnote])
def test_the_run_methods_take_the_same_arguments_on_both_clients(make: Callable[..., Any]) -> None:
    import inspect

    from deepnote_overlay import AsyncRunHandle, RunHandle

    dn = make(MOCK_TOKEN, base_url=MOCK_BASE_URL)
    sync = Deepnote(MOCK_TOKEN, base_url=MOCK_BASE_URL)
    handle = AsyncRunHandle if make is AsyncDeepnote else RunHandle
    for method, sync_twin in (
        (dn.run_notebook, Deepnote.run_notebook),
        (dn.runs.start, sync.runs.start),
        (dn.runs.attach, sync.runs.attach),
        (handle.wait, RunHandle.wait),
    ):
        assert inspect.iscoroutinefunction(method) == (make is AsyncDeepnote), method
        assert str(inspect.signature(method)).split(" ->")[0].replace("self, ", "") == (
            str(inspect.signature(sync_twin)).split(" ->")[0].replace("self, ", "")
        ), method


class RecordingEndpoint:
    """An operation module whose ``build_request`` records its arguments and stops the call."""

    OPERATION_ID = "recorded"

    def __init__(self) -> None:
        self.seen: tuple[tuple[Any, ...], dict[str, Any]] | None = None

    def build_request(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        self.seen = (args, kwargs)
        raise LookupError("stopped before sending")

    def parse_response(self, response: httpx.Response) -> None:
        raise AssertionError("nothing is sent")


def test_the_callers_pass_every_argument_on_to_the_operation() -> None:
    from deepnote_overlay.resource import AsyncCaller, Caller

    client = AuthenticatedClient(base_url=MOCK_BASE_URL, token=MOCK_TOKEN)
    sync_endpoint, async_endpoint = RecordingEndpoint(), RecordingEndpoint()
    with pytest.raises(LookupError):
        Caller(client).call(sync_endpoint, "positional", keyword=1)  # type: ignore[arg-type]
    with pytest.raises(LookupError):
        asyncio.run(AsyncCaller(client).call(async_endpoint, "positional", keyword=1))  # type: ignore[arg-type]
    assert sync_endpoint.seen == async_endpoint.seen == (("positional",), {"keyword": 1})
