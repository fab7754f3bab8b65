from ..types import OpenStrEnum


class ListIntegrationsHasSchema(OpenStrEnum):
    FALSE = "false"
    TRUE = "true"
