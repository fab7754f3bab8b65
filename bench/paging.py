"""Item 3: paging 10,000 runs over loopback with ``paginate()`` against a hand-written raw loop.

The fake runs in a child process (``bench.fake_process``) with a fixed added latency per request
(5 ms), so the network wait, not the server, dominates each page. Both sides ask for 100 runs a
page and follow ``pagination.nextPageToken``:

- raw: ``httpx.Client.get(url, params={pageSize, pageToken}).json()`` in a ``while`` loop, counting
  the runs of each page (the baseline);
- overlay: ``for run in paginate(list_notebook_runs, client=connect(...), notebook_id=..., page_size=100)``.

Wall time is interleaved round by round (ratio overlay/raw) and the fake's request counter gives
the number of requests. Peak memory growth is measured separately (``tracemalloc`` slows Python
down, so never during a timed pass): the peak traced memory while iterating minus the traced
memory before, for 1,000 and for 10,000 runs. If the client kept pages or runs, the 10,000-run
figure would be about ten times the 1,000-run one; streaming keeps them about equal.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from collections.abc import Callable

import httpx

from bench.fake_process import FakeProcess
from bench.report import Section
from bench.stats import interleaved

__all__ = ["run"]

LATENCY = 0.005
PAGE_SIZE = 100
COUNTS = (1_000, 10_000)


Counter = Callable[[bool], int]
"""Iterates every run of one notebook and returns how many; ``True`` collects garbage at each page."""


def _raw_counter(fake: FakeProcess, notebook_id: str) -> Counter:
    client = httpx.Client(base_url=fake.base_url, headers={"Authorization": f"Bearer {fake.token}"})

    def count_runs(collect: bool = False) -> int:
        seen = 0
        params: dict[str, str | int] = {"pageSize": PAGE_SIZE}
        while True:
            response = client.get(f"/notebooks/{notebook_id}/runs", params=params)
            response.raise_for_status()
            page = response.json()
            for _run in page["runs"]:
                seen += 1
            if collect:
                gc.collect()
            token = page["pagination"].get("nextPageToken")
            if not token:
                return seen
            params = {"pageSize": PAGE_SIZE, "pageToken": token}

    return count_runs


def _overlay_counter(fake: FakeProcess, notebook_id: str) -> Counter:
    from deepnote_client.api.notebooks import list_notebook_runs
    from deepnote_overlay.lowlevel import connect, paginate

    client = connect(fake.token, base_url=fake.base_url)

    def count_runs(collect: bool = False) -> int:
        seen = 0
        for _run in paginate(list_notebook_runs, client=client, notebook_id=notebook_id, page_size=PAGE_SIZE):
            seen += 1
            if collect and seen % PAGE_SIZE == 0:
                gc.collect()
        return seen

    return count_runs


def _peak_growth(fn: Counter, collect: bool) -> tuple[float, int]:
    """KiB of peak traced memory above the level before ``fn`` ran, and what ``fn`` returned."""
    gc.collect()
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        result = fn(collect)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (peak - before) / 1024, result


def run(*, rounds: int) -> Section:
    section = Section(3, f"Paging over loopback ({PAGE_SIZE}/page, {LATENCY * 1000:.0f} ms added latency)")
    with FakeProcess(runs=list(COUNTS), latency=LATENCY) as fake:
        raw = {n: _raw_counter(fake, fake.notebooks[n]) for n in COUNTS}
        overlay = {n: _overlay_counter(fake, fake.notebooks[n]) for n in COUNTS}
        biggest = COUNTS[-1]
        for n in COUNTS:  # warm-up (connections, imports) and a correctness check
            got = (raw[n](False), overlay[n](False))
            if got != (n, n):
                raise RuntimeError(f"expected {n} runs from both loops, got raw={got[0]} overlay={got[1]}")

        requests: dict[str, list[float]] = {"raw": [], "overlay": []}
        connections: dict[str, list[float]] = {"raw": [], "overlay": []}

        def timed(name: str, fn: Counter) -> Callable[[], float]:
            def measure() -> float:
                fake.reset_counters()
                start = time.perf_counter()
                fn(False)
                elapsed = time.perf_counter() - start
                requests[name].append(fake.state()["requestCount"])
                connections[name].append(fake.connections())
                return elapsed

            return measure

        values = interleaved(
            {"raw": timed("raw", raw[biggest]), "overlay": timed("overlay", overlay[biggest])}, rounds
        )
        section.add(f"raw httpx loop, {biggest:,} runs", "s", values["raw"])
        section.add(
            f"paginate(), {biggest:,} runs",
            "s",
            values["overlay"],
            baseline=values["raw"],
            baseline_label="raw httpx loop",
        )
        section.add("requests, raw loop", "requests", requests["raw"])
        section.add(
            "requests, paginate()",
            "requests",
            requests["overlay"],
            baseline=requests["raw"],
            baseline_label="raw",
        )
        section.add("TCP connections, raw loop", "connections", connections["raw"])
        section.add("TCP connections, paginate()", "connections", connections["overlay"])
        floor = biggest / PAGE_SIZE * LATENCY
        section.notes.append(
            f"added latency alone accounts for {floor:.2f} s ({biggest // PAGE_SIZE} pages x {LATENCY * 1000:.0f} ms)"
        )

        memory: dict[tuple[str, bool, int], list[float]] = {}
        for _ in range(max(1, rounds // 2)):
            for collect in (True, False):
                for n in COUNTS:
                    for name, fns in (("raw", raw), ("overlay", overlay)):
                        kib, _count = _peak_growth(fns[n], collect)
                        memory.setdefault((name, collect, n), []).append(kib)
        small, big = COUNTS
        for collect, how in ((True, "live, gc each page"), (False, "gc as usual")):
            for name, label in (("raw", "raw loop"), ("overlay", "paginate()")):
                section.add(
                    f"peak memory growth ({how}), {label}, {small:,} runs",
                    "KiB",
                    memory[(name, collect, small)],
                )
                section.add(
                    f"peak memory growth ({how}), {label}, {big:,} runs",
                    "KiB",
                    memory[(name, collect, big)],
                    ratios=[
                        b / s
                        for b, s in zip(
                            memory[(name, collect, big)], memory[(name, collect, small)], strict=True
                        )
                    ],
                    baseline_label=f"{small:,} runs",
                )
        section.notes.append(
            "memory: tracemalloc peak minus the level before iterating. 'live': gc.collect() after each page, "
            "so only what the loop holds counts; a ratio near 1.0 for 10x the runs means one page at a time, "
            "~10 would mean runs are kept. 'gc as usual': also counts httpx's cyclic garbage (response bodies) "
            "awaiting the collector, which grows with the number of pages for both loops"
        )
    return section
