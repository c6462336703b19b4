from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_chat_message import CareChatMessage
from ...models.care_stream_chat_events_problem import CareStreamChatEventsProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    thread_id: str,
    *,
    last_event_id: int | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = str(last_event_id)

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/chat/threads/{thread_id}/events".format(
            thread_id=quote(str(thread_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareStreamChatEventsProblem | list[CareChatMessage] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.text
        for response_200_item_data in _response_200:
            response_200_item = CareChatMessage.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = CareStreamChatEventsProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareStreamChatEventsProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareStreamChatEventsProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareStreamChatEventsProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CareStreamChatEventsProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareStreamChatEventsProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareStreamChatEventsProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareStreamChatEventsProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareStreamChatEventsProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareStreamChatEventsProblem | list[CareChatMessage]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    thread_id: str,
    *,
    client: AuthenticatedClient,
    last_event_id: int | Unset = UNSET,
) -> Response[CareStreamChatEventsProblem | list[CareChatMessage]]:
    """Stream a thread's messages

     Participants only. Server-Sent Events (`text/event-stream`): each new message as
    an event whose `id:` is its `seq` and whose `data:` is the message as JSON, and a
    heartbeat comment while idle. Reconnect with `Last-Event-ID` (the last `id:` you
    got) to receive everything after it first, then live, without gaps or
    duplicates; without it the stream starts after the newest message. The stream
    ends when your access token expires: reconnect with a fresh one. Opening a stream
    is recorded once in the PHI audit log (not each message it delivers).

    Args:
        thread_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cht_00000000000000000000000000.
        last_event_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareStreamChatEventsProblem | list[CareChatMessage]]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        last_event_id=last_event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    thread_id: str,
    *,
    client: AuthenticatedClient,
    last_event_id: int | Unset = UNSET,
) -> CareStreamChatEventsProblem | list[CareChatMessage] | None:
    """Stream a thread's messages

     Participants only. Server-Sent Events (`text/event-stream`): each new message as
    an event whose `id:` is its `seq` and whose `data:` is the message as JSON, and a
    heartbeat comment while idle. Reconnect with `Last-Event-ID` (the last `id:` you
    got) to receive everything after it first, then live, without gaps or
    duplicates; without it the stream starts after the newest message. The stream
    ends when your access token expires: reconnect with a fresh one. Opening a stream
    is recorded once in the PHI audit log (not each message it delivers).

    Args:
        thread_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cht_00000000000000000000000000.
        last_event_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareStreamChatEventsProblem | list[CareChatMessage]
    """

    return sync_detailed(
        thread_id=thread_id,
        client=client,
        last_event_id=last_event_id,
    ).parsed


async def asyncio_detailed(
    thread_id: str,
    *,
    client: AuthenticatedClient,
    last_event_id: int | Unset = UNSET,
) -> Response[CareStreamChatEventsProblem | list[CareChatMessage]]:
    """Stream a thread's messages

     Participants only. Server-Sent Events (`text/event-stream`): each new message as
    an event whose `id:` is its `seq` and whose `data:` is the message as JSON, and a
    heartbeat comment while idle. Reconnect with `Last-Event-ID` (the last `id:` you
    got) to receive everything after it first, then live, without gaps or
    duplicates; without it the stream starts after the newest message. The stream
    ends when your access token expires: reconnect with a fresh one. Opening a stream
    is recorded once in the PHI audit log (not each message it delivers).

    Args:
        thread_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cht_00000000000000000000000000.
        last_event_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareStreamChatEventsProblem | list[CareChatMessage]]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        last_event_id=last_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    thread_id: str,
    *,
    client: AuthenticatedClient,
    last_event_id: int | Unset = UNSET,
) -> CareStreamChatEventsProblem | list[CareChatMessage] | None:
    """Stream a thread's messages

     Participants only. Server-Sent Events (`text/event-stream`): each new message as
    an event whose `id:` is its `seq` and whose `data:` is the message as JSON, and a
    heartbeat comment while idle. Reconnect with `Last-Event-ID` (the last `id:` you
    got) to receive everything after it first, then live, without gaps or
    duplicates; without it the stream starts after the newest message. The stream
    ends when your access token expires: reconnect with a fresh one. Opening a stream
    is recorded once in the PHI audit log (not each message it delivers).

    Args:
        thread_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cht_00000000000000000000000000.
        last_event_id (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareStreamChatEventsProblem | list[CareChatMessage]
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            client=client,
            last_event_id=last_event_id,
        )
    ).parsed
