from enum import StrEnum


class RunStatus(StrEnum):
    ERROR = "error"
    INTERNAL_ERROR = "internal_error"
    PENDING = "pending"
    RUNNING = "running"
    STOPPED = "stopped"
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
