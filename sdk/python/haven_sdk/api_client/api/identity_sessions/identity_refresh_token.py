from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_refresh_request import IdentityRefreshRequest
from ...models.identity_refresh_token_problem import IdentityRefreshTokenProblem
from ...models.identity_token_response import IdentityTokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: IdentityRefreshRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/token/refresh",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityRefreshTokenProblem | IdentityTokenResponse | None:
    if response.status_code == 200:
        response_200 = IdentityTokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityRefreshTokenProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityRefreshTokenProblem.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = IdentityRefreshTokenProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityRefreshTokenProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = IdentityRefreshTokenProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityRefreshTokenProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityRefreshTokenProblem | IdentityTokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityRefreshRequest,
) -> Response[IdentityRefreshTokenProblem | IdentityTokenResponse]:
    """Refresh the tokens

     Exchanges a refresh token for a new access token and a new refresh token; the old
    refresh token is used up. Presenting it again within 10 s (by default;
    `identity.refresh_reuse_grace_s`) returns the same new pair (two concurrent
    refreshes); later, it signs the whole session out.

    Args:
        body (IdentityRefreshRequest): Body of `POST /v1/identity/token/refresh`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityRefreshTokenProblem | IdentityTokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityRefreshRequest,
) -> IdentityRefreshTokenProblem | IdentityTokenResponse | None:
    """Refresh the tokens

     Exchanges a refresh token for a new access token and a new refresh token; the old
    refresh token is used up. Presenting it again within 10 s (by default;
    `identity.refresh_reuse_grace_s`) returns the same new pair (two concurrent
    refreshes); later, it signs the whole session out.

    Args:
        body (IdentityRefreshRequest): Body of `POST /v1/identity/token/refresh`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityRefreshTokenProblem | IdentityTokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityRefreshRequest,
) -> Response[IdentityRefreshTokenProblem | IdentityTokenResponse]:
    """Refresh the tokens

     Exchanges a refresh token for a new access token and a new refresh token; the old
    refresh token is used up. Presenting it again within 10 s (by default;
    `identity.refresh_reuse_grace_s`) returns the same new pair (two concurrent
    refreshes); later, it signs the whole session out.

    Args:
        body (IdentityRefreshRequest): Body of `POST /v1/identity/token/refresh`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityRefreshTokenProblem | IdentityTokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityRefreshRequest,
) -> IdentityRefreshTokenProblem | IdentityTokenResponse | None:
    """Refresh the tokens

     Exchanges a refresh token for a new access token and a new refresh token; the old
    refresh token is used up. Presenting it again within 10 s (by default;
    `identity.refresh_reuse_grace_s`) returns the same new pair (two concurrent
    refreshes); later, it signs the whole session out.

    Args:
        body (IdentityRefreshRequest): Body of `POST /v1/identity/token/refresh`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityRefreshTokenProblem | IdentityTokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
