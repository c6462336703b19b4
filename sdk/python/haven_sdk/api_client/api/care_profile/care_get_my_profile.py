from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_get_my_profile_problem import CareGetMyProfileProblem
from ...models.care_profile import CareProfile
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/care/me/profile",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareGetMyProfileProblem | CareProfile | None:
    if response.status_code == 200:
        response_200 = CareProfile.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareGetMyProfileProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareGetMyProfileProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareGetMyProfileProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareGetMyProfileProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CareGetMyProfileProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareGetMyProfileProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareGetMyProfileProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareGetMyProfileProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareGetMyProfileProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareGetMyProfileProblem | CareProfile]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CareGetMyProfileProblem | CareProfile]:
    """Read my care profile

     `404 care_profile_not_found` until it is set.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareGetMyProfileProblem | CareProfile]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> CareGetMyProfileProblem | CareProfile | None:
    """Read my care profile

     `404 care_profile_not_found` until it is set.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareGetMyProfileProblem | CareProfile
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CareGetMyProfileProblem | CareProfile]:
    """Read my care profile

     `404 care_profile_not_found` until it is set.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareGetMyProfileProblem | CareProfile]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> CareGetMyProfileProblem | CareProfile | None:
    """Read my care profile

     `404 care_profile_not_found` until it is set.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareGetMyProfileProblem | CareProfile
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
