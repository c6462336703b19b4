from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_create_price import BillingCreatePrice
from ...models.billing_create_price_problem import BillingCreatePriceProblem
from ...models.billing_price import BillingPrice
from ...types import UNSET, Response, Unset


def _get_kwargs(
    product_id: str,
    *,
    body: BillingCreatePrice,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/billing/admin/products/{product_id}/prices".format(
            product_id=quote(str(product_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingCreatePriceProblem | BillingPrice | None:
    if response.status_code == 200:
        response_200 = BillingPrice.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = BillingPrice.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = BillingCreatePriceProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingCreatePriceProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingCreatePriceProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = BillingCreatePriceProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = BillingCreatePriceProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = BillingCreatePriceProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingCreatePriceProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = BillingCreatePriceProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = BillingCreatePriceProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingCreatePriceProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingCreatePriceProblem | BillingPrice]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    product_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingCreatePrice,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingCreatePriceProblem | BillingPrice]:
    """Add a price

     Admins only. Adds a price (minor units, ISO 4217 currency, interval, trial) to a
    product; linking a Stripe price makes it purchasable through checkout. A Stripe
    price linked to another price is `409 stripe_price_taken`; naming the App Store or
    Google Play product sold at this price maps store purchases to the product's
    features, and a store product sold at another price is `409 store_product_taken`.

    Args:
        product_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prd_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (BillingCreatePrice): Body of `POST /v1/billing/admin/products/{product_id}/prices`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingCreatePriceProblem | BillingPrice]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    product_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingCreatePrice,
    idempotency_key: str | Unset = UNSET,
) -> BillingCreatePriceProblem | BillingPrice | None:
    """Add a price

     Admins only. Adds a price (minor units, ISO 4217 currency, interval, trial) to a
    product; linking a Stripe price makes it purchasable through checkout. A Stripe
    price linked to another price is `409 stripe_price_taken`; naming the App Store or
    Google Play product sold at this price maps store purchases to the product's
    features, and a store product sold at another price is `409 store_product_taken`.

    Args:
        product_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prd_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (BillingCreatePrice): Body of `POST /v1/billing/admin/products/{product_id}/prices`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingCreatePriceProblem | BillingPrice
    """

    return sync_detailed(
        product_id=product_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    product_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingCreatePrice,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingCreatePriceProblem | BillingPrice]:
    """Add a price

     Admins only. Adds a price (minor units, ISO 4217 currency, interval, trial) to a
    product; linking a Stripe price makes it purchasable through checkout. A Stripe
    price linked to another price is `409 stripe_price_taken`; naming the App Store or
    Google Play product sold at this price maps store purchases to the product's
    features, and a store product sold at another price is `409 store_product_taken`.

    Args:
        product_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prd_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (BillingCreatePrice): Body of `POST /v1/billing/admin/products/{product_id}/prices`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingCreatePriceProblem | BillingPrice]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    product_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingCreatePrice,
    idempotency_key: str | Unset = UNSET,
) -> BillingCreatePriceProblem | BillingPrice | None:
    """Add a price

     Admins only. Adds a price (minor units, ISO 4217 currency, interval, trial) to a
    product; linking a Stripe price makes it purchasable through checkout. A Stripe
    price linked to another price is `409 stripe_price_taken`; naming the App Store or
    Google Play product sold at this price maps store purchases to the product's
    features, and a store product sold at another price is `409 store_product_taken`.

    Args:
        product_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prd_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (BillingCreatePrice): Body of `POST /v1/billing/admin/products/{product_id}/prices`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingCreatePriceProblem | BillingPrice
    """

    return (
        await asyncio_detailed(
            product_id=product_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
