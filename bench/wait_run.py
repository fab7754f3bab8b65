"""Item 6: waiting for a run: how late ``run.wait`` returns after the run ends, and how many polls.

The fake serves in this process (``running_server``), so the benchmark can share its clock:

- fake clock, runs of 0.5 s, 5 s and 30 s: the fake runs on a ``FakeClock`` and the overlay's clock
  (``deepnote_overlay._clock.CLOCK``) is replaced by one that reads it and sleeps by advancing it,
  so a 30 s run costs no real 30 s. The delay is the fake-clock time at which ``run.wait``
  returned minus the run's end; it follows from the overlay's poll schedule alone, so it is exact
  and repeatable. The reference is the naive loop: a raw httpx GET every 1 s until the status is
  terminal.
- fake clock, a sweep of run lengths from 0.5 s to 60 s (step 0.37 s, so no length lines up with a
  poll by design): the spread of the delay, of the delay relative to the run's length, and of polls.
- real clock, a run of 0.5 s (and 5 s without ``--quick``): the same with real sleeps and
  ``time.monotonic`` (the fake's clock too), as a cross-check that adds request latency and sleep
  overshoot.

Polls are the ``GET /runs/{id}`` requests the fake recorded. Each run is pending for a short while
(a tenth of its length, at most 0.3 s) and then running until its end.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from bench.report import Section

if TYPE_CHECKING:
    from deepnote_fake import FakeClock
    from deepnote_overlay import Deepnote

__all__ = ["run"]

FAKE_DURATIONS = (0.5, 5.0, 30.0)
SWEEP = [round(0.5 + 0.37 * k, 2) for k in range(int((60 - 0.5) / 0.37) + 1)]
NAIVE_INTERVAL = 1.0
_TERMINAL = frozenset({"success", "error", "internal_error", "stopped"})


@dataclass
class _Bench:
    """A served fake plus the clients and clock functions one waiting mode needs."""

    state: Any
    dn: Deepnote
    raw: httpx.Client
    now: Callable[[], float]
    sleep: Callable[[float], None]

    def wait(self, duration: float, *, naive: bool = False) -> tuple[float, int]:
        """Start a run of ``duration`` seconds and wait for it; (delay after its end, polls)."""
        from deepnote_fake import SEED_NOTEBOOK_ID

        pending = min(0.3, duration / 10)
        self.state.pending_seconds = pending
        self.state.running_seconds = duration - pending
        run = self.dn.runs.start(SEED_NOTEBOOK_ID)
        run_id = run.id
        end = self.state.runs[run_id].end_t
        if naive:
            while self.raw.get(f"/runs/{run_id}").json()["run"]["status"] not in _TERMINAL:
                self.sleep(NAIVE_INTERVAL)
        else:
            finished = run.wait(timeout=600)
            if finished.status not in _TERMINAL:
                raise RuntimeError(f"run.wait returned a {finished.status} run")
        returned = self.now()
        polls = sum(1 for r in self.state.requests if r.method == "GET" and r.path == f"/runs/{run_id}")
        return returned - end, polls


@contextmanager
def _overlay_clock(clock: FakeClock | None) -> Iterator[None]:
    """With a ``FakeClock``: the overlay reads time from it and sleeps by advancing it."""
    from deepnote_overlay import _clock

    if clock is None:
        yield
        return
    fake: FakeClock = clock

    class OnFakeClock(_clock.Clock):
        def monotonic(self) -> float:
            return fake.now()

        def sleep(self, seconds: float) -> None:
            fake.advance(seconds)

        async def asleep(self, seconds: float) -> None:
            fake.advance(seconds)

    real, _clock.CLOCK = _clock.CLOCK, OnFakeClock()
    try:
        yield
    finally:
        _clock.CLOCK = real


@contextmanager
def _served(*, fake_clock: bool) -> Iterator[_Bench]:
    from deepnote_fake import FakeClock, FakeDeepnote, running_server
    from deepnote_overlay import Deepnote

    clock = FakeClock() if fake_clock else None
    state = FakeDeepnote(clock=clock)
    now: Callable[[], float] = clock.now if clock is not None else time.monotonic
    sleep: Callable[[float], None] = clock.advance if clock is not None else time.sleep
    with (
        running_server(state) as server,
        _overlay_clock(clock),
        Deepnote(server.token, base_url=server.base_url) as dn,
    ):
        raw = httpx.Client(base_url=server.base_url, headers={"Authorization": f"Bearer {server.token}"})
        try:
            yield _Bench(state, dn, raw, now, sleep)
        finally:
            raw.close()


def run(*, rounds: int, real_long: bool = True) -> Section:
    section = Section(6, "Waiting for a run (run.wait, default poll schedule)")
    with _served(fake_clock=True) as bench:
        for duration in FAKE_DURATIONS:
            overlay = [bench.wait(duration) for _ in range(rounds)]
            naive = [bench.wait(duration, naive=True) for _ in range(rounds)]
            label = f"{duration:g} s run (fake clock)"
            section.add(f"{label}: delay after end, run.wait", "s", [d for d, _ in overlay])
            section.add(f"{label}: delay after end, fixed 1 s polling", "s", [d for d, _ in naive])
            section.add(
                f"{label}: polls, run.wait",
                "polls",
                [float(p) for _, p in overlay],
                baseline=[float(p) for _, p in naive],
                baseline_label="fixed 1 s polling",
            )
        sweep = {d: bench.wait(d) for d in SWEEP}
        naive_sweep = {d: bench.wait(d, naive=True) for d in SWEEP}
    label = f"sweep of {len(SWEEP)} runs, {SWEEP[0]:g}-{SWEEP[-1]:g} s (fake clock)"
    section.add(f"{label}: delay, run.wait", "s", [delay for delay, _ in sweep.values()])
    section.add(f"{label}: delay, fixed 1 s polling", "s", [delay for delay, _ in naive_sweep.values()])
    section.add(f"{label}: delay / run length, run.wait", "%", [100 * sweep[d][0] / d for d in SWEEP])
    section.add(
        f"{label}: polls, run.wait",
        "polls",
        [float(sweep[d][1]) for d in SWEEP],
        ratios=[sweep[d][1] / naive_sweep[d][1] for d in SWEEP],
        baseline_label="fixed 1 s polling",
    )
    section.extra["sweep"] = {
        str(d): {
            "delay": sweep[d][0],
            "polls": sweep[d][1],
            "naive_delay": naive_sweep[d][0],
            "naive_polls": naive_sweep[d][1],
        }
        for d in SWEEP
    }
    real = [0.5, 5.0] if real_long else [0.5]
    with _served(fake_clock=False) as bench:
        for duration in real:
            observed = [bench.wait(duration) for _ in range(rounds if duration < 1 else 1)]
            label = f"{duration:g} s run (real clock)"
            section.add(f"{label}: delay after end, run.wait", "s", [d for d, _ in observed])
            section.add(f"{label}: polls, run.wait", "polls", [float(p) for _, p in observed])
    section.notes.append(
        "poll schedule: 1 s, then x1.5 per poll up to 10 s, so the delay is the pause in effect when the run "
        "ends. Fixed 1 s polling is late by < 1 s (0 for whole-second runs, which end on a poll) but polls "
        "once per second; sweep rows show median/min/max over the runs, not over repetitions"
    )
    return section
