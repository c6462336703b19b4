"""The journey through the Python SDK against a live ``haven serve``: register, sign in,
refresh (before expiry and after a 401), page through the sessions, problems, sign out."""

import os
import time

import pytest

from haven_sdk import HavenError, HavenSession, pages, unwrap
from haven_sdk.api_client.api.identity_accounts import identity_get_me, identity_register
from haven_sdk.api_client.api.identity_sessions import identity_list_sessions
from haven_sdk.api_client.models import (
    IdentityLoginResultIdentityTokenResponse,
    IdentityRegisterProblem,
    IdentityRegisterProblemCode,
    IdentityRegisterRequest,
    IdentityUser,
)

PASSWORD = "a long python passphrase"


@pytest.fixture
def email() -> str:
    return f"py.{os.getpid()}.{time.time_ns()}@example.com"


def test_register_sign_in_refresh_page_and_sign_out(base_url: str, email: str) -> None:
    with HavenSession(base_url) as haven:
        user = unwrap(
            identity_register.sync_detailed(
                client=haven.public, body=IdentityRegisterRequest(email=email, password=PASSWORD, display_name="Py")
            )
        )
        assert isinstance(user, IdentityUser)
        assert user.email == email
        assert user.locale is None, "optional fields arrive as None"

        with pytest.raises(HavenError) as taken:
            unwrap(identity_register.sync_detailed(client=haven.public, body=IdentityRegisterRequest(email=email, password=PASSWORD)))
        assert (taken.value.status, taken.value.code) == (409, "email_taken")
        assert isinstance(taken.value.problem, IdentityRegisterProblem)
        assert taken.value.problem.code is IdentityRegisterProblemCode.EMAIL_TAKEN, "the code is the operation's enum"
        assert taken.value.request_id

        with pytest.raises(HavenError) as wrong:
            haven.sign_in(email, "not the password")
        assert (wrong.value.status, wrong.value.code) == (401, "invalid_credentials")
        assert haven.tokens is None

        for device in ("phone", "tablet"):
            with HavenSession(base_url) as other:
                other.sign_in(email, PASSWORD, device_label=device)
        result = haven.sign_in(email.upper(), PASSWORD, device_label="laptop")
        assert isinstance(result, IdentityLoginResultIdentityTokenResponse)
        assert haven.tokens is not None
        first = haven.tokens

        me = unwrap(identity_get_me.sync_detailed(client=haven.client))
        assert me.id == user.id

        refreshed = haven.refresh()
        assert refreshed is not None
        assert refreshed.session_id == first.session_id
        assert refreshed.refresh_token != first.refresh_token

        labels = [s.device_label for s in pages(identity_list_sessions.sync_detailed, client=haven.client, limit=1)]
        assert sorted(labels) == ["laptop", "phone", "tablet"], "three pages of one"

        with pytest.raises(HavenError) as out_of_range:
            unwrap(identity_list_sessions.sync_detailed(client=haven.client, limit=0))
        assert (out_of_range.value.status, out_of_range.value.code) == (422, "validation_failed")
        assert out_of_range.value.errors[0].field == "limit"

        haven.sign_out()
        assert haven.tokens is None
        with pytest.raises(HavenError) as signed_out:
            unwrap(identity_get_me.sync_detailed(client=haven.client))
        assert (signed_out.value.status, signed_out.value.code) == (401, "unauthorized")


def test_a_refused_token_is_refreshed_once_and_an_expiring_one_before_use(base_url: str, email: str) -> None:
    with HavenSession(base_url) as haven:
        unwrap(identity_register.sync_detailed(client=haven.public, body=IdentityRegisterRequest(email=email, password=PASSWORD)))
        haven.sign_in(email, PASSWORD)
        assert haven.tokens is not None
        good_refresh = haven.tokens.refresh_token

        haven.tokens.access_token = "not-a-token"  # the server answers 401: refresh, resend
        assert unwrap(identity_get_me.sync_detailed(client=haven.client)).email == email
        assert haven.tokens.refresh_token != good_refresh, "it refreshed"

        before = haven.tokens.refresh_token
        haven.tokens.expires_at = time.time() + 1  # within the leeway: refreshed before use
        assert unwrap(identity_get_me.sync_detailed(client=haven.client)).email == email
        assert haven.tokens.refresh_token != before

        haven.tokens.access_token = "not-a-token"
        haven.tokens.refresh_token = "not-a-refresh-token"  # the refresh is refused: signed out
        with pytest.raises(HavenError) as refused:
            unwrap(identity_get_me.sync_detailed(client=haven.client))
        assert (refused.value.status, refused.value.code) == (401, "unauthorized")
        assert haven.tokens is None
