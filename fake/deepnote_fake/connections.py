"""uvicorn's h11 protocol with bounds on connections that do not send a request: ``GuardedH11Protocol``.

Guarantees:

- A connection waiting for a request head (a new one, or a kept-alive one between requests) gets
  ``header_timeout`` seconds to deliver it; then it is closed, after a 408 ``{"message": ...}`` when
  part of a head had arrived. Heads are at most 16 KiB (uvicorn's h11 default), else 400.
- A new connection past ``max_connections_per_client`` connections of its client (peer address)
  closes that client's connection that has waited longest for a request head. Past the server's
  bound, ``DescriptorBudget.max_connections`` (derived from the process's file-descriptor limit, so
  ``accept`` never runs out of descriptors), it closes anyone's; when every connection is busy
  with a request, the new one is answered 503 ``{"message": ...}`` and closed instead. Clients that
  open connections and never finish a request head therefore cannot keep others from being served.
- Not bounded: the time a client takes to send a body once its head is in (a stalled body holds
  its connection until the client hangs up).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import sys
from dataclasses import dataclass
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = [
    "DEFAULT_HEADER_TIMEOUT",
    "DEFAULT_MAX_CONNECTIONS_PER_CLIENT",
    "DescriptorBudget",
    "GuardedConfig",
    "GuardedH11Protocol",
]

DEFAULT_HEADER_TIMEOUT = 10.0
DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 256
"""Above what HTTP clients pool by default (httpx: 100), so a busy test suite is never refused."""
RESERVED_DESCRIPTORS = 64
"""Descriptors kept for everything but connections: the listening socket, spooled uploads, logs."""
MAX_CONNECTIONS = 4096

_order = itertools.count()  # when each connection began to wait for its head: oldest first


@dataclass(frozen=True)
class DescriptorBudget:
    """How many connections the process can hold, and how many to accept per event-loop pass.

    asyncio accepts up to ``accept_batch`` sockets per pass, and a connection past the bounds is
    closed a pass or two after its ``accept``; a few batches in flight plus ``max_connections``
    plus a reserve stay under the descriptor limit, so ``accept`` never fails with EMFILE (which
    asyncio answers with a log line per attempt and a pause of a second).
    """

    max_connections: int
    accept_batch: int

    @classmethod
    def of_process(cls) -> DescriptorBudget:
        if sys.platform == "win32":  # pragma: no cover - no RLIMIT_NOFILE
            return cls(MAX_CONNECTIONS, 128)
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
        if soft == resource.RLIM_INFINITY:
            return cls(MAX_CONNECTIONS, 128)
        batch = max(4, min(128, soft // 32))
        return cls(max(1, min(MAX_CONNECTIONS, soft - RESERVED_DESCRIPTORS - 4 * batch)), batch)


class GuardedConfig(uvicorn.Config):
    """``uvicorn.Config`` serving HTTP/1.1 with ``GuardedH11Protocol`` and its bounds."""

    def __init__(
        self,
        app: Any,
        *,
        header_timeout: float = DEFAULT_HEADER_TIMEOUT,
        max_connections_per_client: int = DEFAULT_MAX_CONNECTIONS_PER_CLIENT,
        **options: Any,
    ) -> None:
        if header_timeout <= 0:
            raise ValueError("header_timeout must be positive")
        if max_connections_per_client < 1:
            raise ValueError("max_connections_per_client must be at least 1")
        self.budget = DescriptorBudget.of_process()
        super().__init__(app, http=GuardedH11Protocol, backlog=self.budget.accept_batch, **options)
        self.header_timeout = header_timeout
        self.max_connections_per_client = max_connections_per_client


def _raw_response(status: int, reason: str, message: str) -> bytes:
    body = json.dumps({"message": message}).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\n"
        f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class GuardedH11Protocol(H11Protocol):
    """One connection; see the module's guarantees."""

    def __init__(self, config: uvicorn.Config, *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        if not isinstance(config, GuardedConfig):
            raise TypeError("GuardedH11Protocol needs a GuardedConfig")
        self.header_timeout = config.header_timeout
        self.max_per_client = config.max_connections_per_client
        self.max_connections = config.budget.max_connections
        self.head_timer: asyncio.TimerHandle | None = None
        self.waiting_since = 0

    @property
    def awaiting_head(self) -> bool:
        """Between requests: nothing of a request is being served or answered."""
        return self.conn.their_state is h11.IDLE and not self.transport.is_closing()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        super().connection_made(transport)
        if not self._make_room():
            message = "Too many connections: every connection is busy; retry shortly"
            transport.write(_raw_response(503, "Service Unavailable", message))
            transport.close()
            return
        self._watch_head()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._watch_head()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._watch_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_timer()
        super().connection_lost(exc)

    def _watch_head(self) -> None:
        """Start the head timer when the connection begins to wait for a head; stop it after."""
        if not self.awaiting_head:
            self._stop_timer()
        elif self.head_timer is None:
            self.waiting_since = next(_order)
            self.head_timer = self.loop.call_later(self.header_timeout, self._head_timed_out)

    def _stop_timer(self) -> None:
        if self.head_timer is not None:
            self.head_timer.cancel()
            self.head_timer = None

    def _head_timed_out(self) -> None:
        self.head_timer = None
        if not self.awaiting_head:
            return
        received, _ = self.conn.trailing_data
        if received:  # part of a head: say why; an idle connection is simply closed
            message = f"Request head not received within {self.header_timeout:g} s"
            self.transport.write(_raw_response(408, "Request Timeout", message))
        self.transport.close()

    def _make_room(self) -> bool:
        """Close a waiting connection when this one is past a bound; False to refuse this one.

        Past ``max_per_client``, the client's connection waiting longest for a head is closed (if
        none waits, the client may go on up to the server's bound). Past ``max_connections``,
        anyone's is; when none waits there, this connection is refused.
        """
        others = [
            c
            for c in self.connections
            if c is not self and isinstance(c, GuardedH11Protocol) and not c.transport.is_closing()
        ]
        host = self.client[0] if self.client else None
        same_client = [c for c in others if (c.client[0] if c.client else None) == host]
        if len(same_client) >= self.max_per_client and _close_longest_waiting(same_client):
            return True
        return len(others) < self.max_connections or _close_longest_waiting(others)


def _close_longest_waiting(pool: list[GuardedH11Protocol]) -> bool:
    waiting = [c for c in pool if c.awaiting_head]
    if not waiting:
        return False
    min(waiting, key=lambda c: c.waiting_since).transport.close()
    return True
