"""Opaque, tamper-proof page tokens.

A token is ``base64url(payload) + "." + base64url(HMAC-SHA256(secret, payload))`` where the payload
names the list it belongs to (its *scope*, e.g. one notebook's runs, or the projects matching one
``nameContains`` filter) and the keyset cursor (the sequence number of the last item served).

Because the scope is inside the signed payload, a token from notebook A's runs is refused on
notebook B (400), and editing the cursor breaks the signature (400). The secret is random per fake,
so tokens do not survive a restart, like any opaque cursor.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os

from .errors import ApiError

__all__ = ["PageTokenCodec"]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class PageTokenCodec:
    """Signs and checks page tokens for one fake instance."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret if secret is not None else os.urandom(32)

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self._secret, payload, hashlib.sha256).digest()[:16]

    def encode(self, scope: str, after: int) -> str:
        payload = json.dumps({"s": scope, "a": after}, separators=(",", ":")).encode()
        return f"{_b64(payload)}.{_b64(self._sign(payload))}"

    def decode(self, token: str, scope: str) -> int:
        """Return the cursor of ``token``; 400 unless it was issued by this fake for ``scope``."""
        invalid = ApiError(400, "Invalid pageToken: pass a nextPageToken returned by this list")
        try:
            payload_b64, sig_b64 = token.split(".")
            payload, sig = _unb64(payload_b64), _unb64(sig_b64)
        except (ValueError, binascii.Error):
            raise invalid from None
        if not hmac.compare_digest(sig, self._sign(payload)):
            raise invalid
        data = json.loads(payload)
        if data.get("s") != scope:
            raise ApiError(400, "Invalid pageToken: it belongs to a different list or filter")
        after = data.get("a")
        if not isinstance(after, int):  # pragma: no cover - we signed it, so it is ours
            raise invalid
        return after
