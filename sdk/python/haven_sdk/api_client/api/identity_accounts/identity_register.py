from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_register_problem import IdentityRegisterProblem
from ...models.identity_register_request import IdentityRegisterRequest
from ...models.identity_user import IdentityUser
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: IdentityRegisterRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/register",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityRegisterProblem | IdentityUser | None:
    if response.status_code == 201:
        response_201 = IdentityUser.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = IdentityRegisterProblem.from_dict(response.json())

        return response_400

    if response.status_code == 409:
        response_409 = IdentityRegisterProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = IdentityRegisterProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityRegisterProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityRegisterProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = IdentityRegisterProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityRegisterProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityRegisterProblem | IdentityUser]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityRegisterRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[IdentityRegisterProblem | IdentityUser]:
    """Register an account

     Creates an account with the `member` role. The email is compared
    case-insensitively; a second account with the same address is `409 email_taken`.
    Invalid fields are `422 validation_failed` with one entry per field.

    Args:
        idempotency_key (str | Unset):
        body (IdentityRegisterRequest): Body of `POST /v1/identity/register`. Unknown fields (e.g.
            `role`) are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityRegisterProblem | IdentityUser]
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
    body: IdentityRegisterRequest,
    idempotency_key: str | Unset = UNSET,
) -> IdentityRegisterProblem | IdentityUser | None:
    """Register an account

     Creates an account with the `member` role. The email is compared
    case-insensitively; a second account with the same address is `409 email_taken`.
    Invalid fields are `422 validation_failed` with one entry per field.

    Args:
        idempotency_key (str | Unset):
        body (IdentityRegisterRequest): Body of `POST /v1/identity/register`. Unknown fields (e.g.
            `role`) are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityRegisterProblem | IdentityUser
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdentityRegisterRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[IdentityRegisterProblem | IdentityUser]:
    """Register an account

     Creates an account with the `member` role. The email is compared
    case-insensitively; a second account with the same address is `409 email_taken`.
    Invalid fields are `422 validation_failed` with one entry per field.

    Args:
        idempotency_key (str | Unset):
        body (IdentityRegisterRequest): Body of `POST /v1/identity/register`. Unknown fields (e.g.
            `role`) are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityRegisterProblem | IdentityUser]
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
    body: IdentityRegisterRequest,
    idempotency_key: str | Unset = UNSET,
) -> IdentityRegisterProblem | IdentityUser | None:
    """Register an account

     Creates an account with the `member` role. The email is compared
    case-insensitively; a second account with the same address is `409 email_taken`.
    Invalid fields are `422 validation_failed` with one entry per field.

    Args:
        idempotency_key (str | Unset):
        body (IdentityRegisterRequest): Body of `POST /v1/identity/register`. Unknown fields (e.g.
            `role`) are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityRegisterProblem | IdentityUser
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
