#!/usr/bin/env python3
"""Writes deploy/grafana/haven.json, the Grafana dashboard of a haven deployment, from the
panel list below (scripts/deploy-check fails when the committed JSON differs). Add a row
per domain as domains land; use only metrics haven exports (the check greps them).

    deploy/grafana/generate.py            # rewrite haven.json
    deploy/grafana/generate.py --check    # exit 1 if haven.json is stale
"""
import json
import os
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "haven.json")
DS = {"type": "prometheus", "uid": "${datasource}"}
SEL = 'instance=~"$instance"'
RI = "$__rate_interval"

panels = []
_y = 0
_x = 0


def row(title):
    global _y, _x
    if _x:
        _y, _x = _y + 8, 0
    panels.append({"type": "row", "title": title, "collapsed": False,
                   "gridPos": {"h": 1, "w": 24, "x": 0, "y": _y}, "panels": []})
    _y += 1


def panel(title, exprs, unit="short", kind="timeseries", width=8, description="", stack=False):
    """A panel of [(legend, expr)] queries, laid out left to right, 8 high."""
    global _y, _x
    if _x + width > 24:
        _y, _x = _y + 8, 0
    p = {
        "type": kind,
        "title": title,
        "description": description,
        "datasource": DS,
        "gridPos": {"h": 8, "w": width, "x": _x, "y": _y},
        "targets": [{"refId": chr(ord("A") + i), "datasource": DS, "expr": expr,
                     "legendFormat": legend, "range": True}
                    for i, (legend, expr) in enumerate(exprs)],
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "options": {},
    }
    if kind == "timeseries":
        p["fieldConfig"]["defaults"]["custom"] = {
            "drawStyle": "line", "lineWidth": 1, "fillOpacity": 10 if stack else 0,
            "stacking": {"mode": "normal" if stack else "none", "group": "A"}}
        p["options"] = {"legend": {"displayMode": "table", "placement": "bottom",
                                   "calcs": ["mean", "max", "lastNotNull"]},
                        "tooltip": {"mode": "multi", "sort": "desc"}}
    if kind == "stat":
        p["options"] = {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                        "colorMode": "value", "graphMode": "area", "textMode": "auto"}
    if kind == "table":
        for t in p["targets"]:
            t.update(instant=True, range=False, format="table")
    panels.append(p)
    _x += width


def rate(metric, extra="", by=""):
    sel = SEL + ("," + extra if extra else "")
    agg = f"sum by ({by}) " if by else "sum "
    return f"{agg}(rate({metric}{{{sel}}}[{RI}]))"


def quantile(q, by):
    return (f"histogram_quantile({q}, sum by (le, {by}) (rate(http_server_request_duration_seconds_bucket"
            f"{{{SEL}}}[{RI}])))")


# -- Overview ----------------------------------------------------------------------------
row("Overview")
panel("Ready nodes", [("ready", f"sum(haven_ready{{{SEL}}})")], kind="stat", width=4,
      description="Nodes whose /health/ready passes (not draining, database reachable, migrations current).")
panel("Requests/s", [("rps", rate("http_server_requests_total"))], unit="reqps", kind="stat", width=4)
ALL_REQUESTS = rate("http_server_requests_total")
ERRORS = rate("http_server_requests_total", 'status=~"5.."')
panel("5xx ratio", [("5xx", f"{ERRORS} / {ALL_REQUESTS}")], unit="percentunit", kind="stat", width=4,
      description="Alert HavenHighErrorRatio above 2 % for 5 min (docs/runbook.md).")
panel("p99 latency", [("p99", f"histogram_quantile(0.99, sum by (le) (rate("
                       f"http_server_request_duration_seconds_bucket{{{SEL}}}[{RI}])))")],
      unit="s", kind="stat", width=4)
panel("Running versions", [("", "count by (version, commit) (haven_build_info)")], kind="table", width=8,
      description="Nodes per version and commit: two rows during a rollout.")

# -- RED per route -------------------------------------------------------------------------
row("HTTP: rate, errors, duration per route")
panel("Requests/s by route", [("{{method}} {{route}}", rate("http_server_requests_total", by="method, route"))],
      unit="reqps", stack=True)
panel("5xx/s by route and status",
      [("{{route}} {{status}}", rate("http_server_requests_total", 'status=~"5.."', by="route, status"))],
      unit="reqps", description="503 = overload or database away (with Retry-After); 500 = a bug, see logs by request id.")
panel("4xx/s by route and status",
      [("{{route}} {{status}}", rate("http_server_requests_total", 'status=~"4.."', by="route, status"))],
      unit="reqps", description="429 rate limited, 401 unauthenticated, 409/422 client conflicts.")
panel("p50 latency by route", [("{{route}}", quantile(0.5, "route"))], unit="s")
panel("p99 latency by route", [("{{route}}", quantile(0.99, "route"))], unit="s",
      description="Logins and registrations include an argon2id hash (tens of ms, queued on the hashing pool).")
panel("Requests/s by node", [("{{instance}}", rate("http_server_requests_total", by="instance"))],
      unit="reqps", description="An uneven split means the load balancer lost a node or a node is slow.")

# -- Database pool -------------------------------------------------------------------------
row("Database pool")
panel("Connections in use", [("{{instance}} {{pool}}",
                              f"haven_db_pool_size{{{SEL}}} - haven_db_pool_idle{{{SEL}}}")],
      description="Open minus idle connections per node and pool; the ceiling is database.pool_max.")
panel("Callers waiting for a connection", [("{{instance}} {{pool}}", f"haven_db_pool_waiting{{{SEL}}}")],
      description="Sustained waits: pool exhausted (alert HavenDbPoolExhausted); past "
                  "database.acquire_timeout_ms they get 503.")
