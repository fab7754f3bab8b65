"""Serve the fake with uvicorn on 127.0.0.1, in a background thread (tests) or the foreground.

Guarantees: binds loopback only; the listening socket is bound and listening before uvicorn
starts, so the port is known up front, no other process can take it and a connection made at once
waits in the backlog instead of being refused; ``serve_forever`` calls ``on_ready`` only once
requests are being served; startup waits at most ``startup_timeout`` seconds; shutdown waits at most
a few seconds and then forces the server down. Connections are bounded as ``connections`` says
(``header_timeout``, ``max_connections_per_client``); ``Host`` names as ``create_app`` says
(``allowed_hosts``).
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import uvicorn

from .app import FakeDeepnoteApp, create_app
from .clock import Clock, FakeClock
from .connections import DEFAULT_HEADER_TIMEOUT, DEFAULT_MAX_CONNECTIONS_PER_CLIENT, GuardedConfig
from .faults import FaultPlan
from .seed import SEED_NOTEBOOK_ID, SEED_PROJECT_ID
from .store import FakeDeepnote

__all__ = ["HOST", "ServerHandle", "bind_loopback", "running_server", "serve_forever"]

HOST = "127.0.0.1"
BACKLOG = 2048  # uvicorn's default


@dataclass(frozen=True)
class ServerHandle:
    """A running fake: ``base_url`` ends in ``/v2`` like ``https://api.deepnote.com/v2``.

    ``root_url`` (no ``/v2``) is where the ``/_fake`` controls live. ``project_id`` and
    ``notebook_id`` are the seeded project and notebook (``SEED_PROJECT_ID``, ``SEED_NOTEBOOK_ID``).
    """

    base_url: str
    root_url: str
    port: int
    state: FakeDeepnote
    app: FakeDeepnoteApp

    @property
    def token(self) -> str:
        return self.state.token

    @property
    def project_id(self) -> str:
        return SEED_PROJECT_ID

    @property
    def notebook_id(self) -> str:
        return SEED_NOTEBOOK_ID

    @property
    def clock(self) -> Clock:
        return self.state.clock

    @property
    def faults(self) -> FaultPlan:
        """Arm faults: ``faults.inject("503", times=2, method="POST", path="/runs")``."""
        return self.state.faults

    @property
    def env(self) -> dict[str, str]:
        """``DEEPNOTE_BASE_URL``, ``DEEPNOTE_TOKEN`` and ``DEEPNOTE_PROJECT_ID`` for this fake."""
        return {
            "DEEPNOTE_BASE_URL": self.base_url,
            "DEEPNOTE_TOKEN": self.token,
            "DEEPNOTE_PROJECT_ID": self.project_id,
        }

    def advance(self, seconds: float) -> None:
        """Move the fake's ``FakeClock`` forward (runs and rate-limit windows follow it)."""
        clock = self.state.clock
        if not isinstance(clock, FakeClock):
            raise TypeError("this fake runs on the real clock; give FakeDeepnote a FakeClock to advance time")
        clock.advance(seconds)


