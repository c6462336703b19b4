from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_employer_contract import BillingEmployerContract
from ...models.billing_set_employer_contract import BillingSetEmployerContract
from ...models.billing_set_employer_contract_problem import (
    BillingSetEmployerContractProblem,
)
from ...types import Response


def _get_kwargs(
    organization_id: str,
    *,
    body: BillingSetEmployerContract,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/billing/admin/employers/{organization_id}/contract".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingEmployerContract | BillingSetEmployerContractProblem | None:
    if response.status_code == 200:
        response_200 = BillingEmployerContract.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BillingSetEmployerContractProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingSetEmployerContractProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingSetEmployerContractProblem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = BillingSetEmployerContractProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingSetEmployerContractProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = BillingSetEmployerContractProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = BillingSetEmployerContractProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingSetEmployerContractProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingEmployerContract | BillingSetEmployerContractProblem]:
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
    body: BillingSetEmployerContract,
) -> Response[BillingEmployerContract | BillingSetEmployerContractProblem]:
    """Set an employer's contract

     Admins only (role `admin`, signed in with a second factor). The product the
    organization's members get and how many at once (`seats: null`: the configured
    default); the members seated now get the product's features, and members waiting
    for a seat are seated, first come first, while seats are free. A join beyond the
    seats is refused (`409 seats_full` on identity's join) and waitlisted.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        body (BillingSetEmployerContract): Body of `PUT
            /v1/billing/admin/employers/{organization_id}/contract`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingEmployerContract | BillingSetEmployerContractProblem]
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
    body: BillingSetEmployerContract,
) -> BillingEmployerContract | BillingSetEmployerContractProblem | None:
    """Set an employer's contract

     Admins only (role `admin`, signed in with a second factor). The product the
    organization's members get and how many at once (`seats: null`: the configured
    default); the members seated now get the product's features, and members waiting
    for a seat are seated, first come first, while seats are free. A join beyond the
    seats is refused (`409 seats_full` on identity's join) and waitlisted.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        body (BillingSetEmployerContract): Body of `PUT
            /v1/billing/admin/employers/{organization_id}/contract`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingEmployerContract | BillingSetEmployerContractProblem
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
    body: BillingSetEmployerContract,
) -> Response[BillingEmployerContract | BillingSetEmployerContractProblem]:
    """Set an employer's contract

     Admins only (role `admin`, signed in with a second factor). The product the
    organization's members get and how many at once (`seats: null`: the configured
    default); the members seated now get the product's features, and members waiting
    for a seat are seated, first come first, while seats are free. A join beyond the
    seats is refused (`409 seats_full` on identity's join) and waitlisted.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        body (BillingSetEmployerContract): Body of `PUT
            /v1/billing/admin/employers/{organization_id}/contract`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingEmployerContract | BillingSetEmployerContractProblem]
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
    body: BillingSetEmployerContract,
) -> BillingEmployerContract | BillingSetEmployerContractProblem | None:
    """Set an employer's contract

     Admins only (role `admin`, signed in with a second factor). The product the
    organization's members get and how many at once (`seats: null`: the configured
    default); the members seated now get the product's features, and members waiting
    for a seat are seated, first come first, while seats are free. A join beyond the
    seats is refused (`409 seats_full` on identity's join) and waitlisted.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        body (BillingSetEmployerContract): Body of `PUT
            /v1/billing/admin/employers/{organization_id}/contract`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingEmployerContract | BillingSetEmployerContractProblem
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            body=body,
        )
    ).parsed
