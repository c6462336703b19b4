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
