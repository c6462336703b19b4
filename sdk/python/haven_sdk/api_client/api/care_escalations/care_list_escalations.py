from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_list_escalations_problem import CareListEscalationsProblem
from ...models.page_care_escalation import PageCareEscalation
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    include_resolved: bool | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_resolved"] = include_resolved

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/provider/escalations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareListEscalationsProblem | PageCareEscalation | None:
    if response.status_code == 200:
        response_200 = PageCareEscalation.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareListEscalationsProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareListEscalationsProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareListEscalationsProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareListEscalationsProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareListEscalationsProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CareListEscalationsProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareListEscalationsProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareListEscalationsProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareListEscalationsProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareListEscalationsProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareListEscalationsProblem | PageCareEscalation]:
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
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[CareListEscalationsProblem | PageCareEscalation]:
    """List my escalation tasks

     Clinicians only (role `clinician`, second factor, a therapist's or psychiatrist's
    provider profile): tasks routed to you and those waiting in the on-call queue,
    oldest first; resolved ones only with `include_resolved=true`.

    Args:
        include_resolved (bool | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareListEscalationsProblem | PageCareEscalation]
    """

    kwargs = _get_kwargs(
        include_resolved=include_resolved,
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
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> CareListEscalationsProblem | PageCareEscalation | None:
    """List my escalation tasks

     Clinicians only (role `clinician`, second factor, a therapist's or psychiatrist's
    provider profile): tasks routed to you and those waiting in the on-call queue,
    oldest first; resolved ones only with `include_resolved=true`.

    Args:
        include_resolved (bool | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareListEscalationsProblem | PageCareEscalation
    """

    return sync_detailed(
        client=client,
        include_resolved=include_resolved,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    include_resolved: bool | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[CareListEscalationsProblem | PageCareEscalation]:
    """List my escalation tasks

     Clinicians only (role `clinician`, second factor, a therapist's or psychiatrist's
    provider profile): tasks routed to you and those waiting in the on-call queue,
    oldest first; resolved ones only with `include_resolved=true`.

    Args:
        include_resolved (bool | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareListEscalationsProblem | PageCareEscalation]
    """

    kwargs = _get_kwargs(
        include_resolved=include_resolved,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    include_resolved: bool | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> CareListEscalationsProblem | PageCareEscalation | None:
    """List my escalation tasks

     Clinicians only (role `clinician`, second factor, a therapist's or psychiatrist's
    provider profile): tasks routed to you and those waiting in the on-call queue,
    oldest first; resolved ones only with `include_resolved=true`.

    Args:
        include_resolved (bool | Unset):
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareListEscalationsProblem | PageCareEscalation
    """

    return (
        await asyncio_detailed(
            client=client,
            include_resolved=include_resolved,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
