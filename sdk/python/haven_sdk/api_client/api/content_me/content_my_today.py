import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_my_today_problem import ContentMyTodayProblem
from ...models.content_today import ContentToday
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    locale: str | Unset = UNSET,
    time_zone: str | Unset = UNSET,
    at: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["locale"] = locale

    params["time_zone"] = time_zone

    json_at: str | Unset = UNSET
    if not isinstance(at, Unset):
        json_at = at.isoformat()
    params["at"] = json_at

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/content/me/today",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentMyTodayProblem | ContentToday | None:
    if response.status_code == 200:
        response_200 = ContentToday.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ContentMyTodayProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentMyTodayProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentMyTodayProblem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = ContentMyTodayProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentMyTodayProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentMyTodayProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ContentMyTodayProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentMyTodayProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContentMyTodayProblem | ContentToday]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    locale: str | Unset = UNSET,
    time_zone: str | Unset = UNSET,
    at: datetime.datetime | Unset = UNSET,
) -> Response[ContentMyTodayProblem | ContentToday]:
    """My Today

     Members. What to play now: the course to continue, suggestions for the time of
    day in the member's zone (morning → meditation, night → sleep), new releases,
    favorites and recent history, each entry with its `reason`. The same member,
    instant and catalog version give the same feed.

    Args:
        locale (str | Unset):
        time_zone (str | Unset):
        at (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentMyTodayProblem | ContentToday]
    """

    kwargs = _get_kwargs(
        locale=locale,
        time_zone=time_zone,
        at=at,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    locale: str | Unset = UNSET,
    time_zone: str | Unset = UNSET,
    at: datetime.datetime | Unset = UNSET,
) -> ContentMyTodayProblem | ContentToday | None:
    """My Today

     Members. What to play now: the course to continue, suggestions for the time of
    day in the member's zone (morning → meditation, night → sleep), new releases,
    favorites and recent history, each entry with its `reason`. The same member,
    instant and catalog version give the same feed.

    Args:
        locale (str | Unset):
        time_zone (str | Unset):
        at (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentMyTodayProblem | ContentToday
    """

    return sync_detailed(
        client=client,
        locale=locale,
        time_zone=time_zone,
        at=at,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    locale: str | Unset = UNSET,
    time_zone: str | Unset = UNSET,
    at: datetime.datetime | Unset = UNSET,
) -> Response[ContentMyTodayProblem | ContentToday]:
    """My Today

     Members. What to play now: the course to continue, suggestions for the time of
    day in the member's zone (morning → meditation, night → sleep), new releases,
    favorites and recent history, each entry with its `reason`. The same member,
    instant and catalog version give the same feed.

    Args:
        locale (str | Unset):
        time_zone (str | Unset):
        at (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentMyTodayProblem | ContentToday]
    """

    kwargs = _get_kwargs(
        locale=locale,
        time_zone=time_zone,
        at=at,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    locale: str | Unset = UNSET,
    time_zone: str | Unset = UNSET,
    at: datetime.datetime | Unset = UNSET,
) -> ContentMyTodayProblem | ContentToday | None:
    """My Today

     Members. What to play now: the course to continue, suggestions for the time of
    day in the member's zone (morning → meditation, night → sleep), new releases,
    favorites and recent history, each entry with its `reason`. The same member,
    instant and catalog version give the same feed.

    Args:
        locale (str | Unset):
        time_zone (str | Unset):
        at (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentMyTodayProblem | ContentToday
    """

    return (
        await asyncio_detailed(
            client=client,
            locale=locale,
            time_zone=time_zone,
            at=at,
        )
    ).parsed
