"""Contains shared errors types that can be raised from API functions"""

from typing import Any

from .types import Unset


class UnexpectedStatus(Exception):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


# Deepnote client change: a typed parse error that names where in the body the problem is.
_JSON_TYPES = {
    dict: "object",
    list: "array",
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
}


class ParseError(ValueError):
    """A JSON document does not match its schema.

    ``location`` is where, from the document's root: ``["notebook", "blocks", 3, "id"]``, read as
    ``path`` (``notebook.blocks[3].id``). ``reason`` says what is wrong there. The offending value
    itself is not kept, so the message is safe to log.
    """

    def __init__(self, reason: str, source: object, *location: str | int) -> None:
        self.reason = reason
        self.location: list[str | int] = list(location)
        # The JSON value ``location`` starts from; a parent uses it to find an item's index.
        self.source = source
        super().__init__(reason)

    @classmethod
    def wrong_type(
        cls, expected: str, value: object, source: object, *location: str | int
    ) -> "ParseError":
        """``value`` (found at ``location`` in ``source``) is not of the JSON type ``expected``."""
        if isinstance(value, Unset):
            return cls("required field is missing", source, *location)
        found = "null" if value is None else _JSON_TYPES.get(type(value), type(value).__name__)
        return cls(f"expected {expected}, got {found}", source, *location)

    def within(self, source: object, *location: str | int) -> "ParseError":
        """This error, seen from ``source``, in which it sits at ``location``."""
        self.location[:0] = location
        self.source = source
        return self

    def item_of(self, items: list[Any]) -> "ParseError":
        """This error, raised while parsing one of ``items``, with that item's index in front."""
        for index, item in enumerate(items):
            if item is self.source:
                self.location.insert(0, index)
                break
        self.source = items
        return self

    @property
    def path(self) -> str:
        """``location`` written as ``notebook.blocks[3].id`` (empty for the document itself)."""
        text = ""
        for part in self.location:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.location else self.reason

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.reason, self.location))


def _rebuild(reason: str, location: list[str | int]) -> ParseError:
    return ParseError(reason, None, *location)


__all__ = ["ParseError", "UnexpectedStatus"]
