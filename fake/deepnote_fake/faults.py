"""Fault injection for the fake Deepnote API.

A test arms faults with ``FaultPlan.inject``; the app's front door (``app.FakeDeepnoteApp``)
asks ``FaultPlan.take`` for every request under ``/v2`` and delivers the first armed fault that
matches. Nothing is armed by default, so a fresh fake always answers normally.

Matching (documented in the package README):

- ``method``: exact HTTP method, case-insensitive (``None`` matches any method).
- ``path``: the request path *relative to* ``/v2`` and without the query string, for example
  ``/notebooks/abc/runs``. A ``str`` is a prefix (``"/notebooks"`` also matches
  ``/notebooks/abc/runs``); a compiled ``re.Pattern`` is applied with ``search``
  (``re.compile(r"^/runs/[^/]+$")``). ``None`` matches any path.
- ``times``: how many matching requests get the fault; after that, normal service resumes.

Faults are tried in the order they were injected; each request receives at most one fault.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal, get_args

__all__ = ["FAULT_KINDS", "Fault", "FaultKind", "FaultPlan"]

FaultKind = Literal[
    "429",
    "429-http-date",
    "500",
    "502",
    "503",
    "504",
    "drop",
    "drop-mid-body",
    "slow",
    "not-json",
    "missing-field",
]
FAULT_KINDS: frozenset[str] = frozenset(get_args(FaultKind))


@dataclass
class Fault:
    """One armed fault. ``remaining`` counts down as matching requests receive it."""

    kind: FaultKind
    remaining: int
    method: str | None = None
    path: str | re.Pattern[str] | None = None
    retry_after: float | None = None
    delay: float | None = None
    field: str | None = None

    def matches(self, method: str, path: str) -> bool:
        if self.remaining <= 0:
            return False
        if self.method is not None and self.method.upper() != method.upper():
            return False
        if self.path is None:
            return True
        if isinstance(self.path, re.Pattern):
            return self.path.search(path) is not None
        return path.startswith(self.path)


@dataclass
class FaultPlan:
    """Armed faults plus counters; thread-safe (tests arm faults while the server thread serves)."""

    faults: list[Fault] = field(default_factory=list)
    fired: int = 0
    fired_by_kind: Counter[str] = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def inject(
        self,
        kind: FaultKind | str,
        *,
        times: int = 1,
        method: str | None = None,
        path: str | re.Pattern[str] | None = None,
        retry_after: float | None = None,
        delay: float | None = None,
        field: str | None = None,
    ) -> Fault:
        """Arm ``kind`` for the next ``times`` matching requests and return the armed fault.

        ``retry_after`` (seconds, default 1) is used by the 429 kinds; ``delay`` (seconds, default 1)
        by ``slow``; ``field`` (default: the body's first top-level key, which is always the main
        required field) by ``missing-field``.
        """
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {sorted(FAULT_KINDS)}")
        if times < 1:
            raise ValueError("times must be at least 1")
        fault = Fault(
            kind=kind,  # type: ignore[arg-type]  # checked against FAULT_KINDS above
            remaining=times,
            method=method,
            path=path,
            retry_after=retry_after,
            delay=delay,
            field=field,
        )
        with self._lock:
            self.faults.append(fault)
        return fault

    def take(self, method: str, path: str) -> Fault | None:
        """Consume one use of the first armed fault matching the request, counting it as fired."""
        with self._lock:
            for fault in self.faults:
                if fault.matches(method, path):
                    fault.remaining -= 1
                    self.fired += 1
                    self.fired_by_kind[fault.kind] += 1
                    return fault
            return None

    @property
    def pending(self) -> int:
        """How many fault deliveries are still armed."""
        with self._lock:
            return sum(f.remaining for f in self.faults if f.remaining > 0)

    def clear(self) -> None:
        """Disarm every fault (counters are kept; see ``reset_counters``)."""
        with self._lock:
            self.faults.clear()

    def reset_counters(self) -> None:
        with self._lock:
            self.fired = 0
            self.fired_by_kind.clear()
