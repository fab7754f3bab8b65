"""The operation registry: each operation of ``openapi.yaml`` is one handler, registered under the
spec's ``operationId`` with its method and path.

    @operation("getNotebook", "GET", "/notebooks/{notebookId}")
    async def get_notebook(request: Request, fake: FakeDeepnote) -> Response: ...

The handler parses and validates the request (400 naming the problem), calls the store's rule and
renders the response; the token is checked before it runs. ``tests/fake/test_operations.py``
asserts the registry's (operationId, method, path) set equals the spec's, so an operation missing
here fails ``make test`` instead of answering 404 with a well-formed error body.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..auth import Handler, StoreHandler, authenticated

__all__ = ["OPERATIONS", "Operation", "api_routes", "operation", "resource"]


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str  # upper case
    path: str  # relative to /v2, in the spec's template syntax (Starlette's too): /runs/{runId}
    handler: StoreHandler


OPERATIONS: dict[str, Operation] = {}


def operation(operation_id: str, method: str, path: str) -> Callable[[StoreHandler], StoreHandler]:
    """Register the decorated handler as ``operation_id``; refuses a second handler for the same
    operationId or the same method and path."""

    def register(handler: StoreHandler) -> StoreHandler:
        entry = Operation(operation_id, method.upper(), path, handler)
        if operation_id in OPERATIONS:
            raise ValueError(f"operation {operation_id} is registered twice")
        for other in OPERATIONS.values():
            if (other.method, other.path) == (entry.method, entry.path):
                raise ValueError(f"{entry.method} {path} is both {other.operation_id} and {operation_id}")
        OPERATIONS[operation_id] = entry
        return handler

    return register


def resource(path: str, handlers: dict[str, Handler]) -> Route:
    """One route per path, dispatching on the method, so a 405 lists every method in ``Allow``
    (separate Route objects per method would each advertise only their own). HEAD is GET."""

    async def endpoint(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await handlers[method](request)

    return Route(path, endpoint, methods=list(handlers))


def _specific_first(path: str) -> list[tuple[bool, str]]:
    # A literal segment sorts before a {parameter} at the same place, so /projects/search (say)
    # is matched before /projects/{projectId} can swallow it.
    return [(segment.startswith("{"), segment) for segment in path.split("/")]


def api_routes(operations: Iterable[Operation] | None = None) -> list[Route]:
    """Starlette routes (relative to ``/v2``) for ``operations``, by default every registered one."""
    by_path: dict[str, dict[str, Handler]] = {}
    for op in OPERATIONS.values() if operations is None else operations:
        by_path.setdefault(op.path, {})[op.method] = authenticated(op.handler)
    return [resource(path, by_path[path]) for path in sorted(by_path, key=_specific_first)]
