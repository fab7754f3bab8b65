"""Apache Airflow provider for Deepnote: run notebooks as tasks (``pip install '.[airflow]'``).

- ``DeepnoteHook``: an Airflow connection of type ``deepnote`` (the API token in the password, the
  base URL in the host, default ``https://api.deepnote.com/v2``) as a ``Deepnote`` client.
- ``DeepnoteRunNotebookOperator``: starts a run, pushes XCom ``run_id`` and ``run_url`` at once,
  waits (in the worker, or deferred to the triggerer with ``deferrable=True``) and returns the named
  outputs; a retried task re-attaches to its run instead of starting a second one.
- ``DeepnoteRunTrigger``: the deferred wait; ``DeepnoteRunLink``: the "Deepnote run" button.

Registered with Airflow through the ``apache_airflow_provider`` entry point (``get_provider_info``).
"""

from __future__ import annotations

from typing import Any

__all__ = ["get_provider_info"]


def get_provider_info() -> dict[str, Any]:
    """What Airflow's providers manager reads: the connection type and the extra link."""
    from deepnote_overlay import __version__

    return {
        "package-name": "deepnote-api-client",
        "name": "Deepnote",
        "description": "Run Deepnote notebooks from Airflow: https://deepnote.com",
        "versions": [__version__],
        "connection-types": [
            {"hook-class-name": "deepnote_airflow.hooks.DeepnoteHook", "connection-type": "deepnote"}
        ],
        "extra-links": ["deepnote_airflow.links.DeepnoteRunLink"],
        "triggers": [
            {"integration-name": "Deepnote", "python-modules": ["deepnote_airflow.triggers"]},
        ],
        "operators": [
            {"integration-name": "Deepnote", "python-modules": ["deepnote_airflow.operators"]},
        ],
        "hooks": [{"integration-name": "Deepnote", "python-modules": ["deepnote_airflow.hooks"]}],
    }
