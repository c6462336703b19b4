from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_revoke_other_sessions_problem import (
    IdentityRevokeOtherSessionsProblem,
)
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/me/sessions/revoke-others",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | IdentityRevokeOtherSessionsProblem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = IdentityRevokeOtherSessionsProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityRevokeOtherSessionsProblem.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = IdentityRevokeOtherSessionsProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityRevokeOtherSessionsProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = IdentityRevokeOtherSessionsProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityRevokeOtherSessionsProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | IdentityRevokeOtherSessionsProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Any | IdentityRevokeOtherSessionsProblem]:
    """Sign out the other devices

     Revokes every session of the caller except the one of this access token: their
    refresh tokens stop working (their access tokens expire within 15 minutes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityRevokeOtherSessionsProblem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Any | IdentityRevokeOtherSessionsProblem | None:
    """Sign out the other devices

     Revokes every session of the caller except the one of this access token: their
    refresh tokens stop working (their access tokens expire within 15 minutes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityRevokeOtherSessionsProblem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Any | IdentityRevokeOtherSessionsProblem]:
    """Sign out the other devices

     Revokes every session of the caller except the one of this access token: their
    refresh tokens stop working (their access tokens expire within 15 minutes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityRevokeOtherSessionsProblem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Any | IdentityRevokeOtherSessionsProblem | None:
    """Sign out the other devices

     Revokes every session of the caller except the one of this access token: their
    refresh tokens stop working (their access tokens expire within 15 minutes).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityRevokeOtherSessionsProblem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
