"""Hand-written methods that the generated resources gain, found by name when the facade is generated.

Guarantees:

- For a spec tag ``X`` (attribute ``x`` on ``Deepnote``), a class ``XHelpers`` here becomes a base
  of the generated ``XResource`` and ``AsyncXHelpers`` a base of ``AsyncXResource``;
  ``scripts/generate_facade.py`` fails when a helper's name is also an operation's method name.
- Helpers are thin: each forwards to the overlay function of the same purpose with the resource's
  client, with that function's own signature (``client_function``), so they never drift from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .resource import ImportedOnFirstCall, Resource, client_function

if TYPE_CHECKING:
    from .runs import await_run, wait_for_run
else:
    await_run = ImportedOnFirstCall(".runs", "await_run")
    wait_for_run = ImportedOnFirstCall(".runs", "wait_for_run")

__all__ = ["AsyncRunsHelpers", "RunsHelpers"]


class RunsHelpers(Resource):
    """``dn.runs.wait(run_id, timeout=...)``: ``wait_for_run`` on this client."""

    __slots__ = ()

    wait = client_function(wait_for_run)


class AsyncRunsHelpers(Resource):
    """``await dn.runs.wait(run_id, timeout=...)``: ``await_run`` on this client."""

    __slots__ = ()

    wait = client_function(await_run)
