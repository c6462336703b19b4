#!/usr/bin/env python3
"""Policy checks of rendered Kubernetes manifests that no schema states: the rules of
deploy/kubernetes/ (probes on the admin listener, shutdown timing consistent with
haven.toml, hardening, sizing, the migration Job). Schema validation is
kubernetes-validate's job (scripts/deploy-check runs both).

    check_kubernetes.py RENDERED.yaml SECRET_EXAMPLE.yaml

Prints one line per check ("ok …" / "FAIL …") and "kubernetes: N passed, N failed".
"""

import math
import sys
import tomllib

import yaml

results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else f": {detail}"))


def port_of(addr):
    return int(addr.rsplit(":", 1)[1])


def named_port(container, name):
    for p in container.get("ports", []):
        if p.get("name") == name:
            return p["containerPort"]
    return None


def hardened(where, pod_spec, container):
    pod_sc = pod_spec.get("securityContext", {})
    sc = container.get("securityContext", {})
    non_root = sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot"))
    uid = sc.get("runAsUser", pod_sc.get("runAsUser"))
    check(f"{where}: runs as non-root", non_root is True and uid not in (None, 0), f"{non_root=} {uid=}")
    check(f"{where}: no privilege escalation", sc.get("allowPrivilegeEscalation") is False)
    check(f"{where}: read-only root filesystem", sc.get("readOnlyRootFilesystem") is True)
    check(f"{where}: drops all capabilities", sc.get("capabilities", {}).get("drop") == ["ALL"])
    check(f"{where}: not privileged", sc.get("privileged") is not True)
    seccomp = sc.get("seccompProfile", pod_sc.get("seccompProfile", {})).get("type")
    check(f"{where}: seccomp RuntimeDefault", seccomp == "RuntimeDefault", str(seccomp))
    res = container.get("resources", {})
    for kind in ("requests", "limits"):
        for r in ("cpu", "memory"):
            check(f"{where}: {kind}.{r} set", r in res.get(kind, {}))


def config_of(docs, pod_spec, container):
    """The haven.toml a container reads (--config FILE from a ConfigMap volume)."""
    args = container.get("args", [])
    path = args[args.index("--config") + 1] if "--config" in args else None
    if path is None:
        return None
    for mount in container.get("volumeMounts", []):
        if path.startswith(mount["mountPath"].rstrip("/") + "/"):
            vol = next(v for v in pod_spec["volumes"] if v["name"] == mount["name"])
            cm_name = vol.get("configMap", {}).get("name")
            key = path[len(mount["mountPath"].rstrip("/")) + 1 :]
            for d in docs:
                if d["kind"] == "ConfigMap" and d["metadata"]["name"] == cm_name:
                    return tomllib.loads(d["data"][key])
    return None


def secret_keys(container):
    keys = []
    for env in container.get("env", []):
        ref = env.get("valueFrom", {}).get("secretKeyRef")
        if ref:
            keys.append((ref["name"], ref["key"]))
    return keys


