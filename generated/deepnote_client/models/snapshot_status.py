from enum import StrEnum


class SnapshotStatus(StrEnum):
    AVAILABLE = "available"
    PENDING = "pending"
    UNAVAILABLE = "unavailable"

    def __str__(self) -> str:
        return str(self.value)
