"""Pagination: every item once and in order, one page at a time, typed errors, loop protection."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import attrs
import httpx
import pytest

from deepnote_client.api.notebooks import list_notebook_runs
from deepnote_client.api.projects import list_projects
from deepnote_client.client import AuthenticatedClient
from deepnote_client.models import CursorPagination
from deepnote_fake import SEED_PROJECT_ID, FakeDeepnote, ServerHandle, running_server
from deepnote_overlay import RepeatedPageTokenError, RetryPolicy, ServerError
from deepnote_overlay.lowlevel import connect, page_items, paginate

from .helpers import RUN_ID, FakeTime, mock_client

RUNS = 2500


@pytest.fixture(scope="module")
def runs_server() -> Iterator[tuple[ServerHandle, str, list[str]]]:
    """A fake with one notebook holding 2,500 finished runs (ids oldest first)."""
    with running_server(FakeDeepnote()) as handle:
        notebook = handle.state.create_notebook(SEED_PROJECT_ID, "history")
        ids = handle.state.add_runs(notebook.id, RUNS)
        yield handle, notebook.id, ids


def runs_requests(server: ServerHandle, notebook_id: str) -> int:
    return sum(1 for r in server.state.requests if r.path == f"/notebooks/{notebook_id}/runs")


def fake_client(server: ServerHandle, **policy: Any) -> AuthenticatedClient:
    return connect(server.token, base_url=server.base_url, retry=RetryPolicy(**policy))


@pytest.mark.parametrize("page_size", [100, 37])
def test_paginate_sees_every_run_once_in_order(
    runs_server: tuple[ServerHandle, str, list[str]], page_size: int
) -> None:
    server, notebook_id, ids = runs_server
    server.state.reset_counters()
    client = fake_client(server)
    seen = [
        str(run.run_id)
        for run in paginate(list_notebook_runs, client=client, notebook_id=notebook_id, page_size=page_size)
    ]
    assert seen == ids[::-1]  # newest first, each exactly once
    assert runs_requests(server, notebook_id) == math.ceil(RUNS / page_size)


async def test_async_for_over_paginate_sees_every_run_once_in_order(
    runs_server: tuple[ServerHandle, str, list[str]],
) -> None:
    server, notebook_id, ids = runs_server
    server.state.reset_counters()
    client = fake_client(server)
    seen = [
        str(run.run_id)
        async for run in paginate(list_notebook_runs, client=client, notebook_id=notebook_id, page_size=100)
    ]
    assert seen == ids[::-1]
    assert runs_requests(server, notebook_id) == math.ceil(RUNS / 100)


def test_pages_are_fetched_only_when_needed(runs_server: tuple[ServerHandle, str, list[str]]) -> None:
    server, notebook_id, ids = runs_server
    server.state.reset_counters()
    items = iter(
        paginate(list_notebook_runs, client=fake_client(server), notebook_id=notebook_id, page_size=100)
    )
    first = next(items)
    assert str(first.run_id) == ids[-1]
    assert runs_requests(server, notebook_id) == 1
    for _ in range(99):
        next(items)
    assert runs_requests(server, notebook_id) == 1
    next(items)
    assert runs_requests(server, notebook_id) == 2


@pytest.mark.parametrize(("max_items", "requests"), [(150, 2), (100, 1), (1, 1), (0, 0)])
def test_max_items_stops_without_fetching_more(
    runs_server: tuple[ServerHandle, str, list[str]], max_items: int, requests: int
) -> None:
    server, notebook_id, ids = runs_server
    server.state.reset_counters()
    client = fake_client(server)
    seen = list(
        paginate(
            list_notebook_runs, client=client, notebook_id=notebook_id, page_size=100, max_items=max_items
        )
    )
    assert [str(run.run_id) for run in seen] == ids[::-1][:max_items]
    assert runs_requests(server, notebook_id) == requests


async def test_max_pages_stops_early_sync_and_async(runs_server: tuple[ServerHandle, str, list[str]]) -> None:
    server, notebook_id, _ = runs_server
    server.state.reset_counters()
    client = fake_client(server)
    pages = list(
        paginate(
            list_notebook_runs, client=client, notebook_id=notebook_id, page_size=100, max_pages=3
        ).pages()
    )
    assert [len(page.runs) for page in pages] == [100, 100, 100]
    apages = [
        p
        async for p in paginate(
            list_notebook_runs, client=client, notebook_id=notebook_id, max_pages=2
        ).pages()
    ]
    assert [len(page.runs) for page in apages] == [20, 20]  # the operation's default page size
    items = list(
        paginate(list_notebook_runs, client=client, notebook_id=notebook_id, page_size=10, max_pages=2)
    )
    assert len(items) == 20
    assert runs_requests(server, notebook_id) == 3 + 2 + 2


def test_paginate_can_resume_from_a_page_token(runs_server: tuple[ServerHandle, str, list[str]]) -> None:
    server, notebook_id, ids = runs_server
    client = fake_client(server)
    first = next(
        iter(paginate(list_notebook_runs, client=client, notebook_id=notebook_id, page_size=100).pages())
    )
    token = first.pagination.next_page_token
    assert isinstance(token, str)
    rest = [
        str(r.run_id)
        for r in paginate(
            list_notebook_runs, client=client, notebook_id=notebook_id, page_size=100, page_token=token
        )
    ]
    assert rest == ids[::-1][100:]


def test_an_error_on_a_later_page_raises_a_typed_error(
    runs_server: tuple[ServerHandle, str, list[str]], fake_time: FakeTime
) -> None:
    server, notebook_id, _ = runs_server
    waits = fake_time.waits
    client = fake_client(server)
    items = iter(paginate(list_notebook_runs, client=client, notebook_id=notebook_id, page_size=100))
    seen = [next(items) for _ in range(100)]
    server.state.faults.inject("503", times=9, method="GET", path=f"/notebooks/{notebook_id}/runs")
    try:
        with pytest.raises(ServerError):
            next(items)
    finally:
        server.state.faults.clear()
    assert len(seen) == 100 and len(waits) == 3  # the page was retried before giving up


def test_list_projects_pages_through_every_project(fake_server: ServerHandle) -> None:
    state = fake_server.state
    expected = [SEED_PROJECT_ID] + [state.create_project(f"p{i}").id for i in range(7)]
    client = fake_client(fake_server)
    seen = [str(project.id) for project in paginate(list_projects, client=client, page_size=3)]
    assert seen == expected
    assert sum(1 for r in state.requests if r.path == "/projects") == math.ceil(8 / 3)


# --- Edge cases on scripted pages (MockTransport) ---------------------------------------------


def scripted_pages(
    *tokens: str | None, has_more: list[bool] | None = None
) -> tuple[Any, list[httpx.Request]]:
    """A server answering page N with one run and ``tokens[N]`` as the next token."""
    received: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        received.append(request)
        n = len(received) - 1
        pagination: dict[str, Any] = {"nextPageToken": tokens[n]}
        if has_more is not None:
            pagination["hasMore"] = has_more[n]
        run = {"runId": RUN_ID, "status": "success"}
        return httpx.Response(200, json={"runs": [run], "pagination": pagination})

    return handler, received


@pytest.mark.parametrize("start", [None, "a"])
async def test_a_repeated_page_token_raises_instead_of_looping(
    start: str | None, fake_time: FakeTime
) -> None:
    tokens = ["b", "c", "b"] if start is None else ["b", "a"]
    for mode in ("sync", "async"):
        handler, received = scripted_pages(*tokens)
        client = mock_client(handler, fake_time.policy())
        kwargs: dict[str, Any] = (
            {"notebook_id": "nb"} if start is None else {"notebook_id": "nb", "page_token": start}
        )
        seen: list[Any] = []
        with pytest.raises(RepeatedPageTokenError) as caught:
            if mode == "sync":
                for run in paginate(list_notebook_runs, client=client, **kwargs):
                    seen.append(run)  # noqa: PERF402  # keep what came before the error
            else:
                async for run in paginate(list_notebook_runs, client=client, **kwargs):
                    seen.append(run)
        assert len(seen) == len(received) == len(tokens)
        assert caught.value.page_token == tokens[-1]
        assert caught.value.operation == "listNotebookRuns"
        assert [r.url.params.get("pageToken") for r in received] == [start, *tokens[:-1]]


@pytest.mark.parametrize(
    ("tokens", "has_more", "pages"),
    [
        (["x", None], None, 2),
        (["x", ""], None, 2),
        (["x", "y", "z"], [True, False, True], 2),
    ],
)
def test_the_last_page_has_no_token_or_has_more_false(
    tokens: list[str | None], has_more: list[bool] | None, pages: int, fake_time: FakeTime
) -> None:
    handler, received = scripted_pages(*tokens, has_more=has_more)
    client = mock_client(handler, fake_time.policy())
    assert len(list(paginate(list_notebook_runs, client=client, notebook_id="nb"))) == pages
    assert len(received) == pages


def test_page_items_needs_exactly_one_list_field() -> None:
    @attrs.define
    class TwoLists:
        a: list[int]
        b: list[int]
        pagination: CursorPagination

    with pytest.raises(TypeError, match="2 list fields"):
        page_items(TwoLists([1], [2], CursorPagination()))
