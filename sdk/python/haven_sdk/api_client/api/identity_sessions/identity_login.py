from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_login_problem import IdentityLoginProblem
from ...models.identity_login_request import IdentityLoginRequest
from ...models.identity_login_result_identity_mfa_challenge import (
    IdentityLoginResultIdentityMfaChallenge,
)
from ...models.identity_login_result_identity_token_response import (
    IdentityLoginResultIdentityTokenResponse,
)
from ...types import Response


def _get_kwargs(
    *,
    body: IdentityLoginRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/login",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    IdentityLoginProblem
    | IdentityLoginResultIdentityMfaChallenge
    | IdentityLoginResultIdentityTokenResponse
    | None
):
    if response.status_code == 200:

        def _parse_response_200(
            data: object,
        ) -> (
            IdentityLoginResultIdentityMfaChallenge
            | IdentityLoginResultIdentityTokenResponse
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_identity_login_result_type_0 = (
                    IdentityLoginResultIdentityTokenResponse.from_dict(data)
                )

                return componentsschemas_identity_login_result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_identity_login_result_type_1 = (
                IdentityLoginResultIdentityMfaChallenge.from_dict(data)
            )

            return componentsschemas_identity_login_result_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityLoginProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityLoginProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = IdentityLoginProblem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = IdentityLoginProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityLoginProblem.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = IdentityLoginProblem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = IdentityLoginProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityLoginProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    IdentityLoginProblem
    | IdentityLoginResultIdentityMfaChallenge
    | IdentityLoginResultIdentityTokenResponse
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityLoginRequest,
) -> Response[
    IdentityLoginProblem
    | IdentityLoginResultIdentityMfaChallenge
    | IdentityLoginResultIdentityTokenResponse
]:
    """Sign in

     Checks the email and password and opens a session: a short-lived access token and
    a refresh token. An unknown email and a wrong password give the same
    `401 invalid_credentials`. After 10 consecutive failures (wrong passwords or
    second-factor codes) in 15 minutes (by default: `identity.lockout_threshold`,
    `identity.lockout_window_s`) the address is locked until the oldest of them leaves
    the window: the same `401` body, with `Retry-After`, whether or not the address is
    registered. Attempts are also limited per email address and per client IP
    (`429 rate_limited`). When the account has two-step verification, a right password
    answers `status: mfa_required` with an `mfa_token` instead of tokens (continue
    with `identityLoginMfa`).

    Args:
        body (IdentityLoginRequest): Body of `POST /v1/identity/login`. Unknown fields are
            rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityLoginProblem | IdentityLoginResultIdentityMfaChallenge | IdentityLoginResultIdentityTokenResponse]
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
    client: AuthenticatedClient | Client,
    body: IdentityLoginRequest,
) -> (
    IdentityLoginProblem
    | IdentityLoginResultIdentityMfaChallenge
    | IdentityLoginResultIdentityTokenResponse
    | None
):
    """Sign in

     Checks the email and password and opens a session: a short-lived access token and
    a refresh token. An unknown email and a wrong password give the same
    `401 invalid_credentials`. After 10 consecutive failures (wrong passwords or
    second-factor codes) in 15 minutes (by default: `identity.lockout_threshold`,
    `identity.lockout_window_s`) the address is locked until the oldest of them leaves
    the window: the same `401` body, with `Retry-After`, whether or not the address is
    registered. Attempts are also limited per email address and per client IP
    (`429 rate_limited`). When the account has two-step verification, a right password
    answers `status: mfa_required` with an `mfa_token` instead of tokens (continue
    with `identityLoginMfa`).

    Args:
        body (IdentityLoginRequest): Body of `POST /v1/identity/login`. Unknown fields are
            rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityLoginProblem | IdentityLoginResultIdentityMfaChallenge | IdentityLoginResultIdentityTokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityLoginRequest,
) -> Response[
    IdentityLoginProblem
    | IdentityLoginResultIdentityMfaChallenge
    | IdentityLoginResultIdentityTokenResponse
]:
    """Sign in

     Checks the email and password and opens a session: a short-lived access token and
    a refresh token. An unknown email and a wrong password give the same
    `401 invalid_credentials`. After 10 consecutive failures (wrong passwords or
    second-factor codes) in 15 minutes (by default: `identity.lockout_threshold`,
    `identity.lockout_window_s`) the address is locked until the oldest of them leaves
    the window: the same `401` body, with `Retry-After`, whether or not the address is
    registered. Attempts are also limited per email address and per client IP
    (`429 rate_limited`). When the account has two-step verification, a right password
    answers `status: mfa_required` with an `mfa_token` instead of tokens (continue
    with `identityLoginMfa`).

    Args:
        body (IdentityLoginRequest): Body of `POST /v1/identity/login`. Unknown fields are
            rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityLoginProblem | IdentityLoginResultIdentityMfaChallenge | IdentityLoginResultIdentityTokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityLoginRequest,
) -> (
    IdentityLoginProblem
    | IdentityLoginResultIdentityMfaChallenge
    | IdentityLoginResultIdentityTokenResponse
    | None
):
    """Sign in

     Checks the email and password and opens a session: a short-lived access token and
    a refresh token. An unknown email and a wrong password give the same
    `401 invalid_credentials`. After 10 consecutive failures (wrong passwords or
    second-factor codes) in 15 minutes (by default: `identity.lockout_threshold`,
    `identity.lockout_window_s`) the address is locked until the oldest of them leaves
    the window: the same `401` body, with `Retry-After`, whether or not the address is
    registered. Attempts are also limited per email address and per client IP
    (`429 rate_limited`). When the account has two-step verification, a right password
    answers `status: mfa_required` with an `mfa_token` instead of tokens (continue
    with `identityLoginMfa`).

    Args:
        body (IdentityLoginRequest): Body of `POST /v1/identity/login`. Unknown fields are
            rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityLoginProblem | IdentityLoginResultIdentityMfaChallenge | IdentityLoginResultIdentityTokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
