from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_admin_disable_user_problem import (
    IdentityAdminDisableUserProblem,
)
from ...models.identity_admin_user import IdentityAdminUser
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: str,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/admin/users/{user_id}/disable".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityAdminDisableUserProblem | IdentityAdminUser | None:
    if response.status_code == 200:
        response_200 = IdentityAdminUser.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityAdminDisableUserProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityAdminDisableUserProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = IdentityAdminDisableUserProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = IdentityAdminDisableUserProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = IdentityAdminDisableUserProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = IdentityAdminDisableUserProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityAdminDisableUserProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityAdminDisableUserProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = IdentityAdminDisableUserProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityAdminDisableUserProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityAdminDisableUserProblem | IdentityAdminUser]:
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
    idempotency_key: str | Unset = UNSET,
) -> Response[IdentityAdminDisableUserProblem | IdentityAdminUser]:
    """Disable an account (admin)

     The account can no longer sign in (the right password gets
    `403 account_disabled`) and all its sessions are revoked, so their refresh tokens
    stop working at once; access tokens already issued stay valid until they expire
    (at most 15 minutes). Disabling the last enabled admin is `409 last_admin`.
    Disabling a disabled account changes nothing. Audited as `account_disabled`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityAdminDisableUserProblem | IdentityAdminUser]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> IdentityAdminDisableUserProblem | IdentityAdminUser | None:
    """Disable an account (admin)

     The account can no longer sign in (the right password gets
    `403 account_disabled`) and all its sessions are revoked, so their refresh tokens
    stop working at once; access tokens already issued stay valid until they expire
    (at most 15 minutes). Disabling the last enabled admin is `409 last_admin`.
    Disabling a disabled account changes nothing. Audited as `account_disabled`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityAdminDisableUserProblem | IdentityAdminUser
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[IdentityAdminDisableUserProblem | IdentityAdminUser]:
    """Disable an account (admin)

     The account can no longer sign in (the right password gets
    `403 account_disabled`) and all its sessions are revoked, so their refresh tokens
    stop working at once; access tokens already issued stay valid until they expire
    (at most 15 minutes). Disabling the last enabled admin is `409 last_admin`.
    Disabling a disabled account changes nothing. Audited as `account_disabled`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityAdminDisableUserProblem | IdentityAdminUser]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> IdentityAdminDisableUserProblem | IdentityAdminUser | None:
    """Disable an account (admin)

     The account can no longer sign in (the right password gets
    `403 account_disabled`) and all its sessions are revoked, so their refresh tokens
    stop working at once; access tokens already issued stay valid until they expire
    (at most 15 minutes). Disabling the last enabled admin is `409 last_admin`.
    Disabling a disabled account changes nothing. Audited as `account_disabled`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityAdminDisableUserProblem | IdentityAdminUser
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
