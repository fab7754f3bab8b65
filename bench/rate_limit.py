"""Item 5: 3xN ``getNotebook`` calls through the overlay against a fake limited to N per window.

The fake (child process, no added latency) counts requests per token in fixed windows: the first
request opens a window of ``WINDOW`` seconds, N requests pass, the rest get 429 with
``Retry-After`` (whole seconds until the window resets, rounded up). 3xN calls need 3 windows, so
the theoretical minimum wall time is 2 full windows plus the time to make the last window's N calls
unthrottled; that unthrottled time is measured in the same run (same calls, limit off, a third of
the time of all 3xN).

- sequential: ``call(get_notebook, ...)`` 3xN times in a row (default ``RetryPolicy``);
- concurrent: 3xN ``acall`` gathered at once (same policy, and the client's default
  ``RateLimiter``): the first burst is refused beyond N (the limit is not known before the server
  says); from that refusal on the limiter knows N and the window, and paces the rest.
- runs: ``RUNS`` ``arun_notebook`` gathered, each to completion (the fake's runs take about 1.5 s:
  pending 0.3 s, running 1 s, snapshot 0.2 s), so creates and polls share the limit.

Reported: wall time and its ratio to the theoretical minimum, the 429s the fake sent (from its
``rateLimited`` counter) in total and, from the request log, in the first window and at most in
any later one; for the runs, failures and how many runs were created (each exactly once when that
equals the accepted ``POST /runs``). A client that honours ``Retry-After`` exactly is near 1.0
with one refusal per window change; one that retries early is refused more, one that waits too
long is slower. Before each observation the benchmark waits out the previous window.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from bench.fake_process import FakeProcess
from bench.report import Section

__all__ = ["run"]

N = 20
WINDOW = 1.0
CALLS = 3 * N
RUNS = 80


def _sequential(fake: FakeProcess) -> Callable[[], None]:
    from deepnote_client.api.notebooks import get_notebook
    from deepnote_overlay import call, connect

    client = connect(fake.token, base_url=fake.base_url)

    def calls() -> None:
        for _ in range(CALLS):
            call(get_notebook, client=client, notebook_id=fake.notebook_id)

    return calls


def _concurrent(fake: FakeProcess) -> Callable[[], None]:
    from deepnote_client.api.notebooks import get_notebook
    from deepnote_overlay import acall, connect

    def calls() -> None:
        async def main() -> None:
            client = connect(fake.token, base_url=fake.base_url)
            try:
                await asyncio.gather(
                    *(acall(get_notebook, client=client, notebook_id=fake.notebook_id) for _ in range(CALLS))
                )
            finally:
                await client.get_async_httpx_client().aclose()

        asyncio.run(main())

    return calls


def _runs(fake: FakeProcess, failures: list[int]) -> Callable[[], None]:
    from deepnote_overlay import arun_notebook, connect

    def calls() -> None:
        async def main() -> None:
            client = connect(fake.token, base_url=fake.base_url)
            try:
                results = await asyncio.gather(
                    *(arun_notebook(client, fake.notebook_id, poll_interval=0.5) for _ in range(RUNS)),
                    return_exceptions=True,
                )
            finally:
                await client.get_async_httpx_client().aclose()
            failures.append(sum(isinstance(r, BaseException) or r.status != "success" for r in results))

        asyncio.run(main())

    return calls


def _refusals_by_window(fake: FakeProcess) -> list[int]:
    """429s per fixed window of the fake (a window opens at the first request after the last)."""
    rows = sorted(fake.requests(), key=lambda r: r["at"])
    counts: list[int] = []
    start = None
    for row in rows:
        if start is None or row["at"] - start >= WINDOW:
            start = row["at"]
            counts.append(0)
        counts[-1] += row["status"] == 429
    return counts


def _created_once(fake: FakeProcess) -> tuple[int, int]:
    """Accepted ``POST /runs`` and distinct runs the fake holds for the seed notebook's project."""
    rows = fake.requests()
    accepted = sum(r["method"] == "POST" and r["path"] == "/runs" and r["status"] == 202 for r in rows)
    polled = {r["path"] for r in rows if r["method"] == "GET" and r["path"].startswith("/runs/")}
    return accepted, len(polled)


