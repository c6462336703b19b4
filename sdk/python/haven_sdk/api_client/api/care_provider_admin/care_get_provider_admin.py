from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_get_provider_admin_problem import CareGetProviderAdminProblem
from ...models.care_provider_admin import CareProviderAdmin
from ...types import Response


def _get_kwargs(
    provider_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/admin/providers/{provider_id}".format(
            provider_id=quote(str(provider_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareGetProviderAdminProblem | CareProviderAdmin | None:
    if response.status_code == 200:
        response_200 = CareProviderAdmin.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CareProviderAdmin.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = CareGetProviderAdminProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareGetProviderAdminProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareGetProviderAdminProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareGetProviderAdminProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareGetProviderAdminProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CareGetProviderAdminProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareGetProviderAdminProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareGetProviderAdminProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareGetProviderAdminProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareGetProviderAdminProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareGetProviderAdminProblem | CareProviderAdmin]:
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
) -> Response[CareGetProviderAdminProblem | CareProviderAdmin]:
    """Read a provider profile

     Admins only; license numbers included.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareGetProviderAdminProblem | CareProviderAdmin]
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
) -> CareGetProviderAdminProblem | CareProviderAdmin | None:
    """Read a provider profile

     Admins only; license numbers included.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareGetProviderAdminProblem | CareProviderAdmin
    """

    return sync_detailed(
        provider_id=provider_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    provider_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CareGetProviderAdminProblem | CareProviderAdmin]:
    """Read a provider profile

     Admins only; license numbers included.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareGetProviderAdminProblem | CareProviderAdmin]
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
) -> CareGetProviderAdminProblem | CareProviderAdmin | None:
    """Read a provider profile

     Admins only; license numbers included.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareGetProviderAdminProblem | CareProviderAdmin
    """

    return (
        await asyncio_detailed(
            provider_id=provider_id,
            client=client,
        )
    ).parsed
