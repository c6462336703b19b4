from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_chat_thread import CareChatThread
from ...models.care_open_chat_thread import CareOpenChatThread
from ...models.care_open_chat_thread_problem import CareOpenChatThreadProblem
from ...types import Response


def _get_kwargs(
    *,
    body: CareOpenChatThread,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/care/me/chat/threads",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareChatThread | CareOpenChatThreadProblem | None:
    if response.status_code == 200:
        response_200 = CareChatThread.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CareChatThread.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = CareOpenChatThreadProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareOpenChatThreadProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareOpenChatThreadProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareOpenChatThreadProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CareOpenChatThreadProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareOpenChatThreadProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareOpenChatThreadProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareOpenChatThreadProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareOpenChatThreadProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareChatThread | CareOpenChatThreadProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CareOpenChatThread,
) -> Response[CareChatThread | CareOpenChatThreadProblem]:
    """Open a chat thread

     With a coach (your plan must include coaching: `403 not_entitled`; the coach joins
    your care team) or with a clinician on your care team (`403 not_on_care_team`
    otherwise). One thread per provider: opening it again answers it (`200`).

    Args:
        body (CareOpenChatThread): Body of `POST /v1/care/me/chat/threads`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareChatThread | CareOpenChatThreadProblem]
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
    body: CareOpenChatThread,
) -> CareChatThread | CareOpenChatThreadProblem | None:
    """Open a chat thread

     With a coach (your plan must include coaching: `403 not_entitled`; the coach joins
    your care team) or with a clinician on your care team (`403 not_on_care_team`
    otherwise). One thread per provider: opening it again answers it (`200`).

    Args:
        body (CareOpenChatThread): Body of `POST /v1/care/me/chat/threads`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareChatThread | CareOpenChatThreadProblem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CareOpenChatThread,
) -> Response[CareChatThread | CareOpenChatThreadProblem]:
    """Open a chat thread

     With a coach (your plan must include coaching: `403 not_entitled`; the coach joins
    your care team) or with a clinician on your care team (`403 not_on_care_team`
    otherwise). One thread per provider: opening it again answers it (`200`).

    Args:
        body (CareOpenChatThread): Body of `POST /v1/care/me/chat/threads`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareChatThread | CareOpenChatThreadProblem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CareOpenChatThread,
) -> CareChatThread | CareOpenChatThreadProblem | None:
    """Open a chat thread

     With a coach (your plan must include coaching: `403 not_entitled`; the coach joins
    your care team) or with a clinician on your care team (`403 not_on_care_team`
    otherwise). One thread per provider: opening it again answers it (`200`).

    Args:
        body (CareOpenChatThread): Body of `POST /v1/care/me/chat/threads`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareChatThread | CareOpenChatThreadProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
