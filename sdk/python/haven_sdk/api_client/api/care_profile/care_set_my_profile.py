from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.care_profile import CareProfile
from ...models.care_profile_input import CareProfileInput
from ...models.care_set_my_profile_problem import CareSetMyProfileProblem
from ...types import Response


def _get_kwargs(
    *,
    body: CareProfileInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/care/me/profile",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CareProfile | CareSetMyProfileProblem | None:
    if response.status_code == 200:
        response_200 = CareProfile.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CareSetMyProfileProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CareSetMyProfileProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CareSetMyProfileProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CareSetMyProfileProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = CareSetMyProfileProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CareSetMyProfileProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = CareSetMyProfileProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = CareSetMyProfileProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = CareSetMyProfileProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CareProfile | CareSetMyProfileProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CareProfileInput,
) -> Response[CareProfile | CareSetMyProfileProblem]:
    """Set my care profile

     Where you live decides which providers may treat you (licenses are per US state
    or country); your languages and zone shape matching and slot times. Every field is
    replaced.

    Args:
        body (CareProfileInput): Body of `PUT /v1/care/me/profile`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareProfile | CareSetMyProfileProblem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CareProfileInput,
) -> CareProfile | CareSetMyProfileProblem | None:
    """Set my care profile

     Where you live decides which providers may treat you (licenses are per US state
    or country); your languages and zone shape matching and slot times. Every field is
    replaced.

    Args:
        body (CareProfileInput): Body of `PUT /v1/care/me/profile`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareProfile | CareSetMyProfileProblem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CareProfileInput,
) -> Response[CareProfile | CareSetMyProfileProblem]:
    """Set my care profile

     Where you live decides which providers may treat you (licenses are per US state
    or country); your languages and zone shape matching and slot times. Every field is
    replaced.

    Args:
        body (CareProfileInput): Body of `PUT /v1/care/me/profile`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CareProfile | CareSetMyProfileProblem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CareProfileInput,
) -> CareProfile | CareSetMyProfileProblem | None:
    """Set my care profile

     Where you live decides which providers may treat you (licenses are per US state
    or country); your languages and zone shape matching and slot times. Every field is
    replaced.

    Args:
        body (CareProfileInput): Body of `PUT /v1/care/me/profile`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CareProfile | CareSetMyProfileProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
