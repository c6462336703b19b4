"""Schemathesis hooks of scripts/api-fuzz: the allow-list of scripts/api-fuzz-allow.toml.

`positive_data_acceptance` runs unchanged, except that a schema-valid request refused
only for a rule listed in the allow-list (one no JSON Schema can express, e.g. an IANA
time-zone name that must exist) passes: the refusal must be a problem whose `code`, or
every one of whose field errors (`errors[].field` + `errors[].code`), is listed for that
operation. Any other refusal fails as usual. scripts/api-fuzz runs this check in place
of the built-in one (`--exclude-checks positive_data_acceptance`).
"""

import json
import os
import re
import tomllib

import schemathesis
from hypothesis import strategies as st
from schemathesis.specs.openapi.checks import positive_data_acceptance

_ALLOW_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "api-fuzz-allow.toml")
with open(_ALLOW_FILE, "rb") as f:
    _ALLOW = tomllib.load(f)["allow"]
for entry in _ALLOW:
    if not entry.get("reason"):
        raise ValueError(f"{_ALLOW_FILE}: every entry needs a reason: {entry}")


def _listed(operation_id, status, body):
    entries = [
        e
        for e in _ALLOW
        if e["operation"] in (operation_id, "*") and e["status"] == status
    ]
    if any(e.get("problem") == body.get("code") for e in entries):
        return True
    errors = body.get("errors") or []
    return bool(errors) and all(
        any(_field_matches(e.get("field"), err.get("field")) and e.get("code") == err.get("code") for e in entries)
        for err in errors
    )


def _field_matches(listed, field):
    """`texts[].locale` in the allow-list stands for that field at any index."""
    if listed is None or field is None:
        return False
    return listed == field or listed == re.sub(r"\[\d+\]", "[]", field)


@schemathesis.check
def positive_data_acceptance_allowlisted(ctx, response, case):
    """`positive_data_acceptance`, less the refusals listed in api-fuzz-allow.toml."""
    try:
        return positive_data_acceptance(ctx, response, case)
    except AssertionError:
        try:
            body = json.loads(response.content)
        except ValueError:
            raise
        operation_id = case.operation.definition.raw.get("operationId", "")
        if isinstance(body, dict) and _listed(operation_id, response.status_code, body):
            return None
        raise


# Audio uploads: schemathesis cannot generate these bodies itself; each strategy sends the
# smallest file whose magic bytes the server recognizes, so the upload path is exercised.
_AUDIO = {
    "audio/wav": b"RIFF$\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00@\x1f\x00\x00\x80>\x00\x00\x02\x00\x10\x00data\x00\x00\x00\x00",
    "audio/mpeg": b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\x00" * 32,
    "audio/ogg": b"OggS\x00\x02" + b"\x00" * 32,
    "audio/flac": b"fLaC\x00\x00\x00\x22" + b"\x00" * 34,
    "audio/mp4": b"\x00\x00\x00\x18ftypM4A \x00\x00\x00\x00M4A isom" + b"\x00" * 16,
}
for _media_type, _body in _AUDIO.items():
    schemathesis.openapi.media_type(_media_type, st.just(_body))
