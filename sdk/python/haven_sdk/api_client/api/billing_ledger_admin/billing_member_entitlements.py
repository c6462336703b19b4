from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_entitlements import BillingEntitlements
from ...models.billing_member_entitlements_problem import (
    BillingMemberEntitlementsProblem,
)
from ...types import Response


def _get_kwargs(
    user_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/billing/admin/members/{user_id}/entitlements".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingEntitlements | BillingMemberEntitlementsProblem | None:
    if response.status_code == 200:
        response_200 = BillingEntitlements.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BillingMemberEntitlementsProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingMemberEntitlementsProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingMemberEntitlementsProblem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = BillingMemberEntitlementsProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingMemberEntitlementsProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = BillingMemberEntitlementsProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingMemberEntitlementsProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingEntitlements | BillingMemberEntitlementsProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[BillingEntitlements | BillingMemberEntitlementsProblem]:
    """A member's entitlements

     Admins only (role `admin`, signed in with a second factor). What the member sees
    at `GET /v1/billing/me/entitlements`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingEntitlements | BillingMemberEntitlementsProblem]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> BillingEntitlements | BillingMemberEntitlementsProblem | None:
    """A member's entitlements

     Admins only (role `admin`, signed in with a second factor). What the member sees
    at `GET /v1/billing/me/entitlements`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingEntitlements | BillingMemberEntitlementsProblem
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[BillingEntitlements | BillingMemberEntitlementsProblem]:
    """A member's entitlements

     Admins only (role `admin`, signed in with a second factor). What the member sees
    at `GET /v1/billing/me/entitlements`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingEntitlements | BillingMemberEntitlementsProblem]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
) -> BillingEntitlements | BillingMemberEntitlementsProblem | None:
    """A member's entitlements

     Admins only (role `admin`, signed in with a second factor). What the member sees
    at `GET /v1/billing/me/entitlements`.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingEntitlements | BillingMemberEntitlementsProblem
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
        )
    ).parsed
