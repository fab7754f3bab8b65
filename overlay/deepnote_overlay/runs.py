"""Start notebook runs, wait for them through outages, and read their outputs and failure reasons.

Guarantees:

- ``wait_for_run`` / ``await_run`` poll ``getRun`` until the run's status is terminal (``success``,
  ``error``, ``internal_error``, ``stopped``; compared by value, so an unknown status is not
  terminal) and return that final ``Run``; a failed run is returned, not raised.
- The pause between polls starts at ``poll_interval`` (1 s), grows by half each time up to
  ``max_poll_interval`` (10 s), and never runs past the deadline; the last poll happens at the
  deadline. When ``timeout`` passes first, ``RunTimeoutError`` is raised carrying the last run seen.
- Polling goes on through transient failures (429, 5xx, 408, connection errors and timeouts, each
  already retried by the transport) until its own deadline, backing off (doubling from
  ``poll_interval`` up to ``max_poll_interval``, at least the server's ``Retry-After``); at the
  deadline ``RunTimeoutError`` is raised from the last failure. Any other error is raised at once.
- Each poll carries the wait's deadline (plus a second for the poll made at it) as its request
  ``DEADLINE``: the transport's retries, rate-limit pauses and read timeouts never run past it, so
  a wait ends within ``timeout`` + 1 s even when ``getRun`` answers 429 or 503 with a long
  ``Retry-After`` or trickles its answer.
  Every error raised after the run was created carries ``run_id`` and ``notebook_id``.
- ``get_run_result`` / ``aget_run_result``, and ``run_notebook(..., outputs=True)``, return a
  ``RunResult``: after the run is terminal they keep polling (at most ``snapshot_timeout`` s) while
  ``snapshotStatus`` is ``pending`` (a run turns terminal before its snapshot is attached), with
  ``snapshotDelivery=blocks``, and return the outputs per block (see ``outputs``).
- ``raise_on_failure=True`` raises ``RunFailedError`` (the run, the failing block, ``ename``,
  ``evalue``) for a run that ended ``error``, ``internal_error`` or ``stopped``.
- ``run_notebook`` / ``arun_notebook`` send ``createRun`` once: the transport never replays a POST
  the server may have acted on (a 429 refusal is resent, since the server did not act).
- ``download_snapshot`` fetches a ``snapshotDownloadUrl`` (a presigned URL on another origin)
  without the bearer token.
- The async twins wait with ``asleep`` and never block the event loop.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Literal, overload
from uuid import UUID

import attrs
import httpx

from deepnote_client.api.runs import create_run, get_run
from deepnote_client.client import AuthenticatedClient
from deepnote_client.errors import UnexpectedStatus
from deepnote_client.models.create_run_body import CreateRunBody
from deepnote_client.models.create_run_response import CreateRunResponse
from deepnote_client.models.get_run_response import GetRunResponse
from deepnote_client.models.run import Run
from deepnote_client.models.run_inputs import RunInputs
from deepnote_client.models.run_status import RunStatus
from deepnote_client.models.snapshot_delivery import SnapshotDelivery
from deepnote_client.types import UNSET, Unset

from . import _clock
from ._retry_after import DEADLINE
from .bodies import aread_limited, read_limited
from .calls import acall, call
from .errors import (
    APIConnectionError,
    APIStatusError,
    DeepnoteError,
    RateLimitError,
    ResponseTooLargeError,
    RunFailedError,
    RunTimeoutError,
    ServerError,
    status_error,
)
from .outputs import TERMINAL_STATUS_VALUES, RunResult, parse_snapshot_blocks, status_value

__all__ = [
    "DEFAULT_RUN_TIMEOUT",
    "DEFAULT_SNAPSHOT_TIMEOUT",
    "TERMINAL_STATUSES",
    "adownload_snapshot",
    "aget_run_result",
    "arun_notebook",
    "await_run",
    "download_snapshot",
    "get_run_result",
    "run_notebook",
    "wait_for_run",
]

TERMINAL_STATUSES: frozenset[RunStatus] = frozenset(
    {RunStatus.SUCCESS, RunStatus.ERROR, RunStatus.INTERNAL_ERROR, RunStatus.STOPPED}
)
DEFAULT_RUN_TIMEOUT = 3600.0
DEFAULT_SNAPSHOT_TIMEOUT = 30.0
_GROWTH = 1.5

InputValue = str | bool | list[str]
Sleep = Callable[[float], None]
ASleep = Callable[[float], Awaitable[None]]


# ---------------------------------------------------------------------------- getRun, read leniently


async def _asleep(seconds: float) -> None:
    """The clock's ``asleep`` (``asyncio.sleep``, imported on first use)."""
    await _clock.CLOCK.asleep(seconds)


