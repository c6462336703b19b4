from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_cancel_appointment_problem import CareCancelAppointmentProblem
from ...models.care_cancellation import CareCancellation
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appointment_id: str,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/care/appointments/{appointment_id}/cancel".format(
            appointment_id=quote(str(appointment_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareCancelAppointmentProblem | CareCancellation | None:
    if response.status_code == 200:
        response_200 = CareCancellation.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareCancelAppointmentProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareCancelAppointmentProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareCancelAppointmentProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareCancelAppointmentProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareCancelAppointmentProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CareCancelAppointmentProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareCancelAppointmentProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareCancelAppointmentProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareCancelAppointmentProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareCancelAppointmentProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareCancelAppointmentProblem | CareCancellation]:
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
    idempotency_key: str | Unset = UNSET,
) -> Response[CareCancelAppointmentProblem | CareCancellation]:
    """Cancel an appointment

     Free until `care.free_cancel_hours` (24 by default) before the start: the session
    goes back to your plan (`unit_released`). Later it is a late cancellation: the
    session stays used and it counts against you (`late`); three late cancellations
    or no-shows within 90 days pause booking yourself for 30 days. A started
    appointment cannot be cancelled (`409 appointment_started`).

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareCancelAppointmentProblem | CareCancellation]
    """

    kwargs = _get_kwargs(
        appointment_id=appointment_id,
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
    idempotency_key: str | Unset = UNSET,
) -> CareCancelAppointmentProblem | CareCancellation | None:
    """Cancel an appointment

     Free until `care.free_cancel_hours` (24 by default) before the start: the session
    goes back to your plan (`unit_released`). Later it is a late cancellation: the
    session stays used and it counts against you (`late`); three late cancellations
    or no-shows within 90 days pause booking yourself for 30 days. A started
    appointment cannot be cancelled (`409 appointment_started`).

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareCancelAppointmentProblem | CareCancellation
    """

    return sync_detailed(
        appointment_id=appointment_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    appointment_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[CareCancelAppointmentProblem | CareCancellation]:
    """Cancel an appointment

     Free until `care.free_cancel_hours` (24 by default) before the start: the session
    goes back to your plan (`unit_released`). Later it is a late cancellation: the
    session stays used and it counts against you (`late`); three late cancellations
    or no-shows within 90 days pause booking yourself for 30 days. A started
    appointment cannot be cancelled (`409 appointment_started`).

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareCancelAppointmentProblem | CareCancellation]
    """

    kwargs = _get_kwargs(
        appointment_id=appointment_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appointment_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> CareCancelAppointmentProblem | CareCancellation | None:
    """Cancel an appointment

     Free until `care.free_cancel_hours` (24 by default) before the start: the session
    goes back to your plan (`unit_released`). Later it is a late cancellation: the
    session stays used and it counts against you (`late`); three late cancellations
    or no-shows within 90 days pause booking yourself for 30 days. A started
    appointment cannot be cancelled (`409 appointment_started`).

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareCancelAppointmentProblem | CareCancellation
    """

    return (
        await asyncio_detailed(
            appointment_id=appointment_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
