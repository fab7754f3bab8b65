"""Streamlit app rules (reference 6.7, ST1-ST3): the entrypoint must be a file of the project,
one app per entrypoint, no app in a suspended project; status ``unavailable``, then ``starting``,
then ``running`` as the clock moves (``streamlit_unavailable_seconds``, ``..._starting_seconds``).
"""

from __future__ import annotations

import uuid

from ..errors import ApiError
from ..records import StreamlitApp
from .core import StoreCore

__all__ = ["StreamlitAppRules"]


class StreamlitAppRules(StoreCore):
    def create_streamlit_app(self, project_id: str, entrypoint: str) -> StreamlitApp:
        with self.lock:
            project = self._project(project_id)
            if project.suspended:
                raise ApiError(409, "Project is suspended")
            if entrypoint not in {f.get("path") for f in project.files}:
                raise ApiError(404, "Entrypoint file not found")
            for app in self.streamlit_apps.values():
                if app.project_id == project.id and app.entrypoint == entrypoint:
                    raise ApiError(409, "Streamlit app already exists")
            app = StreamlitApp(
                str(uuid.uuid4()),
                project.id,
                entrypoint,
                self.now(),
                self.streamlit_unavailable_seconds,
                self.streamlit_starting_seconds,
            )
            self.streamlit_apps[app.id] = app
            return app

    def list_streamlit_apps(self, project_id: str) -> list[StreamlitApp]:
        with self.lock:
            project = self._project(project_id)
            return [a for a in self.streamlit_apps.values() if a.project_id == project.id]

    def streamlit_app_status(self, app_id: str) -> str:
        with self.lock:
            app = self.streamlit_apps.get(app_id.lower())
            if app is None:
                raise ApiError(404, "Streamlit app not found")
            return app.status(self.now())
