"""The drills' harness: real `haven serve` processes on one PostgreSQL (+ Redis) behind
nginx, a bounded load generator, and the checks' bookkeeping. Standard library only.

Every drill uses its own database (`haven_drill_<name>_<pid>`, dropped at the end), free
ports on 127.0.0.1 and a temporary directory (kept, with every log, when the drill fails
or DRILL_KEEP=1). Settings (environment):

  HAVEN_BIN      the haven binary (default: $CARGO_TARGET_DIR/debug/haven, else target/…)
  DRILL_PG_URL   admin URL of PostgreSQL (postgres://postgres@127.0.0.1:5432/postgres)
  DRILL_REDIS    host:port of Redis (127.0.0.1:6379)
  DRILL_KEEP     1: keep the temporary directory
"""

import base64
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PG_ADMIN_URL = os.environ.get("DRILL_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("DRILL_REDIS", "127.0.0.1:6379")
PASSWORD = "drill password for haven"


def haven_bin():
    if os.environ.get("HAVEN_BIN"):
        return os.environ["HAVEN_BIN"]
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "debug", "haven")


def log(msg):
    print(f"[drill {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def db_url(name):
    parts = urllib.parse.urlsplit(PG_ADMIN_URL)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def psql(sql, db=None, check=True):
    """Runs SQL with psql (unaligned, tuples only) and returns stdout."""
    url = db_url(db) if db else PG_ADMIN_URL
    out = subprocess.run(
        ["psql", url, "-v", "ON_ERROR_STOP=1", "-qAtc", sql],
        capture_output=True, text=True, env={**os.environ, "PGCONNECT_TIMEOUT": "3"})
    if check and out.returncode != 0:
        raise RuntimeError(f"psql failed: {out.stderr.strip()}")
    return out.stdout.strip()


def pg_up():
    return subprocess.run(["pg_isready", "-q", "-d", PG_ADMIN_URL]).returncode == 0


def wait_for(what, probe, timeout, every=0.05):
    """Polls `probe` until it returns a truthy value; fails the drill after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise DrillError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(every)


class DrillError(Exception):
    """A broken precondition (not a violation): the drill could not run."""


def request(port, method, path, body=None, headers=None, timeout=5.0):
    """One request on a fresh connection: (status, headers dict lower-cased, body bytes)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = json.dumps(body).encode() if body is not None else None
        hdrs = {"content-type": "application/json"} if data is not None else {}
        hdrs.update(headers or {})
        conn.request(method, path, body=data, headers=hdrs)
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


@dataclass
class Node:
    name: str
    port: int
    admin_port: int
    proc: subprocess.Popen = None
    log_path: str = ""

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def ready(self):
        try:
            return request(self.admin_port, "GET", "/health/ready", timeout=1)[0] == 200
        except OSError:
            return False

    def metric(self, name, labels=""):
        """Sum of a metric's samples whose label set contains `labels` (e.g. 'backend="redis"')."""
        _, _, body = request(self.admin_port, "GET", "/metrics", timeout=2)
        total = 0.0
        for line in body.decode().splitlines():
            if line.startswith(name) and labels in line and not line.startswith("#"):
                head = line.rsplit(" ", 1)
                if head[0].split("{")[0] == name:
                    total += float(head[1])
        return total


class Cluster:
    """N haven nodes on a fresh database behind nginx. Use as a context manager."""

    def __init__(self, verdict, nodes=3, settings="", drain_delay_ms=3000):
        self.verdict = verdict
        name = self.name = verdict.name
        self.db = f"haven_drill_{name.replace('-', '_')}_{os.getpid()}"
        self.extra_dbs = []
        self.work = tempfile.mkdtemp(prefix=f"haven-drill-{name}-")
        os.chmod(self.work, 0o755)  # nginx workers run as nobody
        self.nodes = [Node(f"node{i + 1}", free_port(), free_port()) for i in range(nodes)]
        self.lb_port = free_port()
        self.nginx = None
        self.failed = False
        self.bin = haven_bin()
        self.drain_delay_ms = drain_delay_ms
        self.settings = settings

    # -- lifecycle ---------------------------------------------------------------------
    def __enter__(self):
        if not os.access(self.bin, os.X_OK):
            raise DrillError(f"no haven binary at {self.bin} (cargo build -p haven-app, or HAVEN_BIN)")
        for tool in ("nginx", "psql", "pg_isready", "openssl"):
            if not shutil.which(tool):
                raise DrillError(f"{tool} is missing (apt-get install -y nginx postgresql-client openssl)")
        if not pg_up():
            raise DrillError(f"PostgreSQL is not reachable at {PG_ADMIN_URL}")
        psql(f'DROP DATABASE IF EXISTS "{self.db}" WITH (FORCE)')
        psql(f'CREATE DATABASE "{self.db}"')
        self._write_config()
        self.migrate(self.db)
        for node in self.nodes:
            self.start(node)
        for node in self.nodes:
            wait_for(f"{node.name} ready", node.ready, 60)
        self._start_nginx()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.failed = self.failed or exc_type is not None or bool(self.verdict.violations)
        for node in self.nodes:
            self.stop(node, graceful=False)
        if self.nginx and self.nginx.poll() is None:
            self.nginx.terminate()
            try:
                self.nginx.wait(5)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
        for db in [self.db, *self.extra_dbs]:
            if pg_up():
                psql(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)', check=False)
        if self.failed or os.environ.get("DRILL_KEEP") == "1":
            log(f"logs kept in {self.work}")
        else:
            shutil.rmtree(self.work, ignore_errors=True)
        return False

    def _write_config(self):
        key = subprocess.run(["openssl", "genpkey", "-algorithm", "ed25519"],
                             capture_output=True, text=True, check=True).stdout
        mfa = base64.b64encode(os.urandom(32)).decode()
        media_key = base64.b64encode(os.urandom(32)).decode()
        # The drills' haven.toml: what deploy/kubernetes puts in the ConfigMap and the
        # Secret, with loopback addresses (each node's own come from the environment).
        self.config = os.path.join(self.work, "haven.toml")
        with open(self.config, "w") as f:
            f.write(f"""[server]
drain_delay_ms = {self.drain_delay_ms}
shutdown_grace_ms = 10000
trusted_proxies = ["127.0.0.1"]

[database]
pool_max = 4
migrate_on_start = false

[telemetry]
format = "json"
level = "info"

[auth]
signing_key_id = "drill"
signing_key_pem = '''{key}'''
mfa_encryption_key = "{mfa}"

# As in deploy/kubernetes: media in a shared bucket (never touched by the drills, so no
# server answers at this endpoint), one URL signing key for every node.
[content.media]
backend = "s3"
s3_bucket = "haven-drill"
s3_endpoint = "http://127.0.0.1:9"
s3_allow_http = true
signing_keys = [{{ id = "drill", secret = "{media_key}" }}]
{self.settings}
""")

    def env(self, node, db):
        return {**os.environ,
                "HAVEN__SERVER__ADDR": f"127.0.0.1:{node.port}",
                "HAVEN__SERVER__ADMIN_ADDR": f"127.0.0.1:{node.admin_port}",
                "HAVEN__DATABASE__URL": db_url(db)}

    def migrate(self, db):
        out = subprocess.run([self.bin, "migrate", "--config", self.config],
                             env={**os.environ, "HAVEN__DATABASE__URL": db_url(db)},
                             capture_output=True, text=True)
        if out.returncode != 0:
            raise DrillError(f"haven migrate failed: {out.stderr.strip()[-2000:]}")

    def start(self, node, db=None):
        node.log_path = os.path.join(self.work, f"{node.name}.log")
        logf = open(node.log_path, "ab")
        node.proc = subprocess.Popen([self.bin, "serve", "--config", self.config],
                                     env=self.env(node, db or self.db),
                                     stdout=logf, stderr=subprocess.STDOUT)
        logf.close()

    def stop(self, node, graceful=True, timeout=30):
        """SIGTERM (and wait for a clean exit) or SIGKILL; returns the exit status."""
        if not node.alive():
            return node.proc.returncode if node.proc else None
        node.proc.send_signal(signal.SIGTERM if graceful else signal.SIGKILL)
        try:
            return node.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            node.proc.kill()
            node.proc.wait()
            raise DrillError(f"{node.name} did not exit {timeout} s after SIGTERM")

    # -- nginx -------------------------------------------------------------------------
    def _nginx_args(self):
        return ["nginx", "-p", self.work, "-c", os.path.join(self.work, "nginx.conf"),
                "-e", os.path.join(self.work, "nginx-error.log")]

    def _start_nginx(self):
        self.set_upstreams(self.nodes, reload=False)
        for d in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            os.makedirs(os.path.join(self.work, "tmp", d), exist_ok=True)
        user = "user nobody nogroup;" if os.geteuid() == 0 else ""
        with open(os.path.join(self.work, "nginx.conf"), "w") as f:
            f.write(f"""{user}
worker_processes 1;
pid {self.work}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
  access_log {self.work}/nginx-access.log;
  client_body_temp_path {self.work}/tmp/client_body;
  proxy_temp_path {self.work}/tmp/proxy;
  fastcgi_temp_path {self.work}/tmp/fastcgi;
  uwsgi_temp_path {self.work}/tmp/uwsgi;
  scgi_temp_path {self.work}/tmp/scgi;
  include {self.work}/upstreams.conf;
  server {{
    listen 127.0.0.1:{self.lb_port};
    location / {{
      proxy_pass http://haven;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Request-Id $request_id;
      # A connection refused (a stopped node) goes to the next node; a request already
      # sent is never resent (not idempotent in general): the client sees 502 and
      # retries with its Idempotency-Key.
      proxy_next_upstream error timeout;
      proxy_connect_timeout 1s;
      proxy_read_timeout 35s;
      add_header X-Upstream $upstream_addr always;
    }}
  }}
}}
""")
        self.nginx = subprocess.Popen(self._nginx_args() + ["-g", "daemon off;"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_for("nginx", lambda: self._lb_answers(), 10)

    def _lb_answers(self):
        try:
            return request(self.lb_port, "GET", "/v1/meta", timeout=1)[0] == 200
        except OSError:
            return False

    def set_upstreams(self, nodes, reload=True):
        """What a Service's endpoints do: route to these nodes only (others `down`)."""
        live = {n.name for n in nodes}
        lines = [f"  server 127.0.0.1:{n.port} max_fails=1 fail_timeout=1s{'' if n.name in live else ' down'};"
                 for n in self.nodes]
        with open(os.path.join(self.work, "upstreams.conf"), "w") as f:
            f.write("upstream haven {\n" + "\n".join(lines) + "\n}\n")
        if reload:
            subprocess.run(self._nginx_args() + ["-s", "reload"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # nginx starts new workers on reload; give them a moment before relying on it.
            time.sleep(0.3)

    def node_of(self, upstream):
        """The node an X-Upstream value names (the last try when nginx retried)."""
        port = int(upstream.split(",")[-1].strip().rsplit(":", 1)[1]) if upstream else 0
        return next((n for n in self.nodes if n.port == port), None)

    # -- accounts ----------------------------------------------------------------------
    def register(self, email, key=None, port=None):
        headers = {"idempotency-key": key} if key else {}
        return request(port or self.lb_port, "POST", "/v1/identity/register",
                       {"email": email, "password": PASSWORD}, headers, timeout=30)

    def token(self, email):
        status, _, body = self.register(email)
        if status != 201:
            raise DrillError(f"register {email}: {status} {body[:200]!r}")
        status, _, body = request(self.lb_port, "POST", "/v1/identity/login",
                                  {"email": email, "password": PASSWORD}, timeout=30)
        if status != 200:
            raise DrillError(f"login {email}: {status} {body[:200]!r}")
        return json.loads(body)["access_token"]


@dataclass
class Result:
    """One request of the load generator."""
    start: float
    end: float
    name: str
    status: int  # 0: no HTTP answer (connection error or timeout)
    retry_after: str = None
    upstream: str = None
    code: str = None
    error: str = None


@dataclass
class Load:
    """Bounded load: `workers` threads, each sending `mix()` requests on fresh connections
    until stopped, at most `duration` seconds and `max_requests` requests."""
    port: int
    mix: object  # () -> (name, method, path, body, headers)
    workers: int = 6
    duration: float = 120.0
    max_requests: int = 200_000
    results: list = field(default_factory=list)

    def __post_init__(self):
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = []

    def _worker(self):
        deadline = time.monotonic() + self.duration
        while not self._stop.is_set() and time.monotonic() < deadline:
            with self._lock:
                if len(self.results) >= self.max_requests:
                    return
            name, method, path, body, headers = self.mix()
            start = time.monotonic()
            try:
                status, hdrs, raw = request(self.port, method, path, body, headers, timeout=35)
                code = None
                if status >= 400 and hdrs.get("content-type", "").startswith("application/problem+json"):
                    code = json.loads(raw).get("code")
                r = Result(start, time.monotonic(), name, status, hdrs.get("retry-after"),
                           hdrs.get("x-upstream"), code)
            except (OSError, http.client.HTTPException) as e:
                r = Result(start, time.monotonic(), name, 0, error=type(e).__name__)
            with self._lock:
                self.results.append(r)

    def __enter__(self):
        for _ in range(self.workers):
            t = threading.Thread(target=self._worker, daemon=True)
            t.start()
            self._threads.append(t)
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for t in self._threads:
            t.join(40)
        return False

    def wait_requests(self, n, timeout=60):
        wait_for(f"{n} requests", lambda: len(self.results) >= n, timeout)

    def summary(self):
        by = {}
        for r in self.results:
            by[r.status] = by.get(r.status, 0) + 1
        return ", ".join(f"{k or 'no answer'}: {v}" for k, v in sorted(by.items()))


class Verdict:
    """Collects the drill's figures and violations; `finish` prints them and exits."""

    def __init__(self, name):
        self.name = name
        self.violations = []
        self.started = time.monotonic()

    def figure(self, label, value):
        print(f"  {label}: {value}", flush=True)

    def require(self, ok, violation):
        if not ok:
            self.violations.append(violation)
            print(f"  VIOLATION: {violation}", flush=True)
        return ok

    def finish(self):
        took = time.monotonic() - self.started
        if self.violations:
            print(f"drill {self.name}: FAILED ({len(self.violations)} violation(s), {took:.0f} s)")
            sys.exit(1)
        print(f"drill {self.name}: PASSED ({took:.0f} s)")
        sys.exit(0)


def run(name, body):
    """Runs `body(verdict)`; a DrillError (could not run) exits 2, a crash exits 3."""
    verdict = Verdict(name)
    print(f"== drill {name}", flush=True)

    def on_signal(signum, _frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, on_signal)
    try:
        body(verdict)
    except DrillError as e:
        print(f"drill {name}: COULD NOT RUN: {e}")
        sys.exit(2)
    verdict.finish()


def pick(weighted):
    """A random item of [(weight, item)]."""
    total = sum(w for w, _ in weighted)
    x = random.uniform(0, total)
    for w, item in weighted:
        x -= w
        if x <= 0:
            return item
    return weighted[-1][1]
