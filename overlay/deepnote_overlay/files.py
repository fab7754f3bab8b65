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
  place only when the whole file arrived, so a failed download never leaves a truncated file.
- A redirect of the download is followed (at most ``MAX_REDIRECTS``): to the API's own origin with
  the client as it is, to any other origin (a presigned storage URL) by a separate plain httpx
  client that sends no ``Authorization`` header and no other header of the API client.
- ``progress(done, total)`` is called after every piece with the bytes sent or received so far and
  the total when known (the file's size for uploads; ``Content-Length`` for downloads, which
  Deepnote does not send, so usually ``None``).
- Errors are the overlay's typed errors: a non-2xx answer raises the ``APIStatusError`` for it, a
  transport failure ``APIConnectionError`` / ``APITimeoutError``.
- The async helpers read and write local files in the event loop's thread, one piece at a time.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urljoin

import httpx

from deepnote_client.api.files import create_file
from deepnote_client.api.files import download_file as download_file_endpoint
from deepnote_client.client import AuthenticatedClient
from deepnote_client.models import CreateFileMultipartBody
from deepnote_client.types import File

from .bodies import aread_limited, read_limited
from .calls import acall, build_request, call, check_event_loop, raise_for_answer, wire_error
from .errors import APIConnectionError, DeepnoteError
from .retries import STREAM_RESPONSE

if TYPE_CHECKING:
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


def _upload_body(
    project_id: str,
    path: str,
    file: IO[bytes],
    name: str | None,
    mime_type: str | None,
    progress: Progress | None,
) -> CreateFileMultipartBody:
    reader = _CountingReader(file, progress, _size(file))
    payload: Any = reader  # a file object to httpx's multipart encoder, which reads it in pieces
    return CreateFileMultipartBody(
        project_id=project_id,
        path=path,
        file=File(payload=payload, file_name=name or Path(path).name, mime_type=mime_type),
    )


def upload_file(
    client: AuthenticatedClient,
    project_id: str,
    path: str,
    source: Source,
    *,
    mime_type: str | None = None,
    progress: Progress | None = None,
) -> FileReference:
    """Upload ``source`` (a local path or a binary file object) to ``path`` in the project."""
    with _opened(source) as (file, name):
        body = _upload_body(project_id, path, file, name, mime_type, progress)
        return call(create_file, client, body=body).file


async def aupload_file(
    client: AuthenticatedClient,
    project_id: str,
    path: str,
    source: Source,
    *,
    mime_type: str | None = None,
    progress: Progress | None = None,
) -> FileReference:
    """Async ``upload_file``."""
    with _opened(source) as (file, name):
        body = _upload_body(project_id, path, file, name, mime_type, progress)
        return (await acall(create_file, client, body=body)).file


@contextmanager
def _sink(destination: Destination) -> Iterator[IO[bytes]]:
    """The file to write into; for a path, a temporary file renamed into place on success."""
    if not isinstance(destination, (str, os.PathLike)):
        yield destination
        return
    target = Path(destination)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "wb") as file:
            yield file
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _same_origin(a: httpx.URL, b: httpx.URL) -> bool:
    return (a.scheme, a.host, a.port) == (b.scheme, b.host, b.port)


def _next_url(response: httpx.Response) -> httpx.URL | None:
    location = response.headers.get("location")
    if not response.is_redirect or not location:
        return None
    return httpx.URL(urljoin(str(response.request.url), location))


def _total(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length")
    return int(value) if value is not None and value.isdigit() else None


def download_file(
    client: AuthenticatedClient,
    project_id: str,
    path: str,
    destination: Destination,
    *,
    progress: Progress | None = None,
) -> int:
    """Write the file at ``path`` of the project to ``destination``; returns the bytes written."""
    http, request = build_request(
        client.get_httpx_client,
        lambda h: h.build_request(
            **download_file_endpoint.build_request(project_id=project_id, path=path),
            extensions={STREAM_RESPONSE: True},
        ),
        download_file_endpoint,
    )
    origin = request.url
    plain: httpx.Client | None = None
    try:
        for _ in range(MAX_REDIRECTS + 1):
            sender = http if _same_origin(request.url, origin) else plain
            assert sender is not None  # built before the first request to another origin
            try:
                response = sender.send(request, stream=True)
            except Exception as error:  # noqa: BLE001  # every failure on the wire becomes a typed error
                failure, cause = wire_error(request, error)
                raise failure from cause
            following = _next_url(response)
            if following is None:
                return _write(client, request, response, destination, progress)
            response.close()
            if _same_origin(following, origin):
                request = http.build_request("GET", following, extensions={STREAM_RESPONSE: True})
            else:
                # Another origin (a presigned URL): a client of its own, without the API's headers.
                plain = plain or httpx.Client(timeout=http.timeout)
                request = plain.build_request("GET", following)
        raise APIConnectionError(method="GET", url=str(request.url), reason="too many redirects")
    finally:
        if plain is not None:
            plain.close()


def _write(
    client: AuthenticatedClient,
    request: httpx.Request,
    response: httpx.Response,
    destination: Destination,
    progress: Progress | None,
) -> int:
    if not response.is_success:
        raise_for_answer(request, read_limited(response, client.max_response_bytes))
    total, done = _total(response), 0
    try:
        with _sink(destination) as file:
            for chunk in response.iter_bytes():
                file.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
    except (DeepnoteError, OSError):
        raise
    except Exception as error:  # noqa: BLE001  # a failure mid-body is a typed error too
        failure, cause = wire_error(request, error)
        raise failure from cause
    finally:
        response.close()
    return done


async def adownload_file(
    client: AuthenticatedClient,
    project_id: str,
    path: str,
    destination: Destination,
    *,
    progress: Progress | None = None,
) -> int:
    """Async ``download_file``."""
    http, request = build_request(
        client.get_async_httpx_client,
        lambda h: h.build_request(
            **download_file_endpoint.build_request(project_id=project_id, path=path),
            extensions={STREAM_RESPONSE: True},
        ),
        download_file_endpoint,
    )
    check_event_loop(http)
    origin = request.url
    plain: httpx.AsyncClient | None = None
    try:
        for _ in range(MAX_REDIRECTS + 1):
            sender = http if _same_origin(request.url, origin) else plain
            assert sender is not None  # built before the first request to another origin
            try:
                response = await sender.send(request, stream=True)
            except Exception as error:  # noqa: BLE001  # every failure on the wire becomes a typed error
                failure, cause = wire_error(request, error)
                raise failure from cause
            following = _next_url(response)
            if following is None:
                return await _awrite(client, request, response, destination, progress)
            await response.aclose()
            if _same_origin(following, origin):
                request = http.build_request("GET", following, extensions={STREAM_RESPONSE: True})
            else:
                plain = plain or httpx.AsyncClient(timeout=http.timeout)
                request = plain.build_request("GET", following)
        raise APIConnectionError(method="GET", url=str(request.url), reason="too many redirects")
    finally:
        if plain is not None:
            await plain.aclose()


async def _awrite(
    client: AuthenticatedClient,
    request: httpx.Request,
    response: httpx.Response,
    destination: Destination,
    progress: Progress | None,
) -> int:
    if not response.is_success:
        answer = await aread_limited(response, client.max_response_bytes)
        raise_for_answer(request, answer)
    total, done = _total(response), 0
    try:
        with _sink(destination) as file:
            async for chunk in response.aiter_bytes():
                file.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
    except (DeepnoteError, OSError):
        raise
    except Exception as error:  # noqa: BLE001  # a failure mid-body is a typed error too
        failure, cause = wire_error(request, error)
        raise failure from cause
    finally:
        await response.aclose()
    return done
