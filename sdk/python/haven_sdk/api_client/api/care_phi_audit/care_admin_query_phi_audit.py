import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_admin_query_phi_audit_problem import CareAdminQueryPhiAuditProblem
from ...models.care_audit_resource import CareAuditResource
from ...models.page_care_audit_entry import PageCareAuditEntry
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    subject_id: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    resource_type: CareAuditResource | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["subject_id"] = subject_id

    params["actor_id"] = actor_id

    json_resource_type: str | Unset = UNSET
    if not isinstance(resource_type, Unset):
        json_resource_type = resource_type.value

    params["resource_type"] = json_resource_type

    params["resource_id"] = resource_id

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/admin/phi-audit",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareAdminQueryPhiAuditProblem | PageCareAuditEntry | None:
    if response.status_code == 200:
        response_200 = PageCareAuditEntry.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareAdminQueryPhiAuditProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareAdminQueryPhiAuditProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareAdminQueryPhiAuditProblem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = CareAdminQueryPhiAuditProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareAdminQueryPhiAuditProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareAdminQueryPhiAuditProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareAdminQueryPhiAuditProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareAdminQueryPhiAuditProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareAdminQueryPhiAuditProblem | PageCareAuditEntry]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    subject_id: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    resource_type: CareAuditResource | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[CareAdminQueryPhiAuditProblem | PageCareAuditEntry]:
    """Query the PHI audit log

     Admins only (role `admin`, second factor). Every read, write and refused access of
    health data, oldest first; each filter narrows. This query is recorded in the log
    too. `from` must be before `to`.

    Args:
        subject_id (str | Unset): A TypeID: the type prefix, `_`, then 26 base32 characters.
            Example: usr_00000000000000000000000000.
        actor_id (str | Unset): A TypeID: the type prefix, `_`, then 26 base32 characters.
            Example: usr_00000000000000000000000000.
        resource_type (CareAuditResource | Unset): The kind of health data an audit row is about.
        resource_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAdminQueryPhiAuditProblem | PageCareAuditEntry]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
        actor_id=actor_id,
        resource_type=resource_type,
        resource_id=resource_id,
        from_=from_,
        to=to,
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
    subject_id: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    resource_type: CareAuditResource | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> CareAdminQueryPhiAuditProblem | PageCareAuditEntry | None:
    """Query the PHI audit log

     Admins only (role `admin`, second factor). Every read, write and refused access of
    health data, oldest first; each filter narrows. This query is recorded in the log
    too. `from` must be before `to`.

    Args:
        subject_id (str | Unset): A TypeID: the type prefix, `_`, then 26 base32 characters.
            Example: usr_00000000000000000000000000.
        actor_id (str | Unset): A TypeID: the type prefix, `_`, then 26 base32 characters.
            Example: usr_00000000000000000000000000.
        resource_type (CareAuditResource | Unset): The kind of health data an audit row is about.
        resource_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAdminQueryPhiAuditProblem | PageCareAuditEntry
    """

    return sync_detailed(
        client=client,
        subject_id=subject_id,
        actor_id=actor_id,
        resource_type=resource_type,
        resource_id=resource_id,
        from_=from_,
        to=to,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    subject_id: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    resource_type: CareAuditResource | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[CareAdminQueryPhiAuditProblem | PageCareAuditEntry]:
    """Query the PHI audit log

     Admins only (role `admin`, second factor). Every read, write and refused access of
    health data, oldest first; each filter narrows. This query is recorded in the log
    too. `from` must be before `to`.

    Args:
        subject_id (str | Unset): A TypeID: the type prefix, `_`, then 26 base32 characters.
            Example: usr_00000000000000000000000000.
        actor_id (str | Unset): A TypeID: the type prefix, `_`, then 26 base32 characters.
            Example: usr_00000000000000000000000000.
        resource_type (CareAuditResource | Unset): The kind of health data an audit row is about.
        resource_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAdminQueryPhiAuditProblem | PageCareAuditEntry]
    """

    kwargs = _get_kwargs(
        subject_id=subject_id,
        actor_id=actor_id,
        resource_type=resource_type,
        resource_id=resource_id,
        from_=from_,
        to=to,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    subject_id: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    resource_type: CareAuditResource | Unset = UNSET,
    resource_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> CareAdminQueryPhiAuditProblem | PageCareAuditEntry | None:
    """Query the PHI audit log

     Admins only (role `admin`, second factor). Every read, write and refused access of
    health data, oldest first; each filter narrows. This query is recorded in the log
    too. `from` must be before `to`.

    Args:
        subject_id (str | Unset): A TypeID: the type prefix, `_`, then 26 base32 characters.
            Example: usr_00000000000000000000000000.
        actor_id (str | Unset): A TypeID: the type prefix, `_`, then 26 base32 characters.
            Example: usr_00000000000000000000000000.
        resource_type (CareAuditResource | Unset): The kind of health data an audit row is about.
        resource_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAdminQueryPhiAuditProblem | PageCareAuditEntry
    """

    return (
        await asyncio_detailed(
            client=client,
            subject_id=subject_id,
            actor_id=actor_id,
            resource_type=resource_type,
            resource_id=resource_id,
            from_=from_,
            to=to,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
