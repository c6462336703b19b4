from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_create_promo_code import BillingCreatePromoCode
from ...models.billing_create_promo_code_problem import BillingCreatePromoCodeProblem
from ...models.billing_promo_code import BillingPromoCode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BillingCreatePromoCode,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/billing/admin/promo-codes",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingCreatePromoCodeProblem | BillingPromoCode | None:
    if response.status_code == 201:
        response_201 = BillingPromoCode.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = BillingCreatePromoCodeProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingCreatePromoCodeProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingCreatePromoCodeProblem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = BillingCreatePromoCodeProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = BillingCreatePromoCodeProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingCreatePromoCodeProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = BillingCreatePromoCodeProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = BillingCreatePromoCodeProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingCreatePromoCodeProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingCreatePromoCodeProblem | BillingPromoCode]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BillingCreatePromoCode,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingCreatePromoCodeProblem | BillingPromoCode]:
    """Create a promo code

     Admins only (role `admin`, signed in with a second factor). A discount (percent or
    amount off, a Stripe coupon applied at the member's next web checkout) or a free
    period of a product; optional expiry and total limit. Terms that do not fit the
    kind are `422 promo_terms_invalid`; a code in use is `409 promo_code_taken`.

    Args:
        idempotency_key (str | Unset):
        body (BillingCreatePromoCode): Body of `POST /v1/billing/admin/promo-codes`. The terms
            must fit the kind
            (`promo_terms_invalid` otherwise): `percent_off` codes need `percent_off` and
            `stripe_coupon_id`; `amount_off` codes `amount_off_minor`, `currency` and
            `stripe_coupon_id`; `free_period` codes `product_id` and `free_days`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingCreatePromoCodeProblem | BillingPromoCode]
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
    body: BillingCreatePromoCode,
    idempotency_key: str | Unset = UNSET,
) -> BillingCreatePromoCodeProblem | BillingPromoCode | None:
    """Create a promo code

     Admins only (role `admin`, signed in with a second factor). A discount (percent or
    amount off, a Stripe coupon applied at the member's next web checkout) or a free
    period of a product; optional expiry and total limit. Terms that do not fit the
    kind are `422 promo_terms_invalid`; a code in use is `409 promo_code_taken`.

    Args:
        idempotency_key (str | Unset):
        body (BillingCreatePromoCode): Body of `POST /v1/billing/admin/promo-codes`. The terms
            must fit the kind
            (`promo_terms_invalid` otherwise): `percent_off` codes need `percent_off` and
            `stripe_coupon_id`; `amount_off` codes `amount_off_minor`, `currency` and
            `stripe_coupon_id`; `free_period` codes `product_id` and `free_days`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingCreatePromoCodeProblem | BillingPromoCode
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BillingCreatePromoCode,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingCreatePromoCodeProblem | BillingPromoCode]:
    """Create a promo code

     Admins only (role `admin`, signed in with a second factor). A discount (percent or
    amount off, a Stripe coupon applied at the member's next web checkout) or a free
    period of a product; optional expiry and total limit. Terms that do not fit the
    kind are `422 promo_terms_invalid`; a code in use is `409 promo_code_taken`.

    Args:
        idempotency_key (str | Unset):
        body (BillingCreatePromoCode): Body of `POST /v1/billing/admin/promo-codes`. The terms
            must fit the kind
            (`promo_terms_invalid` otherwise): `percent_off` codes need `percent_off` and
            `stripe_coupon_id`; `amount_off` codes `amount_off_minor`, `currency` and
            `stripe_coupon_id`; `free_period` codes `product_id` and `free_days`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingCreatePromoCodeProblem | BillingPromoCode]
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
    body: BillingCreatePromoCode,
    idempotency_key: str | Unset = UNSET,
) -> BillingCreatePromoCodeProblem | BillingPromoCode | None:
    """Create a promo code

     Admins only (role `admin`, signed in with a second factor). A discount (percent or
    amount off, a Stripe coupon applied at the member's next web checkout) or a free
    period of a product; optional expiry and total limit. Terms that do not fit the
    kind are `422 promo_terms_invalid`; a code in use is `409 promo_code_taken`.

    Args:
        idempotency_key (str | Unset):
        body (BillingCreatePromoCode): Body of `POST /v1/billing/admin/promo-codes`. The terms
            must fit the kind
            (`promo_terms_invalid` otherwise): `percent_off` codes need `percent_off` and
            `stripe_coupon_id`; `amount_off` codes `amount_off_minor`, `currency` and
            `stripe_coupon_id`; `free_period` codes `product_id` and `free_days`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingCreatePromoCodeProblem | BillingPromoCode
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
