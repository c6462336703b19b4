from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_clinical_note import CareClinicalNote
from ...models.care_sign_note_problem import CareSignNoteProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    note_id: str,
    *,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/care/provider/notes/{note_id}/sign".format(
            note_id=quote(str(note_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareClinicalNote | CareSignNoteProblem | None:
    if response.status_code == 200:
        response_200 = CareClinicalNote.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareSignNoteProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareSignNoteProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareSignNoteProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareSignNoteProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareSignNoteProblem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = CareSignNoteProblem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = CareSignNoteProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareSignNoteProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareSignNoteProblem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = CareSignNoteProblem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = CareSignNoteProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareSignNoteProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareClinicalNote | CareSignNoteProblem]:
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
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[CareClinicalNote | CareSignNoteProblem]:
    """Sign a draft

     Its author only, with `If-Match` (the version signed is the version read). From
    then on the note is immutable, also in the database; changes are amendments.

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.
        idempotency_key (str | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareClinicalNote | CareSignNoteProblem]
    """

    kwargs = _get_kwargs(
        note_id=note_id,
        idempotency_key=idempotency_key,
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
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> CareClinicalNote | CareSignNoteProblem | None:
    """Sign a draft

     Its author only, with `If-Match` (the version signed is the version read). From
    then on the note is immutable, also in the database; changes are amendments.

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.
        idempotency_key (str | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareClinicalNote | CareSignNoteProblem
    """

    return sync_detailed(
        note_id=note_id,
        client=client,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    note_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[CareClinicalNote | CareSignNoteProblem]:
    """Sign a draft

     Its author only, with `If-Match` (the version signed is the version read). From
    then on the note is immutable, also in the database; changes are amendments.

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.
        idempotency_key (str | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareClinicalNote | CareSignNoteProblem]
    """

    kwargs = _get_kwargs(
        note_id=note_id,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    note_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> CareClinicalNote | CareSignNoteProblem | None:
    """Sign a draft

     Its author only, with `If-Match` (the version signed is the version read). From
    then on the note is immutable, also in the database; changes are amendments.

    Args:
        note_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            cno_00000000000000000000000000.
        idempotency_key (str | Unset):
        if_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareClinicalNote | CareSignNoteProblem
    """

    return (
        await asyncio_detailed(
            note_id=note_id,
            client=client,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
