"""What each error says (``str``, ``repr``, attributes), which class a status gets, and how text is bounded.

Found by mutation testing: changes to error messages and reprs (``str(APIConnectionError)`` becoming
``"None"``, ``ResponseParseError.url`` lost) survived, although these strings are what a user reads
in a log or a traceback.
"""

from __future__ import annotations

import pickle

import pytest

from deepnote_client.models import Run, RunStatus
from deepnote_overlay import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConflictError,
    DeepnoteError,
    InvalidRequestError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RateLimitError,
    RepeatedPageTokenError,
    ResponseParseError,
    ResponseTooLargeError,
    RunFailedError,
    RunTimeoutError,
    ServerError,
)
from deepnote_overlay.errors import MAX_TEXT_LENGTH, bounded_text, status_error
from deepnote_overlay.outputs import RunResult

URL = "https://api.test/v2/notebooks/nb"


def test_bounded_text_escapes_control_characters_and_keeps_printable_ones() -> None:
    assert bounded_text("line\nforged\x1b[31m é") == "line\\nforged\\x1b[31m é"


def test_bounded_text_keeps_text_up_to_the_limit_and_cuts_longer_text_to_it() -> None:
    assert bounded_text("x" * MAX_TEXT_LENGTH) == "x" * MAX_TEXT_LENGTH
    cut = bounded_text("x" * (MAX_TEXT_LENGTH + 1))
    marker = f"... [{MAX_TEXT_LENGTH + 1} characters, cut]"
    assert cut == "x" * (MAX_TEXT_LENGTH - len(marker)) + marker
    assert len(cut) == MAX_TEXT_LENGTH
    assert bounded_text("abcdefghij", 3) == "... [10 characters, cut]", "a tiny limit keeps only the marker"
    assert bounded_text(cut) == cut, "idempotent"


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (429, RateLimitError),
        (500, ServerError),
        (503, ServerError),
        (599, ServerError),
        (402, APIStatusError),
        (418, APIStatusError),
        (499, APIStatusError),
        (600, APIStatusError),
        (307, APIStatusError),
    ],
)
def test_each_status_gets_its_class(status: int, cls: type[APIStatusError]) -> None:
    error = status_error(status_code=status, message="nope", method="GET", url=URL, retry_after=2.0)
    assert type(error) is cls
    assert (error.status_code, error.message, error.method, error.url) == (status, "nope", "GET", URL)
    assert str(error) == f"{status} nope (GET {URL})"
    assert repr(error).startswith(
        f"{cls.__name__}(status_code={status}, message='nope', method='GET', url='{URL}'"
    )


def test_a_rate_limit_error_carries_and_shows_retry_after() -> None:
    error = status_error(status_code=429, message="slow down", method="POST", url=URL, retry_after=2.5)
    assert isinstance(error, RateLimitError) and error.retry_after == 2.5
    assert repr(error) == (
        f"RateLimitError(status_code=429, message='slow down', method='POST', url='{URL}', retry_after=2.5)"
    )
    unknown = status_error(status_code=429, message="slow down", method="POST", url=URL)
    assert isinstance(unknown, RateLimitError) and unknown.retry_after is None


@pytest.mark.parametrize("cls", [APIConnectionError, APITimeoutError])
def test_connection_errors_say_why_and_where(cls: type[APIConnectionError]) -> None:
    error = cls(method="GET", url=URL, reason="ConnectError: refused")
    assert (error.method, error.url, error.reason) == ("GET", URL, "ConnectError: refused")
    assert str(error) == f"ConnectError: refused (GET {URL})"
    assert repr(error) == f"{cls.__name__}(method='GET', url='{URL}', reason='ConnectError: refused')"


def test_a_parse_error_names_operation_field_status_and_url_and_keeps_the_body() -> None:
    body = {"notebook": {"id": 3}}
    error = ResponseParseError(
        operation="getNotebook",
        status_code=200,
        method="GET",
        url=URL,
        reason="expected a string",
        field="notebook.id",
        body=body,
    )
    assert (error.operation, error.status_code, error.method, error.url) == ("getNotebook", 200, "GET", URL)
    assert (error.reason, error.field, error.body) == ("expected a string", "notebook.id", body)
    assert str(error) == f"getNotebook: expected a string (200, GET {URL})"
    assert repr(error) == (
        "ResponseParseError(operation='getNotebook', field='notebook.id', reason='expected a string', "
        f"status_code=200, method='GET', url='{URL}')"
    )
    assert ResponseParseError(operation="x", status_code=200, method="GET", url=URL, reason="r").field is None
    assert (
        len(
            ResponseParseError(
                operation="x", status_code=200, method="GET", url=URL, reason="r", field="f" * 300
            ).field
            or ""
        )
        == 200
    )


