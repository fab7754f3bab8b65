from enum import StrEnum


class DetachedRunStorageMode(StrEnum):
    READONLY = "readonly"
    READ_WRITE = "read_write"

    def __str__(self) -> str:
        return str(self.value)
