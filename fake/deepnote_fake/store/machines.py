"""Machine rules (reference 6.6, MA1-MA2): the machine types and a project's editor machine.

Start, stop, restart and the machine settings have no known path, so the fake has no operation for
them; a test sets ``fake.machine(project_id).status`` itself.
"""

from __future__ import annotations

from ..records import MachineType, ProjectMachine
from .core import StoreCore

__all__ = ["MachineRules"]


class MachineRules(StoreCore):
    def list_machine_types(self) -> list[MachineType]:
        with self.lock:
            return list(self.machine_types)

    def machine(self, project_id: str) -> ProjectMachine:
        """The project's machine record (created stopped on first use), for tests to steer."""
        with self.lock:
            self._project(project_id)
            return self.machines.setdefault(project_id, ProjectMachine())

    def get_machine(self, project_id: str) -> tuple[ProjectMachine, MachineType | None]:
        with self.lock:
            machine = self.machine(project_id)
            kind = next((t for t in self.machine_types if t.id == machine.machine_type_id), None)
            return machine, kind
