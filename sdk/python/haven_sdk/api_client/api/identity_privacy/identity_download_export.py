from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_download_export_problem import IdentityDownloadExportProblem
from ...types import Response


def _get_kwargs(
    export_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/identity/me/exports/{export_id}/download".format(
            export_id=quote(str(export_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | IdentityDownloadExportProblem | None:
    if response.status_code == 200:
        response_200 = response.json()
        return response_200

    if response.status_code == 400:
        response_400 = IdentityDownloadExportProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityDownloadExportProblem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = IdentityDownloadExportProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = IdentityDownloadExportProblem.from_dict(response.json())

        return response_409

    if response.status_code == 410:
        response_410 = IdentityDownloadExportProblem.from_dict(response.json())

        return response_410

    if response.status_code == 413:
        response_413 = IdentityDownloadExportProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityDownloadExportProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = IdentityDownloadExportProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityDownloadExportProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | IdentityDownloadExportProblem]:
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
) -> Response[Any | IdentityDownloadExportProblem]:
    """Download an export

     The export document, once: it is deleted from the server as it is sent, and a
    second download is `410 export_already_downloaded`. `409 export_not_ready` while
    it is assembled, `410 export_expired` after its expiry, `404` if it is not the
    caller's.

    Args:
        export_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            exp_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityDownloadExportProblem]
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
) -> Any | IdentityDownloadExportProblem | None:
    """Download an export

     The export document, once: it is deleted from the server as it is sent, and a
    second download is `410 export_already_downloaded`. `409 export_not_ready` while
    it is assembled, `410 export_expired` after its expiry, `404` if it is not the
    caller's.

    Args:
        export_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            exp_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityDownloadExportProblem
    """

    return sync_detailed(
        export_id=export_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    export_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | IdentityDownloadExportProblem]:
    """Download an export

     The export document, once: it is deleted from the server as it is sent, and a
    second download is `410 export_already_downloaded`. `409 export_not_ready` while
    it is assembled, `410 export_expired` after its expiry, `404` if it is not the
    caller's.

    Args:
        export_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            exp_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityDownloadExportProblem]
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
) -> Any | IdentityDownloadExportProblem | None:
    """Download an export

     The export document, once: it is deleted from the server as it is sent, and a
    second download is `410 export_already_downloaded`. `409 export_not_ready` while
    it is assembled, `410 export_expired` after its expiry, `404` if it is not the
    caller's.

    Args:
        export_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            exp_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityDownloadExportProblem
    """

    return (
        await asyncio_detailed(
            export_id=export_id,
            client=client,
        )
    ).parsed
