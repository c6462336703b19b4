from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_admin_course import ContentAdminCourse
from ...models.content_get_course_problem import ContentGetCourseProblem
from ...types import Response


def _get_kwargs(
    course_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/content/admin/courses/{course_id}".format(
            course_id=quote(str(course_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentAdminCourse | ContentGetCourseProblem | None:
    if response.status_code == 200:
        response_200 = ContentAdminCourse.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ContentAdminCourse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ContentGetCourseProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentGetCourseProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentGetCourseProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ContentGetCourseProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ContentGetCourseProblem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = ContentGetCourseProblem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ContentGetCourseProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentGetCourseProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentGetCourseProblem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = ContentGetCourseProblem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = ContentGetCourseProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentGetCourseProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContentAdminCourse | ContentGetCourseProblem]:
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
) -> Response[ContentAdminCourse | ContentGetCourseProblem]:
    """Read a course

     Editors only: the draft, what is published, and the `ETag` for `If-Match`.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminCourse | ContentGetCourseProblem]
    """

    kwargs = _get_kwargs(
        course_id=course_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    course_id: str,
    *,
    client: AuthenticatedClient,
) -> ContentAdminCourse | ContentGetCourseProblem | None:
    """Read a course

     Editors only: the draft, what is published, and the `ETag` for `If-Match`.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminCourse | ContentGetCourseProblem
    """

    return sync_detailed(
        course_id=course_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    course_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ContentAdminCourse | ContentGetCourseProblem]:
    """Read a course

     Editors only: the draft, what is published, and the `ETag` for `If-Match`.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminCourse | ContentGetCourseProblem]
    """

    kwargs = _get_kwargs(
        course_id=course_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    course_id: str,
    *,
    client: AuthenticatedClient,
) -> ContentAdminCourse | ContentGetCourseProblem | None:
    """Read a course

     Editors only: the draft, what is published, and the `ETag` for `If-Match`.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminCourse | ContentGetCourseProblem
    """

    return (
        await asyncio_detailed(
            course_id=course_id,
            client=client,
        )
    ).parsed
