from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_confirm_email import IdentityConfirmEmail
from ...models.identity_confirm_email_problem import IdentityConfirmEmailProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: IdentityConfirmEmail,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/email-verification/confirm",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | IdentityConfirmEmailProblem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = IdentityConfirmEmailProblem.from_dict(response.json())

        return response_400

    if response.status_code == 409:
        response_409 = IdentityConfirmEmailProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = IdentityConfirmEmailProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityConfirmEmailProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityConfirmEmailProblem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = IdentityConfirmEmailProblem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = IdentityConfirmEmailProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityConfirmEmailProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | IdentityConfirmEmailProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityConfirmEmail,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | IdentityConfirmEmailProblem]:
    """Verify the email address

     Marks the account's address verified with the token from the verification
    email's link. The token works once, for 24 hours, and only while the account
    still has the address it was sent to; otherwise `422 email_token_invalid`.
    Attempts are limited per client IP and per account (`429 rate_limited`).

    Args:
        idempotency_key (str | Unset):
        body (IdentityConfirmEmail): Body of `POST /v1/identity/email-verification/confirm`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityConfirmEmailProblem]
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
    body: IdentityConfirmEmail,
    idempotency_key: str | Unset = UNSET,
) -> Any | IdentityConfirmEmailProblem | None:
    """Verify the email address

     Marks the account's address verified with the token from the verification
    email's link. The token works once, for 24 hours, and only while the account
    still has the address it was sent to; otherwise `422 email_token_invalid`.
    Attempts are limited per client IP and per account (`429 rate_limited`).

    Args:
        idempotency_key (str | Unset):
        body (IdentityConfirmEmail): Body of `POST /v1/identity/email-verification/confirm`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityConfirmEmailProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityConfirmEmail,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | IdentityConfirmEmailProblem]:
    """Verify the email address

     Marks the account's address verified with the token from the verification
    email's link. The token works once, for 24 hours, and only while the account
    still has the address it was sent to; otherwise `422 email_token_invalid`.
    Attempts are limited per client IP and per account (`429 rate_limited`).

    Args:
        idempotency_key (str | Unset):
        body (IdentityConfirmEmail): Body of `POST /v1/identity/email-verification/confirm`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityConfirmEmailProblem]
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
    body: IdentityConfirmEmail,
    idempotency_key: str | Unset = UNSET,
) -> Any | IdentityConfirmEmailProblem | None:
    """Verify the email address

     Marks the account's address verified with the token from the verification
    email's link. The token works once, for 24 hours, and only while the account
    still has the address it was sent to; otherwise `422 email_token_invalid`.
    Attempts are limited per client IP and per account (`429 rate_limited`).

    Args:
        idempotency_key (str | Unset):
        body (IdentityConfirmEmail): Body of `POST /v1/identity/email-verification/confirm`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityConfirmEmailProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
