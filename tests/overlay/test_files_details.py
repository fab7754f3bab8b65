"""``files``' details (sync and async alike): a download is written as it arrives and never
replayed mid-body, errors name the request, redirects are bounded and a presigned URL keeps the
client's timeout; an upload names its part after the source and reports the whole file's size."""

from __future__ import annotations

import io
import os
import threading
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import IO, Any, ClassVar

import httpx
import pytest

from deepnote_client.client import AuthenticatedClient
from deepnote_overlay import (
    APIConnectionError,
    APITimeoutError,
    InvalidRequestError,
    NotFoundError,
    ResponseTooLargeError,
)
from deepnote_overlay.files import (
    MAX_REDIRECTS,
    PIECE_SIZE,
    Destination,
    Progress,
    Source,
    adownload_file,
    aupload_file,
    download_file,
    upload_file,
)
from deepnote_overlay.lowlevel import connect

from .helpers import MOCK_BASE_URL, MOCK_TOKEN, PROJECT_ID, FakeTime, Handler, mock_client, serve_on_loopback

MODES = ["sync", "async"]
LOOPBACK_API = "http://127.0.0.1:9/v2"
"""An API over plain http on loopback (like the fake): a redirect to plain http is followed."""
DOWNLOAD_URL = f"{MOCK_BASE_URL}/files/download?projectId={PROJECT_ID}&path=a.bin"
PIECES = [bytes([n]) * 1000 for n in range(5)]


def loopback_client(handler: Handler, **options: Any) -> AuthenticatedClient:
    transport = httpx.MockTransport(handler)
    return connect(MOCK_TOKEN, base_url=LOOPBACK_API, transport=transport, retry=None, **options)


async def download(
    mode: str, client: AuthenticatedClient, destination: Destination, progress: Progress | None = None
) -> int:
    if mode == "sync":
        return download_file(client, PROJECT_ID, "a.bin", destination, progress=progress)
    return await adownload_file(client, PROJECT_ID, "a.bin", destination, progress=progress)


async def upload(mode: str, client: AuthenticatedClient, path: str, source: Source, **options: Any) -> Any:
    if mode == "sync":
        return upload_file(client, PROJECT_ID, path, source, **options)
    return await aupload_file(client, PROJECT_ID, path, source, **options)


