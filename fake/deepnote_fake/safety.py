"""The front door's refusals: foreign ``Host`` names and request bodies past their limit.

Guarantees:

- ``host_allowed`` accepts loopback names only (``localhost``, ``*.localhost``, ``127.0.0.0/8``,
  ``::1``, with any port) plus the names a user allowed, so a web page that rebinds its own DNS name
  to 127.0.0.1 cannot drive the fake from a browser.
- ``bounded_receive`` never reads more than one message past a body limit: a ``Content-Length``
  over the limit is refused before any byte of the body is read; a body without one is read until
  it ends or passes the limit.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from starlette.types import Message, Receive, Scope

from .store import FakeDeepnote

__all__ = ["MULTIPART_OVERHEAD", "body_limit", "bounded_receive", "header", "host_allowed", "normalize_host"]

MULTIPART_OVERHEAD = 64 * 1024
"""What a multipart upload may carry besides the file: boundaries, part headers, ``projectId``, ``path``."""


def header(scope: Scope, name: bytes) -> str | None:
    """The first ``name`` header of the request (lowercase ``name``), or None."""
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


def normalize_host(host: str) -> str:
    """``host`` without its port, brackets and trailing dot, lowercase: ``[::1]:80`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        host = host[1 : host.find("]")] if "]" in host else host[1:]
    elif host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.removesuffix(".")


def host_allowed(host: str, allowed: Iterable[str] = ()) -> bool:
    """True when the ``Host`` header ``host`` names loopback, or one of ``allowed`` (normalized)."""
    name = normalize_host(host)
    if name in allowed or name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def body_limit(fake: FakeDeepnote, content_type: str | None) -> tuple[int, str]:
    """The largest body a request may carry, and the 413 message past it, by its media type.

    Each handler accepts one media type, so the type picks the limit: ``multipart/form-data`` is an
    upload (``max_file_bytes`` plus ``MULTIPART_OVERHEAD``), ``application/zip`` an import
    (``max_import_bytes``), anything else JSON (``max_json_bytes``).
    """
    media = (content_type or "").split(";")[0].strip().lower()
    if media == "multipart/form-data":
        return fake.max_file_bytes + MULTIPART_OVERHEAD, "File too large"
    if media == "application/zip":
        return fake.max_import_bytes, "Archive too large"
    return fake.max_json_bytes, f"Request body too large (more than {fake.max_json_bytes} bytes)"


async def bounded_receive(scope: Scope, receive: Receive, limit: int) -> Receive | None:
    """A ``receive`` that yields a body of at most ``limit`` bytes, or None when it is larger.

    With ``Content-Length``, the header decides before anything is read (the server enforces the
    length). Without it (chunked), the body is read here until it ends, or until it passes
    ``limit`` (then None: the rest is never read), and replayed to the handler.
    """
    length = header(scope, b"content-length")
    if length is not None and length.strip().isdigit():
        return None if int(length) > limit else receive
    buffered: list[Message] = []
    size = 0
    while True:
        message = await receive()
        buffered.append(message)
        if message["type"] != "http.request":  # the client hung up: the handler sees it too
            break
        size += len(message.get("body", b""))
        if size > limit:
            return None
        if not message.get("more_body", False):
            break
    replay = iter(buffered)

    async def replay_receive() -> Message:
        return next(replay, None) or await receive()

    return replay_receive
