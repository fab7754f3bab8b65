"""Schemathesis hooks shared by the in-process contract suite and ``make contract``.

``scripts/contract.py`` names this module in ``SCHEMATHESIS_HOOKS``; ``support.py`` imports it.
Project import takes an ``application/zip`` body (``format: binary``), which schemathesis has no
serializer for: it is sent as raw bytes, like ``application/octet-stream``.
"""

from __future__ import annotations

import schemathesis

schemathesis.serializer.alias("application/zip", "application/octet-stream")
