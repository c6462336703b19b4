from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_list_narrators_problem import ContentListNarratorsProblem
from ...models.page_content_catalog_narrator import PageContentCatalogNarrator
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    locale: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["locale"] = locale

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/content/narrators",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ContentListNarratorsProblem | PageContentCatalogNarrator | None:
    if response.status_code == 200:
        response_200 = PageContentCatalogNarrator.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = ContentListNarratorsProblem.from_dict(response.json())

        return response_400

    if response.status_code == 413:
        response_413 = ContentListNarratorsProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentListNarratorsProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentListNarratorsProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ContentListNarratorsProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentListNarratorsProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ContentListNarratorsProblem | PageContentCatalogNarrator]:
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
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ContentListNarratorsProblem | PageContentCatalogNarrator]:
    """List narrators

     Public. Narrators with their biography in one locale (fallback as for items), in
    id order, paginated. Served from memory.

    Args:
        locale (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ContentListNarratorsProblem | PageContentCatalogNarrator]
    """

    kwargs = _get_kwargs(
        locale=locale,
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
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | ContentListNarratorsProblem | PageContentCatalogNarrator | None:
    """List narrators

     Public. Narrators with their biography in one locale (fallback as for items), in
    id order, paginated. Served from memory.

    Args:
        locale (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ContentListNarratorsProblem | PageContentCatalogNarrator
    """

    return sync_detailed(
        client=client,
        locale=locale,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    locale: str | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ContentListNarratorsProblem | PageContentCatalogNarrator]:
    """List narrators

     Public. Narrators with their biography in one locale (fallback as for items), in
    id order, paginated. Served from memory.

    Args:
        locale (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ContentListNarratorsProblem | PageContentCatalogNarrator]
    """

    kwargs = _get_kwargs(
        locale=locale,
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
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | ContentListNarratorsProblem | PageContentCatalogNarrator | None:
    """List narrators

     Public. Narrators with their biography in one locale (fallback as for items), in
    id order, paginated. Served from memory.

    Args:
        locale (str | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ContentListNarratorsProblem | PageContentCatalogNarrator
    """

    return (
        await asyncio_detailed(
            client=client,
            locale=locale,
            limit=limit,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
