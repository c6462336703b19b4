from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_join_organization import IdentityJoinOrganization
from ...models.identity_join_organization_problem import IdentityJoinOrganizationProblem
from ...models.identity_membership import IdentityMembership
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: IdentityJoinOrganization,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/me/organization",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdentityJoinOrganizationProblem | IdentityMembership | None:
    if response.status_code == 200:
        response_200 = IdentityMembership.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = IdentityMembership.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = IdentityJoinOrganizationProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityJoinOrganizationProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = IdentityJoinOrganizationProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = IdentityJoinOrganizationProblem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = IdentityJoinOrganizationProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = IdentityJoinOrganizationProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityJoinOrganizationProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityJoinOrganizationProblem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = IdentityJoinOrganizationProblem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = IdentityJoinOrganizationProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityJoinOrganizationProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdentityJoinOrganizationProblem | IdentityMembership]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityJoinOrganization,
    idempotency_key: str | Unset = UNSET,
) -> Response[IdentityJoinOrganizationProblem | IdentityMembership]:
    """Join an organization

     The caller's email must be verified (`403 email_not_verified`). They qualify when
    the email's domain is one the organization allows, when the email is on its
    eligibility list, or with an `employee_id` on the list (an entry that also names
    an email must name theirs); otherwise `403 not_eligible`. One sponsorship at a
    time: already sponsored by another organization is `409 already_member`; an
    employee id another member uses is `409 employee_id_claimed`. When every seat the
    organization sponsors is taken, the join is refused with `409 seats_full` and the
    caller is put on the organization's waitlist (its admins see it). Joining the same
    organization again answers `200` with the existing membership. At most 20
    attempts per hour per member (`429`).

    Args:
        idempotency_key (str | Unset):
        body (IdentityJoinOrganization): Body of `POST /v1/identity/me/organization`. Unknown
            fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityJoinOrganizationProblem | IdentityMembership]
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
    body: IdentityJoinOrganization,
    idempotency_key: str | Unset = UNSET,
) -> IdentityJoinOrganizationProblem | IdentityMembership | None:
    """Join an organization

     The caller's email must be verified (`403 email_not_verified`). They qualify when
    the email's domain is one the organization allows, when the email is on its
    eligibility list, or with an `employee_id` on the list (an entry that also names
    an email must name theirs); otherwise `403 not_eligible`. One sponsorship at a
    time: already sponsored by another organization is `409 already_member`; an
    employee id another member uses is `409 employee_id_claimed`. When every seat the
    organization sponsors is taken, the join is refused with `409 seats_full` and the
    caller is put on the organization's waitlist (its admins see it). Joining the same
    organization again answers `200` with the existing membership. At most 20
    attempts per hour per member (`429`).

    Args:
        idempotency_key (str | Unset):
        body (IdentityJoinOrganization): Body of `POST /v1/identity/me/organization`. Unknown
            fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityJoinOrganizationProblem | IdentityMembership
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityJoinOrganization,
    idempotency_key: str | Unset = UNSET,
) -> Response[IdentityJoinOrganizationProblem | IdentityMembership]:
    """Join an organization

     The caller's email must be verified (`403 email_not_verified`). They qualify when
    the email's domain is one the organization allows, when the email is on its
    eligibility list, or with an `employee_id` on the list (an entry that also names
    an email must name theirs); otherwise `403 not_eligible`. One sponsorship at a
    time: already sponsored by another organization is `409 already_member`; an
    employee id another member uses is `409 employee_id_claimed`. When every seat the
    organization sponsors is taken, the join is refused with `409 seats_full` and the
    caller is put on the organization's waitlist (its admins see it). Joining the same
    organization again answers `200` with the existing membership. At most 20
    attempts per hour per member (`429`).

    Args:
        idempotency_key (str | Unset):
        body (IdentityJoinOrganization): Body of `POST /v1/identity/me/organization`. Unknown
            fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdentityJoinOrganizationProblem | IdentityMembership]
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
    body: IdentityJoinOrganization,
    idempotency_key: str | Unset = UNSET,
) -> IdentityJoinOrganizationProblem | IdentityMembership | None:
    """Join an organization

     The caller's email must be verified (`403 email_not_verified`). They qualify when
    the email's domain is one the organization allows, when the email is on its
    eligibility list, or with an `employee_id` on the list (an entry that also names
    an email must name theirs); otherwise `403 not_eligible`. One sponsorship at a
    time: already sponsored by another organization is `409 already_member`; an
    employee id another member uses is `409 employee_id_claimed`. When every seat the
    organization sponsors is taken, the join is refused with `409 seats_full` and the
    caller is put on the organization's waitlist (its admins see it). Joining the same
    organization again answers `200` with the existing membership. At most 20
    attempts per hour per member (`429`).

    Args:
        idempotency_key (str | Unset):
        body (IdentityJoinOrganization): Body of `POST /v1/identity/me/organization`. Unknown
            fields are rejected.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdentityJoinOrganizationProblem | IdentityMembership
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
