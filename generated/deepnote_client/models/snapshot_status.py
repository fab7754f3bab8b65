from ..types import OpenStrEnum


class SnapshotStatus(OpenStrEnum):
    AVAILABLE = "available"
    PENDING = "pending"
    UNAVAILABLE = "unavailable"
