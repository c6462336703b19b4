from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_clinical_note import CareClinicalNote
from ...models.care_get_note_problem import CareGetNoteProblem
from ...types import Response


def _get_kwargs(
    note_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/provider/notes/{note_id}".format(
            note_id=quote(str(note_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareClinicalNote | CareGetNoteProblem | None:
    if response.status_code == 200:
        response_200 = CareClinicalNote.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareGetNoteProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareGetNoteProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareGetNoteProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareGetNoteProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareGetNoteProblem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = CareGetNoteProblem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = CareGetNoteProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareGetNoteProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareGetNoteProblem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = CareGetNoteProblem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = CareGetNoteProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareGetNoteProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareClinicalNote | CareGetNoteProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    note_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CareClinicalNote | CareGetNoteProblem]:
    """Read a note

     With its amendments, and the `ETag` to send as `If-Match`. A draft: its author
    only; a signed note: its author and the clinicians on the member's care team.

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareClinicalNote | CareGetNoteProblem]
    """

    kwargs = _get_kwargs(
        note_id=note_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    note_id: str,
    *,
    client: AuthenticatedClient,
) -> CareClinicalNote | CareGetNoteProblem | None:
    """Read a note

     With its amendments, and the `ETag` to send as `If-Match`. A draft: its author
    only; a signed note: its author and the clinicians on the member's care team.

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareClinicalNote | CareGetNoteProblem
    """

    return sync_detailed(
        note_id=note_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    note_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CareClinicalNote | CareGetNoteProblem]:
    """Read a note

     With its amendments, and the `ETag` to send as `If-Match`. A draft: its author
    only; a signed note: its author and the clinicians on the member's care team.

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareClinicalNote | CareGetNoteProblem]
    """

    kwargs = _get_kwargs(
        note_id=note_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    note_id: str,
    *,
    client: AuthenticatedClient,
) -> CareClinicalNote | CareGetNoteProblem | None:
    """Read a note

     With its amendments, and the `ETag` to send as `If-Match`. A draft: its author
    only; a signed note: its author and the clinicians on the member's care team.

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareClinicalNote | CareGetNoteProblem
    """

    return (
        await asyncio_detailed(
            note_id=note_id,
            client=client,
        )
    ).parsed
