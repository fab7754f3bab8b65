from ..types import OpenStrEnum


class AccessLevel(OpenStrEnum):
    ADMIN = "admin"
    EDITOR = "editor"
    GUEST = "guest"
    RESTRICTED_USER = "restricted_user"
    VIEWER = "viewer"
