from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_start_totp_enrollment_problem import (
    IdentityStartTotpEnrollmentProblem,
)
from ...models.identity_totp_enrollment import IdentityTotpEnrollment
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/me/mfa/totp",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityStartTotpEnrollmentProblem | IdentityTotpEnrollment | None:
    if response.status_code == 201:
        response_201 = IdentityTotpEnrollment.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = IdentityStartTotpEnrollmentProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityStartTotpEnrollmentProblem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = IdentityStartTotpEnrollmentProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = IdentityStartTotpEnrollmentProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = IdentityStartTotpEnrollmentProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityStartTotpEnrollmentProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = IdentityStartTotpEnrollmentProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityStartTotpEnrollmentProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityStartTotpEnrollmentProblem | IdentityTotpEnrollment]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[IdentityStartTotpEnrollmentProblem | IdentityTotpEnrollment]:
    """Start a TOTP enrollment

     Creates a new secret for an authenticator app (SHA-1, 6 digits, 30 s) and returns
    it with an `otpauth://` URI for a QR code. It is pending until confirmed with a
    code; starting again replaces a pending one. `409 mfa_already_enabled` while two-step
    verification is on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityStartTotpEnrollmentProblem | IdentityTotpEnrollment]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> IdentityStartTotpEnrollmentProblem | IdentityTotpEnrollment | None:
    """Start a TOTP enrollment

     Creates a new secret for an authenticator app (SHA-1, 6 digits, 30 s) and returns
    it with an `otpauth://` URI for a QR code. It is pending until confirmed with a
    code; starting again replaces a pending one. `409 mfa_already_enabled` while two-step
    verification is on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityStartTotpEnrollmentProblem | IdentityTotpEnrollment
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[IdentityStartTotpEnrollmentProblem | IdentityTotpEnrollment]:
    """Start a TOTP enrollment

     Creates a new secret for an authenticator app (SHA-1, 6 digits, 30 s) and returns
    it with an `otpauth://` URI for a QR code. It is pending until confirmed with a
    code; starting again replaces a pending one. `409 mfa_already_enabled` while two-step
    verification is on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityStartTotpEnrollmentProblem | IdentityTotpEnrollment]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> IdentityStartTotpEnrollmentProblem | IdentityTotpEnrollment | None:
    """Start a TOTP enrollment

     Creates a new secret for an authenticator app (SHA-1, 6 digits, 30 s) and returns
    it with an `otpauth://` URI for a QR code. It is pending until confirmed with a
    code; starting again replaces a pending one. `409 mfa_already_enabled` while two-step
    verification is on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityStartTotpEnrollmentProblem | IdentityTotpEnrollment
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
