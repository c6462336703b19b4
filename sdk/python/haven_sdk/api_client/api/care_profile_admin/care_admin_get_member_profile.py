from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_admin_get_member_profile_problem import (
    CareAdminGetMemberProfileProblem,
)
from ...models.care_profile import CareProfile
from ...types import UNSET, Response


def _get_kwargs(
    user_id: str,
    *,
    reason: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["reason"] = reason

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/admin/members/{user_id}/profile".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareAdminGetMemberProfileProblem | CareProfile | None:
    if response.status_code == 200:
        response_200 = CareProfile.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareAdminGetMemberProfileProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareAdminGetMemberProfileProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareAdminGetMemberProfileProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareAdminGetMemberProfileProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CareAdminGetMemberProfileProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareAdminGetMemberProfileProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareAdminGetMemberProfileProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareAdminGetMemberProfileProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareAdminGetMemberProfileProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareAdminGetMemberProfileProblem | CareProfile]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    reason: str,
) -> Response[CareAdminGetMemberProfileProblem | CareProfile]:
    """Read a member's care profile

     Admins only (role `admin`, second factor). Health data: every read is audited
    with the admin and the `reason` given.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        reason (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAdminGetMemberProfileProblem | CareProfile]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        reason=reason,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    reason: str,
) -> CareAdminGetMemberProfileProblem | CareProfile | None:
    """Read a member's care profile

     Admins only (role `admin`, second factor). Health data: every read is audited
    with the admin and the `reason` given.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        reason (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAdminGetMemberProfileProblem | CareProfile
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        reason=reason,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    reason: str,
) -> Response[CareAdminGetMemberProfileProblem | CareProfile]:
    """Read a member's care profile

     Admins only (role `admin`, second factor). Health data: every read is audited
    with the admin and the `reason` given.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        reason (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAdminGetMemberProfileProblem | CareProfile]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        reason=reason,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    reason: str,
) -> CareAdminGetMemberProfileProblem | CareProfile | None:
    """Read a member's care profile

     Admins only (role `admin`, second factor). Health data: every read is audited
    with the admin and the `reason` given.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        reason (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAdminGetMemberProfileProblem | CareProfile
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            reason=reason,
        )
    ).parsed
