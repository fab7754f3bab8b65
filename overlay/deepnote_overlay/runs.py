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
- Each poll carries the wait's deadline (plus a second for the poll made at it) as its request
  ``DEADLINE``: the transport's retries, rate-limit pauses and read timeouts never run past it, so
  a wait ends within ``timeout`` + 1 s even when ``getRun`` answers 429 or 503 with a long
  ``Retry-After`` or trickles its answer.
- With ``outputs=True`` (or ``raise_on_failure=True``), after the run is terminal the wait goes on
  (at most ``snapshot_timeout`` s) while ``snapshotStatus`` is ``pending`` (a run turns terminal
  before its snapshot is attached), or, on an answer without ``snapshotStatus``, while it carries
  no snapshot (an empty ``snapshotContent`` is none), with ``snapshotDelivery=blocks``; the result
  holds the outputs per block (see ``outputs``) from whichever delivery came: blocks, the document
  inline, or its download URL.
- ``raise_on_failure=True`` raises ``RunFailedError`` (the run, the failing block, ``ename``,
  ``evalue``) for a run that ended ``error``, ``internal_error`` or ``stopped``.
- ``run_notebook`` sends ``createRun`` once: the transport never replays a POST the server may
  have acted on (a 429 refusal is resent, since the server did not act).
- ``download_snapshot`` fetches a ``snapshotDownloadUrl`` (a presigned URL on another origin)
  without the bearer token and without an httpx log line; every failure (an unparsable URL, a
  body that does not decode, a URL with a user name or password or to a link-local or cloud
  metadata address) is a typed ``DeepnoteError`` naming the URL without its query.
- Starting a run waits for nothing but ``createRun``'s answer and, once per client and notebook,
  the lookups for its web link, which are bounded (``LINK_LOOKUP_SECONDS``): when they fail or
  take longer, ``url`` is ``None`` and the run goes on.
- ``start_run`` / ``attach_run`` (``dn.runs.start`` / ``attach``) and their async twins drive the
  ``start`` / ``attach`` plans on a client and return that side's handle. ``start`` and
  ``run_notebook`` take their options as ``**options`` (``StartOptions``, ``RunOptions``: each
  option named once) and refuse a keyword those do not name before anything is sent.
- Ids may be given as ``str`` or ``uuid.UUID`` (a notebook id's as its 32 hex digits).
"""

from __future__ import annotations

import datetime
import json
import logging
import numbers
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, TypedDict, Unpack
from uuid import UUID

import attrs
import httpx

from deepnote_client.api.me import get_me
from deepnote_client.api.notebooks import get_notebook
from deepnote_client.api.runs import create_run, get_run
from deepnote_client.client import AuthenticatedClient
from deepnote_client.errors import ParseError, UnexpectedStatus
from deepnote_client.models.create_run_body import CreateRunBody
from deepnote_client.models.me import Me
from deepnote_client.models.notebook import Notebook
from deepnote_client.models.run import Run
from deepnote_client.models.run_inputs import RunInputs
from deepnote_client.models.run_status import RunStatus
from deepnote_client.models.snapshot_delivery import SnapshotDelivery
from deepnote_client.types import UNSET, opaque_id

from . import _clock
from ._plans import Do, Plan, Sleep, adrive, drive, send
from ._retry_after import DEADLINE
from ._transfer import run_async, run_sync, snapshot_steps
from .errors import (
    APIConnectionError,
    APIStatusError,
    DeepnoteError,
    InvalidRequestError,
    RateLimitError,
    ResponseParseError,
    RunTimeoutError,
    ServerError,
)
from .output import Binding, build_output, read_values
from .outputs import TERMINAL_STATUS_VALUES, RunFailedError, RunResult, parse_snapshot_blocks, status_value

__all__ = [
    "DEFAULT_RUN_TIMEOUT",
    "DEFAULT_SNAPSHOT_TIMEOUT",
    "TERMINAL_STATUSES",
    "AsyncRunHandle",
    "RunHandle",
    "RunOptions",
    "StartOptions",
    "WaitOptions",
    "aattach_run",
    "adownload_snapshot",
    "astart_run",
    "attach",
    "attach_run",
    "download_snapshot",
    "run_notebook",
    "start",
    "start_run",
]

logger = logging.getLogger("deepnote_overlay")

TERMINAL_STATUSES: frozenset[RunStatus] = frozenset(
    {RunStatus.SUCCESS, RunStatus.ERROR, RunStatus.INTERNAL_ERROR, RunStatus.STOPPED}
)
DEFAULT_RUN_TIMEOUT = 3600.0
DEFAULT_SNAPSHOT_TIMEOUT = 30.0
_GROWTH = 1.5
_LAST_POLL_GRACE = 1.0

InputValue = str | bool | int | float | datetime.date | Sequence[str] | None
"""An input block's value: text, a boolean, a number (sent as its text), a date or datetime (ISO
8601), a list or tuple of strings (multi-select); ``None`` leaves the input unset."""


class StartOptions(TypedDict, total=False):
    """How to start a run (``dn.runs.start``, ``dn.run_notebook``)."""

    inputs: Mapping[str, InputValue] | None
    """Input block values by the input's name."""
    check_inputs: bool
    """Check ``inputs`` against the notebook's input blocks first (one ``getNotebook``)."""
    detached: bool
    """Deepnote's ``detached`` flag (default ``True``): the run keeps its own copy of the notebook."""


