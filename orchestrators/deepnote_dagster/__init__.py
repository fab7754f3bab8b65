"""Dagster resource for Deepnote: run notebooks from assets and ops (``pip install '.[dagster]'``).

Guarantees:

- ``DeepnoteResource(token=EnvVar("DEEPNOTE_TOKEN"))`` is a Dagster ``ConfigurableResource``; its
  ``run_notebook(...)`` starts a run, waits for it (``dn.run_notebook``: the client's retries, rate
  limiting and run polling) and returns the ``RunResult``.
- Given the asset's or op's ``context``, it attaches ``run_url`` (a URL) and ``run_id`` as output
  metadata, so the run is one click away in Dagster's UI.
- A failed run raises ``RunFailedError`` (the failing block and its error) unless
  ``raise_on_failure=False``. ``createRun`` is sent once: a run is never started twice by a retry of
  the client; a retry of the Dagster step starts a new run.
- The token is never logged (a Dagster ``EnvVar`` keeps it out of the run's config too).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dagster import ConfigurableResource, MetadataValue
from pydantic import Field

from deepnote_overlay import Deepnote, RunResult
from deepnote_overlay.output import Binding

__all__ = ["DeepnoteResource"]


class DeepnoteResource(ConfigurableResource):  # type: ignore[misc]
    """A Deepnote client for Dagster: ``deepnote.run_notebook(notebook_id, context=context)``."""

    token: str = Field(description="Deepnote API token; use EnvVar('DEEPNOTE_TOKEN').")
    base_url: str = Field(default="https://api.deepnote.com/v2", description="The API's base URL.")
    poll_interval: float = Field(default=5.0, description="Seconds between polls while a run goes on.")
    timeout: float = Field(default=3600.0, description="Seconds to wait for a run before failing.")

    def run_notebook(
        self,
        notebook_id: str,
        *,
        context: Any = None,
        inputs: Mapping[str, Any] | None = None,
        outputs: bool | Mapping[str, Binding] = False,
        output_type: Callable[..., Any] | None = None,
        raise_on_failure: bool = True,
    ) -> RunResult:
        """Run ``notebook_id`` with ``inputs`` and wait for it; ``outputs`` names the values to read
        (``deepnote_overlay.output`` bindings), as ``Deepnote.run_notebook`` does."""
        with Deepnote(self.token, base_url=self.base_url) as dn:
            run = dn.runs.start(notebook_id, inputs=inputs)
            if context is not None:
                context.log.info(f"Deepnote run {run.id}: {run.url or '(no link)'}")
            result = run.wait(
                outputs=outputs,
                output_type=output_type,
                raise_on_failure=raise_on_failure,
                poll_interval=self.poll_interval,
                timeout=self.timeout,
            )
        if context is not None:
            metadata: dict[str, Any] = {"run_id": result.run_id}
            if result.url:
                metadata["run_url"] = MetadataValue.url(result.url)
            context.add_output_metadata(metadata)
        return result
