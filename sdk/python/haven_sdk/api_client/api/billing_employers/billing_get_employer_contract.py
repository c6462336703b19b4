from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_employer_contract import BillingEmployerContract
from ...models.billing_get_employer_contract_problem import (
    BillingGetEmployerContractProblem,
)
from ...types import Response


def _get_kwargs(
    organization_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/billing/admin/employers/{organization_id}/contract".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingEmployerContract | BillingGetEmployerContractProblem | None:
    if response.status_code == 200:
        response_200 = BillingEmployerContract.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BillingGetEmployerContractProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingGetEmployerContractProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingGetEmployerContractProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = BillingGetEmployerContractProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = BillingGetEmployerContractProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingGetEmployerContractProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = BillingGetEmployerContractProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingGetEmployerContractProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingEmployerContract | BillingGetEmployerContractProblem]:
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
) -> Response[BillingEmployerContract | BillingGetEmployerContractProblem]:
    """Read an employer's contract

     Admins only. `404` when the organization has none.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingEmployerContract | BillingGetEmployerContractProblem]
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
) -> BillingEmployerContract | BillingGetEmployerContractProblem | None:
    """Read an employer's contract

     Admins only. `404` when the organization has none.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingEmployerContract | BillingGetEmployerContractProblem
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    organization_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[BillingEmployerContract | BillingGetEmployerContractProblem]:
    """Read an employer's contract

     Admins only. `404` when the organization has none.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingEmployerContract | BillingGetEmployerContractProblem]
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
) -> BillingEmployerContract | BillingGetEmployerContractProblem | None:
    """Read an employer's contract

     Admins only. `404` when the organization has none.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingEmployerContract | BillingGetEmployerContractProblem
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
        )
    ).parsed
