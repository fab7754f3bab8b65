"""What downloads and directory exports share: fetching URLs the server hands out, and replacing
local files safely. The decisions live in step generators (sans-IO); ``run_sync`` / ``run_async``
only take the steps.

Guarantees:

- A download is a generator of steps (send this request, read this answer, give the next piece,
  close this answer). ``run_sync`` and ``run_async`` take them on httpx's sync or async side; every
  decision (which request next, which redirect is refused, what is written) is made once, in the
  generator. Each answer a driver opened is closed when it ends, also on failure.
- A request to the API's own origin goes through the API client (its retries, its headers); any
  other URL (a presigned storage URL) is sent straight to a plain transport of its own: no
  ``Authorization`` or other header of the API client, the client's timeout and TLS verification,
  and no httpx ``HTTP Request:`` log line (httpx writes it from ``Client.send``, which is not used).
- No error shows the query, user name or password of a URL on another origin: errors name it as
  ``scheme://host[:port]/path``, a transport failure there by its exception's class alone, and a
  failure whose text would quote the query is not chained.
- Failures while taking a step are ``DeepnoteError``s: a transport failure or an undecodable body
  (``httpx.DecodingError``) ``APIConnectionError`` / ``APITimeoutError``, a URL httpx cannot parse
  ``InvalidRequestError`` (not quoting it). What the step generator raises (a caller's ``progress``
  callback, a local disk error) comes through as it was raised.
- ``refused_redirect`` refuses a redirect to a URL with a user name or password, to a scheme other
  than http/https, to a link-local address or a cloud metadata address or name
  (``METADATA_HOSTS``, IPv4 written in any form ``inet_aton`` reads, IPv4-mapped IPv6 included), and
  to plain http unless the original request was plain http to a loopback address. Names are judged
  as written: a DNS name that resolves to such an address is not caught.
- ``ReplacedFile`` writes a file beside its target (a new name, created exclusively, never through
  a symlink) and renames it over the target only when the writing finished, so a reader sees the
  old file or the whole new one; on failure the temporary file is removed. The new file follows the
  umask (mode ``0o666`` less the umask) or, replacing a regular file, keeps that file's mode.
"""

from __future__ import annotations

import inspect
import ipaddress
import os
import secrets
import socket
import stat
from collections.abc import AsyncIterator, Callable, Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Generic, ParamSpec, TypeVar

import httpx

from deepnote_client.client import AuthenticatedClient

from .bodies import aread_limited, read_limited
from .calls import check_event_loop, raise_for_answer, wire_error
from .client import response_limit
from .errors import (
    APIConnectionError,
    DeepnoteError,
    InvalidRequestError,
    ResponseTooLargeError,
    status_error,
)

__all__ = [
    "METADATA_HOSTS",
    "Close",
    "NextPiece",
    "Pieces",
    "ReadAnswer",
    "ReplacedFile",
    "Send",
    "Step",
    "Steps",
    "bound",
    "parameters_of",
    "public_url",
    "refused_redirect",
    "refused_url",
    "run_async",
    "run_sync",
    "same_origin",
    "snapshot_steps",
    "storage_request",
]

METADATA_HOSTS = frozenset(
    {
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean, Oracle (link-local anyway)
        "169.254.170.2",  # AWS ECS task metadata (link-local anyway)
        "fd00:ec2::254",  # AWS over IPv6 (a unique local address, not link-local)
        "100.100.100.200",  # Alibaba Cloud
        "168.63.129.16",  # Azure's platform endpoint
        # and the names clouds give them
        *("metadata.google.internal", "metadata.goog", "metadata", "instance-data"),
        "instance-data.ec2.internal",
    }
)
"""Cloud metadata endpoints a redirect may never lead to (addresses and the names clouds give them)."""


P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


def parameters_of(model: Callable[P, object]) -> Callable[[Callable[..., R]], Callable[P, R]]:
    """Give an async twin the parameters of its sync ``model``, declared once: mypy, editors and
    ``inspect.signature`` see them; the twin's body takes them as ``*args`` / ``**kwargs`` and hands
    them to the same core the sync function uses."""

    def declare(function: Callable[..., R]) -> Callable[P, R]:
        function.__signature__ = inspect.signature(model)  # type: ignore[attr-defined]
        return function

    return declare


