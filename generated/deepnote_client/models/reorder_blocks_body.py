from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.block_placement_after import BlockPlacementAfter
    from ..models.block_placement_end import BlockPlacementEnd
    from ..models.block_placement_start import BlockPlacementStart


T = TypeVar("T", bound="ReorderBlocksBody")


@_attrs_define
class ReorderBlocksBody:
    """Blocks to move as a group, and where to put them (from Deepnote's client code)."""

    block_ids: list[str]
    """ Block ids ordered exactly as they should appear as the moved group. """
    placement: BlockPlacementAfter | BlockPlacementEnd | BlockPlacementStart
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.block_placement_end import BlockPlacementEnd
        from ..models.block_placement_start import BlockPlacementStart

        block_ids = self.block_ids

        placement: dict[str, Any]
        if isinstance(self.placement, BlockPlacementStart) or isinstance(
            self.placement, BlockPlacementEnd
        ):
            placement = self.placement.to_dict()
        else:
            placement = self.placement.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "blockIds": block_ids,
                "placement": placement,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.block_placement_after import BlockPlacementAfter
        from ..models.block_placement_end import BlockPlacementEnd
        from ..models.block_placement_start import BlockPlacementStart

        d = dict(src_dict)
        block_ids = cast(list[str], d.pop("blockIds"))

        def _parse_placement(
            data: object,
        ) -> BlockPlacementAfter | BlockPlacementEnd | BlockPlacementStart:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                placement_type_0 = BlockPlacementStart.from_dict(data)

                return placement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                placement_type_1 = BlockPlacementEnd.from_dict(data)

                return placement_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            placement_type_2 = BlockPlacementAfter.from_dict(data)

            return placement_type_2

        placement = _parse_placement(d.pop("placement"))

        reorder_blocks_body = cls(
            block_ids=block_ids,
            placement=placement,
        )

        reorder_blocks_body.additional_properties = d
        return reorder_blocks_body

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
