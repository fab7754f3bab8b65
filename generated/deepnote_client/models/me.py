from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Self, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import ParseError
from ..models.access_level import AccessLevel
from ..types import UNSET, extras_eq_key, unknown_fields

if TYPE_CHECKING:
    from ..models.me_api_key import MeApiKey
    from ..models.me_user import MeUser
    from ..models.me_workspace import MeWorkspace


_AccessLevel_BY_VALUE = cast("dict[str, AccessLevel]", AccessLevel._value2member_map_)
_new_object = object.__new__  # a module global: one lookup per object, not two
_Me_FIELDS = frozenset(
    {
        "apiKey",
        "user",
        "workspace",
        "accessLevel",
    }
)


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
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_eq_key
    )

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
        """Parse a decoded JSON object; ``errors.ParseError`` names the field that does not match."""
        return cls._from_dicts((src_dict,))[0]

    @classmethod
    def _from_dicts(cls, src_dicts: Iterable[Any]) -> list[Self]:
        """Parse decoded JSON objects, as ``from_dict`` does each; the ``ParseError`` of an item is
        about that item (``errors.ParseError.item_of`` adds its index)."""
        from ..models.me_api_key import MeApiKey
        from ..models.me_user import MeUser
        from ..models.me_workspace import MeWorkspace

        parsed: list[Self] = []
        for src_dict in src_dicts:
            # Fields are read and counted; the other keys are collected only if there are any.
            # (Optional fields: a direct get() call is cheaper than `in` plus a subscription, and
            # than get() bound once per object.)
            _found = 4

            try:
                _value = src_dict["apiKey"]
            except KeyError:
                raise ParseError.wrong_type("object", UNSET, src_dict, "apiKey") from None
            except TypeError:  # not an object: an array, a string, a number, a boolean or null
                raise ParseError.wrong_type("object", src_dict, src_dict) from None
            api_key: MeApiKey
            try:
                api_key = MeApiKey.from_dict(_value)
            except ParseError as _error:
                raise _error.within(src_dict, "apiKey")

            try:
                _value = src_dict["user"]
            except KeyError:
                raise ParseError.wrong_type("object", UNSET, src_dict, "user") from None
            user: MeUser
            try:
                user = MeUser.from_dict(_value)
            except ParseError as _error:
                raise _error.within(src_dict, "user")

            try:
                _value = src_dict["workspace"]
            except KeyError:
                raise ParseError.wrong_type("object", UNSET, src_dict, "workspace") from None
            workspace: MeWorkspace
            try:
                workspace = MeWorkspace.from_dict(_value)
            except ParseError as _error:
                raise _error.within(src_dict, "workspace")

            try:
                _value = src_dict["accessLevel"]
            except KeyError:
                raise ParseError.wrong_type("string", UNSET, src_dict, "accessLevel") from None
            access_level: AccessLevel
            try:
                access_level = _AccessLevel_BY_VALUE[_value]
            except (KeyError, TypeError):
                if not (_value.__class__ is str or isinstance(_value, str)):
                    raise ParseError.wrong_type("string", _value, src_dict, "accessLevel") from None
                access_level = AccessLevel(_value)

            # Every field is set here, so attrs' __init__ (twice the cost) is skipped.
            me = _new_object(cls)
            me.api_key = api_key
            me.user = user
            me.workspace = workspace
            me.access_level = access_level
            me._additional_properties = (
                None if len(src_dict) == _found else unknown_fields(src_dict, _Me_FIELDS, "Me")
            )
            parsed.append(me)
        return parsed

    def __repr__(self) -> str:
        fields = [
            ("api_key", self.api_key),
            ("user", self.user),
            ("workspace", self.workspace),
            ("access_level", self.access_level),
            ("additional_properties", self._additional_properties or UNSET),
        ]
        shown = ", ".join(f"{name}={value!r}" for name, value in fields if value is not UNSET)
        return f"Me({shown})"

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The keys the spec does not name, as received (an empty dict is created on first access)."""
        extras = self._additional_properties
        if extras is None:
            extras = self._additional_properties = {}
        return extras

    @additional_properties.setter
    def additional_properties(self, extras: dict[str, Any]) -> None:
        self._additional_properties = extras

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