def bound(model: Callable[..., object], *args: Any, **kwargs: Any) -> dict[str, Any]:
    """The arguments by name as ``model`` takes them, its defaults filled in."""
    arguments = inspect.signature(model).bind(*args, **kwargs)
    arguments.apply_defaults()
    return arguments.arguments


# ------------------------------------------------------------------ URLs


def same_origin(a: httpx.URL, b: httpx.URL) -> bool:
    return (a.scheme, a.host, a.port) == (b.scheme, b.host, b.port)


def public_url(url: httpx.URL) -> str:
    """``url`` as errors may show it: without user name, password and query (a signature)."""
    return str(url.copy_with(userinfo=b"", query=None, fragment=None))


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address ``host`` names literally (IPv4 in any form the C library reads), else ``None``."""
    host = host.split("%", 1)[0]  # an IPv6 zone
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except (OSError, UnicodeError, ValueError):
            return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _loopback(url: httpx.URL) -> bool:
    address = _address(url.host)
    return url.host == "localhost" if address is None else address.is_loopback


def refused_url(target: httpx.URL) -> str | None:
    """Why the package never fetches ``target`` from the server's say-so, or ``None``."""
    if target.userinfo:
        return "a URL with a user name or password"
    if target.scheme not in ("http", "https"):
        return f"a {target.scheme or 'relative'} URL"
    host = target.host.rstrip(".").lower()
    address = _address(host)
    if host in METADATA_HOSTS or (
        address is not None and (address.is_link_local or str(address) in METADATA_HOSTS)
    ):
        return "a link-local or cloud metadata address"
    return None


def refused_redirect(target: httpx.URL, origin: httpx.URL) -> str | None:
    """Why a redirect from a download that began at ``origin`` may not go to ``target``, or ``None``."""
    reason = refused_url(target)
    if reason is None and target.scheme == "http" and not (origin.scheme == "http" and _loopback(origin)):
        reason = "plain http (followed only when the download began over http on loopback)"
    return None if reason is None else f"refused a redirect to {reason}"


def storage_request(url: httpx.URL | str, timeout: httpx.Timeout | None, *, operation: str) -> httpx.Request:
    """A bare GET of ``url`` for the storage transport: no header but ``Host``, the client's timeout."""
    try:
        return httpx.Request("GET", url, extensions={"timeout": httpx.Timeout(timeout).as_dict()})
    except httpx.InvalidURL:
        pass
    # Raised outside the except block: httpx's message may quote part of the URL (its signature).
    raise InvalidRequestError(
        operation=operation, reason="the URL is not valid (not shown: it may be signed)"
    )


# ------------------------------------------------------------------ steps


class Step:
    """One thing a driver does for a step generator; ``request`` names it in errors."""

    def __init__(self, request: httpx.Request, *, on_api: bool) -> None:
        self.request = request
        self.on_api = on_api

    def take(self, driver: _SyncDriver) -> Any:
        raise NotImplementedError

    async def atake(self, driver: _AsyncDriver) -> Any:
        raise NotImplementedError

    @contextmanager
    def typed_errors(self) -> Iterator[None]:
        """Failures while taking the step become ``DeepnoteError``s naming the request (another
        origin's without its query)."""
        try:
            yield
        except ResponseTooLargeError as error:
            if self.on_api:
                raise
            url = public_url(self.request.url)
            raise ResponseTooLargeError(
                status_code=error.status_code, method="GET", url=url, limit=error.limit
            ) from None
        except DeepnoteError:
            raise
        except Exception as error:  # noqa: BLE001  # every failure on the wire becomes a typed error
            failure, cause = wire_error(self.request, error)
            if not self.on_api and isinstance(failure, APIConnectionError):
                failure, cause = _without_query(self.request, failure, cause)
            raise failure from cause


def _without_query(
    request: httpx.Request, failure: APIConnectionError, cause: Exception | None
) -> tuple[APIConnectionError, Exception | None]:
    """``failure`` for another origin: the URL without its query, the reason the exception's class
    alone, and the cause kept only when its text does not quote the query."""
    secret = request.url.query.decode("ascii", "replace")
    if cause is not None and secret and secret in str(cause):
        cause = None
    reason = failure.reason.split(":", 1)[0]
    return type(failure)(method=failure.method, url=public_url(request.url), reason=reason), cause


