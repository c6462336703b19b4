from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_email_accepted import IdentityEmailAccepted
from ...models.identity_request_email_verification_problem import (
    IdentityRequestEmailVerificationProblem,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/me/email-verification",
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityEmailAccepted | IdentityRequestEmailVerificationProblem | None:
    if response.status_code == 202:
        response_202 = IdentityEmailAccepted.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = IdentityRequestEmailVerificationProblem.from_dict(
            response.json()
        )

        return response_400

    if response.status_code == 401:
        response_401 = IdentityRequestEmailVerificationProblem.from_dict(
            response.json()
        )

        return response_401

    if response.status_code == 404:
        response_404 = IdentityRequestEmailVerificationProblem.from_dict(
            response.json()
        )

        return response_404

    if response.status_code == 409:
        response_409 = IdentityRequestEmailVerificationProblem.from_dict(
            response.json()
        )

        return response_409

    if response.status_code == 413:
        response_413 = IdentityRequestEmailVerificationProblem.from_dict(
            response.json()
        )

        return response_413

    if response.status_code == 415:
        response_415 = IdentityRequestEmailVerificationProblem.from_dict(
            response.json()
        )

        return response_415

    if response.status_code == 422:
        response_422 = IdentityRequestEmailVerificationProblem.from_dict(
            response.json()
        )

        return response_422

    if response.status_code == 429:
        response_429 = IdentityRequestEmailVerificationProblem.from_dict(
            response.json()
        )

        return response_429

    if response.status_code == 500:
        response_500 = IdentityRequestEmailVerificationProblem.from_dict(
            response.json()
        )

        return response_500

    if response.status_code == 503:
        response_503 = IdentityRequestEmailVerificationProblem.from_dict(
            response.json()
        )

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityEmailAccepted | IdentityRequestEmailVerificationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[IdentityEmailAccepted | IdentityRequestEmailVerificationProblem]:
    """Send a verification email

     Emails the caller a new link that verifies their address (registration sends
    the first one). `409 email_already_verified` when there is nothing to verify;
    limited per account and per client IP (`429 rate_limited`).

    Args:
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityEmailAccepted | IdentityRequestEmailVerificationProblem]
    """

    kwargs = _get_kwargs(
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> IdentityEmailAccepted | IdentityRequestEmailVerificationProblem | None:
    """Send a verification email

     Emails the caller a new link that verifies their address (registration sends
    the first one). `409 email_already_verified` when there is nothing to verify;
    limited per account and per client IP (`429 rate_limited`).

    Args:
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityEmailAccepted | IdentityRequestEmailVerificationProblem
    """

    return sync_detailed(
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[IdentityEmailAccepted | IdentityRequestEmailVerificationProblem]:
    """Send a verification email

     Emails the caller a new link that verifies their address (registration sends
    the first one). `409 email_already_verified` when there is nothing to verify;
    limited per account and per client IP (`429 rate_limited`).

    Args:
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityEmailAccepted | IdentityRequestEmailVerificationProblem]
    """

    kwargs = _get_kwargs(
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> IdentityEmailAccepted | IdentityRequestEmailVerificationProblem | None:
    """Send a verification email

     Emails the caller a new link that verifies their address (registration sends
    the first one). `409 email_already_verified` when there is nothing to verify;
    limited per account and per client IP (`429 rate_limited`).

    Args:
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityEmailAccepted | IdentityRequestEmailVerificationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
