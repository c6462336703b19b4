from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_redeem_promo_code import BillingRedeemPromoCode
from ...models.billing_redeem_promo_code_problem import BillingRedeemPromoCodeProblem
from ...models.billing_redemption import BillingRedemption
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BillingRedeemPromoCode,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/billing/me/promo-redemptions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingRedeemPromoCodeProblem | BillingRedemption | None:
    if response.status_code == 201:
        response_201 = BillingRedemption.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = BillingRedeemPromoCodeProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingRedeemPromoCodeProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingRedeemPromoCodeProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = BillingRedeemPromoCodeProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = BillingRedeemPromoCodeProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = BillingRedeemPromoCodeProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingRedeemPromoCodeProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = BillingRedeemPromoCodeProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = BillingRedeemPromoCodeProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingRedeemPromoCodeProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingRedeemPromoCodeProblem | BillingRedemption]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BillingRedeemPromoCode,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingRedeemPromoCodeProblem | BillingRedemption]:
    """Redeem a promo code

     A free period is granted at once (see `GET /v1/billing/me/entitlements`); a
    discount applies to the caller's next web checkout. Each member redeems a code
    once (`409 promo_code_already_redeemed`); an expired code is `409
    promo_code_expired`, one redeemed as often as allowed `409 promo_code_exhausted`.

    Args:
        idempotency_key (str | Unset):
        body (BillingRedeemPromoCode): Body of `POST /v1/billing/me/promo-redemptions`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingRedeemPromoCodeProblem | BillingRedemption]
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
    body: BillingRedeemPromoCode,
    idempotency_key: str | Unset = UNSET,
) -> BillingRedeemPromoCodeProblem | BillingRedemption | None:
    """Redeem a promo code

     A free period is granted at once (see `GET /v1/billing/me/entitlements`); a
    discount applies to the caller's next web checkout. Each member redeems a code
    once (`409 promo_code_already_redeemed`); an expired code is `409
    promo_code_expired`, one redeemed as often as allowed `409 promo_code_exhausted`.

    Args:
        idempotency_key (str | Unset):
        body (BillingRedeemPromoCode): Body of `POST /v1/billing/me/promo-redemptions`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingRedeemPromoCodeProblem | BillingRedemption
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BillingRedeemPromoCode,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingRedeemPromoCodeProblem | BillingRedemption]:
    """Redeem a promo code

     A free period is granted at once (see `GET /v1/billing/me/entitlements`); a
    discount applies to the caller's next web checkout. Each member redeems a code
    once (`409 promo_code_already_redeemed`); an expired code is `409
    promo_code_expired`, one redeemed as often as allowed `409 promo_code_exhausted`.

    Args:
        idempotency_key (str | Unset):
        body (BillingRedeemPromoCode): Body of `POST /v1/billing/me/promo-redemptions`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingRedeemPromoCodeProblem | BillingRedemption]
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
    body: BillingRedeemPromoCode,
    idempotency_key: str | Unset = UNSET,
) -> BillingRedeemPromoCodeProblem | BillingRedemption | None:
    """Redeem a promo code

     A free period is granted at once (see `GET /v1/billing/me/entitlements`); a
    discount applies to the caller's next web checkout. Each member redeems a code
    once (`409 promo_code_already_redeemed`); an expired code is `409
    promo_code_expired`, one redeemed as often as allowed `409 promo_code_exhausted`.

    Args:
        idempotency_key (str | Unset):
        body (BillingRedeemPromoCode): Body of `POST /v1/billing/me/promo-redemptions`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingRedeemPromoCodeProblem | BillingRedemption
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
