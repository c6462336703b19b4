from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_clinical_note import CareClinicalNote
from ...models.care_note_body import CareNoteBody
from ...models.care_update_note_problem import CareUpdateNoteProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    note_id: str,
    *,
    body: CareNoteBody,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/care/provider/notes/{note_id}".format(
            note_id=quote(str(note_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareClinicalNote | CareUpdateNoteProblem | None:
    if response.status_code == 200:
        response_200 = CareClinicalNote.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareUpdateNoteProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareUpdateNoteProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareUpdateNoteProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareUpdateNoteProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareUpdateNoteProblem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = CareUpdateNoteProblem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = CareUpdateNoteProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareUpdateNoteProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareUpdateNoteProblem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = CareUpdateNoteProblem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = CareUpdateNoteProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareUpdateNoteProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareClinicalNote | CareUpdateNoteProblem]:
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
    body: CareNoteBody,
    if_match: str | Unset = UNSET,
) -> Response[CareClinicalNote | CareUpdateNoteProblem]:
    """Change a draft

     Its author only. Needs `If-Match` with the current `ETag` (`428` without, `412`
    when stale); a signed note is `409 note_signed` (amend it instead).

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.
        if_match (str | Unset):
        body (CareNoteBody): Body of writing, changing or amending a note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareClinicalNote | CareUpdateNoteProblem]
    """

    kwargs = _get_kwargs(
        note_id=note_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    note_id: str,
    *,
    client: AuthenticatedClient,
    body: CareNoteBody,
    if_match: str | Unset = UNSET,
) -> CareClinicalNote | CareUpdateNoteProblem | None:
    """Change a draft

     Its author only. Needs `If-Match` with the current `ETag` (`428` without, `412`
    when stale); a signed note is `409 note_signed` (amend it instead).

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.
        if_match (str | Unset):
        body (CareNoteBody): Body of writing, changing or amending a note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareClinicalNote | CareUpdateNoteProblem
    """

    return sync_detailed(
        note_id=note_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    note_id: str,
    *,
    client: AuthenticatedClient,
    body: CareNoteBody,
    if_match: str | Unset = UNSET,
) -> Response[CareClinicalNote | CareUpdateNoteProblem]:
    """Change a draft

     Its author only. Needs `If-Match` with the current `ETag` (`428` without, `412`
    when stale); a signed note is `409 note_signed` (amend it instead).

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.
        if_match (str | Unset):
        body (CareNoteBody): Body of writing, changing or amending a note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareClinicalNote | CareUpdateNoteProblem]
    """

    kwargs = _get_kwargs(
        note_id=note_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    note_id: str,
    *,
    client: AuthenticatedClient,
    body: CareNoteBody,
    if_match: str | Unset = UNSET,
) -> CareClinicalNote | CareUpdateNoteProblem | None:
    """Change a draft

     Its author only. Needs `If-Match` with the current `ETag` (`428` without, `412`
    when stale); a signed note is `409 note_signed` (amend it instead).

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.
        if_match (str | Unset):
        body (CareNoteBody): Body of writing, changing or amending a note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareClinicalNote | CareUpdateNoteProblem
    """

    return (
        await asyncio_detailed(
            note_id=note_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
