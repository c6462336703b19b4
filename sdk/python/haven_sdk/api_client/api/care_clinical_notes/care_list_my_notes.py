from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_list_my_notes_problem import CareListMyNotesProblem
from ...models.page_care_clinical_note import PageCareClinicalNote
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/me/notes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareListMyNotesProblem | PageCareClinicalNote | None:
    if response.status_code == 200:
        response_200 = PageCareClinicalNote.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareListMyNotesProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareListMyNotesProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareListMyNotesProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareListMyNotesProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareListMyNotesProblem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = CareListMyNotesProblem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = CareListMyNotesProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareListMyNotesProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareListMyNotesProblem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = CareListMyNotesProblem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = CareListMyNotesProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareListMyNotesProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareListMyNotesProblem | PageCareClinicalNote]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[CareListMyNotesProblem | PageCareClinicalNote]:
    """List my clinical notes

     Your signed notes with their amendments, where your care provider releases them
    (`care.notes.member_access`; otherwise `403 note_access_disabled`).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareListMyNotesProblem | PageCareClinicalNote]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> CareListMyNotesProblem | PageCareClinicalNote | None:
    """List my clinical notes

     Your signed notes with their amendments, where your care provider releases them
    (`care.notes.member_access`; otherwise `403 note_access_disabled`).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareListMyNotesProblem | PageCareClinicalNote
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[CareListMyNotesProblem | PageCareClinicalNote]:
    """List my clinical notes

     Your signed notes with their amendments, where your care provider releases them
    (`care.notes.member_access`; otherwise `403 note_access_disabled`).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareListMyNotesProblem | PageCareClinicalNote]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> CareListMyNotesProblem | PageCareClinicalNote | None:
    """List my clinical notes

     Your signed notes with their amendments, where your care provider releases them
    (`care.notes.member_access`; otherwise `403 note_access_disabled`).

    Args:
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareListMyNotesProblem | PageCareClinicalNote
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