def _observe(fake: FakeProcess, fn: Callable[[], None]) -> tuple[float, int, int, int]:
    """Wall time, 429s, requests and connections of one ``fn()``, starting in a fresh rate-limit window."""
    time.sleep(WINDOW + 0.05)  # let the previous observation's window expire
    fake.reset_counters()
    start = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - start
    state = fake.state()
    return elapsed, int(state["rateLimited"]), int(state["requestCount"]), fake.connections()


def run(*, rounds: int) -> Section:
    section = Section(5, f"Rate limit: {CALLS} getNotebook, fake allows {N} per {WINDOW:g} s window")
    with FakeProcess(record=True) as fake:
        sequential = _sequential(fake)
        concurrent = _concurrent(fake)
        sequential()  # warm-up, limit still off
        concurrent()
        free = {
            "sequential": [_observe(fake, sequential)[0] for _ in range(rounds)],
            "concurrent": [_observe(fake, concurrent)[0] for _ in range(rounds)],
        }
        fake.configure(rateLimit=[N, WINDOW])
        try:
            observed: dict[str, list[tuple[float, int, int, int]]] = {"sequential": [], "concurrent": []}
            by_window: dict[str, list[list[int]]] = {"sequential": [], "concurrent": []}
            for r in range(rounds):  # alternate the order between rounds
                order = ("sequential", "concurrent") if r % 2 == 0 else ("concurrent", "sequential")
                for name in order:
                    observed[name].append(_observe(fake, sequential if name == "sequential" else concurrent))
                    by_window[name].append(_refusals_by_window(fake))
            failures: list[int] = []
            runs = _runs(fake, failures)
            run_walls, run_refusals, run_created = [], [], []
            for _ in range(rounds):
                wall = _observe(fake, runs)[0]
                run_walls.append(wall)
                run_refusals.append(_refusals_by_window(fake))
                run_created.append(_created_once(fake))
        finally:
            fake.configure(rateLimit=None)
    windows = -(-CALLS // N)
    for name, label in (("sequential", "call() in a loop"), ("concurrent", "acall() gathered")):
        floors = [(windows - 1) * WINDOW + f * N / CALLS for f in free[name]]
        walls = [o[0] for o in observed[name]]
        section.add(f"{label}, no limit", "s", free[name])
        section.add(f"{label}, theoretical minimum with the limit", "s", floors)
        section.add(
            f"{label}, limited",
            "s",
            walls,
            ratios=[w / f for w, f in zip(walls, floors, strict=True)],
            baseline_label="theoretical minimum",
        )
        section.add(
            f"{label}, limited, vs {windows} full windows",
            "s",
            walls,
            ratios=[w / (windows * WINDOW) for w in walls],
            baseline_label=f"{windows} windows",
        )
        section.add(f"{label}: 429s received", "requests", [float(o[1]) for o in observed[name]])
        section.add(f"{label}: 429s in the first window", "requests", [float(c[0]) for c in by_window[name]])
        section.add(
            f"{label}: 429s in any later window, at most",
            "requests",
            [float(max(c[1:], default=0)) for c in by_window[name]],
        )
        section.add(f"{label}: requests sent", "requests", [float(o[2]) for o in observed[name]])
        section.add(f"{label}: TCP connections", "connections", [float(o[3]) for o in observed[name]])
    section.add(f"{RUNS} arun_notebook() gathered, to completion", "s", run_walls)
    section.add(f"{RUNS} runs: failed", "runs", [float(f) for f in failures])
    section.add(f"{RUNS} runs: accepted POST /runs", "runs", [float(a) for a, _ in run_created])
    section.add(f"{RUNS} runs: distinct runs polled", "runs", [float(p) for _, p in run_created])
    section.add(f"{RUNS} runs: 429s in the first window", "requests", [float(c[0]) for c in run_refusals])
    section.add(
        f"{RUNS} runs: 429s in any later window, at most",
        "requests",
        [float(max(c[1:], default=0)) for c in run_refusals],
    )
    section.notes.append(
        f"minimum = {windows - 1} full windows + the unthrottled time of the last window's {N} calls; "
        f"Retry-After is whole seconds, so each refusal waits until ~{WINDOW:g} s after it"
    )
    section.notes.append(
        "the first window's refusals are the burst sent before the server had said anything about its "
        "limit; the client's RateLimiter learns the budget from them"
    )
    return section
