"""Timing primitives shared by every benchmark: summary statistics and interleaved repetitions.

On a noisy shared machine an absolute time means little, so every item measures its baseline and
its candidates in the same process, interleaved round by round (A B, B A, A B, ...), and reports
the median of the per-round ratios together with their min and max.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Stat", "interleaved", "per_round_ratios", "time_call"]


@dataclass(frozen=True)
class Stat:
    """Median, min and max of ``n`` repetitions of one measurement."""

    median: float
    min: float
    max: float
    n: int

    @classmethod
    def of(cls, values: Sequence[float]) -> Stat:
        if not values:
            raise ValueError("no values to summarise")
        return cls(statistics.median(values), min(values), max(values), len(values))

    def to_json(self) -> dict[str, float | int]:
        return {"median": self.median, "min": self.min, "max": self.max, "n": self.n}


def time_call(fn: Callable[[], object]) -> float:
    """Wall time of one call of ``fn`` in seconds (``time.perf_counter``)."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def interleaved(
    measures: Mapping[str, Callable[[], float]], rounds: int, *, collect: bool = True
) -> dict[str, list[float]]:
    """Run every measure once per round, rotating the order each round; return each one's values.

    A measure is a callable returning one observation (typically seconds). Rotating the order
    spreads the machine's slow moments over all of them instead of penalising whichever runs last.
    ``collect`` runs the garbage collector before each observation so one's garbage is not
    collected during the next.
    """
    names = list(measures)
    values: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        shift = r % len(names)
        for name in names[shift:] + names[:shift]:
            if collect:
                gc.collect()
            values[name].append(measures[name]())
    return values


def per_round_ratios(values: Sequence[float], baseline: Sequence[float]) -> list[float]:
    """``values[i] / baseline[i]`` for each round: the ratio of two measures taken side by side."""
    return [v / b for v, b in zip(values, baseline, strict=True)]
