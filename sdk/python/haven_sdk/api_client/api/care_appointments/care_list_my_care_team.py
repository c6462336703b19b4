from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_list_my_care_team_problem import CareListMyCareTeamProblem
from ...models.care_team_member import CareTeamMember
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/me/care-team",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareListMyCareTeamProblem | list[CareTeamMember] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = CareTeamMember.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = CareListMyCareTeamProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareListMyCareTeamProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareListMyCareTeamProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareListMyCareTeamProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = CareListMyCareTeamProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CareListMyCareTeamProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareListMyCareTeamProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareListMyCareTeamProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareListMyCareTeamProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareListMyCareTeamProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareListMyCareTeamProblem | list[CareTeamMember]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CareListMyCareTeamProblem | list[CareTeamMember]]:
    """List my care team

     The providers you have booked with (they may read your clinical record).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareListMyCareTeamProblem | list[CareTeamMember]]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> CareListMyCareTeamProblem | list[CareTeamMember] | None:
    """List my care team

     The providers you have booked with (they may read your clinical record).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareListMyCareTeamProblem | list[CareTeamMember]
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CareListMyCareTeamProblem | list[CareTeamMember]]:
    """List my care team

     The providers you have booked with (they may read your clinical record).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareListMyCareTeamProblem | list[CareTeamMember]]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> CareListMyCareTeamProblem | list[CareTeamMember] | None:
    """List my care team

     The providers you have booked with (they may read your clinical record).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareListMyCareTeamProblem | list[CareTeamMember]
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
