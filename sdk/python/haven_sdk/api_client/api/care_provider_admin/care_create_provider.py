from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_create_provider_problem import CareCreateProviderProblem
from ...models.care_provider_admin import CareProviderAdmin
from ...models.care_provider_input import CareProviderInput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CareProviderInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/care/admin/providers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareCreateProviderProblem | CareProviderAdmin | None:
    if response.status_code == 200:
        response_200 = CareProviderAdmin.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CareProviderAdmin.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = CareCreateProviderProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareCreateProviderProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareCreateProviderProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareCreateProviderProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareCreateProviderProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CareCreateProviderProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareCreateProviderProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareCreateProviderProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareCreateProviderProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareCreateProviderProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareCreateProviderProblem | CareProviderAdmin]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CareProviderInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[CareCreateProviderProblem | CareProviderAdmin]:
    """Create a provider profile

     Admins only (role `admin`, signed in with a second factor). Links an account
    holding role `coach` (coaches) or `clinician` (therapists, psychiatrists) to its
    profile: licenses, specialties, languages, zone, bio. An account without the role
    is `422` (`user_id`: `role_missing`); one with a profile already `409
    provider_exists`.

    Args:
        idempotency_key (str | Unset):
        body (CareProviderInput): Body of `POST /v1/care/admin/providers` and `PUT
            /v1/care/admin/providers/{id}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareCreateProviderProblem | CareProviderAdmin]
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
    client: AuthenticatedClient,
    body: CareProviderInput,
    idempotency_key: str | Unset = UNSET,
) -> CareCreateProviderProblem | CareProviderAdmin | None:
    """Create a provider profile

     Admins only (role `admin`, signed in with a second factor). Links an account
    holding role `coach` (coaches) or `clinician` (therapists, psychiatrists) to its
    profile: licenses, specialties, languages, zone, bio. An account without the role
    is `422` (`user_id`: `role_missing`); one with a profile already `409
    provider_exists`.

    Args:
        idempotency_key (str | Unset):
        body (CareProviderInput): Body of `POST /v1/care/admin/providers` and `PUT
            /v1/care/admin/providers/{id}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareCreateProviderProblem | CareProviderAdmin
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CareProviderInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[CareCreateProviderProblem | CareProviderAdmin]:
    """Create a provider profile

     Admins only (role `admin`, signed in with a second factor). Links an account
    holding role `coach` (coaches) or `clinician` (therapists, psychiatrists) to its
    profile: licenses, specialties, languages, zone, bio. An account without the role
    is `422` (`user_id`: `role_missing`); one with a profile already `409
    provider_exists`.

    Args:
        idempotency_key (str | Unset):
        body (CareProviderInput): Body of `POST /v1/care/admin/providers` and `PUT
            /v1/care/admin/providers/{id}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareCreateProviderProblem | CareProviderAdmin]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CareProviderInput,
    idempotency_key: str | Unset = UNSET,
) -> CareCreateProviderProblem | CareProviderAdmin | None:
    """Create a provider profile

     Admins only (role `admin`, signed in with a second factor). Links an account
    holding role `coach` (coaches) or `clinician` (therapists, psychiatrists) to its
    profile: licenses, specialties, languages, zone, bio. An account without the role
    is `422` (`user_id`: `role_missing`); one with a profile already `409
    provider_exists`.

    Args:
        idempotency_key (str | Unset):
        body (CareProviderInput): Body of `POST /v1/care/admin/providers` and `PUT
            /v1/care/admin/providers/{id}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareCreateProviderProblem | CareProviderAdmin
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
