"""Uploading and downloading project files, streamed in both directions (sync and async).

Guarantees:

- ``upload_file`` / ``aupload_file`` send a local path or an open binary file object as
  ``POST /files`` (multipart), read in 64 KiB pieces while sending: memory does not grow with the
  file's size (``make bench`` shows it with a 200 MB file). They return the created
  ``FileReference``, whose ``path`` is where Deepnote stored it (a unique path when the requested
  one was taken). A file object is sent whole, from its start (httpx's multipart encoder seeks it
  to 0), wherever it was positioned. The upload goes through ``call`` / ``acall``, so answers and
  errors are the same typed ones; it is never replayed once sent (``RetryTransport`` does not
  replay a streamed body).
- ``download_file`` / ``adownload_file`` write ``GET /files/download`` to a path or an open binary
  file object as the bytes arrive, without the client's ``max_response_bytes`` cap (that cap is for
  answers read into memory). A path is written to a temporary file beside it and renamed into
  place only when the whole file arrived, so a failed download never leaves a truncated file. The
  file follows the umask; replacing an existing file keeps that file's mode.
- A redirect of the download is followed (at most ``MAX_REDIRECTS``): to the API's own origin with
  the client as it is, to any other origin (a presigned storage URL) on a plain transport that
  sends no ``Authorization`` header and no other header of the API client, and that httpx does not
  log (its ``HTTP Request:`` line would show the signed query). A redirect is refused
  (``APIConnectionError``, before anything is sent there) when it leads to a URL with a user name or
  password, to a link-local or cloud metadata address, or to plain http unless the download began
  over plain http to loopback.
- No error names another origin's query (a signature), user name or password.
- ``progress(done, total)`` is called after every piece with the bytes sent or received so far and
  the total when known (the file's size for uploads; ``Content-Length`` for downloads, which
  Deepnote does not send, so usually ``None``). An exception it raises comes through unchanged
  (and a path destination is left as it was).
- Errors are the overlay's typed errors: a non-2xx answer raises the ``APIStatusError`` for it, a
  transport failure or an undecodable body ``APIConnectionError`` / ``APITimeoutError``, a
  redirect's ``Location`` httpx cannot parse ``InvalidRequestError``; local disk errors are the
  ``OSError`` they are.
- The download's decisions (which request next, what is written) are one step generator, taken by
  a thin sync or async driver (``_transfer``). The async helpers read and write local files in the
  event loop's thread, one piece at a time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import httpx

from deepnote_client.api.files import create_file
from deepnote_client.api.files import download_file as download_file_endpoint
from deepnote_client.client import AuthenticatedClient
from deepnote_client.models import CreateFileMultipartBody
from deepnote_client.types import File

from ._transfer import (
    Close,
    NextPiece,
    Pieces,
    ReadAnswer,
    ReplacedFile,
    Send,
    Steps,
    bound,
    parameters_of,
    public_url,
    refuse_answer,
    refused_redirect,
    run_async,
    run_sync,
    same_origin,
    storage_request,
)
from .calls import acall, build_request, call
from .errors import APIConnectionError, InvalidRequestError
from .retries import STREAM_RESPONSE

if TYPE_CHECKING:
    from uuid import UUID

    from deepnote_client.models import FileReference

__all__ = [
    "MAX_REDIRECTS",
    "PIECE_SIZE",
    "Progress",
    "adownload_file",
    "aupload_file",
    "download_file",
    "upload_file",
]

PIECE_SIZE = 64 * 1024
"""Bytes read from a local file at a time while uploading (httpx's multipart reads this much too)."""
MAX_REDIRECTS = 5

Progress = Callable[[int, int | None], None]
"""``progress(done, total)``: bytes so far, and the total when known."""

Source = str | os.PathLike[str] | IO[bytes]
Destination = str | os.PathLike[str] | IO[bytes]
H = TypeVar("H", httpx.Client, httpx.AsyncClient)


class _CountingReader:
    """A binary file object that reports how much has been read from it."""

    def __init__(self, file: IO[bytes], progress: Progress | None, total: int | None) -> None:
        self._file = file
        self._progress = progress
        self._total = total
        self._done = 0

    def read(self, size: int = -1) -> bytes:
        data = self._file.read(PIECE_SIZE if size is None or size < 0 else min(size, PIECE_SIZE))
        self._done += len(data)
        if data and self._progress is not None:
            self._progress(self._done, self._total)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        position = self._file.seek(offset, whence)
        self._done = position
        return position

    def tell(self) -> int:
        return self._file.tell()


def _size(file: IO[bytes]) -> int | None:
    """The whole file's size: httpx's multipart encoder seeks a file object back to its start and
    sends all of it, wherever it was positioned. ``None`` when unknown (a pipe cannot tell)."""
    try:
        file.tell()  # a pipe cannot; its fstat size would say 0
        return os.fstat(file.fileno()).st_size
    except (AttributeError, OSError, ValueError):
        pass
    try:
        here = file.tell()
        end = file.seek(0, os.SEEK_END)
        file.seek(here)
        return end
    except (AttributeError, OSError, ValueError):
        return None


@contextmanager
def _opened(source: Source) -> Iterator[tuple[IO[bytes], str | None]]:
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as file:
            yield file, Path(source).name
    else:
        yield source, Path(str(getattr(source, "name", ""))).name or None


@contextmanager
def _upload(
    project_id: str | UUID, path: str, source: Source, mime_type: str | None, progress: Progress | None
) -> Iterator[CreateFileMultipartBody]:
    """The multipart body of an upload, its file open while the body is in use."""
    with _opened(source) as (file, name):
        reader = _CountingReader(file, progress, _size(file))
        payload: Any = reader  # a file object to httpx's multipart encoder, which reads it in pieces
        yield CreateFileMultipartBody(
            project_id=str(project_id),
            path=path,
            file=File(payload=payload, file_name=name or Path(path).name, mime_type=mime_type),
        )


def upload_file(
    client: AuthenticatedClient,
    project_id: str | UUID,
    path: str,
    source: Source,
    *,
    mime_type: str | None = None,
    progress: Progress | None = None,
) -> FileReference:
    """Upload ``source`` (a local path or a binary file object) to ``path`` in the project."""
    with _upload(project_id, path, source, mime_type, progress) as body:
        return call(create_file, client, body=body).file


@parameters_of(upload_file)
async def aupload_file(client: AuthenticatedClient, *args: Any, **kwargs: Any) -> FileReference:
    """Async ``upload_file``."""
    arguments = bound(upload_file, client, *args, **kwargs)
    del arguments["client"]
    with _upload(**arguments) as body:
        return (await acall(create_file, client, body=body)).file


def _downloaded(destination: Destination) -> AbstractContextManager[IO[bytes]]:
    """The file to write into; for a path, a temporary file renamed into place on success."""
    if isinstance(destination, (str, os.PathLike)):
        return ReplacedFile(destination)
    return nullcontext(destination)


def _total(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length")
    return int(value) if value is not None and value.isdigit() else None


class _Download:
    """Every decision of one download; ``steps`` is the generator the drivers take."""

    def __init__(
        self, http: httpx.Client | httpx.AsyncClient, first: httpx.Request, timeout: httpx.Timeout | None
    ) -> None:
        self.http = http
        self.request = first
        self.origin = first.url
        self.timeout = timeout

    @property
    def on_api(self) -> bool:
        return same_origin(self.request.url, self.origin)

    def following(self, response: httpx.Response) -> httpx.Request | None:
        """The request a redirect leads to (checked), or ``None`` when ``response`` is the answer."""
        location = response.headers.get("location")
        if not response.is_redirect or not location:
            return None
        try:
            target = self.request.url.join(location)
        except httpx.InvalidURL:
            target = None
        if target is None:
            # Outside the except block: httpx's message may quote the Location (its signature).
            raise InvalidRequestError(
                operation=download_file_endpoint.OPERATION_ID,
                reason="the redirect's Location is not a valid URL (not shown: it may be signed)",
            )
        if same_origin(target, self.origin) and not target.userinfo:
            return self.http.build_request("GET", target, extensions={STREAM_RESPONSE: True})
        refusal = refused_redirect(target, self.origin)
        if refusal is not None:
            raise APIConnectionError(method="GET", url=public_url(target), reason=refusal)
        return storage_request(target, self.timeout, operation=download_file_endpoint.OPERATION_ID)

    def steps(self, destination: Destination, progress: Progress | None) -> Steps[int]:
        response = yield Send(self.request, on_api=self.on_api)
        hops = 0
        while (following := self.following(response)) is not None:
            if hops == MAX_REDIRECTS:
                url = following.url
                named = str(url) if same_origin(url, self.origin) else public_url(url)
                raise APIConnectionError(method="GET", url=named, reason="too many redirects")
            yield Close(response, on_api=self.on_api)
            self.request, hops = following, hops + 1
            response = yield Send(self.request, on_api=self.on_api)
        if not response.is_success:
            answer = yield ReadAnswer(response, on_api=self.on_api)
            raise refuse_answer(answer, on_api=self.on_api, what="the download")
        pieces = yield Pieces(response, on_api=self.on_api)
        total, done = _total(response), 0
        with _downloaded(destination) as file:
            while piece := (yield NextPiece(response, pieces, on_api=self.on_api)):
                file.write(piece)
                done += len(piece)
                if progress is not None:
                    progress(done, total)
        return done


def _download(
    client: AuthenticatedClient,
    get_http: Callable[[], H],
    project_id: str | UUID,
    path: str,
    destination: Destination,
    *,
    progress: Progress | None = None,
) -> tuple[H, Steps[int]]:
    """The API client to use and the download's steps."""
    http, request = build_request(
        get_http,
        lambda h: h.build_request(
            **download_file_endpoint.build_request(project_id=project_id, path=path),
            extensions={STREAM_RESPONSE: True},
        ),
        download_file_endpoint,
    )
    return http, _Download(http, request, client._timeout).steps(destination, progress)


def download_file(
    client: AuthenticatedClient,
    project_id: str | UUID,
    path: str,
    destination: Destination,
    *,
    progress: Progress | None = None,
) -> int:
    """Write the file at ``path`` of the project to ``destination``; returns the bytes written."""
    http, steps = _download(client, client.get_httpx_client, project_id, path, destination, progress=progress)
    return run_sync(client, http, steps)


@parameters_of(download_file)
async def adownload_file(client: AuthenticatedClient, *args: Any, **kwargs: Any) -> int:
    """Async ``download_file``."""
    http, steps = _download(client, client.get_async_httpx_client, *args, **kwargs)
    return await run_async(client, http, steps)
