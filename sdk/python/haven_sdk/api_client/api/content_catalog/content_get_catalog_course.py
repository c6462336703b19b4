from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_catalog_course import ContentCatalogCourse
from ...models.content_get_catalog_course_problem import ContentGetCatalogCourseProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    course_id: str,
    *,
    locale: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["locale"] = locale

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/content/courses/{course_id}".format(
            course_id=quote(str(course_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ContentCatalogCourse | ContentGetCatalogCourseProblem | None:
    if response.status_code == 200:
        response_200 = ContentCatalogCourse.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = ContentGetCatalogCourseProblem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = ContentGetCatalogCourseProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = ContentGetCatalogCourseProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentGetCatalogCourseProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentGetCatalogCourseProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ContentGetCatalogCourseProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentGetCatalogCourseProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ContentCatalogCourse | ContentGetCatalogCourseProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    course_id: str,
    *,
    client: AuthenticatedClient | Client,
    locale: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ContentCatalogCourse | ContentGetCatalogCourseProblem]:
    """Read a published course

     Public. One course in one locale with its playable sessions in order. `404`
    when it is not published. Served from memory.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.
        locale (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ContentCatalogCourse | ContentGetCatalogCourseProblem]
    """

    kwargs = _get_kwargs(
        course_id=course_id,
        locale=locale,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    course_id: str,
    *,
    client: AuthenticatedClient | Client,
    locale: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | ContentCatalogCourse | ContentGetCatalogCourseProblem | None:
    """Read a published course

     Public. One course in one locale with its playable sessions in order. `404`
    when it is not published. Served from memory.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.
        locale (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ContentCatalogCourse | ContentGetCatalogCourseProblem
    """

    return sync_detailed(
        course_id=course_id,
        client=client,
        locale=locale,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    course_id: str,
    *,
    client: AuthenticatedClient | Client,
    locale: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | ContentCatalogCourse | ContentGetCatalogCourseProblem]:
    """Read a published course

     Public. One course in one locale with its playable sessions in order. `404`
    when it is not published. Served from memory.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.
        locale (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ContentCatalogCourse | ContentGetCatalogCourseProblem]
    """

    kwargs = _get_kwargs(
        course_id=course_id,
        locale=locale,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    course_id: str,
    *,
    client: AuthenticatedClient | Client,
    locale: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | ContentCatalogCourse | ContentGetCatalogCourseProblem | None:
    """Read a published course

     Public. One course in one locale with its playable sessions in order. `404`
    when it is not published. Served from memory.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.
        locale (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ContentCatalogCourse | ContentGetCatalogCourseProblem
    """

    return (
        await asyncio_detailed(
            course_id=course_id,
            client=client,
            locale=locale,
            if_none_match=if_none_match,
        )
    ).parsed