class WaitOptions(TypedDict, total=False):
    """How to wait for a run (``run.wait``, ``dn.run_notebook``)."""

    outputs: bool | Mapping[str, Binding]
    """``True``: read each block's outputs; a mapping of names to ``output`` bindings: also read
    those named values into ``result.values``."""
    output_type: Callable[..., Any] | None
    """A dataclass, attrs class or ``TypedDict`` built from the named values (``result.output``)."""
    raise_on_failure: bool
    """Raise ``RunFailedError`` for a run that ended ``error``, ``internal_error`` or ``stopped``."""
    on_status: Callable[[str], object] | None
    """Called with the run's status each time it changes."""
    timeout: float
    snapshot_timeout: float
    poll_interval: float
    max_poll_interval: float


class RunOptions(StartOptions, WaitOptions, total=False):
    """``dn.run_notebook``'s options: how to start the run, then how to wait for it."""


# ---------------------------------------------------------------------------- run answers, read leniently


def _normalized_run(body: Any) -> Any:
    """The run object of an answer in any shape Deepnote's own clients accept, in the spec's shape:
    nested under ``run`` or bare; ``runId`` or ``id``; the snapshot nested (``snapshot.
    {snapshotContent, downloadUrl}``) or flat; ``error`` a string or an object."""
    run = body.get("run") if isinstance(body, dict) and isinstance(body.get("run"), dict) else body
    if not isinstance(run, dict):
        return run
    run = dict(run)
    if "runId" not in run and isinstance(run.get("id"), str):
        run["runId"] = run.pop("id")
    snapshot = run.get("snapshot")
    if isinstance(snapshot, dict):
        del run["snapshot"]
        run.setdefault("snapshotContent", snapshot.get("snapshotContent"))
        run.setdefault(
            "snapshotDownloadUrl", snapshot.get("downloadUrl", snapshot.get("snapshotDownloadUrl"))
        )
    error = run.get("error")
    if isinstance(error, dict):
        message = error.get("message", error.get("error"))
        run["error"] = message if isinstance(message, str) else json.dumps(error, default=str)
    return run


@attrs.frozen
class _Answer:
    """A run as answered, with what ``Run`` does not keep parsed: the raw snapshot blocks."""

    run: Run
    raw_blocks: Any = None


