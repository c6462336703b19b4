from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_list_course_revisions_problem import (
    ContentListCourseRevisionsProblem,
)
from ...models.page_content_course_revision import PageContentCourseRevision
from ...types import UNSET, Response, Unset


def _get_kwargs(
    course_id: str,
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/content/admin/courses/{course_id}/revisions".format(
            course_id=quote(str(course_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentListCourseRevisionsProblem | PageContentCourseRevision | None:
    if response.status_code == 200:
        response_200 = PageContentCourseRevision.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ContentListCourseRevisionsProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentListCourseRevisionsProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentListCourseRevisionsProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ContentListCourseRevisionsProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ContentListCourseRevisionsProblem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = ContentListCourseRevisionsProblem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ContentListCourseRevisionsProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentListCourseRevisionsProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentListCourseRevisionsProblem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = ContentListCourseRevisionsProblem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = ContentListCourseRevisionsProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentListCourseRevisionsProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContentListCourseRevisionsProblem | PageContentCourseRevision]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    course_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[ContentListCourseRevisionsProblem | PageContentCourseRevision]:
    """A course's revision history

     Editors only. Every change, newest first, with the draft after it and who made
    it, paginated.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentListCourseRevisionsProblem | PageContentCourseRevision]
    """

    kwargs = _get_kwargs(
        course_id=course_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    course_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> ContentListCourseRevisionsProblem | PageContentCourseRevision | None:
    """A course's revision history

     Editors only. Every change, newest first, with the draft after it and who made
    it, paginated.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentListCourseRevisionsProblem | PageContentCourseRevision
    """

    return sync_detailed(
        course_id=course_id,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    course_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[ContentListCourseRevisionsProblem | PageContentCourseRevision]:
    """A course's revision history

     Editors only. Every change, newest first, with the draft after it and who made
    it, paginated.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentListCourseRevisionsProblem | PageContentCourseRevision]
    """

    kwargs = _get_kwargs(
        course_id=course_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    course_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> ContentListCourseRevisionsProblem | PageContentCourseRevision | None:
    """A course's revision history

     Editors only. Every change, newest first, with the draft after it and who made
    it, paginated.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentListCourseRevisionsProblem | PageContentCourseRevision
    """

    return (
        await asyncio_detailed(
            course_id=course_id,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
