"""haven-sdk: the Python client of the Haven API.

``haven_sdk.api_client`` is generated from ``openapi/openapi.json`` (typed models and one
module per operation); :class:`HavenSession` adds sign-in, token refresh and sign-out,
:func:`unwrap` turns problems into :class:`HavenError`, :func:`pages` follows cursors.
"""

from .session import HavenError, HavenSession, Tokens, pages, unwrap

__all__ = ["HavenError", "HavenSession", "Tokens", "pages", "unwrap"]
