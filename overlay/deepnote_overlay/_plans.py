"""Plans: a job of several requests written once, run by a sync or an async driver.

A plan is a generator that yields what it needs done (``Send`` a request through ``call``,
``Sleep``, or ``Do`` one of a pair of sync/async functions of the client) and is sent each answer back (a failure is thrown into it as the ``DeepnoteError``).
It does no I/O itself, so every decision of a job (when to poll, when to give up, what to return)
lives once, and ``drive`` / ``adrive`` only send and sleep.

Guarantees:

- ``drive`` sends each ``Send`` with ``call`` on the client's sync httpx client and sleeps with
  ``_clock.CLOCK.sleep``; ``adrive`` uses ``acall`` and ``_clock.CLOCK.asleep``, never blocking the
  event loop. Both give the plan the same answers in the same order.
- A ``DeepnoteError`` is thrown into the plan, which decides. An interruption (``KeyboardInterrupt``,
  a task's cancellation: a ``BaseException`` that is not an ``Exception``) is thrown into the plan
  too, so that it can say what it leaves behind (a note on the exception, a log record), and then
  leaves the driver whatever the plan does. Any other exception leaves at once; the plan is closed.
- The plan's return value is the driver's.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Generator
from typing import Any, ParamSpec, TypeVar

import attrs

from deepnote_client.client import AuthenticatedClient

from . import _clock
from .calls import Endpoint, acall, call
from .errors import DeepnoteError

__all__ = ["Do", "Plan", "Send", "Sleep", "Step", "adrive", "drive", "send"]

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


@attrs.frozen
class Do:
    """Run ``sync(client, *args)`` on the sync driver, ``await async_(client, *args)`` on the async one."""

    sync: Callable[..., Any]
    async_: Callable[..., Awaitable[Any]]
    args: tuple[Any, ...] = ()


Step = Send | Sleep | Do
Plan = Generator[Step, Any, T]
"""A job: yields steps, is sent each step's answer, returns the job's result."""


def send(endpoint: Endpoint[P, Any], /, *args: P.args, **kwargs: P.kwargs) -> Send:
    """The step that sends ``endpoint`` with these (type-checked) arguments."""
    if args:
        raise TypeError("operation arguments are keyword arguments")
    return Send(endpoint, dict(kwargs))


@attrs.frozen
class _Done:
    value: Any


def _advance(plan: Plan[Any], answer: Any, error: DeepnoteError | None) -> Step | _Done:
    try:
        return plan.send(answer) if error is None else plan.throw(error)
    except StopIteration as stop:
        return _Done(stop.value)


def _perform(step: Step, client: AuthenticatedClient) -> tuple[Any, DeepnoteError | None]:
    if isinstance(step, Sleep):
        _clock.CLOCK.sleep(step.seconds)
        return None, None
    try:
        if isinstance(step, Do):
            return step.sync(client, *step.args), None
        return call(step.endpoint, client, **step.arguments), None
    except DeepnoteError as error:
        return None, error


async def _aperform(step: Step, client: AuthenticatedClient) -> tuple[Any, DeepnoteError | None]:
    if isinstance(step, Sleep):
        await _clock.CLOCK.asleep(step.seconds)
        return None, None
    try:
        if isinstance(step, Do):
            return await step.async_(client, *step.args), None
        return await acall(step.endpoint, client, **step.arguments), None
    except DeepnoteError as error:
        return None, error


def _interrupted(plan: Plan[Any], interruption: BaseException) -> None:
    """Let the plan see an interruption (it may note what it leaves behind); bugs are not its business."""
    if isinstance(interruption, Exception):
        return
    try:
        plan.throw(interruption)
    except BaseException:  # noqa: BLE001, S110  # the plan re-raised it (or another): the driver raises the original
        pass


def drive(plan: Plan[T], client: AuthenticatedClient) -> T:
    """Run ``plan`` with blocking I/O on ``client``."""
    with contextlib.closing(plan):
        step = _advance(plan, None, None)
        while not isinstance(step, _Done):
            try:
                outcome = _perform(step, client)
            except BaseException as interruption:
                _interrupted(plan, interruption)
                raise
            step = _advance(plan, *outcome)
        result: T = step.value
        return result


async def adrive(plan: Plan[T], client: AuthenticatedClient) -> T:
    """Run ``plan`` with async I/O on ``client``."""
    with contextlib.closing(plan):
        step = _advance(plan, None, None)
        while not isinstance(step, _Done):
            try:
                outcome = await _aperform(step, client)
            except BaseException as interruption:
                _interrupted(plan, interruption)
                raise
            step = _advance(plan, *outcome)
        result: T = step.value
        return result