def main(rendered, secret_example):
    docs = [d for d in yaml.safe_load_all(open(rendered)) if d]
    example = yaml.safe_load(open(secret_example))
    example_keys = {(example["metadata"]["name"], k) for k in example.get("stringData", {})}
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)

    deployments = by_kind.get("Deployment", [])
    check("one Deployment", len(deployments) == 1, str(len(deployments)))
    dep = deployments[0]
    spec = dep["spec"]
    pod = spec["template"]["spec"]
    check("Deployment: 3 replicas", spec.get("replicas") == 3, str(spec.get("replicas")))
    rolling = spec.get("strategy", {}).get("rollingUpdate", {})
    check("Deployment: rolling update keeps every pod until its successor is ready",
          rolling.get("maxUnavailable") == 0, str(rolling))
    (container,) = [c for c in pod["containers"] if c["name"] == "haven"]
    check("haven container runs `serve`", container.get("args", [None])[0] == "serve")
    hardened("haven container", pod, container)
    check("service account token not mounted", pod.get("automountServiceAccountToken") is False)

    cfg = config_of(docs, pod, container)
    check("haven container reads haven.toml from a ConfigMap", cfg is not None)
    cfg = cfg or {}
    server = cfg.get("server", {})
    admin_port = port_of(server.get("admin_addr", "127.0.0.1:9090"))
    api_port = port_of(server.get("addr", "127.0.0.1:8080"))
    check("server.admin_addr listens on all interfaces", server.get("admin_addr", "").startswith("0.0.0.0:"))
    check("server.addr listens on all interfaces", server.get("addr", "").startswith("0.0.0.0:"))
    check("port `admin` is server.admin_addr's", named_port(container, "admin") == admin_port)
    check("port `http` is server.addr's", named_port(container, "http") == api_port)
    for probe, path in (("readinessProbe", "/health/ready"), ("livenessProbe", "/health/live"),
                        ("startupProbe", "/health/live")):
        get = container.get(probe, {}).get("httpGet", {})
        check(f"{probe} on the admin listener at {path}",
              get.get("path") == path and get.get("port") in ("admin", admin_port), str(get))
    check("database.migrate_on_start = false (the Job migrates)",
          cfg.get("database", {}).get("migrate_on_start") is False)

    # Shutdown: SIGTERM after any preStop sleep, then drain_delay, then up to
    # shutdown_grace for in-flight requests; all inside terminationGracePeriodSeconds.
    drain = server.get("drain_delay_ms", 5000) / 1000
    grace = server.get("shutdown_grace_ms", 20000) / 1000
    pre_stop = container.get("lifecycle", {}).get("preStop", {})
    pre_stop_s = pre_stop.get("sleep", {}).get("seconds", 0)
    check("preStop, if any, is a sleep action (its seconds count toward the grace period)",
          not pre_stop or "sleep" in pre_stop)
    tgp = pod.get("terminationGracePeriodSeconds", 30)
    needed = math.ceil(pre_stop_s + drain + grace) + 2
    check(f"terminationGracePeriodSeconds {tgp} ≥ preStop {pre_stop_s} s + drain {drain} s + "
          f"grace {grace} s + 2 s", tgp >= needed, f"needs {needed}")
    ready = container.get("readinessProbe", {})
    tolerance = ready.get("periodSeconds", 10) * ready.get("failureThreshold", 3)
    check(f"readiness tolerates a database blip ({tolerance} s ≥ 10 s)", tolerance >= 10)

    for name, key in secret_keys(container):
        check(f"secret key {name}/{key} is in secret.example.yaml", (name, key) in example_keys)
    env_names = {e["name"] for e in container.get("env", [])}
    tunables = next((e.get("value", "") for e in container.get("env", []) if e["name"] == "GLIBC_TUNABLES"), "")
    check("GLIBC_TUNABLES fixes the mmap threshold (bounded RSS after logins)",
          "glibc.malloc.mmap_threshold=" in tunables, tunables)
    media = cfg.get("content", {}).get("media", {})
    check("content.media is a shared bucket (replicas, read-only root)", media.get("backend") == "s3")
    for required in ("HAVEN__DATABASE__URL", "HAVEN__AUTH__SIGNING_KEY_PEM",
                     "HAVEN__AUTH__MFA_ENCRYPTION_KEY", "HAVEN__CONTENT__MEDIA__SIGNING_KEYS",
                     "HAVEN__CARE__NOTES__MASTER_KEYS"):
        check(f"{required} comes from a Secret", required in env_names)

    jobs = by_kind.get("Job", [])
    check("one migration Job", len(jobs) == 1)
    job_pod = jobs[0]["spec"]["template"]["spec"]
    (migrate,) = job_pod["containers"]
    check("Job runs `haven migrate`", migrate.get("args", [None])[0] == "migrate")
    check("Job uses the Deployment's image", migrate["image"] == container["image"])
    check("Job reads the same haven.toml", config_of(docs, job_pod, migrate) == cfg)
    check("Job does not retry forever", jobs[0]["spec"].get("backoffLimit", 6) <= 3)
    hardened("migrate container", job_pod, migrate)

    labels = spec["template"]["metadata"]["labels"]

    def selects(selector):
        return all(labels.get(k) == v for k, v in selector.items())

    (svc,) = by_kind.get("Service", [None])
    check("Service selects the pods", svc is not None and selects(svc["spec"]["selector"]))
    check("Service routes `http`", any(p.get("targetPort") == "http" for p in svc["spec"]["ports"]))
    (pdb,) = by_kind.get("PodDisruptionBudget", [None])
    check("PodDisruptionBudget selects the pods",
          pdb is not None and selects(pdb["spec"]["selector"]["matchLabels"]))
    check("PodDisruptionBudget keeps all but one", pdb["spec"].get("maxUnavailable") == 1)
    (hpa,) = by_kind.get("HorizontalPodAutoscaler", [None])
    check("HPA scales the Deployment",
          hpa["spec"]["scaleTargetRef"]["name"] == dep["metadata"]["name"])
    check("HPA keeps at least 3 replicas", hpa["spec"]["minReplicas"] >= 3)

    passed = sum(results)
    print(f"kubernetes: {passed} passed, {len(results) - passed} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
