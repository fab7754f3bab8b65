"""Every fact of the seed page (Deepnote's Notebooks API reference) holds in openapi.yaml.

The page is committed verbatim in docs/reference/ and parsed here, so the comparison does not rest
on a second hand transcription: path, method, summary, description, each parameter (name, `in`,
required, type, format, description, default and maximum), the request body, and every status code
with its meaning, body schema and fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.spec_tools import ROOT, load_spec, resolve

SEED_PAGE = ROOT / "docs" / "reference" / "seed-notebooks-api.txt"

METHOD_LINE = re.compile(r"^(get|post|put|patch|delete)(/\S*)$")
PARAM_LINE = re.compile(
    r"^(?P<name>[a-z][A-Za-z0-9]*?)(?P<loc>path|query|header)(?P<req>required)?"
    r"(?P<type>string|integer|boolean|number)(?::(?P<format>[a-z-]+))?$"
)
# `required` is glued between the name and the type; when it is there it is the flag, not part of a
# type name such as `Idrequiredstring`: a line that contains it always splits there.
FIELD_LINE = re.compile(
    r"^(?P<name>[a-z][A-Za-z0-9]*?)(?:(?P<req>required)|(?!.*required))"
    r"(?P<type>string|integer|boolean|number|object|[A-Z][A-Za-z0-9]*(?:\[\])?)(?::(?P<format>[a-z-]+))?$"
)
STATUS_LINE = re.compile(r"^(?P<code>\d{3})(?P<meaning>\D.*)$")
CONTENT_LINE = re.compile(r"^application/json(?P<schema>\S+)$")


@dataclass
class SeedField:
    name: str
    required: bool
    type: str
    format: str | None
    location: str | None = None
    description: str = ""


@dataclass
class SeedResponse:
    code: str
    meaning: str
    schema: str | None = None
    fields: list[SeedField] = field(default_factory=list)


@dataclass
class SeedOperation:
    method: str
    path: str
    summary: str
    description: str | None
    parameters: list[SeedField] = field(default_factory=list)
    body_required: bool = False
    body_schema: str | None = None
    body_fields: list[SeedField] = field(default_factory=list)
    responses: list[SeedResponse] = field(default_factory=list)


def _field(match: re.Match[str]) -> SeedField:
    groups = match.groupdict()
    return SeedField(
        name=groups["name"],
        required=bool(groups["req"]),
        type=groups["type"],
        format=groups["format"],
        location=groups.get("loc"),
    )


def parse_seed(text: str) -> tuple[str, list[SeedOperation]]:
    """Parse the page: a title (and description) line before each `method/path` line, then
    `Parameters`, `Request body` and `Responses` sections."""
    base_url = ""
    pending: list[str] = []
    operations: list[SeedOperation] = []
    mode = "preamble"
    current_field: SeedField | None = None
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        if line.startswith("https://"):
            base_url, pending = line, []
            continue
        method_match = METHOD_LINE.match(line)
        if method_match:
            summary, *description = pending
            operations.append(
                SeedOperation(
                    method=method_match[1],
                    path=method_match[2],
                    summary=summary,
                    description=" ".join(description) or None,
                )
            )
            pending, mode, current_field = [], "operation", None
            continue
        op = operations[-1] if operations else None
        if op is not None and line in ("Parameters", "Request body", "Responses"):
            mode, current_field = line, None
            continue
        if mode == "Parameters" and op is not None:
            match = PARAM_LINE.match(line)
            if match:
                current_field = _field(match)
                op.parameters.append(current_field)
            elif current_field is not None:
                current_field.description += line
            continue
        if mode == "Request body" and op is not None:
            content = CONTENT_LINE.match(line)
            match = FIELD_LINE.match(line)
            if line == "required":
                op.body_required = True
            elif content:
                op.body_schema = content["schema"]
            elif match:
                current_field = _field(match)
                op.body_fields.append(current_field)
            elif current_field is not None:
                current_field.description += line
            continue
        if mode == "Responses" and op is not None:
            status = STATUS_LINE.match(line)
            content = CONTENT_LINE.match(line)
            match = FIELD_LINE.match(line)
            if status:
                op.responses.append(SeedResponse(status["code"], status["meaning"]))
            elif content:
                op.responses[-1].schema = content["schema"]
            elif match:
                op.responses[-1].fields.append(_field(match))
            else:  # the title of the next operation
                pending, mode = [line], "preamble"
            continue
        pending.append(line)
    return base_url, operations


BASE_URL, SEED_OPERATIONS = parse_seed(SEED_PAGE.read_text())
SPEC = load_spec()


def spec_operation(seed: SeedOperation) -> dict[str, Any]:
    return SPEC["paths"][seed.path][seed.method]


def spec_parameters(seed: SeedOperation) -> dict[str, dict[str, Any]]:
    item = SPEC["paths"][seed.path]
    params = [resolve(p)[1] for p in item.get("parameters", []) + item[seed.method].get("parameters", [])]
    return {p["name"]: p for p in params}


def assert_type(schema_node: dict[str, Any], seed_type: str, seed_format: str | None, where: str) -> None:
    """The seed writes a primitive (`string`), `object`, a schema name (`Notebook`) or a list (`X[]`)."""
    ref_name, schema = resolve(schema_node)
    if seed_type.endswith("[]"):
        assert schema.get("type") == "array", where
        assert resolve(schema["items"])[0] == seed_type[:-2], where
    elif seed_type[0].isupper():
        assert ref_name == seed_type, f"{where}: schema {ref_name!r}, seed {seed_type!r}"
    else:
        assert schema.get("type") == seed_type, f"{where}: type {schema.get('type')!r}, seed {seed_type!r}"
    assert schema.get("format") == seed_format, where


def test_parser_read_the_whole_page() -> None:
    # Guards the parser itself: if it silently missed sections, every other test would pass vacuously.
    assert BASE_URL == "https://api.deepnote.com/v2"
    assert [(op.method, op.path) for op in SEED_OPERATIONS] == [
        ("post", "/notebooks"),
        ("get", "/notebooks/{notebookId}"),
        ("delete", "/notebooks/{notebookId}"),
        ("get", "/notebooks/{notebookId}/runs"),
    ]
    assert sum(len(op.parameters) for op in SEED_OPERATIONS) == 5
    assert sum(len(op.responses) for op in SEED_OPERATIONS) == 23
    assert [f.name for f in SEED_OPERATIONS[0].body_fields] == ["projectId", "name"]


def test_base_url() -> None:
    assert [server["url"] for server in SPEC["servers"]] == [BASE_URL]


@pytest.mark.parametrize("seed", SEED_OPERATIONS, ids=lambda op: f"{op.method} {op.path}")
def test_operation_summary_and_description(seed: SeedOperation) -> None:
    op = spec_operation(seed)
    assert op["summary"] == seed.summary
    assert op["x-source"] == "seed"
    assert op["tags"] == ["Notebooks"]
    if seed.description is not None:
        assert op["description"] == seed.description


@pytest.mark.parametrize("seed", SEED_OPERATIONS, ids=lambda op: f"{op.method} {op.path}")
def test_parameters(seed: SeedOperation) -> None:
    params = spec_parameters(seed)
    assert sorted(params) == sorted(p.name for p in seed.parameters), "no parameter added or missing"
    for expected in seed.parameters:
        actual = params[expected.name]
        where = f"{seed.method} {seed.path} {expected.name}"
        assert actual["in"] == expected.location, where
        assert actual.get("required", False) is expected.required, where
        assert actual["description"] == expected.description, where
        assert_type(actual["schema"], expected.type, expected.format, where)
        default = re.search(r"Defaults to (\d+)\.", expected.description)
        maximum = re.search(r"Maximum: (\d+)\.", expected.description)
        schema = resolve(actual["schema"])[1]
        assert schema.get("default") == (int(default[1]) if default else None), where
        assert schema.get("maximum") == (int(maximum[1]) if maximum else None), where


def test_page_size_of_notebook_runs() -> None:
    # Spelled out as well, since it is the fact users rely on most.
    runs = next(op for op in SEED_OPERATIONS if op.path.endswith("/runs"))
    schema = spec_parameters(runs)["pageSize"]["schema"]
    assert (schema["type"], schema["default"], schema["maximum"]) == ("integer", 20, 100)


@pytest.mark.parametrize("seed", SEED_OPERATIONS, ids=lambda op: f"{op.method} {op.path}")
def test_request_body(seed: SeedOperation) -> None:
    body = spec_operation(seed).get("requestBody")
    if seed.body_schema is None:
        assert body is None
        return
    assert body["required"] is seed.body_required
    schema_node = body["content"]["application/json"]["schema"]
    name, schema = resolve(schema_node)
    assert name == seed.body_schema
    assert sorted(schema["properties"]) == sorted(f.name for f in seed.body_fields)
    assert sorted(schema.get("required", [])) == sorted(f.name for f in seed.body_fields if f.required)
    for expected in seed.body_fields:
        prop = schema["properties"][expected.name]
        assert prop["description"] == expected.description
        assert_type(prop, expected.type, expected.format, expected.name)


@pytest.mark.parametrize("seed", SEED_OPERATIONS, ids=lambda op: f"{op.method} {op.path}")
def test_responses(seed: SeedOperation) -> None:
    responses = spec_operation(seed)["responses"]
    # The seed predates the 429 that newer versions of the page list on every operation.
    assert set(responses) - {r.code for r in seed.responses} == {"429"}
    for expected in seed.responses:
        where = f"{seed.method} {seed.path} {expected.code}"
        _, response = resolve(responses[expected.code])
        assert response["description"] == expected.meaning, where
        if expected.schema is None:
            assert "content" not in response, where
            continue
        assert list(response["content"]) == ["application/json"], where
        schema_node = response["content"]["application/json"]["schema"]
        name, schema = resolve(schema_node)
        if expected.schema == "object":
            assert schema["type"] == "object", where
        else:
            assert name == expected.schema, where
        assert sorted(schema.get("required", [])) == sorted(f.name for f in expected.fields if f.required)
        for seed_field in expected.fields:
            assert_type(schema["properties"][seed_field.name], seed_field.type, seed_field.format, where)


def test_rate_limit_response_everywhere() -> None:
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            if method == "parameters":
                continue
            _, response = resolve(op["responses"]["429"])
            assert response["description"] == "Rate limit exceeded", f"{method} {path}"
            assert "Retry-After" in response["headers"], f"{method} {path}"
            assert resolve(response["content"]["application/json"]["schema"])[0] == "ErrorResponse"


def test_seed_page_is_the_committed_copy() -> None:
    # The shared reference may be updated; the committed copy is what this suite checks against.
    shared = ROOT.parent / "shared" / "reference" / SEED_PAGE.name
    if shared.exists():
        assert Path(shared).read_text() == SEED_PAGE.read_text()
    assert SEED_PAGE.stat().st_size > 2000
