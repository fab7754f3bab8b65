"""Item 10: what the default ``RateLimiter`` costs when 429s are sparse, and cancelled waiters.

The fake runs in a child process with 5 ms added latency per request and no rate limit; 429s are
injected as faults (``Retry-After: 1``), so they say nothing about a real limit. Every row is the
same workload twice in one round, with the default limiter and with ``limiter=False``; the ratio
is the limiter's wall time over ``limiter=False``'s, round by round (the goal: 1.2x at most).

- scattered: 16 threads x ``CALLS`` ``call(get_notebook)``; until the first thread is done, one
  429 is armed every ``SCATTER`` seconds unless the last one is still armed (the next request to
  reach the fake gets it);
- one-off: the same 16 threads, one 429 armed after the first answer, never again;
- sequential one-off: 30 calls in a row, the second refused once (each call waits for the one
  before, so the refused call's own second is in both walls);
- cancelled waiters: ``RateLimiter(budget=RateBudget(2, 1.0))``, two calls fill the window, 40
  ``acall`` wait their turn and are cancelled, then one fresh ``acall``: its wait, against the same
  fresh call with no cancelled waiters before it (a cancelled waiter holds no place: about 1.0x;
  both wait for the window's end, so ``limiter=False`` is no baseline here).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from bench.fake_process import FakeProcess
from bench.report import Section

__all__ = ["run"]

THREADS = 16
CALLS = 100
SCATTER = 0.25
LATENCY = 0.005


def _threads(fake: FakeProcess, limiter: bool, arm: Callable[[threading.Event], None]) -> float:
    """Wall time of ``THREADS`` threads x ``CALLS`` calls, with ``arm`` injecting 429s until the first
    thread is done (so each 429 lands among all the threads' requests, not on a lone straggler)."""
    from deepnote_client.api.notebooks import get_notebook
    from deepnote_overlay.lowlevel import call, connect

    client = connect(fake.token, base_url=fake.base_url, limiter=limiter)
    call(get_notebook, client=client, notebook_id=fake.notebook_id)  # warm: a connection, first-use costs
    done = threading.Event()
    armer = threading.Thread(target=arm, args=(done,))

    def worker(_: int) -> None:
        try:
            for _ in range(CALLS):
                call(get_notebook, client=client, notebook_id=fake.notebook_id)
        finally:
            done.set()

    start = time.perf_counter()
    armer.start()
    try:
        with ThreadPoolExecutor(THREADS) as pool:
            list(pool.map(worker, range(THREADS)))
        return time.perf_counter() - start
    finally:
        done.set()
        armer.join()
        client.get_httpx_client().close()
        fake.clear_faults()


def _refuse(fake: FakeProcess) -> None:
    fake.inject(kind="429", times=1, method="GET", path="/notebooks/", retryAfter=1)


def _scattered(fake: FakeProcess) -> Callable[[threading.Event], None]:
    def arm(done: threading.Event) -> None:
        while not done.wait(SCATTER):
            if not fake.state()["faultsPending"]:  # one at a time: none piles up while nothing is sent
                _refuse(fake)

    return arm


def _once(fake: FakeProcess) -> Callable[[threading.Event], None]:
    def arm(done: threading.Event) -> None:
        _refuse(fake)

    return arm


def _sequential(fake: FakeProcess, limiter: bool) -> float:
    from deepnote_client.api.notebooks import get_notebook
    from deepnote_overlay.lowlevel import call, connect

    client = connect(fake.token, base_url=fake.base_url, limiter=limiter)
    start = time.perf_counter()
    call(get_notebook, client=client, notebook_id=fake.notebook_id)
    _refuse(fake)
    for _ in range(29):
        call(get_notebook, client=client, notebook_id=fake.notebook_id)
    elapsed = time.perf_counter() - start
    client.get_httpx_client().close()
    return elapsed


def _fresh_call_after(fake: FakeProcess, cancelled: int) -> float:
    """Seconds one fresh ``acall`` waits after ``cancelled`` waiters gave up, budget 2 per second."""
    from deepnote_client.api.notebooks import get_notebook
    from deepnote_overlay import RateBudget, RateLimiter
    from deepnote_overlay.lowlevel import acall, connect

    async def main() -> float:
        client = connect(fake.token, base_url=fake.base_url, limiter=RateLimiter(budget=RateBudget(2, 1.0)))
        try:
            for _ in range(2):
                await acall(get_notebook, client=client, notebook_id=fake.notebook_id)
            waiting = [
                asyncio.create_task(acall(get_notebook, client=client, notebook_id=fake.notebook_id))
                for _ in range(cancelled)
            ]
            await asyncio.sleep(0.05)
            for task in waiting:
                task.cancel()
            await asyncio.gather(*waiting, return_exceptions=True)
            start = time.perf_counter()
            await acall(get_notebook, client=client, notebook_id=fake.notebook_id)
            return time.perf_counter() - start
        finally:
            await client.get_async_httpx_client().aclose()

    return asyncio.run(main())


def run(*, rounds: int) -> Section:
    section = Section(10, f"Limiter cost: sparse 429s ({THREADS} threads, {LATENCY * 1000:.0f} ms latency)")
    walls: dict[str, list[float]] = {}
    with FakeProcess(latency=LATENCY) as fake:
        for r in range(rounds):
            for limiter in (True, False) if r % 2 == 0 else (False, True):
                suffix = "" if limiter else ", limiter=False"
                for name, arm in (("scattered", _scattered(fake)), ("one-off", _once(fake))):
                    walls.setdefault(name + suffix, []).append(_threads(fake, limiter, arm))
                walls.setdefault("sequential" + suffix, []).append(_sequential(fake, limiter))
            for cancelled in (40, 0):
                walls.setdefault(f"fresh after {cancelled}", []).append(_fresh_call_after(fake, cancelled))
    labels = {
        "scattered": f"{THREADS} threads x {CALLS} call(), a 429 every {SCATTER:g} s",
        "one-off": f"{THREADS} threads x {CALLS} call(), one 429 after the first answer",
        "sequential": "30 call() in a row, the second refused once",
    }
    for name, label in labels.items():
        section.add(f"{label}, limiter=False", "s", walls[f"{name}, limiter=False"])
        section.add(
            f"{label}, default limiter",
            "s",
            walls[name],
            baseline=walls[f"{name}, limiter=False"],
            baseline_label="limiter=False",
        )
    section.add("RateBudget(2, 1.0): a fresh acall(), no waiter before it", "s", walls["fresh after 0"])
    section.add(
        "RateBudget(2, 1.0): a fresh acall() after 40 waiters were cancelled",
        "s",
        walls["fresh after 40"],
        baseline=walls["fresh after 0"],
        baseline_label="no cancelled waiter",
    )
    section.notes.append(
        "injected 429s carry Retry-After: 1 and are no limit: a pause the limiter sets ends as soon as "
        "another request in flight is let through"
    )
    return section
