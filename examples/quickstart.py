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

from deepnote_overlay import Deepnote, DeepnoteError, NotFoundError


def step(title: str, detail: object) -> None:
    print(f"- {title}: {detail}")


def pick_project(dn: Deepnote) -> str:
    configured = os.environ.get("DEEPNOTE_PROJECT_ID")
    if configured:
        return configured
    for project in dn.projects.list(max_items=1):
        return project.id  # ids are plain strings
    sys.exit("No project found: set DEEPNOTE_PROJECT_ID to a project the token can write to.")


def main() -> int:
    # Token from DEEPNOTE_TOKEN; base URL from DEEPNOTE_BASE_URL or the default. Leaving the `with`
    # block closes the connections.
    with Deepnote() as dn:
        me = dn.me.get()
        step("caller", f"access level {me.access_level} in workspace {me.workspace.name!r}")

        notebook = dn.notebooks.create(project_id=pick_project(dn), name=f"quickstart-{int(time.time())}")
        step("created notebook", f"{notebook.name!r} ({notebook.id})")
        try:
            fetched = dn.notebooks.get(notebook.id)
            step("read it back", f"{fetched.name!r}, {len(fetched.blocks or [])} blocks")

            result = dn.run_notebook(notebook.id, timeout=120)
            step("ran it", f"run {result.run_id} finished with status {result.status}")

            for number, past in enumerate(dn.notebooks.list_runs(notebook.id), 1):
                step(f"run history #{number}", f"{past.run_id} {past.status} created {past.created_at}")
        finally:
            dn.notebooks.delete(notebook.id)
            step("deleted notebook", notebook.id)

        try:
            dn.notebooks.get(notebook.id)
        except NotFoundError as error:
            step("reading it again fails cleanly", f"{type(error).__name__}: {error}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except DeepnoteError as error:
        sys.exit(f"quickstart failed: {type(error).__name__}: {error}")
