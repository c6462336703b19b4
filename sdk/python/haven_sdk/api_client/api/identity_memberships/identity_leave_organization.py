from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_leave_organization_problem import (
    IdentityLeaveOrganizationProblem,
)
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/identity/me/organization",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | IdentityLeaveOrganizationProblem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = IdentityLeaveOrganizationProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityLeaveOrganizationProblem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = IdentityLeaveOrganizationProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = IdentityLeaveOrganizationProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityLeaveOrganizationProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = IdentityLeaveOrganizationProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityLeaveOrganizationProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | IdentityLeaveOrganizationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Any | IdentityLeaveOrganizationProblem]:
    """Leave the organization

     Ends the caller's active membership; `404 not_a_member` if they have none.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityLeaveOrganizationProblem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Any | IdentityLeaveOrganizationProblem | None:
    """Leave the organization

     Ends the caller's active membership; `404 not_a_member` if they have none.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityLeaveOrganizationProblem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Any | IdentityLeaveOrganizationProblem]:
    """Leave the organization

     Ends the caller's active membership; `404 not_a_member` if they have none.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityLeaveOrganizationProblem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Any | IdentityLeaveOrganizationProblem | None:
    """Leave the organization

     Ends the caller's active membership; `404 not_a_member` if they have none.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityLeaveOrganizationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