class _GetRunWithRawBlocks:
    """``getRun`` as an endpoint for ``call``: the ``Run`` and its ``snapshotBlocks`` left as raw JSON.

    The request is ``get_run``'s own. The blocks are read by ``outputs.parse_snapshot_blocks``,
    which turns outputs replaced by a notice into that notice instead of failing the whole answer;
    the rest of the answer is parsed by the generated model, so a mismatch names its field
    (``run.status``) as any other operation's would.
    """

    OPERATION_ID = get_run.OPERATION_ID

    def build_request(
        self, *, run_id: str | UUID, snapshot_delivery: SnapshotDelivery | Unset = UNSET, deadline: float
    ) -> dict[str, Any]:
        """``get_run``'s request, to be over by ``deadline`` (``_clock.CLOCK`` time; see ``DEADLINE``)."""
        return {
            **get_run.build_request(run_id=run_id, snapshot_delivery=snapshot_delivery),
            "extensions": {DEADLINE: deadline},
        }

    def parse_response(self, response: httpx.Response) -> tuple[Run, Any]:
        if response.status_code != 200:
            raise UnexpectedStatus(response.status_code, response.content)
        body = response.json()
        raw_blocks = None
        if isinstance(body, dict) and isinstance(body.get("run"), dict) and "snapshotBlocks" in body["run"]:
            run_data = dict(body["run"])
            raw_blocks = run_data.pop("snapshotBlocks")
            body = {**body, "run": run_data}
        return GetRunResponse.from_dict(body).run, raw_blocks


_GET_RUN = _GetRunWithRawBlocks()


def _transient(error: DeepnoteError) -> bool:
    """Worth polling again: the server was busy or failing, or the network was."""
    if isinstance(error, RateLimitError | ServerError | APIConnectionError):
        return True
    return isinstance(error, APIStatusError) and error.status_code == 408


def _attach_run(error: DeepnoteError, run_id: str, notebook_id: str | None) -> None:
    """Say on ``error`` which run it concerns, so the run (which may still be going) can be found."""
    if error.run_id is None:
        error.run_id = run_id
        error.notebook_id = notebook_id
        error.add_note(f"run {run_id} of notebook {notebook_id} was created and may still be running")


@attrs.frozen
class _Settings:
    timeout: float
    snapshot_timeout: float
    poll_interval: float
    max_poll_interval: float
    clock: Callable[[], float]


_LAST_POLL_GRACE = 1.0
"""Seconds a poll made at the wait's deadline has to be answered (retries included)."""


