from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_login_mfa_problem import IdentityLoginMfaProblem
from ...models.identity_login_mfa_request_type_0 import IdentityLoginMfaRequestType0
from ...models.identity_login_mfa_request_type_1 import IdentityLoginMfaRequestType1
from ...models.identity_token_response import IdentityTokenResponse
from ...types import Response


def _get_kwargs(
    *,
    body: IdentityLoginMfaRequestType0 | IdentityLoginMfaRequestType1,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/login/mfa",
    }

    if isinstance(body, IdentityLoginMfaRequestType0):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityLoginMfaProblem | IdentityTokenResponse | None:
    if response.status_code == 200:
        response_200 = IdentityTokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityLoginMfaProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityLoginMfaProblem.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = IdentityLoginMfaProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityLoginMfaProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityLoginMfaProblem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = IdentityLoginMfaProblem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = IdentityLoginMfaProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityLoginMfaProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityLoginMfaProblem | IdentityTokenResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityLoginMfaRequestType0 | IdentityLoginMfaRequestType1,
) -> Response[IdentityLoginMfaProblem | IdentityTokenResponse]:
    """Complete a sign-in with the second factor

     Exchanges the `mfa_token` of a `status: mfa_required` login and a 6-digit code
    (or a recovery code, each usable once) for the session's tokens. A wrong code is
    `401 invalid_mfa_code` and counts toward the account lock (10 failures in 15
    minutes; while locked the same body with `Retry-After`); a used, expired (5
    minutes) or exhausted (5 codes) token is `401 invalid_mfa_token`. A code is
    accepted once per 30-second step.

    Args:
        body (IdentityLoginMfaRequestType0 | IdentityLoginMfaRequestType1): Body of `POST
            /v1/identity/login/mfa`: the challenge and exactly one of `code` and
            `recovery_code`. Unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityLoginMfaProblem | IdentityTokenResponse]
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
    body: IdentityLoginMfaRequestType0 | IdentityLoginMfaRequestType1,
) -> IdentityLoginMfaProblem | IdentityTokenResponse | None:
    """Complete a sign-in with the second factor

     Exchanges the `mfa_token` of a `status: mfa_required` login and a 6-digit code
    (or a recovery code, each usable once) for the session's tokens. A wrong code is
    `401 invalid_mfa_code` and counts toward the account lock (10 failures in 15
    minutes; while locked the same body with `Retry-After`); a used, expired (5
    minutes) or exhausted (5 codes) token is `401 invalid_mfa_token`. A code is
    accepted once per 30-second step.

    Args:
        body (IdentityLoginMfaRequestType0 | IdentityLoginMfaRequestType1): Body of `POST
            /v1/identity/login/mfa`: the challenge and exactly one of `code` and
            `recovery_code`. Unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityLoginMfaProblem | IdentityTokenResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityLoginMfaRequestType0 | IdentityLoginMfaRequestType1,
) -> Response[IdentityLoginMfaProblem | IdentityTokenResponse]:
    """Complete a sign-in with the second factor

     Exchanges the `mfa_token` of a `status: mfa_required` login and a 6-digit code
    (or a recovery code, each usable once) for the session's tokens. A wrong code is
    `401 invalid_mfa_code` and counts toward the account lock (10 failures in 15
    minutes; while locked the same body with `Retry-After`); a used, expired (5
    minutes) or exhausted (5 codes) token is `401 invalid_mfa_token`. A code is
    accepted once per 30-second step.

    Args:
        body (IdentityLoginMfaRequestType0 | IdentityLoginMfaRequestType1): Body of `POST
            /v1/identity/login/mfa`: the challenge and exactly one of `code` and
            `recovery_code`. Unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityLoginMfaProblem | IdentityTokenResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityLoginMfaRequestType0 | IdentityLoginMfaRequestType1,
) -> IdentityLoginMfaProblem | IdentityTokenResponse | None:
    """Complete a sign-in with the second factor

     Exchanges the `mfa_token` of a `status: mfa_required` login and a 6-digit code
    (or a recovery code, each usable once) for the session's tokens. A wrong code is
    `401 invalid_mfa_code` and counts toward the account lock (10 failures in 15
    minutes; while locked the same body with `Retry-After`); a used, expired (5
    minutes) or exhausted (5 codes) token is `401 invalid_mfa_token`. A code is
    accepted once per 30-second step.

    Args:
        body (IdentityLoginMfaRequestType0 | IdentityLoginMfaRequestType1): Body of `POST
            /v1/identity/login/mfa`: the challenge and exactly one of `code` and
            `recovery_code`. Unknown fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityLoginMfaProblem | IdentityTokenResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
