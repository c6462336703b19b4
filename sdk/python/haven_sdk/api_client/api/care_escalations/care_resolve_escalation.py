from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_escalation import CareEscalation
from ...models.care_resolve_escalation import CareResolveEscalation
from ...models.care_resolve_escalation_problem import CareResolveEscalationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    escalation_id: str,
    *,
    body: CareResolveEscalation,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/care/provider/escalations/{escalation_id}/resolve".format(
            escalation_id=quote(str(escalation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareEscalation | CareResolveEscalationProblem | None:
    if response.status_code == 200:
        response_200 = CareEscalation.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareResolveEscalationProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareResolveEscalationProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareResolveEscalationProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareResolveEscalationProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareResolveEscalationProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CareResolveEscalationProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareResolveEscalationProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareResolveEscalationProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareResolveEscalationProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareResolveEscalationProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareEscalation | CareResolveEscalationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    escalation_id: str,
    *,
    client: AuthenticatedClient,
    body: CareResolveEscalation,
    idempotency_key: str | Unset = UNSET,
) -> Response[CareEscalation | CareResolveEscalationProblem]:
    """Resolve an escalation task

     Clinicians only, once acknowledged (`409 escalation_not_acknowledged` before):
    closes the task with a note of what was done.

    Args:
        escalation_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            esc_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareResolveEscalation): Body of `POST /v1/care/provider/escalations/{id}/resolve`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareEscalation | CareResolveEscalationProblem]
    """

    kwargs = _get_kwargs(
        escalation_id=escalation_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    escalation_id: str,
    *,
    client: AuthenticatedClient,
    body: CareResolveEscalation,
    idempotency_key: str | Unset = UNSET,
) -> CareEscalation | CareResolveEscalationProblem | None:
    """Resolve an escalation task

     Clinicians only, once acknowledged (`409 escalation_not_acknowledged` before):
    closes the task with a note of what was done.

    Args:
        escalation_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            esc_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareResolveEscalation): Body of `POST /v1/care/provider/escalations/{id}/resolve`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareEscalation | CareResolveEscalationProblem
    """

    return sync_detailed(
        escalation_id=escalation_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    escalation_id: str,
    *,
    client: AuthenticatedClient,
    body: CareResolveEscalation,
    idempotency_key: str | Unset = UNSET,
) -> Response[CareEscalation | CareResolveEscalationProblem]:
    """Resolve an escalation task

     Clinicians only, once acknowledged (`409 escalation_not_acknowledged` before):
    closes the task with a note of what was done.

    Args:
        escalation_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            esc_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareResolveEscalation): Body of `POST /v1/care/provider/escalations/{id}/resolve`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareEscalation | CareResolveEscalationProblem]
    """

    kwargs = _get_kwargs(
        escalation_id=escalation_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    escalation_id: str,
    *,
    client: AuthenticatedClient,
    body: CareResolveEscalation,
    idempotency_key: str | Unset = UNSET,
) -> CareEscalation | CareResolveEscalationProblem | None:
    """Resolve an escalation task

     Clinicians only, once acknowledged (`409 escalation_not_acknowledged` before):
    closes the task with a note of what was done.

    Args:
        escalation_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            esc_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareResolveEscalation): Body of `POST /v1/care/provider/escalations/{id}/resolve`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareEscalation | CareResolveEscalationProblem
    """

    return (
        await asyncio_detailed(
            escalation_id=escalation_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
