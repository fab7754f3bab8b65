"""Every ``/v2`` operation of the fake, one handler each, registered under the spec's operationId.

One module per tag of ``openapi.yaml``, like ``deepnote_client.api``; importing them fills
``OPERATIONS``. A new tag's module is added to the import below.
"""

from __future__ import annotations

from . import (
    files,  # issue 11b
    me,
    notebooks,
    projects,
    runs,
)
from .registry import OPERATIONS, Operation, api_routes, operation, resource

__all__ = [
    "OPERATIONS",
    "Operation",
    "api_routes",
    "files",
    "me",
    "notebooks",
    "operation",
    "projects",
    "resource",
    "runs",
]
