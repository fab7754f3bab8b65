"""The retry policy and the httpx transport that applies it, for sync and async clients alike.

Guarantees:

- A request is retried only when repeating it cannot do something twice:
  - for every method, when the connection failed before the request was sent (``ConnectError``,
    ``ConnectTimeout``, ``PoolTimeout``) and on 429 (the server refused without acting);
  - for idempotent methods only (GET, HEAD, PUT, DELETE, OPTIONS), on 408, 500, 502, 503, 504, on
    read or write timeouts and on connections dropped before or during the response.
  POST and PATCH are never replayed once sent, so a retry never creates a second notebook, project
  or run.
- A request whose body is streamed (a multipart upload, a file, an iterator: anything but bytes in
  memory) is never replayed once sent, not even after a 429: the body may be half read (or
  unreadable a second time), so the answer goes back as it is. Only a connection that failed
  before anything was sent is retried.
- The wait is the server's ``Retry-After`` (seconds or HTTP-date), or for a 429 its
  ``RateLimit-Reset`` (seconds, or a Unix time when the number is clearly one), when present; a
  header sent more than once counts by its largest readable value (see ``_retry_after``). Such a
  wait is never shorter than ``initial_backoff`` (0.5 s), so a tiny ``Retry-After`` cannot make
  the retries immediate. A wait above ``max_retry_after`` is not waited: the answer goes back at
  once (``call`` turns a 429 into ``RateLimitError`` with ``retry_after``). Without such a header,
  or when it asks for no wait at all (zero, negative, a time in the past), the wait is exponential
  backoff with jitter (0.5 s doubling to 8 s, times 0.75 to 1).
- At most ``max_retries`` retries, and no wait that would end after ``deadline`` seconds from the
  first attempt. When retrying stops, the last answer or error is handed on unchanged, so the caller
  sees exactly what the server said last.
- A request carrying a ``DEADLINE`` extension (a ``clock().monotonic()`` time; see
  ``_retry_after``) is over by then: no retry wait ends after it, each attempt's httpx timeouts
  (connect, read, write, pool) are capped to the time left, and an attempt that would start after
  it fails with ``httpx.PoolTimeout`` unsent.
- Waits, clocks and jitter go through ``_clock.CLOCK`` (looked up at each use); async retries wait
  with its ``asleep`` (``asyncio.sleep``), never blocking the event loop.
- Every retry is logged on the ``deepnote_overlay`` logger at INFO with the method, the URL path
  (no query, no host), the status or error class, and the wait; never headers or the token.
- A DELETE that gets 404 after an earlier attempt may have been processed (a read or write
  failure after sending, or a 500/502/503/504) counts as done: the 404 becomes a 204, logged at
  INFO. Only then: a 404 on the first attempt, or after refusals that did nothing, stays a 404.
- The response body (up to the request's ``BUFFER_LIMIT`` extension in bytes; all of it without
  one) is read inside the transport, so a connection dropped mid-body is seen (and retried for
  idempotent methods) here; the API's answers are small JSON documents. A longer body is passed on
  as a stream and not retried.
- A request with the ``STREAM_RESPONSE`` extension (a file download) has its body handed on after
  its first piece, so a download of any size holds no more than one piece here.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import attrs
import httpx

from ._clock import clock
from ._retry_after import capped_timeouts, remaining, retry_after_seconds
from .bodies import TwoSided, abuffer_raw, buffer_raw

if TYPE_CHECKING:
    from .limiter import RateLimiter

__all__ = [
    "BUFFER_LIMIT",
    "IDEMPOTENT_METHODS",
    "RETRY_STATUSES_ANY_METHOD",
    "RETRY_STATUSES_IDEMPOTENT",
    "STREAM_RESPONSE",
    "RetryPolicy",
    "RetryTransport",
    "body_replayable",
]

logger = logging.getLogger("deepnote_overlay")

IDEMPOTENT_METHODS: frozenset[str] = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
RETRY_STATUSES_ANY_METHOD: frozenset[int] = frozenset({429})
RETRY_STATUSES_IDEMPOTENT: frozenset[int] = frozenset({408, 500, 502, 503, 504})

# The request never left the client, so even a POST can be sent again.
_NOT_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)
# The request may have reached the server and been acted on: safe to repeat only when idempotent.
_MAYBE_SENT_ERRORS: tuple[type[httpx.TransportError], ...] = (
    httpx.ReadTimeout,
    httpx.WriteTimeout,
    httpx.ReadError,
    httpx.WriteError,
    httpx.RemoteProtocolError,
)
# Answers after which the server may have carried out the request anyway.
_MAYBE_ACTED_STATUSES: frozenset[int] = frozenset({500, 502, 503, 504})

BUFFER_LIMIT = "deepnote_buffer_limit"
"""Request extension: the most raw body bytes the transport holds (``None``: all). ``call`` sets it
to the client's ``max_response_bytes``, so that setting has one home, the client."""

