from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_admin_course import ContentAdminCourse
from ...models.content_course_draft_input import ContentCourseDraftInput
from ...models.content_create_course_problem import ContentCreateCourseProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ContentCourseDraftInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/content/admin/courses",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentAdminCourse | ContentCreateCourseProblem | None:
    if response.status_code == 200:
        response_200 = ContentAdminCourse.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ContentAdminCourse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ContentCreateCourseProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentCreateCourseProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentCreateCourseProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ContentCreateCourseProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ContentCreateCourseProblem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = ContentCreateCourseProblem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ContentCreateCourseProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentCreateCourseProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentCreateCourseProblem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = ContentCreateCourseProblem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = ContentCreateCourseProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentCreateCourseProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContentAdminCourse | ContentCreateCourseProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ContentCourseDraftInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[ContentAdminCourse | ContentCreateCourseProblem]:
    """Create a draft course

     Editors only (role `admin` with a second factor). Sessions are catalog items in
    order; members see nothing until it is published.

    Args:
        idempotency_key (str | Unset):
        body (ContentCourseDraftInput): A course's whole draft (`POST` creates it, `PUT` replaces
            it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminCourse | ContentCreateCourseProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ContentCourseDraftInput,
    idempotency_key: str | Unset = UNSET,
) -> ContentAdminCourse | ContentCreateCourseProblem | None:
    """Create a draft course

     Editors only (role `admin` with a second factor). Sessions are catalog items in
    order; members see nothing until it is published.

    Args:
        idempotency_key (str | Unset):
        body (ContentCourseDraftInput): A course's whole draft (`POST` creates it, `PUT` replaces
            it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminCourse | ContentCreateCourseProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ContentCourseDraftInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[ContentAdminCourse | ContentCreateCourseProblem]:
    """Create a draft course

     Editors only (role `admin` with a second factor). Sessions are catalog items in
    order; members see nothing until it is published.

    Args:
        idempotency_key (str | Unset):
        body (ContentCourseDraftInput): A course's whole draft (`POST` creates it, `PUT` replaces
            it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminCourse | ContentCreateCourseProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ContentCourseDraftInput,
    idempotency_key: str | Unset = UNSET,
) -> ContentAdminCourse | ContentCreateCourseProblem | None:
    """Create a draft course

     Editors only (role `admin` with a second factor). Sessions are catalog items in
    order; members see nothing until it is published.

    Args:
        idempotency_key (str | Unset):
        body (ContentCourseDraftInput): A course's whole draft (`POST` creates it, `PUT` replaces
            it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminCourse | ContentCreateCourseProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
