from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_amend_note_problem import CareAmendNoteProblem
from ...models.care_clinical_note import CareClinicalNote
from ...models.care_note_body import CareNoteBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    note_id: str,
    *,
    body: CareNoteBody,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/care/provider/notes/{note_id}/amendments".format(
            note_id=quote(str(note_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareAmendNoteProblem | CareClinicalNote | None:
    if response.status_code == 201:
        response_201 = CareClinicalNote.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = CareAmendNoteProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareAmendNoteProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareAmendNoteProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareAmendNoteProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareAmendNoteProblem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = CareAmendNoteProblem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = CareAmendNoteProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareAmendNoteProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareAmendNoteProblem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = CareAmendNoteProblem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = CareAmendNoteProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareAmendNoteProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareAmendNoteProblem | CareClinicalNote]:
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
    idempotency_key: str | Unset = UNSET,
) -> Response[CareAmendNoteProblem | CareClinicalNote]:
    """Amend a signed note

     Any clinician who reads the note: the amendment is signed as it is written and
    shown with the note, in order. A draft is `409 note_not_signed` (edit it instead).

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareNoteBody): Body of writing, changing or amending a note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAmendNoteProblem | CareClinicalNote]
    """

    kwargs = _get_kwargs(
        note_id=note_id,
        body=body,
        idempotency_key=idempotency_key,
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
    idempotency_key: str | Unset = UNSET,
) -> CareAmendNoteProblem | CareClinicalNote | None:
    """Amend a signed note

     Any clinician who reads the note: the amendment is signed as it is written and
    shown with the note, in order. A draft is `409 note_not_signed` (edit it instead).

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareNoteBody): Body of writing, changing or amending a note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAmendNoteProblem | CareClinicalNote
    """

    return sync_detailed(
        note_id=note_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    note_id: str,
    *,
    client: AuthenticatedClient,
    body: CareNoteBody,
    idempotency_key: str | Unset = UNSET,
) -> Response[CareAmendNoteProblem | CareClinicalNote]:
    """Amend a signed note

     Any clinician who reads the note: the amendment is signed as it is written and
    shown with the note, in order. A draft is `409 note_not_signed` (edit it instead).

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareNoteBody): Body of writing, changing or amending a note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAmendNoteProblem | CareClinicalNote]
    """

    kwargs = _get_kwargs(
        note_id=note_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    note_id: str,
    *,
    client: AuthenticatedClient,
    body: CareNoteBody,
    idempotency_key: str | Unset = UNSET,
) -> CareAmendNoteProblem | CareClinicalNote | None:
    """Amend a signed note

     Any clinician who reads the note: the amendment is signed as it is written and
    shown with the note, in order. A draft is `409 note_not_signed` (edit it instead).

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareNoteBody): Body of writing, changing or amending a note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAmendNoteProblem | CareClinicalNote
    """

    return (
        await asyncio_detailed(
            note_id=note_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
