from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_chat_read_marker import CareChatReadMarker
from ...models.care_mark_chat_read import CareMarkChatRead
from ...models.care_mark_chat_read_problem import CareMarkChatReadProblem
from ...types import Response


def _get_kwargs(
    thread_id: str,
    *,
    body: CareMarkChatRead,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/care/chat/threads/{thread_id}/read".format(
            thread_id=quote(str(thread_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareChatReadMarker | CareMarkChatReadProblem | None:
    if response.status_code == 200:
        response_200 = CareChatReadMarker.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareMarkChatReadProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareMarkChatReadProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareMarkChatReadProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareMarkChatReadProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CareMarkChatReadProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareMarkChatReadProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareMarkChatReadProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareMarkChatReadProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareMarkChatReadProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareChatReadMarker | CareMarkChatReadProblem]:
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
    body: CareMarkChatRead,
) -> Response[CareChatReadMarker | CareMarkChatReadProblem]:
    """Mark a thread read

     Participants only. Moves your read marker forward to `up_to_seq` (never
    backwards; at most the newest message) and answers it with your unread count.

    Args:
        thread_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cht_00000000000000000000000000.
        body (CareMarkChatRead): Body of `POST /v1/care/chat/threads/{thread_id}/read`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareChatReadMarker | CareMarkChatReadProblem]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    thread_id: str,
    *,
    client: AuthenticatedClient,
    body: CareMarkChatRead,
) -> CareChatReadMarker | CareMarkChatReadProblem | None:
    """Mark a thread read

     Participants only. Moves your read marker forward to `up_to_seq` (never
    backwards; at most the newest message) and answers it with your unread count.

    Args:
        thread_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cht_00000000000000000000000000.
        body (CareMarkChatRead): Body of `POST /v1/care/chat/threads/{thread_id}/read`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareChatReadMarker | CareMarkChatReadProblem
    """

    return sync_detailed(
        thread_id=thread_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    thread_id: str,
    *,
    client: AuthenticatedClient,
    body: CareMarkChatRead,
) -> Response[CareChatReadMarker | CareMarkChatReadProblem]:
    """Mark a thread read

     Participants only. Moves your read marker forward to `up_to_seq` (never
    backwards; at most the newest message) and answers it with your unread count.

    Args:
        thread_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cht_00000000000000000000000000.
        body (CareMarkChatRead): Body of `POST /v1/care/chat/threads/{thread_id}/read`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareChatReadMarker | CareMarkChatReadProblem]
    """

    kwargs = _get_kwargs(
        thread_id=thread_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    thread_id: str,
    *,
    client: AuthenticatedClient,
    body: CareMarkChatRead,
) -> CareChatReadMarker | CareMarkChatReadProblem | None:
    """Mark a thread read

     Participants only. Moves your read marker forward to `up_to_seq` (never
    backwards; at most the newest message) and answers it with your unread count.

    Args:
        thread_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cht_00000000000000000000000000.
        body (CareMarkChatRead): Body of `POST /v1/care/chat/threads/{thread_id}/read`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareChatReadMarker | CareMarkChatReadProblem
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            client=client,
            body=body,
        )
    ).parsed
