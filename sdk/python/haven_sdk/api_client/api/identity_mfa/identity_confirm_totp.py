from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_confirm_totp_problem import IdentityConfirmTotpProblem
from ...models.identity_mfa_code_request import IdentityMfaCodeRequest
from ...models.identity_recovery_codes import IdentityRecoveryCodes
from ...types import Response


def _get_kwargs(
    *,
    body: IdentityMfaCodeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/me/mfa/totp/confirm",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityConfirmTotpProblem | IdentityRecoveryCodes | None:
    if response.status_code == 200:
        response_200 = IdentityRecoveryCodes.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityConfirmTotpProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityConfirmTotpProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = IdentityConfirmTotpProblem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = IdentityConfirmTotpProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = IdentityConfirmTotpProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityConfirmTotpProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityConfirmTotpProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = IdentityConfirmTotpProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityConfirmTotpProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityConfirmTotpProblem | IdentityRecoveryCodes]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityMfaCodeRequest,
) -> Response[IdentityConfirmTotpProblem | IdentityRecoveryCodes]:
    """Confirm the TOTP enrollment

     Turns two-step verification on with a current code from the app and returns ten
    recovery codes (shown once). This session counts as verified: its next refresh
    carries `otp` in `amr`. A wrong code is `403 invalid_mfa_code` (it counts toward
    the account lock); no pending enrollment is `409 mfa_not_pending`.

    Args:
        body (IdentityMfaCodeRequest): Body of confirming an enrollment or regenerating recovery
            codes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityConfirmTotpProblem | IdentityRecoveryCodes]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: IdentityMfaCodeRequest,
) -> IdentityConfirmTotpProblem | IdentityRecoveryCodes | None:
    """Confirm the TOTP enrollment

     Turns two-step verification on with a current code from the app and returns ten
    recovery codes (shown once). This session counts as verified: its next refresh
    carries `otp` in `amr`. A wrong code is `403 invalid_mfa_code` (it counts toward
    the account lock); no pending enrollment is `409 mfa_not_pending`.

    Args:
        body (IdentityMfaCodeRequest): Body of confirming an enrollment or regenerating recovery
            codes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityConfirmTotpProblem | IdentityRecoveryCodes
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityMfaCodeRequest,
) -> Response[IdentityConfirmTotpProblem | IdentityRecoveryCodes]:
    """Confirm the TOTP enrollment

     Turns two-step verification on with a current code from the app and returns ten
    recovery codes (shown once). This session counts as verified: its next refresh
    carries `otp` in `amr`. A wrong code is `403 invalid_mfa_code` (it counts toward
    the account lock); no pending enrollment is `409 mfa_not_pending`.

    Args:
        body (IdentityMfaCodeRequest): Body of confirming an enrollment or regenerating recovery
            codes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityConfirmTotpProblem | IdentityRecoveryCodes]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IdentityMfaCodeRequest,
) -> IdentityConfirmTotpProblem | IdentityRecoveryCodes | None:
    """Confirm the TOTP enrollment

     Turns two-step verification on with a current code from the app and returns ten
    recovery codes (shown once). This session counts as verified: its next refresh
    carries `otp` in `amr`. A wrong code is `403 invalid_mfa_code` (it counts toward
    the account lock); no pending enrollment is `409 mfa_not_pending`.

    Args:
        body (IdentityMfaCodeRequest): Body of confirming an enrollment or regenerating recovery
            codes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityConfirmTotpProblem | IdentityRecoveryCodes
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
