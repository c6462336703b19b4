from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_assessment_trend import CareAssessmentTrend
from ...models.care_get_my_assessment_trend_problem import (
    CareGetMyAssessmentTrendProblem,
)
from ...models.care_instrument import CareInstrument
from ...types import UNSET, Response


def _get_kwargs(
    *,
    instrument: CareInstrument,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_instrument = instrument.value
    params["instrument"] = json_instrument

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/me/assessment-trend",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareAssessmentTrend | CareGetMyAssessmentTrendProblem | None:
    if response.status_code == 200:
        response_200 = CareAssessmentTrend.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareGetMyAssessmentTrendProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareGetMyAssessmentTrendProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareGetMyAssessmentTrendProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareGetMyAssessmentTrendProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CareGetMyAssessmentTrendProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareGetMyAssessmentTrendProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareGetMyAssessmentTrendProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareGetMyAssessmentTrendProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareGetMyAssessmentTrendProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareAssessmentTrend | CareGetMyAssessmentTrendProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    instrument: CareInstrument,
) -> Response[CareAssessmentTrend | CareGetMyAssessmentTrendProblem]:
    """Read my assessment trend

     Your latest totals of one questionnaire and which way they move.

    Args:
        instrument (CareInstrument): A questionnaire.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAssessmentTrend | CareGetMyAssessmentTrendProblem]
    """

    kwargs = _get_kwargs(
        instrument=instrument,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    instrument: CareInstrument,
) -> CareAssessmentTrend | CareGetMyAssessmentTrendProblem | None:
    """Read my assessment trend

     Your latest totals of one questionnaire and which way they move.

    Args:
        instrument (CareInstrument): A questionnaire.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAssessmentTrend | CareGetMyAssessmentTrendProblem
    """

    return sync_detailed(
        client=client,
        instrument=instrument,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    instrument: CareInstrument,
) -> Response[CareAssessmentTrend | CareGetMyAssessmentTrendProblem]:
    """Read my assessment trend

     Your latest totals of one questionnaire and which way they move.

    Args:
        instrument (CareInstrument): A questionnaire.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAssessmentTrend | CareGetMyAssessmentTrendProblem]
    """

    kwargs = _get_kwargs(
        instrument=instrument,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    instrument: CareInstrument,
) -> CareAssessmentTrend | CareGetMyAssessmentTrendProblem | None:
    """Read my assessment trend

     Your latest totals of one questionnaire and which way they move.

    Args:
        instrument (CareInstrument): A questionnaire.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAssessmentTrend | CareGetMyAssessmentTrendProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            instrument=instrument,
        )
    ).parsed