class _Bounded:
    """A generated operation module as an endpoint for ``call`` whose request may carry a deadline.

    ``deadline`` (``_clock`` monotonic seconds) goes into the request as its ``DEADLINE``: the
    transport's retries, rate-limit pauses and timeouts for it never run past it.
    """

    def __init__(self, module: Any) -> None:
        self._module = module
        self.OPERATION_ID: str = module.OPERATION_ID

    def build_request(self, *, deadline: float | None = None, **arguments: Any) -> dict[str, Any]:
        request: dict[str, Any] = self._module.build_request(**arguments)
        if deadline is not None:
            request["extensions"] = {**request.get("extensions", {}), DEADLINE: deadline}
        return request

    def parse_response(self, response: httpx.Response) -> Any:
        return self._module.parse_response(response)


class _RunEndpoint(_Bounded):
    """``createRun`` / ``getRun`` as endpoints for ``call``, read leniently (``_normalized_run``).

    The request is the generated module's own. ``snapshotBlocks`` is left raw for
    ``outputs.parse_snapshot_blocks``, which turns outputs replaced by a notice into that notice;
    the rest is parsed by the generated ``Run`` model, so a mismatch names its field.
    """

    def __init__(self, module: Any, statuses: frozenset[int]) -> None:
        super().__init__(module)
        self._statuses = statuses

    def parse_response(self, response: httpx.Response) -> _Answer:
        if response.status_code not in self._statuses:
            raise UnexpectedStatus(response.status_code, response.content)
        run = _normalized_run(response.json())
        raw_blocks = run.pop("snapshotBlocks", None) if isinstance(run, dict) else None
        try:
            return _Answer(Run.from_dict(run), raw_blocks)
        except (ParseError, KeyError, TypeError, ValueError):
            run_id = run.get("runId") if isinstance(run, dict) else None
            if self.OPERATION_ID != create_run.OPERATION_ID or not isinstance(run_id, str) or not run_id:
                raise
        # A run was created: its id is what matters, so an answer that cannot be read in full
        # still gives the run (never lost, never started again); the oddity is logged.
        logger.warning("createRun answer for run %s could not be read in full; going on with its id", run_id)
        status = run.get("status")
        return _Answer(Run(run_id=run_id, status=RunStatus(status if isinstance(status, str) else "pending")))


_CREATE_RUN = _RunEndpoint(create_run, frozenset({200, 201, 202}))
_GET_RUN = _RunEndpoint(get_run, frozenset({200}))


def _transient(error: DeepnoteError) -> bool:
    """Worth polling again: the server was busy or failing, or the network was."""
    if isinstance(error, RateLimitError | ServerError | APIConnectionError):
        return True
    return isinstance(error, APIStatusError) and error.status_code == 408


# ---------------------------------------------------------------------------- inputs


