from enum import StrEnum


class ProjectType(StrEnum):
    AGENT = "agent"
    NOTEBOOK = "notebook"
    STANDARD = "standard"

    def __str__(self) -> str:
        return str(self.value)
