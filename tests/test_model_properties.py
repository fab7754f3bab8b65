"""Property tests of the generated models, on documents Hypothesis builds from the spec's schemas.

For every success response schema of every operation:

- a valid document parses, and the model's ``to_dict()`` gives the document back;
- the same holds when enums carry values the spec does not list and objects carry extra fields
  (lenient reading: nothing the server sends is lost);
- a document with one value of the wrong JSON type raises ``ParseError`` whose ``path`` names
  exactly that value (``notebook.blocks[3].id``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deepnote_client import models
from deepnote_client.errors import ParseError
from tests.spec_tools import load_spec, operations, resolve

SPEC = load_spec()

JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=5))
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=2), st.dictionaries(st.text(max_size=4), inner, max_size=2)
    ),
    max_leaves=4,
)
# A value of each JSON type, to put where another type belongs.
SAMPLE_OF_TYPE: dict[str, Any] = {
    "string": "wrong",
    "integer": 7,
    "number": 1.5,
    "boolean": True,
    "null": None,
    "array": [],
    "object": {},
}
DATETIMES = st.datetimes(
    min_value=datetime.datetime(2000, 1, 1),
    max_value=datetime.datetime(2100, 1, 1),
    timezones=st.sampled_from([datetime.UTC, datetime.timezone(datetime.timedelta(hours=2))]),
).map(lambda moment: moment.isoformat())


def success_schemas() -> list[str]:
    """Component names of every success (2xx) JSON response schema."""
    names = set()
    for _, _, operation, _ in operations():
        for code, response in operation["responses"].items():
            content = response.get("content", {}).get("application/json") if code.startswith("2") else None
            if content is not None:
                name, _ = resolve(content["schema"], SPEC)
                assert name is not None
                names.add(name)
    return sorted(names)


SCHEMAS = success_schemas()


def merged(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with its ``$ref`` followed and ``allOf`` parts merged into one object schema."""
    _, schema = resolve(schema, SPEC)
    if "allOf" not in schema:
        return schema
    result: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
    for part in schema["allOf"]:
        part = merged(part)
        result["properties"].update(part.get("properties", {}))
        result["required"] += part.get("required", [])
    return result


def documents(schema: dict[str, Any], *, lenient: bool) -> st.SearchStrategy[Any]:
    """Valid documents of ``schema``; with ``lenient``, also unknown enum values and extra fields."""
    schema = merged(schema)
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        known = st.sampled_from(schema["enum"])
        return (
            st.one_of(known, st.text(min_size=1, max_size=6).map(lambda s: f"new-{s}")) if lenient else known
        )
    if "oneOf" in schema:
        return st.one_of(*(documents(option, lenient=lenient) for option in schema["oneOf"]))
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of(*(documents({**schema, "type": one}, lenient=lenient) for one in kind))
    if kind == "null":
        return st.none()
    if kind == "string":
        if schema.get("format") == "date-time":
            return DATETIMES
        if schema.get("format") == "uuid":
            return st.uuids().map(str)
        return st.text(max_size=8)
    if kind == "integer":
        return st.integers(-1000, 1000)
    if kind == "number":
        return st.one_of(st.integers(-1000, 1000), st.floats(allow_nan=False, allow_infinity=False))
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        return st.lists(documents(schema["items"], lenient=lenient), max_size=3)
    properties = schema.get("properties", {})
    additional = schema.get("additionalProperties")
    if not properties and isinstance(additional, dict):
        return st.dictionaries(st.text(max_size=6), documents(additional, lenient=lenient), max_size=3)
    if not properties:  # an open object whose shape is not documented
        return st.dictionaries(st.text(max_size=6), JSON_VALUES, max_size=3)
    required = set(schema.get("required", []))
    fixed = st.fixed_dictionaries(
        {name: documents(prop, lenient=lenient) for name, prop in properties.items() if name in required},
        optional={
            name: documents(prop, lenient=lenient)
            for name, prop in properties.items()
            if name not in required
        },
    )
    if not lenient or additional is False:
        return fixed
    extra = st.dictionaries(st.text(max_size=6).map(lambda s: f"extra_{s}"), JSON_VALUES, max_size=2)
    return st.tuples(fixed, extra).map(lambda pair: {**pair[1], **pair[0]})


def accepted_types(schema: dict[str, Any]) -> set[str] | None:
    """The JSON types ``schema`` accepts, or ``None`` when it accepts anything (or only a const)."""
    schema = merged(schema)
    if "const" in schema:
        return None
    if "enum" in schema:
        return {"string"}
    if "oneOf" in schema:
        found: set[str] = set()
        for option in schema["oneOf"]:
            types = accepted_types(option)
            if types is None:
                return None
            found |= types
        return found
    kind = schema.get("type", "object" if "properties" in schema else None)
    if kind is None:
        return None
    types = set(kind) if isinstance(kind, list) else {kind}
    return types | {"integer"} if "number" in types else types


def typed_locations(
    schema: dict[str, Any], doc: Any, path: tuple[str | int, ...] = (), *, optional: bool = False
) -> Iterator[tuple[tuple[str | int, ...], set[str]]]:
    """Every location in ``doc`` whose schema accepts a known set of JSON types: (path, types)."""
    schema = merged(schema)
    types = accepted_types(schema)
    if path and types is not None:
        # By design an optional enum field sent as null reads as absent (see the model template).
        yield path, types | {"null"} if optional and "enum" in schema else types
    if "oneOf" in schema or isinstance(schema.get("type"), list):
        return  # which option a value took is not tracked; its own location was yielded above
    if isinstance(doc, list) and "items" in schema:
        for index, item in enumerate(doc):
            yield from typed_locations(schema["items"], item, (*path, index))
    elif isinstance(doc, dict):
        required = set(schema.get("required", []))
        for name, prop in schema.get("properties", {}).items():
            if name in doc:
                yield from typed_locations(prop, doc[name], (*path, name), optional=name not in required)


def replaced(doc: Any, path: tuple[str | int, ...], value: Any) -> Any:
    if not path:
        return value
    head, *rest = path
    copy = list(doc) if isinstance(doc, list) else dict(doc)
    copy[head] = replaced(doc[head], tuple(rest), value)  # type: ignore[index]
    return copy


def written(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


PROPERTY_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("lenient", [False, True], ids=["valid", "unknown-enum-values-and-extra-fields"])
@pytest.mark.parametrize("schema_name", SCHEMAS)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_a_document_parses_and_round_trips(schema_name: str, lenient: bool, data: st.DataObject) -> None:
    doc = data.draw(documents({"$ref": f"#/components/schemas/{schema_name}"}, lenient=lenient))
    model = getattr(models, schema_name).from_dict(doc)
    assert model.to_dict() == doc


@pytest.mark.parametrize("schema_name", SCHEMAS)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_a_value_of_the_wrong_type_is_a_parse_error_naming_its_path(
    schema_name: str, data: st.DataObject
) -> None:
    schema = {"$ref": f"#/components/schemas/{schema_name}"}
    doc = data.draw(documents(schema, lenient=False))
    locations = list(typed_locations(schema, doc))
    if not locations:
        return
    path, types = data.draw(st.sampled_from(locations))
    wrong = data.draw(st.sampled_from(sorted(set(SAMPLE_OF_TYPE) - types)))
    with pytest.raises(ParseError) as caught:
        getattr(models, schema_name).from_dict(replaced(doc, path, SAMPLE_OF_TYPE[wrong]))
    assert caught.value.path == written(path)
    assert caught.value.reason.startswith("expected")
