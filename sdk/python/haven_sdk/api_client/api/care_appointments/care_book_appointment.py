from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_appointment import CareAppointment
from ...models.care_book_appointment_problem import CareBookAppointmentProblem
from ...models.care_book_request import CareBookRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CareBookRequest,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/care/appointments",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareAppointment | CareBookAppointmentProblem | None:
    if response.status_code == 200:
        response_200 = CareAppointment.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = CareAppointment.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = CareBookAppointmentProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareBookAppointmentProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareBookAppointmentProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareBookAppointmentProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareBookAppointmentProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CareBookAppointmentProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareBookAppointmentProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareBookAppointmentProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareBookAppointmentProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareBookAppointmentProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareAppointment | CareBookAppointmentProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CareBookRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[CareAppointment | CareBookAppointmentProblem]:
    """Book an appointment

     Books a slot from `GET /v1/care/providers/{id}/slots` if it still exists under
    the provider's current hours and neither you nor the provider has another session
    then (`409 slot_unavailable`, `409 appointment_overlaps`). Coaching needs the
    `care.coaching` feature; therapy and psychiatry consume one unit of your plan
    (`403 not_entitled`, `409 quota_exhausted`). The provider must be licensed where
    your care profile says you live and accept new members unless already on your
    care team. After repeated late cancellations or no-shows, `409
    self_booking_paused`. The provider joins your care team.

    Args:
        idempotency_key (str | Unset):
        body (CareBookRequest): Body of `POST /v1/care/appointments`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAppointment | CareBookAppointmentProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CareBookRequest,
    idempotency_key: str | Unset = UNSET,
) -> CareAppointment | CareBookAppointmentProblem | None:
    """Book an appointment

     Books a slot from `GET /v1/care/providers/{id}/slots` if it still exists under
    the provider's current hours and neither you nor the provider has another session
    then (`409 slot_unavailable`, `409 appointment_overlaps`). Coaching needs the
    `care.coaching` feature; therapy and psychiatry consume one unit of your plan
    (`403 not_entitled`, `409 quota_exhausted`). The provider must be licensed where
    your care profile says you live and accept new members unless already on your
    care team. After repeated late cancellations or no-shows, `409
    self_booking_paused`. The provider joins your care team.

    Args:
        idempotency_key (str | Unset):
        body (CareBookRequest): Body of `POST /v1/care/appointments`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAppointment | CareBookAppointmentProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CareBookRequest,
    idempotency_key: str | Unset = UNSET,
) -> Response[CareAppointment | CareBookAppointmentProblem]:
    """Book an appointment

     Books a slot from `GET /v1/care/providers/{id}/slots` if it still exists under
    the provider's current hours and neither you nor the provider has another session
    then (`409 slot_unavailable`, `409 appointment_overlaps`). Coaching needs the
    `care.coaching` feature; therapy and psychiatry consume one unit of your plan
    (`403 not_entitled`, `409 quota_exhausted`). The provider must be licensed where
    your care profile says you live and accept new members unless already on your
    care team. After repeated late cancellations or no-shows, `409
    self_booking_paused`. The provider joins your care team.

    Args:
        idempotency_key (str | Unset):
        body (CareBookRequest): Body of `POST /v1/care/appointments`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAppointment | CareBookAppointmentProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CareBookRequest,
    idempotency_key: str | Unset = UNSET,
) -> CareAppointment | CareBookAppointmentProblem | None:
    """Book an appointment

     Books a slot from `GET /v1/care/providers/{id}/slots` if it still exists under
    the provider's current hours and neither you nor the provider has another session
    then (`409 slot_unavailable`, `409 appointment_overlaps`). Coaching needs the
    `care.coaching` feature; therapy and psychiatry consume one unit of your plan
    (`403 not_entitled`, `409 quota_exhausted`). The provider must be licensed where
    your care profile says you live and accept new members unless already on your
    care team. After repeated late cancellations or no-shows, `409
    self_booking_paused`. The provider joins your care team.

    Args:
        idempotency_key (str | Unset):
        body (CareBookRequest): Body of `POST /v1/care/appointments`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAppointment | CareBookAppointmentProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
