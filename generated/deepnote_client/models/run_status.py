from ..types import OpenStrEnum


class RunStatus(OpenStrEnum):
    ERROR = "error"
    INTERNAL_ERROR = "internal_error"
    PENDING = "pending"
    RUNNING = "running"
    STOPPED = "stopped"
    SUCCESS = "success"
