from ..types import OpenStrEnum


class SessionStorageMode(OpenStrEnum):
    READONLY = "readonly"
    READ_WRITE = "read_write"
