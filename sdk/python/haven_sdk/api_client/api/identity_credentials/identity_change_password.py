from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_change_password import IdentityChangePassword
from ...models.identity_change_password_problem import IdentityChangePasswordProblem
from ...types import Response


def _get_kwargs(
    *,
    body: IdentityChangePassword,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/identity/me/password",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | IdentityChangePasswordProblem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = IdentityChangePasswordProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityChangePasswordProblem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = IdentityChangePasswordProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = IdentityChangePasswordProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityChangePasswordProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityChangePasswordProblem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = IdentityChangePasswordProblem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = IdentityChangePasswordProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityChangePasswordProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | IdentityChangePasswordProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityChangePassword,
) -> Response[Any | IdentityChangePasswordProblem]:
    """Change the password

     Replaces the caller's password after checking the current one (a wrong one is
    `422 validation_failed` on `current_password`; the new one follows the
    registration rules). Every other session of the account is signed out; this one
    stays. Limited per account (`429 rate_limited`).

    Args:
        body (IdentityChangePassword): Body of `PUT /v1/identity/me/password`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityChangePasswordProblem]
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
    body: IdentityChangePassword,
) -> Any | IdentityChangePasswordProblem | None:
    """Change the password

     Replaces the caller's password after checking the current one (a wrong one is
    `422 validation_failed` on `current_password`; the new one follows the
    registration rules). Every other session of the account is signed out; this one
    stays. Limited per account (`429 rate_limited`).

    Args:
        body (IdentityChangePassword): Body of `PUT /v1/identity/me/password`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityChangePasswordProblem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityChangePassword,
) -> Response[Any | IdentityChangePasswordProblem]:
    """Change the password

     Replaces the caller's password after checking the current one (a wrong one is
    `422 validation_failed` on `current_password`; the new one follows the
    registration rules). Every other session of the account is signed out; this one
    stays. Limited per account (`429 rate_limited`).

    Args:
        body (IdentityChangePassword): Body of `PUT /v1/identity/me/password`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityChangePasswordProblem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IdentityChangePassword,
) -> Any | IdentityChangePasswordProblem | None:
    """Change the password

     Replaces the caller's password after checking the current one (a wrong one is
    `422 validation_failed` on `current_password`; the new one follows the
    registration rules). Every other session of the account is signed out; this one
    stays. Limited per account (`429 rate_limited`).

    Args:
        body (IdentityChangePassword): Body of `PUT /v1/identity/me/password`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityChangePasswordProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