class Send(Step):
    """Send ``request``; the reply is the streamed answer. A request to the API carries
    ``STREAM_RESPONSE``, so the retry transport hands its body on unread; the steps read it."""

    def take(self, driver: _SyncDriver) -> httpx.Response:
        return driver.send(self)

    async def atake(self, driver: _AsyncDriver) -> httpx.Response:
        return await driver.send(self)


class _OnAnswer(Step):
    """A step on an answer already sent for."""

    def __init__(self, response: httpx.Response, *, on_api: bool) -> None:
        super().__init__(response.request, on_api=on_api)
        self.response = response


class Close(_OnAnswer):
    """Close ``response`` unread (a redirect)."""

    def take(self, driver: _SyncDriver) -> None:
        self.response.close()

    async def atake(self, driver: _AsyncDriver) -> None:
        await self.response.aclose()


class ReadAnswer(_OnAnswer):
    """Read ``response`` into memory within the client's ``max_response_bytes``; the reply is it."""

    def take(self, driver: _SyncDriver) -> httpx.Response:
        return read_limited(self.response, driver.limit)

    async def atake(self, driver: _AsyncDriver) -> httpx.Response:
        return await aread_limited(self.response, driver.limit)


class Pieces(_OnAnswer):
    """Start reading ``response``'s body; the reply is what ``NextPiece`` reads from."""

    def take(self, driver: _SyncDriver) -> Iterator[bytes]:
        return self.response.iter_bytes()

    async def atake(self, driver: _AsyncDriver) -> AsyncIterator[bytes]:
        return self.response.aiter_bytes()


class NextPiece(_OnAnswer):
    """The next piece of the body ``pieces`` reads; ``b""`` at its end."""

    def __init__(self, response: httpx.Response, pieces: Any, *, on_api: bool) -> None:
        super().__init__(response, on_api=on_api)
        self.pieces = pieces

    def take(self, driver: _SyncDriver) -> bytes:
        piece: bytes = next(self.pieces, b"")
        return piece

    async def atake(self, driver: _AsyncDriver) -> bytes:
        piece: bytes = await anext(self.pieces, b"")
        return piece


Steps = Generator[Step, Any, T]
"""A step generator: it yields steps, gets each step's reply and returns the result."""


class _Plan(Generic[T]):
    """A step generator, advanced one reply at a time."""

    def __init__(self, steps: Steps[T]) -> None:
        self.steps = steps
        self.result: T | None = None

    def next(self, reply: Any) -> Step | None:
        try:
            return self.steps.send(reply)
        except StopIteration as end:
            self.result = end.value
            return None


class _Driver:
    def __init__(self, client: AuthenticatedClient) -> None:
        self.limit = response_limit(client)
        self.verify = client._verify_ssl
        self.opened: list[httpx.Response] = []

    def opening(self, step: Send, response: httpx.Response) -> httpx.Response:
        response.request = step.request
        self.opened.append(response)
        return response


class _SyncDriver(_Driver):
    def __init__(self, client: AuthenticatedClient, api: httpx.Client | None) -> None:
        super().__init__(client)
        self.api = api
        self.storage: httpx.HTTPTransport | None = None

    def send(self, step: Send) -> httpx.Response:
        if step.on_api and self.api is not None:
            return self.opening(step, self.api.send(step.request, stream=True))
        self.storage = self.storage or httpx.HTTPTransport(verify=self.verify)
        return self.opening(step, self.storage.handle_request(step.request))

    def close(self) -> None:
        for response in self.opened:
            response.close()
        if self.storage is not None:
            self.storage.close()


class _AsyncDriver(_Driver):
    def __init__(self, client: AuthenticatedClient, api: httpx.AsyncClient | None) -> None:
        super().__init__(client)
        self.api = api
        self.storage: httpx.AsyncHTTPTransport | None = None

    async def send(self, step: Send) -> httpx.Response:
        if step.on_api and self.api is not None:
            return self.opening(step, await self.api.send(step.request, stream=True))
        self.storage = self.storage or httpx.AsyncHTTPTransport(verify=self.verify)
        return self.opening(step, await self.storage.handle_async_request(step.request))

    async def aclose(self) -> None:
        for response in self.opened:
            await response.aclose()
        if self.storage is not None:
            await self.storage.aclose()


