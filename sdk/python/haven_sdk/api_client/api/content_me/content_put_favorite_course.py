from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_put_favorite_course_problem import (
    ContentPutFavoriteCourseProblem,
)
from ...types import Response


def _get_kwargs(
    course_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/content/me/favorites/courses/{course_id}".format(
            course_id=quote(str(course_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ContentPutFavoriteCourseProblem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = ContentPutFavoriteCourseProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentPutFavoriteCourseProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentPutFavoriteCourseProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ContentPutFavoriteCourseProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = ContentPutFavoriteCourseProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentPutFavoriteCourseProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentPutFavoriteCourseProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ContentPutFavoriteCourseProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentPutFavoriteCourseProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ContentPutFavoriteCourseProblem]:
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
) -> Response[Any | ContentPutFavoriteCourseProblem]:
    """Favorite a course

     Members. Idempotent: putting it again changes nothing. `404` unless published.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ContentPutFavoriteCourseProblem]
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
) -> Any | ContentPutFavoriteCourseProblem | None:
    """Favorite a course

     Members. Idempotent: putting it again changes nothing. `404` unless published.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ContentPutFavoriteCourseProblem
    """

    return sync_detailed(
        course_id=course_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    course_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | ContentPutFavoriteCourseProblem]:
    """Favorite a course

     Members. Idempotent: putting it again changes nothing. `404` unless published.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ContentPutFavoriteCourseProblem]
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
) -> Any | ContentPutFavoriteCourseProblem | None:
    """Favorite a course

     Members. Idempotent: putting it again changes nothing. `404` unless published.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ContentPutFavoriteCourseProblem
    """

    return (
        await asyncio_detailed(
            course_id=course_id,
            client=client,
        )
    ).parsed
