from ..types import OpenStrEnum


class ImportNotebookAction(OpenStrEnum):
    CREATED = "created"
    DELETED = "deleted"
    OVERWRITTEN = "overwritten"
    RESTORED = "restored"
