from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_admin_grant import BillingAdminGrant
from ...models.billing_admin_grant_problem import BillingAdminGrantProblem
from ...models.billing_grant import BillingGrant
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: str,
    *,
    body: BillingAdminGrant,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/billing/admin/members/{user_id}/grants".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingAdminGrantProblem | BillingGrant | None:
    if response.status_code == 200:
        response_200 = BillingGrant.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = BillingGrant.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = BillingAdminGrantProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingAdminGrantProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingAdminGrantProblem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = BillingAdminGrantProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = BillingAdminGrantProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingAdminGrantProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = BillingAdminGrantProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = BillingAdminGrantProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingAdminGrantProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingAdminGrantProblem | BillingGrant]:
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
    body: BillingAdminGrant,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingAdminGrantProblem | BillingGrant]:
    """Grant a feature by hand

     Admins only. Grants a feature to a member from now until `valid_until` (or
    open-ended), with a quota for sessions; kept in the ledger's history with the
    admin's id and the reason.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (BillingAdminGrant): Body of `POST /v1/billing/admin/members/{user_id}/grants`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingAdminGrantProblem | BillingGrant]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingAdminGrant,
    idempotency_key: str | Unset = UNSET,
) -> BillingAdminGrantProblem | BillingGrant | None:
    """Grant a feature by hand

     Admins only. Grants a feature to a member from now until `valid_until` (or
    open-ended), with a quota for sessions; kept in the ledger's history with the
    admin's id and the reason.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (BillingAdminGrant): Body of `POST /v1/billing/admin/members/{user_id}/grants`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingAdminGrantProblem | BillingGrant
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingAdminGrant,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingAdminGrantProblem | BillingGrant]:
    """Grant a feature by hand

     Admins only. Grants a feature to a member from now until `valid_until` (or
    open-ended), with a quota for sessions; kept in the ledger's history with the
    admin's id and the reason.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (BillingAdminGrant): Body of `POST /v1/billing/admin/members/{user_id}/grants`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingAdminGrantProblem | BillingGrant]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingAdminGrant,
    idempotency_key: str | Unset = UNSET,
) -> BillingAdminGrantProblem | BillingGrant | None:
    """Grant a feature by hand

     Admins only. Grants a feature to a member from now until `valid_until` (or
    open-ended), with a quota for sessions; kept in the ledger's history with the
    admin's id and the reason.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (BillingAdminGrant): Body of `POST /v1/billing/admin/members/{user_id}/grants`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingAdminGrantProblem | BillingGrant
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
