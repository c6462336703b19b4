from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_get_member_profile_problem import CareGetMemberProfileProblem
from ...models.care_profile import CareProfile
from ...types import Response


def _get_kwargs(
    user_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/provider/members/{user_id}/profile".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareGetMemberProfileProblem | CareProfile | None:
    if response.status_code == 200:
        response_200 = CareProfile.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareGetMemberProfileProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareGetMemberProfileProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareGetMemberProfileProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareGetMemberProfileProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CareGetMemberProfileProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareGetMemberProfileProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareGetMemberProfileProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareGetMemberProfileProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareGetMemberProfileProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareGetMemberProfileProblem | CareProfile]:
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
) -> Response[CareGetMemberProfileProblem | CareProfile]:
    """Read a care-team member's care profile

     Clinicians on the member's care team only (role `clinician`, second factor):
    where the member lives and whom to call in an emergency. Anyone else, or a member
    without a profile, gets `404 care_profile_not_found`. Every read is audited.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareGetMemberProfileProblem | CareProfile]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> CareGetMemberProfileProblem | CareProfile | None:
    """Read a care-team member's care profile

     Clinicians on the member's care team only (role `clinician`, second factor):
    where the member lives and whom to call in an emergency. Anyone else, or a member
    without a profile, gets `404 care_profile_not_found`. Every read is audited.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareGetMemberProfileProblem | CareProfile
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CareGetMemberProfileProblem | CareProfile]:
    """Read a care-team member's care profile

     Clinicians on the member's care team only (role `clinician`, second factor):
    where the member lives and whom to call in an emergency. Anyone else, or a member
    without a profile, gets `404 care_profile_not_found`. Every read is audited.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareGetMemberProfileProblem | CareProfile]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> CareGetMemberProfileProblem | CareProfile | None:
    """Read a care-team member's care profile

     Clinicians on the member's care team only (role `clinician`, second factor):
    where the member lives and whom to call in an emergency. Anyone else, or a member
    without a profile, gets `404 care_profile_not_found`. Every read is audited.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareGetMemberProfileProblem | CareProfile
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
        )
    ).parsed
