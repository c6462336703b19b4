from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_browse_courses_problem import ContentBrowseCoursesProblem
from ...models.page_content_catalog_course import PageContentCatalogCourse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    locale: str | Unset = UNSET,
    category: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["locale"] = locale

    params["category"] = category

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/content/courses",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ContentBrowseCoursesProblem | PageContentCatalogCourse | None:
    if response.status_code == 200:
        response_200 = PageContentCatalogCourse.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = ContentBrowseCoursesProblem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = ContentBrowseCoursesProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = ContentBrowseCoursesProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentBrowseCoursesProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentBrowseCoursesProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ContentBrowseCoursesProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentBrowseCoursesProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ContentBrowseCoursesProblem | PageContentCatalogCourse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    locale: str | Unset = UNSET,
    category: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ContentBrowseCoursesProblem | PageContentCatalogCourse]:
    """Browse courses

     Public. Published courses in one locale (fallback as for items), with their
    playable sessions in order, optionally in one category, in id order, paginated.
    Served from memory; `If-None-Match` with the `ETag` answers `304`.

    Args:
        locale (str | Unset):
        category (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ContentBrowseCoursesProblem | PageContentCatalogCourse]
    """

    kwargs = _get_kwargs(
        locale=locale,
        category=category,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    locale: str | Unset = UNSET,
    category: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | ContentBrowseCoursesProblem | PageContentCatalogCourse | None:
    """Browse courses

     Public. Published courses in one locale (fallback as for items), with their
    playable sessions in order, optionally in one category, in id order, paginated.
    Served from memory; `If-None-Match` with the `ETag` answers `304`.

    Args:
        locale (str | Unset):
        category (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ContentBrowseCoursesProblem | PageContentCatalogCourse
    """

    return sync_detailed(
        client=client,
        locale=locale,
        category=category,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    locale: str | Unset = UNSET,
    category: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ContentBrowseCoursesProblem | PageContentCatalogCourse]:
    """Browse courses

     Public. Published courses in one locale (fallback as for items), with their
    playable sessions in order, optionally in one category, in id order, paginated.
    Served from memory; `If-None-Match` with the `ETag` answers `304`.

    Args:
        locale (str | Unset):
        category (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ContentBrowseCoursesProblem | PageContentCatalogCourse]
    """

    kwargs = _get_kwargs(
        locale=locale,
        category=category,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    locale: str | Unset = UNSET,
    category: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | ContentBrowseCoursesProblem | PageContentCatalogCourse | None:
    """Browse courses

     Public. Published courses in one locale (fallback as for items), with their
    playable sessions in order, optionally in one category, in id order, paginated.
    Served from memory; `If-None-Match` with the `ETag` answers `304`.

    Args:
        locale (str | Unset):
        category (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ContentBrowseCoursesProblem | PageContentCatalogCourse
    """

    return (
        await asyncio_detailed(
            client=client,
            locale=locale,
            category=category,
            limit=limit,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
