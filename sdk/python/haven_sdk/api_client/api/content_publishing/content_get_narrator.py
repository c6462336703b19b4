from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.content_admin_narrator import ContentAdminNarrator
from ...models.content_get_narrator_problem import ContentGetNarratorProblem
from ...types import Response


def _get_kwargs(
    narrator_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/content/admin/narrators/{narrator_id}".format(
            narrator_id=quote(str(narrator_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ContentAdminNarrator | ContentGetNarratorProblem | None:
    if response.status_code == 200:
        response_200 = ContentAdminNarrator.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ContentGetNarratorProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ContentGetNarratorProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ContentGetNarratorProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ContentGetNarratorProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = ContentGetNarratorProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ContentGetNarratorProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = ContentGetNarratorProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ContentGetNarratorProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ContentAdminNarrator | ContentGetNarratorProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    narrator_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ContentAdminNarrator | ContentGetNarratorProblem]:
    """Read a narrator

     Editors only: every locale, and the `ETag` to send as `If-Match`.

    Args:
        narrator_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            nar_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminNarrator | ContentGetNarratorProblem]
    """

    kwargs = _get_kwargs(
        narrator_id=narrator_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    narrator_id: str,
    *,
    client: AuthenticatedClient,
) -> ContentAdminNarrator | ContentGetNarratorProblem | None:
    """Read a narrator

     Editors only: every locale, and the `ETag` to send as `If-Match`.

    Args:
        narrator_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            nar_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminNarrator | ContentGetNarratorProblem
    """

    return sync_detailed(
        narrator_id=narrator_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    narrator_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ContentAdminNarrator | ContentGetNarratorProblem]:
    """Read a narrator

     Editors only: every locale, and the `ETag` to send as `If-Match`.

    Args:
        narrator_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            nar_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ContentAdminNarrator | ContentGetNarratorProblem]
    """

    kwargs = _get_kwargs(
        narrator_id=narrator_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    narrator_id: str,
    *,
    client: AuthenticatedClient,
) -> ContentAdminNarrator | ContentGetNarratorProblem | None:
    """Read a narrator

     Editors only: every locale, and the `ETag` to send as `If-Match`.

    Args:
        narrator_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            nar_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ContentAdminNarrator | ContentGetNarratorProblem
    """

    return (
        await asyncio_detailed(
            narrator_id=narrator_id,
            client=client,
        )
    ).parsed
