from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_get_provider_problem import CareGetProviderProblem
from ...models.care_provider import CareProvider
from ...types import Response


def _get_kwargs(
    provider_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/providers/{provider_id}".format(
            provider_id=quote(str(provider_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareGetProviderProblem | CareProvider | None:
    if response.status_code == 200:
        response_200 = CareProvider.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareGetProviderProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareGetProviderProblem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = CareGetProviderProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareGetProviderProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CareGetProviderProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareGetProviderProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareGetProviderProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareGetProviderProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareGetProviderProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareGetProviderProblem | CareProvider]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    provider_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CareGetProviderProblem | CareProvider]:
    """Read a provider

     As members see them: no license numbers.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareGetProviderProblem | CareProvider]
    """

    kwargs = _get_kwargs(
        provider_id=provider_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    provider_id: str,
    *,
    client: AuthenticatedClient,
) -> CareGetProviderProblem | CareProvider | None:
    """Read a provider

     As members see them: no license numbers.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareGetProviderProblem | CareProvider
    """

    return sync_detailed(
        provider_id=provider_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    provider_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CareGetProviderProblem | CareProvider]:
    """Read a provider

     As members see them: no license numbers.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareGetProviderProblem | CareProvider]
    """

    kwargs = _get_kwargs(
        provider_id=provider_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    provider_id: str,
    *,
    client: AuthenticatedClient,
) -> CareGetProviderProblem | CareProvider | None:
    """Read a provider

     As members see them: no license numbers.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareGetProviderProblem | CareProvider
    """

    return (
        await asyncio_detailed(
            provider_id=provider_id,
            client=client,
        )
    ).parsed
