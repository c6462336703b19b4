from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_checkout_problem import BillingCheckoutProblem
from ...models.billing_checkout_request import BillingCheckoutRequest
from ...models.billing_checkout_session import BillingCheckoutSession
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BillingCheckoutRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/billing/checkout",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingCheckoutProblem | BillingCheckoutSession | None:
    if response.status_code == 201:
        response_201 = BillingCheckoutSession.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = BillingCheckoutProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingCheckoutProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingCheckoutProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = BillingCheckoutProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = BillingCheckoutProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = BillingCheckoutProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingCheckoutProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = BillingCheckoutProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = BillingCheckoutProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingCheckoutProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingCheckoutProblem | BillingCheckoutSession]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BillingCheckoutRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingCheckoutProblem | BillingCheckoutSession]:
    """Start a checkout

     Creates a Stripe Checkout session for a price on sale; send the member to `url`.
    The subscription starts when Stripe reports the payment (webhook), not here. A
    price that cannot be bought on the web is `409 price_not_purchasable`; Stripe
    unreachable is `503 payment_provider_unavailable` with `Retry-After`.

    Args:
        idempotency_key (str | Unset):
        body (BillingCheckoutRequest): Body of `POST /v1/billing/checkout`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingCheckoutProblem | BillingCheckoutSession]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: BillingCheckoutRequest,
    idempotency_key: str | Unset = UNSET,
) -> BillingCheckoutProblem | BillingCheckoutSession | None:
    """Start a checkout

     Creates a Stripe Checkout session for a price on sale; send the member to `url`.
    The subscription starts when Stripe reports the payment (webhook), not here. A
    price that cannot be bought on the web is `409 price_not_purchasable`; Stripe
    unreachable is `503 payment_provider_unavailable` with `Retry-After`.

    Args:
        idempotency_key (str | Unset):
        body (BillingCheckoutRequest): Body of `POST /v1/billing/checkout`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingCheckoutProblem | BillingCheckoutSession
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BillingCheckoutRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingCheckoutProblem | BillingCheckoutSession]:
    """Start a checkout

     Creates a Stripe Checkout session for a price on sale; send the member to `url`.
    The subscription starts when Stripe reports the payment (webhook), not here. A
    price that cannot be bought on the web is `409 price_not_purchasable`; Stripe
    unreachable is `503 payment_provider_unavailable` with `Retry-After`.

    Args:
        idempotency_key (str | Unset):
        body (BillingCheckoutRequest): Body of `POST /v1/billing/checkout`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingCheckoutProblem | BillingCheckoutSession]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BillingCheckoutRequest,
    idempotency_key: str | Unset = UNSET,
) -> BillingCheckoutProblem | BillingCheckoutSession | None:
    """Start a checkout

     Creates a Stripe Checkout session for a price on sale; send the member to `url`.
    The subscription starts when Stripe reports the payment (webhook), not here. A
    price that cannot be bought on the web is `409 price_not_purchasable`; Stripe
    unreachable is `503 payment_provider_unavailable` with `Retry-After`.

    Args:
        idempotency_key (str | Unset):
        body (BillingCheckoutRequest): Body of `POST /v1/billing/checkout`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingCheckoutProblem | BillingCheckoutSession
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
