from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_get_mfa_problem import IdentityGetMfaProblem
from ...models.identity_mfa_status import IdentityMfaStatus
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/identity/me/mfa",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityGetMfaProblem | IdentityMfaStatus | None:
    if response.status_code == 200:
        response_200 = IdentityMfaStatus.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityGetMfaProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityGetMfaProblem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = IdentityGetMfaProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = IdentityGetMfaProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityGetMfaProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = IdentityGetMfaProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityGetMfaProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityGetMfaProblem | IdentityMfaStatus]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[IdentityGetMfaProblem | IdentityMfaStatus]:
    """The caller's two-step verification

     Whether it is on or pending, how many recovery codes are left, and whether the
    account's role requires it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityGetMfaProblem | IdentityMfaStatus]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> IdentityGetMfaProblem | IdentityMfaStatus | None:
    """The caller's two-step verification

     Whether it is on or pending, how many recovery codes are left, and whether the
    account's role requires it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityGetMfaProblem | IdentityMfaStatus
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[IdentityGetMfaProblem | IdentityMfaStatus]:
    """The caller's two-step verification

     Whether it is on or pending, how many recovery codes are left, and whether the
    account's role requires it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityGetMfaProblem | IdentityMfaStatus]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> IdentityGetMfaProblem | IdentityMfaStatus | None:
    """The caller's two-step verification

     Whether it is on or pending, how many recovery codes are left, and whether the
    account's role requires it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityGetMfaProblem | IdentityMfaStatus
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
