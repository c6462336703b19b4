#!/usr/bin/env python3
"""Checks that the Grafana dashboard and the Prometheus rules use only metrics haven
exports, and that the dashboard is well formed (every panel queries something, ids are
unique, every alert has a runbook section).

    check_metrics.py            # from the repository root; scripts/deploy-check runs it

A metric "exists" when its name is a string literal in haven's Rust sources (platform/,
domains/, app/) — what `metrics::counter!/gauge!/histogram!` register — or a series every
Prometheus has (`up`). Histograms also have `_bucket`, `_sum` and `_count`.
"""
import glob
import json
import os
import re
import sys

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BUILTIN = {"up"}
HISTOGRAM_SUFFIXES = ("_bucket", "_sum", "_count")
# PromQL functions, keywords and label names that look like identifiers.
NOT_METRICS = {"by", "without", "on", "ignoring", "group_left", "group_right", "and", "or",
               "unless", "bool", "offset", "le", "inf", "nan"}

failures = []
checks = 0


def check(ok, message):
    global checks
    checks += 1
    if not ok:
        failures.append(message)
        print("FAIL " + message)


def exported_metrics():
    names = set()
    histograms = set()
    for path in glob.glob(os.path.join(ROOT, "platform/src/**/*.rs"), recursive=True) + \
            glob.glob(os.path.join(ROOT, "domains/*/src/**/*.rs"), recursive=True) + \
            glob.glob(os.path.join(ROOT, "app/src/**/*.rs"), recursive=True):
        text = open(path).read()
        names.update(re.findall(r'"((?:haven|http_server)_[a-z0-9_]+)"', text))
        histograms.update(re.findall(r'histogram!\(\s*"([a-z0-9_]+)"', text))
    histograms.update(n for n in names if n.endswith("_seconds") and "duration" in n)
    return names, histograms


def metrics_in(expr):
    """Metric names a PromQL expression reads (recording-rule names contain ':')."""
    expr = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)  # label values
    expr = re.sub(r"\{[^}]*\}", "{}", expr)  # label matchers
    expr = re.sub(r"\[[^\]]*\]", "[]", expr)  # ranges
    expr = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", expr)
    found = set()
    for m in re.finditer(r"\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b\s*(\()?", expr):
        name, call = m.group(1), m.group(2)
        if call or name.lower() in NOT_METRICS or re.fullmatch(r"\d.*", name):
            continue
        if name.startswith("$") or name in ("le",):
            continue
        found.add(name)
    return found


def known(name, names, histograms):
    if name in names or name in BUILTIN:
        return True
    for suffix in HISTOGRAM_SUFFIXES:
        if name.endswith(suffix) and name[: -len(suffix)] in histograms:
            return True
    return False


def dashboard(names, histograms):
    path = os.path.join(ROOT, "deploy/grafana/haven.json")
    d = json.load(open(path))
    ids = []
    exprs = 0
    for p in d["panels"]:
        ids.append(p.get("id"))
        check("gridPos" in p, f"dashboard panel {p.get('title')!r} has no gridPos")
        if p["type"] == "row":
            continue
        targets = p.get("targets", [])
        check(targets and all(t.get("expr") for t in targets),
              f"dashboard panel {p.get('title')!r} has no query")
        for t in targets:
            exprs += 1
            for name in metrics_in(t["expr"].replace("$__rate_interval", "5m")):
                check(known(name, names, histograms),
                      f"dashboard panel {p['title']!r} queries {name}, which haven does not export")
    for v in d.get("templating", {}).get("list", []):
        q = v.get("query")
        q = q.get("query") if isinstance(q, dict) else q
        for name in re.findall(r"label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)", q or ""):
            check(known(name, names, histograms), f"dashboard variable {v['name']} reads {name}")
    check(len(ids) == len(set(ids)), "dashboard panel ids are not unique")
    print(f"dashboard: {len(d['panels'])} panels, {exprs} queries")


def rules(names, histograms):
    runbook = open(os.path.join(ROOT, "docs/runbook.md")).read()
    anchors = {re.sub(r"[^a-z0-9 -]", "", h.strip().lower()).replace(" ", "-")
               for h in re.findall(r"^#+ (.+)$", runbook, re.M)}
    count = 0
    for path in glob.glob(os.path.join(ROOT, "deploy/prometheus/*.yml")):
        if path.endswith(".test.yml"):
            continue
        recorded = set()
        doc = yaml.safe_load(open(path))
        if "groups" not in doc:  # the example prometheus.yml
            continue
        for group in doc["groups"]:
            for rule in group["rules"]:
                if "record" in rule:
                    recorded.add(rule["record"])
        for group in doc["groups"]:
            for rule in group["rules"]:
                count += 1
                for name in metrics_in(rule["expr"]):
                    check(known(name, names, histograms) or name in recorded,
                          f"rule {rule.get('alert') or rule.get('record')} reads {name}, which haven does not export")
                if "alert" in rule:
                    url = rule.get("annotations", {}).get("runbook_url", "")
                    anchor = url.split("#", 1)[-1]
                    check(url.startswith("docs/runbook.md#") and anchor in anchors,
                          f"alert {rule['alert']}: runbook_url {url!r} names no section of docs/runbook.md")
    print(f"rules: {count} rules")


def main():
    os.chdir(ROOT)
    names, histograms = exported_metrics()
    dashboard(names, histograms)
    rules(names, histograms)
    print(f"metrics: {checks - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