STREAM_RESPONSE = "deepnote_stream_response"
"""Request extension (``extensions={STREAM_RESPONSE: True}``): hand the body on unread."""


def body_replayable(request: httpx.Request) -> bool:
    """Whether ``request`` can be sent again as it was: no body, or a body held in memory."""
    return isinstance(request.stream, httpx.ByteStream)


@attrs.frozen
class RetryPolicy:
    """When to retry and how long to wait. The defaults are the documented policy."""

    max_retries: int = attrs.field(default=3, validator=attrs.validators.ge(0))
    """Retries after the first attempt."""
    initial_backoff: float = attrs.field(default=0.5, validator=attrs.validators.ge(0))
    """Backoff before the first retry; it doubles for each further retry. Also the shortest wait."""
    max_backoff: float = attrs.field(default=8.0, validator=attrs.validators.ge(0))
    """Cap on the backoff."""
    jitter: float = attrs.field(default=0.25, validator=[attrs.validators.ge(0), attrs.validators.le(1)])
    """Backoff is multiplied by a random factor between ``1 - jitter`` and 1."""
    max_retry_after: float = attrs.field(default=60.0, validator=attrs.validators.ge(0))
    """Longest server-requested wait honoured; the API's rate-limit window is 60 s."""
    deadline: float | None = attrs.field(default=120.0)
    """Seconds from the first attempt after which no retry starts; ``None`` for no deadline."""

    def backoff(self, retries_done: int) -> float:
        """Wait before retry number ``retries_done + 1`` when the server did not say."""
        base = min(self.initial_backoff * 2.0**retries_done, self.max_backoff)
        return base * (1 - self.jitter * clock().random())

    def wait_after_response(
        self, request: httpx.Request, response: httpx.Response, *, retries_done: int, elapsed: float
    ) -> float | None:
        """Seconds to wait before retrying ``request`` after ``response``, or ``None`` to hand it on."""
        status = response.status_code
        retryable = body_replayable(request) and (
            status in RETRY_STATUSES_ANY_METHOD
            or (status in RETRY_STATUSES_IDEMPOTENT and request.method.upper() in IDEMPOTENT_METHODS)
        )
        if not retryable or retries_done >= self.max_retries:
            return None
        asked = retry_after_seconds(response.headers, now=clock().time(), rate_limited=status == 429)
        if asked is not None and asked > self.max_retry_after:
            logger.info(
                "not retrying %s %s after %s: the server asked for %.1f s, above the %.1f s cap",
                request.method,
                request.url.path,
                status,
                asked,
                self.max_retry_after,
            )
            return None
        wait = self.backoff(retries_done) if asked is None else max(asked, self.initial_backoff)
        return self._within_deadline(request, wait, elapsed)

    def wait_after_error(
        self, request: httpx.Request, error: httpx.TransportError, *, retries_done: int, elapsed: float
    ) -> float | None:
        """Seconds to wait before retrying ``request`` after a transport ``error``, or ``None`` to raise it."""
        if retries_done >= self.max_retries:
            return None
        if isinstance(error, _NOT_SENT_ERRORS):
            retryable = True
        else:
            retryable = (
                isinstance(error, _MAYBE_SENT_ERRORS)
                and request.method.upper() in IDEMPOTENT_METHODS
                and body_replayable(request)
            )
        if not retryable:
            return None
        return self._within_deadline(request, self.backoff(retries_done), elapsed)

    def _within_deadline(self, request: httpx.Request, wait: float, elapsed: float) -> float | None:
        if self.deadline is not None and elapsed + wait > self.deadline:
            return None
        left = remaining(request)
        if left is not None and wait >= left:
            return None
        return wait


