"""Every ``/v2`` operation of the fake, one handler each, registered under the spec's operationId.

One module per tag of ``openapi.yaml``, like ``deepnote_client.api``; importing them fills
``OPERATIONS``. A new tag's module is added to the import below.
"""

from __future__ import annotations

from . import (  # issue 11a and 11b (files)
    blocks,
    files,
    integrations,
    machines,
    me,
    notebooks,
    projects,
    runs,
    search,
    sessions,
    streamlit_apps,
)
from .registry import OPERATIONS, Operation, api_routes, operation, resource

__all__ = [
    "OPERATIONS",
    "Operation",
    "api_routes",
    "blocks",
    "files",
    "integrations",
    "machines",
    "me",
    "notebooks",
    "operation",
    "projects",
    "resource",
    "runs",
    "search",
    "sessions",
    "streamlit_apps",
]
