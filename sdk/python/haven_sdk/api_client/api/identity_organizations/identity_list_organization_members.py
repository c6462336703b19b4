from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_list_organization_members_problem import (
    IdentityListOrganizationMembersProblem,
)
from ...models.page_identity_organization_member import PageIdentityOrganizationMember
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organization_id: str,
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/identity/organizations/{organization_id}/members".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityListOrganizationMembersProblem | PageIdentityOrganizationMember | None:
    if response.status_code == 200:
        response_200 = PageIdentityOrganizationMember.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityListOrganizationMembersProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityListOrganizationMembersProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = IdentityListOrganizationMembersProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = IdentityListOrganizationMembersProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = IdentityListOrganizationMembersProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityListOrganizationMembersProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityListOrganizationMembersProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = IdentityListOrganizationMembersProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityListOrganizationMembersProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityListOrganizationMembersProblem | PageIdentityOrganizationMember]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[IdentityListOrganizationMembersProblem | PageIdentityOrganizationMember]:
    """List an organization's members

     Admins only. The organization's active members, in join order, paginated.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityListOrganizationMembersProblem | PageIdentityOrganizationMember]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> IdentityListOrganizationMembersProblem | PageIdentityOrganizationMember | None:
    """List an organization's members

     Admins only. The organization's active members, in join order, paginated.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityListOrganizationMembersProblem | PageIdentityOrganizationMember
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    organization_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[IdentityListOrganizationMembersProblem | PageIdentityOrganizationMember]:
    """List an organization's members

     Admins only. The organization's active members, in join order, paginated.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityListOrganizationMembersProblem | PageIdentityOrganizationMember]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> IdentityListOrganizationMembersProblem | PageIdentityOrganizationMember | None:
    """List an organization's members

     Admins only. The organization's active members, in join order, paginated.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityListOrganizationMembersProblem | PageIdentityOrganizationMember
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