class _Waiter:
    """Every decision of a wait, shared by the sync and async loops (which only send and sleep).

    Phase one polls until the run is terminal (deadline ``timeout``); phase two, when a snapshot is
    wanted, until ``snapshotStatus`` leaves ``pending`` (deadline ``snapshot_timeout`` after phase
    one ended).
    """

    def __init__(self, run_id: str, notebook_id: str | None, settings: _Settings, *, want_snapshot: bool):
        self.run_id = run_id
        self.notebook_id = notebook_id
        self.settings = settings
        self.want_snapshot = want_snapshot
        self.deadline = settings.clock() + settings.timeout
        self.snapshot_deadline: float | None = None
        self.interval = settings.poll_interval
        self.backoff = settings.poll_interval
        self.run: Run | None = None
        self.raw_blocks: Any = None

    @property
    def delivery(self) -> SnapshotDelivery | Any:
        return SnapshotDelivery.BLOCKS if self.want_snapshot else UNSET

    def _pause(self, deadline: float) -> float | None:
        remaining = deadline - self.settings.clock()
        if remaining <= 0:
            return None
        pause = min(self.interval, remaining)
        self.interval = min(self.interval * _GROWTH, self.settings.max_poll_interval)
        return pause

    def after_poll(self, answer: tuple[Run, Any]) -> float | None:
        """The pause before the next poll, or ``None`` when the wait is over."""
        run, self.raw_blocks = answer
        self.run = run
        self.backoff = self.settings.poll_interval
        if isinstance(run.notebook_id, str):
            self.notebook_id = run.notebook_id
        if status_value(run.status) not in TERMINAL_STATUS_VALUES:
            pause = self._pause(self.deadline)
            if pause is None:
                raise RunTimeoutError(run=run, timeout=self.settings.timeout, notebook_id=self.notebook_id)
            return pause
        if not self.want_snapshot or status_value(run.snapshot_status) not in (None, "pending"):
            return None
        if self.snapshot_deadline is None:
            self.snapshot_deadline = self.settings.clock() + self.settings.snapshot_timeout
            self.interval = self.settings.poll_interval
        return self._pause(self.snapshot_deadline)

    def after_error(self, error: DeepnoteError) -> float | None:
        """The pause before polling again after ``error``; ``None`` ends a snapshot wait; else raises."""
        _attach_run(error, self.run_id, self.notebook_id)
        if not _transient(error):
            raise error
        deadline = self.deadline if self.snapshot_deadline is None else self.snapshot_deadline
        remaining = deadline - self.settings.clock()
        if remaining <= 0:
            if self.snapshot_deadline is not None:
                return None
            raise RunTimeoutError(
                run=self.run, timeout=self.settings.timeout, run_id=self.run_id, notebook_id=self.notebook_id
            ) from error
        asked = error.retry_after if isinstance(error, RateLimitError) else None
        pause = min(max(self.backoff, asked or 0.0), remaining)
        self.backoff = min(self.backoff * 2, self.settings.max_poll_interval)
        return pause

    def poll_deadline(self) -> float:
        """When a poll must be over, on the transport's clock: the wait's deadline, plus a second
        for the poll made at that deadline. Retries and rate-limit pauses never run past it."""
        deadline = self.deadline if self.snapshot_deadline is None else self.snapshot_deadline
        return _clock.CLOCK.monotonic() + (deadline - self.settings.clock()) + _LAST_POLL_GRACE

    def result(self) -> RunResult:
        assert self.run is not None  # a wait ends only after a successful poll
        try:
            blocks = parse_snapshot_blocks(self.raw_blocks, url=f"/runs/{self.run_id}")
        except DeepnoteError as error:
            _attach_run(error, self.run_id, self.notebook_id)
            raise
        return RunResult(run=self.run, snapshot_status=status_value(self.run.snapshot_status), blocks=blocks)


def _wait(client: AuthenticatedClient, waiter: _Waiter, sleep: Sleep) -> _Waiter:
    while True:
        try:
            answer = call(
                _GET_RUN,
                client=client,
                run_id=waiter.run_id,
                snapshot_delivery=waiter.delivery,
                deadline=waiter.poll_deadline(),
            )
        except DeepnoteError as error:
            pause = waiter.after_error(error)
        else:
            pause = waiter.after_poll(answer)
        if pause is None:
            return waiter
        sleep(pause)


async def _await(client: AuthenticatedClient, waiter: _Waiter, asleep: ASleep) -> _Waiter:
    while True:
        try:
            answer = await acall(
                _GET_RUN,
                client=client,
                run_id=waiter.run_id,
                snapshot_delivery=waiter.delivery,
                deadline=waiter.poll_deadline(),
            )
        except DeepnoteError as error:
            pause = waiter.after_error(error)
        else:
            pause = waiter.after_poll(answer)
        if pause is None:
            return waiter
        await asleep(pause)


def _finish(waiter: _Waiter, *, raise_on_failure: bool) -> RunResult:
    result = waiter.result()
    if raise_on_failure and result.failure is not None:
        raise RunFailedError(result=result)
    return result


# ---------------------------------------------------------------------------- waiting for a run


