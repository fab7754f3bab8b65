"""The one error type of the fake: an HTTP status plus the ``message`` of Deepnote's ErrorResponse."""

from __future__ import annotations

__all__ = ["ApiError"]


class ApiError(Exception):
    """Raised anywhere in the fake; the app turns it into ``{"message": ...}`` with ``status``."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}

    def __repr__(self) -> str:
        return f"ApiError({self.status}, {self.message!r})"