def test_the_other_errors_say_what_happened() -> None:
    too_large = ResponseTooLargeError(status_code=200, method="GET", url=URL, limit=1024)
    assert (too_large.status_code, too_large.method, too_large.url, too_large.limit) == (
        200,
        "GET",
        URL,
        1024,
    )
    assert str(too_large) == (
        "the 200 answer is larger than the 1024-byte limit; "
        f"raise connect(max_response_bytes=...) if it is expected (GET {URL})"
    )
    invalid = InvalidRequestError(operation="getNotebook", reason="URL too long")
    assert (invalid.operation, invalid.reason) == ("getNotebook", "URL too long")
    assert str(invalid) == "getNotebook: URL too long"
    assert repr(invalid) == "InvalidRequestError(operation='getNotebook', reason='URL too long')"
    stuck = PaginationError(operation="listProjects", pages=4, reason="looping")
    assert (stuck.operation, stuck.pages, stuck.reason) == ("listProjects", 4, "looping")
    assert str(stuck) == "listProjects: looping (after 4 pages)"
    repeated = RepeatedPageTokenError(operation="listProjects", page_token="t" * 150, pages=2)
    assert repeated.page_token == bounded_text("t" * 150, 100) and len(repeated.page_token) == 100
    assert str(repeated) == (
        f"listProjects: page token {repeated.page_token!r} repeated; stopping instead of looping (after 2 pages)"
    )
    run = Run(run_id="r1", status=RunStatus.RUNNING)
    late = RunTimeoutError(run=run, timeout=90.0)
    assert (late.run, late.timeout) == (run, 90.0)
    assert str(late) == "run r1 still running after 90 s"
    assert str(ClientClosedError()) == (
        "this client was closed (its 'with' block ended or close() was called): "
        "make a new Deepnote() for further requests"
    )


@pytest.mark.parametrize(
    "error",
    [
        status_error(status_code=429, message="m", method="GET", url=URL, retry_after=1.0),
        APITimeoutError(method="GET", url=URL, reason="ReadTimeout"),
        ResponseParseError(
            operation="o", status_code=200, method="GET", url=URL, reason="r", field="f", body=[1]
        ),
        RepeatedPageTokenError(operation="o", page_token="t", pages=3),
        InvalidRequestError(operation="o", reason="r"),
        ClientClosedError(),
    ],
    ids=lambda error: type(error).__name__,
)
def test_errors_survive_a_pickle_round_trip(error: DeepnoteError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert (str(copy), repr(copy), copy.args) == (str(error), repr(error), error.args)
    assert vars(copy) == vars(error)


def test_a_run_timeout_names_the_run_even_when_no_poll_was_answered() -> None:
    unanswered = RunTimeoutError(run=None, timeout=5.0, run_id="r2", notebook_id="nb2")
    assert (unanswered.run, unanswered.run_id, unanswered.notebook_id) == (None, "r2", "nb2")
    assert str(unanswered) == "run r2 never answered after 5 s"
    anonymous = RunTimeoutError(run=None, timeout=5.0)
    assert (anonymous.run_id, anonymous.notebook_id) == (None, None)
    seen = Run(run_id="r3", status=RunStatus.PENDING, notebook_id="nb3")
    from_run = RunTimeoutError(run=seen, timeout=1.5)
    assert (from_run.run_id, from_run.notebook_id) == ("r3", "nb3")
    assert str(from_run) == "run r3 still pending after 1.5 s"
    given = RunTimeoutError(run=seen, timeout=1.5, run_id="r4", notebook_id="nb4")
    assert (given.run_id, given.notebook_id) == ("r4", "nb4")


@pytest.mark.parametrize("status", [RunStatus.ERROR, RunStatus.INTERNAL_ERROR, RunStatus.STOPPED])
def test_a_run_failed_error_carries_the_run_and_why_it_failed(status: RunStatus) -> None:
    run = Run(run_id="r5", status=status, notebook_id="nb5", error="kernel died")
    result = RunResult(run=run, snapshot_status="unavailable")
    error = RunFailedError(result=result)
    assert (error.result, error.run, error.failure) == (result, run, result.failure)
    assert (error.run_id, error.notebook_id, error.status) == ("r5", "nb5", status.value)
    assert (error.block_id, error.ename, error.evalue) == (None, None, None)
    assert str(error) == f"run r5 of notebook nb5 ended with status {status.value}: kernel died"


def test_a_run_failed_error_for_a_run_that_did_not_fail_is_refused() -> None:
    result = RunResult(run=Run(run_id="r6", status=RunStatus.SUCCESS), snapshot_status="available")
    with pytest.raises(ValueError) as caught:
        RunFailedError(result=result)
    assert str(caught.value) == "run r6 did not fail (status success)"
