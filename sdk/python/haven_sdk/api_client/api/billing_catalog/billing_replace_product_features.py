from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_product import BillingProduct
from ...models.billing_product_features import BillingProductFeatures
from ...models.billing_replace_product_features_problem import (
    BillingReplaceProductFeaturesProblem,
)
from ...types import Response


def _get_kwargs(
    product_id: str,
    *,
    body: BillingProductFeatures,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/billing/admin/products/{product_id}/features".format(
            product_id=quote(str(product_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingProduct | BillingReplaceProductFeaturesProblem | None:
    if response.status_code == 200:
        response_200 = BillingProduct.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = BillingProduct.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = BillingReplaceProductFeaturesProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingReplaceProductFeaturesProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingReplaceProductFeaturesProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = BillingReplaceProductFeaturesProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = BillingReplaceProductFeaturesProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingReplaceProductFeaturesProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = BillingReplaceProductFeaturesProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = BillingReplaceProductFeaturesProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingReplaceProductFeaturesProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingProduct | BillingReplaceProductFeaturesProblem]:
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
    body: BillingProductFeatures,
) -> Response[BillingProduct | BillingReplaceProductFeaturesProblem]:
    """Replace a product's features

     Admins only. The features apply to grants made from now on (a subscription's
    grants follow at its next renewal).

    Args:
        product_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prd_00000000000000000000000000.
        body (BillingProductFeatures): What a product grants. Counted features carry their yearly
            number of sessions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingProduct | BillingReplaceProductFeaturesProblem]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    product_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingProductFeatures,
) -> BillingProduct | BillingReplaceProductFeaturesProblem | None:
    """Replace a product's features

     Admins only. The features apply to grants made from now on (a subscription's
    grants follow at its next renewal).

    Args:
        product_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prd_00000000000000000000000000.
        body (BillingProductFeatures): What a product grants. Counted features carry their yearly
            number of sessions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingProduct | BillingReplaceProductFeaturesProblem
    """

    return sync_detailed(
        product_id=product_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    product_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingProductFeatures,
) -> Response[BillingProduct | BillingReplaceProductFeaturesProblem]:
    """Replace a product's features

     Admins only. The features apply to grants made from now on (a subscription's
    grants follow at its next renewal).

    Args:
        product_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prd_00000000000000000000000000.
        body (BillingProductFeatures): What a product grants. Counted features carry their yearly
            number of sessions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingProduct | BillingReplaceProductFeaturesProblem]
    """

    kwargs = _get_kwargs(
        product_id=product_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    product_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingProductFeatures,
) -> BillingProduct | BillingReplaceProductFeaturesProblem | None:
    """Replace a product's features

     Admins only. The features apply to grants made from now on (a subscription's
    grants follow at its next renewal).

    Args:
        product_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prd_00000000000000000000000000.
        body (BillingProductFeatures): What a product grants. Counted features carry their yearly
            number of sessions.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingProduct | BillingReplaceProductFeaturesProblem
    """

    return (
        await asyncio_detailed(
            product_id=product_id,
            client=client,
            body=body,
        )
    ).parsed
