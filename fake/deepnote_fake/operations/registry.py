"""The rule registry: each operation of ``openapi.yaml`` is one rule, registered by operationId.

    @rule("getNotebook")
    async def get_notebook(request: Request, fake: FakeDeepnote, notebook_id: str) -> JSON:
        return fake.render.notebook(fake.get_notebook(notebook_id))

Guarantees:

- Method, path, path-parameter checks and the response's status, media type and wrapper come from
  the spec (``deepnote_fake.spec``), never from the rule. A rule receives the request, the store
  and the operation's path parameters (decoded, in path order, a ``format: uuid`` one already
  checked: 400 ``"<name> must be a UUID"``), after the token check; it parses the rest of the
  request (400 naming the problem), calls the store and returns the payload:
  - a wrapped JSON success (one required property, ``{"notebook": ...}``): the wrapped value;
  - another JSON success: the whole body; no-body success (204): ``None``;
  - another media type: ``bytes``, or an async iterator of ``bytes`` (streamed, chunked);
  - ``Reply(status, payload)`` to choose among several documented 2xx (one documented 2xx is
    implied). An undocumented status or a payload of the wrong kind is a ``RuntimeError`` (500).
  - a Starlette ``Response``, sent as it is: only for answers off the spec on purpose (the run
    operations' older shapes, ``run_shapes``).
- ``api_routes`` refuses to build (``SpecError``) when an operation of the spec has no rule or a
  rule names no operation of the spec, naming each one, so no app, test run or contract run starts
  with a route missing (which would answer a documented 404 and pass unseen).
- ``operation_of(routes, method, path)`` names the operation a request is routed to (HEAD is GET),
  the same matching the router does; the app records it with each request.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from ..auth import Handler, authenticated
from ..spec import SpecError, SpecOperation, spec_operations
from ..store import FakeDeepnote
from ..validation import require_uuid

__all__ = ["RULES", "Reply", "Rule", "api_routes", "operation_of", "resource", "rule"]

Rule = Callable[..., Awaitable[Any]]  # (request, fake, *path parameters) -> payload or Reply

RULES: dict[str, Rule] = {}


@dataclass(frozen=True)
class Reply:
    """A payload sent with one of the operation's documented 2xx statuses."""

    status: int
    payload: Any


def rule(operation_id: str) -> Callable[[Rule], Rule]:
    """Register the decorated coroutine as the rule of ``operation_id``; refuses a second one."""

    def register(handler: Rule) -> Rule:
        if operation_id in RULES:
            raise ValueError(f"operation {operation_id} has two rules")
        RULES[operation_id] = handler
        return handler

    return register


def _path_args(request: Request, operation: SpecOperation) -> list[str]:
    """The path parameters, decoded (the app keeps ``%`` and ``/`` inside a segment encoded while
    routing, see ``app.routing_path``) and checked against their format."""
    values = []
    for param in operation.path_params:
        value = unquote(str(request.path_params[param.name]))
        if param.format == "uuid":
            require_uuid(value, param.name)
        values.append(value)
    return values


def _response(operation: SpecOperation, result: Any) -> Response:
    if isinstance(result, Response):
        return result
    if isinstance(result, Reply):
        status, payload = result.status, result.payload
    elif len(operation.successes) == 1:
        status, payload = operation.successes[0].status, result
    else:
        raise RuntimeError(f"{operation.operation_id} documents {operation.statuses}: return a Reply")
    success = next((s for s in operation.successes if s.status == status), None)
    if success is None:
        raise RuntimeError(f"{operation.operation_id} does not document {status} (only {operation.statuses})")
    if success.media_type is None:
        if payload is not None:
            raise RuntimeError(f"{operation.operation_id} {status} has no body; the rule returned one")
        return Response(status_code=status)
    if success.media_type == "application/json":
        body = {success.wrapper: payload} if success.wrapper is not None else payload
        return JSONResponse(body, status_code=status)
    if isinstance(payload, bytes):
        return Response(payload, status_code=status, media_type=success.media_type)
    if isinstance(payload, AsyncIterator):
        return StreamingResponse(payload, status_code=status, media_type=success.media_type)
    raise RuntimeError(f"{operation.operation_id} {status} is {success.media_type}: return bytes or chunks")


def endpoint(operation: SpecOperation, handler: Rule) -> Handler:
    """The Starlette endpoint of ``operation``: token, path parameters, the rule, the response."""

    async def serve(request: Request, fake: FakeDeepnote) -> Response:
        args = _path_args(request, operation)
        return _response(operation, await handler(request, fake, *args))

    serve.__name__ = getattr(handler, "__name__", operation.operation_id)
    serve.__doc__ = handler.__doc__
    return authenticated(serve)


class OperationRoute(Route):
    """One route per path, dispatching on the method, so a 405 lists every method in ``Allow``
    (separate Route objects per method would each advertise only their own). HEAD is GET.
    ``operation_ids`` maps each method to the operation it serves."""

    def __init__(self, path: str, handlers: dict[str, Handler], operation_ids: Mapping[str, str]) -> None:
        self.operation_ids = dict(operation_ids)
        super().__init__(path, _dispatch(handlers), methods=list(handlers))


def _dispatch(handlers: dict[str, Handler]) -> Handler:
    async def dispatch(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await handlers[method](request)

    return dispatch


def resource(path: str, handlers: dict[str, Handler]) -> Route:
    """A route for ``path`` serving ``handlers`` by method (the ``/_fake`` controls use it)."""
    return Route(path, _dispatch(handlers), methods=list(handlers))


def _specific_first(path: str) -> list[tuple[bool, str]]:
    # A literal segment sorts before a {parameter} at the same place, so /projects/search (say)
    # is matched before /projects/{projectId} can swallow it.
    return [(segment.startswith("{"), segment) for segment in path.split("/")]


def api_routes(
    rules: Mapping[str, Rule] | None = None, operations: Iterable[SpecOperation] | None = None
) -> list[OperationRoute]:
    """Starlette routes (relative to ``/v2``) for ``operations`` (by default every operation of
    the spec) served by ``rules`` (by default every registered rule); ``SpecError`` naming each
    operation without a rule and each rule without an operation."""
    rules = RULES if rules is None else rules
    operations = list(spec_operations().values() if operations is None else operations)
    missing = [op.operation_id for op in operations if op.operation_id not in rules]
    unknown = sorted(set(rules) - {op.operation_id for op in operations})
    if missing or unknown:
        problems = []
        if missing:
            problems.append(f"no rule for {', '.join(missing)} (openapi.yaml documents it)")
        if unknown:
            problems.append(f"rule for {', '.join(unknown)}, which openapi.yaml does not document")
        raise SpecError(f"the fake cannot serve the spec: {'; '.join(problems)}")
    by_path: dict[str, dict[str, Handler]] = {}
    ids: dict[str, dict[str, str]] = {}
    for op in operations:
        by_path.setdefault(op.path, {})[op.method] = endpoint(op, rules[op.operation_id])
        ids.setdefault(op.path, {})[op.method] = op.operation_id
    return [OperationRoute(path, by_path[path], ids[path]) for path in sorted(by_path, key=_specific_first)]


def operation_of(routes: Iterable[BaseRoute], method: str, path: str) -> str | None:
    """The operationId ``method path`` (relative to ``/v2``, as routed) is served by, else None."""
    method = "GET" if method == "HEAD" else method
    for route in routes:
        if (
            isinstance(route, OperationRoute)
            and method in route.operation_ids
            and route.path_regex.match(path)
        ):
            return route.operation_ids[method]
    return None
