from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_admin_narrator import ContentAdminNarrator
from ...models.content_create_narrator_problem import ContentCreateNarratorProblem
from ...models.content_narrator_input import ContentNarratorInput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ContentNarratorInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/content/admin/narrators",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentAdminNarrator | ContentCreateNarratorProblem | None:
    if response.status_code == 201:
        response_201 = ContentAdminNarrator.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ContentCreateNarratorProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentCreateNarratorProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentCreateNarratorProblem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = ContentCreateNarratorProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ContentCreateNarratorProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentCreateNarratorProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentCreateNarratorProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ContentCreateNarratorProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentCreateNarratorProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContentAdminNarrator | ContentCreateNarratorProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ContentNarratorInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[ContentAdminNarrator | ContentCreateNarratorProblem]:
    """Create a narrator

     Editors only (role `admin`, signed in with a second factor). Visible to members
    at once (on every node within 2 s).

    Args:
        idempotency_key (str | Unset):
        body (ContentNarratorInput): A narrator as editors set it (`POST` creates, `PUT`
            replaces).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminNarrator | ContentCreateNarratorProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ContentNarratorInput,
    idempotency_key: str | Unset = UNSET,
) -> ContentAdminNarrator | ContentCreateNarratorProblem | None:
    """Create a narrator

     Editors only (role `admin`, signed in with a second factor). Visible to members
    at once (on every node within 2 s).

    Args:
        idempotency_key (str | Unset):
        body (ContentNarratorInput): A narrator as editors set it (`POST` creates, `PUT`
            replaces).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminNarrator | ContentCreateNarratorProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ContentNarratorInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[ContentAdminNarrator | ContentCreateNarratorProblem]:
    """Create a narrator

     Editors only (role `admin`, signed in with a second factor). Visible to members
    at once (on every node within 2 s).

    Args:
        idempotency_key (str | Unset):
        body (ContentNarratorInput): A narrator as editors set it (`POST` creates, `PUT`
            replaces).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminNarrator | ContentCreateNarratorProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ContentNarratorInput,
    idempotency_key: str | Unset = UNSET,
) -> ContentAdminNarrator | ContentCreateNarratorProblem | None:
    """Create a narrator

     Editors only (role `admin`, signed in with a second factor). Visible to members
    at once (on every node within 2 s).

    Args:
        idempotency_key (str | Unset):
        body (ContentNarratorInput): A narrator as editors set it (`POST` creates, `PUT`
            replaces).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminNarrator | ContentCreateNarratorProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
