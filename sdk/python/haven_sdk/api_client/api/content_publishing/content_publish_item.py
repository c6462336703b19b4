from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_admin_item import ContentAdminItem
from ...models.content_publish_item_problem import ContentPublishItemProblem
from ...models.content_publish_request import ContentPublishRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    item_id: str,
    *,
    body: ContentPublishRequest,
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
        "url": "/v1/content/admin/items/{item_id}/publish".format(
            item_id=quote(str(item_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentAdminItem | ContentPublishItemProblem | None:
    if response.status_code == 200:
        response_200 = ContentAdminItem.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ContentPublishItemProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentPublishItemProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentPublishItemProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ContentPublishItemProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ContentPublishItemProblem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = ContentPublishItemProblem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ContentPublishItemProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentPublishItemProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentPublishItemProblem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = ContentPublishItemProblem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = ContentPublishItemProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentPublishItemProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContentAdminItem | ContentPublishItemProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    item_id: str,
    *,
    client: AuthenticatedClient,
    body: ContentPublishRequest,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[ContentAdminItem | ContentPublishItemProblem]:
    """Publish an item

     Editors only, with `If-Match`. Publishes the draft's structure and the texts of
    `locales` (all of the draft's when absent), so a translation can go live after the
    original; members then see it on every node within 2 s. The published document
    must have the catalog's default locale (`409 default_locale_missing`). With a
    future `at`, the publish is scheduled instead (`scheduled_at` in the answer).

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.
        idempotency_key (str | Unset):
        if_match (str | Unset):
        body (ContentPublishRequest): Body of a publish.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminItem | ContentPublishItemProblem]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    item_id: str,
    *,
    client: AuthenticatedClient,
    body: ContentPublishRequest,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> ContentAdminItem | ContentPublishItemProblem | None:
    """Publish an item

     Editors only, with `If-Match`. Publishes the draft's structure and the texts of
    `locales` (all of the draft's when absent), so a translation can go live after the
    original; members then see it on every node within 2 s. The published document
    must have the catalog's default locale (`409 default_locale_missing`). With a
    future `at`, the publish is scheduled instead (`scheduled_at` in the answer).

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.
        idempotency_key (str | Unset):
        if_match (str | Unset):
        body (ContentPublishRequest): Body of a publish.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminItem | ContentPublishItemProblem
    """

    return sync_detailed(
        item_id=item_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    item_id: str,
    *,
    client: AuthenticatedClient,
    body: ContentPublishRequest,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[ContentAdminItem | ContentPublishItemProblem]:
    """Publish an item

     Editors only, with `If-Match`. Publishes the draft's structure and the texts of
    `locales` (all of the draft's when absent), so a translation can go live after the
    original; members then see it on every node within 2 s. The published document
    must have the catalog's default locale (`409 default_locale_missing`). With a
    future `at`, the publish is scheduled instead (`scheduled_at` in the answer).

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.
        idempotency_key (str | Unset):
        if_match (str | Unset):
        body (ContentPublishRequest): Body of a publish.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminItem | ContentPublishItemProblem]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    item_id: str,
    *,
    client: AuthenticatedClient,
    body: ContentPublishRequest,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> ContentAdminItem | ContentPublishItemProblem | None:
    """Publish an item

     Editors only, with `If-Match`. Publishes the draft's structure and the texts of
    `locales` (all of the draft's when absent), so a translation can go live after the
    original; members then see it on every node within 2 s. The published document
    must have the catalog's default locale (`409 default_locale_missing`). With a
    future `at`, the publish is scheduled instead (`scheduled_at` in the answer).

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.
        idempotency_key (str | Unset):
        if_match (str | Unset):
        body (ContentPublishRequest): Body of a publish.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminItem | ContentPublishItemProblem
    """

    return (
        await asyncio_detailed(
            item_id=item_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
