"""``Deepnote`` details: ``retry=None`` and back, what closing a view closes, ``max_response_bytes``
per sibling, a closed client, the hint for a base URL without ``/v2``.

Found by mutation testing (``make mutate``) of ``facade.py``: a view that closed the shared
connections, ``with_options(retry=...)`` ignored, or ``retry=None`` retrying anyway, survived.
"""

from __future__ import annotations

import httpx
import pytest

from deepnote_fake import SEED_NOTEBOOK_ID, ServerHandle
from deepnote_overlay import (
    AsyncDeepnote,
    ClientClosedError,
    Deepnote,
    NotFoundError,
    ResponseTooLargeError,
    ServerError,
)
from deepnote_overlay.lowlevel import DEFAULT_MAX_RESPONSE_BYTES

from .helpers import MOCK_BASE_URL, MOCK_TOKEN, FakeTime, assert_no_secret, notebook_json


class ClosingRecorder(httpx.MockTransport):
    """A MockTransport answering 503 ``failures`` times, then a notebook; records being closed."""

    def __init__(self, failures: int) -> None:
        self.requests: list[httpx.Request] = []
        self.closed = False

        def handler(request: httpx.Request) -> httpx.Response:
            self.requests.append(request)
            if len(self.requests) <= failures:
                return httpx.Response(503, json={"message": "busy"})
            return httpx.Response(200, json={"notebook": notebook_json()})

        super().__init__(handler)

    def close(self) -> None:
        self.closed = True


def test_retry_none_sends_once_and_with_options_can_turn_retries_back_on(fake_time: FakeTime) -> None:
    transport = ClosingRecorder(failures=2)
    dn = Deepnote(MOCK_TOKEN, base_url=MOCK_BASE_URL, retry=None, transport=transport)
    with pytest.raises(ServerError):
        dn.notebooks.get("nb-1")
    assert len(transport.requests) == 1
    assert dn.with_options(retry=fake_time.policy()).notebooks.get("nb-1").id
    assert len(transport.requests) == 3 and fake_time.waits == [0.5]


def test_closing_a_view_leaves_the_shared_connections_open() -> None:
    transport = ClosingRecorder(failures=0)
    dn = Deepnote(MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=transport)
    for view in (dn.with_options(timeout=5), dn.with_options(retry=None)):
        view.notebooks.get("nb-1")
        view.close()
        assert not transport.closed
    dn.close()
    assert transport.closed


def test_with_options_max_response_bytes_applies_to_the_sibling_only() -> None:
    transport = ClosingRecorder(failures=0)
    with Deepnote(MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=transport) as dn:
        small = dn.with_options(max_response_bytes=16)
        with pytest.raises(ResponseTooLargeError) as caught:
            small.notebooks.get("nb-1")
        assert caught.value.limit == 16
        assert small.client.max_response_bytes == 16

        assert dn.notebooks.get("nb-1").id, "the original still reads the whole answer"
        assert dn.client.max_response_bytes == DEFAULT_MAX_RESPONSE_BYTES
        assert dn.with_options(timeout=5).notebooks.get("nb-1").id, "a later sibling keeps the original's"
    with pytest.raises(ValueError, match="max_response_bytes must be above zero"):
        dn.with_options(max_response_bytes=0)


def test_a_client_used_after_its_with_block_says_it_was_closed() -> None:
    transport = ClosingRecorder(failures=0)
    with Deepnote(MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=transport) as dn:
        dn.notebooks.get("nb-1")
    with pytest.raises(ClientClosedError) as caught:
        dn.notebooks.get("nb-1")
    assert "this client was closed" in str(caught.value)
    with pytest.raises(ClientClosedError):
        dn.run_notebook("nb-1")
    with pytest.raises(ClientClosedError):
        list(dn.projects.list())
    assert len(transport.requests) == 1, "nothing is sent on a closed client"


async def test_an_async_client_used_after_its_async_with_block_says_it_was_closed() -> None:
    transport = ClosingRecorder(failures=0)
    async with AsyncDeepnote(MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=transport) as adn:
        await adn.notebooks.get("nb-1")
    with pytest.raises(ClientClosedError):
        await adn.notebooks.get("nb-1")
    with pytest.raises(ClientClosedError):
        await adn.runs.attach("run-1")
    with pytest.raises(ClientClosedError):
        await adn.run_notebook("nb-1")
    with pytest.raises(ClientClosedError):
        [project async for project in adn.projects.list()]
    assert len(transport.requests) == 1, "nothing is sent on a closed client"


def test_a_404_from_a_base_url_without_v2_says_so(fake_server: ServerHandle) -> None:
    with (
        Deepnote(fake_server.token, base_url=fake_server.root_url) as dn,
        pytest.raises(NotFoundError) as caught,
    ):
        dn.notebooks.get(SEED_NOTEBOOK_ID)
    origin = fake_server.root_url.rstrip("/")
    assert caught.value.message == (
        f"Not Found; the base URL ({origin}) has no /v2: the API's paths start with /v2, as in "
        "https://api.deepnote.com/v2"
    )
    assert_no_secret(caught.value, fake_server.token)

    with (
        Deepnote(fake_server.token, base_url=fake_server.base_url) as dn,
        pytest.raises(NotFoundError) as caught,
    ):
        dn.notebooks.get("no-such-notebook")
    assert "/v2" not in caught.value.message, "a 404 under /v2 is the API's own answer, without the hint"
