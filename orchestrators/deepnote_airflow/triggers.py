"""``DeepnoteRunTrigger``: waits for a Deepnote run in Airflow's triggerer (deferrable mode).

Guarantees:

- Serializable (``serialize()``): the run id, the connection id, the poll interval and the
  deadline (Unix seconds), so a triggerer restart resumes the same wait.
- Polls with ``AsyncDeepnote``, riding out 429s, 5xx answers and dropped connections (the client's
  own retries, then the run wait's) until the deadline.
- Yields one event: ``status`` (the run's final status, or ``timeout`` / ``error``), ``run_id``,
  ``url``, and for a failed run ``failure`` (the failing block and its error, from the snapshot);
  ``message`` for ``timeout`` / ``error``. Never the token.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

from airflow.triggers.base import BaseTrigger, TriggerEvent

from deepnote_overlay import APIConnectionError, DeepnoteError, RateLimitError, RunTimeoutError, ServerError

from .hooks import DeepnoteHook

__all__ = ["DeepnoteRunTrigger", "run_event"]

_TRANSIENT = (RateLimitError, ServerError, APIConnectionError)


def run_event(run_id: str, url: str | None, status: str, **details: Any) -> dict[str, Any]:
    """The event a wait ends with (also what the operator's own wait builds)."""
    return {"run_id": run_id, "url": url, "status": status, **details}


class DeepnoteRunTrigger(BaseTrigger):
    """Waits for Deepnote run ``run_id`` to end, or for ``deadline`` (Unix seconds)."""

    def __init__(
        self,
        run_id: str,
        *,
        deadline: float,
        poll_interval: float = 10.0,
        deepnote_conn_id: str = DeepnoteHook.default_conn_name,
    ) -> None:
        super().__init__()
        self.run_id = run_id
        self.deadline = deadline
        self.poll_interval = poll_interval
        self.deepnote_conn_id = deepnote_conn_id

    def serialize(self) -> tuple[str, dict[str, Any]]:
        return (
            f"{type(self).__module__}.{type(self).__qualname__}",
            {
                "run_id": self.run_id,
                "deadline": self.deadline,
                "poll_interval": self.poll_interval,
                "deepnote_conn_id": self.deepnote_conn_id,
            },
        )

    async def run(self) -> AsyncIterator[TriggerEvent]:
        yield TriggerEvent(await self._wait())

    async def _wait(self) -> dict[str, Any]:
        import asyncio

        async with await DeepnoteHook(self.deepnote_conn_id).get_async_client() as dn:
            while True:  # attaching is one getRun: an outage at that moment is waited out too
                try:
                    run = await dn.runs.attach(self.run_id)
                    break
                except _TRANSIENT as error:
                    if time.time() + self.poll_interval > self.deadline:
                        return run_event(
                            self.run_id, None, "timeout", message=f"{type(error).__name__}: {error}"
                        )
                    await asyncio.sleep(self.poll_interval)
                except DeepnoteError as error:
                    return run_event(self.run_id, None, "error", message=f"{type(error).__name__}: {error}")
            try:
                remaining = max(self.deadline - time.time(), 0.001)
                result = await run.wait(
                    poll_interval=self.poll_interval, max_poll_interval=self.poll_interval, timeout=remaining
                )
                if result.failure is not None:  # the snapshot names the failing block
                    result = await run.wait(outputs=True, timeout=max(self.deadline - time.time(), 1.0))
            except RunTimeoutError as error:
                return run_event(self.run_id, run.url, "timeout", message=str(error))
            except DeepnoteError as error:
                return run_event(self.run_id, run.url, "error", message=f"{type(error).__name__}: {error}")
            failure = result.failure
            return run_event(
                self.run_id, run.url, result.status, failure=None if failure is None else failure.describe()
            )
