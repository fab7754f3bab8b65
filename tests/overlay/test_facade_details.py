"""``Deepnote`` details: ``retry=None`` and back, what closing a view closes, the refusal's text.

Found by mutation testing (``make mutate``) of ``facade.py``: a view that closed the shared
connections, ``with_options(retry=...)`` ignored, or ``retry=None`` retrying anyway, survived.
"""

from __future__ import annotations

import httpx
import pytest

from deepnote_overlay import Deepnote, ServerError, connect

from .helpers import MOCK_BASE_URL, MOCK_TOKEN, FakeTime, notebook_json


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


def test_from_client_leaves_the_callers_connections_open() -> None:
    transport = ClosingRecorder(failures=0)
    client = connect(MOCK_TOKEN, base_url=MOCK_BASE_URL, transport=transport)
    dn = Deepnote.from_client(client)
    dn.notebooks.get("nb-1")
    dn.close()
    assert not transport.closed


def test_with_options_on_a_client_without_retry_transport_says_why() -> None:
    client = connect(MOCK_TOKEN, base_url=MOCK_BASE_URL, retry=None, limiter=False)
    with pytest.raises(TypeError) as caught:
        Deepnote.from_client(client).with_options(timeout=1)
    assert str(caught.value) == (
        "with_options needs a client made by Deepnote(...) or connect() with retries installed; "
        "this one has no RetryTransport, so a changed copy would open a second connection pool"
    )
