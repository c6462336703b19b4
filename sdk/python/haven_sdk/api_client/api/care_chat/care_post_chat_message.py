from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_chat_message import CareChatMessage
from ...models.care_post_chat_message import CarePostChatMessage
from ...models.care_post_chat_message_problem import CarePostChatMessageProblem
from ...types import Response


def _get_kwargs(
    thread_id: str,
    *,
    body: CarePostChatMessage,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/care/chat/threads/{thread_id}/messages".format(
            thread_id=quote(str(thread_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareChatMessage | CarePostChatMessageProblem | None:
    if response.status_code == 200:
        response_200 = CareChatMessage.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CareChatMessage.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = CarePostChatMessageProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CarePostChatMessageProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CarePostChatMessageProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CarePostChatMessageProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CarePostChatMessageProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CarePostChatMessageProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CarePostChatMessageProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CarePostChatMessageProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CarePostChatMessageProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CarePostChatMessageProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareChatMessage | CarePostChatMessageProblem]:
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
    body: CarePostChatMessage,
) -> Response[CareChatMessage | CarePostChatMessageProblem]:
    """Post a message

     Participants only. Send a new `client_message_id` (UUID) per message and the same
    one when you retry: a resend answers the stored message (`200`), never a
    duplicate; the same id with a different body is `409 client_message_id_reused`.
    The message gets the thread's next `seq` and reaches the thread's event streams.
    A member writes to a coach only while their plan includes coaching (`403
    not_entitled`; the thread stays readable).

    Args:
        thread_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cht_00000000000000000000000000.
        body (CarePostChatMessage): Body of `POST /v1/care/chat/threads/{thread_id}/messages`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareChatMessage | CarePostChatMessageProblem]
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
    body: CarePostChatMessage,
) -> CareChatMessage | CarePostChatMessageProblem | None:
    """Post a message

     Participants only. Send a new `client_message_id` (UUID) per message and the same
    one when you retry: a resend answers the stored message (`200`), never a
    duplicate; the same id with a different body is `409 client_message_id_reused`.
    The message gets the thread's next `seq` and reaches the thread's event streams.
    A member writes to a coach only while their plan includes coaching (`403
    not_entitled`; the thread stays readable).

    Args:
        thread_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cht_00000000000000000000000000.
        body (CarePostChatMessage): Body of `POST /v1/care/chat/threads/{thread_id}/messages`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareChatMessage | CarePostChatMessageProblem
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
    body: CarePostChatMessage,
) -> Response[CareChatMessage | CarePostChatMessageProblem]:
    """Post a message

     Participants only. Send a new `client_message_id` (UUID) per message and the same
    one when you retry: a resend answers the stored message (`200`), never a
    duplicate; the same id with a different body is `409 client_message_id_reused`.
    The message gets the thread's next `seq` and reaches the thread's event streams.
    A member writes to a coach only while their plan includes coaching (`403
    not_entitled`; the thread stays readable).

    Args:
        thread_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cht_00000000000000000000000000.
        body (CarePostChatMessage): Body of `POST /v1/care/chat/threads/{thread_id}/messages`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareChatMessage | CarePostChatMessageProblem]
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
    body: CarePostChatMessage,
) -> CareChatMessage | CarePostChatMessageProblem | None:
    """Post a message

     Participants only. Send a new `client_message_id` (UUID) per message and the same
    one when you retry: a resend answers the stored message (`200`), never a
    duplicate; the same id with a different body is `409 client_message_id_reused`.
    The message gets the thread's next `seq` and reaches the thread's event streams.
    A member writes to a coach only while their plan includes coaching (`403
    not_entitled`; the thread stays readable).

    Args:
        thread_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cht_00000000000000000000000000.
        body (CarePostChatMessage): Body of `POST /v1/care/chat/threads/{thread_id}/messages`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareChatMessage | CarePostChatMessageProblem
    """

    return (
        await asyncio_detailed(
            thread_id=thread_id,
            client=client,
            body=body,
        )
    ).parsed
