from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_get_variant_media_url_problem import (
    ContentGetVariantMediaUrlProblem,
)
from ...models.content_media_url import ContentMediaUrl
from ...types import Response


def _get_kwargs(
    item_id: str,
    duration_s: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/content/items/{item_id}/variants/{duration_s}/media-url".format(
            item_id=quote(str(item_id), safe=""),
            duration_s=quote(str(duration_s), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentGetVariantMediaUrlProblem | ContentMediaUrl | None:
    if response.status_code == 200:
        response_200 = ContentMediaUrl.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ContentGetVariantMediaUrlProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentGetVariantMediaUrlProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentGetVariantMediaUrlProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ContentGetVariantMediaUrlProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ContentGetVariantMediaUrlProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ContentGetVariantMediaUrlProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentGetVariantMediaUrlProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentGetVariantMediaUrlProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ContentGetVariantMediaUrlProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentGetVariantMediaUrlProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContentGetVariantMediaUrlProblem | ContentMediaUrl]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    item_id: str,
    duration_s: int,
    *,
    client: AuthenticatedClient,
) -> Response[ContentGetVariantMediaUrlProblem | ContentMediaUrl]:
    """Get a signed URL of a variant's audio

     Members. A URL of the audio of a published item's variant, valid for
    `content.media.url_ttl_s` and signed (HMAC-SHA256) for its path and expiry: fetch
    it without credentials, with a single `Range` if you like (`206`, or `416` when
    the range is past the end). A premium variant needs the `content.premium`
    entitlement (a subscription or a grant): `403 premium_required` without it.
    `409 media_missing` when no audio was uploaded yet.

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.
        duration_s (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentGetVariantMediaUrlProblem | ContentMediaUrl]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
        duration_s=duration_s,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    item_id: str,
    duration_s: int,
    *,
    client: AuthenticatedClient,
) -> ContentGetVariantMediaUrlProblem | ContentMediaUrl | None:
    """Get a signed URL of a variant's audio

     Members. A URL of the audio of a published item's variant, valid for
    `content.media.url_ttl_s` and signed (HMAC-SHA256) for its path and expiry: fetch
    it without credentials, with a single `Range` if you like (`206`, or `416` when
    the range is past the end). A premium variant needs the `content.premium`
    entitlement (a subscription or a grant): `403 premium_required` without it.
    `409 media_missing` when no audio was uploaded yet.

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.
        duration_s (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentGetVariantMediaUrlProblem | ContentMediaUrl
    """

    return sync_detailed(
        item_id=item_id,
        duration_s=duration_s,
        client=client,
    ).parsed


async def asyncio_detailed(
    item_id: str,
    duration_s: int,
    *,
    client: AuthenticatedClient,
) -> Response[ContentGetVariantMediaUrlProblem | ContentMediaUrl]:
    """Get a signed URL of a variant's audio

     Members. A URL of the audio of a published item's variant, valid for
    `content.media.url_ttl_s` and signed (HMAC-SHA256) for its path and expiry: fetch
    it without credentials, with a single `Range` if you like (`206`, or `416` when
    the range is past the end). A premium variant needs the `content.premium`
    entitlement (a subscription or a grant): `403 premium_required` without it.
    `409 media_missing` when no audio was uploaded yet.

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.
        duration_s (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentGetVariantMediaUrlProblem | ContentMediaUrl]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
        duration_s=duration_s,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    item_id: str,
    duration_s: int,
    *,
    client: AuthenticatedClient,
) -> ContentGetVariantMediaUrlProblem | ContentMediaUrl | None:
    """Get a signed URL of a variant's audio

     Members. A URL of the audio of a published item's variant, valid for
    `content.media.url_ttl_s` and signed (HMAC-SHA256) for its path and expiry: fetch
    it without credentials, with a single `Range` if you like (`206`, or `416` when
    the range is past the end). A premium variant needs the `content.premium`
    entitlement (a subscription or a grant): `403 premium_required` without it.
    `409 media_missing` when no audio was uploaded yet.

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.
        duration_s (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentGetVariantMediaUrlProblem | ContentMediaUrl
    """

    return (
        await asyncio_detailed(
            item_id=item_id,
            duration_s=duration_s,
            client=client,
        )
    ).parsed
