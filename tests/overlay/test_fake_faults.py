"""Every fault of the fake Deepnote API against GET, DELETE and POST, over real loopback sockets.

For each fault the test checks how many requests reached the server, what the call returned or
raised, the waits slept (recorded, never slept for real: no jitter, so backoff is exact), and for
POST what the server holds afterwards: a create is never replayed once it may have been acted on.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any
from uuid import UUID

import httpx
import pytest

from deepnote_client.api.notebooks import create_notebook, delete_notebook, get_notebook
from deepnote_client.client import AuthenticatedClient
from deepnote_client.models import CreateNotebookBody
from deepnote_fake import SEED_PROJECT_ID, FakeDeepnote, ServerHandle, running_server
from deepnote_overlay import (
    APIConnectionError,
    APITimeoutError,
    DeepnoteError,
    RateBudget,
    RateLimiter,
    RateLimitError,
    ResponseParseError,
    RetryPolicy,
    ServerError,
    _clock,
)
from deepnote_overlay.lowlevel import acall, call, connect
from tests.conftest import OverlayClock

from .helpers import assert_no_secret

READ_TIMEOUT = 0.3  # the "slow" fault waits longer than this
SLOW_DELAY = 0.6


@pytest.fixture(scope="module")
def shared_server() -> Iterator[ServerHandle]:
    """One fake for the module: starting and stopping a server per case would dominate the run."""
    with running_server(FakeDeepnote()) as handle:
        yield handle


@pytest.fixture
def server(shared_server: ServerHandle) -> ServerHandle:
    """The shared fake with no fault armed and no request recorded; each case uses its own names."""
    shared_server.state.faults.clear()
    shared_server.state.reset_counters()
    return shared_server


class Recorder(_clock.Clock):
    """The overlay's clock for these tests: waits are recorded, not slept; no jitter; the wall clock
    is real (the fake's HTTP-date ``Retry-After`` is on it)."""

    def __init__(self) -> None:
        self.waits: list[float] = []
        self.elapsed = 0.0
        self.async_mode = False

    def monotonic(self) -> float:
        return self.elapsed

    def sleep(self, seconds: float) -> None:
        assert not self.async_mode, "an async retry slept with the blocking sleep"
        self.waits.append(seconds)
        self.elapsed += seconds

    async def asleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.elapsed += seconds

    def random(self) -> float:
        return 0.0

    def policy(self, mode: str = "sync") -> RetryPolicy:
        """The default policy; in async mode a blocking sleep fails the test."""
        self.async_mode = mode == "async"
        return RetryPolicy()


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    clock = Recorder()
    monkeypatch.setattr(_clock, "CLOCK", clock)
    return clock


def client_for(base_url: str, token: str, policy: RetryPolicy) -> AuthenticatedClient:
    return connect(token, base_url=base_url, timeout=httpx.Timeout(5.0, read=READ_TIMEOUT), retry=policy)


async def run(mode: str, client: AuthenticatedClient, endpoint: Any, **kwargs: Any) -> object:
    """The call's result, or the ``DeepnoteError`` it raised (anything else fails the test)."""
    try:
        if mode == "sync":
            with client:
                return call(endpoint, client=client, **kwargs)
        async with client:
            return await acall(endpoint, client=client, **kwargs)
    except DeepnoteError as error:
        assert_no_secret(error, client.token)
        return error


# What each fault does to an idempotent call (GET, DELETE) and to a POST:
# (requests the server sees, error raised or None, waits slept).
Expectation = tuple[int, type[DeepnoteError] | None, list[float]]
CASES: dict[str, tuple[dict[str, Any], Expectation, Expectation]] = {
    "429": ({"kind": "429", "retry_after": 2}, (2, None, [2.0]), (2, None, [2.0])),
    "429-above-cap": (
        {"kind": "429", "retry_after": 120},
        (1, RateLimitError, []),
        (1, RateLimitError, []),
    ),
    "429-every-time": (
        {"kind": "429", "retry_after": 1, "times": 9},
        (4, RateLimitError, [1.0, 1.0, 1.0]),
        (4, RateLimitError, [1.0, 1.0, 1.0]),
    ),
    "500": ({"kind": "500"}, (2, None, [0.5]), (1, ServerError, [])),
    "502": ({"kind": "502"}, (2, None, [0.5]), (1, ServerError, [])),
    "503": ({"kind": "503"}, (2, None, [0.5]), (1, ServerError, [])),
    "504": ({"kind": "504"}, (2, None, [0.5]), (1, ServerError, [])),
    "503-every-time": ({"kind": "503", "times": 9}, (4, ServerError, [0.5, 1.0, 2.0]), (1, ServerError, [])),
    "drop": ({"kind": "drop"}, (2, None, [0.5]), (1, APIConnectionError, [])),
    "drop-mid-body": ({"kind": "drop-mid-body"}, (2, None, [0.5]), (1, APIConnectionError, [])),
    "drop-every-time": (
        {"kind": "drop", "times": 9},
        (4, APIConnectionError, [0.5, 1.0, 2.0]),
        (1, APIConnectionError, []),
    ),
    "slow": ({"kind": "slow", "delay": SLOW_DELAY}, (2, None, [0.5]), (1, APITimeoutError, [])),
    "not-json": ({"kind": "not-json"}, (1, ResponseParseError, []), (1, ResponseParseError, [])),
    "missing-field": ({"kind": "missing-field"}, (1, ResponseParseError, []), (1, ResponseParseError, [])),
}

# The server acted on the POST although the client got an error: the answer was corrupted after.
ACTED_ON_POST = {"not-json", "missing-field"}


def served(server: ServerHandle, method: str, path: str) -> int:
    return sum(1 for r in server.state.requests if r.method == method and r.path == path)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("method", ["GET", "DELETE", "POST"])
@pytest.mark.parametrize("case", list(CASES))
async def test_fault(case: str, method: str, mode: str, server: ServerHandle, recorder: Recorder) -> None:
    options, idempotent, post = CASES[case]
    state = server.state
    client = client_for(server.base_url, server.token, recorder.policy(mode))
    name = f"{case}-{method}-{mode}"
    if method == "POST":
        path, endpoint = "/notebooks", create_notebook
        kwargs: dict[str, Any] = {"body": CreateNotebookBody(project_id=UUID(SEED_PROJECT_ID), name=name)}
    else:
        notebook = state.create_notebook(SEED_PROJECT_ID, name)
        path, kwargs = f"/notebooks/{notebook.id}", {"notebook_id": notebook.id}
        endpoint = get_notebook if method == "GET" else delete_notebook
    fault_options = dict(options)
    state.faults.inject(fault_options.pop("kind"), method=method, path=path, **fault_options)

    outcome = await run(mode, client, endpoint, **kwargs)

    requests, error, waits = idempotent if method != "POST" else post
    if method == "DELETE" and error is ResponseParseError:
        error = None  # a 204 has no body to corrupt
    assert served(server, method, path) == requests
    if error is None:
        assert not isinstance(outcome, DeepnoteError), repr(outcome)
    else:
        assert type(outcome) is error, repr(outcome)
    assert recorder.waits == waits
    if method == "POST":
        created = state.notebook_names(SEED_PROJECT_ID).count(name)
        if error is None or case in ACTED_ON_POST:
            assert created == 1
        elif case != "slow":  # a slow fault lets the fake act after the client gave up, or not
            assert created == 0
    if method == "DELETE" and error is None:
        assert path.rsplit("/", 1)[1] not in state.notebooks


@pytest.mark.parametrize("method", ["GET", "DELETE", "POST"])
async def test_429_with_an_http_date_waits_until_that_date(
    method: str, server: ServerHandle, recorder: Recorder
) -> None:
    state = server.state
    client = client_for(server.base_url, server.token, recorder.policy())
    if method == "POST":
        path, endpoint = "/notebooks", create_notebook
        kwargs: dict[str, Any] = {"body": CreateNotebookBody(project_id=UUID(SEED_PROJECT_ID), name="dated")}
    else:
        notebook = state.create_notebook(SEED_PROJECT_ID, f"dated-{method}")
        path, kwargs = f"/notebooks/{notebook.id}", {"notebook_id": notebook.id}
        endpoint = get_notebook if method == "GET" else delete_notebook
    state.faults.inject("429-http-date", method=method, path=path, retry_after=3)

    outcome = await run("sync", client, endpoint, **kwargs)

    assert not isinstance(outcome, DeepnoteError), repr(outcome)
    assert served(server, method, path) == 2
    # The date has whole seconds and is read against the real clock (by the retry policy, and a
    # moment earlier by the rate limiter, whose pause may end a few microseconds later).
    wait, *rest = recorder.waits
    assert 2.0 <= wait <= 4.0 and sum(rest) < 0.01


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port with nothing listening: connections to it are refused."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    sock.close()
    yield port


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("method", ["GET", "DELETE", "POST"])
async def test_connection_refused_is_retried_for_every_method(
    method: str, mode: str, closed_port: int, recorder: Recorder
) -> None:
    attempts: list[str] = []
    client = connect(
        "sk-refused-SECRET",
        base_url=f"http://127.0.0.1:{closed_port}/v2",
        retry=recorder.policy(mode),
        event_hooks={"request": [lambda request: attempts.append(request.method)]},
    )
    endpoint: Any = {"GET": get_notebook, "DELETE": delete_notebook, "POST": create_notebook}[method]
    kwargs: dict[str, Any] = (
        {"body": CreateNotebookBody(project_id=UUID(SEED_PROJECT_ID), name="x")}
        if method == "POST"
        else {"notebook_id": "nb"}
    )
    if mode == "async":
        client = connect(
            "sk-refused-SECRET",
            base_url=f"http://127.0.0.1:{closed_port}/v2",
            retry=recorder.policy(mode),
            event_hooks={"request": [_async_hook(attempts)]},
        )

    outcome = await run(mode, client, endpoint, **kwargs)

    assert type(outcome) is APIConnectionError
    assert "ConnectError" in outcome.reason
    assert recorder.waits == [0.5, 1.0, 2.0]  # 1 attempt + 3 retries, the request never having left
    assert attempts == [method]  # event hooks run once per call; the retries happen below them


def _async_hook(attempts: list[str]) -> Any:
    async def hook(request: httpx.Request) -> None:
        attempts.append(request.method)

    return hook


@pytest.mark.parametrize("budget", [None, RateBudget(5, 60.0)])
def test_the_fakes_rate_limiter_is_waited_out_and_creates_are_not_duplicated(
    budget: RateBudget | None,
    fake_server: ServerHandle,
    overlay_clock: OverlayClock,
) -> None:
    """The fake counts a 60 s window on its clock; sleeping advances that clock, as time would."""
    state = fake_server.state
    state.rate_limit = (5, 60.0)
    sleeper = overlay_clock  # retries and the limiter wait on the fake's clock
    limiter = True if budget is None else RateLimiter(budget=budget)
    client = connect(fake_server.token, base_url=fake_server.base_url, limiter=limiter)
    names = [f"limited-{i}" for i in range(12)]
    for name in names:
        body = CreateNotebookBody(project_id=UUID(SEED_PROJECT_ID), name=name)
        assert call(create_notebook, client=client, body=body).notebook.name == name

    # Without the budget, the 6th and the 11th create are refused once each and wait Retry-After
    # (exactly when the window resets). With it, none is refused: the 6th and the 11th wait for
    # the window to pass (60 s after the answers that filled the previous one).
    assert state.rate_limited == (2 if budget is None else 0)
    assert sleeper.pauses == [60.0, 60.0]
    assert [n for n in state.notebook_names(SEED_PROJECT_ID) if n.startswith("limited-")] == names
