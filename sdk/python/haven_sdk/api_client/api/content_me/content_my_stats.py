from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_my_stats_problem import ContentMyStatsProblem
from ...models.content_stats import ContentStats
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    days: int | Unset = UNSET,
    time_zone: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["days"] = days

    params["time_zone"] = time_zone

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/content/me/stats",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentMyStatsProblem | ContentStats | None:
    if response.status_code == 200:
        response_200 = ContentStats.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ContentMyStatsProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentMyStatsProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentMyStatsProblem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = ContentMyStatsProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentMyStatsProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentMyStatsProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ContentMyStatsProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentMyStatsProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContentMyStatsProblem | ContentStats]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    days: int | Unset = UNSET,
    time_zone: str | Unset = UNSET,
) -> Response[ContentMyStatsProblem | ContentStats]:
    """My listening stats

     Members. Completed sessions and minutes ever, and per day for the last `days`
    days (default 30) up to today, in the member's local days (a day ends at the
    configured local hour, 04:00 by default).

    Args:
        days (int | Unset):
        time_zone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentMyStatsProblem | ContentStats]
    """

    kwargs = _get_kwargs(
        days=days,
        time_zone=time_zone,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    days: int | Unset = UNSET,
    time_zone: str | Unset = UNSET,
) -> ContentMyStatsProblem | ContentStats | None:
    """My listening stats

     Members. Completed sessions and minutes ever, and per day for the last `days`
    days (default 30) up to today, in the member's local days (a day ends at the
    configured local hour, 04:00 by default).

    Args:
        days (int | Unset):
        time_zone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentMyStatsProblem | ContentStats
    """

    return sync_detailed(
        client=client,
        days=days,
        time_zone=time_zone,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    days: int | Unset = UNSET,
    time_zone: str | Unset = UNSET,
) -> Response[ContentMyStatsProblem | ContentStats]:
    """My listening stats

     Members. Completed sessions and minutes ever, and per day for the last `days`
    days (default 30) up to today, in the member's local days (a day ends at the
    configured local hour, 04:00 by default).

    Args:
        days (int | Unset):
        time_zone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentMyStatsProblem | ContentStats]
    """

    kwargs = _get_kwargs(
        days=days,
        time_zone=time_zone,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    days: int | Unset = UNSET,
    time_zone: str | Unset = UNSET,
) -> ContentMyStatsProblem | ContentStats | None:
    """My listening stats

     Members. Completed sessions and minutes ever, and per day for the last `days`
    days (default 30) up to today, in the member's local days (a day ends at the
    configured local hour, 04:00 by default).

    Args:
        days (int | Unset):
        time_zone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentMyStatsProblem | ContentStats
    """

    return (
        await asyncio_detailed(
            client=client,
            days=days,
            time_zone=time_zone,
        )
    ).parsed
