from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_appointment_type import CareAppointmentType
from ...models.care_match import CareMatch
from ...models.care_match_providers_problem import CareMatchProvidersProblem
from ...models.care_specialty import CareSpecialty
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    appointment_type: CareAppointmentType,
    specialties: list[CareSpecialty] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_appointment_type = appointment_type.value
    params["appointment_type"] = json_appointment_type

    json_specialties: list[str] | Unset = UNSET
    if not isinstance(specialties, Unset):
        json_specialties = []
        for specialties_item_data in specialties:
            specialties_item = specialties_item_data.value
            json_specialties.append(specialties_item)

    params["specialties"] = json_specialties

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/me/matches",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareMatchProvidersProblem | list[CareMatch] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = CareMatch.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = CareMatchProvidersProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareMatchProvidersProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareMatchProvidersProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareMatchProvidersProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareMatchProvidersProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CareMatchProvidersProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareMatchProvidersProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareMatchProvidersProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareMatchProvidersProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareMatchProvidersProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareMatchProvidersProblem | list[CareMatch]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    appointment_type: CareAppointmentType,
    specialties: list[CareSpecialty] | Unset = UNSET,
) -> Response[CareMatchProvidersProblem | list[CareMatch]]:
    """Match providers

     Providers who give `appointment_type`, are licensed where your care profile says
    you live (license not expired), speak one of your languages and accept new
    members (or are on your care team), ranked by the `specialties` they share with
    the request, then by their soonest free slot. Needs a care profile (`409
    care_profile_required`).

    Args:
        appointment_type (CareAppointmentType): A kind of session.
        specialties (list[CareSpecialty] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareMatchProvidersProblem | list[CareMatch]]
    """

    kwargs = _get_kwargs(
        appointment_type=appointment_type,
        specialties=specialties,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    appointment_type: CareAppointmentType,
    specialties: list[CareSpecialty] | Unset = UNSET,
) -> CareMatchProvidersProblem | list[CareMatch] | None:
    """Match providers

     Providers who give `appointment_type`, are licensed where your care profile says
    you live (license not expired), speak one of your languages and accept new
    members (or are on your care team), ranked by the `specialties` they share with
    the request, then by their soonest free slot. Needs a care profile (`409
    care_profile_required`).

    Args:
        appointment_type (CareAppointmentType): A kind of session.
        specialties (list[CareSpecialty] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareMatchProvidersProblem | list[CareMatch]
    """

    return sync_detailed(
        client=client,
        appointment_type=appointment_type,
        specialties=specialties,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    appointment_type: CareAppointmentType,
    specialties: list[CareSpecialty] | Unset = UNSET,
) -> Response[CareMatchProvidersProblem | list[CareMatch]]:
    """Match providers

     Providers who give `appointment_type`, are licensed where your care profile says
    you live (license not expired), speak one of your languages and accept new
    members (or are on your care team), ranked by the `specialties` they share with
    the request, then by their soonest free slot. Needs a care profile (`409
    care_profile_required`).

    Args:
        appointment_type (CareAppointmentType): A kind of session.
        specialties (list[CareSpecialty] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareMatchProvidersProblem | list[CareMatch]]
    """

    kwargs = _get_kwargs(
        appointment_type=appointment_type,
        specialties=specialties,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    appointment_type: CareAppointmentType,
    specialties: list[CareSpecialty] | Unset = UNSET,
) -> CareMatchProvidersProblem | list[CareMatch] | None:
    """Match providers

     Providers who give `appointment_type`, are licensed where your care profile says
    you live (license not expired), speak one of your languages and accept new
    members (or are on your care team), ranked by the `specialties` they share with
    the request, then by their soonest free slot. Needs a care profile (`409
    care_profile_required`).

    Args:
        appointment_type (CareAppointmentType): A kind of session.
        specialties (list[CareSpecialty] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareMatchProvidersProblem | list[CareMatch]
    """

    return (
        await asyncio_detailed(
            client=client,
            appointment_type=appointment_type,
            specialties=specialties,
        )
    ).parsed
