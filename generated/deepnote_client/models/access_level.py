from enum import StrEnum


class AccessLevel(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"
    GUEST = "guest"
    RESTRICTED_USER = "restricted_user"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
