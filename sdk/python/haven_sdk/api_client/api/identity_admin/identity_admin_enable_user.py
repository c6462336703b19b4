from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_admin_enable_user_problem import IdentityAdminEnableUserProblem
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
        "url": "/v1/identity/admin/users/{user_id}/enable".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityAdminEnableUserProblem | IdentityAdminUser | None:
    if response.status_code == 200:
        response_200 = IdentityAdminUser.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityAdminEnableUserProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityAdminEnableUserProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = IdentityAdminEnableUserProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = IdentityAdminEnableUserProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = IdentityAdminEnableUserProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = IdentityAdminEnableUserProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityAdminEnableUserProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityAdminEnableUserProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = IdentityAdminEnableUserProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityAdminEnableUserProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityAdminEnableUserProblem | IdentityAdminUser]:
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
) -> Response[IdentityAdminEnableUserProblem | IdentityAdminUser]:
    """Re-enable an account (admin)

     The account can sign in again (its revoked sessions stay revoked). Enabling an
    enabled account changes nothing. Audited as `account_enabled`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityAdminEnableUserProblem | IdentityAdminUser]
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
) -> IdentityAdminEnableUserProblem | IdentityAdminUser | None:
    """Re-enable an account (admin)

     The account can sign in again (its revoked sessions stay revoked). Enabling an
    enabled account changes nothing. Audited as `account_enabled`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityAdminEnableUserProblem | IdentityAdminUser
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
) -> Response[IdentityAdminEnableUserProblem | IdentityAdminUser]:
    """Re-enable an account (admin)

     The account can sign in again (its revoked sessions stay revoked). Enabling an
    enabled account changes nothing. Audited as `account_enabled`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityAdminEnableUserProblem | IdentityAdminUser]
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
) -> IdentityAdminEnableUserProblem | IdentityAdminUser | None:
    """Re-enable an account (admin)

     The account can sign in again (its revoked sessions stay revoked). Enabling an
    enabled account changes nothing. Audited as `account_enabled`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityAdminEnableUserProblem | IdentityAdminUser
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
