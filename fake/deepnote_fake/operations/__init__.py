"""Every ``/v2`` operation of the fake: one rule each, registered by the spec's operationId.

Guarantees: importing this package registers every rule (``RULES``); one module per tag of
``openapi.yaml``, like ``deepnote_client.api``; a new tag's module is added to the import below.
``api_routes`` builds the routes from the spec and refuses a spec operation without a rule.
"""

from __future__ import annotations

from . import (
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
from .registry import RULES, Reply, Rule, api_routes, operation_of, resource, rule

__all__ = [
    "RULES",
    "Reply",
    "Rule",
    "api_routes",
    "blocks",
    "files",
    "integrations",
    "machines",
    "me",
    "notebooks",
    "operation_of",
    "projects",
    "resource",
    "rule",
    "runs",
    "search",
    "sessions",
    "streamlit_apps",
]
