"""Request recording: every request that reaches ``/v2``, for tests that count or inspect calls.

``RequestLog`` is thread-safe: the server thread appends while the test thread reads. ``/_fake``
control requests are never recorded.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Literal

__all__ = ["RecordedRequest", "RequestLog"]


@dataclass
class RecordedRequest:
    """A request that reached ``/v2``.

    ``path`` is relative to ``/v2`` (no query string). ``status`` is ``None`` while the request is in
    flight, the HTTP status once answered, or ``"dropped"`` when the connection was closed before a
    complete response (the ``drop`` and ``drop-mid-body`` faults, or a client that hung up while a
    ``slow`` fault made it wait). ``fault`` names the injected fault the request received,
    ``"rate-limit"`` when the rate limiter answered, else ``None``. ``operation_id`` is the
    operationId of ``openapi.yaml`` the method and path are routed to (even when a fault answered
    instead), ``None`` for a request no operation serves (404, 405).
    """

    method: str
    path: str
    query: str = ""
    status: int | Literal["dropped"] | None = None
    fault: str | None = None
    at: float = 0.0
    operation_id: str | None = None


class RequestLog:
    """The requests seen so far (``requests``, oldest first) and their ``count``.

    With ``keep = False`` (very long benchmarks) requests are only counted.
    """

    def __init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self.count = 0
        self.keep = True
        self._lock = threading.Lock()

    def record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.count += 1
            if self.keep:
                self.requests.append(request)

    def snapshot(self) -> list[RecordedRequest]:
        """A copy of the recorded requests, safe to iterate while the server keeps serving."""
        with self._lock:
            return list(self.requests)

    def clear(self) -> None:
        with self._lock:
            self.requests.clear()
            self.count = 0
