from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.meta import Meta
from ...models.meta_get_problem import MetaGetProblem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/meta",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Meta | MetaGetProblem | None:
    if response.status_code == 200:
        response_200 = Meta.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = MetaGetProblem.from_dict(response.json())

        return response_400

    if response.status_code == 413:
        response_413 = MetaGetProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = MetaGetProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = MetaGetProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = MetaGetProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Meta | MetaGetProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Meta | MetaGetProblem]:
    """Name, version, commit, database backend and mounted modules of this node.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Meta | MetaGetProblem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> Meta | MetaGetProblem | None:
    """Name, version, commit, database backend and mounted modules of this node.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Meta | MetaGetProblem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[Meta | MetaGetProblem]:
    """Name, version, commit, database backend and mounted modules of this node.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Meta | MetaGetProblem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> Meta | MetaGetProblem | None:
    """Name, version, commit, database backend and mounted modules of this node.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Meta | MetaGetProblem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
