"""Start notebook runs and wait for them to finish.

Guarantees:

- ``wait_for_run`` / ``await_run`` poll ``getRun`` until the run's status is terminal (``success``,
  ``error``, ``internal_error``, ``stopped``) and return that final ``Run``; a failed run is
  returned, not raised, so the caller decides what a failure means.
- The pause between polls starts at ``poll_interval`` (1 s), grows by half each time up to
  ``max_poll_interval`` (10 s), and never runs past the deadline; the last poll happens at the
  deadline.
- When ``timeout`` passes first, ``RunTimeoutError`` is raised carrying the last run seen.
- Polls go through ``call`` / ``acall``: retries apply and errors are typed. The async twin waits
  with ``asleep`` and never blocks the event loop.
- ``run_notebook`` / ``arun_notebook`` start one run (``createRun`` is never retried once sent)
  and, with ``wait=True``, wait for it.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from uuid import UUID

from deepnote_client.api.runs import create_run, get_run
from deepnote_client.client import AuthenticatedClient
from deepnote_client.models.create_run_body import CreateRunBody
from deepnote_client.models.create_run_response import CreateRunResponse
from deepnote_client.models.run import Run
from deepnote_client.models.run_inputs import RunInputs
from deepnote_client.models.run_status import RunStatus

from .calls import acall, call
from .errors import RunTimeoutError
from .retries import asyncio_sleep

__all__ = [
    "DEFAULT_RUN_TIMEOUT",
    "TERMINAL_STATUSES",
    "arun_notebook",
    "await_run",
    "run_notebook",
    "wait_for_run",
]

TERMINAL_STATUSES: frozenset[RunStatus] = frozenset(
    {RunStatus.SUCCESS, RunStatus.ERROR, RunStatus.INTERNAL_ERROR, RunStatus.STOPPED}
)
DEFAULT_RUN_TIMEOUT = 3600.0
_GROWTH = 1.5

InputValue = str | bool | list[str]


def wait_for_run(
    client: AuthenticatedClient,
    run_id: UUID | str,
    *,
    timeout: float = DEFAULT_RUN_TIMEOUT,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Run:
    """Poll ``getRun`` until ``run_id`` is terminal and return it; ``RunTimeoutError`` after ``timeout`` s."""
    poller = _Poller(timeout, poll_interval, max_poll_interval, clock)
    while True:
        run = call(get_run, client=client, run_id=run_id).run
        pause = poller.next_pause(run)
        if pause is None:
            return run
        sleep(pause)


async def await_run(
    client: AuthenticatedClient,
    run_id: UUID | str,
    *,
    timeout: float = DEFAULT_RUN_TIMEOUT,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
    asleep: Callable[[float], Awaitable[None]] = asyncio_sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Run:
    """Async ``wait_for_run``."""
    poller = _Poller(timeout, poll_interval, max_poll_interval, clock)
    while True:
        run = (await acall(get_run, client=client, run_id=run_id)).run
        pause = poller.next_pause(run)
        if pause is None:
            return run
        await asleep(pause)


def run_notebook(
    client: AuthenticatedClient,
    notebook_id: str,
    *,
    inputs: Mapping[str, InputValue] | None = None,
    detached: bool = True,
    wait: bool = True,
    timeout: float = DEFAULT_RUN_TIMEOUT,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Run:
    """Start a run of ``notebook_id``; with ``wait`` return it once terminal, else as just created."""
    created = call(create_run, client=client, body=_run_body(notebook_id, inputs, detached))
    if not wait:
        return _as_run(created, notebook_id)
    return wait_for_run(
        client,
        created.run_id,
        timeout=timeout,
        poll_interval=poll_interval,
        max_poll_interval=max_poll_interval,
        sleep=sleep,
        clock=clock,
    )


async def arun_notebook(
    client: AuthenticatedClient,
    notebook_id: str,
    *,
    inputs: Mapping[str, InputValue] | None = None,
    detached: bool = True,
    wait: bool = True,
    timeout: float = DEFAULT_RUN_TIMEOUT,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
    asleep: Callable[[float], Awaitable[None]] = asyncio_sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Run:
    """Async ``run_notebook``."""
    created = await acall(create_run, client=client, body=_run_body(notebook_id, inputs, detached))
    if not wait:
        return _as_run(created, notebook_id)
    return await await_run(
        client,
        created.run_id,
        timeout=timeout,
        poll_interval=poll_interval,
        max_poll_interval=max_poll_interval,
        asleep=asleep,
        clock=clock,
    )


class _Poller:
    """The deadline and the growing pause between polls."""

    def __init__(
        self, timeout: float, poll_interval: float, max_poll_interval: float, clock: Callable[[], float]
    ) -> None:
        self.timeout = timeout
        self.clock = clock
        self.deadline = clock() + timeout
        self.interval = poll_interval
        self.max_interval = max_poll_interval

    def next_pause(self, run: Run) -> float | None:
        """``None`` when ``run`` is terminal, else the pause before the next poll."""
        if run.status in TERMINAL_STATUSES:
            return None
        remaining = self.deadline - self.clock()
        if remaining <= 0:
            raise RunTimeoutError(run=run, timeout=self.timeout)
        pause = min(self.interval, remaining)
        self.interval = min(self.interval * _GROWTH, self.max_interval)
        return pause


def _run_body(notebook_id: str, inputs: Mapping[str, InputValue] | None, detached: bool) -> CreateRunBody:
    body = CreateRunBody(notebook_id=notebook_id, detached=detached)
    if inputs is not None:
        run_inputs = RunInputs()
        run_inputs.additional_properties = dict(inputs)
        body.inputs = run_inputs
    return body


def _as_run(created: CreateRunResponse, notebook_id: str) -> Run:
    return Run(
        run_id=created.run_id, status=created.status, notebook_id=notebook_id, created_at=created.created_at
    )
