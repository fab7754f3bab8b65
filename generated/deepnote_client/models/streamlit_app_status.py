from ..types import OpenStrEnum


class StreamlitAppStatus(OpenStrEnum):
    RUNNING = "running"
    STARTING = "starting"
    UNAVAILABLE = "unavailable"
