from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_update_me_problem import IdentityUpdateMeProblem
from ...models.identity_update_profile import IdentityUpdateProfile
from ...models.identity_user import IdentityUser
from ...types import Response


def _get_kwargs(
    *,
    body: IdentityUpdateProfile,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/identity/me",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityUpdateMeProblem | IdentityUser | None:
    if response.status_code == 200:
        response_200 = IdentityUser.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = IdentityUpdateMeProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityUpdateMeProblem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = IdentityUpdateMeProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = IdentityUpdateMeProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityUpdateMeProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityUpdateMeProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = IdentityUpdateMeProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityUpdateMeProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityUpdateMeProblem | IdentityUser]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityUpdateProfile,
) -> Response[IdentityUpdateMeProblem | IdentityUser]:
    """Update the caller's profile

     Changes the display name, time zone (IANA), locale (BCP 47) or marketing consent;
    absent fields are left as they are and `null` clears a text field. Read-only
    fields (`id`, `email`, `roles`, `created_at`) and unknown fields are
    `400 bad_request`; invalid values are `422 validation_failed`.

    Args:
        body (IdentityUpdateProfile): `PATCH /v1/identity/me`: the profile fields to change. An
            absent field is left as it
            is; `null` clears `display_name`, `time_zone` or `locale`. Any other field (`id`,
            `email`, `roles`, `created_at`…) is rejected with `400`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityUpdateMeProblem | IdentityUser]
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
    body: IdentityUpdateProfile,
) -> IdentityUpdateMeProblem | IdentityUser | None:
    """Update the caller's profile

     Changes the display name, time zone (IANA), locale (BCP 47) or marketing consent;
    absent fields are left as they are and `null` clears a text field. Read-only
    fields (`id`, `email`, `roles`, `created_at`) and unknown fields are
    `400 bad_request`; invalid values are `422 validation_failed`.

    Args:
        body (IdentityUpdateProfile): `PATCH /v1/identity/me`: the profile fields to change. An
            absent field is left as it
            is; `null` clears `display_name`, `time_zone` or `locale`. Any other field (`id`,
            `email`, `roles`, `created_at`…) is rejected with `400`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityUpdateMeProblem | IdentityUser
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityUpdateProfile,
) -> Response[IdentityUpdateMeProblem | IdentityUser]:
    """Update the caller's profile

     Changes the display name, time zone (IANA), locale (BCP 47) or marketing consent;
    absent fields are left as they are and `null` clears a text field. Read-only
    fields (`id`, `email`, `roles`, `created_at`) and unknown fields are
    `400 bad_request`; invalid values are `422 validation_failed`.

    Args:
        body (IdentityUpdateProfile): `PATCH /v1/identity/me`: the profile fields to change. An
            absent field is left as it
            is; `null` clears `display_name`, `time_zone` or `locale`. Any other field (`id`,
            `email`, `roles`, `created_at`…) is rejected with `400`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityUpdateMeProblem | IdentityUser]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IdentityUpdateProfile,
) -> IdentityUpdateMeProblem | IdentityUser | None:
    """Update the caller's profile

     Changes the display name, time zone (IANA), locale (BCP 47) or marketing consent;
    absent fields are left as they are and `null` clears a text field. Read-only
    fields (`id`, `email`, `roles`, `created_at`) and unknown fields are
    `400 bad_request`; invalid values are `422 validation_failed`.

    Args:
        body (IdentityUpdateProfile): `PATCH /v1/identity/me`: the profile fields to change. An
            absent field is left as it
            is; `null` clears `display_name`, `time_zone` or `locale`. Any other field (`id`,
            `email`, `roles`, `created_at`…) is rejected with `400`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityUpdateMeProblem | IdentityUser
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
