from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.identity_revoke_session_problem import IdentityRevokeSessionProblem
from ...types import Response


def _get_kwargs(
    session_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/identity/me/sessions/{session_id}".format(
            session_id=quote(str(session_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | IdentityRevokeSessionProblem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = IdentityRevokeSessionProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = IdentityRevokeSessionProblem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = IdentityRevokeSessionProblem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = IdentityRevokeSessionProblem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = IdentityRevokeSessionProblem.from_dict(response.json())

        return response_415

    if response.status_code == 500:
        response_500 = IdentityRevokeSessionProblem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = IdentityRevokeSessionProblem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | IdentityRevokeSessionProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | IdentityRevokeSessionProblem]:
    """Revoke a session

     Signs one of the caller's devices out: its refresh token stops working. `404` if
    the session is not the caller's.

    Args:
        session_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            ses_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityRevokeSessionProblem]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_id: str,
    *,
    client: AuthenticatedClient,
) -> Any | IdentityRevokeSessionProblem | None:
    """Revoke a session

     Signs one of the caller's devices out: its refresh token stops working. `404` if
    the session is not the caller's.

    Args:
        session_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            ses_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityRevokeSessionProblem
    """

    return sync_detailed(
        session_id=session_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    session_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | IdentityRevokeSessionProblem]:
    """Revoke a session

     Signs one of the caller's devices out: its refresh token stops working. `404` if
    the session is not the caller's.

    Args:
        session_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            ses_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | IdentityRevokeSessionProblem]
    """

    kwargs = _get_kwargs(
        session_id=session_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_id: str,
    *,
    client: AuthenticatedClient,
) -> Any | IdentityRevokeSessionProblem | None:
    """Revoke a session

     Signs one of the caller's devices out: its refresh token stops working. `404` if
    the session is not the caller's.

    Args:
        session_id (str): A TypeID: the type prefix, `_`, then 26 base32 characters. Example:
            ses_00000000000000000000000000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | IdentityRevokeSessionProblem
    """

    return (
        await asyncio_detailed(
            session_id=session_id,
            client=client,
        )
    ).parsed
