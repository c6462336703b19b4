from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_my_streak_problem import ContentMyStreakProblem
from ...models.content_streak import ContentStreak
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    time_zone: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["time_zone"] = time_zone

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/content/me/streak",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentMyStreakProblem | ContentStreak | None:
    if response.status_code == 200:
        response_200 = ContentStreak.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ContentMyStreakProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentMyStreakProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentMyStreakProblem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = ContentMyStreakProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentMyStreakProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentMyStreakProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ContentMyStreakProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentMyStreakProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContentMyStreakProblem | ContentStreak]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    time_zone: str | Unset = UNSET,
) -> Response[ContentMyStreakProblem | ContentStreak]:
    """My streak

     Members. Consecutive days with a completed session, computed by the server in
    the zone each session was recorded in (travel and DST safe), with freezes earned
    every few days and spent automatically on a missed day.

    Args:
        time_zone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentMyStreakProblem | ContentStreak]
    """

    kwargs = _get_kwargs(
        time_zone=time_zone,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    time_zone: str | Unset = UNSET,
) -> ContentMyStreakProblem | ContentStreak | None:
    """My streak

     Members. Consecutive days with a completed session, computed by the server in
    the zone each session was recorded in (travel and DST safe), with freezes earned
    every few days and spent automatically on a missed day.

    Args:
        time_zone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentMyStreakProblem | ContentStreak
    """

    return sync_detailed(
        client=client,
        time_zone=time_zone,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    time_zone: str | Unset = UNSET,
) -> Response[ContentMyStreakProblem | ContentStreak]:
    """My streak

     Members. Consecutive days with a completed session, computed by the server in
    the zone each session was recorded in (travel and DST safe), with freezes earned
    every few days and spent automatically on a missed day.

    Args:
        time_zone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentMyStreakProblem | ContentStreak]
    """

    kwargs = _get_kwargs(
        time_zone=time_zone,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    time_zone: str | Unset = UNSET,
) -> ContentMyStreakProblem | ContentStreak | None:
    """My streak

     Members. Consecutive days with a completed session, computed by the server in
    the zone each session was recorded in (travel and DST safe), with freezes earned
    every few days and spent automatically on a missed day.

    Args:
        time_zone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentMyStreakProblem | ContentStreak
    """

    return (
        await asyncio_detailed(
            client=client,
            time_zone=time_zone,
        )
    ).parsed
