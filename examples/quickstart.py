"""A tour of the client: create a notebook, read it, run it, page through its runs, delete it.

By default (`make demo`) this runs against the fake Deepnote API on loopback. With DEEPNOTE_TOKEN
set it talks to the real API (DEEPNOTE_BASE_URL to override the address): it then creates a
notebook named `quickstart-<time>` in DEEPNOTE_PROJECT_ID (or in the first project listed), runs
it, and deletes it again.
"""

from __future__ import annotations

import os
import sys
import time

from deepnote_client import AuthenticatedClient
from deepnote_client.api.me import get_me
from deepnote_client.api.notebooks import create_notebook, delete_notebook, get_notebook, list_notebook_runs
from deepnote_client.api.projects import list_projects
from deepnote_client.models import CreateNotebookBody
from deepnote_overlay import DeepnoteError, NotFoundError, call, connect, paginate, run_notebook


def step(title: str, detail: object) -> None:
    print(f"- {title}: {detail}")


def pick_project(client: AuthenticatedClient) -> str:
    configured = os.environ.get("DEEPNOTE_PROJECT_ID")
    if configured:
        return configured
    for project in paginate(list_projects, client=client, max_items=1):
        return project.id  # ids are plain strings
    sys.exit("No project found: set DEEPNOTE_PROJECT_ID to a project the token can write to.")


def main() -> int:
    # Token from DEEPNOTE_TOKEN; base URL from DEEPNOTE_BASE_URL or the default. `with` closes the
    # client's connections at the end (async code: `async with client:` or `await client.aclose()`).
    with connect() as client:
        return tour(client)


def tour(client: AuthenticatedClient) -> int:
    me = call(get_me, client=client)
    step("caller", f"access level {me.access_level} in workspace {me.workspace.to_dict().get('name')!r}")

    project_id = pick_project(client)
    body = CreateNotebookBody(project_id=project_id, name=f"quickstart-{int(time.time())}")
    notebook = call(create_notebook, client=client, body=body).notebook
    step("created notebook", f"{notebook.name!r} ({notebook.id})")
    try:
        fetched = call(get_notebook, client=client, notebook_id=notebook.id).notebook
        step("read it back", f"{fetched.name!r}, {len(fetched.blocks or [])} blocks")

        run = run_notebook(client, notebook.id, timeout=120)
        step("ran it", f"run {run.run_id} finished with status {run.status}")

        for number, past in enumerate(
            paginate(list_notebook_runs, client=client, notebook_id=notebook.id), 1
        ):
            step(f"run history #{number}", f"{past.run_id} {past.status} created {past.created_at}")
    finally:
        call(delete_notebook, client=client, notebook_id=notebook.id)
        step("deleted notebook", notebook.id)

    try:
        call(get_notebook, client=client, notebook_id=notebook.id)
    except NotFoundError as error:
        step("reading it again fails cleanly", f"{type(error).__name__}: {error}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except DeepnoteError as error:
        sys.exit(f"quickstart failed: {type(error).__name__}: {error}")
