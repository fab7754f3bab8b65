from ..types import OpenStrEnum


class ProjectType(OpenStrEnum):
    AGENT = "agent"
    NOTEBOOK = "notebook"
    STANDARD = "standard"
