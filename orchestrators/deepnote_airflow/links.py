"""``DeepnoteRunLink``: the operator's "Deepnote run" button, to the run's page in Deepnote."""

from __future__ import annotations

from typing import Any

from airflow.sdk import BaseOperatorLink
from airflow.sdk.execution_time.xcom import XCom

__all__ = ["XCOM_RUN_ID", "XCOM_RUN_URL", "DeepnoteRunLink"]

XCOM_RUN_ID = "run_id"
XCOM_RUN_URL = "run_url"


class DeepnoteRunLink(BaseOperatorLink):
    """The run page of the task's Deepnote run (the XCom ``run_url``)."""

    name = "Deepnote run"

    def get_link(self, operator: Any, *, ti_key: Any) -> str:
        url = XCom.get_value(ti_key=ti_key, key=XCOM_RUN_URL)
        return url if isinstance(url, str) else ""
