"""Item 4: 200 concurrent ``getNotebook`` calls over loopback, ``acall`` against raw ``httpx.AsyncClient``.

The fake runs in a child process (``bench.fake_process``) with 5 ms added latency per request.
Both clients get the same ``httpx.Limits`` (100 connections, 20 kept alive: httpx's defaults,
passed explicitly; ``connect`` hands them to the transport under its retry layer). Each
observation is one ``asyncio.run``: open a client, warm it with one batch, then time
``asyncio.gather`` of 200 calls, and close it. Raw is ``client.get(url).json()``; the overlay is
``acall(get_notebook, client=connect(...), notebook_id=...)`` with the default retries. The ratio is
the overlay's wall time over raw's, round by round.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from bench.fake_process import FakeProcess
from bench.report import Section
from bench.stats import interleaved

__all__ = ["run"]

CALLS = 200
LATENCY = 0.005
LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)


async def _timed_batch(call: Callable[[], Awaitable[Any]]) -> float:
    await asyncio.gather(*(call() for _ in range(CALLS)))  # warm-up: connections, first-use costs
    start = time.perf_counter()
    results = await asyncio.gather(*(call() for _ in range(CALLS)))
    elapsed = time.perf_counter() - start
    if len(results) != CALLS or any(r is None for r in results):
        raise RuntimeError("a concurrent call returned nothing")
    return elapsed


def _raw(fake: FakeProcess) -> float:
    async def main() -> float:
        async with httpx.AsyncClient(
            base_url=fake.base_url, headers={"Authorization": f"Bearer {fake.token}"}, limits=LIMITS
        ) as client:

            async def one() -> Any:
                response = await client.get(f"/notebooks/{fake.notebook_id}")
                response.raise_for_status()
                return response.json()

            return await _timed_batch(one)

    return asyncio.run(main())


def _overlay(fake: FakeProcess) -> float:
    from deepnote_client.api.notebooks import get_notebook
    from deepnote_overlay.lowlevel import acall, connect

    async def main() -> float:
        client = connect(fake.token, base_url=fake.base_url, limits=LIMITS)
        try:
            return await _timed_batch(
                lambda: acall(get_notebook, client=client, notebook_id=fake.notebook_id)
            )
        finally:
            await client.get_async_httpx_client().aclose()

    return asyncio.run(main())


def run(*, rounds: int) -> Section:
    section = Section(
        4, f"Concurrency: {CALLS} concurrent getNotebook (async, {LATENCY * 1000:.0f} ms latency)"
    )
    with FakeProcess(latency=LATENCY) as fake:
        _raw(fake)
        _overlay(fake)
        connections: dict[str, list[float]] = {"raw": [], "overlay": []}

        def observe(name: str, fn: Callable[[FakeProcess], float]) -> Callable[[], float]:
            def measure() -> float:
                fake.reset_counters()
                elapsed = fn(fake)
                connections[name].append(fake.connections())
                return elapsed

            return measure

        values = interleaved({"raw": observe("raw", _raw), "overlay": observe("overlay", _overlay)}, rounds)
        section.add(f"raw httpx.AsyncClient, {CALLS} gathered", "s", values["raw"])
        section.add(
            f"acall(get_notebook), {CALLS} gathered",
            "s",
            values["overlay"],
            baseline=values["raw"],
            baseline_label="raw AsyncClient",
        )
        section.add("TCP connections per observation, raw", "connections", connections["raw"])
        section.add(
            "TCP connections per observation, acall()",
            "connections",
            connections["overlay"],
            baseline=connections["raw"],
            baseline_label="raw",
        )
        section.notes.append(
            f"limits: max_connections={LIMITS.max_connections}, max_keepalive={LIMITS.max_keepalive_connections} "
            f"for both; connections are counted over the warm-up batch and the timed batch of a fresh client"
        )
    return section
