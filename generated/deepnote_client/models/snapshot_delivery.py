from enum import StrEnum


class SnapshotDelivery(StrEnum):
    BLOCKS = "blocks"
    DOWNLOADURL = "downloadUrl"
    INLINE = "inline"

    def __str__(self) -> str:
        return str(self.value)
