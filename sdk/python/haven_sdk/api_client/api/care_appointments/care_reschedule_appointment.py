from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_appointment import CareAppointment
from ...models.care_reschedule_appointment_problem import (
    CareRescheduleAppointmentProblem,
)
from ...models.care_reschedule_request import CareRescheduleRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appointment_id: str,
    *,
    body: CareRescheduleRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/care/appointments/{appointment_id}/reschedule".format(
            appointment_id=quote(str(appointment_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareAppointment | CareRescheduleAppointmentProblem | None:
    if response.status_code == 200:
        response_200 = CareAppointment.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CareAppointment.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = CareRescheduleAppointmentProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareRescheduleAppointmentProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareRescheduleAppointmentProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareRescheduleAppointmentProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareRescheduleAppointmentProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CareRescheduleAppointmentProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareRescheduleAppointmentProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareRescheduleAppointmentProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareRescheduleAppointmentProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareRescheduleAppointmentProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareAppointment | CareRescheduleAppointmentProblem]:
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
    body: CareRescheduleRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[CareAppointment | CareRescheduleAppointmentProblem]:
    """Reschedule an appointment

     Moves it to another slot of the same provider and kind, in one step: if the new
    slot is taken, the old appointment stays as it was. The old one becomes
    `rescheduled` and the answer is the new one (`rescheduled_from` names the old);
    the session already paid for pays for the new one. Only until
    `care.free_cancel_hours` before the start (`409 reschedule_window_closed`).

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareRescheduleRequest): Body of `POST /v1/care/appointments/{id}/reschedule`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAppointment | CareRescheduleAppointmentProblem]
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
    body: CareRescheduleRequest,
    idempotency_key: str | Unset = UNSET,
) -> CareAppointment | CareRescheduleAppointmentProblem | None:
    """Reschedule an appointment

     Moves it to another slot of the same provider and kind, in one step: if the new
    slot is taken, the old appointment stays as it was. The old one becomes
    `rescheduled` and the answer is the new one (`rescheduled_from` names the old);
    the session already paid for pays for the new one. Only until
    `care.free_cancel_hours` before the start (`409 reschedule_window_closed`).

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareRescheduleRequest): Body of `POST /v1/care/appointments/{id}/reschedule`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAppointment | CareRescheduleAppointmentProblem
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
    body: CareRescheduleRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[CareAppointment | CareRescheduleAppointmentProblem]:
    """Reschedule an appointment

     Moves it to another slot of the same provider and kind, in one step: if the new
    slot is taken, the old appointment stays as it was. The old one becomes
    `rescheduled` and the answer is the new one (`rescheduled_from` names the old);
    the session already paid for pays for the new one. Only until
    `care.free_cancel_hours` before the start (`409 reschedule_window_closed`).

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareRescheduleRequest): Body of `POST /v1/care/appointments/{id}/reschedule`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAppointment | CareRescheduleAppointmentProblem]
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
    body: CareRescheduleRequest,
    idempotency_key: str | Unset = UNSET,
) -> CareAppointment | CareRescheduleAppointmentProblem | None:
    """Reschedule an appointment

     Moves it to another slot of the same provider and kind, in one step: if the new
    slot is taken, the old appointment stays as it was. The old one becomes
    `rescheduled` and the answer is the new one (`rescheduled_from` names the old);
    the session already paid for pays for the new one. Only until
    `care.free_cancel_hours` before the start (`409 reschedule_window_closed`).

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):
        body (CareRescheduleRequest): Body of `POST /v1/care/appointments/{id}/reschedule`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAppointment | CareRescheduleAppointmentProblem
    """

    return (
        await asyncio_detailed(
            appointment_id=appointment_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
