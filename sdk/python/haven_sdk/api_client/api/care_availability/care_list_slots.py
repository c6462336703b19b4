import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_appointment_type import CareAppointmentType
from ...models.care_list_slots_problem import CareListSlotsProblem
from ...models.care_slots import CareSlots
from ...types import UNSET, Response, Unset


def _get_kwargs(
    provider_id: str,
    *,
    appointment_type: CareAppointmentType,
    from_: datetime.datetime,
    to: datetime.datetime,
    time_zone: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_appointment_type = appointment_type.value
    params["appointment_type"] = json_appointment_type

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    params["time_zone"] = time_zone

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/providers/{provider_id}/slots".format(
            provider_id=quote(str(provider_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareListSlotsProblem | CareSlots | None:
    if response.status_code == 200:
        response_200 = CareSlots.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareListSlotsProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareListSlotsProblem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = CareListSlotsProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CareListSlotsProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareListSlotsProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareListSlotsProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareListSlotsProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareListSlotsProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareListSlotsProblem | CareSlots]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    provider_id: str,
    *,
    client: AuthenticatedClient,
    appointment_type: CareAppointmentType,
    from_: datetime.datetime,
    to: datetime.datetime,
    time_zone: str | Unset = UNSET,
) -> Response[CareListSlotsProblem | CareSlots]:
    """List a provider's slots

     Bookable starts of one kind of session in `[from, to)` (at most 31 days), from
    the provider's hours in their zone minus their booked time and buffers, no
    sooner than the minimum notice and no later than the booking horizon. Shown in
    `time_zone` (else the zone of your care profile, else UTC), across DST changes
    of either zone.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.
        appointment_type (CareAppointmentType): A kind of session.
        from_ (datetime.datetime):
        to (datetime.datetime):
        time_zone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareListSlotsProblem | CareSlots]
    """

    kwargs = _get_kwargs(
        provider_id=provider_id,
        appointment_type=appointment_type,
        from_=from_,
        to=to,
        time_zone=time_zone,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    provider_id: str,
    *,
    client: AuthenticatedClient,
    appointment_type: CareAppointmentType,
    from_: datetime.datetime,
    to: datetime.datetime,
    time_zone: str | Unset = UNSET,
) -> CareListSlotsProblem | CareSlots | None:
    """List a provider's slots

     Bookable starts of one kind of session in `[from, to)` (at most 31 days), from
    the provider's hours in their zone minus their booked time and buffers, no
    sooner than the minimum notice and no later than the booking horizon. Shown in
    `time_zone` (else the zone of your care profile, else UTC), across DST changes
    of either zone.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.
        appointment_type (CareAppointmentType): A kind of session.
        from_ (datetime.datetime):
        to (datetime.datetime):
        time_zone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareListSlotsProblem | CareSlots
    """

    return sync_detailed(
        provider_id=provider_id,
        client=client,
        appointment_type=appointment_type,
        from_=from_,
        to=to,
        time_zone=time_zone,
    ).parsed


async def asyncio_detailed(
    provider_id: str,
    *,
    client: AuthenticatedClient,
    appointment_type: CareAppointmentType,
    from_: datetime.datetime,
    to: datetime.datetime,
    time_zone: str | Unset = UNSET,
) -> Response[CareListSlotsProblem | CareSlots]:
    """List a provider's slots

     Bookable starts of one kind of session in `[from, to)` (at most 31 days), from
    the provider's hours in their zone minus their booked time and buffers, no
    sooner than the minimum notice and no later than the booking horizon. Shown in
    `time_zone` (else the zone of your care profile, else UTC), across DST changes
    of either zone.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.
        appointment_type (CareAppointmentType): A kind of session.
        from_ (datetime.datetime):
        to (datetime.datetime):
        time_zone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareListSlotsProblem | CareSlots]
    """

    kwargs = _get_kwargs(
        provider_id=provider_id,
        appointment_type=appointment_type,
        from_=from_,
        to=to,
        time_zone=time_zone,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    provider_id: str,
    *,
    client: AuthenticatedClient,
    appointment_type: CareAppointmentType,
    from_: datetime.datetime,
    to: datetime.datetime,
    time_zone: str | Unset = UNSET,
) -> CareListSlotsProblem | CareSlots | None:
    """List a provider's slots

     Bookable starts of one kind of session in `[from, to)` (at most 31 days), from
    the provider's hours in their zone minus their booked time and buffers, no
    sooner than the minimum notice and no later than the booking horizon. Shown in
    `time_zone` (else the zone of your care profile, else UTC), across DST changes
    of either zone.

    Args:
        provider_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            prv_00000000000000000000000000.
        appointment_type (CareAppointmentType): A kind of session.
        from_ (datetime.datetime):
        to (datetime.datetime):
        time_zone (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareListSlotsProblem | CareSlots
    """

    return (
        await asyncio_detailed(
            provider_id=provider_id,
            client=client,
            appointment_type=appointment_type,
            from_=from_,
            to=to,
            time_zone=time_zone,
        )
    ).parsed
