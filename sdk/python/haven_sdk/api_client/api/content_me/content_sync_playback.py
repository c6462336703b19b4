from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_playback_sync_request import ContentPlaybackSyncRequest
from ...models.content_playback_sync_result import ContentPlaybackSyncResult
from ...models.content_sync_playback_problem import ContentSyncPlaybackProblem
from ...types import Response


def _get_kwargs(
    *,
    body: ContentPlaybackSyncRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/content/me/playback/events",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentPlaybackSyncResult | ContentSyncPlaybackProblem | None:
    if response.status_code == 200:
        response_200 = ContentPlaybackSyncResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ContentSyncPlaybackProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentSyncPlaybackProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentSyncPlaybackProblem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = ContentSyncPlaybackProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentSyncPlaybackProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentSyncPlaybackProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ContentSyncPlaybackProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentSyncPlaybackProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContentPlaybackSyncResult | ContentSyncPlaybackProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ContentPlaybackSyncRequest,
) -> Response[ContentPlaybackSyncResult | ContentSyncPlaybackProblem]:
    """Sync playback events

     Members. Up to 500 events recorded offline, in any order; each is answered
    `accepted`, `duplicate` (its `event_id` was recorded before: nothing changes, so
    a batch can be sent again safely) or `refused` (too far in the future, unknown
    item). A `completed` event counts for stats, the streak (in the member's day of
    the zone it was recorded in) and, with `course_id`, the course's progress. A
    malformed event fails the whole batch with `422` naming its fields.

    Args:
        body (ContentPlaybackSyncRequest): A batch of events recorded offline.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentPlaybackSyncResult | ContentSyncPlaybackProblem]
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
    body: ContentPlaybackSyncRequest,
) -> ContentPlaybackSyncResult | ContentSyncPlaybackProblem | None:
    """Sync playback events

     Members. Up to 500 events recorded offline, in any order; each is answered
    `accepted`, `duplicate` (its `event_id` was recorded before: nothing changes, so
    a batch can be sent again safely) or `refused` (too far in the future, unknown
    item). A `completed` event counts for stats, the streak (in the member's day of
    the zone it was recorded in) and, with `course_id`, the course's progress. A
    malformed event fails the whole batch with `422` naming its fields.

    Args:
        body (ContentPlaybackSyncRequest): A batch of events recorded offline.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentPlaybackSyncResult | ContentSyncPlaybackProblem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ContentPlaybackSyncRequest,
) -> Response[ContentPlaybackSyncResult | ContentSyncPlaybackProblem]:
    """Sync playback events

     Members. Up to 500 events recorded offline, in any order; each is answered
    `accepted`, `duplicate` (its `event_id` was recorded before: nothing changes, so
    a batch can be sent again safely) or `refused` (too far in the future, unknown
    item). A `completed` event counts for stats, the streak (in the member's day of
    the zone it was recorded in) and, with `course_id`, the course's progress. A
    malformed event fails the whole batch with `422` naming its fields.

    Args:
        body (ContentPlaybackSyncRequest): A batch of events recorded offline.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentPlaybackSyncResult | ContentSyncPlaybackProblem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ContentPlaybackSyncRequest,
) -> ContentPlaybackSyncResult | ContentSyncPlaybackProblem | None:
    """Sync playback events

     Members. Up to 500 events recorded offline, in any order; each is answered
    `accepted`, `duplicate` (its `event_id` was recorded before: nothing changes, so
    a batch can be sent again safely) or `refused` (too far in the future, unknown
    item). A `completed` event counts for stats, the streak (in the member's day of
    the zone it was recorded in) and, with `course_id`, the course's progress. A
    malformed event fails the whole batch with `422` naming its fields.

    Args:
        body (ContentPlaybackSyncRequest): A batch of events recorded offline.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentPlaybackSyncResult | ContentSyncPlaybackProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
