from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_disable_mfa_problem import IdentityDisableMfaProblem
from ...models.identity_mfa_disable_request_type_0 import IdentityMfaDisableRequestType0
from ...models.identity_mfa_disable_request_type_1 import IdentityMfaDisableRequestType1
from ...types import Response


def _get_kwargs(
    *,
    body: IdentityMfaDisableRequestType0 | IdentityMfaDisableRequestType1,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/identity/me/mfa/disable",
    }

    if isinstance(body, IdentityMfaDisableRequestType0):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | IdentityDisableMfaProblem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = IdentityDisableMfaProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityDisableMfaProblem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = IdentityDisableMfaProblem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = IdentityDisableMfaProblem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = IdentityDisableMfaProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityDisableMfaProblem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = IdentityDisableMfaProblem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = IdentityDisableMfaProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityDisableMfaProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | IdentityDisableMfaProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityMfaDisableRequestType0 | IdentityMfaDisableRequestType1,
) -> Response[Any | IdentityDisableMfaProblem]:
    """Turn two-step verification off

     Takes a current code from the app or an unused recovery code (`403
    invalid_mfa_code` if wrong). The secret and recovery codes are deleted; `409
    mfa_not_enabled` when it is off. Accounts whose role requires it are asked to
    enroll again at their next sign-in.

    Args:
        body (IdentityMfaDisableRequestType0 | IdentityMfaDisableRequestType1): Body of `POST
            /v1/identity/me/mfa/disable`: exactly one of `code` and
            `recovery_code`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityDisableMfaProblem]
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
    body: IdentityMfaDisableRequestType0 | IdentityMfaDisableRequestType1,
) -> Any | IdentityDisableMfaProblem | None:
    """Turn two-step verification off

     Takes a current code from the app or an unused recovery code (`403
    invalid_mfa_code` if wrong). The secret and recovery codes are deleted; `409
    mfa_not_enabled` when it is off. Accounts whose role requires it are asked to
    enroll again at their next sign-in.

    Args:
        body (IdentityMfaDisableRequestType0 | IdentityMfaDisableRequestType1): Body of `POST
            /v1/identity/me/mfa/disable`: exactly one of `code` and
            `recovery_code`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityDisableMfaProblem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: IdentityMfaDisableRequestType0 | IdentityMfaDisableRequestType1,
) -> Response[Any | IdentityDisableMfaProblem]:
    """Turn two-step verification off

     Takes a current code from the app or an unused recovery code (`403
    invalid_mfa_code` if wrong). The secret and recovery codes are deleted; `409
    mfa_not_enabled` when it is off. Accounts whose role requires it are asked to
    enroll again at their next sign-in.

    Args:
        body (IdentityMfaDisableRequestType0 | IdentityMfaDisableRequestType1): Body of `POST
            /v1/identity/me/mfa/disable`: exactly one of `code` and
            `recovery_code`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityDisableMfaProblem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: IdentityMfaDisableRequestType0 | IdentityMfaDisableRequestType1,
) -> Any | IdentityDisableMfaProblem | None:
    """Turn two-step verification off

     Takes a current code from the app or an unused recovery code (`403
    invalid_mfa_code` if wrong). The secret and recovery codes are deleted; `409
    mfa_not_enabled` when it is off. Accounts whose role requires it are asked to
    enroll again at their next sign-in.

    Args:
        body (IdentityMfaDisableRequestType0 | IdentityMfaDisableRequestType1): Body of `POST
            /v1/identity/me/mfa/disable`: exactly one of `code` and
            `recovery_code`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityDisableMfaProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
