from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_organization import IdentityOrganization
from ...models.identity_update_organization import IdentityUpdateOrganization
from ...models.identity_update_organization_problem import (
    IdentityUpdateOrganizationProblem,
)
from ...types import Response


def _get_kwargs(
    organization_id: str,
    *,
    body: IdentityUpdateOrganization,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/identity/organizations/{organization_id}".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityOrganization | IdentityUpdateOrganizationProblem | None:
    if response.status_code == 200:
        response_200 = IdentityOrganization.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityUpdateOrganizationProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityUpdateOrganizationProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = IdentityUpdateOrganizationProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = IdentityUpdateOrganizationProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = IdentityUpdateOrganizationProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = IdentityUpdateOrganizationProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityUpdateOrganizationProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityUpdateOrganizationProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = IdentityUpdateOrganizationProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityUpdateOrganizationProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityOrganization | IdentityUpdateOrganizationProblem]:
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
    body: IdentityUpdateOrganization,
) -> Response[IdentityOrganization | IdentityUpdateOrganizationProblem]:
    """Update an organization

     Admins only. Renames it and/or replaces its allowed domains; members who joined
    through a domain that is dropped lose their membership. Unknown fields are `400`.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        body (IdentityUpdateOrganization): `PATCH /v1/identity/organizations/{organization_id}`:
            the fields to change. An
            absent field is left as it is; `allowed_domains` replaces the whole set. Any other
            field is rejected with `400`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityOrganization | IdentityUpdateOrganizationProblem]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: str,
    *,
    client: AuthenticatedClient,
    body: IdentityUpdateOrganization,
) -> IdentityOrganization | IdentityUpdateOrganizationProblem | None:
    """Update an organization

     Admins only. Renames it and/or replaces its allowed domains; members who joined
    through a domain that is dropped lose their membership. Unknown fields are `400`.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        body (IdentityUpdateOrganization): `PATCH /v1/identity/organizations/{organization_id}`:
            the fields to change. An
            absent field is left as it is; `allowed_domains` replaces the whole set. Any other
            field is rejected with `400`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityOrganization | IdentityUpdateOrganizationProblem
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    organization_id: str,
    *,
    client: AuthenticatedClient,
    body: IdentityUpdateOrganization,
) -> Response[IdentityOrganization | IdentityUpdateOrganizationProblem]:
    """Update an organization

     Admins only. Renames it and/or replaces its allowed domains; members who joined
    through a domain that is dropped lose their membership. Unknown fields are `400`.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        body (IdentityUpdateOrganization): `PATCH /v1/identity/organizations/{organization_id}`:
            the fields to change. An
            absent field is left as it is; `allowed_domains` replaces the whole set. Any other
            field is rejected with `400`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityOrganization | IdentityUpdateOrganizationProblem]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: str,
    *,
    client: AuthenticatedClient,
    body: IdentityUpdateOrganization,
) -> IdentityOrganization | IdentityUpdateOrganizationProblem | None:
    """Update an organization

     Admins only. Renames it and/or replaces its allowed domains; members who joined
    through a domain that is dropped lose their membership. Unknown fields are `400`.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        body (IdentityUpdateOrganization): `PATCH /v1/identity/organizations/{organization_id}`:
            the fields to change. An
            absent field is left as it is; `allowed_domains` replaces the whole set. Any other
            field is rejected with `400`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityOrganization | IdentityUpdateOrganizationProblem
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            body=body,
        )
    ).parsed
