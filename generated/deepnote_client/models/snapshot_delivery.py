from ..types import OpenStrEnum


class SnapshotDelivery(OpenStrEnum):
    BLOCKS = "blocks"
    DOWNLOADURL = "downloadUrl"
    INLINE = "inline"
