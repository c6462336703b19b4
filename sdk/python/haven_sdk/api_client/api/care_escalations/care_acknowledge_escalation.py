from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_acknowledge_escalation_problem import (
    CareAcknowledgeEscalationProblem,
)
from ...models.care_escalation import CareEscalation
from ...types import UNSET, Response, Unset


def _get_kwargs(
    escalation_id: str,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/care/provider/escalations/{escalation_id}/acknowledge".format(
            escalation_id=quote(str(escalation_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareAcknowledgeEscalationProblem | CareEscalation | None:
    if response.status_code == 200:
        response_200 = CareEscalation.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareAcknowledgeEscalationProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareAcknowledgeEscalationProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareAcknowledgeEscalationProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareAcknowledgeEscalationProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareAcknowledgeEscalationProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CareAcknowledgeEscalationProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareAcknowledgeEscalationProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareAcknowledgeEscalationProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareAcknowledgeEscalationProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareAcknowledgeEscalationProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareAcknowledgeEscalationProblem | CareEscalation]:
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
    idempotency_key: str | Unset = UNSET,
) -> Response[CareAcknowledgeEscalationProblem | CareEscalation]:
    """Acknowledge an escalation task

     Clinicians only. Takes the task (from the on-call queue too) before its
    `due_at`; acknowledging it again answers the same. `409 escalation_resolved` once
    resolved.

    Args:
        escalation_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            esc_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAcknowledgeEscalationProblem | CareEscalation]
    """

    kwargs = _get_kwargs(
        escalation_id=escalation_id,
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
    idempotency_key: str | Unset = UNSET,
) -> CareAcknowledgeEscalationProblem | CareEscalation | None:
    """Acknowledge an escalation task

     Clinicians only. Takes the task (from the on-call queue too) before its
    `due_at`; acknowledging it again answers the same. `409 escalation_resolved` once
    resolved.

    Args:
        escalation_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            esc_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAcknowledgeEscalationProblem | CareEscalation
    """

    return sync_detailed(
        escalation_id=escalation_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    escalation_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[CareAcknowledgeEscalationProblem | CareEscalation]:
    """Acknowledge an escalation task

     Clinicians only. Takes the task (from the on-call queue too) before its
    `due_at`; acknowledging it again answers the same. `409 escalation_resolved` once
    resolved.

    Args:
        escalation_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            esc_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAcknowledgeEscalationProblem | CareEscalation]
    """

    kwargs = _get_kwargs(
        escalation_id=escalation_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    escalation_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> CareAcknowledgeEscalationProblem | CareEscalation | None:
    """Acknowledge an escalation task

     Clinicians only. Takes the task (from the on-call queue too) before its
    `due_at`; acknowledging it again answers the same. `409 escalation_resolved` once
    resolved.

    Args:
        escalation_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            esc_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAcknowledgeEscalationProblem | CareEscalation
    """

    return (
        await asyncio_detailed(
            escalation_id=escalation_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
