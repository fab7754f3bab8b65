"""Reading answer bodies within a size limit, so a hostile or broken server cannot exhaust memory.

Guarantees:

- ``read_limited`` / ``aread_limited`` read a response opened with ``stream=True`` into memory,
  counting the *decoded* bytes (after ``Content-Encoding``) as they arrive, and raise
  ``ResponseTooLargeError`` as soon as they pass the limit, before anything is JSON-decoded.
  A compressed body is fed to the decoder in ``RAW_PIECE`` pieces, so a compression bomb inflates
  at most one small piece (about 1 MB at gzip's worst ratio) past the limit before it is caught.
  (httpx asks for gzip and deflate only, unless ``brotli`` or ``zstandard`` is installed; those
  can inflate one piece further.)
- ``buffer_raw`` / ``abuffer_raw`` (used by the retry transport) hold at most ``limit`` raw bytes:
  a longer body is handed on as a stream (the buffered start, then the rest from the network),
  so the transport never holds more than the limit and a streamed download still streams.
- The response is always closed, also when reading fails.
- ``TwoSided`` is the base of the wrapping transports: one instance over a sync and an async
  transport; using a side it was not given raises ``RuntimeError`` naming the class and the side.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx

from .errors import ResponseTooLargeError

__all__ = ["RAW_PIECE", "TwoSided", "abuffer_raw", "aread_limited", "buffer_raw", "read_limited"]

RAW_PIECE = 1024
"""Largest piece of a compressed body handed to the decoder at once (bytes)."""


def read_limited(response: httpx.Response, limit: int | None) -> httpx.Response:
    """Streamed ``response`` with its decoded body read into memory; closes its stream."""
    _decode_in_small_pieces(response)
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if limit is not None and size > limit:
                raise _too_large(response, limit)
            chunks.append(chunk)
    finally:
        response.close()
    return _with_content(response, b"".join(chunks))


async def aread_limited(response: httpx.Response, limit: int | None) -> httpx.Response:
    """Async ``read_limited``."""
    _decode_in_small_pieces(response)
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if limit is not None and size > limit:
                raise _too_large(response, limit)
            chunks.append(chunk)
    finally:
        await response.aclose()
    return _with_content(response, b"".join(chunks))


def buffer_raw(response: httpx.Response, limit: int | None) -> httpx.Response:
    """``response`` with up to ``limit`` raw bytes read, so a drop mid-body raises here.

    A body within the limit comes back whole, as the response's stream (still encoded: the client
    decodes it as usual); a longer one comes back as a stream of what was read plus the rest.
    """
    stream = response.stream
    if not isinstance(stream, httpx.SyncByteStream):
        raise TypeError("a sync transport returned a response without a sync stream")
    pieces, rest = _Pieces(limit), iter(stream)
    try:
        for chunk in rest:
            if pieces.over_limit_with(chunk):
                return _rewrap(response, _Prefixed(pieces.chunks, rest, stream))
    except BaseException:
        stream.close()
        raise
    stream.close()
    return _rewrap(response, pieces.whole())


async def abuffer_raw(response: httpx.Response, limit: int | None) -> httpx.Response:
    """Async ``buffer_raw``."""
    stream = response.stream
    if not isinstance(stream, httpx.AsyncByteStream):
        raise TypeError("an async transport returned a response without an async stream")
    pieces, rest = _Pieces(limit), aiter(stream)
    try:
        async for chunk in rest:
            if pieces.over_limit_with(chunk):
                return _rewrap(response, _AsyncPrefixed(pieces.chunks, rest, stream))
    except BaseException:
        await stream.aclose()
        raise
    await stream.aclose()
    return _rewrap(response, pieces.whole())


class _Pieces:
    """The raw chunks of a body read so far, counted against ``limit``."""

    def __init__(self, limit: int | None) -> None:
        self.limit = limit
        self.chunks: list[bytes] = []
        self.size = 0

    def over_limit_with(self, chunk: bytes) -> bool:
        """Keep ``chunk``; whether the chunks kept now pass the limit."""
        self.chunks.append(chunk)
        self.size += len(chunk)
        return self.limit is not None and self.size > self.limit

    def whole(self) -> httpx.ByteStream:
        return httpx.ByteStream(b"".join(self.chunks))


class TwoSided(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A transport over a sync and an async transport (either may be missing), closing both.

    The base of the overlay's wrapping transports (the retry and the rate-limit transports), so one
    instance serves ``httpx.Client`` and ``httpx.AsyncClient`` alike.
    """

    def __init__(
        self, transport: httpx.BaseTransport | None, async_transport: httpx.AsyncBaseTransport | None
    ) -> None:
        self._transport = transport
        self._async_transport = async_transport

    def sync_side(self) -> httpx.BaseTransport:
        if self._transport is None:
            raise RuntimeError(f"this {type(self).__name__} has no sync transport")
        return self._transport

    def async_side(self) -> httpx.AsyncBaseTransport:
        if self._async_transport is None:
            raise RuntimeError(f"this {type(self).__name__} has no async transport")
        return self._async_transport

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()

    async def aclose(self) -> None:
        if self._async_transport is not None:
            await self._async_transport.aclose()


