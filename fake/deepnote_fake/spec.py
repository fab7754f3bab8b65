"""What the fake's routing reads from ``openapi.yaml``: each operation's method, path, path
parameters and documented successes.

Guarantees:

- ``spec_operations()`` lists every operation of the spec, in the spec's order, keyed by
  operationId; it reads the file once per process (libyaml's parser when PyYAML has it).
- A path parameter is a ``uuid`` (``format: uuid``: the hyphenated RFC 4122 form, else 400) or
  opaque (a plain string: any non-empty segment). Any other parameter schema (another type,
  format, ``pattern``, ...) is refused with ``SpecError`` naming the operation, so a new kind of
  id is a decision, never silently unchecked.
- A success is each documented 2xx, with its media type (``None`` for no body) and its wrapper: a
  JSON object schema with exactly one property, and that one required (``{"notebook": ...}``),
  wraps the handler's payload under that key; any other JSON body is the payload itself.
- The spec is ``deepnote_fake/openapi.yaml`` in an installed wheel (``pyproject.toml`` puts it
  there), else the repository's ``openapi.yaml`` (a source checkout or editable install).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

__all__ = [
    "HTTP_METHODS",
    "PathParam",
    "SpecError",
    "SpecOperation",
    "Success",
    "load_spec",
    "spec_operations",
    "spec_path",
]

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
PATH_PARAM_FORMATS = (None, "uuid")
_PATH_PARAM_KEYS = {"type", "format", "description"}


class SpecError(ValueError):
    """``openapi.yaml`` says something the fake's routing cannot serve as written."""


@dataclass(frozen=True)
class PathParam:
    name: str
    format: str | None  # one of PATH_PARAM_FORMATS


@dataclass(frozen=True)
class Success:
    status: int
    media_type: str | None  # None: no body (204)
    wrapper: str | None  # the one required key of a JSON object body, else None


@dataclass(frozen=True)
class SpecOperation:
    operation_id: str
    method: str  # upper case
    path: str  # relative to /v2, in the spec's template syntax (Starlette's too): /runs/{runId}
    path_params: tuple[PathParam, ...]  # in the order they appear in the path
    successes: tuple[Success, ...]  # documented 2xx, by status

    @property
    def statuses(self) -> tuple[int, ...]:
        return tuple(success.status for success in self.successes)


def spec_path() -> Path:
    packaged = resources.files("deepnote_fake").joinpath("openapi.yaml")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "openapi.yaml"


@cache
def load_spec() -> dict[str, Any]:
    import yaml  # the [fake] extra's; only routing needs it

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with spec_path().open("rb") as f:
        spec: dict[str, Any] = yaml.load(f, Loader=loader)  # a safe loader
    return spec


def _resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _path_params(
    spec: dict[str, Any], operation_id: str, path: str, parameters: list[dict[str, Any]]
) -> tuple[PathParam, ...]:
    declared = {}
    for parameter in parameters:
        if parameter.get("in") != "path":
            continue
        name = str(parameter["name"])
        schema = _resolve(spec, parameter.get("schema", {}))
        fmt = schema.get("format")
        if schema.get("type") != "string" or fmt not in PATH_PARAM_FORMATS or set(schema) - _PATH_PARAM_KEYS:
            raise SpecError(
                f"{operation_id}: path parameter {name} has schema {schema}; the fake serves "
                f"strings of format {', '.join(str(f) for f in PATH_PARAM_FORMATS)} only"
            )
        declared[name] = PathParam(name, fmt)
    in_path = [segment[1:-1] for segment in path.split("/") if segment.startswith("{")]
    if sorted(in_path) != sorted(declared):
        raise SpecError(f"{operation_id}: path {path} and its path parameters {sorted(declared)} differ")
    return tuple(declared[name] for name in in_path)


def _wrapper(spec: dict[str, Any], schema: dict[str, Any]) -> str | None:
    schema = _resolve(spec, schema)
    properties = schema.get("properties", {})
    if schema.get("type") == "object" and len(properties) == 1 and schema.get("required") == list(properties):
        return str(next(iter(properties)))
    return None


def _successes(spec: dict[str, Any], operation_id: str, responses: dict[str, Any]) -> tuple[Success, ...]:
    found = []
    for status, response in responses.items():
        if not str(status).startswith("2"):
            continue
        content = _resolve(spec, response).get("content", {})
        if len(content) > 1:
            raise SpecError(f"{operation_id} {status}: one media type per success, not {sorted(content)}")
        media_type = next(iter(content), None)
        wrapper = None
        if media_type == "application/json":
            wrapper = _wrapper(spec, content[media_type].get("schema", {}))
        found.append(Success(int(status), media_type, wrapper))
    if not found:
        raise SpecError(f"{operation_id} documents no 2xx response")
    return tuple(sorted(found, key=lambda success: success.status))


def operations_of(spec: dict[str, Any]) -> dict[str, SpecOperation]:
    """Every operation of ``spec`` (a loaded OpenAPI document), keyed by operationId."""
    found: dict[str, SpecOperation] = {}
    for path, item in spec["paths"].items():
        shared = [_resolve(spec, p) for p in item.get("parameters", [])]
        for method in HTTP_METHODS:
            if method not in item:
                continue
            op = item[method]
            operation_id = str(op["operationId"])
            own = [_resolve(spec, p) for p in op.get("parameters", [])]
            found[operation_id] = SpecOperation(
                operation_id,
                method.upper(),
                str(path),
                _path_params(spec, operation_id, str(path), shared + own),
                _successes(spec, operation_id, op["responses"]),
            )
    return found


@cache
def spec_operations() -> Mapping[str, SpecOperation]:
    """Every operation of the fake's ``openapi.yaml``, keyed by operationId (read once; read-only)."""
    return MappingProxyType(operations_of(load_spec()))