def bind_loopback(port: int = 0) -> socket.socket:
    """A TCP socket listening on 127.0.0.1:``port`` (0 picks a free port), with TCP_NODELAY.

    It listens at once: from here on a client's connect succeeds and waits in the backlog until the
    server accepts it, so a URL printed after this call is never refused.

    The protocol is given explicitly: asyncio sets TCP_NODELAY on accepted connections only when the
    listening socket's ``proto`` is ``IPPROTO_TCP``, and without it uvicorn's separate header and
    body writes meet Nagle's algorithm and delayed ACKs (~40 ms per kept-alive request). Linux also
    copies the listening socket's TCP_NODELAY to accepted sockets.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((HOST, port))
        sock.listen(BACKLOG)
    except OSError:
        sock.close()
        raise
    return sock


class _Server(uvicorn.Server):
    """uvicorn that calls ``on_ready`` once it serves requests, with the kernel's full backlog.

    asyncio uses one number both as the listen backlog and as how many connections to accept per
    event-loop pass; ``GuardedConfig`` keeps the latter small (see ``DescriptorBudget``), so the
    listening sockets get ``BACKLOG`` back here.
    """

    def __init__(self, config: uvicorn.Config, on_ready: Callable[[], None] | None = None) -> None:
        super().__init__(config)
        self.on_ready = on_ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        for sock in sockets or ():
            sock.listen(BACKLOG)
        if self.started and self.on_ready is not None:
            self.on_ready()


class _QuickServer(_Server):
    """uvicorn, minus the idle waits that make a server per test slow.

    Stock uvicorn checks ``should_exit`` every 100 ms and then sleeps another 100 ms on shutdown
    before looking at open connections: ~0.2 s per server, which adds up when every test starts one.
    """

    async def main_loop(self) -> None:
        counter = 0
        while not await self.on_tick(counter):
            counter = (counter + 1) % 864_000
            await asyncio.sleep(0.01)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        if self.server_state.connections or self.server_state.tasks:  # still serving: stock graceful path
            await super().shutdown(sockets)
            return
        for server in self.servers:
            server.close()
        for server in self.servers:
            await server.wait_closed()


def _config(
    app: FakeDeepnoteApp, *, header_timeout: float, max_connections_per_client: int
) -> uvicorn.Config:
    return GuardedConfig(
        app,
        header_timeout=header_timeout,
        max_connections_per_client=max_connections_per_client,
        log_level="error",
        access_log=False,  # request lines are noise in test output; tokens are never in URLs anyway
        lifespan="off",
        loop="asyncio",
        timeout_graceful_shutdown=2,
    )


@contextmanager
def running_server(
    state: FakeDeepnote | None = None,
    *,
    port: int = 0,
    startup_timeout: float = 5.0,
    allowed_hosts: Iterable[str] = (),
    header_timeout: float = DEFAULT_HEADER_TIMEOUT,
    max_connections_per_client: int = DEFAULT_MAX_CONNECTIONS_PER_CLIENT,
) -> Iterator[ServerHandle]:
    """Run the fake in a daemon thread for the duration of the ``with`` block.

    ``allowed_hosts``: ``Host`` names served besides loopback ones (see ``create_app``);
    ``header_timeout``, ``max_connections_per_client``: see ``connections``.
    """
    state = state if state is not None else FakeDeepnote()
    app = create_app(state, allowed_hosts=allowed_hosts)
    config = _config(
        app, header_timeout=header_timeout, max_connections_per_client=max_connections_per_client
    )
    sock = bind_loopback(port)
    actual_port = int(sock.getsockname()[1])
    server = _QuickServer(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name=f"fake-deepnote-{actual_port}", daemon=True
    )
    thread.start()
    try:
        deadline = time.monotonic() + startup_timeout
        while not server.started:
            if not thread.is_alive():
                raise RuntimeError("the fake Deepnote server thread exited during startup")
            if time.monotonic() > deadline:
                raise TimeoutError(f"the fake Deepnote server did not start within {startup_timeout} s")
            time.sleep(0.005)
        root = f"http://{HOST}:{actual_port}"
        yield ServerHandle(base_url=f"{root}/v2", root_url=root, port=actual_port, state=state, app=app)
    finally:
        server.should_exit = True
        thread.join(timeout=5)
        if thread.is_alive():  # pragma: no cover - only when a handler hangs past the grace period
            server.force_exit = True
            thread.join(timeout=2)
        sock.close()


def serve_forever(
    state: FakeDeepnote,
    sock: socket.socket,
    *,
    on_ready: Callable[[], None] | None = None,
    allowed_hosts: Iterable[str] = (),
    header_timeout: float = DEFAULT_HEADER_TIMEOUT,
    max_connections_per_client: int = DEFAULT_MAX_CONNECTIONS_PER_CLIENT,
) -> None:
    """Serve on the bound ``sock`` in the foreground until Ctrl+C (``python -m deepnote_fake``).

    ``on_ready`` runs once requests are served (``python -m deepnote_fake`` prints its URL then).
    """
    app = create_app(state, allowed_hosts=allowed_hosts)
    config = _config(
        app, header_timeout=header_timeout, max_connections_per_client=max_connections_per_client
    )
    try:
        _Server(config, on_ready).run(sockets=[sock])
    finally:
        sock.close()
