"""Plans: a job of several requests written once, run by a sync or an async driver.

A plan is a generator that yields what it needs done (``Send`` a request through ``call``, or
``Sleep``) and is sent each answer back (a failure is thrown into it as the ``DeepnoteError``).
It does no I/O itself, so every decision of a job (when to poll, when to give up, what to return)
lives once, and ``drive`` / ``adrive`` only send and sleep.

Guarantees:

- ``drive`` sends each ``Send`` with ``call`` on the client's sync httpx client and sleeps with
  ``_clock.CLOCK.sleep``; ``adrive`` uses ``acall`` and ``_clock.CLOCK.asleep``, never blocking the
  event loop. Both give the plan the same answers in the same order.
- Only ``DeepnoteError`` is thrown into the plan; anything else (``KeyboardInterrupt``, a
  cancellation, a bug) leaves the driver at once, and the plan is closed.
- The plan's return value is the driver's.
"""

from __future__ import annotations

import contextlib
from collections.abc import Generator
from typing import Any, ParamSpec, TypeVar

import attrs

from deepnote_client.client import AuthenticatedClient

from . import _clock
from .calls import Endpoint, acall, call
from .errors import DeepnoteError

__all__ = ["Plan", "Send", "Sleep", "adrive", "drive", "send"]

P = ParamSpec("P")
T = TypeVar("T")


@attrs.frozen
class Send:
    """Send one request: ``call(endpoint, client, **arguments)``."""

    endpoint: Endpoint[..., Any]
    arguments: dict[str, Any]


@attrs.frozen
class Sleep:
    """Pause for ``seconds``."""

    seconds: float


Plan = Generator[Send | Sleep, Any, T]
"""A job: yields steps, is sent each step's answer, returns the job's result."""


def send(endpoint: Endpoint[P, Any], /, *args: P.args, **kwargs: P.kwargs) -> Send:
    """The step that sends ``endpoint`` with these (type-checked) arguments."""
    if args:
        raise TypeError("operation arguments are keyword arguments")
    return Send(endpoint, dict(kwargs))


@attrs.frozen
class _Done:
    value: Any


def _advance(plan: Plan[Any], answer: Any, error: DeepnoteError | None) -> Send | Sleep | _Done:
    try:
        return plan.send(answer) if error is None else plan.throw(error)
    except StopIteration as stop:
        return _Done(stop.value)


def _perform(step: Send | Sleep, client: AuthenticatedClient) -> tuple[Any, DeepnoteError | None]:
    if isinstance(step, Sleep):
        _clock.CLOCK.sleep(step.seconds)
        return None, None
    try:
        return call(step.endpoint, client, **step.arguments), None
    except DeepnoteError as error:
        return None, error


async def _aperform(step: Send | Sleep, client: AuthenticatedClient) -> tuple[Any, DeepnoteError | None]:
    if isinstance(step, Sleep):
        await _clock.CLOCK.asleep(step.seconds)
        return None, None
    try:
        return await acall(step.endpoint, client, **step.arguments), None
    except DeepnoteError as error:
        return None, error


def drive(plan: Plan[T], client: AuthenticatedClient) -> T:
    """Run ``plan`` with blocking I/O on ``client``."""
    with contextlib.closing(plan):
        step = _advance(plan, None, None)
        while not isinstance(step, _Done):
            step = _advance(plan, *_perform(step, client))
        result: T = step.value
        return result


async def adrive(plan: Plan[T], client: AuthenticatedClient) -> T:
    """Run ``plan`` with async I/O on ``client``."""
    with contextlib.closing(plan):
        step = _advance(plan, None, None)
        while not isinstance(step, _Done):
            step = _advance(plan, *await _aperform(step, client))
        result: T = step.value
        return result

