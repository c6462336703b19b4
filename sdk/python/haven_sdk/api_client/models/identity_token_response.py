from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.identity_token_type import IdentityTokenType

T = TypeVar("T", bound="IdentityTokenResponse")


@_attrs_define
class IdentityTokenResponse:
    """Tokens of a new session.

    Attributes:
        access_token (str): A short-lived access token (JWT).
        expires_in (int): Seconds until the access token expires.
        mfa_enrollment_required (bool): `true` when the account's role (`clinician`, `admin`) requires two-step
            verification and none is set up: enroll with `POST /v1/identity/me/mfa/totp`;
            endpoints of that role answer `403 mfa_required` until then.
        refresh_token (str): An opaque refresh token (256 bits, base64url); keep it secret.
        session_id (str): The new session's id. Example: ses_00000000000000000000000000.
        token_type (IdentityTokenType): The type of the issued access token.
    """

    access_token: str
    expires_in: int
    mfa_enrollment_required: bool
    refresh_token: str
    session_id: str
    token_type: IdentityTokenType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        expires_in = self.expires_in

        mfa_enrollment_required = self.mfa_enrollment_required

        refresh_token = self.refresh_token

        session_id = self.session_id

        token_type = self.token_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access_token": access_token,
                "expires_in": expires_in,
                "mfa_enrollment_required": mfa_enrollment_required,
                "refresh_token": refresh_token,
                "session_id": session_id,
                "token_type": token_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        expires_in = d.pop("expires_in")

        mfa_enrollment_required = d.pop("mfa_enrollment_required")

        refresh_token = d.pop("refresh_token")

        session_id = d.pop("session_id")

        token_type = IdentityTokenType(d.pop("token_type"))

        identity_token_response = cls(
            access_token=access_token,
            expires_in=expires_in,
            mfa_enrollment_required=mfa_enrollment_required,
            refresh_token=refresh_token,
            session_id=session_id,
            token_type=token_type,
        )

        identity_token_response.additional_properties = d
        return identity_token_response

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
