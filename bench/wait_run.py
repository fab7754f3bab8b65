"""Item 6: waiting for a run: how late ``wait_for_run`` returns after the run ends, and how many polls.

The fake serves in this process (``running_server``), so the benchmark can share its clock:

- fake clock, runs of 0.5 s, 5 s and 30 s: the fake runs on a ``FakeClock`` and ``wait_for_run``
  gets ``sleep=clock.advance`` and ``clock=clock.now``, so a 30 s run costs no real 30 s. The delay
  is the fake-clock time at which ``wait_for_run`` returned minus the run's end; it follows from the
  overlay's poll schedule alone (1 s, growing by half up to 10 s), so it is exact and repeatable.
  The reference is the naive loop: a raw httpx GET every 1 s until the status is terminal.
- real clock, run of 0.5 s (and 5 s without ``--quick``): the same with real sleeps and
  ``time.monotonic`` (the fake's clock too), as a cross-check that adds request latency and sleep
  overshoot.

Polls are the ``GET /runs/{id}`` requests the fake recorded. Each run is pending for a short while
(a tenth of its length, at most 0.3 s) and then running until its end.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from bench.fake_process import nodelay_listener
from bench.report import Section

__all__ = ["run"]

FAKE_DURATIONS = (0.5, 5.0, 30.0)
NAIVE_INTERVAL = 1.0
_TERMINAL = frozenset({"success", "error", "internal_error", "stopped"})


def _polls(state: Any, run_id: str) -> int:
    return sum(1 for r in state.requests if r.method == "GET" and r.path == f"/runs/{run_id}")


def _one_run(duration: float, *, fake_clock: bool, naive: bool = False) -> tuple[float, int]:
    """Start a run of ``duration`` seconds, wait for it; return (delay after its end, polls)."""
    from deepnote_client.api.runs import create_run
    from deepnote_client.models.create_run_body import CreateRunBody
    from deepnote_overlay import call, connect, wait_for_run
    from tests.fake_deepnote import SEED_NOTEBOOK_ID, FakeClock, FakeDeepnote, running_server

    clock = FakeClock() if fake_clock else None
    pending = min(0.3, duration / 10)
    state = FakeDeepnote(clock=clock, pending_seconds=pending, running_seconds=duration - pending)
    now: Callable[[], float] = clock.now if clock is not None else time.monotonic
    sleep: Callable[[float], None] = clock.advance if clock is not None else time.sleep
    with nodelay_listener(), running_server(state) as server:
        client = connect(server.token, base_url=server.base_url)
        created = call(create_run, client=client, body=CreateRunBody(notebook_id=SEED_NOTEBOOK_ID))
        run_id = str(created.run_id)
        end = state.runs[run_id].end_t
        if naive:
            raw = httpx.Client(base_url=server.base_url, headers={"Authorization": f"Bearer {server.token}"})
            while raw.get(f"/runs/{run_id}").json()["run"]["status"] not in _TERMINAL:
                sleep(NAIVE_INTERVAL)
            raw.close()
        else:
            finished = wait_for_run(client, run_id, timeout=120, sleep=sleep, clock=now)
            if finished.status.value not in _TERMINAL:
                raise RuntimeError(f"wait_for_run returned a {finished.status.value} run")
        returned = now()
        client.get_httpx_client().close()
        return returned - end, _polls(state, run_id)


def run(*, rounds: int, real_long: bool = True) -> Section:
    section = Section(6, "Waiting for a run (wait_for_run, default poll schedule)")
    for duration in FAKE_DURATIONS:
        overlay = [_one_run(duration, fake_clock=True) for _ in range(rounds)]
        naive = [_one_run(duration, fake_clock=True, naive=True) for _ in range(rounds)]
        label = f"{duration:g} s run (fake clock)"
        section.add(f"{label}: delay after end, wait_for_run", "s", [d for d, _ in overlay])
        section.add(f"{label}: delay after end, fixed 1 s polling", "s", [d for d, _ in naive])
        section.add(
            f"{label}: polls, wait_for_run",
            "polls",
            [float(p) for _, p in overlay],
            baseline=[float(p) for _, p in naive],
            baseline_label="fixed 1 s polling",
        )
    real = [0.5, 5.0] if real_long else [0.5]
    for duration in real:
        reps = rounds if duration < 1 else 1
        observed = [_one_run(duration, fake_clock=False) for _ in range(reps)]
        label = f"{duration:g} s run (real clock)"
        section.add(f"{label}: delay after end, wait_for_run", "s", [d for d, _ in observed])
        section.add(f"{label}: polls, wait_for_run", "polls", [float(p) for _, p in observed])
    section.notes.append(
        "poll schedule: 1 s, then x1.5 per poll up to 10 s; the delay is where the run's end falls in it. "
        "Fixed 1 s polling is late by < 1 s (here 0 for whole-second runs, which end on a poll) "
        "but polls once per second"
    )
    return section
