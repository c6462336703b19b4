from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_clinical_note import CareClinicalNote
from ...models.care_note_body import CareNoteBody
from ...models.care_write_note_problem import CareWriteNoteProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appointment_id: str,
    *,
    body: CareNoteBody,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/care/provider/appointments/{appointment_id}/notes".format(
            appointment_id=quote(str(appointment_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareClinicalNote | CareWriteNoteProblem | None:
    if response.status_code == 201:
        response_201 = CareClinicalNote.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = CareWriteNoteProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareWriteNoteProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareWriteNoteProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareWriteNoteProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareWriteNoteProblem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = CareWriteNoteProblem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = CareWriteNoteProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareWriteNoteProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareWriteNoteProblem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = CareWriteNoteProblem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = CareWriteNoteProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareWriteNoteProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareClinicalNote | CareWriteNoteProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appointment_id: str,
    *,
    client: AuthenticatedClient,
    body: CareNoteBody,
    idempotency_key: str | Unset = UNSET,
) -> Response[CareClinicalNote | CareWriteNoteProblem]:
    """Write a note on an appointment

     The appointment's clinician, once it has started (not cancelled or moved):
    creates a draft only its author reads until it is signed. Anyone else: `404`.

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareNoteBody): Body of writing, changing or amending a note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareClinicalNote | CareWriteNoteProblem]
    """

    kwargs = _get_kwargs(
        appointment_id=appointment_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appointment_id: str,
    *,
    client: AuthenticatedClient,
    body: CareNoteBody,
    idempotency_key: str | Unset = UNSET,
) -> CareClinicalNote | CareWriteNoteProblem | None:
    """Write a note on an appointment

     The appointment's clinician, once it has started (not cancelled or moved):
    creates a draft only its author reads until it is signed. Anyone else: `404`.

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareNoteBody): Body of writing, changing or amending a note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareClinicalNote | CareWriteNoteProblem
    """

    return sync_detailed(
        appointment_id=appointment_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    appointment_id: str,
    *,
    client: AuthenticatedClient,
    body: CareNoteBody,
    idempotency_key: str | Unset = UNSET,
) -> Response[CareClinicalNote | CareWriteNoteProblem]:
    """Write a note on an appointment

     The appointment's clinician, once it has started (not cancelled or moved):
    creates a draft only its author reads until it is signed. Anyone else: `404`.

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareNoteBody): Body of writing, changing or amending a note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareClinicalNote | CareWriteNoteProblem]
    """

    kwargs = _get_kwargs(
        appointment_id=appointment_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appointment_id: str,
    *,
    client: AuthenticatedClient,
    body: CareNoteBody,
    idempotency_key: str | Unset = UNSET,
) -> CareClinicalNote | CareWriteNoteProblem | None:
    """Write a note on an appointment

     The appointment's clinician, once it has started (not cancelled or moved):
    creates a draft only its author reads until it is signed. Anyone else: `404`.

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareNoteBody): Body of writing, changing or amending a note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareClinicalNote | CareWriteNoteProblem
    """

    return (
        await asyncio_detailed(
            appointment_id=appointment_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
