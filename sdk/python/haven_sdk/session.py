"""A thin session over the generated client: sign in, keep the tokens, send the bearer,
refresh it before it expires and once after a ``401`` (one refresh at a time), sign out;
plus ``unwrap`` (success body or :class:`HavenError`) and ``pages`` (follow cursors).

Everything under ``haven_sdk.api_client`` is generated from ``openapi/openapi.json``
(``python3 sdk/python/scripts/generate.py``); this file is the hand-written layer.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generator, TypeVar

import httpx

from .api_client import AuthenticatedClient, Client
from .api_client.api.identity_sessions import (
    identity_login,
    identity_logout,
    identity_refresh_token,
)
from .api_client.api.identity_mfa import identity_login_mfa
from .api_client.models import (
    IdentityLoginMfaRequestType0,
    IdentityLoginMfaRequestType1,
    IdentityLoginRequest,
    IdentityLoginResultIdentityMfaChallenge,
    IdentityLoginResultIdentityTokenResponse,
    IdentityRefreshRequest,
    IdentityTokenResponse,
)
from .api_client.types import UNSET, Response

T = TypeVar("T")


class HavenError(Exception):
    """A problem the API answered (``application/problem+json``).

    ``code`` is the stable machine-readable code; ``problem`` is the generated model of
    the operation's problem (e.g. ``IdentityLoginProblem``, whose ``code`` is the
    ``IdentityLoginProblemCode`` enum of the codes the document lists for it).
    """

    def __init__(self, status: int, problem: Any) -> None:
        self.status = status
        self.problem = problem
        code = getattr(problem, "code", None)
        self.code: str = getattr(code, "value", code) or "unknown"
        request_id = getattr(problem, "request_id", None)
        self.request_id: str | None = request_id if isinstance(request_id, str) else None
        errors = getattr(problem, "errors", None)
        self.errors: list[Any] = list(errors) if isinstance(errors, list) else []
        super().__init__(f"{status} {self.code}")


def unwrap(response: Response[Any]) -> Any:
    """The success body of ``response``, or :class:`HavenError` for a problem.

    Typed use: ``user: IdentityUser = unwrap(identity_get_me.sync_detailed(client=...))``.
    """
    if int(response.status_code) < 400:
        return response.parsed
    raise HavenError(int(response.status_code), response.parsed)


def pages(call: Callable[..., Response[Any]], **kwargs: Any) -> Iterator[Any]:
    """Every item of a cursor-paginated list: ``call`` is an operation's ``sync_detailed``
    (e.g. ``identity_list_sessions.sync_detailed``), ``kwargs`` its arguments."""
    cursor = kwargs.pop("cursor", UNSET)
    while True:
        page = unwrap(call(cursor=cursor, **kwargs))
        yield from page.items
        if not isinstance(page.next_cursor, str):
            return
        cursor = page.next_cursor


@dataclass
class Tokens:
    """The tokens of a session."""

    access_token: str
    refresh_token: str
    #: When the access token expires (``time.time()`` seconds).
    expires_at: float
    session_id: str


class HavenSession:
    """A signed-in (or not yet) user of the API.

    ``public`` calls operations anyone may call; ``client`` calls the secured ones with
    the session's bearer token. Use it as a context manager to close the connections.
    """

    def __init__(self, base_url: str, *, timeout: float = 15.0, refresh_leeway: float = 30.0) -> None:
        self.tokens: Tokens | None = None
        self._leeway = refresh_leeway
        self._lock = threading.Lock()
        self.public = Client(base_url=base_url, timeout=httpx.Timeout(timeout))
        self.client = AuthenticatedClient(
            base_url=base_url,
            token="",
            timeout=httpx.Timeout(timeout),
            httpx_args={"auth": _Bearer(self)},
        )

    def __enter__(self) -> HavenSession:
        return self

    def __exit__(self, *args: object) -> None:
        self.client.get_httpx_client().close()
        self.public.get_httpx_client().close()

    def sign_in(
        self, email: str, password: str, device_label: str | None = None
    ) -> IdentityLoginResultIdentityTokenResponse | IdentityLoginResultIdentityMfaChallenge:
        """Signs in; stores the tokens unless a second factor is needed (then call
        :meth:`complete_mfa` with the answer's ``mfa_token``)."""
        body = IdentityLoginRequest(email=email, password=password, device_label=device_label)
        result = unwrap(identity_login.sync_detailed(client=self.public, body=body))
        if isinstance(result, IdentityLoginResultIdentityTokenResponse):
            self._adopt(result)
        return result

    def complete_mfa(self, mfa_token: str, code: str | None = None, recovery_code: str | None = None) -> Tokens:
        """The second step of a sign-in, with a TOTP code or a recovery code."""
        body: IdentityLoginMfaRequestType0 | IdentityLoginMfaRequestType1 = (
            IdentityLoginMfaRequestType0(code=code)
            if code is not None
            else IdentityLoginMfaRequestType1(recovery_code=recovery_code or "")
        )
        # openapi-python-client models the "exactly one of" as two types without the
        # properties beside the `oneOf`, so `mfa_token` goes in as an extra property.
        body.additional_properties["mfa_token"] = mfa_token
        return self._adopt(unwrap(identity_login_mfa.sync_detailed(client=self.public, body=body)))

    def refresh(self) -> Tokens | None:
        """Refreshes the tokens now; ``None`` (and signed out) when the server refuses."""
        current = self.tokens
        return self._refresh(current.access_token if current else None)

    def sign_out(self) -> None:
        """Revokes the session on the server (best effort) and forgets the tokens."""
        try:
            if self.tokens is not None:
                identity_logout.sync_detailed(client=self.client)
        except httpx.HTTPError:
            pass  # Signed out locally whatever the server says.
        finally:
            self.tokens = None

    def _adopt(self, answer: IdentityTokenResponse | IdentityLoginResultIdentityTokenResponse) -> Tokens:
        self.tokens = Tokens(
            access_token=answer.access_token,
            refresh_token=answer.refresh_token,
            expires_at=time.time() + answer.expires_in,
            session_id=answer.session_id,
        )
        return self.tokens

    def _access_token(self) -> str | None:
        tokens = self.tokens
        if tokens is None:
            return None
        if tokens.expires_at - time.time() > self._leeway:
            return tokens.access_token
        refreshed = self._refresh(tokens.access_token)
        return refreshed.access_token if refreshed else None

    def _refresh(self, used: str | None) -> Tokens | None:
        """Refreshes unless another thread already did since ``used`` was sent."""
        with self._lock:
            tokens = self.tokens
            if tokens is None or tokens.access_token != used:
                return tokens
            response = identity_refresh_token.sync_detailed(
                client=self.public, body=IdentityRefreshRequest(refresh_token=tokens.refresh_token)
            )
            if int(response.status_code) == 401:
                self.tokens = None
                return None
            return self._adopt(unwrap(response))


class _Bearer(httpx.Auth):
    """Sends the session's access token; after a ``401``, refreshes once and resends."""

    def __init__(self, session: HavenSession) -> None:
        self._session = session

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._session._access_token()
        _set_bearer(request, token)
        response = yield request
        if response.status_code == 401 and token is not None:
            newer = self._session._refresh(token)
            if newer is not None:
                _set_bearer(request, newer.access_token)
                yield request


def _set_bearer(request: httpx.Request, token: str | None) -> None:
    if token:
        request.headers["Authorization"] = f"Bearer {token}"
    else:
        request.headers.pop("Authorization", None)
