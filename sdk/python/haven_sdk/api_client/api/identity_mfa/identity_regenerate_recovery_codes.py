from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_mfa_code_request import IdentityMfaCodeRequest
from ...models.identity_recovery_codes import IdentityRecoveryCodes
from ...models.identity_regenerate_recovery_codes_problem import (
    IdentityRegenerateRecoveryCodesProblem,
)
from ...types import Response


def _get_kwargs(
    *,
    body: IdentityMfaCodeRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/me/mfa/recovery-codes",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityRecoveryCodes | IdentityRegenerateRecoveryCodesProblem | None:
    if response.status_code == 200:
        response_200 = IdentityRecoveryCodes.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityRegenerateRecoveryCodesProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityRegenerateRecoveryCodesProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = IdentityRegenerateRecoveryCodesProblem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = IdentityRegenerateRecoveryCodesProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = IdentityRegenerateRecoveryCodesProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityRegenerateRecoveryCodesProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityRegenerateRecoveryCodesProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = IdentityRegenerateRecoveryCodesProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityRegenerateRecoveryCodesProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityRecoveryCodes | IdentityRegenerateRecoveryCodesProblem]:
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
) -> Response[IdentityRecoveryCodes | IdentityRegenerateRecoveryCodesProblem]:
    """Replace the recovery codes

     Returns ten new recovery codes (shown once); the old ones stop working. Takes a
    current code from the app (`403 invalid_mfa_code` if wrong); `409 mfa_not_enabled`
    when two-step verification is off.

    Args:
        body (IdentityMfaCodeRequest): Body of confirming an enrollment or regenerating recovery
            codes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityRecoveryCodes | IdentityRegenerateRecoveryCodesProblem]
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
) -> IdentityRecoveryCodes | IdentityRegenerateRecoveryCodesProblem | None:
    """Replace the recovery codes

     Returns ten new recovery codes (shown once); the old ones stop working. Takes a
    current code from the app (`403 invalid_mfa_code` if wrong); `409 mfa_not_enabled`
    when two-step verification is off.

    Args:
        body (IdentityMfaCodeRequest): Body of confirming an enrollment or regenerating recovery
            codes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityRecoveryCodes | IdentityRegenerateRecoveryCodesProblem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityMfaCodeRequest,
) -> Response[IdentityRecoveryCodes | IdentityRegenerateRecoveryCodesProblem]:
    """Replace the recovery codes

     Returns ten new recovery codes (shown once); the old ones stop working. Takes a
    current code from the app (`403 invalid_mfa_code` if wrong); `409 mfa_not_enabled`
    when two-step verification is off.

    Args:
        body (IdentityMfaCodeRequest): Body of confirming an enrollment or regenerating recovery
            codes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityRecoveryCodes | IdentityRegenerateRecoveryCodesProblem]
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
) -> IdentityRecoveryCodes | IdentityRegenerateRecoveryCodesProblem | None:
    """Replace the recovery codes

     Returns ten new recovery codes (shown once); the old ones stop working. Takes a
    current code from the app (`403 invalid_mfa_code` if wrong); `409 mfa_not_enabled`
    when two-step verification is off.

    Args:
        body (IdentityMfaCodeRequest): Body of confirming an enrollment or regenerating recovery
            codes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityRecoveryCodes | IdentityRegenerateRecoveryCodesProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