class Pieces(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that arrives piece by piece (then fails with ``error``, if given), counting the
    pieces the server has produced so far."""

    def __init__(self, pieces: list[bytes], error: Exception | None = None) -> None:
        self.pieces = pieces
        self.error = error
        self.produced = 0

    def __iter__(self) -> Iterator[bytes]:
        for piece in self.pieces:
            self.produced += 1
            yield piece
        if self.error is not None:
            raise self.error

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self:
            yield piece


# ------------------------------------------------------------------ downloads


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("redirected", [False, True], ids=["direct", "after-a-redirect"])
async def test_a_download_is_written_as_it_arrives(mode: str, redirected: bool, fake_time: FakeTime) -> None:
    body = Pieces(PIECES)
    requests: list[httpx.Request] = []

    def api(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if redirected and request.url.path == "/v2/files/download":
            return httpx.Response(307, headers={"Location": "/v2/files/moved?n=1"})
        return httpx.Response(200, headers={"Content-Length": "5000"}, stream=body)

    sink = io.BytesIO()
    seen: list[tuple[int, int | None, int]] = []
    written = await download(
        mode,
        mock_client(api, fake_time.policy()),  # the retry transport, which buffers what it may replay
        sink,
        progress=lambda done, total: seen.append((done, total, body.produced)),
    )
    assert written == 5000 and sink.getvalue() == b"".join(PIECES)
    assert [(done, total) for done, total, _ in seen] == [(1000 * n, 5000) for n in range(1, 6)]
    assert seen[0][2] == 1  # the first piece was written before the others arrived
    expected = [DOWNLOAD_URL] + ([f"{MOCK_BASE_URL}/files/moved?n=1"] if redirected else [])
    assert [(r.method, str(r.url)) for r in requests] == [("GET", url) for url in expected]
    assert all(r.headers["authorization"] == f"Bearer {MOCK_TOKEN}" for r in requests)


@pytest.mark.parametrize("mode", MODES)
async def test_a_download_dropped_mid_body_is_not_replayed_and_leaves_no_file(
    mode: str, fake_time: FakeTime, tmp_path: Path
) -> None:
    requests: list[httpx.Request] = []

    def api(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, stream=Pieces(PIECES[:2], httpx.ReadError("connection reset")))

    with pytest.raises(APIConnectionError) as caught:
        await download(mode, mock_client(api, fake_time.policy()), tmp_path / "out.bin")
    error = caught.value
    assert (error.method, error.url, error.reason) == ("GET", DOWNLOAD_URL, "ReadError: connection reset")
    assert isinstance(error.__cause__, httpx.ReadError)
    assert len(requests) == 1  # part of the file may be written already: the GET is not sent again
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("mode", MODES)
async def test_a_download_that_cannot_connect_is_a_typed_error(mode: str) -> None:
    def api(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused")

    with pytest.raises(APIConnectionError) as caught:
        await download(mode, mock_client(api, None), io.BytesIO())
    error = caught.value
    assert (error.method, error.url, error.reason) == (
        "GET",
        DOWNLOAD_URL,
        "ConnectError: connection refused",
    )
    assert isinstance(error.__cause__, httpx.ConnectError)


@pytest.mark.parametrize("mode", MODES)
async def test_an_error_answer_is_the_typed_error_and_leaves_no_file(mode: str, tmp_path: Path) -> None:
    def api(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"message": "File not found"})

    with pytest.raises(NotFoundError) as caught:
        await download(mode, mock_client(api, None), tmp_path / "out.bin")
    error = caught.value
    assert (error.status_code, error.message, error.method, error.url) == (
        404,
        "File not found",
        "GET",
        DOWNLOAD_URL,
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("mode", MODES)
async def test_an_error_answer_is_read_within_the_size_cap(mode: str) -> None:
    # The cap does not apply to the file itself, but an error answer is read into memory.
    def api(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, content=b"x" * 20_000)

    with pytest.raises(ResponseTooLargeError) as caught:
        await download(mode, mock_client(api, None, max_response_bytes=10_000), io.BytesIO())
    assert caught.value.url == DOWNLOAD_URL  # the API's own URL, query included


@pytest.mark.parametrize("mode", MODES)
async def test_a_url_httpx_refuses_names_the_download_operation(mode: str) -> None:
    client = mock_client(lambda request: httpx.Response(200), None)
    with pytest.raises(InvalidRequestError) as caught:
        if mode == "sync":
            download_file(client, "n" * 70_000, "a.bin", io.BytesIO())
        else:
            await adownload_file(client, "n" * 70_000, "a.bin", io.BytesIO())
    assert caught.value.operation == "downloadFile"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("redirects", [MAX_REDIRECTS, MAX_REDIRECTS + 1])
async def test_at_most_max_redirects_are_followed(mode: str, redirects: int) -> None:
    sent: list[str] = []

    def api(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        if len(sent) <= redirects:
            return httpx.Response(302, headers={"Location": f"/v2/hop/{len(sent)}?page={len(sent)}"})
        return httpx.Response(200, content=b"end")

    client = mock_client(api, None)
    if redirects == MAX_REDIRECTS:
        assert await download(mode, client, io.BytesIO()) == 3
        return
    with pytest.raises(APIConnectionError) as caught:
        await download(mode, client, io.BytesIO())
    # The API's own URL is named whole, query included.
    assert str(caught.value) == f"too many redirects (GET {MOCK_BASE_URL}/hop/{redirects}?page={redirects})"
    assert len(sent) == MAX_REDIRECTS + 1


@pytest.mark.parametrize("mode", MODES)
async def test_a_success_answer_with_a_location_header_is_written_not_followed(mode: str) -> None:
    def api(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Location": "/v2/elsewhere"}, content=b"the file")

    sink = io.BytesIO()
    assert await download(mode, mock_client(api, None), sink) == 8
    assert sink.getvalue() == b"the file"


class _SlowStorage(BaseHTTPRequestHandler):
    """A storage host on another origin that answers only when released (at most after 2 s)."""

    release: ClassVar[threading.Event] = threading.Event()

    def do_GET(self) -> None:
        type(self).release.wait(2)
        self.send_response(200)
        self.send_header("Content-Length", "4")
        self.end_headers()
        self.wfile.write(b"late")

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture
def slow_storage() -> Iterator[str]:
    _SlowStorage.release = threading.Event()
    with serve_on_loopback(_SlowStorage) as origin:
        try:
            yield origin
        finally:
            _SlowStorage.release.set()


@pytest.mark.parametrize("mode", MODES)
async def test_a_redirect_to_another_origin_keeps_the_client_timeout(mode: str, slow_storage: str) -> None:
    def api(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": f"{slow_storage}/blob"})

    with pytest.raises(APITimeoutError) as caught:
        await download(mode, loopback_client(api, timeout=0.2), io.BytesIO())
    assert (caught.value.method, caught.value.url) == ("GET", f"{slow_storage}/blob")


# ------------------------------------------------------------------ uploads


def created(request: httpx.Request) -> httpx.Response:
    return httpx.Response(201, json={"file": {"path": "stored.csv"}})


@pytest.mark.parametrize("mode", MODES)
async def test_an_upload_names_its_part_after_the_source_and_sends_the_given_type(
    mode: str, tmp_path: Path
) -> None:
    bodies: list[bytes] = []

    def api(request: httpx.Request) -> httpx.Response:
        bodies.append(request.read())
        return created(request)

    client = mock_client(api, None)
    source = tmp_path / "local.csv"
    source.write_bytes(b"a,b\n")
    await upload(mode, client, "data/remote.csv", source, mime_type="application/x-custom")
    await upload(mode, client, "data/remote.csv", io.BytesIO(b"a,b\n"))  # no name of its own
    from_path, from_object = bodies
    assert b'name="file"; filename="local.csv"\r\nContent-Type: application/x-custom\r\n' in from_path
    assert b'name="file"; filename="remote.csv"\r\n' in from_object


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", ["disk file", "in memory"])
async def test_an_upload_sends_and_counts_the_whole_file_wherever_it_was_positioned(
    mode: str, kind: str, tmp_path: Path
) -> None:
    content = bytes(range(256)) * 300  # 76 800 bytes: two pieces
    bodies: list[bytes] = []

    def api(request: httpx.Request) -> httpx.Response:
        bodies.append(request.read())
        return created(request)

    path = tmp_path / "blob.bin"
    path.write_bytes(content)
    seen: list[tuple[int, int | None]] = []
    with path.open("rb") if kind == "disk file" else io.BytesIO(content) as source:
        source.seek(1000)
        await upload(mode, mock_client(api, None), "blob.bin", source, progress=lambda *p: seen.append(p))
    assert seen == [(PIECE_SIZE, len(content)), (len(content), len(content))]
    assert content in bodies[0]


def pipe_holding(data: bytes) -> IO[bytes]:
    """The reading end of a pipe holding ``data`` (within the pipe's buffer), its writer closed."""
    reading, writing = os.pipe()
    os.write(writing, data)
    os.close(writing)
    return open(reading, "rb")


@pytest.mark.parametrize("mode", MODES)
async def test_an_upload_from_a_pipe_counts_its_bytes_without_a_total(mode: str) -> None:
    bodies: list[bytes] = []

    def api(request: httpx.Request) -> httpx.Response:
        bodies.append(request.read())
        return created(request)

    seen: list[tuple[int, int | None]] = []
    with pipe_holding(b"p" * 1000) as source:
        await upload(mode, mock_client(api, None), "piped.bin", source, progress=lambda *p: seen.append(p))
    assert seen == [(1000, None)]
    assert b"\r\n\r\n" + b"p" * 1000 + b"\r\n" in bodies[0]


def test_the_upload_reader_hands_out_at_most_one_piece_whatever_is_asked() -> None:
    # httpx's multipart encoder asks for 64 KiB at a time; a reader asked for everything (read(),
    # read(-1), read(None)) still holds one piece at a time, so memory never grows with the file.
    from deepnote_overlay.files import _CountingReader

    reader = _CountingReader(io.BytesIO(b"z" * (4 * PIECE_SIZE)), None, None)
    sizes: list[Any] = [-1, None, 10, 0]  # None as io's read() takes it, though typed int
    assert [len(reader.read(size)) for size in sizes] == [PIECE_SIZE, PIECE_SIZE, 10, 0]
    assert len(reader.read()) == PIECE_SIZE
