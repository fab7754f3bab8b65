from ..types import OpenStrEnum


class DetachedRunStorageMode(OpenStrEnum):
    READONLY = "readonly"
    READ_WRITE = "read_write"
