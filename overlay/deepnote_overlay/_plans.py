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
from types import TracebackType
from typing import Any, Generic, ParamSpec, Self, TypeVar

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


_Outcome = tuple[Any, DeepnoteError | None]
"""A step's answer, or the ``DeepnoteError`` it failed with."""


@attrs.frozen
class _Work:
    """What one step asks of a driver: ``sync(*args, **kwargs)``, or ``await async_(*args, **kwargs)``."""

    sync: Callable[..., Any]
    async_: Callable[..., Awaitable[Any]]
    args: tuple[Any, ...]
    kwargs: dict[str, Any] = attrs.field(factory=dict)

    @classmethod
    def of(cls, step: Step, client: AuthenticatedClient) -> _Work:
        if isinstance(step, Sleep):
            return cls(_clock.CLOCK.sleep, _clock.CLOCK.asleep, (step.seconds,))
        if isinstance(step, Do):
            return cls(step.sync, step.async_, (client, *step.args))
        return cls(call, acall, (step.endpoint, client), step.arguments)


def _perform(work: _Work) -> _Outcome:
    try:
        return work.sync(*work.args, **work.kwargs), None
    except DeepnoteError as error:
        return None, error


async def _aperform(work: _Work) -> _Outcome:
    try:
        return await work.async_(*work.args, **work.kwargs), None
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


class _Course(Generic[T]):
    """A plan being driven, with every decision of driving it, so that a driver only does the work:
    the plan's next step (``work``, ``None`` once the plan has returned ``result``), each outcome
    sent back into it (a failure thrown in), an interruption shown to it, the plan closed at the end.

    An exception that leaves the ``with`` block from the plan itself finds the plan finished, so
    showing it to the plan does nothing: only the driver's own interruptions reach a live plan.
    """

    def __init__(self, plan: Plan[T], client: AuthenticatedClient) -> None:
        self._plan = plan
        self._client = client
        self.work: _Work | None = None
        self.result: T

    def __enter__(self) -> Self:
        self.advance((None, None))
        return self

    def advance(self, outcome: _Outcome) -> None:
        """Send the last step's answer into the plan (or throw its error in); take the next step."""
        answer, error = outcome
        try:
            step = self._plan.send(answer) if error is None else self._plan.throw(error)
        except StopIteration as stop:
            self.work = None
            self.result = stop.value
        else:
            self.work = _Work.of(step, self._client)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        interruption: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        with contextlib.closing(self._plan):
            if interruption is not None:
                _interrupted(self._plan, interruption)


def drive(plan: Plan[T], client: AuthenticatedClient) -> T:
    """Run ``plan`` with blocking I/O on ``client``."""
    with _Course(plan, client) as course:
        while course.work is not None:
            course.advance(_perform(course.work))
    return course.result


async def adrive(plan: Plan[T], client: AuthenticatedClient) -> T:
    """Run ``plan`` with async I/O on ``client``."""
    with _Course(plan, client) as course:
        while course.work is not None:
            course.advance(await _aperform(course.work))
    return course.result
