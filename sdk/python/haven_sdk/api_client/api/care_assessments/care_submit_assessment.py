from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_assessment_result import CareAssessmentResult
from ...models.care_submit_assessment import CareSubmitAssessment
from ...models.care_submit_assessment_problem import CareSubmitAssessmentProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CareSubmitAssessment,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/care/me/assessments",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareAssessmentResult | CareSubmitAssessmentProblem | None:
    if response.status_code == 201:
        response_201 = CareAssessmentResult.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = CareSubmitAssessmentProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareSubmitAssessmentProblem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = CareSubmitAssessmentProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareSubmitAssessmentProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CareSubmitAssessmentProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareSubmitAssessmentProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareSubmitAssessmentProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareSubmitAssessmentProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareSubmitAssessmentProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareAssessmentResult | CareSubmitAssessmentProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CareSubmitAssessment,
    idempotency_key: str | Unset = UNSET,
) -> Response[CareAssessmentResult | CareSubmitAssessmentProblem]:
    """Take an assessment

     Send one answer (0–3) per item; the server scores it (a total in the body is
    refused as an unknown field). A wrong number of answers or an answer outside 0–3
    is `422` with one error per field (`answers`, `answers[i]`). A PHQ-9 with item 9
    above 0 or a severe total alerts a clinician at once and answers crisis
    resources for your country.

    Args:
        idempotency_key (str | Unset):
        body (CareSubmitAssessment): Body of `POST /v1/care/me/assessments`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAssessmentResult | CareSubmitAssessmentProblem]
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
    body: CareSubmitAssessment,
    idempotency_key: str | Unset = UNSET,
) -> CareAssessmentResult | CareSubmitAssessmentProblem | None:
    """Take an assessment

     Send one answer (0–3) per item; the server scores it (a total in the body is
    refused as an unknown field). A wrong number of answers or an answer outside 0–3
    is `422` with one error per field (`answers`, `answers[i]`). A PHQ-9 with item 9
    above 0 or a severe total alerts a clinician at once and answers crisis
    resources for your country.

    Args:
        idempotency_key (str | Unset):
        body (CareSubmitAssessment): Body of `POST /v1/care/me/assessments`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAssessmentResult | CareSubmitAssessmentProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CareSubmitAssessment,
    idempotency_key: str | Unset = UNSET,
) -> Response[CareAssessmentResult | CareSubmitAssessmentProblem]:
    """Take an assessment

     Send one answer (0–3) per item; the server scores it (a total in the body is
    refused as an unknown field). A wrong number of answers or an answer outside 0–3
    is `422` with one error per field (`answers`, `answers[i]`). A PHQ-9 with item 9
    above 0 or a severe total alerts a clinician at once and answers crisis
    resources for your country.

    Args:
        idempotency_key (str | Unset):
        body (CareSubmitAssessment): Body of `POST /v1/care/me/assessments`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareAssessmentResult | CareSubmitAssessmentProblem]
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
    body: CareSubmitAssessment,
    idempotency_key: str | Unset = UNSET,
) -> CareAssessmentResult | CareSubmitAssessmentProblem | None:
    """Take an assessment

     Send one answer (0–3) per item; the server scores it (a total in the body is
    refused as an unknown field). A wrong number of answers or an answer outside 0–3
    is `422` with one error per field (`answers`, `answers[i]`). A PHQ-9 with item 9
    above 0 or a severe total alerts a clinician at once and answers crisis
    resources for your country.

    Args:
        idempotency_key (str | Unset):
        body (CareSubmitAssessment): Body of `POST /v1/care/me/assessments`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareAssessmentResult | CareSubmitAssessmentProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
