"""JSON rendering: records in, the response shapes of ``openapi.yaml`` out.

One method per schema, on a ``Renderer`` bound to one store (``fake.render``); each takes the
store's lock, so a response never mixes two states. Run snapshots (what a run produced) are
rendered by ``snapshots``.
"""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from . import snapshots
from .cron import CronExpression
from .records import (
    TERMINAL_STATUSES,
    Block,
    Folder,
    Integration,
    IntegrationTable,
    MachineType,
    Notebook,
    Project,
    ProjectMachine,
    Run,
    Schedule,
    SearchHits,
    Session,
    StreamlitApp,
)
from .seed import SEED_WORKSPACE_ID

if TYPE_CHECKING:
    from .store.core import StoreCore

__all__ = ["SNAPSHOT_DELIVERIES", "Renderer"]

JSON = dict[str, Any]
SNAPSHOT_DELIVERIES = ("inline", "downloadUrl", "blocks")


class Renderer:
    def __init__(self, store: StoreCore) -> None:
        self.store = store

    def page(self, key: str, items: list[JSON], next_token: str | None, page_size: int) -> JSON:
        """A page of a list operation: ``{key: items, "pagination": {...}}``."""
        pagination = {"nextPageToken": next_token, "hasMore": next_token is not None, "pageSize": page_size}
        return {key: items, "pagination": pagination}

    def notebook(self, notebook: Notebook) -> JSON:
        store = self.store
        with store.lock:
            data: JSON = {
                "id": notebook.id,
                "projectId": notebook.project_id,
                "name": notebook.name,
                "blocks": [_block(b) for b in notebook.blocks],
            }
            inputs = [_input(b) for b in notebook.blocks if b.input is not None]
            if inputs:  # present only when the notebook has input blocks (reference N2)
                data["inputs"] = inputs
            data["createdAt"] = store.iso(notebook.created_t)
            data["updatedAt"] = store.iso(notebook.updated_t)
            return data

    def project(self, project: Project, *, detail: bool = False) -> JSON:
        """A project as listed; with ``detail`` (GET and POST), also its files and static files."""
        store = self.store
        with store.lock:
            data: JSON = {
                "id": project.id,
                "name": project.name,
                "createdAt": store.iso(project.created_t),
                "updatedAt": store.iso(project.updated_t),
                "projectType": project.project_type,
                "folder": _folder(project.folder) if project.folder else None,
                "notebooks": [
                    self._project_notebook(project, store.notebooks[nid]) for nid in project.notebook_ids
                ],
            }
            if detail:
                data["files"] = list(project.files)
                data["staticFiles"] = {
                    "sharingEnabled": project.static_sharing_enabled,  # PATCH /projects/{id} sets these
                    "apiAccessEnabled": project.static_api_access_enabled,
                    "url": f"https://deepnote.example/static/{project.id}",
                }
            return data

    def _project_notebook(self, project: Project, notebook: Notebook) -> JSON:
        iso = self.store.iso
        last = notebook.runs[-1] if notebook.runs else None
        return {
            "id": notebook.id,
            "name": notebook.name,
            "createdAt": iso(notebook.created_t),
            "isInit": notebook.is_init,
            "isScheduled": project.schedule is not None and project.schedule.notebook_id == notebook.id,
            "lastRunAt": iso(last.created_t) if last else None,
            "lastRunId": last.id if last else None,
        }

    def schedule(self, schedule: Schedule) -> JSON:
        store = self.store
        with store.lock:
            now_local = store.wall(store.now(), ZoneInfo(schedule.timezone))
            following = CronExpression.parse(schedule.cron).next_after(now_local)
            data: JSON = {
                "notebookId": schedule.notebook_id,
                "cron": schedule.cron,
                "timezone": schedule.timezone,
            }
            if following is not None:
                data["nextRunAt"] = following.astimezone(UTC).isoformat().replace("+00:00", "Z")
            data["createdAt"] = store.iso(schedule.created_t)
            data["updatedAt"] = store.iso(schedule.updated_t)
            return data

    def run_summary(self, run: Run) -> JSON:
        """A run as listed (and, reduced to three fields, as ``POST /runs`` answers)."""
        store = self.store
        with store.lock:
            status = run.status(store.now())
            return {
                "runId": run.id,
                "notebookId": run.notebook_id,
                "status": status,
                "createdAt": store.iso(run.created_t),
                "completedAt": store.iso(run.end_t) if status in TERMINAL_STATUSES else None,
            }

    def run(self, run: Run, delivery: str, snapshot_base_url: str) -> JSON:
        """``GET /runs/{runId}``: the summary plus the snapshot, delivered as ``delivery`` asks
        (one of ``SNAPSHOT_DELIVERIES``) once it is available."""
        store = self.store
        with store.lock:
            data = self.run_summary(run)
            snapshot_status = run.snapshot_status(store.now())
            data["error"] = (
                "Internal error while running the notebook" if data["status"] == "internal_error" else None
            )
            data["snapshotStatus"] = snapshot_status
            ready = snapshot_status == "available"
            data["snapshotContent"] = (
                snapshots.document(store, run) if ready and delivery == "inline" else None
            )
            data["snapshotDownloadUrl"] = (
                f"{snapshot_base_url}/{run.id}?sig={snapshots.signature(store, run.id)}"
                if ready and delivery == "downloadUrl"
                else None
            )
            data["snapshotBlocks"] = snapshots.blocks(store, run) if ready and delivery == "blocks" else None
            return data

    def me(self) -> JSON:
        return {
            "apiKey": {"type": "workspace", "name": "fake key"},
            "user": {"id": "fake-user-1", "name": "Fake User", "email": "fake.user@example.com"},
            "workspace": {"id": SEED_WORKSPACE_ID, "slug": "fake-workspace", "name": "Fake workspace"},
            "accessLevel": "admin",
        }

    # --- blocks, search, sessions, integrations, machines, streamlit apps ---------------------

    def block(self, block: Block, notebook: Notebook) -> JSON:
        """A block as the Blocks API returns it (``Block``), with metadata, integration, version."""
        with self.store.lock:
            return {
                "id": block.id,
                "notebookId": notebook.id,
                "type": block.type,
                "content": block.content,
                "metadata": dict(block.metadata) if block.metadata is not None else None,
                "integrationId": block.integration_id,
                "version": block.version,
            }

    def search(self, hits: SearchHits) -> JSON:
        """``SearchResponse``: one list per searched type; ``partialFailure`` names the types that
        could not be searched (its field names are the fake's: the docs do not show them)."""
        with self.store.lock:
            results: JSON = {}
            if "projects" in hits.types:
                results["projects"] = [{"id": p.id, "name": p.name} for p in hits.projects]
            if "notebooks" in hits.types:
                results["notebooks"] = [
                    {"id": n.id, "name": n.name, "projectId": n.project_id} for n in hits.notebooks
                ]
            if "blocks" in hits.types:
                results["blocks"] = [
                    {"id": b.id, "notebookId": n.id, "type": b.type, "content": b.content}
                    for b, n in hits.blocks
                ]
            if "integrations" in hits.types:
                results["integrations"] = [_integration(i, metadata=False) for i in hits.integrations]
            data: JSON = {"results": results}
            if hits.failed:
                data["partialFailure"] = {
                    "types": list(hits.failed),
                    "message": f"Could not search: {', '.join(hits.failed)}",
                }
            return data

    def session(self, session: Session) -> JSON:
        """A session (its fields are the fake's; the docs do not show the schema)."""
        return {
            "id": session.id,
            "notebookId": session.notebook_id,
            "storageMode": session.storage_mode,
            "createdAt": self.store.iso(session.created_t),
        }

    def integration(self, integration: Integration, *, metadata: bool) -> JSON:
        return _integration(integration, metadata=metadata)

    def integration_with_tables(self, integration: Integration, tables: list[IntegrationTable]) -> JSON:
        return {**_integration(integration, metadata=False), "tables": [_table(t) for t in tables]}

    def machine_type(self, kind: MachineType) -> JSON:
        return {
            "id": kind.id,
            "name": kind.name,
            "type": kind.type,
            "vCpus": kind.v_cpus,
            "memoryGiB": kind.memory_gib,
            "gpuCount": kind.gpu_count,
            "available": kind.available,
            "unavailableReason": kind.unavailable_reason,
        }

    def machine(self, machine: ProjectMachine, kind: MachineType | None) -> JSON:
        data: JSON = {
            "status": machine.status,
            "error": machine.error,
            "startingPhase": machine.starting_phase,
            "idleShutdownSeconds": machine.idle_shutdown_seconds,
        }
        if kind is not None:
            data["type"] = self.machine_type(kind)
        return data

    def streamlit_app(self, app: StreamlitApp) -> JSON:
        return {
            "id": app.id,
            "projectId": app.project_id,
            "entrypoint": app.entrypoint,
            "url": f"https://deepnote.example/streamlit/{app.id}",
            "createdAt": self.store.iso(app.created_t),
        }


def _integration(integration: Integration, *, metadata: bool) -> JSON:
    data: JSON = {"id": integration.id, "name": integration.name, "type": integration.type}
    if metadata:
        data["metadata"] = dict(integration.metadata)
    return data


def _table(table: IntegrationTable) -> JSON:
    data: JSON = {"name": table.name, "schema": table.schema}
    if table.database is not None:
        data["database"] = table.database
    data["columns"] = [{"name": name, "nativeType": native} for name, native in table.columns]
    return data


def _block(block: Block) -> JSON:
    # GET notebook returns blocks as {id, type, content} and nothing more (reference N2).
    return {"id": block.id, "type": block.type, "content": block.content}


def _input(block: Block) -> JSON:
    assert block.input is not None
    data: JSON = {"blockId": block.id, "name": block.input.name, "type": block.type}
    data["value"] = block.input.value
    for key in ("label", "options", "multiple", "min", "max", "step"):
        value = getattr(block.input, key)
        if value is not None:
            data[key] = value
    return data


def _folder(folder: Folder) -> JSON:
    return {
        "id": folder.id,
        "name": folder.name,
        "path": [{"id": folder.id, "name": folder.name}],
        "isPathComplete": True,
    }
