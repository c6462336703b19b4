from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_create_product import BillingCreateProduct
from ...models.billing_create_product_problem import BillingCreateProductProblem
from ...models.billing_product import BillingProduct
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: BillingCreateProduct,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/billing/admin/products",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingCreateProductProblem | BillingProduct | None:
    if response.status_code == 200:
        response_200 = BillingProduct.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = BillingProduct.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = BillingCreateProductProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingCreateProductProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingCreateProductProblem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = BillingCreateProductProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = BillingCreateProductProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingCreateProductProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = BillingCreateProductProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = BillingCreateProductProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingCreateProductProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingCreateProductProblem | BillingProduct]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BillingCreateProduct,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingCreateProductProblem | BillingProduct]:
    """Create a product

     Admins only (role `admin`, signed in with a second factor). A product is a plan
    granting features; counted features (`care_therapy`, `care_psychiatry`) carry a
    yearly number of sessions. A code another product has is `409 product_code_taken`.

    Args:
        idempotency_key (str | Unset):
        body (BillingCreateProduct): Body of `POST /v1/billing/admin/products`. Unknown fields are
            rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingCreateProductProblem | BillingProduct]
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
    body: BillingCreateProduct,
    idempotency_key: str | Unset = UNSET,
) -> BillingCreateProductProblem | BillingProduct | None:
    """Create a product

     Admins only (role `admin`, signed in with a second factor). A product is a plan
    granting features; counted features (`care_therapy`, `care_psychiatry`) carry a
    yearly number of sessions. A code another product has is `409 product_code_taken`.

    Args:
        idempotency_key (str | Unset):
        body (BillingCreateProduct): Body of `POST /v1/billing/admin/products`. Unknown fields are
            rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingCreateProductProblem | BillingProduct
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BillingCreateProduct,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingCreateProductProblem | BillingProduct]:
    """Create a product

     Admins only (role `admin`, signed in with a second factor). A product is a plan
    granting features; counted features (`care_therapy`, `care_psychiatry`) carry a
    yearly number of sessions. A code another product has is `409 product_code_taken`.

    Args:
        idempotency_key (str | Unset):
        body (BillingCreateProduct): Body of `POST /v1/billing/admin/products`. Unknown fields are
            rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingCreateProductProblem | BillingProduct]
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
    body: BillingCreateProduct,
    idempotency_key: str | Unset = UNSET,
) -> BillingCreateProductProblem | BillingProduct | None:
    """Create a product

     Admins only (role `admin`, signed in with a second factor). A product is a plan
    granting features; counted features (`care_therapy`, `care_psychiatry`) carry a
    yearly number of sessions. A code another product has is `409 product_code_taken`.

    Args:
        idempotency_key (str | Unset):
        body (BillingCreateProduct): Body of `POST /v1/billing/admin/products`. Unknown fields are
            rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingCreateProductProblem | BillingProduct
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