def _input_value(name: str, value: Any) -> Any:
    if isinstance(value, bool | str):
        return value
    if isinstance(value, numbers.Real):
        return str(value)
    if isinstance(value, datetime.date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return list(value)
    raise TypeError(
        f"input {name!r}: a {type(value).__name__} cannot be sent; give a str, bool, number, date or "
        "datetime, a list or tuple of strings, or None to leave it unset"
    )


def _inputs(inputs: Mapping[str, InputValue] | None) -> dict[str, Any]:
    return {name: _input_value(name, value) for name, value in (inputs or {}).items() if value is not None}


def _check_inputs(notebook: Notebook, values: Mapping[str, Any]) -> None:
    """Refuse values the notebook's input blocks would not take, naming the input."""
    known = {spec.name: spec for spec in (notebook.inputs or [])}

    def refuse(reason: str) -> InvalidRequestError:
        return InvalidRequestError(operation="createRun", reason=reason)

    for name, value in values.items():
        spec = known.get(name)
        if spec is None:
            raise refuse(
                f"notebook {notebook.id} has no input {name!r} (its inputs: {', '.join(sorted(known)) or 'none'})"
            )
        options = spec.options if isinstance(spec.options, list) else None
        chosen = value if isinstance(value, list) else [value]
        if options is not None and any(choice not in options for choice in chosen):
            raise refuse(f"input {name!r}: {value!r} is not among its options {options}")
        bounds = [b for b in (spec.min_, spec.max_) if isinstance(b, int | float)]
        if bounds and isinstance(value, str):
            try:
                number = float(value)
            except ValueError:
                raise refuse(f"input {name!r}: {value!r} is not a number") from None
            low = spec.min_ if isinstance(spec.min_, int | float) else None
            high = spec.max_ if isinstance(spec.max_, int | float) else None
            if (low is not None and number < low) or (high is not None and number > high):
                raise refuse(f"input {name!r}: {value} is outside {low}..{high}")


# ---------------------------------------------------------------------------- the run's web link


@attrs.define
class _Links:
    """What a run's web link needs, read once per client: the app's domain and the workspace,
    and each notebook's project. ``pending`` names the lookups in flight (``"me"``, notebook ids),
    so that runs started together send each lookup once; ``retry_after`` holds off lookups for a
    while after one failed."""

    domain: str
    workspace: Me | None = None
    projects: dict[str, str] = attrs.field(factory=dict)
    pending: set[str] = attrs.field(factory=set)
    retry_after: float = 0.0

    def url(self, notebook_id: str) -> str | None:
        """The link from what is known, or ``None``."""
        if self.workspace is None or not self.projects.get(notebook_id):
            return None
        workspace = self.workspace.workspace
        if not isinstance(workspace.id, str):
            return None
        slug = f"{workspace.slug}-" if isinstance(workspace.slug, str) and workspace.slug else ""
        return (
            f"https://{self.domain}/workspace/{slug}{workspace.id}/project/-{self.projects[notebook_id]}"
            f"/notebook/{notebook_id}?secondary-sidebar=runs"
        )


# Per httpx client (the generated client is not hashable), so per client and side.
_LINKS: weakref.WeakKeyDictionary[httpx.Client | httpx.AsyncClient, _Links] = weakref.WeakKeyDictionary()


def links_of(http: httpx.Client | httpx.AsyncClient) -> _Links:
    """The link cache of the client whose httpx client is ``http``."""
    links = _LINKS.get(http)
    if links is None:
        host = http.base_url.host
        domain = host[len("api.") :] if host.startswith("api.") else "deepnote.com"
        links = _LINKS[http] = _Links(domain)
    return links


_GET_ME = _Bounded(get_me)
_GET_NOTEBOOK = _Bounded(get_notebook)
LINK_RETRY_SECONDS = 60.0
LINK_LOOKUP_SECONDS = 2.0
"""The longest the lookups for a run's web link may take (retries included): a busy API leaves the
link ``None`` rather than holding up the run's start."""


def _url(links: _Links, notebook_id: str | None) -> Plan[str | None]:
    """The run page of ``notebook_id`` (Deepnote's own ``notebookUrl``), fetching what is missing
    unless another run of this client is fetching it already (then ``None`` for now: the wait
    fills it in at its end) or a lookup failed within the last minute."""
    if notebook_id is None:
        return None
    now = _clock.CLOCK.monotonic()
    missing = [
        key
        for key in ("me", notebook_id)
        if (links.workspace if key == "me" else links.projects.get(key)) is None
    ]
    if missing and (links.pending & set(missing) or now < links.retry_after):
        return None
    links.pending.update(missing)
    deadline = now + LINK_LOOKUP_SECONDS
    try:
        if links.workspace is None:
            links.workspace = yield send(_GET_ME, deadline=deadline)
        if notebook_id not in links.projects:
            notebook = (yield send(_GET_NOTEBOOK, notebook_id=notebook_id, deadline=deadline)).notebook
            links.projects[notebook_id] = notebook.project_id if isinstance(notebook.project_id, str) else ""
    except DeepnoteError as error:
        logger.info("no web link for the run: %s", type(error).__name__)
        links.retry_after = _clock.CLOCK.monotonic() + LINK_RETRY_SECONDS
        return None
    finally:
        links.pending.difference_update(missing)
    return links.url(notebook_id)


# ---------------------------------------------------------------------------- waiting


@attrs.frozen
class _Settings:
    timeout: float = DEFAULT_RUN_TIMEOUT
    snapshot_timeout: float = DEFAULT_SNAPSHOT_TIMEOUT
    poll_interval: float = 1.0
    max_poll_interval: float = 10.0


class _Waiter:
    """Every decision of a wait: when to poll again, when to give up.

    Phase one polls until the run is terminal (deadline ``timeout``); phase two, when a snapshot is
    wanted, until ``snapshotStatus`` leaves ``pending`` (deadline ``snapshot_timeout`` after phase
    one ended).
    """

    def __init__(self, handle: _RunState, settings: _Settings, *, want_snapshot: bool):
        self.handle = handle
        self.settings = settings
        self.want_snapshot = want_snapshot
        self.deadline = _clock.CLOCK.monotonic() + settings.timeout
        self.snapshot_deadline: float | None = None
        self.interval = settings.poll_interval
        self.backoff = settings.poll_interval
        self.answer: _Answer | None = None

    @property
    def delivery(self) -> SnapshotDelivery | Any:
        return SnapshotDelivery.BLOCKS if self.want_snapshot else UNSET

    def poll_deadline(self) -> float:
        """When the next poll must be over: the phase's deadline, plus a grace for the poll made at it."""
        deadline = self.deadline if self.snapshot_deadline is None else self.snapshot_deadline
        return deadline + _LAST_POLL_GRACE

    def _pause(self, deadline: float) -> float | None:
        remaining = deadline - _clock.CLOCK.monotonic()
        if remaining <= 0:
            return None
        pause = min(self.interval, remaining)
        self.interval = min(self.interval * _GROWTH, self.settings.max_poll_interval)
        return pause

    def after_poll(self, answer: _Answer) -> float | None:
        """The pause before the next poll, or ``None`` when the wait is over."""
        run = answer.run
        self.answer = answer
        self.backoff = self.settings.poll_interval
        self.handle.seen(run)
        if status_value(run.status) not in TERMINAL_STATUS_VALUES:
            pause = self._pause(self.deadline)
            if pause is None:
                raise RunTimeoutError(
                    run=run, timeout=self.settings.timeout, notebook_id=self.handle.notebook_id
                )
            return pause
        if not self.want_snapshot or status_value(run.snapshot_status) not in (None, "pending"):
            return None
        if _delivered(answer):
            return None  # an older API: the snapshot came without a status
        if self.snapshot_deadline is None:
            self.snapshot_deadline = _clock.CLOCK.monotonic() + self.settings.snapshot_timeout
            self.interval = self.settings.poll_interval
        return self._pause(self.snapshot_deadline)

    def after_error(self, error: DeepnoteError) -> float | None:
        """The pause before polling again after ``error``; ``None`` ends a snapshot wait; else raises."""
        self.handle.attach_to(error)
        if not _transient(error):
            raise error
        deadline = self.deadline if self.snapshot_deadline is None else self.snapshot_deadline
        remaining = deadline - _clock.CLOCK.monotonic()
        if remaining <= 0:
            if self.snapshot_deadline is not None:
                return None
            raise RunTimeoutError(
                run=self.answer.run if self.answer else None,
                timeout=self.settings.timeout,
                run_id=self.handle.id,
                notebook_id=self.handle.notebook_id,
            ) from error
        asked = error.retry_after if isinstance(error, RateLimitError) else None
        pause = min(max(self.backoff, asked or 0.0), remaining)
        self.backoff = min(self.backoff * 2, self.settings.max_poll_interval)
        return pause


def _delivered(answer: _Answer) -> bool:
    """The answer carries a snapshot: blocks, a non-empty document or a download URL (an empty
    ``snapshotContent`` is a snapshot not attached yet, as Deepnote's own clients read it)."""
    run = answer.run
    return answer.raw_blocks is not None or any(
        isinstance(value, str) and value != "" for value in (run.snapshot_content, run.snapshot_download_url)
    )


def _poll(waiter: _Waiter) -> Plan[_Answer]:
    """Poll ``getRun`` until ``waiter`` says the wait is over; the last answer."""
    while True:
        try:
            answer = yield send(
                _GET_RUN,
                run_id=waiter.handle.id,
                snapshot_delivery=waiter.delivery,
                deadline=waiter.poll_deadline(),
            )
        except DeepnoteError as error:
            pause = waiter.after_error(error)
        else:
            pause = waiter.after_poll(answer)
        if pause is None:
            assert waiter.answer is not None  # the wait ends after a poll was answered, or raises
            return waiter.answer
        yield Sleep(pause)


def _document_blocks(document: str, notebook_id: str | None) -> Any:
    """The executed blocks (``id``, ``type``, ``outputs``) of a ``.snapshot.deepnote`` document."""
    import yaml

    data = yaml.safe_load(document)
    notebooks = data.get("project", {}).get("notebooks", []) if isinstance(data, dict) else []
    chosen = [n for n in notebooks if isinstance(n, dict) and n.get("id") == notebook_id] or notebooks[:1]
    blocks = chosen[0].get("blocks", []) if chosen and isinstance(chosen[0], dict) else []
    return [b for b in blocks if isinstance(b, dict) and "outputs" in b]


def _snapshot_blocks(handle: _RunState, answer: _Answer) -> Plan[Any]:
    """The raw snapshot blocks from whichever delivery the answer used."""
    run = answer.run
    if answer.raw_blocks is not None:
        return answer.raw_blocks
    content, url = run.snapshot_content, run.snapshot_download_url
    document = content if isinstance(content, str) and content else None
    if document is None and isinstance(url, str) and url:
        document = yield Do(download_snapshot, adownload_snapshot, (url,))
    if document is None:
        return None
    try:
        return _document_blocks(document, handle.notebook_id)
    except Exception as error:  # noqa: BLE001  # a document that will not parse is a typed error naming the run
        raise ResponseParseError(
            operation="getRun",
            status_code=200,
            method="GET",
            url=f"/runs/{handle.id}",
            reason=f"the snapshot document cannot be read: {type(error).__name__}",
        ) from None


def _wait(
    handle: _RunState,
    *,
    outputs: bool | Mapping[str, Binding] = False,
    output_type: Callable[..., Any] | None = None,
    raise_on_failure: bool = False,
    on_status: Callable[[str], object] | None = None,
    timeout: float = DEFAULT_RUN_TIMEOUT,
    snapshot_timeout: float = DEFAULT_SNAPSHOT_TIMEOUT,
    poll_interval: float = 1.0,
    max_poll_interval: float = 10.0,
) -> Plan[RunResult]:
    """Wait for the run to end and return it as a ``RunResult`` (see ``WaitOptions``)."""
    bindings = outputs if isinstance(outputs, Mapping) else {}
    if output_type is not None and not bindings:
        raise TypeError("output_type needs named outputs: outputs={'name': output.json(...), ...}")
    handle.on_status = on_status
    settings = _Settings(timeout, snapshot_timeout, poll_interval, max_poll_interval)
    want_snapshot = bool(outputs) or raise_on_failure
    with handle.left_running():
        answer = yield from _poll(_Waiter(handle, settings, want_snapshot=want_snapshot))
        try:
            raw_blocks = (yield from _snapshot_blocks(handle, answer)) if want_snapshot else None
        except DeepnoteError as error:
            handle.attach_to(error)
            raise
    try:
        blocks = parse_snapshot_blocks(raw_blocks, url=f"/runs/{handle.id}")
        result = RunResult(
            run=answer.run,
            snapshot_status=status_value(answer.run.snapshot_status),
            blocks=blocks,
            url=handle.known_url(),
        )
        if raise_on_failure and result.failure is not None:
            raise RunFailedError(result=result)
        if bindings:
            values = read_values(result, bindings)
            output = build_output(result, output_type, values) if output_type is not None else None
            result = attrs.evolve(result, values=values, output=output)
    except DeepnoteError as error:
        handle.attach_to(error)
        raise
    return result


# ---------------------------------------------------------------------------- starting, attaching


class _RunState:
    """What a handle knows of its run: id, notebook, last status, web link."""

    def __init__(self, run: Run, notebook_id: str | None, links: _Links) -> None:
        self.id = str(run.run_id)
        self.notebook_id = notebook_id if notebook_id is not None else _str_or_none(run.notebook_id)
        self.status = status_value(run.status) or ""
        self.links = links
        self.url: str | None = None
        self.on_status: Callable[[str], object] | None = None

    def known_url(self) -> str | None:
        """The link, from what this client has learnt by now (another run's lookup included)."""
        if self.url is None and self.notebook_id is not None:
            self.url = self.links.url(self.notebook_id)
        return self.url

    def seen(self, run: Run) -> None:
        status = status_value(run.status) or ""
        if self.notebook_id is None:
            self.notebook_id = _str_or_none(run.notebook_id)
        if status != self.status:
            self.status = status
            if self.on_status is not None:
                self.on_status(status)

    def attach_to(self, error: DeepnoteError) -> None:
        """Say on ``error`` which run it concerns, so the run (which may still be going) can be found."""
        if error.run_id is None:
            error.run_id = self.id
            error.notebook_id = self.notebook_id
            error.add_note(
                f"run {self.id} of notebook {self.notebook_id} was created and may still be running"
            )

    @contextmanager
    def left_running(self) -> Iterator[None]:
        """A wait interrupted (Ctrl-C, task cancellation) says which run goes on without it."""
        try:
            yield
        except BaseException as interruption:
            if not isinstance(interruption, Exception | GeneratorExit):
                where = f" ({self.url})" if self.url else ""
                interruption.add_note(
                    f"run {self.id}{where} goes on in Deepnote; the wait for it was interrupted"
                )
                logger.warning("stopped waiting for run %s%s; it goes on in Deepnote", self.id, where)
            raise


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _refuse_unknown(options: Mapping[str, Any], keys: frozenset[str], plan: str) -> None:
    """Refuse a keyword that ``keys`` (a ``TypedDict``'s) does not name, before anything is sent."""
    unknown = sorted(options.keys() - keys)
    if unknown:
        raise TypeError(f"{plan}() got unexpected keyword arguments: {', '.join(unknown)}")


def start(links: _Links, notebook_id: str | UUID, **options: Unpack[StartOptions]) -> Plan[_RunState]:
    """Send ``createRun`` once and return the run's state (see ``StartOptions``)."""
    _refuse_unknown(options, StartOptions.__optional_keys__, "start")
    notebook_id = opaque_id(notebook_id)
    inputs = options.get("inputs")
    values = _inputs(inputs)
    if options.get("check_inputs", False):
        notebook = (yield send(get_notebook, notebook_id=notebook_id)).notebook
        _check_inputs(notebook, values)
        if isinstance(notebook.project_id, str):
            links.projects.setdefault(notebook_id, notebook.project_id)
    body = CreateRunBody(notebook_id=notebook_id, detached=options.get("detached", True))
    if inputs is not None:
        body.inputs = RunInputs()
        body.inputs.additional_properties = values
    created = yield send(_CREATE_RUN, body=body)
    state = _RunState(created.run, notebook_id, links)
    state.url = yield from _url(links, notebook_id)
    return state


def attach(links: _Links, run_id: str | UUID) -> Plan[_RunState]:
    """One ``getRun`` for a run started elsewhere; its state."""
    answer = yield send(_GET_RUN, run_id=str(run_id))
    state = _RunState(answer.run, None, links)
    state.url = yield from _url(links, state.notebook_id)
    return state


def run_notebook(links: _Links, notebook_id: str | UUID, **options: Unpack[RunOptions]) -> Plan[RunResult]:
    """Start a run and wait for it: ``start`` with the ``StartOptions``, then the wait with the rest."""
    _refuse_unknown(options, RunOptions.__optional_keys__, "run_notebook")
    starting: dict[str, Any] = {
        key: value for key, value in options.items() if key in StartOptions.__optional_keys__
    }
    state = yield from start(links, notebook_id, **starting)
    waiting: dict[str, Any] = {key: value for key, value in options.items() if key not in starting}
    return (yield from _wait(state, **waiting))


# ---------------------------------------------------------------------------- handles


class _Handle:
    """A run that was started (``dn.runs.start``) or found (``dn.runs.attach``)."""

    def __init__(self, client: AuthenticatedClient, state: _RunState) -> None:
        self._client = client
        self._state = state

    @property
    def id(self) -> str:
        return self._state.id

    @property
    def status(self) -> str:
        """The status last seen (at start, attach, or during a wait)."""
        return self._state.status

    @property
    def notebook_id(self) -> str | None:
        return self._state.notebook_id

    @property
    def url(self) -> str | None:
        """The run's page in Deepnote (``None`` when it could not be made)."""
        return self._state.known_url()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id} {self.status}>"


