from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_list_member_notes_problem import CareListMemberNotesProblem
from ...models.page_care_clinical_note import PageCareClinicalNote
from ...types import UNSET, Response, Unset


def _get_kwargs(
    member_id: str,
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
        "url": "/v1/care/provider/members/{member_id}/notes".format(
            member_id=quote(str(member_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareListMemberNotesProblem | PageCareClinicalNote | None:
    if response.status_code == 200:
        response_200 = PageCareClinicalNote.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareListMemberNotesProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareListMemberNotesProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareListMemberNotesProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareListMemberNotesProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareListMemberNotesProblem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = CareListMemberNotesProblem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = CareListMemberNotesProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareListMemberNotesProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareListMemberNotesProblem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = CareListMemberNotesProblem.from_dict(response.json())

        return response_428

    if response.status_code == 500:
        response_500 = CareListMemberNotesProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareListMemberNotesProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareListMemberNotesProblem | PageCareClinicalNote]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    member_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[CareListMemberNotesProblem | PageCareClinicalNote]:
    """List a member's notes

     For the clinicians on the member's care team (anyone else: `404`): signed notes
    and your own drafts, oldest first, each with its amendments.

    Args:
        member_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareListMemberNotesProblem | PageCareClinicalNote]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    member_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> CareListMemberNotesProblem | PageCareClinicalNote | None:
    """List a member's notes

     For the clinicians on the member's care team (anyone else: `404`): signed notes
    and your own drafts, oldest first, each with its amendments.

    Args:
        member_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareListMemberNotesProblem | PageCareClinicalNote
    """

    return sync_detailed(
        member_id=member_id,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    member_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[CareListMemberNotesProblem | PageCareClinicalNote]:
    """List a member's notes

     For the clinicians on the member's care team (anyone else: `404`): signed notes
    and your own drafts, oldest first, each with its amendments.

    Args:
        member_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareListMemberNotesProblem | PageCareClinicalNote]
    """

    kwargs = _get_kwargs(
        member_id=member_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    member_id: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> CareListMemberNotesProblem | PageCareClinicalNote | None:
    """List a member's notes

     For the clinicians on the member's care team (anyone else: `404`): signed notes
    and your own drafts, oldest first, each with its amendments.

    Args:
        member_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareListMemberNotesProblem | PageCareClinicalNote
    """

    return (
        await asyncio_detailed(
            member_id=member_id,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
