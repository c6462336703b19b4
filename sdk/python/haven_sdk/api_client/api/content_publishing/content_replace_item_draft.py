from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_admin_item import ContentAdminItem
from ...models.content_item_draft_input import ContentItemDraftInput
from ...models.content_replace_item_draft_problem import ContentReplaceItemDraftProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    item_id: str,
    *,
    body: ContentItemDraftInput,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/content/admin/items/{item_id}".format(
            item_id=quote(str(item_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentAdminItem | ContentReplaceItemDraftProblem | None:
    if response.status_code == 200:
        response_200 = ContentAdminItem.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ContentReplaceItemDraftProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentReplaceItemDraftProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentReplaceItemDraftProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ContentReplaceItemDraftProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ContentReplaceItemDraftProblem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = ContentReplaceItemDraftProblem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = ContentReplaceItemDraftProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentReplaceItemDraftProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentReplaceItemDraftProblem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = ContentReplaceItemDraftProblem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = ContentReplaceItemDraftProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentReplaceItemDraftProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContentAdminItem | ContentReplaceItemDraftProblem]:
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
    body: ContentItemDraftInput,
    if_match: str | Unset = UNSET,
) -> Response[ContentAdminItem | ContentReplaceItemDraftProblem]:
    """Replace an item's draft

     Editors only. Needs `If-Match` with the item's current `ETag`: `428` without it,
    `412` when someone saved since (read it again). Published texts stay as they are
    until the next publish. An archived item is `409 item_archived`.

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.
        if_match (str | Unset):
        body (ContentItemDraftInput): An item's whole draft (`POST` creates it, `PUT` replaces
            it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminItem | ContentReplaceItemDraftProblem]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
        body=body,
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
    body: ContentItemDraftInput,
    if_match: str | Unset = UNSET,
) -> ContentAdminItem | ContentReplaceItemDraftProblem | None:
    """Replace an item's draft

     Editors only. Needs `If-Match` with the item's current `ETag`: `428` without it,
    `412` when someone saved since (read it again). Published texts stay as they are
    until the next publish. An archived item is `409 item_archived`.

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.
        if_match (str | Unset):
        body (ContentItemDraftInput): An item's whole draft (`POST` creates it, `PUT` replaces
            it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminItem | ContentReplaceItemDraftProblem
    """

    return sync_detailed(
        item_id=item_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    item_id: str,
    *,
    client: AuthenticatedClient,
    body: ContentItemDraftInput,
    if_match: str | Unset = UNSET,
) -> Response[ContentAdminItem | ContentReplaceItemDraftProblem]:
    """Replace an item's draft

     Editors only. Needs `If-Match` with the item's current `ETag`: `428` without it,
    `412` when someone saved since (read it again). Published texts stay as they are
    until the next publish. An archived item is `409 item_archived`.

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.
        if_match (str | Unset):
        body (ContentItemDraftInput): An item's whole draft (`POST` creates it, `PUT` replaces
            it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminItem | ContentReplaceItemDraftProblem]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    item_id: str,
    *,
    client: AuthenticatedClient,
    body: ContentItemDraftInput,
    if_match: str | Unset = UNSET,
) -> ContentAdminItem | ContentReplaceItemDraftProblem | None:
    """Replace an item's draft

     Editors only. Needs `If-Match` with the item's current `ETag`: `428` without it,
    `412` when someone saved since (read it again). Published texts stay as they are
    until the next publish. An archived item is `409 item_archived`.

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.
        if_match (str | Unset):
        body (ContentItemDraftInput): An item's whole draft (`POST` creates it, `PUT` replaces
            it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminItem | ContentReplaceItemDraftProblem
    """

    return (
        await asyncio_detailed(
            item_id=item_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
