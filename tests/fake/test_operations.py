"""One handler per operation of openapi.yaml, registered under its operationId.

A route missing from the fake answers 404 with a well-formed error body, which the contract tests
accept as documented, so these tests compare the fake's routes with the spec directly. Every count
here comes from the spec.
"""

from __future__ import annotations

import pytest

from deepnote_fake import FakeDeepnoteApp, create_app
from deepnote_fake.operations import OPERATIONS, api_routes, operation
from tests.spec_tools import operations as spec_operations

SPEC_OPERATIONS = {
    str(op["operationId"]): (method.upper(), path) for method, path, op, _ in spec_operations()
}


def served_routes(app: FakeDeepnoteApp) -> set[tuple[str, str]]:
    """(method, path) pairs the app's ``/v2`` router serves (HEAD is GET's shadow)."""
    pairs = set()
    for route in app.api.routes:
        path = route.path
        for method in route.methods or ():
            if method != "HEAD":
                pairs.add((method, path))
    return pairs


def assert_routes_match_spec(app: FakeDeepnoteApp) -> None:
    expected = set(SPEC_OPERATIONS.values())
    served = served_routes(app)
    by_route = {route: op_id for op_id, route in SPEC_OPERATIONS.items()}
    missing = sorted(f"{by_route[r]} ({r[0]} {r[1]})" for r in expected - served)
    extra = sorted(f"{m} {p}" for m, p in served - expected)
    assert not missing and not extra, f"the fake lacks {missing}; serves undocumented {extra}"


def test_the_spec_has_operations() -> None:
    assert SPEC_OPERATIONS  # the comparisons below are not vacuous


def test_every_spec_operation_is_registered_under_its_operation_id() -> None:
    registered = {op_id: (op.method, op.path) for op_id, op in OPERATIONS.items()}
    assert registered == SPEC_OPERATIONS


def test_the_app_serves_exactly_the_spec_routes() -> None:
    assert_routes_match_spec(create_app())


@pytest.mark.parametrize("removed", sorted(SPEC_OPERATIONS))
def test_a_missing_route_fails_the_suite(removed: str) -> None:
    app = create_app()
    app.api.routes = api_routes(op for op in OPERATIONS.values() if op.operation_id != removed)
    with pytest.raises(AssertionError) as failure:
        assert_routes_match_spec(app)
    assert removed in str(failure.value)
    method, path = SPEC_OPERATIONS[removed]
    assert (method, path) not in served_routes(app)
    assert len(served_routes(app)) == len(SPEC_OPERATIONS) - 1


def test_an_operation_cannot_be_registered_twice() -> None:
    existing = next(iter(OPERATIONS.values()))

    async def handler(*_: object) -> None:  # never called
        raise AssertionError

    with pytest.raises(ValueError, match="registered twice"):
        operation(existing.operation_id, "GET", "/elsewhere")(handler)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=f"is both {existing.operation_id}"):
        operation("someNewOperation", existing.method, existing.path)(handler)  # type: ignore[arg-type]
    assert "someNewOperation" not in OPERATIONS
