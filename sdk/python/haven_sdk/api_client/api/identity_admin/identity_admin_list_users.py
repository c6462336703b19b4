from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_admin_list_users_problem import IdentityAdminListUsersProblem
from ...models.page_identity_admin_user import PageIdentityAdminUser
from ...models.role import Role
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    email: str | Unset = UNSET,
    role: Role | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["email"] = email

    json_role: str | Unset = UNSET
    if not isinstance(role, Unset):
        json_role = role.value

    params["role"] = json_role

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/identity/admin/users",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityAdminListUsersProblem | PageIdentityAdminUser | None:
    if response.status_code == 200:
        response_200 = PageIdentityAdminUser.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityAdminListUsersProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityAdminListUsersProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = IdentityAdminListUsersProblem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = IdentityAdminListUsersProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityAdminListUsersProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityAdminListUsersProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = IdentityAdminListUsersProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityAdminListUsersProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityAdminListUsersProblem | PageIdentityAdminUser]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    email: str | Unset = UNSET,
    role: Role | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[IdentityAdminListUsersProblem | PageIdentityAdminUser]:
    """List accounts (admin)

     Accounts newest first, paginated, optionally narrowed to those whose email
    contains `email` (case-insensitive, matched literally) and to those holding
    `role`. Needs the `admin` role and a second factor (`403 mfa_required` without).

    Args:
        email (str | Unset):
        role (Role | Unset): A role: `member`, `coach`, `clinician` or `admin`. Granted by the
            server only, never
            by a request body.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityAdminListUsersProblem | PageIdentityAdminUser]
    """

    kwargs = _get_kwargs(
        email=email,
        role=role,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    email: str | Unset = UNSET,
    role: Role | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> IdentityAdminListUsersProblem | PageIdentityAdminUser | None:
    """List accounts (admin)

     Accounts newest first, paginated, optionally narrowed to those whose email
    contains `email` (case-insensitive, matched literally) and to those holding
    `role`. Needs the `admin` role and a second factor (`403 mfa_required` without).

    Args:
        email (str | Unset):
        role (Role | Unset): A role: `member`, `coach`, `clinician` or `admin`. Granted by the
            server only, never
            by a request body.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityAdminListUsersProblem | PageIdentityAdminUser
    """

    return sync_detailed(
        client=client,
        email=email,
        role=role,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    email: str | Unset = UNSET,
    role: Role | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[IdentityAdminListUsersProblem | PageIdentityAdminUser]:
    """List accounts (admin)

     Accounts newest first, paginated, optionally narrowed to those whose email
    contains `email` (case-insensitive, matched literally) and to those holding
    `role`. Needs the `admin` role and a second factor (`403 mfa_required` without).

    Args:
        email (str | Unset):
        role (Role | Unset): A role: `member`, `coach`, `clinician` or `admin`. Granted by the
            server only, never
            by a request body.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityAdminListUsersProblem | PageIdentityAdminUser]
    """

    kwargs = _get_kwargs(
        email=email,
        role=role,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    email: str | Unset = UNSET,
    role: Role | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> IdentityAdminListUsersProblem | PageIdentityAdminUser | None:
    """List accounts (admin)

     Accounts newest first, paginated, optionally narrowed to those whose email
    contains `email` (case-insensitive, matched literally) and to those holding
    `role`. Needs the `admin` role and a second factor (`403 mfa_required` without).

    Args:
        email (str | Unset):
        role (Role | Unset): A role: `member`, `coach`, `clinician` or `admin`. Granted by the
            server only, never
            by a request body.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityAdminListUsersProblem | PageIdentityAdminUser
    """

    return (
        await asyncio_detailed(
            client=client,
            email=email,
            role=role,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
