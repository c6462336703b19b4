from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_employer_waitlist_problem import BillingEmployerWaitlistProblem
from ...models.page_billing_waitlist_entry import PageBillingWaitlistEntry
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organization_id: str,
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
        "url": "/v1/billing/admin/employers/{organization_id}/waitlist".format(
            organization_id=quote(str(organization_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingEmployerWaitlistProblem | PageBillingWaitlistEntry | None:
    if response.status_code == 200:
        response_200 = PageBillingWaitlistEntry.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BillingEmployerWaitlistProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingEmployerWaitlistProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingEmployerWaitlistProblem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = BillingEmployerWaitlistProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingEmployerWaitlistProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = BillingEmployerWaitlistProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = BillingEmployerWaitlistProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingEmployerWaitlistProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingEmployerWaitlistProblem | PageBillingWaitlistEntry]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organization_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[BillingEmployerWaitlistProblem | PageBillingWaitlistEntry]:
    """An employer's waitlist

     Admins only. Members whose join was refused because every seat was taken
    (`409 seats_full`), and members waiting for a seat to free up, first come first.
    A member leaves the list when they take a seat.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingEmployerWaitlistProblem | PageBillingWaitlistEntry]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> BillingEmployerWaitlistProblem | PageBillingWaitlistEntry | None:
    """An employer's waitlist

     Admins only. Members whose join was refused because every seat was taken
    (`409 seats_full`), and members waiting for a seat to free up, first come first.
    A member leaves the list when they take a seat.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingEmployerWaitlistProblem | PageBillingWaitlistEntry
    """

    return sync_detailed(
        organization_id=organization_id,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    organization_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[BillingEmployerWaitlistProblem | PageBillingWaitlistEntry]:
    """An employer's waitlist

     Admins only. Members whose join was refused because every seat was taken
    (`409 seats_full`), and members waiting for a seat to free up, first come first.
    A member leaves the list when they take a seat.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingEmployerWaitlistProblem | PageBillingWaitlistEntry]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> BillingEmployerWaitlistProblem | PageBillingWaitlistEntry | None:
    """An employer's waitlist

     Admins only. Members whose join was refused because every seat was taken
    (`409 seats_full`), and members waiting for a seat to free up, first come first.
    A member leaves the list when they take a seat.

    Args:
        organization_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            org_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingEmployerWaitlistProblem | PageBillingWaitlistEntry
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
