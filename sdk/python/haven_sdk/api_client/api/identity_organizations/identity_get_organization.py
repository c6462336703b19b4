from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_get_organization_problem import IdentityGetOrganizationProblem
from ...models.identity_organization import IdentityOrganization
from ...types import Response


def _get_kwargs(
    organization_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/identity/organizations/{organization_id}".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityGetOrganizationProblem | IdentityOrganization | None:
    if response.status_code == 200:
        response_200 = IdentityOrganization.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityGetOrganizationProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityGetOrganizationProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = IdentityGetOrganizationProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = IdentityGetOrganizationProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = IdentityGetOrganizationProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityGetOrganizationProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = IdentityGetOrganizationProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityGetOrganizationProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityGetOrganizationProblem | IdentityOrganization]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[IdentityGetOrganizationProblem | IdentityOrganization]:
    """Read an organization

     Admins only.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityGetOrganizationProblem | IdentityOrganization]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: str,
    *,
    client: AuthenticatedClient,
) -> IdentityGetOrganizationProblem | IdentityOrganization | None:
    """Read an organization

     Admins only.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityGetOrganizationProblem | IdentityOrganization
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    organization_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[IdentityGetOrganizationProblem | IdentityOrganization]:
    """Read an organization

     Admins only.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityGetOrganizationProblem | IdentityOrganization]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: str,
    *,
    client: AuthenticatedClient,
) -> IdentityGetOrganizationProblem | IdentityOrganization | None:
    """Read an organization

     Admins only.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityGetOrganizationProblem | IdentityOrganization
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
        )
    ).parsed
