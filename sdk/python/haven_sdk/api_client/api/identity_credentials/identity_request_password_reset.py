from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_email_accepted import IdentityEmailAccepted
from ...models.identity_request_password_reset import IdentityRequestPasswordReset
from ...models.identity_request_password_reset_problem import (
    IdentityRequestPasswordResetProblem,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: IdentityRequestPasswordReset,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/password-reset",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityEmailAccepted | IdentityRequestPasswordResetProblem | None:
    if response.status_code == 202:
        response_202 = IdentityEmailAccepted.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = IdentityRequestPasswordResetProblem.from_dict(response.json())

        return response_400

    if response.status_code == 409:
        response_409 = IdentityRequestPasswordResetProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = IdentityRequestPasswordResetProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityRequestPasswordResetProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityRequestPasswordResetProblem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = IdentityRequestPasswordResetProblem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = IdentityRequestPasswordResetProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityRequestPasswordResetProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityEmailAccepted | IdentityRequestPasswordResetProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityRequestPasswordReset,
    idempotency_key: str | Unset = UNSET,
) -> Response[IdentityEmailAccepted | IdentityRequestPasswordResetProblem]:
    """Request a password-reset email

     Emails a link that sets a new password (valid for 1 hour) if the address belongs
    to an account. Always `202` with the same body, so it never reveals whether an
    address is registered. Limited per address and per client IP
    (`429 rate_limited`); a malformed address is `422 validation_failed`.

    Args:
        idempotency_key (str | Unset):
        body (IdentityRequestPasswordReset): Body of `POST /v1/identity/password-reset`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityEmailAccepted | IdentityRequestPasswordResetProblem]
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
    client: AuthenticatedClient | Client,
    body: IdentityRequestPasswordReset,
    idempotency_key: str | Unset = UNSET,
) -> IdentityEmailAccepted | IdentityRequestPasswordResetProblem | None:
    """Request a password-reset email

     Emails a link that sets a new password (valid for 1 hour) if the address belongs
    to an account. Always `202` with the same body, so it never reveals whether an
    address is registered. Limited per address and per client IP
    (`429 rate_limited`); a malformed address is `422 validation_failed`.

    Args:
        idempotency_key (str | Unset):
        body (IdentityRequestPasswordReset): Body of `POST /v1/identity/password-reset`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityEmailAccepted | IdentityRequestPasswordResetProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityRequestPasswordReset,
    idempotency_key: str | Unset = UNSET,
) -> Response[IdentityEmailAccepted | IdentityRequestPasswordResetProblem]:
    """Request a password-reset email

     Emails a link that sets a new password (valid for 1 hour) if the address belongs
    to an account. Always `202` with the same body, so it never reveals whether an
    address is registered. Limited per address and per client IP
    (`429 rate_limited`); a malformed address is `422 validation_failed`.

    Args:
        idempotency_key (str | Unset):
        body (IdentityRequestPasswordReset): Body of `POST /v1/identity/password-reset`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityEmailAccepted | IdentityRequestPasswordResetProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityRequestPasswordReset,
    idempotency_key: str | Unset = UNSET,
) -> IdentityEmailAccepted | IdentityRequestPasswordResetProblem | None:
    """Request a password-reset email

     Emails a link that sets a new password (valid for 1 hour) if the address belongs
    to an account. Always `202` with the same body, so it never reveals whether an
    address is registered. Limited per address and per client IP
    (`429 rate_limited`); a malformed address is `422 validation_failed`.

    Args:
        idempotency_key (str | Unset):
        body (IdentityRequestPasswordReset): Body of `POST /v1/identity/password-reset`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityEmailAccepted | IdentityRequestPasswordResetProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
