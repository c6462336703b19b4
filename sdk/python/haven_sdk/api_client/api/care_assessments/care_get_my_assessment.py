from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_assessment import CareAssessment
from ...models.care_get_my_assessment_problem import CareGetMyAssessmentProblem
from ...types import Response


def _get_kwargs(
    assessment_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/me/assessments/{assessment_id}".format(
            assessment_id=quote(str(assessment_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareAssessment | CareGetMyAssessmentProblem | None:
    if response.status_code == 200:
        response_200 = CareAssessment.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareGetMyAssessmentProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareGetMyAssessmentProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareGetMyAssessmentProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareGetMyAssessmentProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CareGetMyAssessmentProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareGetMyAssessmentProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareGetMyAssessmentProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareGetMyAssessmentProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareGetMyAssessmentProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareAssessment | CareGetMyAssessmentProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    assessment_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CareAssessment | CareGetMyAssessmentProblem]:
    """Read one of my assessments

     Yours only (another member's is `404`).

    Args:
        assessment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            asm_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAssessment | CareGetMyAssessmentProblem]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    assessment_id: str,
    *,
    client: AuthenticatedClient,
) -> CareAssessment | CareGetMyAssessmentProblem | None:
    """Read one of my assessments

     Yours only (another member's is `404`).

    Args:
        assessment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            asm_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAssessment | CareGetMyAssessmentProblem
    """

    return sync_detailed(
        assessment_id=assessment_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    assessment_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[CareAssessment | CareGetMyAssessmentProblem]:
    """Read one of my assessments

     Yours only (another member's is `404`).

    Args:
        assessment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            asm_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAssessment | CareGetMyAssessmentProblem]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    assessment_id: str,
    *,
    client: AuthenticatedClient,
) -> CareAssessment | CareGetMyAssessmentProblem | None:
    """Read one of my assessments

     Yours only (another member's is `404`).

    Args:
        assessment_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            asm_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAssessment | CareGetMyAssessmentProblem
    """

    return (
        await asyncio_detailed(
            assessment_id=assessment_id,
            client=client,
        )
    ).parsed
