from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_admin_list_escalations_problem import (
    CareAdminListEscalationsProblem,
)
from ...models.page_care_escalation import PageCareEscalation
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    include_resolved: bool | Unset = UNSET,
    overdue_only: bool | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_resolved"] = include_resolved

    params["overdue_only"] = overdue_only

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/admin/escalations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareAdminListEscalationsProblem | PageCareEscalation | None:
    if response.status_code == 200:
        response_200 = PageCareEscalation.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareAdminListEscalationsProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareAdminListEscalationsProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareAdminListEscalationsProblem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = CareAdminListEscalationsProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareAdminListEscalationsProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareAdminListEscalationsProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareAdminListEscalationsProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareAdminListEscalationsProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareAdminListEscalationsProblem | PageCareEscalation]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    include_resolved: bool | Unset = UNSET,
    overdue_only: bool | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[CareAdminListEscalationsProblem | PageCareEscalation]:
    """List all escalation tasks

     Admins only (role `admin`, second factor): every task, whoever it is routed to,
    oldest first; resolved ones only with `include_resolved=true`, and with
    `overdue_only=true` just the unacknowledged ones past their `due_at`. Each task
    listed is recorded in the PHI audit log.

    Args:
        include_resolved (bool | Unset):
        overdue_only (bool | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAdminListEscalationsProblem | PageCareEscalation]
    """

    kwargs = _get_kwargs(
        include_resolved=include_resolved,
        overdue_only=overdue_only,
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
    include_resolved: bool | Unset = UNSET,
    overdue_only: bool | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> CareAdminListEscalationsProblem | PageCareEscalation | None:
    """List all escalation tasks

     Admins only (role `admin`, second factor): every task, whoever it is routed to,
    oldest first; resolved ones only with `include_resolved=true`, and with
    `overdue_only=true` just the unacknowledged ones past their `due_at`. Each task
    listed is recorded in the PHI audit log.

    Args:
        include_resolved (bool | Unset):
        overdue_only (bool | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAdminListEscalationsProblem | PageCareEscalation
    """

    return sync_detailed(
        client=client,
        include_resolved=include_resolved,
        overdue_only=overdue_only,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    include_resolved: bool | Unset = UNSET,
    overdue_only: bool | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[CareAdminListEscalationsProblem | PageCareEscalation]:
    """List all escalation tasks

     Admins only (role `admin`, second factor): every task, whoever it is routed to,
    oldest first; resolved ones only with `include_resolved=true`, and with
    `overdue_only=true` just the unacknowledged ones past their `due_at`. Each task
    listed is recorded in the PHI audit log.

    Args:
        include_resolved (bool | Unset):
        overdue_only (bool | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAdminListEscalationsProblem | PageCareEscalation]
    """

    kwargs = _get_kwargs(
        include_resolved=include_resolved,
        overdue_only=overdue_only,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    include_resolved: bool | Unset = UNSET,
    overdue_only: bool | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> CareAdminListEscalationsProblem | PageCareEscalation | None:
    """List all escalation tasks

     Admins only (role `admin`, second factor): every task, whoever it is routed to,
    oldest first; resolved ones only with `include_resolved=true`, and with
    `overdue_only=true` just the unacknowledged ones past their `due_at`. Each task
    listed is recorded in the PHI audit log.

    Args:
        include_resolved (bool | Unset):
        overdue_only (bool | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAdminListEscalationsProblem | PageCareEscalation
    """

    return (
        await asyncio_detailed(
            client=client,
            include_resolved=include_resolved,
            overdue_only=overdue_only,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
