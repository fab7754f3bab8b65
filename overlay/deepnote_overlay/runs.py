"""Start notebook runs, wait for them through outages, and read their outputs and failure reasons.

Guarantees:

- ``run_notebook`` and ``wait`` are plans (see ``_plans``): written once, run by the sync client
  (``dn.run_notebook``, ``dn.runs.wait``) or the async one (``await ...``) with the same behaviour.
- ``wait`` polls ``getRun`` until the run's status is terminal (``success``, ``error``,
  ``internal_error``, ``stopped``; compared by value, so an unknown status is not terminal) and
  returns a ``RunResult``; a failed run is returned, not raised, unless ``raise_on_failure=True``.
- The pause between polls starts at ``poll_interval`` (1 s), grows by half each time up to
  ``max_poll_interval`` (10 s), and never runs past the deadline; the last poll happens at the
  deadline. When ``timeout`` passes first, ``RunTimeoutError`` is raised carrying the last run seen.
- Polling goes on through transient failures (429, 5xx, 408, connection errors and timeouts, each
  already retried by the transport) until its own deadline, backing off (doubling from
  ``poll_interval`` up to ``max_poll_interval``, at least the server's ``Retry-After``); at the
  deadline ``RunTimeoutError`` is raised from the last failure. Any other error is raised at once.
  Every error raised after the run was created carries ``run_id`` and ``notebook_id``.
- With ``outputs=True`` (or ``raise_on_failure=True``), after the run is terminal the wait goes on
  (at most ``snapshot_timeout`` s) while ``snapshotStatus`` is ``pending`` (a run turns terminal
  before its snapshot is attached), with ``snapshotDelivery=blocks``, and the result holds the
  outputs per block (see ``outputs``).
- ``raise_on_failure=True`` raises ``RunFailedError`` (the run, the failing block, ``ename``,
  ``evalue``) for a run that ended ``error``, ``internal_error`` or ``stopped``.
- ``run_notebook`` sends ``createRun`` once: the transport never replays a POST the server may
  have acted on (a 429 refusal is resent, since the server did not act).
- ``download_snapshot`` fetches a ``snapshotDownloadUrl`` (a presigned URL on another origin)
  without the bearer token.
- Ids may be given as ``str`` or ``uuid.UUID``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

import attrs
import httpx

from deepnote_client.api.runs import create_run, get_run
from deepnote_client.client import AuthenticatedClient
from deepnote_client.errors import UnexpectedStatus
from deepnote_client.models.create_run_body import CreateRunBody
from deepnote_client.models.get_run_response import GetRunResponse
from deepnote_client.models.run import Run
from deepnote_client.models.run_inputs import RunInputs
from deepnote_client.models.run_status import RunStatus
from deepnote_client.models.snapshot_delivery import SnapshotDelivery
from deepnote_client.types import UNSET, Unset

from . import _clock
from ._plans import Plan, Sleep, send
from .bodies import aread_limited, read_limited
from .errors import (
    APIConnectionError,
    APIStatusError,
    DeepnoteError,
    RateLimitError,
    ResponseTooLargeError,
    RunTimeoutError,
    ServerError,
    status_error,
)
from .outputs import TERMINAL_STATUS_VALUES, RunFailedError, RunResult, parse_snapshot_blocks, status_value

__all__ = [
    "DEFAULT_RUN_TIMEOUT",
    "DEFAULT_SNAPSHOT_TIMEOUT",
    "TERMINAL_STATUSES",
    "adownload_snapshot",
    "download_snapshot",
    "run_notebook",
    "wait",
]

TERMINAL_STATUSES: frozenset[RunStatus] = frozenset(
    {RunStatus.SUCCESS, RunStatus.ERROR, RunStatus.INTERNAL_ERROR, RunStatus.STOPPED}
)
DEFAULT_RUN_TIMEOUT = 3600.0
DEFAULT_SNAPSHOT_TIMEOUT = 30.0
_GROWTH = 1.5

InputValue = str | bool | list[str]


# ---------------------------------------------------------------------------- getRun, read leniently


class _GetRunWithRawBlocks:
    """``getRun`` as an endpoint for ``call``: the ``Run`` and its ``snapshotBlocks`` left as raw JSON.

    The request is ``get_run``'s own. The blocks are read by ``outputs.parse_snapshot_blocks``,
    which turns outputs replaced by a notice into that notice instead of failing the whole answer;
    the rest of the answer is parsed by the generated model, so a mismatch names its field
    (``run.status``) as any other operation's would.
    """

    OPERATION_ID = get_run.OPERATION_ID

    def build_request(
        self, *, run_id: str | UUID, snapshot_delivery: SnapshotDelivery | Unset = UNSET
    ) -> dict[str, Any]:
        return get_run.build_request(run_id=run_id, snapshot_delivery=snapshot_delivery)

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
        self.deadline = _clock.CLOCK.monotonic() + settings.timeout
        self.snapshot_deadline: float | None = None
        self.interval = settings.poll_interval
        self.backoff = settings.poll_interval
        self.run: Run | None = None
        self.raw_blocks: Any = None

    @property
    def delivery(self) -> SnapshotDelivery | Any:
        return SnapshotDelivery.BLOCKS if self.want_snapshot else UNSET

    def _pause(self, deadline: float) -> float | None:
        remaining = deadline - _clock.CLOCK.monotonic()
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
            self.snapshot_deadline = _clock.CLOCK.monotonic() + self.settings.snapshot_timeout
            self.interval = self.settings.poll_interval
        return self._pause(self.snapshot_deadline)

    def after_error(self, error: DeepnoteError) -> float | None:
        """The pause before polling again after ``error``; ``None`` ends a snapshot wait; else raises."""
        _attach_run(error, self.run_id, self.notebook_id)
        if not _transient(error):
            raise error
        deadline = self.deadline if self.snapshot_deadline is None else self.snapshot_deadline
        remaining = deadline - _clock.CLOCK.monotonic()
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

    def result(self) -> RunResult:
        assert self.run is not None  # a wait ends only after a successful poll
        try:
            blocks = parse_snapshot_blocks(self.raw_blocks, url=f"/runs/{self.run_id}")
        except DeepnoteError as error:
            _attach_run(error, self.run_id, self.notebook_id)
            raise
        return RunResult(run=self.run, snapshot_status=status_value(self.run.snapshot_status), blocks=blocks)




def _poll(waiter: _Waiter) -> Plan[_Waiter]:
    """Poll ``getRun`` until ``waiter`` says the wait is over."""
    while True:
        try:
            answer = yield send(_GET_RUN, run_id=waiter.run_id, snapshot_delivery=waiter.delivery)
        except DeepnoteError as error:
            pause = waiter.after_error(error)
        else:
            pause = waiter.after_poll(answer)
        if pause is None:
            return waiter
        yield Sleep(pause)


def _finish(waiter: _Waiter, *, raise_on_failure: bool) -> RunResult:
    result = waiter.result()
    if raise_on_failure and result.failure is not None:
        raise RunFailedError(result=result)
    return result


# ---------------------------------------------------------------------------- the jobs


def wait(
    run_id: str | UUID,
    *,
    outputs: bool = False,
    raise_on_failure: bool = False,
    timeout: float = DEFAULT_RUN_TIMEOUT,
    snapshot_timeout: float = DEFAULT_SNAPSHOT_TIMEOUT,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
) -> Plan[RunResult]:
    """Wait for the run ``run_id`` to end and return it as a ``RunResult``.

    Polls ``getRun`` (every ``poll_interval`` s, growing by half up to ``max_poll_interval``) until
    the run is terminal; ``RunTimeoutError`` after ``timeout`` s. With ``outputs=True`` it then
    waits up to ``snapshot_timeout`` s for the run's snapshot and returns each block's outputs.
    ``raise_on_failure=True`` raises ``RunFailedError`` for a run that ended ``error``,
    ``internal_error`` or ``stopped`` (and fetches the snapshot to name the failing block);
    otherwise a failed run is returned, not raised.
    """
    settings = _Settings(timeout, snapshot_timeout, poll_interval, max_poll_interval)
    waiter = _Waiter(str(run_id), None, settings, want_snapshot=outputs or raise_on_failure)
    return _finish((yield from _poll(waiter)), raise_on_failure=raise_on_failure)


def run_notebook(
    notebook_id: str | UUID,
    *,
    inputs: Mapping[str, InputValue] | None = None,
    detached: bool = True,
    outputs: bool = False,
    raise_on_failure: bool = False,
    timeout: float = DEFAULT_RUN_TIMEOUT,
    snapshot_timeout: float = DEFAULT_SNAPSHOT_TIMEOUT,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
) -> Plan[RunResult]:
    """Start a run of ``notebook_id`` and wait for it to end; returns a ``RunResult``.

    ``inputs`` sets the notebook's input blocks by name. ``createRun`` is sent once (never
    replayed), then the wait is ``runs.wait``'s with the same options. Every error raised after the
    run was created carries ``run_id`` and ``notebook_id``. To start a run without waiting, use
    ``runs.create``.
    """
    notebook_id = str(notebook_id)
    created = yield send(create_run, body=_run_body(notebook_id, inputs, detached))
    settings = _Settings(timeout, snapshot_timeout, poll_interval, max_poll_interval)
    waiter = _Waiter(str(created.run_id), notebook_id, settings, want_snapshot=outputs or raise_on_failure)
    return _finish((yield from _poll(waiter)), raise_on_failure=raise_on_failure)


def _run_body(notebook_id: str, inputs: Mapping[str, InputValue] | None, detached: bool) -> CreateRunBody:
    body = CreateRunBody(notebook_id=notebook_id, detached=detached)
    if inputs is not None:
        run_inputs = RunInputs()
        run_inputs.additional_properties = dict(inputs)
        body.inputs = run_inputs
    return body


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