class RetryTransport(TwoSided):
    """Wraps a sync and an async transport and retries on them according to a ``RetryPolicy``.

    One instance serves both ``httpx.Client`` and ``httpx.AsyncClient``, so the generated client's
    ``httpx_args={"transport": ...}`` installs it for sync and async calls at once. TLS settings
    belong to the wrapped transports: httpx ignores ``verify`` when a transport is given.
    A request's ``BUFFER_LIMIT`` extension is the most raw body bytes held per attempt.

    With a ``limiter`` (see ``limiter``), every attempt waits its turn there; a request refused
    with 429 still waits and is resent as this policy says.
    """

    def __init__(
        self,
        policy: RetryPolicy,
        *,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        limiter: RateLimiter | None = None,
    ) -> None:
        self.policy = policy
        self.limiter = limiter
        if limiter is not None:
            from .limiter import LimitedTransport  # on first use: clients without one never load it

            if transport is not None:
                transport = LimitedTransport(limiter, transport=transport)
            if async_transport is not None:
                async_transport = LimitedTransport(limiter, async_transport=async_transport)
        super().__init__(transport, async_transport)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        side, attempts = self.sync_side(), _Attempts(self, request)
        while True:
            attempts.start()
            try:
                outcome: httpx.Response | httpx.TransportError = buffer_raw(
                    side.handle_request(request), attempts.limit
                )
            except httpx.TransportError as error:
                outcome = error
            if isinstance(step := attempts.after(outcome), httpx.Response):
                return step
            if isinstance(outcome, httpx.Response):
                outcome.close()  # a streamed (download) body still holds its connection
            clock().sleep(step)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        side, attempts = self.async_side(), _Attempts(self, request)
        while True:
            attempts.start()
            try:
                outcome: httpx.Response | httpx.TransportError = await abuffer_raw(
                    await side.handle_async_request(request), attempts.limit
                )
            except httpx.TransportError as error:
                outcome = error
            if isinstance(step := attempts.after(outcome), httpx.Response):
                return step
            if isinstance(outcome, httpx.Response):
                await outcome.aclose()  # a streamed (download) body still holds its connection
            await clock().asleep(step)


class _Attempts:
    """Every decision of one request's attempts, shared by the sync and async loops (which only
    send, close and sleep)."""

    def __init__(self, transport: RetryTransport, request: httpx.Request) -> None:
        self.policy = transport.policy
        self.request = request
        self.limit: int | None = (
            0 if request.extensions.get(STREAM_RESPONSE) else request.extensions.get(BUFFER_LIMIT)
        )
        self.started = clock().monotonic()
        self.retries_done = 0
        self.maybe_acted = False
        self.timeouts: dict[str, float | None] | None = request.extensions.get("timeout")

    def start(self) -> None:
        """Before an attempt: its timeouts capped to the request's deadline, which must not have passed."""
        left = remaining(self.request)
        if left is None:
            return
        if left <= 0:
            raise httpx.PoolTimeout("the request's deadline passed before it could be sent")
        if self.timeouts is not None:
            self.request.extensions["timeout"] = capped_timeouts(self.timeouts, left)

    def after(self, outcome: httpx.Response | httpx.TransportError) -> httpx.Response | float:
        """The answer to hand on, or the seconds to wait before the next attempt (logged).

        An error that is not retried is raised again.
        """
        policy, request = self.policy, self.request
        elapsed = clock().monotonic() - self.started
        if isinstance(outcome, httpx.Response):
            outcome = _settle_delete(request, outcome, self.maybe_acted)
            wait = policy.wait_after_response(
                request, outcome, retries_done=self.retries_done, elapsed=elapsed
            )
            cause = str(outcome.status_code)
        else:
            wait = policy.wait_after_error(request, outcome, retries_done=self.retries_done, elapsed=elapsed)
            cause = type(outcome).__name__
        if wait is None:
            if isinstance(outcome, httpx.Response):
                return outcome
            raise outcome
        _log_retry(request, cause, wait, self.retries_done, policy)
        self.maybe_acted = self.maybe_acted or _may_have_acted(outcome)
        self.retries_done += 1
        return wait


def _may_have_acted(outcome: httpx.Response | httpx.TransportError) -> bool:
    """Whether the server may have carried out the request despite this failed attempt."""
    if isinstance(outcome, httpx.Response):
        return outcome.status_code in _MAYBE_ACTED_STATUSES
    return isinstance(outcome, _MAYBE_SENT_ERRORS)


def _settle_delete(request: httpx.Request, response: httpx.Response, maybe_acted: bool) -> httpx.Response:
    """A 204 instead of the 404 of a DELETE whose earlier attempt may already have deleted it."""
    if response.status_code != 404 or request.method.upper() != "DELETE" or not maybe_acted:
        return response
    logger.info(
        "%s %s: 404 after a retry; an earlier attempt may have deleted it, so it counts as done",
        request.method,
        request.url.path,
    )
    return httpx.Response(204, request=request)


def _log_retry(
    request: httpx.Request, cause: str, wait: float, retries_done: int, policy: RetryPolicy
) -> None:
    logger.info(
        "retrying %s %s after %s in %.2f s (retry %d of %d)",
        request.method,
        request.url.path,
        cause,
        wait,
        retries_done + 1,
        policy.max_retries,
    )
