from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_entitlements import BillingEntitlements
from ...models.billing_my_entitlements_problem import BillingMyEntitlementsProblem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/billing/me/entitlements",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingEntitlements | BillingMyEntitlementsProblem | None:
    if response.status_code == 200:
        response_200 = BillingEntitlements.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BillingMyEntitlementsProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingMyEntitlementsProblem.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = BillingMyEntitlementsProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingMyEntitlementsProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = BillingMyEntitlementsProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingMyEntitlementsProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingEntitlements | BillingMyEntitlementsProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[BillingEntitlements | BillingMyEntitlementsProblem]:
    """My entitlements

     Every feature with whether the caller may use it now and, for sessions, how many
    are left in the current benefit year (a calendar year in UTC); and the grants
    behind them with their sources (subscription, employer, promo code, admin).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingEntitlements | BillingMyEntitlementsProblem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> BillingEntitlements | BillingMyEntitlementsProblem | None:
    """My entitlements

     Every feature with whether the caller may use it now and, for sessions, how many
    are left in the current benefit year (a calendar year in UTC); and the grants
    behind them with their sources (subscription, employer, promo code, admin).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingEntitlements | BillingMyEntitlementsProblem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[BillingEntitlements | BillingMyEntitlementsProblem]:
    """My entitlements

     Every feature with whether the caller may use it now and, for sessions, how many
    are left in the current benefit year (a calendar year in UTC); and the grants
    behind them with their sources (subscription, employer, promo code, admin).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingEntitlements | BillingMyEntitlementsProblem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> BillingEntitlements | BillingMyEntitlementsProblem | None:
    """My entitlements

     Every feature with whether the caller may use it now and, for sessions, how many
    are left in the current benefit year (a calendar year in UTC); and the grants
    behind them with their sources (subscription, employer, promo code, admin).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingEntitlements | BillingMyEntitlementsProblem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
