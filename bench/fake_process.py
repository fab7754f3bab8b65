"""The fake Deepnote API in its own process, for the loopback benchmarks (items 3, 4 and 5).

``deepnote_fake.running_server`` serves from a thread; in the benchmark's own process that
thread would compete with the client under measurement for the GIL, and the server's CPU time would
be charged to whichever client happens to run. So the loopback items start the fake in a child
process (``python -m bench.fake_process``), which builds the state, adds the historical runs asked
for, serves it with ``running_server`` on 127.0.0.1, prints one JSON line (base URL, token and the
notebook ids), and stops when its stdin closes. Knobs are changed at run time through the fake's
``/_fake/config`` control route.

Connections: the child wraps the fake's ASGI app to note each request's client address (one
address per TCP connection), so ``connections()`` tells how many connections the client opened
since ``reset_counters()``: a client that opens one per call shows up here.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import select
import subprocess
import sys
from collections.abc import Iterator
from types import TracebackType
from typing import Any, Self

import httpx

from bench.report import REPO_ROOT

__all__ = ["FakeProcess"]


class FakeProcess:
    """A child process serving the fake; ``with FakeProcess(runs=[1000]) as fake: fake.base_url``."""

    def __init__(
        self,
        *,
        runs: list[int] | None = None,
        latency: float = 0.0,
        record: bool = False,
        startup_timeout: float = 30.0,
    ):
        self.runs = runs or []
        self.record = record
        self.latency = latency
        self.startup_timeout = startup_timeout
        self.base_url = ""
        self.root_url = ""
        self.token = ""
        self.notebook_id = ""
        self.notebooks: dict[int, str] = {}
        self._proc: subprocess.Popen[bytes] | None = None
        self._control: httpx.Client | None = None

    def __enter__(self) -> Self:
        args = [sys.executable, "-m", "bench.fake_process", "--latency", str(self.latency)]
        for count in self.runs:
            args += ["--runs", str(count)]
        if self.record:
            args.append("--record")
        self._proc = subprocess.Popen(args, cwd=REPO_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self._proc.stdout is not None
        ready, _, _ = select.select([self._proc.stdout], [], [], self.startup_timeout)
        line = self._proc.stdout.readline() if ready else b""
        if not line:
            self._stop()
            raise RuntimeError(f"the fake did not start within {self.startup_timeout} s")
        info = json.loads(line)
        self.base_url = info["base_url"]
        self.root_url = info["root_url"]
        self.token = info["token"]
        self.notebook_id = info["notebook_id"]
        self.notebooks = {int(k): v for k, v in info["notebooks"].items()}
        self._control = httpx.Client(
            base_url=f"{self.root_url}/_fake", headers={"Authorization": f"Bearer {self.token}"}, timeout=30
        )
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._control is not None:
            self._control.close()
        self._stop()

    def _stop(self) -> None:
        proc = self._proc
        if proc is None:
            return
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()  # only the child this object started
            proc.wait(timeout=5)
        if proc.stdout is not None:
            proc.stdout.close()

    def configure(self, **body: Any) -> dict[str, Any]:
        """POST ``/_fake/config`` (``latency``, ``rateLimit`` = ``[N, seconds]`` or ``None``, ...)."""
        assert self._control is not None
        response = self._control.post("/config", json=body)
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result

    def state(self) -> dict[str, Any]:
        """GET ``/_fake/state``: ``requestCount``, ``rateLimited`` and the knobs."""
        assert self._control is not None
        response = self._control.get("/state")
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result

    def requests(self) -> list[dict[str, Any]]:
        """GET ``/_fake/requests``: the request log (needs ``record=True``), with each one's ``at``."""
        assert self._control is not None
        response = self._control.get("/requests")
        response.raise_for_status()
        rows: list[dict[str, Any]] = response.json()["requests"]
        return rows

    def reset_counters(self) -> None:
        """Zero the fake's request counters and the connection count."""
        assert self._control is not None
        self._control.post("/reset-counters").raise_for_status()
        self._ask("reset")

    def connections(self) -> int:
        """TCP connections that sent requests since the last ``reset_counters()``."""
        return int(self._ask("connections")["connections"])

    def _ask(self, command: str) -> dict[str, Any]:
        proc = self._proc
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(command.encode() + b"\n")
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], 10)
        line = proc.stdout.readline() if ready else b""
        if not line:
            raise RuntimeError(f"the fake did not answer {command!r}")
        answer: dict[str, Any] = json.loads(line)
        return answer


class _ConnectionCounter:
    """ASGI wrapper noting the client address (host, port) of every API request (not ``/_fake``)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.clients: set[tuple[Any, ...]] = set()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("client") and str(scope.get("path", "")).startswith("/v2"):
            self.clients.add(tuple(scope["client"]))
        await self.app(scope, receive, send)


@contextlib.contextmanager
def counting_connections() -> Iterator[_ConnectionCounter]:
    """While active, ``running_server`` serves the fake's app through a ``_ConnectionCounter``."""
    from deepnote_fake import server

    original = server.create_app  # type: ignore[attr-defined]
    counter = _ConnectionCounter(None)

    def create_app(state: Any = None, **options: Any) -> Any:
        counter.app = original(state, **options)
        return counter

    server.create_app = create_app  # type: ignore[attr-defined]
    try:
        yield counter
    finally:
        server.create_app = original  # type: ignore[attr-defined]


def _serve(argv: list[str]) -> int:
    from deepnote_fake import SEED_NOTEBOOK_ID, SEED_PROJECT_ID, FakeDeepnote, running_server

    parser = argparse.ArgumentParser(prog="python -m bench.fake_process")
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument(
        "--runs", type=int, action="append", default=[], help="a notebook with this many runs"
    )
    parser.add_argument("--record", action="store_true", help="keep the request log (/_fake/requests)")
    args = parser.parse_args(argv)
    state = FakeDeepnote(latency=args.latency)
    state.record_requests = args.record  # 10,000s of requests otherwise: keep counters only
    notebooks: dict[str, str] = {}
    for count in args.runs:
        notebook_id = state.create_notebook(SEED_PROJECT_ID, f"bench {count} runs").id
        state.add_runs(notebook_id, count)
        notebooks[str(count)] = notebook_id
    with (
        counting_connections() as counter,
        running_server(state) as server,
    ):
        info = {
            "base_url": server.base_url,
            "root_url": server.root_url,
            "token": server.token,
            "notebook_id": SEED_NOTEBOOK_ID,
            "notebooks": notebooks,
            "pid": os.getpid(),
        }
        sys.stdout.write(json.dumps(info) + "\n")
        sys.stdout.flush()
        for line in sys.stdin:  # commands, one a line, until the parent closes our stdin
            command = line.strip()
            if command == "reset":
                counter.clients.clear()
            answer = {"connections": len(counter.clients)}
            sys.stdout.write(json.dumps(answer) + "\n")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_serve(sys.argv[1:]))
