from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_provider_schedule import CareProviderSchedule
from ...models.care_schedule import CareSchedule
from ...models.care_set_provider_schedule_problem import CareSetProviderScheduleProblem
from ...types import Response


def _get_kwargs(
    provider_id: str,
    *,
    body: CareSchedule,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/care/admin/providers/{provider_id}/schedule".format(
            provider_id=quote(str(provider_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareProviderSchedule | CareSetProviderScheduleProblem | None:
    if response.status_code == 200:
        response_200 = CareProviderSchedule.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareSetProviderScheduleProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareSetProviderScheduleProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareSetProviderScheduleProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareSetProviderScheduleProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CareSetProviderScheduleProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareSetProviderScheduleProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareSetProviderScheduleProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareSetProviderScheduleProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareSetProviderScheduleProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareProviderSchedule | CareSetProviderScheduleProblem]:
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
    body: CareSchedule,
) -> Response[CareProviderSchedule | CareSetProviderScheduleProblem]:
    """Set a provider's hours

     Admins only (role `admin`, second factor). As `PUT /v1/care/provider/schedule`.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.
        body (CareSchedule): A provider's hours: weekly rules and date exceptions, in the
            provider's zone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareProviderSchedule | CareSetProviderScheduleProblem]
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
    body: CareSchedule,
) -> CareProviderSchedule | CareSetProviderScheduleProblem | None:
    """Set a provider's hours

     Admins only (role `admin`, second factor). As `PUT /v1/care/provider/schedule`.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.
        body (CareSchedule): A provider's hours: weekly rules and date exceptions, in the
            provider's zone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareProviderSchedule | CareSetProviderScheduleProblem
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
    body: CareSchedule,
) -> Response[CareProviderSchedule | CareSetProviderScheduleProblem]:
    """Set a provider's hours

     Admins only (role `admin`, second factor). As `PUT /v1/care/provider/schedule`.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.
        body (CareSchedule): A provider's hours: weekly rules and date exceptions, in the
            provider's zone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareProviderSchedule | CareSetProviderScheduleProblem]
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
    body: CareSchedule,
) -> CareProviderSchedule | CareSetProviderScheduleProblem | None:
    """Set a provider's hours

     Admins only (role `admin`, second factor). As `PUT /v1/care/provider/schedule`.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.
        body (CareSchedule): A provider's hours: weekly rules and date exceptions, in the
            provider's zone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareProviderSchedule | CareSetProviderScheduleProblem
    """

    return (
        await asyncio_detailed(
            provider_id=provider_id,
            client=client,
            body=body,
        )
    ).parsed
