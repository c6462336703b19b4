from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_member_ledger_problem import BillingMemberLedgerProblem
from ...models.page_billing_ledger_entry import PageBillingLedgerEntry
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: str,
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/billing/admin/members/{user_id}/ledger".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingMemberLedgerProblem | PageBillingLedgerEntry | None:
    if response.status_code == 200:
        response_200 = PageBillingLedgerEntry.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BillingMemberLedgerProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingMemberLedgerProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingMemberLedgerProblem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = BillingMemberLedgerProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingMemberLedgerProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = BillingMemberLedgerProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = BillingMemberLedgerProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingMemberLedgerProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingMemberLedgerProblem | PageBillingLedgerEntry]:
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
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[BillingMemberLedgerProblem | PageBillingLedgerEntry]:
    """A member's ledger history

     Admins only. Every change of the member's ledger (grants made, changed and
    revoked, sessions consumed and released), with the admin and reason of changes
    made by hand; oldest first.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingMemberLedgerProblem | PageBillingLedgerEntry]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> BillingMemberLedgerProblem | PageBillingLedgerEntry | None:
    """A member's ledger history

     Admins only. Every change of the member's ledger (grants made, changed and
    revoked, sessions consumed and released), with the admin and reason of changes
    made by hand; oldest first.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingMemberLedgerProblem | PageBillingLedgerEntry
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[BillingMemberLedgerProblem | PageBillingLedgerEntry]:
    """A member's ledger history

     Admins only. Every change of the member's ledger (grants made, changed and
    revoked, sessions consumed and released), with the admin and reason of changes
    made by hand; oldest first.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingMemberLedgerProblem | PageBillingLedgerEntry]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> BillingMemberLedgerProblem | PageBillingLedgerEntry | None:
    """A member's ledger history

     Admins only. Every change of the member's ledger (grants made, changed and
    revoked, sessions consumed and released), with the admin and reason of changes
    made by hand; oldest first.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingMemberLedgerProblem | PageBillingLedgerEntry
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
