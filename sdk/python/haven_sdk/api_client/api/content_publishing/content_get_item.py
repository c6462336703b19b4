from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_admin_item import ContentAdminItem
from ...models.content_get_item_problem import ContentGetItemProblem
from ...types import Response


def _get_kwargs(
    item_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/content/admin/items/{item_id}".format(
            item_id=quote(str(item_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentAdminItem | ContentGetItemProblem | None:
    if response.status_code == 200:
        response_200 = ContentAdminItem.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ContentGetItemProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentGetItemProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentGetItemProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ContentGetItemProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = ContentGetItemProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentGetItemProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ContentGetItemProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = ContentGetItemProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentGetItemProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContentAdminItem | ContentGetItemProblem]:
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
) -> Response[ContentAdminItem | ContentGetItemProblem]:
    """Read an item

     Editors only: the draft, what is published, the schedule, and the `ETag` to send
    as `If-Match` with a change.

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminItem | ContentGetItemProblem]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    item_id: str,
    *,
    client: AuthenticatedClient,
) -> ContentAdminItem | ContentGetItemProblem | None:
    """Read an item

     Editors only: the draft, what is published, the schedule, and the `ETag` to send
    as `If-Match` with a change.

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminItem | ContentGetItemProblem
    """

    return sync_detailed(
        item_id=item_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    item_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ContentAdminItem | ContentGetItemProblem]:
    """Read an item

     Editors only: the draft, what is published, the schedule, and the `ETag` to send
    as `If-Match` with a change.

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminItem | ContentGetItemProblem]
    """

    kwargs = _get_kwargs(
        item_id=item_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    item_id: str,
    *,
    client: AuthenticatedClient,
) -> ContentAdminItem | ContentGetItemProblem | None:
    """Read an item

     Editors only: the draft, what is published, the schedule, and the `ETag` to send
    as `If-Match` with a change.

    Args:
        item_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            itm_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminItem | ContentGetItemProblem
    """

    return (
        await asyncio_detailed(
            item_id=item_id,
            client=client,
        )
    ).parsed
