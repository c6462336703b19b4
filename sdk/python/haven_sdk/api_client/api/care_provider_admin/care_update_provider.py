from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_provider_admin import CareProviderAdmin
from ...models.care_provider_input import CareProviderInput
from ...models.care_update_provider_problem import CareUpdateProviderProblem
from ...types import Response


def _get_kwargs(
    provider_id: str,
    *,
    body: CareProviderInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/care/admin/providers/{provider_id}".format(
            provider_id=quote(str(provider_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareProviderAdmin | CareUpdateProviderProblem | None:
    if response.status_code == 200:
        response_200 = CareProviderAdmin.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CareProviderAdmin.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = CareUpdateProviderProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareUpdateProviderProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareUpdateProviderProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareUpdateProviderProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareUpdateProviderProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CareUpdateProviderProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareUpdateProviderProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareUpdateProviderProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareUpdateProviderProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareUpdateProviderProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareProviderAdmin | CareUpdateProviderProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    provider_id: str,
    *,
    client: AuthenticatedClient,
    body: CareProviderInput,
) -> Response[CareProviderAdmin | CareUpdateProviderProblem]:
    """Replace a provider profile

     Admins only. Every field is replaced (the account cannot change; the provider's
    schedule is kept).

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.
        body (CareProviderInput): Body of `POST /v1/care/admin/providers` and `PUT
            /v1/care/admin/providers/{id}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareProviderAdmin | CareUpdateProviderProblem]
    """

    kwargs = _get_kwargs(
        provider_id=provider_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    provider_id: str,
    *,
    client: AuthenticatedClient,
    body: CareProviderInput,
) -> CareProviderAdmin | CareUpdateProviderProblem | None:
    """Replace a provider profile

     Admins only. Every field is replaced (the account cannot change; the provider's
    schedule is kept).

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.
        body (CareProviderInput): Body of `POST /v1/care/admin/providers` and `PUT
            /v1/care/admin/providers/{id}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareProviderAdmin | CareUpdateProviderProblem
    """

    return sync_detailed(
        provider_id=provider_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    provider_id: str,
    *,
    client: AuthenticatedClient,
    body: CareProviderInput,
) -> Response[CareProviderAdmin | CareUpdateProviderProblem]:
    """Replace a provider profile

     Admins only. Every field is replaced (the account cannot change; the provider's
    schedule is kept).

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.
        body (CareProviderInput): Body of `POST /v1/care/admin/providers` and `PUT
            /v1/care/admin/providers/{id}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareProviderAdmin | CareUpdateProviderProblem]
    """

    kwargs = _get_kwargs(
        provider_id=provider_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    provider_id: str,
    *,
    client: AuthenticatedClient,
    body: CareProviderInput,
) -> CareProviderAdmin | CareUpdateProviderProblem | None:
    """Replace a provider profile

     Admins only. Every field is replaced (the account cannot change; the provider's
    schedule is kept).

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.
        body (CareProviderInput): Body of `POST /v1/care/admin/providers` and `PUT
            /v1/care/admin/providers/{id}`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareProviderAdmin | CareUpdateProviderProblem
    """

    return (
        await asyncio_detailed(
            provider_id=provider_id,
            client=client,
            body=body,
        )
    ).parsed