def _decode_in_small_pieces(response: httpx.Response) -> None:
    # Without an encoding the decoded bytes are the raw ones, counted as they come: no need to cut.
    if response.headers.get("content-encoding", "identity").strip().lower() != "identity":
        response.stream = _SmallPieces(response.stream)


def _rewrap(response: httpx.Response, stream: httpx.SyncByteStream | httpx.AsyncByteStream) -> httpx.Response:
    # httpx's client binds the request to whatever response a transport returns, so neither
    # branch needs to.
    if response.is_stream_consumed:
        # Read already (a test transport's ``Response(content=...)``): a fresh response, which the
        # client reads as it reads one from the network (and so sets ``elapsed``).
        return httpx.Response(
            response.status_code, headers=response.headers, stream=stream, extensions=response.extensions
        )
    # A network answer, unread: it reads from ``stream`` from now on. Building a fresh response
    # (copying its headers and extensions) cost about a third of the retry layer's time per call.
    response.stream = stream
    return response


def _with_content(response: httpx.Response, content: bytes) -> httpx.Response:
    """``response`` holding its decoded ``content``, as ``response.read()`` would leave it.

    httpx has no public way to hand a streamed response the body read from it; ``_content`` is
    where its own ``read()`` puts it (httpx is pinned below 0.29). Building a fresh ``Response``
    instead costs about a tenth of a small call, and every test of ``call`` would catch a change.
    """
    response._content = content
    return response


def _too_large(response: httpx.Response, limit: int) -> ResponseTooLargeError:
    request = response.request
    return ResponseTooLargeError(
        status_code=response.status_code, method=request.method, url=str(request.url), limit=limit
    )


class _SmallPieces(httpx.SyncByteStream, httpx.AsyncByteStream):
    """The raw stream cut into ``RAW_PIECE``-byte pieces, so each decoder step stays small."""

    def __init__(self, stream: httpx.SyncByteStream | httpx.AsyncByteStream) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        if not isinstance(self._stream, httpx.SyncByteStream):
            raise TypeError("an async response body was read synchronously")
        for chunk in self._stream:
            for start in range(0, len(chunk), RAW_PIECE):
                yield chunk[start : start + RAW_PIECE]

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if not isinstance(self._stream, httpx.AsyncByteStream):
            raise TypeError("a sync response body was read asynchronously")
        async for chunk in self._stream:
            for start in range(0, len(chunk), RAW_PIECE):
                yield chunk[start : start + RAW_PIECE]

    def close(self) -> None:
        if isinstance(self._stream, httpx.SyncByteStream):
            self._stream.close()

    async def aclose(self) -> None:
        if isinstance(self._stream, httpx.AsyncByteStream):
            await self._stream.aclose()


class _Prefixed(httpx.SyncByteStream):
    """Chunks already read, then the rest of the stream they came from."""

    def __init__(self, read: list[bytes], rest: Iterator[bytes], source: httpx.SyncByteStream) -> None:
        self._read = read
        self._rest = rest
        self._source = source

    def __iter__(self) -> Iterator[bytes]:
        yield from self._read
        self._read = []
        yield from self._rest

    def close(self) -> None:
        self._source.close()


class _AsyncPrefixed(httpx.AsyncByteStream):
    """Async ``_Prefixed``."""

    def __init__(self, read: list[bytes], rest: AsyncIterator[bytes], source: httpx.AsyncByteStream) -> None:
        self._read = read
        self._rest = rest
        self._source = source

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._read:
            yield chunk
        self._read = []
        async for chunk in self._rest:
            yield chunk

    async def aclose(self) -> None:
        await self._source.aclose()
