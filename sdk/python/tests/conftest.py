"""Runs the real ``haven serve`` for the tests: free local ports, a fresh SQLite database,
readiness polled on ``/health/live``, stopped with SIGTERM (a clean exit is asserted).

The binary is ``$HAVEN_BIN`` (relative paths against the repository root), default
``<repo>/target/debug/haven``; a missing binary fails the tests, never skips them.
"""

import os
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[3]
POLL_ATTEMPTS = 150
POLL_INTERVAL_S = 0.1


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    binary = (REPO / os.environ.get("HAVEN_BIN", "target/debug/haven")).resolve()
    assert os.access(binary, os.X_OK), f"haven binary not found at {binary}; build it with `cargo build -p haven-app`"
    api_port, admin_port = free_ports(2)
    with tempfile.TemporaryDirectory(prefix="haven-sdk-py-") as work:
        env = {
            **os.environ,
            "HAVEN__SERVER__ADDR": f"127.0.0.1:{api_port}",
            "HAVEN__SERVER__ADMIN_ADDR": f"127.0.0.1:{admin_port}",
            "HAVEN__DATABASE__URL": f"sqlite://{work}/haven.db",
            "HAVEN__SERVER__DRAIN_DELAY_MS": "0",
            "NO_COLOR": "1",
        }
        log = open(Path(work) / "haven.log", "wb")
        server = subprocess.Popen([str(binary), "serve"], cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{api_port}"
        try:
            for attempt in range(POLL_ATTEMPTS):
                assert server.poll() is None, (Path(work) / "haven.log").read_text()[-4000:]
                try:
                    if httpx.get(f"{url}/health/live").status_code == 200:
                        break
                except httpx.TransportError:
                    pass  # Not listening yet.
                time.sleep(POLL_INTERVAL_S)
            else:
                pytest.fail(f"haven did not answer /health/live within {POLL_ATTEMPTS} polls")
            yield url
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                code = server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                code = server.wait()
            log.close()
        assert code == 0, f"haven exited with {code}: {(Path(work) / 'haven.log').read_text()[-4000:]}"
