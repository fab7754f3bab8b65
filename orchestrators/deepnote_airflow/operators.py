"""``DeepnoteRunNotebookOperator``: run a Deepnote notebook as an Airflow task.

Guarantees:

- ``createRun`` is sent at most once per task attempt (the client never replays it), and the run id
  is stored in the task's state store before waiting starts. A retry of the task (or a new attempt
  after the worker died) re-attaches to that run while it is going or after it succeeded, and starts
  a new run only after a failed one (Airflow's ``ResumableJobMixin`` decides, as for Databricks).
- XCom ``run_id`` and ``run_url`` are pushed as soon as the run exists (again on re-attaching:
  Airflow clears a task's XComs when a new try starts); the extra link "Deepnote run" reads
  ``run_url``.
- The task's return value is the named outputs (``outputs=`` takes the client's bindings,
  ``deepnote_overlay.output``) as a dict; ``None`` without ``outputs``.
- A failed run fails the task with the run id, its link, the failing block and its error in the
  message and the log (``raise_on_failure=False`` logs it and returns instead). A run still going
  at ``timeout`` fails the task; the run goes on in Deepnote.
- ``deferrable=True`` (default: Airflow's ``[operators] default_deferrable``) hands the wait to
  ``DeepnoteRunTrigger``, which rides out 429s, 5xx and dropped connections until the timeout.
- ``on_kill`` logs the run id and link and says the run continues: Deepnote has no API to stop it.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from airflow.sdk import BaseOperator, ResumableJobMixin
from airflow.sdk.configuration import conf
from airflow.sdk.exceptions import AirflowException

from deepnote_overlay import RunResult, RunTimeoutError
from deepnote_overlay.output import Binding

from .hooks import DeepnoteHook
from .links import XCOM_RUN_ID, XCOM_RUN_URL, DeepnoteRunLink
from .triggers import DeepnoteRunTrigger

__all__ = ["DeepnoteRunNotebookOperator"]

TERMINAL = frozenset({"success", "error", "internal_error", "stopped"})


class DeepnoteRunNotebookOperator(ResumableJobMixin, BaseOperator):
    """Run Deepnote notebook ``notebook_id`` with ``inputs``; return its named ``outputs``."""

    template_fields = ("notebook_id", "inputs")
    operator_extra_links = (DeepnoteRunLink(),)
    external_id_key = "deepnote_run_id"

    def __init__(
        self,
        *,
        notebook_id: str,
        inputs: Mapping[str, Any] | None = None,
        outputs: Mapping[str, Binding] | None = None,
        wait_for_termination: bool = True,
        deferrable: bool = conf.getboolean("operators", "default_deferrable", fallback=False),
        poll_interval: float = 10.0,
        timeout: float = 3600.0,
        raise_on_failure: bool = True,
        deepnote_conn_id: str = DeepnoteHook.default_conn_name,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.notebook_id = notebook_id
        self.inputs = inputs
        self.outputs = outputs
        self.wait_for_termination = wait_for_termination
        self.deferrable = deferrable
        self.poll_interval = poll_interval
        self.timeout = timeout
        self.raise_on_failure = raise_on_failure
        self.deepnote_conn_id = deepnote_conn_id
        self.run_id: str | None = None
        self.run_url: str | None = None

    def _hook(self) -> DeepnoteHook:
        return DeepnoteHook(self.deepnote_conn_id)

    def _remember(self, context: Any, run_id: str, url: str | None) -> None:
        self.run_id, self.run_url = run_id, url
        context["ti"].xcom_push(key=XCOM_RUN_ID, value=run_id)
        context["ti"].xcom_push(key=XCOM_RUN_URL, value=url or "")
        self.log.info("Deepnote run %s: %s", run_id, url or "(no link)")

    def execute(self, context: Any) -> Any:
        if not self.wait_for_termination:
            self.submit_job(context)
            return None
        return self.execute_resumable(context)

    # --- ResumableJobMixin: start, look up, wait, read ------------------------------------------

    def submit_job(self, context: Any) -> str:
        with self._hook().get_client() as dn:
            run = dn.runs.start(self.notebook_id, inputs=dict(self.inputs) if self.inputs else None)
        self._remember(context, run.id, run.url)
        return run.id

    def get_job_status(self, external_id: Any, context: Any) -> str:
        with self._hook().get_client() as dn:
            run = dn.runs.attach(str(external_id))
        self._remember(context, run.id, run.url)
        return run.status

    def is_job_active(self, status: str) -> bool:
        return status not in TERMINAL

    def is_job_succeeded(self, status: str) -> bool:
        return status == "success"

    def poll_until_complete(self, external_id: Any, context: Any) -> None:
        run_id = str(external_id)
        if self.deferrable:
            trigger = DeepnoteRunTrigger(
                run_id,
                deadline=time.time() + self.timeout,
                poll_interval=self.poll_interval,
                deepnote_conn_id=self.deepnote_conn_id,
            )
            self.defer(trigger=trigger, method_name="execute_complete")
        with self._hook().get_client() as dn:
            run = dn.runs.attach(run_id)
            try:
                result = run.wait(
                    poll_interval=self.poll_interval,
                    max_poll_interval=self.poll_interval,
                    timeout=self.timeout,
                )
                if result.failure is not None:  # the snapshot names the failing block
                    result = run.wait(outputs=True, timeout=self.timeout)
            except RunTimeoutError as error:
                raise AirflowException(f"{error}; the run goes on in Deepnote: {run.url or run_id}") from None
        self._check(
            run_id, run.url, result.status, None if result.failure is None else result.failure.describe()
        )

    def get_job_result(self, external_id: Any, context: Any) -> Any:
        if not self.outputs:
            return None
        with self._hook().get_client() as dn:
            result: RunResult = dn.runs.attach(str(external_id)).wait(
                outputs=self.outputs, timeout=self.timeout
            )
        return dict(result.values)

    def execute_complete(self, context: Any, event: dict[str, Any]) -> Any:
        """Where a deferred task resumes: the trigger's event says how the run ended."""
        run_id, url, status = event["run_id"], event.get("url"), event["status"]
        self._remember(context, run_id, url)
        if status in ("timeout", "error"):
            raise AirflowException(f"Deepnote run {run_id} ({url or 'no link'}): {event.get('message')}")
        self._check(run_id, url, status, event.get("failure"))
        return self.get_job_result(run_id, context)

    def _check(self, run_id: str, url: str | None, status: str, failure: str | None) -> None:
        if status == "success":
            return
        message = f"Deepnote run {run_id} ({url or 'no link'}) {failure or f'ended with status {status}'}"
        if self.raise_on_failure:
            raise AirflowException(message)
        self.log.warning("%s", message)

    def on_kill(self) -> None:
        if self.run_id is not None:
            self.log.warning(
                "Task killed; Deepnote run %s (%s) continues in Deepnote (the API cannot stop a run)",
                self.run_id,
                self.run_url or "no link",
            )