panel("Open connections", [("{{instance}} {{pool}}", f"haven_db_pool_size{{{SEL}}}")],
      description="Sum over nodes × 2 pools (primary, replica) must stay under PostgreSQL's max_connections.")

# -- Jobs and outbox -----------------------------------------------------------------------
row("Jobs and outbox")
panel("Job queue depth by kind", [("{{kind}} {{state}}", f"max by (kind, state) (haven_jobs_queue_depth{{{SEL}}})")],
      description="Due pending and running jobs (every node reports the same rows; max across nodes).")
panel("Oldest due job waiting", [("{{kind}}", f"max by (kind) (haven_jobs_queue_age_seconds{{{SEL}}})")],
      unit="s", description="How long the oldest due job of each kind has waited to start.")
panel("Jobs/s by outcome", [
    ("completed {{kind}}", rate("haven_jobs_completed_total", by="kind")),
    ("retried {{kind}}", rate("haven_jobs_retried_total", by="kind")),
    ("dead {{kind}}", rate("haven_jobs_dead_total", by="kind"))], unit="ops")
panel("Dead letters (last hour)", [
    ("jobs {{kind}}", f"sum by (kind) (increase(haven_jobs_dead_total{{{SEL}}}[1h]))"),
    ("outbox deliveries", f"sum(increase(haven_outbox_dead_total{{{SEL}}}[1h]))")],
      description="Alert HavenDeadLetters; rerun a dead job by setting it back to pending (docs/runbook.md).")
panel("Outbox backlog", [("pending", f"max(haven_outbox_pending{{{SEL}}})")],
      description="Events not yet fanned out plus deliveries not yet done.")
panel("Outbox lag", [("lag", f"max(haven_outbox_lag_seconds{{{SEL}}})")], unit="s",
      description="Age of the oldest undelivered event; alert HavenOutboxLag above 5 min.")

# -- Rate limits ---------------------------------------------------------------------------
row("Rate limits")
panel("Rejections/s by policy", [("{{policy}}", rate("haven_rate_limit_decisions_total", 'outcome="limited"', "policy"))],
      unit="reqps")
panel("Decisions/s by policy", [("{{policy}} {{outcome}}", rate("haven_rate_limit_decisions_total", by="policy, outcome"))],
      unit="reqps")
panel("Backend failures/s", [("{{backend}}", rate("haven_rate_limit_backend_errors_total", by="backend"))],
      unit="ops", description="redis: Redis down, writes counted in PostgreSQL (alert HavenRateLimitBackendFailing).")

# -- Identity ------------------------------------------------------------------------------
row("Identity")
panel("Logins/s", [
    ("succeeded", rate("haven_identity_security_events_total", 'kind="login_succeeded"')),
    ("failed", rate("haven_identity_security_events_total", 'kind="login_failed"')),
    ("refused while locked", rate("haven_identity_security_events_total", 'kind="login_locked"'))],
      unit="ops")
panel("Security events/s by kind", [("{{kind}}", rate("haven_identity_security_events_total", by="kind"))],
      unit="ops", stack=True)
panel("Lockouts and token reuse (last hour)", [
    ("{{kind}}", 'sum by (kind) (increase(haven_identity_security_events_total{' + SEL +
     ',kind=~"account_locked|refresh_token_reused|mfa_failed"}[1h]))')],
      description="A jump in account_locked or mfa_failed: credential stuffing (alert HavenLoginFailureSpike).")
panel("Idempotency", [
    ("replays", rate("haven_idempotency_replays_total")),
    ("conflicts {{code}}", rate("haven_idempotency_conflicts_total", by="code")),
    ("takeovers from dead nodes", rate("haven_idempotency_takeovers_total"))], unit="ops")
panel("Email", [("sent", rate("haven_mail_sent_total")), ("logged (no SMTP)", rate("haven_mail_logged_total"))],
      unit="ops", description="logged > 0 in production: email.smtp_url is missing.")

dashboard = {
    "uid": "haven-overview",
    "title": "Haven",
    "description": "RED per route, database pool, jobs and outbox, rate limits, identity. "
                   "Generated by deploy/grafana/generate.py.",
    "tags": ["haven"],
    "timezone": "utc",
    "schemaVersion": 39,
    "version": 1,
    "editable": True,
    "refresh": "30s",
    "time": {"from": "now-6h", "to": "now"},
    "templating": {"list": [
        {"name": "datasource", "type": "datasource", "query": "prometheus", "label": "Prometheus"},
        {"name": "instance", "type": "query", "datasource": DS, "label": "Node",
         "query": {"query": "label_values(haven_build_info, instance)", "refId": "instance"},
         "definition": "label_values(haven_build_info, instance)",
         "includeAll": True, "multi": True, "allValue": ".*", "refresh": 2,
         "current": {"text": "All", "value": "$__all"}},
    ]},
    "annotations": {"list": []},
    "links": [],
    "panels": [],
}
for i, p in enumerate(panels, start=1):
    p["id"] = i
dashboard["panels"] = panels
text = json.dumps(dashboard, indent=2, ensure_ascii=False) + "\n"

if "--check" in sys.argv:
    current = open(OUT).read() if os.path.exists(OUT) else ""
    if current != text:
        print("deploy/grafana/haven.json is stale: run deploy/grafana/generate.py")
        sys.exit(1)
    print("deploy/grafana/haven.json is up to date")
else:
    with open(OUT, "w") as f:
        f.write(text)
    print(f"wrote {OUT} ({len(panels)} panels)")
