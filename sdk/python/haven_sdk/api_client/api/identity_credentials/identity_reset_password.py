from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_reset_password import IdentityResetPassword
from ...models.identity_reset_password_problem import IdentityResetPasswordProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: IdentityResetPassword,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/password-reset/confirm",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | IdentityResetPasswordProblem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = IdentityResetPasswordProblem.from_dict(response.json())

        return response_400

    if response.status_code == 409:
        response_409 = IdentityResetPasswordProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = IdentityResetPasswordProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityResetPasswordProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityResetPasswordProblem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = IdentityResetPasswordProblem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = IdentityResetPasswordProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityResetPasswordProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | IdentityResetPasswordProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityResetPassword,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | IdentityResetPasswordProblem]:
    """Reset the password

     Sets a new password with the token from the reset email's link (once, within
    1 hour; otherwise `422 email_token_invalid`). Signs every session of the account
    out, ends a login lock, and marks the address verified. The new password follows
    the registration rules (`422 validation_failed` on `new_password`). Attempts are
    limited per client IP and per account (`429 rate_limited`).

    Args:
        idempotency_key (str | Unset):
        body (IdentityResetPassword): Body of `POST /v1/identity/password-reset/confirm`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityResetPasswordProblem]
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
    body: IdentityResetPassword,
    idempotency_key: str | Unset = UNSET,
) -> Any | IdentityResetPasswordProblem | None:
    """Reset the password

     Sets a new password with the token from the reset email's link (once, within
    1 hour; otherwise `422 email_token_invalid`). Signs every session of the account
    out, ends a login lock, and marks the address verified. The new password follows
    the registration rules (`422 validation_failed` on `new_password`). Attempts are
    limited per client IP and per account (`429 rate_limited`).

    Args:
        idempotency_key (str | Unset):
        body (IdentityResetPassword): Body of `POST /v1/identity/password-reset/confirm`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityResetPasswordProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityResetPassword,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | IdentityResetPasswordProblem]:
    """Reset the password

     Sets a new password with the token from the reset email's link (once, within
    1 hour; otherwise `422 email_token_invalid`). Signs every session of the account
    out, ends a login lock, and marks the address verified. The new password follows
    the registration rules (`422 validation_failed` on `new_password`). Attempts are
    limited per client IP and per account (`429 rate_limited`).

    Args:
        idempotency_key (str | Unset):
        body (IdentityResetPassword): Body of `POST /v1/identity/password-reset/confirm`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityResetPasswordProblem]
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
    body: IdentityResetPassword,
    idempotency_key: str | Unset = UNSET,
) -> Any | IdentityResetPasswordProblem | None:
    """Reset the password

     Sets a new password with the token from the reset email's link (once, within
    1 hour; otherwise `422 email_token_invalid`). Signs every session of the account
    out, ends a login lock, and marks the address verified. The new password follows
    the registration rules (`422 validation_failed` on `new_password`). Attempts are
    limited per client IP and per account (`429 rate_limited`).

    Args:
        idempotency_key (str | Unset):
        body (IdentityResetPassword): Body of `POST /v1/identity/password-reset/confirm`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityResetPasswordProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
