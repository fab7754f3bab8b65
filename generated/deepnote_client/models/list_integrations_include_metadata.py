from ..types import OpenStrEnum


class ListIntegrationsIncludeMetadata(OpenStrEnum):
    FALSE = "false"
    TRUE = "true"
