from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_admin_course import ContentAdminCourse
from ...models.content_publish_course_problem import ContentPublishCourseProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    course_id: str,
    *,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/content/admin/courses/{course_id}/publish".format(
            course_id=quote(str(course_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentAdminCourse | ContentPublishCourseProblem | None:
    if response.status_code == 200:
        response_200 = ContentAdminCourse.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ContentAdminCourse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ContentPublishCourseProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentPublishCourseProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentPublishCourseProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ContentPublishCourseProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ContentPublishCourseProblem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = ContentPublishCourseProblem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ContentPublishCourseProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentPublishCourseProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentPublishCourseProblem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = ContentPublishCourseProblem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = ContentPublishCourseProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentPublishCourseProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContentAdminCourse | ContentPublishCourseProblem]:
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
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[ContentAdminCourse | ContentPublishCourseProblem]:
    """Publish a course

     Editors only, with `If-Match`. Publishes the draft in every locale; needs the
    catalog's default locale (`409 default_locale_missing`) and every session's item
    published (`409 sessions_not_published`). Every node serves it within 2 s.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.
        idempotency_key (str | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminCourse | ContentPublishCourseProblem]
    """

    kwargs = _get_kwargs(
        course_id=course_id,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    course_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> ContentAdminCourse | ContentPublishCourseProblem | None:
    """Publish a course

     Editors only, with `If-Match`. Publishes the draft in every locale; needs the
    catalog's default locale (`409 default_locale_missing`) and every session's item
    published (`409 sessions_not_published`). Every node serves it within 2 s.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.
        idempotency_key (str | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminCourse | ContentPublishCourseProblem
    """

    return sync_detailed(
        course_id=course_id,
        client=client,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    course_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[ContentAdminCourse | ContentPublishCourseProblem]:
    """Publish a course

     Editors only, with `If-Match`. Publishes the draft in every locale; needs the
    catalog's default locale (`409 default_locale_missing`) and every session's item
    published (`409 sessions_not_published`). Every node serves it within 2 s.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.
        idempotency_key (str | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminCourse | ContentPublishCourseProblem]
    """

    kwargs = _get_kwargs(
        course_id=course_id,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    course_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> ContentAdminCourse | ContentPublishCourseProblem | None:
    """Publish a course

     Editors only, with `If-Match`. Publishes the draft in every locale; needs the
    catalog's default locale (`409 default_locale_missing`) and every session's item
    published (`409 sessions_not_published`). Every node serves it within 2 s.

    Args:
        course_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            crs_00000000000000000000000000.
        idempotency_key (str | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminCourse | ContentPublishCourseProblem
    """

    return (
        await asyncio_detailed(
            course_id=course_id,
            client=client,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
