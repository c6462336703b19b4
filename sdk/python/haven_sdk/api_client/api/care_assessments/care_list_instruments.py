from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_instrument_definition import CareInstrumentDefinition
from ...models.care_list_instruments_problem import CareListInstrumentsProblem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/assessments/instruments",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareListInstrumentsProblem | list[CareInstrumentDefinition] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = CareInstrumentDefinition.from_dict(
                response_200_item_data
            )

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = CareListInstrumentsProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareListInstrumentsProblem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = CareListInstrumentsProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CareListInstrumentsProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareListInstrumentsProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareListInstrumentsProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareListInstrumentsProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareListInstrumentsProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareListInstrumentsProblem | list[CareInstrumentDefinition]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CareListInstrumentsProblem | list[CareInstrumentDefinition]]:
    """List the assessment instruments

     PHQ-9 and GAD-7: items, answer options (0–3) and severity bands, versioned.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareListInstrumentsProblem | list[CareInstrumentDefinition]]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> CareListInstrumentsProblem | list[CareInstrumentDefinition] | None:
    """List the assessment instruments

     PHQ-9 and GAD-7: items, answer options (0–3) and severity bands, versioned.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareListInstrumentsProblem | list[CareInstrumentDefinition]
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CareListInstrumentsProblem | list[CareInstrumentDefinition]]:
    """List the assessment instruments

     PHQ-9 and GAD-7: items, answer options (0–3) and severity bands, versioned.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareListInstrumentsProblem | list[CareInstrumentDefinition]]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> CareListInstrumentsProblem | list[CareInstrumentDefinition] | None:
    """List the assessment instruments

     PHQ-9 and GAD-7: items, answer options (0–3) and severity bands, versioned.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareListInstrumentsProblem | list[CareInstrumentDefinition]
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