class RunHandle(_Handle):
    """A run on ``Deepnote``: ``run.wait(...)`` returns its ``RunResult``."""

    def wait(self, **options: Unpack[WaitOptions]) -> RunResult:
        """Wait for the run to end (see ``WaitOptions``): poll until terminal, then read outputs."""
        return drive(_wait(self._state, **options), self._client)


class AsyncRunHandle(_Handle):
    """A run on ``AsyncDeepnote``: ``await run.wait(...)`` returns its ``RunResult``."""

    async def wait(self, **options: Unpack[WaitOptions]) -> RunResult:
        """Wait for the run to end (see ``WaitOptions``): poll until terminal, then read outputs."""
        return await adrive(_wait(self._state, **options), self._client)


def start_run(
    client: AuthenticatedClient, notebook_id: str | UUID, **options: Unpack[StartOptions]
) -> RunHandle:
    """Send ``createRun`` once; the handle has ``id``, ``status``, ``notebook_id`` and ``url``."""
    plan = start(links_of(client.get_httpx_client()), notebook_id, **options)
    return RunHandle(client, drive(plan, client))


async def astart_run(
    client: AuthenticatedClient, notebook_id: str | UUID, **options: Unpack[StartOptions]
) -> AsyncRunHandle:
    """Async ``start_run``."""
    plan = start(links_of(client.get_async_httpx_client()), notebook_id, **options)
    return AsyncRunHandle(client, await adrive(plan, client))


def attach_run(client: AuthenticatedClient, run_id: str | UUID) -> RunHandle:
    """The handle of a run started elsewhere (one ``getRun``)."""
    return RunHandle(client, drive(attach(links_of(client.get_httpx_client()), run_id), client))


async def aattach_run(client: AuthenticatedClient, run_id: str | UUID) -> AsyncRunHandle:
    """Async ``attach_run``."""
    return AsyncRunHandle(
        client, await adrive(attach(links_of(client.get_async_httpx_client()), run_id), client)
    )


# ---------------------------------------------------------------------------- snapshot documents


def download_snapshot(client: AuthenticatedClient, url: str) -> str:
    """The ``.snapshot.deepnote`` document at ``url`` (a run's ``snapshotDownloadUrl``).

    The URL is presigned and on another origin, so it is fetched on a plain transport that never
    carries the bearer token (same timeout, TLS verification and ``max_response_bytes`` as
    ``client``) and that httpx does not log; redirects are not followed. Errors are typed and name
    the URL without its query (the signature).
    """
    return run_sync(client, None, snapshot_steps(client, url))


async def adownload_snapshot(client: AuthenticatedClient, url: str) -> str:
    """Async ``download_snapshot``."""
    return await run_async(client, None, snapshot_steps(client, url))