def run_sync(client: AuthenticatedClient, api: httpx.Client | None, steps: Steps[T]) -> T:
    """Take ``steps`` with httpx's sync side; ``api`` sends the requests to the API's origin."""
    plan, driver = _Plan(steps), _SyncDriver(client, api)
    try:
        step = plan.next(None)
        while step is not None:
            with step.typed_errors():
                reply = step.take(driver)
            step = plan.next(reply)
    finally:
        steps.close()
        driver.close()
    return plan.result  # type: ignore[return-value]  # set when the generator returned


async def run_async(client: AuthenticatedClient, api: httpx.AsyncClient | None, steps: Steps[T]) -> T:
    """Async ``run_sync``: ``api`` is the client's async httpx client."""
    if api is not None:
        check_event_loop(api)
    plan, driver = _Plan(steps), _AsyncDriver(client, api)
    try:
        step = plan.next(None)
        while step is not None:
            with step.typed_errors():
                reply = await step.atake(driver)
            step = plan.next(reply)
    finally:
        steps.close()
        await driver.aclose()
    return plan.result  # type: ignore[return-value]  # set when the generator returned


def refuse_answer(answer: httpx.Response, *, on_api: bool, what: str) -> DeepnoteError:
    """The error for a non-2xx answer already read: the API's typed error (with its ``message``);
    another origin's body is never quoted (a storage error page can echo the signed request)."""
    if on_api:
        try:
            raise_for_answer(answer.request, answer)
        except DeepnoteError as error:
            return error
    return status_error(
        status_code=answer.status_code,
        message=f"{what} failed ({len(answer.content)}-byte body)",
        method="GET",
        url=public_url(answer.request.url),
    )


# ------------------------------------------------------------------ local files


_OPEN_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
)
_OPEN_FLAGS |= getattr(os, "O_BINARY", 0)


class ReplacedFile:
    """``with ReplacedFile(path) as file:`` writes ``file``, which replaces ``path`` on success."""

    def __init__(self, target: str | os.PathLike[str]) -> None:
        self.target = Path(target)
        self.temporary: Path | None = None
        self.file: IO[bytes] | None = None

    def __enter__(self) -> IO[bytes]:
        for _ in range(100):
            # A short prefix of the name, so the temporary name fits wherever the target's does.
            name = f".{self.target.name[:40]}.{secrets.token_hex(6)}.part"
            candidate = self.target.parent / name
            try:
                handle = os.open(candidate, _OPEN_FLAGS, 0o666)
            except FileExistsError:
                continue
            self.temporary = candidate
            self.file = os.fdopen(handle, "wb")
            return self.file
        raise FileExistsError(f"no free temporary name beside {self.target}")

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        assert self.file is not None and self.temporary is not None
        try:
            self.file.close()
            if kind is None:
                self._keep_mode()
                os.replace(self.temporary, self.target)
                return
        except BaseException:
            self.temporary.unlink(missing_ok=True)
            raise
        self.temporary.unlink(missing_ok=True)

    def _keep_mode(self) -> None:
        assert self.temporary is not None
        try:
            existing = os.stat(self.target)
        except OSError:
            return
        if stat.S_ISREG(existing.st_mode):
            os.chmod(self.temporary, stat.S_IMODE(existing.st_mode))


# ------------------------------------------------------------------ snapshot documents


def snapshot_steps(client: AuthenticatedClient, url: str) -> Steps[str]:
    """Fetch a run's ``snapshotDownloadUrl`` (presigned, another origin; no redirect followed)
    and return the document's text."""
    request = storage_request(url, client._timeout, operation="download_snapshot")
    reason = refused_url(request.url)
    if reason is not None:
        raise APIConnectionError(method="GET", url=public_url(request.url), reason=f"refused {reason}")
    response = yield Send(request, on_api=False)
    answer: httpx.Response = yield ReadAnswer(response, on_api=False)
    if not answer.is_success:
        raise refuse_answer(answer, on_api=False, what="snapshot download")
    return answer.text
