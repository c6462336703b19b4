from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_erasure import IdentityErasure
from ...models.identity_get_erasure_problem import IdentityGetErasureProblem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/identity/me/erasure",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityErasure | IdentityGetErasureProblem | None:
    if response.status_code == 200:
        response_200 = IdentityErasure.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityGetErasureProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityGetErasureProblem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = IdentityGetErasureProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = IdentityGetErasureProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityGetErasureProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = IdentityGetErasureProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityGetErasureProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityErasure | IdentityGetErasureProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[IdentityErasure | IdentityGetErasureProblem]:
    """My account's erasure

     Progress of the caller's erasure, one step per module; `complete` once every
    module has finished. Usable with an access token issued before the erasure, until
    it expires. `404` if no erasure was requested.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityErasure | IdentityGetErasureProblem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> IdentityErasure | IdentityGetErasureProblem | None:
    """My account's erasure

     Progress of the caller's erasure, one step per module; `complete` once every
    module has finished. Usable with an access token issued before the erasure, until
    it expires. `404` if no erasure was requested.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityErasure | IdentityGetErasureProblem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[IdentityErasure | IdentityGetErasureProblem]:
    """My account's erasure

     Progress of the caller's erasure, one step per module; `complete` once every
    module has finished. Usable with an access token issued before the erasure, until
    it expires. `404` if no erasure was requested.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityErasure | IdentityGetErasureProblem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> IdentityErasure | IdentityGetErasureProblem | None:
    """My account's erasure

     Progress of the caller's erasure, one step per module; `complete` once every
    module has finished. Usable with an access token issued before the erasure, until
    it expires. `404` if no erasure was requested.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityErasure | IdentityGetErasureProblem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
