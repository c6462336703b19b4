from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_my_store_account_problem import BillingMyStoreAccountProblem
from ...models.billing_store_account import BillingStoreAccount
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/billing/me/store-account",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingMyStoreAccountProblem | BillingStoreAccount | None:
    if response.status_code == 200:
        response_200 = BillingStoreAccount.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BillingMyStoreAccountProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingMyStoreAccountProblem.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = BillingMyStoreAccountProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingMyStoreAccountProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = BillingMyStoreAccountProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingMyStoreAccountProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingMyStoreAccountProblem | BillingStoreAccount]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[BillingMyStoreAccountProblem | BillingStoreAccount]:
    """Get my store account token

     The UUID the app must set on App Store (`appAccountToken`) and Google Play
    (`obfuscatedExternalAccountId`) purchases, so the store's notifications reach this
    member. Created on the first call; the same on every later call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingMyStoreAccountProblem | BillingStoreAccount]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> BillingMyStoreAccountProblem | BillingStoreAccount | None:
    """Get my store account token

     The UUID the app must set on App Store (`appAccountToken`) and Google Play
    (`obfuscatedExternalAccountId`) purchases, so the store's notifications reach this
    member. Created on the first call; the same on every later call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingMyStoreAccountProblem | BillingStoreAccount
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[BillingMyStoreAccountProblem | BillingStoreAccount]:
    """Get my store account token

     The UUID the app must set on App Store (`appAccountToken`) and Google Play
    (`obfuscatedExternalAccountId`) purchases, so the store's notifications reach this
    member. Created on the first call; the same on every later call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingMyStoreAccountProblem | BillingStoreAccount]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> BillingMyStoreAccountProblem | BillingStoreAccount | None:
    """Get my store account token

     The UUID the app must set on App Store (`appAccountToken`) and Google Play
    (`obfuscatedExternalAccountId`) purchases, so the store's notifications reach this
    member. Created on the first call; the same on every later call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingMyStoreAccountProblem | BillingStoreAccount
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
