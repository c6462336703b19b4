from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.billing_admin_revoke_grant_problem import BillingAdminRevokeGrantProblem
from ...models.billing_grant import BillingGrant
from ...models.billing_revoke_grant import BillingRevokeGrant
from ...types import UNSET, Response, Unset


def _get_kwargs(
    grant_id: str,
    *,
    body: BillingRevokeGrant,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/billing/admin/grants/{grant_id}/revoke".format(
            grant_id=quote(str(grant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BillingAdminRevokeGrantProblem | BillingGrant | None:
    if response.status_code == 200:
        response_200 = BillingGrant.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = BillingGrant.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = BillingAdminRevokeGrantProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BillingAdminRevokeGrantProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = BillingAdminRevokeGrantProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = BillingAdminRevokeGrantProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = BillingAdminRevokeGrantProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = BillingAdminRevokeGrantProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = BillingAdminRevokeGrantProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = BillingAdminRevokeGrantProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = BillingAdminRevokeGrantProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = BillingAdminRevokeGrantProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BillingAdminRevokeGrantProblem | BillingGrant]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    grant_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingRevokeGrant,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingAdminRevokeGrantProblem | BillingGrant]:
    """Revoke a grant

     Admins only. Revokes any grant (whatever its source) at once; kept in the
    ledger's history with the admin's id and the reason. A revoked grant is
    `409 grant_revoked`.

    Args:
        grant_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            grt_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (BillingRevokeGrant): Body of `POST /v1/billing/admin/grants/{grant_id}/revoke`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingAdminRevokeGrantProblem | BillingGrant]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    grant_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingRevokeGrant,
    idempotency_key: str | Unset = UNSET,
) -> BillingAdminRevokeGrantProblem | BillingGrant | None:
    """Revoke a grant

     Admins only. Revokes any grant (whatever its source) at once; kept in the
    ledger's history with the admin's id and the reason. A revoked grant is
    `409 grant_revoked`.

    Args:
        grant_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            grt_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (BillingRevokeGrant): Body of `POST /v1/billing/admin/grants/{grant_id}/revoke`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingAdminRevokeGrantProblem | BillingGrant
    """

    return sync_detailed(
        grant_id=grant_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    grant_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingRevokeGrant,
    idempotency_key: str | Unset = UNSET,
) -> Response[BillingAdminRevokeGrantProblem | BillingGrant]:
    """Revoke a grant

     Admins only. Revokes any grant (whatever its source) at once; kept in the
    ledger's history with the admin's id and the reason. A revoked grant is
    `409 grant_revoked`.

    Args:
        grant_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            grt_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (BillingRevokeGrant): Body of `POST /v1/billing/admin/grants/{grant_id}/revoke`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BillingAdminRevokeGrantProblem | BillingGrant]
    """

    kwargs = _get_kwargs(
        grant_id=grant_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    grant_id: str,
    *,
    client: AuthenticatedClient,
    body: BillingRevokeGrant,
    idempotency_key: str | Unset = UNSET,
) -> BillingAdminRevokeGrantProblem | BillingGrant | None:
    """Revoke a grant

     Admins only. Revokes any grant (whatever its source) at once; kept in the
    ledger's history with the admin's id and the reason. A revoked grant is
    `409 grant_revoked`.

    Args:
        grant_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            grt_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (BillingRevokeGrant): Body of `POST /v1/billing/admin/grants/{grant_id}/revoke`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BillingAdminRevokeGrantProblem | BillingGrant
    """

    return (
        await asyncio_detailed(
            grant_id=grant_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
