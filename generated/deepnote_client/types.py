"""Contains some shared types for properties"""

import logging
import os
from collections.abc import Mapping, MutableMapping
from enum import StrEnum
from http import HTTPStatus
from pathlib import PurePath
from typing import IO, Any, BinaryIO, Generic, Literal, Self, TypeVar, cast
from urllib.parse import quote
from uuid import UUID

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    # Deepnote client change: reads as UNSET in the models' repr.
    def __repr__(self) -> str:
        return "UNSET"

    # Deepnote client change: pickle as a reference to UNSET, so a model sent to or from another
    # process (or inside a pickled error) still holds the one UNSET and compares equal.
    def __reduce__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()


# Deepnote client change: models hold their additional properties as None until the first one
# (see model.py.jinja); attrs compares them through this key, so None and {} are equal.
def extras_eq_key(extras: dict[str, Any] | None) -> dict[str, Any] | None:
    """The value attrs compares for a model's additional properties: None when there are none."""
    return extras or None


# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        # Deepnote client change: a file part always carries a filename. httpx leaves it out when
        # it is None, and a multipart server then reads the part as a text field, not a file. The
        # default is the payload's own file name, else "upload".
        name = (
            self.file_name
            or PurePath(str(getattr(self.payload, "name", "") or "")).name
            or "upload"
        )
        return name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


# Deepnote client change: enums that keep values newer than this client (see str_enum.py.jinja).
_logger = logging.getLogger("deepnote_client")

# Deepnote client change: drift logging. With DEEPNOTE_LOG_DRIFT=1 (read once, at import) each field
# or enum value an answer holds and the spec does not list is logged once per schema path, at INFO
# on the "deepnote_client.drift" logger, with the path and the JSON kind of the value, never the
# value. Both hooks sit on the paths that only run for such a field or value, so with the flag off
# a parse costs what it did.
_drift_logger = logging.getLogger("deepnote_client.drift")
_LOG_DRIFT = os.environ.get("DEEPNOTE_LOG_DRIFT", "") == "1"
_drift_seen: set[str] = set()
_DRIFT_PATHS_MAX = 1024  # a server sending endless new keys cannot grow the set without bound
_JSON_KINDS = {
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
    list: "array",
    dict: "object",
}


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    return _JSON_KINDS.get(type(value), type(value).__name__)


def _log_drift(path: str, what: str, value: object) -> None:
    if path in _drift_seen or len(_drift_seen) >= _DRIFT_PATHS_MAX:
        return
    _drift_seen.add(path)
    _drift_logger.info(
        "%s: %s the spec does not list (value kind: %s)", path, what, _json_kind(value)
    )


def unknown_fields(
    src_dict: Mapping[str, Any], known: frozenset[str], schema: str
) -> dict[str, Any]:
    """The keys of ``src_dict`` not in ``known`` (a model's extras), logged as drift when asked."""
    extras = {key: value for key, value in src_dict.items() if key not in known}
    if _LOG_DRIFT:
        for key, value in extras.items():
            _log_drift(f"{schema}.{key}", "a field", value)
    return extras


class OpenStrEnum(StrEnum):
    """A string enum that also holds values the spec does not list yet.

    ``RunStatus("queued_somewhere")`` does not raise: it gives a ``RunStatus`` whose ``value`` is
    ``"queued_somewhere"``, whose ``name`` is ``"UNKNOWN"`` and whose ``is_known`` is false. It
    compares equal to its string, is never identical to a listed member, and serialises back as
    the same string, so a response with a new value parses and a request may carry one.
    """

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        if not isinstance(value, str):
            return None
        _logger.debug(
            "%s: value %r is not in the spec; kept as an unknown member", cls.__name__, value
        )
        if _LOG_DRIFT:
            _log_drift(cls.__name__, "an enum value", value)
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    @classmethod
    def parse(cls, value: str) -> Self:
        """The member for ``value``, listed or not; what the models' ``from_dict`` use (faster than ``cls(value)``)."""
        member = cls._value2member_map_.get(value)
        return cls(value) if member is None else cast(Self, member)

    @property
    def is_known(self) -> bool:
        """Whether this value is one the spec lists."""
        return type(self)._value2member_map_.get(self._value_) is self

    def __str__(self) -> str:
        return str(self._value_)


# Deepnote client change: path parameters are checked and encoded in one place.
def opaque_id(value: object) -> str:
    """An opaque id as the API writes it: a ``uuid.UUID`` as its 32 hex digits (Deepnote's
    notebook ids are UUIDs written without dashes), anything else as its text."""
    return value.hex if isinstance(value, UUID) else str(value)


def path_segment(name: str, value: object, *, opaque: bool = False) -> str:
    """``value`` as one URL path segment; ``ValueError`` naming ``name`` if it is empty, ``.`` or ``..``.

    Percent-encoding keeps ``/`` inside one segment, but an empty, ``.`` or ``..`` segment would
    still change which resource the request reaches, so those are refused before sending. An
    ``opaque`` id (a string id without ``format: uuid``) given as a ``uuid.UUID`` is written as
    ``opaque_id`` writes it; an id with ``format: uuid`` in the dashed form.
    """
    text = opaque_id(value) if opaque else str(value)
    if text in ("", ".", ".."):
        raise ValueError(f"path parameter {name!r} must not be empty, '.' or '..' (got {text!r})")
    return quote(text, safe="")


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "OpenStrEnum",
    "RequestFiles",
    "Response",
    "Unset",
    "opaque_id",
    "path_segment",
]
