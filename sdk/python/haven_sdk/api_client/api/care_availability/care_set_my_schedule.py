from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_provider_schedule import CareProviderSchedule
from ...models.care_schedule import CareSchedule
from ...models.care_set_my_schedule_problem import CareSetMyScheduleProblem
from ...types import Response


def _get_kwargs(
    *,
    body: CareSchedule,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/care/provider/schedule",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareProviderSchedule | CareSetMyScheduleProblem | None:
    if response.status_code == 200:
        response_200 = CareProviderSchedule.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareSetMyScheduleProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareSetMyScheduleProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareSetMyScheduleProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareSetMyScheduleProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CareSetMyScheduleProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareSetMyScheduleProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareSetMyScheduleProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareSetMyScheduleProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareSetMyScheduleProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareProviderSchedule | CareSetMyScheduleProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CareSchedule,
) -> Response[CareProviderSchedule | CareSetMyScheduleProblem]:
    """Set my hours

     Providers only (role `coach` or `clinician`, with a provider profile). Weekly
    rules and date exceptions in the provider's own zone; slots follow DST changes
    of that zone. Replaces the whole schedule; booked appointments stay.

    Args:
        body (CareSchedule): A provider's hours: weekly rules and date exceptions, in the
            provider's zone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareProviderSchedule | CareSetMyScheduleProblem]
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
    body: CareSchedule,
) -> CareProviderSchedule | CareSetMyScheduleProblem | None:
    """Set my hours

     Providers only (role `coach` or `clinician`, with a provider profile). Weekly
    rules and date exceptions in the provider's own zone; slots follow DST changes
    of that zone. Replaces the whole schedule; booked appointments stay.

    Args:
        body (CareSchedule): A provider's hours: weekly rules and date exceptions, in the
            provider's zone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareProviderSchedule | CareSetMyScheduleProblem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CareSchedule,
) -> Response[CareProviderSchedule | CareSetMyScheduleProblem]:
    """Set my hours

     Providers only (role `coach` or `clinician`, with a provider profile). Weekly
    rules and date exceptions in the provider's own zone; slots follow DST changes
    of that zone. Replaces the whole schedule; booked appointments stay.

    Args:
        body (CareSchedule): A provider's hours: weekly rules and date exceptions, in the
            provider's zone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareProviderSchedule | CareSetMyScheduleProblem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CareSchedule,
) -> CareProviderSchedule | CareSetMyScheduleProblem | None:
    """Set my hours

     Providers only (role `coach` or `clinician`, with a provider profile). Weekly
    rules and date exceptions in the provider's own zone; slots follow DST changes
    of that zone. Replaces the whole schedule; booked appointments stay.

    Args:
        body (CareSchedule): A provider's hours: weekly rules and date exceptions, in the
            provider's zone.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareProviderSchedule | CareSetMyScheduleProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