def wait_for_run(
    client: AuthenticatedClient,
    run_id: UUID | str,
    *,
    timeout: float = DEFAULT_RUN_TIMEOUT,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
    sleep: Sleep = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Run:
    """Poll ``getRun`` until ``run_id`` is terminal and return it; ``RunTimeoutError`` after ``timeout`` s."""
    settings = _Settings(timeout, 0.0, poll_interval, max_poll_interval, clock)
    waiter = _wait(client, _Waiter(str(run_id), None, settings, want_snapshot=False), sleep)
    return waiter.result().run


async def await_run(
    client: AuthenticatedClient,
    run_id: UUID | str,
    *,
    timeout: float = DEFAULT_RUN_TIMEOUT,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
    asleep: ASleep = _asleep,
    clock: Callable[[], float] = time.monotonic,
) -> Run:
    """Async ``wait_for_run``."""
    settings = _Settings(timeout, 0.0, poll_interval, max_poll_interval, clock)
    waiter = await _await(client, _Waiter(str(run_id), None, settings, want_snapshot=False), asleep)
    return waiter.result().run


def get_run_result(
    client: AuthenticatedClient,
    run_id: UUID | str,
    *,
    raise_on_failure: bool = False,
    timeout: float = DEFAULT_RUN_TIMEOUT,
    snapshot_timeout: float = DEFAULT_SNAPSHOT_TIMEOUT,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
    sleep: Sleep = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> RunResult:
    """Wait for ``run_id`` to finish and its snapshot to arrive; return the run and its outputs."""
    settings = _Settings(timeout, snapshot_timeout, poll_interval, max_poll_interval, clock)
    waiter = _wait(client, _Waiter(str(run_id), None, settings, want_snapshot=True), sleep)
    return _finish(waiter, raise_on_failure=raise_on_failure)


async def aget_run_result(
    client: AuthenticatedClient,
    run_id: UUID | str,
    *,
    raise_on_failure: bool = False,
    timeout: float = DEFAULT_RUN_TIMEOUT,
    snapshot_timeout: float = DEFAULT_SNAPSHOT_TIMEOUT,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
    asleep: ASleep = _asleep,
    clock: Callable[[], float] = time.monotonic,
) -> RunResult:
    """Async ``get_run_result``."""
    settings = _Settings(timeout, snapshot_timeout, poll_interval, max_poll_interval, clock)
    waiter = await _await(client, _Waiter(str(run_id), None, settings, want_snapshot=True), asleep)
    return _finish(waiter, raise_on_failure=raise_on_failure)


# ---------------------------------------------------------------------------- starting a run


@overload
def run_notebook(
    client: AuthenticatedClient,
    notebook_id: str,
    *,
    inputs: Mapping[str, InputValue] | None = ...,
    detached: bool = ...,
    wait: bool = ...,
    outputs: Literal[False] = ...,
    raise_on_failure: bool = ...,
    timeout: float = ...,
    snapshot_timeout: float = ...,
    poll_interval: float = ...,
    max_poll_interval: float = ...,
    sleep: Sleep = ...,
    clock: Callable[[], float] = ...,
) -> Run: ...


@overload
def run_notebook(
    client: AuthenticatedClient,
    notebook_id: str,
    *,
    inputs: Mapping[str, InputValue] | None = ...,
    detached: bool = ...,
    wait: Literal[True] = ...,
    outputs: Literal[True],
    raise_on_failure: bool = ...,
    timeout: float = ...,
    snapshot_timeout: float = ...,
    poll_interval: float = ...,
    max_poll_interval: float = ...,
    sleep: Sleep = ...,
    clock: Callable[[], float] = ...,
) -> RunResult: ...


def run_notebook(
    client: AuthenticatedClient,
    notebook_id: str,
    *,
    inputs: Mapping[str, InputValue] | None = None,
    detached: bool = True,
    wait: bool = True,
    outputs: bool = False,
    raise_on_failure: bool = False,
    timeout: float = DEFAULT_RUN_TIMEOUT,
    snapshot_timeout: float = DEFAULT_SNAPSHOT_TIMEOUT,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
    sleep: Sleep = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> Run | RunResult:
    """Start a run of ``notebook_id``; with ``wait`` return it once terminal, else as just created.

    ``outputs=True`` returns a ``RunResult`` with the outputs per block; ``raise_on_failure=True``
    raises ``RunFailedError`` for a failed run.
    """
    _check_wait(wait, outputs, raise_on_failure)
    created = call(create_run, client=client, body=_run_body(notebook_id, inputs, detached))
    if not wait:
        return _as_run(created, notebook_id)
    settings = _Settings(timeout, snapshot_timeout, poll_interval, max_poll_interval, clock)
    waiter = _Waiter(str(created.run_id), notebook_id, settings, want_snapshot=outputs or raise_on_failure)
    result = _finish(_wait(client, waiter, sleep), raise_on_failure=raise_on_failure)
    return result if outputs else result.run


@overload
async def arun_notebook(
    client: AuthenticatedClient,
    notebook_id: str,
    *,
    inputs: Mapping[str, InputValue] | None = ...,
    detached: bool = ...,
    wait: bool = ...,
    outputs: Literal[False] = ...,
    raise_on_failure: bool = ...,
    timeout: float = ...,
    snapshot_timeout: float = ...,
    poll_interval: float = ...,
    max_poll_interval: float = ...,
    asleep: ASleep = ...,
    clock: Callable[[], float] = ...,
) -> Run: ...


@overload
async def arun_notebook(
    client: AuthenticatedClient,
    notebook_id: str,
    *,
    inputs: Mapping[str, InputValue] | None = ...,
    detached: bool = ...,
    wait: Literal[True] = ...,
    outputs: Literal[True],
    raise_on_failure: bool = ...,
    timeout: float = ...,
    snapshot_timeout: float = ...,
    poll_interval: float = ...,
    max_poll_interval: float = ...,
    asleep: ASleep = ...,
    clock: Callable[[], float] = ...,
) -> RunResult: ...


async def arun_notebook(
    client: AuthenticatedClient,
    notebook_id: str,
    *,
    inputs: Mapping[str, InputValue] | None = None,
    detached: bool = True,
    wait: bool = True,
    outputs: bool = False,
    raise_on_failure: bool = False,
    timeout: float = DEFAULT_RUN_TIMEOUT,
    snapshot_timeout: float = DEFAULT_SNAPSHOT_TIMEOUT,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
    asleep: ASleep = _asleep,
    clock: Callable[[], float] = time.monotonic,
) -> Run | RunResult:
    """Async ``run_notebook``."""
    _check_wait(wait, outputs, raise_on_failure)
    created = await acall(create_run, client=client, body=_run_body(notebook_id, inputs, detached))
    if not wait:
        return _as_run(created, notebook_id)
    settings = _Settings(timeout, snapshot_timeout, poll_interval, max_poll_interval, clock)
    waiter = _Waiter(str(created.run_id), notebook_id, settings, want_snapshot=outputs or raise_on_failure)
    result = _finish(await _await(client, waiter, asleep), raise_on_failure=raise_on_failure)
    return result if outputs else result.run


def _check_wait(wait: bool, outputs: bool, raise_on_failure: bool) -> None:
    if not wait and (outputs or raise_on_failure):
        raise ValueError(
            "outputs=True and raise_on_failure=True need wait=True: a run just created has neither"
        )


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


# ---------------------------------------------------------------------------- snapshot documents


def download_snapshot(client: AuthenticatedClient, url: str) -> str:
    """The ``.snapshot.deepnote`` document at ``url`` (a run's ``snapshotDownloadUrl``).

    The URL is presigned and on another origin, so it is fetched by a separate httpx client that
    never carries the bearer token (same timeout, TLS verification and ``max_response_bytes`` as
    ``client``), and redirects are not followed. Errors name the URL without its query (the
    signature).
    """
    with httpx.Client(timeout=client._timeout, verify=client._verify_ssl) as http:
        try:
            response = read_limited(
                http.send(http.build_request("GET", url), stream=True), client.max_response_bytes
            )
        except ResponseTooLargeError as error:
            raise _too_large(url, error) from None
        except httpx.TransportError as error:
            raise _download_failed(url, error) from error
    return _snapshot_text(response, url)


async def adownload_snapshot(client: AuthenticatedClient, url: str) -> str:
    """Async ``download_snapshot``."""
    async with httpx.AsyncClient(timeout=client._timeout, verify=client._verify_ssl) as http:
        try:
            response = await aread_limited(
                await http.send(http.build_request("GET", url), stream=True), client.max_response_bytes
            )
        except ResponseTooLargeError as error:
            raise _too_large(url, error) from None
        except httpx.TransportError as error:
            raise _download_failed(url, error) from error
    return _snapshot_text(response, url)


def _too_large(url: str, error: ResponseTooLargeError) -> ResponseTooLargeError:
    return ResponseTooLargeError(
        status_code=error.status_code, method="GET", url=_download_url(url), limit=error.limit
    )


def _download_url(url: str) -> str:
    """The URL without its query: a presigned URL's signature must not reach an error message."""
    return str(httpx.URL(url).copy_with(query=None))


def _download_failed(url: str, error: httpx.TransportError) -> APIConnectionError:
    return APIConnectionError(method="GET", url=_download_url(url), reason=type(error).__name__)


def _snapshot_text(response: httpx.Response, url: str) -> str:
    if not response.is_success:
        raise status_error(
            status_code=response.status_code,
            message=f"snapshot download failed ({len(response.content)}-byte body)",
            method="GET",
            url=_download_url(url),
        )
    return response.text
