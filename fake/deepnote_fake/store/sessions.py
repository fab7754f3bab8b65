"""Session rules (reference 6.4, SE1-SE2, beta): a session anchored to a notebook starts a run of
it at once (the run follows the same clock and outcome knobs as ``POST /runs``); code sent to a
session is not executed but answered from a small table of shapes (see ``execute``), a user-code
exception as an error output with HTTP 200. The inactivity timeout is not documented and not
modelled: a session lives until the fake is reset.
"""

from __future__ import annotations

import ast
import re
import uuid
from collections.abc import Mapping
from typing import Any

from ..errors import ApiError
from ..records import Run, Session
from .runs import RunRules

__all__ = ["SessionRules", "execute"]

_RAISE = re.compile(r"^\s*raise\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s*$", re.DOTALL)
_PRINT = re.compile(r"^\s*print\((.*)\)\s*$", re.DOTALL)


class SessionRules(RunRules):
    def create_session(
        self, notebook_id: str, *, inputs: Mapping[str, Any] | None = None, storage_mode: str | None = None
    ) -> tuple[Session, Run]:
        with self.lock:
            if not self.sessions_enabled:
                raise ApiError(403, "Sessions are not enabled for this workspace")
            notebook = self._notebook(notebook_id)  # 404 unknown, 409 suspended (reference 6.4, SE1)
            run = self.create_run(notebook.id, detached=True, inputs=inputs)
            session = Session(
                str(uuid.uuid4()), notebook.id, storage_mode or "read_write", run.id, self.now()
            )
            self.sessions[session.id] = session
            return session, run

    def execute_in_session(self, session_id: str, notebook_id: str, code: str) -> list[dict[str, Any]]:
        with self.lock:
            session = self.sessions.get(session_id.lower())
            if session is None:
                raise ApiError(404, "Session not found")
            if notebook_id != session.notebook_id:
                raise ApiError(400, "notebookId must be the notebook the session is anchored to")
            return execute(code)


def execute(code: str) -> list[dict[str, Any]]:
    """Jupyter-style outputs for ``code``, without running it: ``raise Name("msg")`` gives an error
    output, ``print(<literal>)`` a stdout stream, anything else no output."""
    raised = _RAISE.match(code)
    if raised:
        name, argument = raised.group(1), raised.group(2) or ""
        try:
            value = str(ast.literal_eval(argument)) if argument.strip() else ""
        except (ValueError, SyntaxError):
            value = argument
        return [{"output_type": "error", "ename": name, "evalue": value, "traceback": [f"{name}: {value}"]}]
    printed = _PRINT.match(code)
    if printed:
        try:
            text = str(ast.literal_eval(printed.group(1)))
        except (ValueError, SyntaxError):
            text = printed.group(1)
        return [{"output_type": "stream", "name": "stdout", "text": text + "\n"}]
    return []
