from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_kind import ContentKind
from ...models.content_search_page import ContentSearchPage
from ...models.content_search_problem import ContentSearchProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str,
    locale: str | Unset = UNSET,
    kind: ContentKind | Unset = UNSET,
    category: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    narrator_id: str | Unset = UNSET,
    min_duration_s: int | Unset = UNSET,
    max_duration_s: int | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["q"] = q

    params["locale"] = locale

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["category"] = category

    params["tag"] = tag

    params["narrator_id"] = narrator_id

    params["min_duration_s"] = min_duration_s

    params["max_duration_s"] = max_duration_s

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/content/search",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ContentSearchPage | ContentSearchProblem | None:
    if response.status_code == 200:
        response_200 = ContentSearchPage.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = ContentSearchProblem.from_dict(response.json())

        return response_400

    if response.status_code == 413:
        response_413 = ContentSearchProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentSearchProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentSearchProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ContentSearchProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentSearchProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ContentSearchPage | ContentSearchProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    locale: str | Unset = UNSET,
    kind: ContentKind | Unset = UNSET,
    category: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    narrator_id: str | Unset = UNSET,
    min_duration_s: int | Unset = UNSET,
    max_duration_s: int | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ContentSearchPage | ContentSearchProblem]:
    """Search the catalog

     Public. Titles, subtitles, descriptions, tags, categories and narrator names in
    every locale, without regard to case or accents (`meditacion` finds
    `Meditación`), tolerant of typos (one per word of 4–7 letters, two beyond), the
    last word matched as a prefix; every word must match. Ranked by relevance (title
    first, then tags and narrators, then descriptions). Filters as in browse; texts in
    one locale with the same fallback. Served from memory; `If-None-Match` answers
    `304`.

    Args:
        q (str):
        locale (str | Unset):
        kind (ContentKind | Unset): What an item is.
        category (str | Unset):
        tag (str | Unset):
        narrator_id (str | Unset): A TypeID: the type prefix, `_`, then 26 base32 characters.
            Example: nar_00000000000000000000000000.
        min_duration_s (int | Unset):
        max_duration_s (int | Unset):
        limit (int | Unset):  Default: 20.
        offset (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ContentSearchPage | ContentSearchProblem]
    """

    kwargs = _get_kwargs(
        q=q,
        locale=locale,
        kind=kind,
        category=category,
        tag=tag,
        narrator_id=narrator_id,
        min_duration_s=min_duration_s,
        max_duration_s=max_duration_s,
        limit=limit,
        offset=offset,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    locale: str | Unset = UNSET,
    kind: ContentKind | Unset = UNSET,
    category: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    narrator_id: str | Unset = UNSET,
    min_duration_s: int | Unset = UNSET,
    max_duration_s: int | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | ContentSearchPage | ContentSearchProblem | None:
    """Search the catalog

     Public. Titles, subtitles, descriptions, tags, categories and narrator names in
    every locale, without regard to case or accents (`meditacion` finds
    `Meditación`), tolerant of typos (one per word of 4–7 letters, two beyond), the
    last word matched as a prefix; every word must match. Ranked by relevance (title
    first, then tags and narrators, then descriptions). Filters as in browse; texts in
    one locale with the same fallback. Served from memory; `If-None-Match` answers
    `304`.

    Args:
        q (str):
        locale (str | Unset):
        kind (ContentKind | Unset): What an item is.
        category (str | Unset):
        tag (str | Unset):
        narrator_id (str | Unset): A TypeID: the type prefix, `_`, then 26 base32 characters.
            Example: nar_00000000000000000000000000.
        min_duration_s (int | Unset):
        max_duration_s (int | Unset):
        limit (int | Unset):  Default: 20.
        offset (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ContentSearchPage | ContentSearchProblem
    """

    return sync_detailed(
        client=client,
        q=q,
        locale=locale,
        kind=kind,
        category=category,
        tag=tag,
        narrator_id=narrator_id,
        min_duration_s=min_duration_s,
        max_duration_s=max_duration_s,
        limit=limit,
        offset=offset,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    locale: str | Unset = UNSET,
    kind: ContentKind | Unset = UNSET,
    category: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    narrator_id: str | Unset = UNSET,
    min_duration_s: int | Unset = UNSET,
    max_duration_s: int | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ContentSearchPage | ContentSearchProblem]:
    """Search the catalog

     Public. Titles, subtitles, descriptions, tags, categories and narrator names in
    every locale, without regard to case or accents (`meditacion` finds
    `Meditación`), tolerant of typos (one per word of 4–7 letters, two beyond), the
    last word matched as a prefix; every word must match. Ranked by relevance (title
    first, then tags and narrators, then descriptions). Filters as in browse; texts in
    one locale with the same fallback. Served from memory; `If-None-Match` answers
    `304`.

    Args:
        q (str):
        locale (str | Unset):
        kind (ContentKind | Unset): What an item is.
        category (str | Unset):
        tag (str | Unset):
        narrator_id (str | Unset): A TypeID: the type prefix, `_`, then 26 base32 characters.
            Example: nar_00000000000000000000000000.
        min_duration_s (int | Unset):
        max_duration_s (int | Unset):
        limit (int | Unset):  Default: 20.
        offset (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ContentSearchPage | ContentSearchProblem]
    """

    kwargs = _get_kwargs(
        q=q,
        locale=locale,
        kind=kind,
        category=category,
        tag=tag,
        narrator_id=narrator_id,
        min_duration_s=min_duration_s,
        max_duration_s=max_duration_s,
        limit=limit,
        offset=offset,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    q: str,
    locale: str | Unset = UNSET,
    kind: ContentKind | Unset = UNSET,
    category: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    narrator_id: str | Unset = UNSET,
    min_duration_s: int | Unset = UNSET,
    max_duration_s: int | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | ContentSearchPage | ContentSearchProblem | None:
    """Search the catalog

     Public. Titles, subtitles, descriptions, tags, categories and narrator names in
    every locale, without regard to case or accents (`meditacion` finds
    `Meditación`), tolerant of typos (one per word of 4–7 letters, two beyond), the
    last word matched as a prefix; every word must match. Ranked by relevance (title
    first, then tags and narrators, then descriptions). Filters as in browse; texts in
    one locale with the same fallback. Served from memory; `If-None-Match` answers
    `304`.

    Args:
        q (str):
        locale (str | Unset):
        kind (ContentKind | Unset): What an item is.
        category (str | Unset):
        tag (str | Unset):
        narrator_id (str | Unset): A TypeID: the type prefix, `_`, then 26 base32 characters.
            Example: nar_00000000000000000000000000.
        min_duration_s (int | Unset):
        max_duration_s (int | Unset):
        limit (int | Unset):  Default: 20.
        offset (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ContentSearchPage | ContentSearchProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            locale=locale,
            kind=kind,
            category=category,
            tag=tag,
            narrator_id=narrator_id,
            min_duration_s=min_duration_s,
            max_duration_s=max_duration_s,
            limit=limit,
            offset=offset,
            if_none_match=if_none_match,
        )
    ).parsed
