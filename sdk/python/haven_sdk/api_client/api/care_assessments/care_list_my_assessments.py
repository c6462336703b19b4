from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_instrument import CareInstrument
from ...models.care_list_my_assessments_problem import CareListMyAssessmentsProblem
from ...models.page_care_assessment import PageCareAssessment
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    instrument: CareInstrument | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_instrument: str | Unset = UNSET
    if not isinstance(instrument, Unset):
        json_instrument = instrument.value

    params["instrument"] = json_instrument

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/me/assessments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareListMyAssessmentsProblem | PageCareAssessment | None:
    if response.status_code == 200:
        response_200 = PageCareAssessment.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareListMyAssessmentsProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareListMyAssessmentsProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareListMyAssessmentsProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareListMyAssessmentsProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CareListMyAssessmentsProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareListMyAssessmentsProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareListMyAssessmentsProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareListMyAssessmentsProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareListMyAssessmentsProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareListMyAssessmentsProblem | PageCareAssessment]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    instrument: CareInstrument | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[CareListMyAssessmentsProblem | PageCareAssessment]:
    """List my assessments

     Your history, oldest first, of one instrument when `instrument` is given.

    Args:
        instrument (CareInstrument | Unset): A questionnaire.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareListMyAssessmentsProblem | PageCareAssessment]
    """

    kwargs = _get_kwargs(
        instrument=instrument,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    instrument: CareInstrument | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> CareListMyAssessmentsProblem | PageCareAssessment | None:
    """List my assessments

     Your history, oldest first, of one instrument when `instrument` is given.

    Args:
        instrument (CareInstrument | Unset): A questionnaire.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareListMyAssessmentsProblem | PageCareAssessment
    """

    return sync_detailed(
        client=client,
        instrument=instrument,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    instrument: CareInstrument | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> Response[CareListMyAssessmentsProblem | PageCareAssessment]:
    """List my assessments

     Your history, oldest first, of one instrument when `instrument` is given.

    Args:
        instrument (CareInstrument | Unset): A questionnaire.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareListMyAssessmentsProblem | PageCareAssessment]
    """

    kwargs = _get_kwargs(
        instrument=instrument,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    instrument: CareInstrument | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: str | Unset = UNSET,
) -> CareListMyAssessmentsProblem | PageCareAssessment | None:
    """List my assessments

     Your history, oldest first, of one instrument when `instrument` is given.

    Args:
        instrument (CareInstrument | Unset): A questionnaire.
        limit (int | Unset):  Default: 20.
        cursor (str | Unset): The `next_cursor` of the previous page; only cursors this server
            issued are valid (`400` otherwise).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareListMyAssessmentsProblem | PageCareAssessment
    """

    return (
        await asyncio_detailed(
            client=client,
            instrument=instrument,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
