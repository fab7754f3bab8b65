"""Request validation that mirrors the schemas in ``openapi.yaml`` and names the offending field.

Bodies and query parameters are checked by hand rather than derived from the spec, on purpose: the
contract tests compare the spec with an independent implementation, so a mistake in either one
shows up as a failure. Path parameters are the exception: their format decides routing, so
``operations.registry`` checks them as the spec declares them (``require_uuid`` for ``uuid``).

Guarantees: every refusal is an ``ApiError`` (400 with a message naming the problem), never another
exception; a JSON body nested deeper than ``MAX_JSON_DEPTH`` is refused without recursing into it,
so no body, however deep, reaches the interpreter's recursion limit.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

from starlette.requests import Request

from .errors import ApiError

__all__ = [
    "MAX_JSON_DEPTH",
    "bad",
    "comma_list",
    "input_value_ok",
    "json_body",
    "opt_bool",
    "opt_enum",
    "opt_int",
    "opt_object",
    "opt_str",
    "page_request",
    "path_param",
    "query_flag",
    "reject_unknown",
    "req_str",
    "require_uuid",
    "string_list",
]

_INT = re.compile(r"^[+-]?[0-9]+$")

MAX_JSON_DEPTH = 64
"""Deepest nesting of arrays and objects a JSON body may have (the spec's bodies need a handful)."""


def bad(message: str) -> ApiError:
    return ApiError(400, message)


def path_param(request: Request, name: str) -> str:
    """A path parameter, decoded: the app keeps ``%`` and ``/`` inside a segment percent-encoded
    while routing (see ``app.routing_path``), so an id containing ``/`` stays one segment."""
    return unquote(str(request.path_params[name]))


async def json_body(request: Request) -> dict[str, Any]:
    """The request's JSON object body; 400 when it is missing, not JSON, or not an object."""
    content_type = request.headers.get("content-type", "")
    if content_type.split(";")[0].strip().lower() != "application/json":
        raise bad("Request body must be JSON (Content-Type: application/json)")
    raw = await request.body()
    try:
        body = json.loads(raw)
    except RecursionError:  # deeper than the decoder's own limit: certainly deeper than ours
        raise _too_deep() from None
    except (ValueError, UnicodeDecodeError):
        raise bad("Request body is not valid JSON") from None
    if not isinstance(body, dict):
        raise bad("Request body must be a JSON object")
    _check_values(body)
    return body


def _too_deep() -> ApiError:
    return bad(f"Request body is nested too deeply (more than {MAX_JSON_DEPTH} levels of arrays and objects)")


def _check_values(body: dict[str, Any]) -> None:
    """400 when ``body`` nests deeper than ``MAX_JSON_DEPTH`` or holds a lone surrogate.

    Iterative (an explicit stack), so the check itself never recurses.
    """
    stack: list[tuple[Any, int]] = [(body, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if not _valid_unicode(value):
                # JSON allows "\udc00", but a lone surrogate is not text: refuse it rather than
                # store a name that cannot be encoded in the response.
                raise bad("Request body contains invalid Unicode (a lone surrogate escape)")
        elif isinstance(value, (dict, list)):
            if depth > MAX_JSON_DEPTH:
                raise _too_deep()
            items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)


def _valid_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_uuid(value: str) -> bool:
    # JSON Schema's "uuid" format is RFC 4122's hyphenated form only (no braces, no urn:, no hex-only).
    if len(value) != 36:
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return all(value[i] == "-" for i in (8, 13, 18, 23))


def require_uuid(value: str, name: str) -> str:
    if not is_uuid(value):
        raise bad(f"{name} must be a UUID")
    return value


def req_str(body: Mapping[str, Any], key: str, *, min_length: int = 0, uuid_format: bool = False) -> str:
    if key not in body:
        raise bad(f"{key} is required")
    value = body[key]
    if not isinstance(value, str):
        raise bad(f"{key} must be a string")
    if len(value) < min_length:
        raise bad(f"{key} must not be empty")
    if uuid_format:
        require_uuid(value, key)
    return value


def opt_str(body: Mapping[str, Any], key: str, *, uuid_format: bool = False) -> str | None:
    if key not in body:
        return None
    return req_str(body, key, uuid_format=uuid_format)


def opt_bool(body: Mapping[str, Any], key: str) -> bool | None:
    if key not in body:
        return None
    value = body[key]
    if not isinstance(value, bool):
        raise bad(f"{key} must be a boolean")
    return value


def opt_enum(body: Mapping[str, Any], key: str, allowed: tuple[str, ...]) -> str | None:
    value = opt_str(body, key)
    if value is not None and value not in allowed:
        raise bad(f"{key} must be one of {', '.join(allowed)}")
    return value


def string_list(value: Any, key: str) -> list[str]:
    """A non-empty list of unique strings (``minItems: 1, uniqueItems: true``)."""
    if not isinstance(value, list):
        raise bad(f"{key} must be an array of strings")
    if not value:
        raise bad(f"{key} must not be empty")
    if not all(isinstance(item, str) for item in value):
        raise bad(f"{key} must contain only strings")
    if len(set(value)) != len(value):
        raise bad(f"{key} must not contain duplicates")
    return list(value)


def page_request(request: Request, default_size: int) -> tuple[int, str | None]:
    """``pageSize`` (an integer in 1..100, ``default_size`` when absent) and ``pageToken``."""
    token = request.query_params.get("pageToken")
    raw = request.query_params.get("pageSize")
    if raw is None:
        return default_size, token
    if not _INT.match(raw):
        raise bad("pageSize must be an integer")
    value = int(raw)
    if not 1 <= value <= 100:
        raise bad("pageSize must be between 1 and 100")
    return value, token


def input_value_ok(value: Any) -> bool:
    """``NotebookInputValue``: a string, a boolean, or a list of strings."""
    if isinstance(value, (str, bool)):
        return True
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


# --- integers, objects, unknown fields, query flags and lists ------------------------------------


def opt_int(body: Mapping[str, Any], key: str, *, minimum: int | None = None) -> int | None:
    if key not in body:
        return None
    value = body[key]
    # JSON has one number type: 3.0 is an integer to JSON Schema, true is not.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise bad(f"{key} must be an integer")
    if minimum is not None and value < minimum:
        raise bad(f"{key} must be at least {minimum}")
    return int(value)


def opt_object(body: Mapping[str, Any], key: str) -> dict[str, Any] | None:
    if key not in body:
        return None
    value = body[key]
    if not isinstance(value, dict):
        raise bad(f"{key} must be an object")
    return value


def reject_unknown(body: Mapping[str, Any], allowed: set[str]) -> None:
    """400 naming the fields of an ``additionalProperties: false`` body that it does not allow."""
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise bad(f"Unknown field(s): {', '.join(unknown)}")


def query_flag(request: Request, name: str) -> bool | None:
    """A ``"true"`` / ``"false"`` query parameter; absent is ``None``."""
    raw = request.query_params.get(name)
    if raw is None:
        return None
    if raw not in ("true", "false"):
        raise bad(f'{name} must be "true" or "false"')
    return raw == "true"


def comma_list(
    raw: str, name: str, allowed: tuple[str, ...] | None = None, *, uuids: bool = False
) -> list[str]:
    """A comma-separated query value: no empty items, each in ``allowed`` or a UUID when asked."""
    items = raw.split(",")
    for item in items:
        if not item:
            raise bad(f"{name} must be a comma-separated list without empty items")
        if allowed is not None and item not in allowed:
            raise bad(f"{name} items must be among {', '.join(allowed)}")
        if uuids and not is_uuid(item):
            raise bad(f"{name} must be a comma-separated list of UUIDs")
    return items
