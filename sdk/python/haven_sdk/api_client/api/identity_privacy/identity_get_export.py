from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_export import IdentityExport
from ...models.identity_get_export_problem import IdentityGetExportProblem
from ...types import Response


def _get_kwargs(
    export_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/identity/me/exports/{export_id}".format(
            export_id=quote(str(export_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityExport | IdentityGetExportProblem | None:
    if response.status_code == 200:
        response_200 = IdentityExport.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityGetExportProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityGetExportProblem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = IdentityGetExportProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = IdentityGetExportProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityGetExportProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = IdentityGetExportProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityGetExportProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityExport | IdentityGetExportProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    export_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[IdentityExport | IdentityGetExportProblem]:
    """An export's status

     One of the caller's exports; `404` if it is not theirs.

    Args:
        export_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            exp_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityExport | IdentityGetExportProblem]
    """

    kwargs = _get_kwargs(
        export_id=export_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    export_id: str,
    *,
    client: AuthenticatedClient,
) -> IdentityExport | IdentityGetExportProblem | None:
    """An export's status

     One of the caller's exports; `404` if it is not theirs.

    Args:
        export_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            exp_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityExport | IdentityGetExportProblem
    """

    return sync_detailed(
        export_id=export_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    export_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[IdentityExport | IdentityGetExportProblem]:
    """An export's status

     One of the caller's exports; `404` if it is not theirs.

    Args:
        export_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            exp_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityExport | IdentityGetExportProblem]
    """

    kwargs = _get_kwargs(
        export_id=export_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    export_id: str,
    *,
    client: AuthenticatedClient,
) -> IdentityExport | IdentityGetExportProblem | None:
    """An export's status

     One of the caller's exports; `404` if it is not theirs.

    Args:
        export_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            exp_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityExport | IdentityGetExportProblem
    """

    return (
        await asyncio_detailed(
            export_id=export_id,
            client=client,
        )
    ).parsed
