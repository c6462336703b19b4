from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_admin_get_user_problem import IdentityAdminGetUserProblem
from ...models.identity_admin_user import IdentityAdminUser
from ...types import Response


def _get_kwargs(
    user_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/identity/admin/users/{user_id}".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityAdminGetUserProblem | IdentityAdminUser | None:
    if response.status_code == 200:
        response_200 = IdentityAdminUser.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityAdminGetUserProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityAdminGetUserProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = IdentityAdminGetUserProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = IdentityAdminGetUserProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = IdentityAdminGetUserProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityAdminGetUserProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = IdentityAdminGetUserProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityAdminGetUserProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityAdminGetUserProblem | IdentityAdminUser]:
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
) -> Response[IdentityAdminGetUserProblem | IdentityAdminUser]:
    """Read an account (admin)

     The account with its roles, verification and disabled state, and its count of
    active sessions. Needs the `admin` role and a second factor.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityAdminGetUserProblem | IdentityAdminUser]
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
) -> IdentityAdminGetUserProblem | IdentityAdminUser | None:
    """Read an account (admin)

     The account with its roles, verification and disabled state, and its count of
    active sessions. Needs the `admin` role and a second factor.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityAdminGetUserProblem | IdentityAdminUser
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[IdentityAdminGetUserProblem | IdentityAdminUser]:
    """Read an account (admin)

     The account with its roles, verification and disabled state, and its count of
    active sessions. Needs the `admin` role and a second factor.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityAdminGetUserProblem | IdentityAdminUser]
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
) -> IdentityAdminGetUserProblem | IdentityAdminUser | None:
    """Read an account (admin)

     The account with its roles, verification and disabled state, and its count of
    active sessions. Needs the `admin` role and a second factor.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityAdminGetUserProblem | IdentityAdminUser
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
        )
    ).parsed
