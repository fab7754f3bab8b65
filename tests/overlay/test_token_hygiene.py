"""The token never shows in a log record (httpx and httpcore at DEBUG included), an error or a repr.

The autouse fixture in ``conftest.py`` already checks every log record of every overlay test; this
file drives the paths most likely to leak (authentication failures, retries, transport errors,
parse errors) and checks that the capture is not vacuous.
"""

from __future__ import annotations

import logging
from uuid import UUID

import httpx
import pytest

from deepnote_client.api.notebooks import create_notebook, get_notebook, list_notebook_runs
from deepnote_client.models import CreateNotebookBody
from deepnote_fake import SEED_NOTEBOOK_ID, SEED_PROJECT_ID, ServerHandle
from deepnote_overlay import AuthenticationError, DeepnoteError, RetryPolicy
from deepnote_overlay.lowlevel import acall, call, connect, paginate

from .helpers import FakeTime, assert_no_secret

WRONG_TOKEN = "sk-wrong-SECRET-0d9e8f"


async def test_no_token_anywhere_across_failures(
    fake_server: ServerHandle, caplog: pytest.LogCaptureFixture, fake_time: FakeTime
) -> None:
    token = fake_server.token
    state = fake_server.state
    client = connect(
        token,
        base_url=fake_server.base_url,
        timeout=httpx.Timeout(5.0, read=0.3),
        retry=RetryPolicy(),
    )
    errors: list[DeepnoteError] = []
    body = CreateNotebookBody(project_id=UUID(SEED_PROJECT_ID), name="hygiene")
    faults = [
        "429",
        "429-http-date",
        "500",
        "503",
        "drop",
        "drop-mid-body",
        "slow",
        "not-json",
        "missing-field",
    ]
    for kind in faults:
        for method, endpoint, kwargs in (
            ("GET", get_notebook, {"notebook_id": SEED_NOTEBOOK_ID}),
            ("POST", create_notebook, {"body": body}),
        ):
            state.faults.inject(kind, times=9, method=method, delay=0.5)
            for mode in ("sync", "async"):
                try:
                    if mode == "sync":
                        call(endpoint, client=client, **kwargs)
                    else:
                        await acall(endpoint, client=client, **kwargs)
                except DeepnoteError as error:
                    errors.append(error)
            state.faults.clear()
    state.faults.inject("500", times=9, path=f"/notebooks/{SEED_NOTEBOOK_ID}/runs")
    with pytest.raises(DeepnoteError) as caught:
        list(paginate(list_notebook_runs, client=client, notebook_id=SEED_NOTEBOOK_ID))
    errors.append(caught.value)

    wrong = connect(WRONG_TOKEN, base_url=fake_server.base_url)
    with pytest.raises(AuthenticationError) as denied:
        call(get_notebook, client=wrong, notebook_id=SEED_NOTEBOOK_ID)
    errors.append(denied.value)

    assert len(errors) >= 2 * len(faults)
    for error in errors:
        assert_no_secret(error, token, WRONG_TOKEN)
    for obj in (client, wrong, client.get_httpx_client()._transport):
        assert_no_secret(obj, token, WRONG_TOKEN)

    loggers = {record.name for record in caplog.records}
    assert {"httpx", "deepnote_overlay"} <= loggers and any(name.startswith("httpcore") for name in loggers)
    assert any(record.levelno == logging.DEBUG for record in caplog.records)
    for record in caplog.records:
        text = f"{record.getMessage()} {record.args!r}"
        assert token not in text and WRONG_TOKEN not in text
        assert "Bearer" not in text
