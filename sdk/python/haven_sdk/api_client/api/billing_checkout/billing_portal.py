from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_portal_problem import BillingPortalProblem
from ...models.billing_portal_session import BillingPortalSession
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/billing/me/portal",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingPortalProblem | BillingPortalSession | None:
    if response.status_code == 200:
        response_200 = BillingPortalSession.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BillingPortalProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingPortalProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingPortalProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = BillingPortalProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = BillingPortalProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingPortalProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = BillingPortalProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingPortalProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingPortalProblem | BillingPortalSession]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[BillingPortalProblem | BillingPortalSession]:
    """Open the customer portal

     A one-time link to Stripe's customer portal, where the member cancels, changes
    their card or downloads invoices. `404 no_billing_account` if they never paid on
    the web.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingPortalProblem | BillingPortalSession]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> BillingPortalProblem | BillingPortalSession | None:
    """Open the customer portal

     A one-time link to Stripe's customer portal, where the member cancels, changes
    their card or downloads invoices. `404 no_billing_account` if they never paid on
    the web.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingPortalProblem | BillingPortalSession
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[BillingPortalProblem | BillingPortalSession]:
    """Open the customer portal

     A one-time link to Stripe's customer portal, where the member cancels, changes
    their card or downloads invoices. `404 no_billing_account` if they never paid on
    the web.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingPortalProblem | BillingPortalSession]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> BillingPortalProblem | BillingPortalSession | None:
    """Open the customer portal

     A one-time link to Stripe's customer portal, where the member cancels, changes
    their card or downloads invoices. `404 no_billing_account` if they never paid on
    the web.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingPortalProblem | BillingPortalSession
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
