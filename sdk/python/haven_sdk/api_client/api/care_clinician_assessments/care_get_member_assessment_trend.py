from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_assessment_trend import CareAssessmentTrend
from ...models.care_get_member_assessment_trend_problem import (
    CareGetMemberAssessmentTrendProblem,
)
from ...models.care_instrument import CareInstrument
from ...types import UNSET, Response


def _get_kwargs(
    user_id: str,
    *,
    instrument: CareInstrument,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_instrument = instrument.value
    params["instrument"] = json_instrument

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/provider/members/{user_id}/assessment-trend".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareAssessmentTrend | CareGetMemberAssessmentTrendProblem | None:
    if response.status_code == 200:
        response_200 = CareAssessmentTrend.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareGetMemberAssessmentTrendProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareGetMemberAssessmentTrendProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareGetMemberAssessmentTrendProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareGetMemberAssessmentTrendProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CareGetMemberAssessmentTrendProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareGetMemberAssessmentTrendProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareGetMemberAssessmentTrendProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareGetMemberAssessmentTrendProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareGetMemberAssessmentTrendProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareAssessmentTrend | CareGetMemberAssessmentTrendProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    instrument: CareInstrument,
) -> Response[CareAssessmentTrend | CareGetMemberAssessmentTrendProblem]:
    """Read a member's assessment trend

     Providers on the member's care team only (clinicians and coaches), as the list.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        instrument (CareInstrument): A questionnaire.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAssessmentTrend | CareGetMemberAssessmentTrendProblem]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        instrument=instrument,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    instrument: CareInstrument,
) -> CareAssessmentTrend | CareGetMemberAssessmentTrendProblem | None:
    """Read a member's assessment trend

     Providers on the member's care team only (clinicians and coaches), as the list.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        instrument (CareInstrument): A questionnaire.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAssessmentTrend | CareGetMemberAssessmentTrendProblem
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        instrument=instrument,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    instrument: CareInstrument,
) -> Response[CareAssessmentTrend | CareGetMemberAssessmentTrendProblem]:
    """Read a member's assessment trend

     Providers on the member's care team only (clinicians and coaches), as the list.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        instrument (CareInstrument): A questionnaire.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAssessmentTrend | CareGetMemberAssessmentTrendProblem]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        instrument=instrument,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    instrument: CareInstrument,
) -> CareAssessmentTrend | CareGetMemberAssessmentTrendProblem | None:
    """Read a member's assessment trend

     Providers on the member's care team only (clinicians and coaches), as the list.

    Args:
        user_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            usr_00000000000000000000000000.
        instrument (CareInstrument): A questionnaire.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAssessmentTrend | CareGetMemberAssessmentTrendProblem
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            instrument=instrument,
        )
    ).parsed
