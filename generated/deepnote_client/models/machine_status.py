from ..types import OpenStrEnum


class MachineStatus(OpenStrEnum):
    ERROR = "error"
    RUNNING = "running"
    STARTING = "starting"
    STOPPED = "stopped"
    STOPPING = "stopping"
