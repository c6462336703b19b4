from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_admin_set_roles import IdentityAdminSetRoles
from ...models.identity_admin_set_roles_problem import IdentityAdminSetRolesProblem
from ...models.identity_admin_user import IdentityAdminUser
from ...types import Response


def _get_kwargs(
    user_id: str,
    *,
    body: IdentityAdminSetRoles,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/identity/admin/users/{user_id}/roles".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityAdminSetRolesProblem | IdentityAdminUser | None:
    if response.status_code == 200:
        response_200 = IdentityAdminUser.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityAdminSetRolesProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityAdminSetRolesProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = IdentityAdminSetRolesProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = IdentityAdminSetRolesProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = IdentityAdminSetRolesProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = IdentityAdminSetRolesProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityAdminSetRolesProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityAdminSetRolesProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = IdentityAdminSetRolesProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityAdminSetRolesProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityAdminSetRolesProblem | IdentityAdminUser]:
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
    body: IdentityAdminSetRoles,
) -> Response[IdentityAdminSetRolesProblem | IdentityAdminUser]:
    """Set an account's roles (admin)

     Replaces the account's roles with `roles`, which must include `member` and list
    each role once (`422`). Taking `admin` from the last enabled admin is
    `409 last_admin`. The account's sessions stay signed in: their next token refresh
    carries the new roles, and access tokens already issued keep the old roles until
    they expire (at most 15 minutes). Audited as `role_changed`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        body (IdentityAdminSetRoles): Body of `PUT /v1/identity/admin/users/{user_id}/roles`: the
            complete new set of
            roles. It must include `member` and list each role once; any other field is `400`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityAdminSetRolesProblem | IdentityAdminUser]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: IdentityAdminSetRoles,
) -> IdentityAdminSetRolesProblem | IdentityAdminUser | None:
    """Set an account's roles (admin)

     Replaces the account's roles with `roles`, which must include `member` and list
    each role once (`422`). Taking `admin` from the last enabled admin is
    `409 last_admin`. The account's sessions stay signed in: their next token refresh
    carries the new roles, and access tokens already issued keep the old roles until
    they expire (at most 15 minutes). Audited as `role_changed`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        body (IdentityAdminSetRoles): Body of `PUT /v1/identity/admin/users/{user_id}/roles`: the
            complete new set of
            roles. It must include `member` and list each role once; any other field is `400`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityAdminSetRolesProblem | IdentityAdminUser
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: IdentityAdminSetRoles,
) -> Response[IdentityAdminSetRolesProblem | IdentityAdminUser]:
    """Set an account's roles (admin)

     Replaces the account's roles with `roles`, which must include `member` and list
    each role once (`422`). Taking `admin` from the last enabled admin is
    `409 last_admin`. The account's sessions stay signed in: their next token refresh
    carries the new roles, and access tokens already issued keep the old roles until
    they expire (at most 15 minutes). Audited as `role_changed`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        body (IdentityAdminSetRoles): Body of `PUT /v1/identity/admin/users/{user_id}/roles`: the
            complete new set of
            roles. It must include `member` and list each role once; any other field is `400`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityAdminSetRolesProblem | IdentityAdminUser]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: IdentityAdminSetRoles,
) -> IdentityAdminSetRolesProblem | IdentityAdminUser | None:
    """Set an account's roles (admin)

     Replaces the account's roles with `roles`, which must include `member` and list
    each role once (`422`). Taking `admin` from the last enabled admin is
    `409 last_admin`. The account's sessions stay signed in: their next token refresh
    carries the new roles, and access tokens already issued keep the old roles until
    they expire (at most 15 minutes). Audited as `role_changed`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        body (IdentityAdminSetRoles): Body of `PUT /v1/identity/admin/users/{user_id}/roles`: the
            complete new set of
            roles. It must include `member` and list each role once; any other field is `400`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityAdminSetRolesProblem | IdentityAdminUser
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            body=body,
        )
    ).parsed
