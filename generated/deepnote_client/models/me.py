from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.access_level import AccessLevel

if TYPE_CHECKING:
    from ..models.me_api_key import MeApiKey
    from ..models.me_user import MeUser
    from ..models.me_workspace import MeWorkspace


T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    api_key: MeApiKey
    """ The calling API key. Its fields are not documented (the docs say it reports the key's type); the object is
    left open. """
    user: MeUser
    """ The user that created the API key. Its fields are not documented; the object is left open. """
    workspace: MeWorkspace
    """ The workspace the key belongs to (fields read by Deepnote's client code). """
    access_level: AccessLevel
    """ Caller's role in the workspace, derived from the API key creator's team membership. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_key = self.api_key.to_dict()

        user = self.user.to_dict()

        workspace = self.workspace.to_dict()

        access_level = self.access_level.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "apiKey": api_key,
                "user": user,
                "workspace": workspace,
                "accessLevel": access_level,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.me_api_key import MeApiKey
        from ..models.me_user import MeUser
        from ..models.me_workspace import MeWorkspace

        d = dict(src_dict)
        api_key = MeApiKey.from_dict(d.pop("apiKey"))

        user = MeUser.from_dict(d.pop("user"))

        workspace = MeWorkspace.from_dict(d.pop("workspace"))

        access_level = AccessLevel(d.pop("accessLevel"))

        me = cls(
            api_key=api_key,
            user=user,
            workspace=workspace,
            access_level=access_level,
        )

        me.additional_properties = d
        return me

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
