"""A real `redis-server` that a test starts, stops and restarts on its own port (6390-6399), so a
Redis outage can be reproduced without touching the Redis other tests and processes share."""

import os
import shutil
import socket
import subprocess
import time

import redis

PORTS = range(6390, 6400)
REDIS_SERVER = shutil.which("redis-server")
# CI has redis-server (.ci/run) and sets CI_REQUIRE_REDIS=1: there a missing server is a failure.
REQUIRED = os.environ.get("CI_REQUIRE_REDIS") == "1"


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            # A port this test's earlier Redis used may still hold closed connections (TIME_WAIT);
            # redis-server binds with SO_REUSEADDR, so the probe does too. A live listener still fails.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS.start}-{PORTS.stop - 1} for a test Redis")


class RedisServer:
    def __init__(self, workdir):
        self.port = _free_port()
        self.workdir = workdir
        self.process = None

    def url(self, db: int) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--dir", str(self.workdir),
            ],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        for _ in range(100):
            try:
                if client.ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
