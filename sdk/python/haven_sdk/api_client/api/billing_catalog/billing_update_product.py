from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_product import BillingProduct
from ...models.billing_update_product import BillingUpdateProduct
from ...models.billing_update_product_problem import BillingUpdateProductProblem
from ...types import Response


def _get_kwargs(
    product_id: str,
    *,
    body: BillingUpdateProduct,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/billing/admin/products/{product_id}".format(
            product_id=quote(str(product_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingProduct | BillingUpdateProductProblem | None:
    if response.status_code == 200:
        response_200 = BillingProduct.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = BillingProduct.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = BillingUpdateProductProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingUpdateProductProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingUpdateProductProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = BillingUpdateProductProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = BillingUpdateProductProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingUpdateProductProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = BillingUpdateProductProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = BillingUpdateProductProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingUpdateProductProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingProduct | BillingUpdateProductProblem]:
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
    body: BillingUpdateProduct,
) -> Response[BillingProduct | BillingUpdateProductProblem]:
    """Update a product

     Admins only. Renames it, changes its description, or starts or stops selling it.
    Unknown fields are `400`.

    Args:
        product_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prd_00000000000000000000000000.
        body (BillingUpdateProduct): `PATCH /v1/billing/admin/products/{product_id}`: the fields
            to change; absent ones
            stay. Unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingProduct | BillingUpdateProductProblem]
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
    body: BillingUpdateProduct,
) -> BillingProduct | BillingUpdateProductProblem | None:
    """Update a product

     Admins only. Renames it, changes its description, or starts or stops selling it.
    Unknown fields are `400`.

    Args:
        product_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prd_00000000000000000000000000.
        body (BillingUpdateProduct): `PATCH /v1/billing/admin/products/{product_id}`: the fields
            to change; absent ones
            stay. Unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingProduct | BillingUpdateProductProblem
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
    body: BillingUpdateProduct,
) -> Response[BillingProduct | BillingUpdateProductProblem]:
    """Update a product

     Admins only. Renames it, changes its description, or starts or stops selling it.
    Unknown fields are `400`.

    Args:
        product_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prd_00000000000000000000000000.
        body (BillingUpdateProduct): `PATCH /v1/billing/admin/products/{product_id}`: the fields
            to change; absent ones
            stay. Unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingProduct | BillingUpdateProductProblem]
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
    body: BillingUpdateProduct,
) -> BillingProduct | BillingUpdateProductProblem | None:
    """Update a product

     Admins only. Renames it, changes its description, or starts or stops selling it.
    Unknown fields are `400`.

    Args:
        product_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prd_00000000000000000000000000.
        body (BillingUpdateProduct): `PATCH /v1/billing/admin/products/{product_id}`: the fields
            to change; absent ones
            stay. Unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingProduct | BillingUpdateProductProblem
    """

    return (
        await asyncio_detailed(
            product_id=product_id,
            client=client,
            body=body,
        )
    ).parsed
