"""Chaos: 500 mixed notebook calls through the fake with about one in five carrying a fault.

Afterwards the fake must hold exactly the notebooks whose create returned success (no duplicate
from a replayed POST, none lost), and every call must have either succeeded or raised a typed
``DeepnoteError``; anything else escapes and fails the test.

Fault kinds per operation: creates get only faults after which the fake has not acted (429,
5xx, connection dropped before or during the answer). A "slow" fault lets the fake act after the
client gave up, and "not-json"/"missing-field" corrupt the answer of a request that was acted
on, so after those the outcome of a write is unknowable to any client; the fault matrix
(``test_fake_faults.py``) covers them on every method. Reads get every kind.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from typing import Any
from uuid import UUID

import httpx

from deepnote_client.api.notebooks import create_notebook, delete_notebook, get_notebook
from deepnote_client.api.projects import list_projects
from deepnote_client.models import CreateNotebookBody
from deepnote_fake import SEED_PROJECT_ID, ServerHandle
from deepnote_overlay import DeepnoteError, NotFoundError, RetryPolicy
from deepnote_overlay.lowlevel import acall, call, connect, paginate

from .helpers import FakeTime, assert_no_secret

CALLS = 500
FAULT_RATE = 0.2
SEED = 20261126

NOT_ACTED_ON = ["429", "429-http-date", "500", "502", "503", "504", "drop", "drop-mid-body"]
KINDS = {
    "create": NOT_ACTED_ON,
    "delete": [*NOT_ACTED_ON, "not-json", "missing-field"],  # a 204 carries no body to corrupt
    "get": [*NOT_ACTED_ON, "slow", "not-json", "missing-field"],
    "list": [*NOT_ACTED_ON, "slow", "not-json", "missing-field"],
}


async def test_chaos_leaves_exactly_the_notebooks_created_successfully(
    fake_server: ServerHandle, fake_time: FakeTime
) -> None:
    state = fake_server.state
    rng = random.Random(SEED)
    waits = fake_time.waits  # retries (and the rate limiter) wait on fake time

    fake_time.draws = rng.random
    fake_time.wall_epoch = time.time()  # the fake writes its HTTP-dates on the real clock
    policy = RetryPolicy()
    client = connect(
        fake_server.token, base_url=fake_server.base_url, timeout=httpx.Timeout(5.0, read=0.3), retry=policy
    )

    created: dict[str, str] = {}  # id -> name, for every create that returned success
    alive: list[str] = []
    deleted: set[str] = set()
    outcomes: Counter[str] = Counter()
    faulted_calls = 0

    async def run(mode: str, endpoint: Any, **kwargs: Any) -> Any:
        if mode == "sync":
            return call(endpoint, client=client, **kwargs)
        return await acall(endpoint, client=client, **kwargs)

    async with client:
        for number in range(CALLS):
            operation = rng.choices(["create", "get", "list", "delete"], weights=[35, 25, 15, 25])[0]
            if operation in ("get", "delete") and not alive:
                operation = "create"
            mode = rng.choice(["sync", "async"])
            target = rng.choice(alive) if operation in ("get", "delete") else None
            if rng.random() < FAULT_RATE:
                faulted_calls += 1
                method, path = {
                    "create": ("POST", "/notebooks"),
                    "get": ("GET", f"/notebooks/{target}"),
                    "delete": ("DELETE", f"/notebooks/{target}"),
                    "list": ("GET", "/projects"),
                }[operation]
                state.faults.inject(
                    rng.choice(KINDS[operation]),
                    times=rng.choice([1, 1, 1, 2, 5]),  # 5 outlasts the 3 retries
                    method=method,
                    path=path,
                    retry_after=rng.choice([1, 2, 120]),  # 120 is above the cap: no retry
                    delay=0.6,
                )
            try:
                if operation == "create":
                    name = f"chaos-{number}"
                    body = CreateNotebookBody(project_id=UUID(SEED_PROJECT_ID), name=name)
                    notebook = (await run(mode, create_notebook, body=body)).notebook
                    assert notebook.name == name
                    created[notebook.id] = name
                    alive.append(notebook.id)
                elif operation == "get":
                    assert (await run(mode, get_notebook, notebook_id=target)).notebook.id == target
                elif operation == "list":
                    if mode == "sync":
                        projects = list(paginate(list_projects, client=client, page_size=2))
                    else:
                        projects = [p async for p in paginate(list_projects, client=client, page_size=2)]
                    assert str(projects[0].id) == SEED_PROJECT_ID
                else:
                    assert target is not None
                    try:
                        await run(mode, delete_notebook, notebook_id=target)
                    except NotFoundError:
                        outcomes["delete found it already deleted"] += 1
                    alive.remove(target)
                    deleted.add(target)
                outcomes["success"] += 1
            except DeepnoteError as error:
                outcomes[type(error).__name__] += 1
                assert_no_secret(error, fake_server.token)
            finally:
                state.faults.clear()  # what this call did not consume must not hit the next one

    ours = {
        nid
        for nid in state.projects[SEED_PROJECT_ID].notebook_ids
        if state.notebooks[nid].name.startswith("chaos-")
    }
    assert ours == set(created) - deleted  # none lost, none extra
    server_creates = [
        r for r in state.requests if r.method == "POST" and r.path == "/notebooks" and r.status == 201
    ]
    assert len(server_creates) == len(created)  # no create was acted on twice or behind our back
    names = [state.notebooks[nid].name for nid in ours]
    assert len(names) == len(set(names))

    errors = sum(count for kind, count in outcomes.items() if kind != "success")
    print(
        f"\nchaos: {CALLS} calls, {faulted_calls} with an injected fault, {state.faults.fired} faults fired, "
        f"{len(state.requests)} requests, {len(waits)} retries; {len(created)} created, "
        f"{len(deleted)} deleted, {len(ours)} left; outcomes {dict(outcomes)}"
    )
    assert sum(outcomes.values()) - outcomes["delete found it already deleted"] == CALLS
    assert 0.15 * CALLS <= faulted_calls <= 0.25 * CALLS
    assert outcomes["success"] > CALLS * 0.7 and errors > 0  # retries absorbed most faults, not all
    assert len(waits) > 0
