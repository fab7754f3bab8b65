"""``max_pages`` and ``max_items`` over a pager and its pages, and the loop guards, on scripted pages.

Every case iterates with ``for`` and with ``async for`` and counts the requests, so fetching one page
too many fails; ``max_pages`` of 0 and 1 are checked as well as the larger ones.
"""

from __future__ import annotations

from typing import Any

import attrs
import httpx
import pytest

from deepnote_client.api.notebooks import list_notebook_runs
from deepnote_client.models import ListNotebookRunsResponse
from deepnote_overlay import PaginationError, RepeatedPageTokenError
from deepnote_overlay.lowlevel import page_items, paginate
from deepnote_overlay.pagination import MAX_EMPTY_PAGES

from .helpers import FakeTime, Pages, mock_client


async def items(mode: str, pages: Pages, fake_time: FakeTime, **limits: Any) -> list[str]:
    client = mock_client(pages, fake_time.policy())
    if mode == "sync":
        return [run.run_id for run in paginate(list_notebook_runs, client=client, notebook_id="nb", **limits)]
    return [
        run.run_id async for run in paginate(list_notebook_runs, client=client, notebook_id="nb", **limits)
    ]


async def page_sizes(mode: str, pages: Pages, fake_time: FakeTime, **limits: Any) -> list[int]:
    client = mock_client(pages, fake_time.policy())
    if mode == "sync":
        return [
            len(p.runs)
            for p in paginate(list_notebook_runs, client=client, notebook_id="nb", **limits).pages()
        ]
    return [
        len(p.runs)
        async for p in paginate(list_notebook_runs, client=client, notebook_id="nb", **limits).pages()
    ]


