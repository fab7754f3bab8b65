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
  says); that burst caps the next windows to what passed in it, so the rest go a window at a time.
- known budget: the same 3xN gathered ``acall`` with ``RateLimiter(budget=RateBudget(N, WINDOW))``
  (the limit given in advance): paced from the first request;
- runs: ``RUNS`` ``adn.run_notebook`` gathered (default limiter, and with the known budget), each to completion (the fake's runs take about 1.5 s:
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
from typing import TYPE_CHECKING

from bench.fake_process import FakeProcess
from bench.report import Section

if TYPE_CHECKING:
    from deepnote_overlay import RateLimiter

__all__ = ["run"]

N = 20
WINDOW = 1.0
CALLS = 3 * N
RUNS = 80


def _sequential(fake: FakeProcess) -> Callable[[], None]:
    from deepnote_client.api.notebooks import get_notebook
    from deepnote_overlay.lowlevel import call, connect

    client = connect(fake.token, base_url=fake.base_url)

    def calls() -> None:
        for _ in range(CALLS):
            call(get_notebook, client=client, notebook_id=fake.notebook_id)

    return calls


def _limiter(known: bool) -> RateLimiter | bool:
    """The client's limiter: its default (learns the limit from the first 429), or told it."""
    from deepnote_overlay import RateBudget, RateLimiter

    return RateLimiter(budget=RateBudget(requests=N, per=WINDOW)) if known else True


def _concurrent(fake: FakeProcess, failures: list[int], *, known: bool = False) -> Callable[[], None]:
    from deepnote_client.api.notebooks import get_notebook
    from deepnote_overlay.lowlevel import acall, connect

    def calls() -> None:
        async def main() -> None:
            client = connect(fake.token, base_url=fake.base_url, limiter=_limiter(known))
            try:
                results = await asyncio.gather(
                    *(acall(get_notebook, client=client, notebook_id=fake.notebook_id) for _ in range(CALLS)),
                    return_exceptions=True,
                )
            finally:
                await client.get_async_httpx_client().aclose()
            failures.append(sum(isinstance(r, BaseException) for r in results))

        asyncio.run(main())

    return calls


def _runs(fake: FakeProcess, failures: list[int], *, known: bool = False) -> Callable[[], None]:
    from deepnote_overlay import AsyncDeepnote

    def calls() -> None:
        async def main() -> None:
            async with AsyncDeepnote(fake.token, base_url=fake.base_url, limiter=_limiter(known)) as adn:
                results = await asyncio.gather(
                    *(adn.run_notebook(fake.notebook_id, poll_interval=0.5) for _ in range(RUNS)),
                    return_exceptions=True,
                )
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


def _run_rows(
    section: Section,
    label: str,
    walls: list[float],
    failures: list[int],
    created: list[tuple[int, int]],
    refusals: list[list[int]],
) -> None:
    section.add(f"{label}, to completion", "s", walls)
    section.add(f"{label}: failed", "runs", [float(f) for f in failures])
    section.add(f"{label}: accepted POST /runs", "runs", [float(a) for a, _ in created])
    section.add(f"{label}: distinct runs polled", "runs", [float(p) for _, p in created])
    section.add(f"{label}: 429s in the first window", "requests", [float(c[0]) for c in refusals])
    section.add(
        f"{label}: 429s in any later window, at most",
        "requests",
        [float(max(c[1:], default=0)) for c in refusals],
    )


def run(*, rounds: int) -> Section:
    section = Section(5, f"Rate limit: {CALLS} getNotebook, fake allows {N} per {WINDOW:g} s window")
    names = ("sequential", "concurrent", "known")
    labels = {
        "sequential": "call() in a loop",
        "concurrent": "acall() gathered",
        "known": f"acall() gathered, RateBudget({N}, {WINDOW:g})",
    }
    call_failures: dict[str, list[int]] = {name: [] for name in names}
    with FakeProcess(record=True) as fake:
        fns = {
            "sequential": _sequential(fake),
            "concurrent": _concurrent(fake, []),
            "known": _concurrent(fake, call_failures["known"], known=True),
        }
        fns["sequential"]()  # warm-up, limit still off
        fns["concurrent"]()
        free = {name: [_observe(fake, fns[name])[0] for _ in range(rounds)] for name in names[:2]}
        free["known"] = free["concurrent"]  # the same calls; a budget changes nothing without a limit
        call_failures["known"].clear()
        fns["concurrent"] = _concurrent(fake, call_failures["concurrent"])
        fake.configure(rateLimit=[N, WINDOW])
        try:
            observed: dict[str, list[tuple[float, int, int, int]]] = {name: [] for name in names}
            by_window: dict[str, list[list[int]]] = {name: [] for name in names}
            for r in range(rounds):  # rotate the order between rounds
                for name in names[r % 3 :] + names[: r % 3]:
                    observed[name].append(_observe(fake, fns[name]))
                    by_window[name].append(_refusals_by_window(fake))
            run_failures: dict[bool, list[int]] = {False: [], True: []}
            run_walls: dict[bool, list[float]] = {False: [], True: []}
            run_refusals: dict[bool, list[list[int]]] = {False: [], True: []}
            run_created: dict[bool, list[tuple[int, int]]] = {False: [], True: []}
            for r in range(rounds):
                for known in (False, True) if r % 2 == 0 else (True, False):
                    run_walls[known].append(_observe(fake, _runs(fake, run_failures[known], known=known))[0])
                    run_refusals[known].append(_refusals_by_window(fake))
                    run_created[known].append(_created_once(fake))
        finally:
            fake.configure(rateLimit=None)
    windows = -(-CALLS // N)
    for name in names:
        label = labels[name]
        floors = [(windows - 1) * WINDOW + f * N / CALLS for f in free[name]]
        walls = [o[0] for o in observed[name]]
        if name != "known":
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
        if name != "sequential":
            section.add(f"{label}: failed", "calls", [float(f) for f in call_failures[name]])
        section.add(f"{label}: 429s received", "requests", [float(o[1]) for o in observed[name]])
        section.add(f"{label}: 429s in the first window", "requests", [float(c[0]) for c in by_window[name]])
        section.add(
            f"{label}: 429s in any later window, at most",
            "requests",
            [float(max(c[1:], default=0)) for c in by_window[name]],
        )
        section.add(f"{label}: requests sent", "requests", [float(o[2]) for o in observed[name]])
        section.add(f"{label}: TCP connections", "connections", [float(o[3]) for o in observed[name]])
    for known in (False, True):
        label = f"{RUNS} adn.run_notebook() gathered" + (f", RateBudget({N}, {WINDOW:g})" if known else "")
        _run_rows(
            section, label, run_walls[known], run_failures[known], run_created[known], run_refusals[known]
        )
    section.notes.append(
        f"minimum = {windows - 1} full windows + the unthrottled time of the last window's {N} calls; "
        f"Retry-After is whole seconds, so each refusal waits until ~{WINDOW:g} s after it"
    )
    section.notes.append(
        "the first window's refusals are the burst sent before the server had said anything about its "
        "limit; the client's RateLimiter caps the next windows to what passed in it. With RateBudget "
        "(the limit known in advance) the limiter paces from the first request"
    )
    return section
