from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_delete_account import IdentityDeleteAccount
from ...models.identity_delete_account_problem import IdentityDeleteAccountProblem
from ...models.identity_erasure import IdentityErasure
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: IdentityDeleteAccount,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/me/delete",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityDeleteAccountProblem | IdentityErasure | None:
    if response.status_code == 202:
        response_202 = IdentityErasure.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = IdentityDeleteAccountProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityDeleteAccountProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = IdentityDeleteAccountProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = IdentityDeleteAccountProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = IdentityDeleteAccountProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = IdentityDeleteAccountProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityDeleteAccountProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityDeleteAccountProblem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = IdentityDeleteAccountProblem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = IdentityDeleteAccountProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityDeleteAccountProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityDeleteAccountProblem | IdentityErasure]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityDeleteAccount,
    idempotency_key: str | Unset = UNSET,
) -> Response[IdentityDeleteAccountProblem | IdentityErasure]:
    """Delete my account

     Erases the caller's account and data in every module, after checking the current
    `password` (a wrong one is `403 reauthentication_failed` and changes nothing; 5
    checks per 15 minutes, then `429`). At once: every session is revoked, login
    becomes impossible, the email address is free to register again, and `user.erased`
    is published. Then each module erases its data, retried until it succeeds; the
    identity record is kept pseudonymized (no email, name or profile) with its
    security events. Access tokens already issued stay valid until they expire (at
    most 15 minutes).

    Args:
        idempotency_key (str | Unset):
        body (IdentityDeleteAccount): Body of `POST /v1/identity/me/delete`. Unknown fields are
            rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityDeleteAccountProblem | IdentityErasure]
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
    body: IdentityDeleteAccount,
    idempotency_key: str | Unset = UNSET,
) -> IdentityDeleteAccountProblem | IdentityErasure | None:
    """Delete my account

     Erases the caller's account and data in every module, after checking the current
    `password` (a wrong one is `403 reauthentication_failed` and changes nothing; 5
    checks per 15 minutes, then `429`). At once: every session is revoked, login
    becomes impossible, the email address is free to register again, and `user.erased`
    is published. Then each module erases its data, retried until it succeeds; the
    identity record is kept pseudonymized (no email, name or profile) with its
    security events. Access tokens already issued stay valid until they expire (at
    most 15 minutes).

    Args:
        idempotency_key (str | Unset):
        body (IdentityDeleteAccount): Body of `POST /v1/identity/me/delete`. Unknown fields are
            rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityDeleteAccountProblem | IdentityErasure
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityDeleteAccount,
    idempotency_key: str | Unset = UNSET,
) -> Response[IdentityDeleteAccountProblem | IdentityErasure]:
    """Delete my account

     Erases the caller's account and data in every module, after checking the current
    `password` (a wrong one is `403 reauthentication_failed` and changes nothing; 5
    checks per 15 minutes, then `429`). At once: every session is revoked, login
    becomes impossible, the email address is free to register again, and `user.erased`
    is published. Then each module erases its data, retried until it succeeds; the
    identity record is kept pseudonymized (no email, name or profile) with its
    security events. Access tokens already issued stay valid until they expire (at
    most 15 minutes).

    Args:
        idempotency_key (str | Unset):
        body (IdentityDeleteAccount): Body of `POST /v1/identity/me/delete`. Unknown fields are
            rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityDeleteAccountProblem | IdentityErasure]
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
    body: IdentityDeleteAccount,
    idempotency_key: str | Unset = UNSET,
) -> IdentityDeleteAccountProblem | IdentityErasure | None:
    """Delete my account

     Erases the caller's account and data in every module, after checking the current
    `password` (a wrong one is `403 reauthentication_failed` and changes nothing; 5
    checks per 15 minutes, then `429`). At once: every session is revoked, login
    becomes impossible, the email address is free to register again, and `user.erased`
    is published. Then each module erases its data, retried until it succeeds; the
    identity record is kept pseudonymized (no email, name or profile) with its
    security events. Access tokens already issued stay valid until they expire (at
    most 15 minutes).

    Args:
        idempotency_key (str | Unset):
        body (IdentityDeleteAccount): Body of `POST /v1/identity/me/delete`. Unknown fields are
            rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityDeleteAccountProblem | IdentityErasure
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
