"""Small helpers shared by the spec-driven tests: load openapi.yaml, follow $refs, build sample bodies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")

SAMPLE_UUID = "3f2b8c1e-0d4a-4b7e-9a51-6c2d8e9f0a1b"
SAMPLE_DATETIME = "2026-01-02T03:04:05+00:00"


@cache
def load_spec() -> dict[str, Any]:
    with SPEC_PATH.open() as f:
        spec: dict[str, Any] = yaml.safe_load(f)
    return spec


def resolve(node: dict[str, Any], spec: dict[str, Any] | None = None) -> tuple[str | None, dict[str, Any]]:
    """Follow `$ref` chains; return the last component name seen (None if inline) and the node."""
    spec = spec or load_spec()
    name = None
    while "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), ref
        name = ref.rsplit("/", 1)[-1]
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
    return name, node


def operations() -> Iterator[tuple[str, str, dict[str, Any], list[dict[str, Any]]]]:
    """Yield (method, path, operation, resolved parameters incl. path-level ones)."""
    spec = load_spec()
    for path, item in spec["paths"].items():
        shared = [resolve(p)[1] for p in item.get("parameters", [])]
        for method in HTTP_METHODS:
            if method in item:
                op = item[method]
                own = [resolve(p)[1] for p in op.get("parameters", [])]
                yield method, path, op, shared + own


def snake_case(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def sample(schema: dict[str, Any], depth: int = 0) -> Any:
    """A deterministic instance of `schema` with every property filled in (one item per array)."""
    _, schema = resolve(schema)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    if "oneOf" in schema:
        variants = [v for v in schema["oneOf"] if resolve(v)[1].get("type") != "null"]
        return sample(variants[0], depth + 1)
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            merged.update(sample(part, depth + 1))
        return merged
    kind = schema.get("type", "object")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "object":
        props = schema.get("properties")
        if not props:
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict):
                return {"key": sample(extra, depth + 1)}
            return {"undocumentedField": 1}
        return {key: sample(value, depth + 1) for key, value in props.items()}
    if kind == "array":
        return [sample(schema["items"], depth + 1)]
    if kind == "string":
        return {"uuid": SAMPLE_UUID, "date-time": SAMPLE_DATETIME}.get(schema.get("format", ""), "text")
    if kind == "integer":
        return 7
    if kind == "number":
        return 2.5
    if kind == "boolean":
        return True
    raise AssertionError(f"no sample for schema {schema!r}")
