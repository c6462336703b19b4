from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_cancellation import CareCancellation
from ...models.care_provider_cancel_appointment_problem import (
    CareProviderCancelAppointmentProblem,
)
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
        "url": "/v1/care/provider/appointments/{appointment_id}/cancel".format(
            appointment_id=quote(str(appointment_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareCancellation | CareProviderCancelAppointmentProblem | None:
    if response.status_code == 200:
        response_200 = CareCancellation.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareProviderCancelAppointmentProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareProviderCancelAppointmentProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareProviderCancelAppointmentProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareProviderCancelAppointmentProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareProviderCancelAppointmentProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CareProviderCancelAppointmentProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareProviderCancelAppointmentProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareProviderCancelAppointmentProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareProviderCancelAppointmentProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareProviderCancelAppointmentProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareCancellation | CareProviderCancelAppointmentProblem]:
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
) -> Response[CareCancellation | CareProviderCancelAppointmentProblem]:
    """Cancel an appointment as its provider

     Providers only. Always gives the member's session back, emails the member and
    answers your next free slots of the same kind (`next_slots`) to offer them.

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareCancellation | CareProviderCancelAppointmentProblem]
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
) -> CareCancellation | CareProviderCancelAppointmentProblem | None:
    """Cancel an appointment as its provider

     Providers only. Always gives the member's session back, emails the member and
    answers your next free slots of the same kind (`next_slots`) to offer them.

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareCancellation | CareProviderCancelAppointmentProblem
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
) -> Response[CareCancellation | CareProviderCancelAppointmentProblem]:
    """Cancel an appointment as its provider

     Providers only. Always gives the member's session back, emails the member and
    answers your next free slots of the same kind (`next_slots`) to offer them.

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareCancellation | CareProviderCancelAppointmentProblem]
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
) -> CareCancellation | CareProviderCancelAppointmentProblem | None:
    """Cancel an appointment as its provider

     Providers only. Always gives the member's session back, emails the member and
    answers your next free slots of the same kind (`next_slots`) to offer them.

    Args:
        appointment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            apt_00000000000000000000000000.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareCancellation | CareProviderCancelAppointmentProblem
    """

    return (
        await asyncio_detailed(
            appointment_id=appointment_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
