"""Leaving ``with`` closes everything a client opened, sync and async, without a ``ResourceWarning``.

The common case: ``with connect(...) as client:`` and ``asyncio.run(...)`` inside it. When the block
ends, the event loop that owns the async pool's sockets is closed already, so nothing can close
them from outside it any more: the client closes them in that loop, as the loop shuts down.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import sys
import threading
import warnings
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import deepnote_overlay.client as client_module
from deepnote_client.api.notebooks import get_notebook
from deepnote_fake import SEED_NOTEBOOK_ID, ServerHandle
from deepnote_overlay import AsyncDeepnote, ClientClosedError, Deepnote
from deepnote_overlay.lowlevel import acall, call, connect


@contextlib.contextmanager
def no_resource_warning() -> Iterator[None]:
    """Fail if a ``ResourceWarning`` is raised in the block or by what it leaves for the GC.

    Such warnings come from finalizers (``__del__``), where an error is not raised but handed to
    ``sys.unraisablehook``: both ways are caught.
    """
    gc.collect()  # what earlier tests left for the GC is theirs, not the block's
    unraisable: list[Any] = []
    previous_hook = sys.unraisablehook
    sys.unraisablehook = unraisable.append
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", ResourceWarning)
            yield
            gc.collect()
    finally:
        sys.unraisablehook = previous_hook
    assert [repr(item.exc_value) for item in unraisable] == []


async def get_seed(client: Any) -> httpx.AsyncClient:
    """GET the seed notebook through ``acall``; the async httpx client it used."""
    assert (await acall(get_notebook, client, notebook_id=SEED_NOTEBOOK_ID)).notebook.id == SEED_NOTEBOOK_ID
    http: httpx.AsyncClient = client.get_async_httpx_client()
    return http


def test_leaving_with_after_asyncio_run_closes_the_async_side(fake_server: ServerHandle) -> None:
    with no_resource_warning():
        with connect(fake_server.token, base_url=fake_server.base_url) as client:
            call(get_notebook, client, notebook_id=SEED_NOTEBOOK_ID)
            async_http = asyncio.run(get_seed(client))
            sync_http = client.get_httpx_client()
        assert async_http.is_closed and sync_http.is_closed
        del client, async_http, sync_http


def test_the_async_side_is_closed_when_its_loop_ends_and_the_next_loop_gets_a_fresh_one(
    fake_server: ServerHandle,
) -> None:
    with no_resource_warning():
        client = connect(fake_server.token, base_url=fake_server.base_url)
        first = asyncio.run(get_seed(client))
        assert first.is_closed, "closed as its loop shut down"
        second = asyncio.run(get_seed(client))
        assert second is not first and second.is_closed
        client.close()
        del client, first, second


def test_leaving_with_inside_a_coroutine_closes_the_async_side_at_its_next_await(
    fake_server: ServerHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client_module, "CLOSE_WAIT", 600.0)  # never waited for on this path

    async def main() -> httpx.AsyncClient:
        with connect(fake_server.token, base_url=fake_server.base_url) as client:
            http = await get_seed(client)
        assert client.get_async_httpx_client() is not http, "the next async call gets a fresh one"
        for _ in range(100):  # bounded: the close is one task of this loop
            if http.is_closed and not client_module._PENDING:
                break
            await asyncio.sleep(0)
        assert http.is_closed, "closed by the loop it belongs to, while it still runs"
        assert client_module._PENDING == set(), "the closing task is not held once done"
        await client.aclose()
        return http

    with no_resource_warning():
        asyncio.run(main())


def test_leaving_with_closes_an_async_side_whose_loop_is_idle(fake_server: ServerHandle) -> None:
    loop = asyncio.new_event_loop()
    try:
        with no_resource_warning():
            with connect(fake_server.token, base_url=fake_server.base_url) as client:
                http = loop.run_until_complete(get_seed(client))
            assert http.is_closed, "closed by running the idle loop until it was"
            del client, http
    finally:
        loop.close()


def test_leaving_with_closes_an_async_side_whose_loop_runs_in_another_thread(
    fake_server: ServerHandle,
) -> None:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        with no_resource_warning():
            with connect(fake_server.token, base_url=fake_server.base_url) as client:
                http = asyncio.run_coroutine_threadsafe(get_seed(client), loop).result(timeout=30)
            assert http.is_closed, "closed in its own loop's thread"
            del client, http
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=30)
        loop.close()


def test_closing_waits_a_bounded_time_for_a_busy_loop_in_another_thread(
    fake_server: ServerHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client_module, "CLOSE_WAIT", 0.01)
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    release = threading.Event()
    try:
        with no_resource_warning():
            client = connect(fake_server.token, base_url=fake_server.base_url)
            http = asyncio.run_coroutine_threadsafe(get_seed(client), loop).result(timeout=30)
            loop.call_soon_threadsafe(release.wait, 30)  # the loop is busy until released
            client.close()  # returns although the loop could not close it yet
            release.set()
            asyncio.run_coroutine_threadsafe(asyncio.sleep(0), loop).result(timeout=30)
            for _ in range(1000):  # bounded: the close was queued on that loop
                if http.is_closed:
                    break
                asyncio.run_coroutine_threadsafe(asyncio.sleep(0), loop).result(timeout=30)
            assert http.is_closed
            del client, http
    finally:
        release.set()
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=30)
        loop.close()


def test_a_deepnote_closes_its_async_side_on_leaving_with(fake_server: ServerHandle) -> None:
    with no_resource_warning():
        with Deepnote(fake_server.token, base_url=fake_server.base_url) as dn:
            assert dn.notebooks.get(SEED_NOTEBOOK_ID).id == SEED_NOTEBOOK_ID
            async_http = asyncio.run(get_seed(dn.client))
        assert async_http.is_closed and dn.client.get_httpx_client().is_closed
        del dn, async_http


def test_an_async_deepnote_closes_its_sync_side_on_leaving_async_with(fake_server: ServerHandle) -> None:
    async def main() -> tuple[httpx.Client, httpx.AsyncClient]:
        async with AsyncDeepnote(fake_server.token, base_url=fake_server.base_url) as adn:
            assert (await adn.notebooks.get(SEED_NOTEBOOK_ID)).id == SEED_NOTEBOOK_ID
            call(get_notebook, adn.client, notebook_id=SEED_NOTEBOOK_ID)
            sync_http = adn.client.get_httpx_client()
        return sync_http, adn.client.get_async_httpx_client()

    with no_resource_warning():
        sync_http, async_http = asyncio.run(main())
        assert sync_http.is_closed and async_http.is_closed
        del sync_http, async_http


def test_an_async_deepnote_left_open_is_closed_when_its_loop_ends(fake_server: ServerHandle) -> None:
    async def main() -> AsyncDeepnote:
        adn = AsyncDeepnote(fake_server.token, base_url=fake_server.base_url)
        assert (await adn.notebooks.get(SEED_NOTEBOOK_ID)).id == SEED_NOTEBOOK_ID
        return adn

    with no_resource_warning():
        adn = asyncio.run(main())
        del adn


@pytest.mark.parametrize("when", ["before", "after"])
def test_closing_twice_or_without_async_use_is_harmless(fake_server: ServerHandle, when: str) -> None:
    with no_resource_warning():
        client = connect(fake_server.token, base_url=fake_server.base_url)
        if when == "after":
            asyncio.run(get_seed(client))
        client.close()
        client.close()
        del client


def test_closing_a_client_closes_its_with_options_siblings(fake_server: ServerHandle) -> None:
    with no_resource_warning():
        with Deepnote(fake_server.token, base_url=fake_server.base_url) as dn:
            sibling = dn.with_options(timeout=5)
            grandchild = sibling.with_options(retry=None)
            assert sibling.notebooks.get(SEED_NOTEBOOK_ID).id == SEED_NOTEBOOK_ID
            assert grandchild.notebooks.get(SEED_NOTEBOOK_ID).id == SEED_NOTEBOOK_ID
            sibling.close()  # a sibling owns nothing: the others go on
            assert dn.notebooks.get(SEED_NOTEBOOK_ID).id == SEED_NOTEBOOK_ID
        for closed in (dn, sibling, grandchild):
            with pytest.raises(ClientClosedError):
                closed.notebooks.get(SEED_NOTEBOOK_ID)


def test_closing_an_async_client_closes_its_with_options_siblings(fake_server: ServerHandle) -> None:
    async def main() -> None:
        async with AsyncDeepnote(fake_server.token, base_url=fake_server.base_url) as dn:
            sibling = dn.with_options(timeout=5)
            assert (await sibling.notebooks.get(SEED_NOTEBOOK_ID)).id == SEED_NOTEBOOK_ID
        for closed in (dn, sibling):
            with pytest.raises(ClientClosedError):
                await closed.notebooks.get(SEED_NOTEBOOK_ID)

    with no_resource_warning():
        asyncio.run(main())
