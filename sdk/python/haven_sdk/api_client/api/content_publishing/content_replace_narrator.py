from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_admin_narrator import ContentAdminNarrator
from ...models.content_narrator_input import ContentNarratorInput
from ...models.content_replace_narrator_problem import ContentReplaceNarratorProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    narrator_id: str,
    *,
    body: ContentNarratorInput,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/content/admin/narrators/{narrator_id}".format(
            narrator_id=quote(str(narrator_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentAdminNarrator | ContentReplaceNarratorProblem | None:
    if response.status_code == 200:
        response_200 = ContentAdminNarrator.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ContentReplaceNarratorProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentReplaceNarratorProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentReplaceNarratorProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ContentReplaceNarratorProblem.from_dict(response.json())

        return response_404

    if response.status_code == 412:
        response_412 = ContentReplaceNarratorProblem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ContentReplaceNarratorProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentReplaceNarratorProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentReplaceNarratorProblem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = ContentReplaceNarratorProblem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = ContentReplaceNarratorProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentReplaceNarratorProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContentAdminNarrator | ContentReplaceNarratorProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    narrator_id: str,
    *,
    client: AuthenticatedClient,
    body: ContentNarratorInput,
    if_match: str | Unset = UNSET,
) -> Response[ContentAdminNarrator | ContentReplaceNarratorProblem]:
    """Replace a narrator

     Editors only. Needs `If-Match` with the current `ETag` (`428` without, `412`
    when stale). Visible to members at once.

    Args:
        narrator_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            nar_00000000000000000000000000.
        if_match (str | Unset):
        body (ContentNarratorInput): A narrator as editors set it (`POST` creates, `PUT`
            replaces).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminNarrator | ContentReplaceNarratorProblem]
    """

    kwargs = _get_kwargs(
        narrator_id=narrator_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    narrator_id: str,
    *,
    client: AuthenticatedClient,
    body: ContentNarratorInput,
    if_match: str | Unset = UNSET,
) -> ContentAdminNarrator | ContentReplaceNarratorProblem | None:
    """Replace a narrator

     Editors only. Needs `If-Match` with the current `ETag` (`428` without, `412`
    when stale). Visible to members at once.

    Args:
        narrator_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            nar_00000000000000000000000000.
        if_match (str | Unset):
        body (ContentNarratorInput): A narrator as editors set it (`POST` creates, `PUT`
            replaces).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminNarrator | ContentReplaceNarratorProblem
    """

    return sync_detailed(
        narrator_id=narrator_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    narrator_id: str,
    *,
    client: AuthenticatedClient,
    body: ContentNarratorInput,
    if_match: str | Unset = UNSET,
) -> Response[ContentAdminNarrator | ContentReplaceNarratorProblem]:
    """Replace a narrator

     Editors only. Needs `If-Match` with the current `ETag` (`428` without, `412`
    when stale). Visible to members at once.

    Args:
        narrator_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            nar_00000000000000000000000000.
        if_match (str | Unset):
        body (ContentNarratorInput): A narrator as editors set it (`POST` creates, `PUT`
            replaces).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminNarrator | ContentReplaceNarratorProblem]
    """

    kwargs = _get_kwargs(
        narrator_id=narrator_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    narrator_id: str,
    *,
    client: AuthenticatedClient,
    body: ContentNarratorInput,
    if_match: str | Unset = UNSET,
) -> ContentAdminNarrator | ContentReplaceNarratorProblem | None:
    """Replace a narrator

     Editors only. Needs `If-Match` with the current `ETag` (`428` without, `412`
    when stale). Visible to members at once.

    Args:
        narrator_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            nar_00000000000000000000000000.
        if_match (str | Unset):
        body (ContentNarratorInput): A narrator as editors set it (`POST` creates, `PUT`
            replaces).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminNarrator | ContentReplaceNarratorProblem
    """

    return (
        await asyncio_detailed(
            narrator_id=narrator_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
