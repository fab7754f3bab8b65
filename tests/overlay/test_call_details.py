"""What ``call`` / ``acall`` errors say: reasons, method and URL, for each way a call can fail.

Found by mutation testing (``make mutate``) of ``calls.py``: the errors' texts and their method
and URL could be lost without a test failing, though they are what a user reads in a traceback.
"""

from __future__ import annotations

import asyncio
import io
from typing import Any

import attrs
import httpx
import pytest

from deepnote_client.api.notebooks import get_notebook
from deepnote_client.api.projects import import_project
from deepnote_client.types import File
from deepnote_overlay import (
    APIConnectionError,
    APITimeoutError,
    DeepnoteError,
    InvalidRequestError,
    ResponseParseError,
)
from deepnote_overlay.calls import CONTENT_PIECE, raise_for_answer
from deepnote_overlay.lowlevel import acall, call

from .helpers import NOTEBOOK_ID, PROJECT_ID, FakeTime, mock_client, success_response

URL = f"https://api.test/v2/notebooks/{NOTEBOOK_ID}"
MODES = ["sync", "async"]


async def run(mode: str, client: Any, notebook_id: str = NOTEBOOK_ID) -> Any:
    if mode == "sync":
        return call(get_notebook, client=client, notebook_id=notebook_id)
    return await acall(get_notebook, client=client, notebook_id=notebook_id)


def answering(response: httpx.Response) -> Any:
    return lambda request: response


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("headers", "shown"), [({}, "no content type"), ({"Content-Type": "text/html"}, "text/html")]
)
async def test_a_body_that_is_not_json_names_its_content_type(
    mode: str, headers: dict[str, str], shown: str, fake_time: FakeTime
) -> None:
    handler = answering(httpx.Response(200, content=b"<html>gateway</html>", headers=headers))
    with pytest.raises(ResponseParseError) as caught:
        await run(mode, mock_client(handler, fake_time.policy()))
    error = caught.value
    assert error.reason == f"the body is not JSON ({shown})"
    assert (error.operation, error.status_code, error.method, error.url) == ("getNotebook", 200, "GET", URL)
    assert error.body is None


@pytest.mark.parametrize("mode", MODES)
async def test_json_nested_too_deeply_is_named_as_such(mode: str, fake_time: FakeTime) -> None:
    handler = answering(httpx.Response(200, content=b"[" * 100_000 + b"]" * 100_000))
    with pytest.raises(ResponseParseError) as caught:
        await run(mode, mock_client(handler, fake_time.policy()))
    assert caught.value.reason == "the body is JSON nested too deeply to read"
    assert (caught.value.method, caught.value.url) == ("GET", URL)


@pytest.mark.parametrize("mode", MODES)
async def test_a_url_httpx_refuses_names_the_operation_and_httpx_reason(
    mode: str, fake_time: FakeTime
) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        await run(mode, mock_client(success_response, fake_time.policy()), notebook_id="n" * 70_000)
    assert caught.value.operation == "getNotebook"
    assert caught.value.reason == "httpx refused the URL: URL too long"


@pytest.mark.parametrize("mode", MODES)
async def test_a_header_that_cannot_be_encoded_is_named_without_its_value(
    mode: str, fake_time: FakeTime
) -> None:
    client = attrs.evolve(mock_client(success_response, fake_time.policy()), cookies={"s": "caf\u00e9"})
    with pytest.raises(InvalidRequestError) as caught:
        await run(mode, client)
    assert caught.value.operation == "getNotebook"
    assert caught.value.reason == (
        "a header value or the URL has a character that cannot be sent (not shown: it may be the token)"
    )


def raising(error: Exception) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    return handler


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("error", "kind", "reason"),
    [
        (httpx.ConnectError("[Errno 111] refused"), APIConnectionError, "ConnectError: [Errno 111] refused"),
        (httpx.ConnectError(""), APIConnectionError, "ConnectError"),
        (httpx.ReadTimeout(""), APITimeoutError, "ReadTimeout"),
        (
            httpx.LocalProtocolError("Illegal header value b'secret'"),
            APIConnectionError,
            "LocalProtocolError: the request was refused before sending (details not shown)",
        ),
    ],
    ids=["connect-error", "connect-error-without-text", "read-timeout", "local-protocol-error"],
)
async def test_a_transport_failure_says_what_failed_and_where(
    mode: str, error: Exception, kind: type[APIConnectionError], reason: str
) -> None:
    with pytest.raises(APIConnectionError) as caught:
        await run(mode, mock_client(raising(error), None))
    assert type(caught.value) is kind
    assert (caught.value.method, caught.value.url, caught.value.reason) == ("GET", URL, reason)


def test_an_async_client_used_from_a_second_event_loop_says_what_to_do(fake_time: FakeTime) -> None:
    client = mock_client(success_response, fake_time.policy())
    first = asyncio.new_event_loop()  # still open: a loop that ends closes the client's async side
    try:
        first.run_until_complete(run("async", client))
        with pytest.raises(DeepnoteError) as caught:
            asyncio.run(run("async", client))
        client.close()
    finally:
        first.close()
    assert str(caught.value) == (
        "this client's async side was first used in another event loop, and its connections "
        "belong to that loop: close it with 'await client.aclose()' (or 'async with client:') "
        "before that loop ends, then it works in the next one; or connect() once per event loop"
    )


class _RecordingReader(io.BytesIO):
    """A binary file that records the size of every read."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.asked: list[int | None] = []

    def read(self, size: int | None = -1, /) -> bytes:
        self.asked.append(size)
        return super().read(size)


async def test_acall_sends_a_file_body_in_pieces() -> None:
    # A raw body given as a file object (importProject's ZIP) is read CONTENT_PIECE bytes at a time.
    data = bytes(range(256)) * 600  # 153 600 bytes: three pieces
    received: list[bytes] = []

    def api(request: httpx.Request) -> httpx.Response:
        received.append(request.read())
        project = {"id": PROJECT_ID, "modifiedAt": "2026-11-28T10:00:00.000Z", "contentHash": "h"}
        return httpx.Response(200, json={"project": project, "notebooks": []})

    reader = _RecordingReader(data)
    await acall(import_project, mock_client(api, None), project_id=PROJECT_ID, body=File(payload=reader))
    assert received == [data]
    assert reader.asked == [CONTENT_PIECE] * 4  # the fourth read finds the end


def test_raise_for_answer_takes_only_an_error_answer() -> None:
    request = httpx.Request("GET", URL)
    with pytest.raises(ValueError) as caught:
        raise_for_answer(request, httpx.Response(200, request=request))
    assert str(caught.value) == "raise_for_answer takes a non-2xx answer"


@pytest.mark.parametrize("mode", MODES)
async def test_httpx_reason_for_a_refused_url_is_cut_to_80_characters(mode: str, fake_time: FakeTime) -> None:
    # httpx quotes the whole host when it refuses one (here an IPv6 address that is not one): the
    # error keeps only its first 80 characters, however long the base URL a caller passed.
    host = "[zz" + "a" * 100 + "]"
    with pytest.raises(httpx.InvalidURL) as refused:
        httpx.URL(f"https://{host}/v2")
    client = attrs.evolve(mock_client(success_response, fake_time.policy()), base_url=f"https://{host}/v2")
    with pytest.raises(InvalidRequestError) as caught:
        await run(mode, client)
    assert len(str(refused.value)) > 80
    assert caught.value.reason == f"httpx refused the URL: {str(refused.value)[:80]}"
