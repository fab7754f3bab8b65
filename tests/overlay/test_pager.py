"""One ``Pager`` for both sides: ``for`` and ``async for`` over the same pager and its ``pages()``,
again from the start each time; a pager of ``Deepnote`` or ``AsyncDeepnote`` refuses the other
side's statement before any request; its repr shows the operation and limits only."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from deepnote_client.api.notebooks import list_notebook_runs
from deepnote_client.api.projects import list_projects
from deepnote_overlay import AsyncDeepnote, Deepnote, Pager
from deepnote_overlay.lowlevel import paginate

from .helpers import MOCK_BASE_URL, MOCK_TOKEN, FakeTime, Pages, mock_client


def tokens_sent(pages: Pages) -> list[str | None]:
    return [request.url.params.get("pageToken") for request in pages.requests]


async def test_a_low_level_pager_is_iterated_both_ways_each_time_from_the_start(fake_time: FakeTime) -> None:
    pages = Pages(2, 3, 1)
    pager = paginate(list_notebook_runs, client=mock_client(pages, fake_time.policy()), notebook_id="nb")
    assert isinstance(pager, Pager)
    assert pages.requests == [], "making a pager sends nothing"
    everything = pages.everything()
    assert [run.run_id for run in pager] == everything
    assert [run.run_id async for run in pager] == everything
    assert [run.run_id for run in pager] == everything
    assert tokens_sent(pages) == [None, "p1", "p2"] * 3


async def test_a_pager_starts_each_iteration_from_the_page_token_given(fake_time: FakeTime) -> None:
    pages = Pages(2, 3, 1)
    client = mock_client(pages, fake_time.policy())
    pager = paginate(list_notebook_runs, client=client, notebook_id="nb", page_token="p1")
    assert [run.run_id for run in pager] == ["1.0", "1.1", "1.2", "2.0"]
    assert [len(page.runs) async for page in pager.pages()] == [3, 1]
    assert tokens_sent(pages) == ["p1", "p2"] * 2


async def test_the_limits_hold_on_both_sides_of_one_pager(fake_time: FakeTime) -> None:
    pages = Pages(2, 3, 1)
    client = mock_client(pages, fake_time.policy())
    pager = paginate(list_notebook_runs, client=client, notebook_id="nb", max_items=3)
    assert [run.run_id for run in pager] == ["0.0", "0.1", "1.0"]
    assert [run.run_id async for run in pager] == ["0.0", "0.1", "1.0"]
    assert len(pages.requests) == 4, "two pages each time: none past max_items"

    pager = paginate(list_notebook_runs, client=client, notebook_id="nb", max_pages=2)
    assert [run.run_id for run in pager] == ["0.0", "0.1", "1.0", "1.1", "1.2"]
    assert len([run async for run in pager]) == 5
    assert len(pages.requests) == 8


async def test_pages_are_iterated_both_ways_within_max_pages_only(fake_time: FakeTime) -> None:
    pages = Pages(2, 3, 1)
    client = mock_client(pages, fake_time.policy())
    whole = paginate(list_notebook_runs, client=client, notebook_id="nb", max_items=1).pages()
    assert [len(page.runs) for page in whole] == [2, 3, 1], "max_items limits the items, not the pages"
    assert [len(page.runs) async for page in whole] == [2, 3, 1]
    two = paginate(list_notebook_runs, client=client, notebook_id="nb", max_pages=2).pages()
    assert [len(page.runs) for page in two] == [2, 3]
    assert [len(page.runs) async for page in two] == [2, 3]
    assert tokens_sent(pages) == [None, "p1", "p2"] * 2 + [None, "p1"] * 2


def refuse_requests(request: httpx.Request) -> httpx.Response:
    raise AssertionError(f"a pager refused its statement, yet sent {request.url}")


def sync_pager() -> Pager[Any, Any]:
    dn = Deepnote(MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=httpx.MockTransport(refuse_requests))
    pager = dn.notebooks.list_runs("nb", page_size=5, max_items=2)
    assert isinstance(pager, Pager)
    return pager


def async_pager() -> Pager[Any, Any]:
    adn = AsyncDeepnote(MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=httpx.MockTransport(refuse_requests))
    pager = adn.projects.list(max_pages=3)
    assert isinstance(pager, Pager)
    return pager


async def test_a_pager_of_deepnote_refuses_async_for() -> None:
    pager = sync_pager()
    wanted = (
        "<Pager listNotebookRuns max_items=2 max_pages=None> is from Deepnote: iterate it with `for`, "
        "not `async for` (or use AsyncDeepnote for `async for`)"
    )
    with pytest.raises(TypeError) as caught:
        [run async for run in pager]
    assert str(caught.value) == wanted
    with pytest.raises(TypeError) as caught:
        [page async for page in pager.pages()]
    assert str(caught.value) == wanted


def test_a_pager_of_async_deepnote_refuses_for() -> None:
    pager = async_pager()
    wanted = (
        "<Pager listProjects max_items=None max_pages=3> is from AsyncDeepnote: iterate it with "
        "`async for`, not `for` (or use Deepnote for `for`)"
    )
    with pytest.raises(TypeError) as caught:
        list(pager)
    assert str(caught.value) == wanted
    with pytest.raises(TypeError) as caught:
        list(pager.pages())
    assert str(caught.value) == wanted


def test_a_pager_repr_shows_the_operation_and_limits_not_the_arguments(fake_time: FakeTime) -> None:
    client = mock_client(refuse_requests, fake_time.policy())
    secret = "tok-SECRET-page"
    pager = paginate(list_notebook_runs, client, 7, 2, notebook_id="nb-SECRET", page_token=secret)
    assert repr(pager) == "<Pager listNotebookRuns max_items=7 max_pages=2>"


async def test_positional_arguments_go_to_the_operation_which_refuses_them(fake_time: FakeTime) -> None:
    """Nothing given to ``paginate`` is dropped: the generated ``build_request`` takes keywords
    only, so a positional argument after the limits fails on either side instead of being lost."""
    pages = Pages(1)
    client = mock_client(pages, fake_time.policy())
    pager = paginate(list_projects, client, None, None, 5)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="positional argument"):
        list(pager)
    with pytest.raises(TypeError, match="positional argument"):
        [project async for project in pager]
    assert pages.requests == []
