from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_price import BillingPrice
from ...models.billing_update_price import BillingUpdatePrice
from ...models.billing_update_price_problem import BillingUpdatePriceProblem
from ...types import Response


def _get_kwargs(
    price_id: str,
    *,
    body: BillingUpdatePrice,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/billing/admin/prices/{price_id}".format(
            price_id=quote(str(price_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingPrice | BillingUpdatePriceProblem | None:
    if response.status_code == 200:
        response_200 = BillingPrice.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = BillingPrice.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = BillingUpdatePriceProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingUpdatePriceProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingUpdatePriceProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = BillingUpdatePriceProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = BillingUpdatePriceProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingUpdatePriceProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = BillingUpdatePriceProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = BillingUpdatePriceProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingUpdatePriceProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingPrice | BillingUpdatePriceProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    price_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingUpdatePrice,
) -> Response[BillingPrice | BillingUpdatePriceProblem]:
    """Update a price

     Admins only. Starts or stops selling a price (amounts never change: add a new
    price instead).

    Args:
        price_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prc_00000000000000000000000000.
        body (BillingUpdatePrice): `PATCH /v1/billing/admin/prices/{price_id}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingPrice | BillingUpdatePriceProblem]
    """

    kwargs = _get_kwargs(
        price_id=price_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    price_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingUpdatePrice,
) -> BillingPrice | BillingUpdatePriceProblem | None:
    """Update a price

     Admins only. Starts or stops selling a price (amounts never change: add a new
    price instead).

    Args:
        price_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prc_00000000000000000000000000.
        body (BillingUpdatePrice): `PATCH /v1/billing/admin/prices/{price_id}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingPrice | BillingUpdatePriceProblem
    """

    return sync_detailed(
        price_id=price_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    price_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingUpdatePrice,
) -> Response[BillingPrice | BillingUpdatePriceProblem]:
    """Update a price

     Admins only. Starts or stops selling a price (amounts never change: add a new
    price instead).

    Args:
        price_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prc_00000000000000000000000000.
        body (BillingUpdatePrice): `PATCH /v1/billing/admin/prices/{price_id}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingPrice | BillingUpdatePriceProblem]
    """

    kwargs = _get_kwargs(
        price_id=price_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    price_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingUpdatePrice,
) -> BillingPrice | BillingUpdatePriceProblem | None:
    """Update a price

     Admins only. Starts or stops selling a price (amounts never change: add a new
    price instead).

    Args:
        price_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prc_00000000000000000000000000.
        body (BillingUpdatePrice): `PATCH /v1/billing/admin/prices/{price_id}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingPrice | BillingUpdatePriceProblem
    """

    return (
        await asyncio_detailed(
            price_id=price_id,
            client=client,
            body=body,
        )
    ).parsed