MODES = ["sync", "async"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("max_pages", [None, -1, 0, 1, 2, 3, 4])
async def test_max_pages_in_the_page_iterators(mode: str, max_pages: int | None, fake_time: FakeTime) -> None:
    pages = Pages(2, 3, 1)
    sizes = await page_sizes(mode, pages, fake_time, max_pages=max_pages)
    wanted = 3 if max_pages is None else max(0, min(max_pages, 3))
    assert sizes == [2, 3, 1][:wanted]
    assert len(pages.requests) == wanted


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("max_pages", [None, -1, 0, 1, 2, 3, 4])
async def test_max_pages_in_the_item_iterators(mode: str, max_pages: int | None, fake_time: FakeTime) -> None:
    pages = Pages(2, 3, 1)
    seen = await items(mode, pages, fake_time, max_pages=max_pages)
    wanted = 3 if max_pages is None else max(0, min(max_pages, 3))
    assert seen == [f"{n}.{i}" for n, size in enumerate([2, 3, 1][:wanted]) for i in range(size)]
    assert len(pages.requests) == wanted


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("max_items", [None, -1, 0, 1, 2, 3, 5, 6, 7])
async def test_max_items_stops_without_fetching_another_page(
    mode: str, max_items: int | None, fake_time: FakeTime
) -> None:
    pages = Pages(2, 3, 1)
    seen = await items(mode, pages, fake_time, max_items=max_items)
    everything = pages.everything()
    wanted = everything if max_items is None else everything[: max(0, max_items)]
    assert seen == wanted
    # Only the pages holding the items wanted are fetched.
    last_page = max((int(item.split(".")[0]) for item in wanted), default=-1)
    assert len(pages.requests) == (3 if max_items is None else last_page + 1)


@pytest.mark.parametrize("mode", MODES)
async def test_max_items_and_max_pages_together_stop_at_the_first_reached(
    mode: str, fake_time: FakeTime
) -> None:
    assert await items(mode, Pages(2, 3, 1), fake_time, max_items=4, max_pages=1) == ["0.0", "0.1"]
    assert await items(mode, Pages(2, 3, 1), fake_time, max_items=3, max_pages=3) == ["0.0", "0.1", "1.0"]


@pytest.mark.parametrize("mode", MODES)
async def test_empty_pages_that_still_claim_more_are_followed_up_to_the_limit(
    mode: str, fake_time: FakeTime
) -> None:
    almost = Pages(*[0] * (MAX_EMPTY_PAGES - 1), 1)
    assert await items(mode, almost, fake_time) == [f"{MAX_EMPTY_PAGES - 1}.0"]
    looping = Pages(*[0] * (MAX_EMPTY_PAGES + 5), 1)
    with pytest.raises(PaginationError, match=f"{MAX_EMPTY_PAGES} empty pages in a row") as caught:
        await items(mode, looping, fake_time)
    assert (caught.value.operation, caught.value.pages) == ("listNotebookRuns", MAX_EMPTY_PAGES)
    assert len(looping.requests) == MAX_EMPTY_PAGES


@pytest.mark.parametrize("mode", MODES)
async def test_an_empty_page_between_full_ones_resets_the_count(mode: str, fake_time: FakeTime) -> None:
    sizes = [*[0] * (MAX_EMPTY_PAGES - 1), 1, *[0] * (MAX_EMPTY_PAGES - 1), 1]
    assert len(await items(mode, Pages(*sizes), fake_time)) == 2


@pytest.mark.parametrize("mode", MODES)
async def test_has_more_without_a_token_is_an_error_not_the_end(mode: str, fake_time: FakeTime) -> None:
    with pytest.raises(PaginationError) as caught:
        await items(mode, Pages(1, 1, has_more_at_end=True), fake_time)
    assert (caught.value.operation, caught.value.pages) == ("listNotebookRuns", 2)
    assert (
        caught.value.reason == "the page says hasMore but gives no nextPageToken; the rest cannot be fetched"
    )
    assert len(await items(mode, Pages(1, 1, has_more_at_end=False), fake_time)) == 2


@pytest.mark.parametrize("mode", MODES)
async def test_a_module_without_page_items_is_refused_before_any_request(
    mode: str, fake_time: FakeTime
) -> None:
    from deepnote_client.api.notebooks import get_notebook

    pages = Pages(1)
    client = mock_client(pages, fake_time.policy())
    with pytest.raises(TypeError, match="getNotebook is not a paginated operation"):
        if mode == "sync":
            next(iter(paginate(get_notebook, client=client, notebook_id="nb")))  # type: ignore[arg-type]
        else:
            await anext(aiter(paginate(get_notebook, client=client, notebook_id="nb")))  # type: ignore[arg-type]
    assert pages.requests == []


class Repeating(Pages):
    """Page tokens p1, p2, then p1 again."""

    def __call__(self, request: httpx.Request) -> httpx.Response:
        response = super().__call__(request)
        if len(self.requests) == 3:
            body = response.json()
            body["pagination"]["nextPageToken"] = "p1"
            return httpx.Response(200, json=body)
        return response


@pytest.mark.parametrize("mode", MODES)
async def test_a_repeated_token_names_how_many_pages_came_first(mode: str, fake_time: FakeTime) -> None:
    with pytest.raises(RepeatedPageTokenError) as caught:
        await items(mode, Repeating(1, 1, 1, 1, 1), fake_time)
    assert (caught.value.operation, caught.value.page_token, caught.value.pages) == (
        "listNotebookRuns",
        "p1",
        3,
    )


def test_not_a_paginated_operation_is_named_however_it_can_be() -> None:
    def not_paged() -> None: ...

    class Anonymous:
        def __repr__(self) -> str:
            return "<anonymous endpoint>"

    for endpoint, name in ((not_paged, "not_paged"), (Anonymous(), "<anonymous endpoint>")):
        with pytest.raises(TypeError) as caught:
            next(iter(paginate(endpoint, client=None)))  # type: ignore[call-overload]
        assert (
            str(caught.value) == f"{name} is not a paginated operation (its page schema has no x-page-items)"
        )


def test_page_items_is_the_one_list_of_a_page() -> None:
    page = ListNotebookRunsResponse.from_dict(
        {"runs": [{"runId": "r1", "status": "success"}], "pagination": {"nextPageToken": None}}
    )
    assert [run.run_id for run in page_items(page)] == ["r1"]

    @attrs.define
    class TwoLists:
        a: list[int]
        b: list[int]

    with pytest.raises(TypeError) as caught:
        page_items(TwoLists([1], [2]))  # type: ignore[arg-type]
    assert str(caught.value) == "TwoLists has 2 list fields; expected exactly one list of items"
