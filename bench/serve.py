"""The parts of the benchmark that need their own processes: export memory and gunicorn load."""

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

BIN = Path(sys.executable).parent
LOAD_SECONDS = 5.0
# Each page is requested this long before it is timed: each worker's first requests compile its
# templates and statements, a start-up cost that would otherwise count as throughput.
WARM_UP_SECONDS = 1.0
LOAD_CLIENTS = 4

# Runs in a fresh interpreter so that its peak RSS is the export's alone (plus the app's own).
_EXPORT_PROBE = """
import json, sys, time
from tracker import create_app
config, password = json.loads(sys.argv[1]), sys.argv[2]
app = create_app(config)
client = app.test_client()
client.post("/login", data={"email": "manager@bench.example.org", "password": password})
started = time.perf_counter()
response = client.get("/needs/export.csv", buffered=False)
rows = sum(chunk.count(b"\\n") for chunk in response.response) - 1
seconds = time.perf_counter() - started
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so it would report the benchmark's
# own peak (it built the data set) instead of this process's.
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
peak_mb = int(hwm.split()[1]) / 1024
print(json.dumps({"status": response.status_code, "rows": rows, "seconds": seconds,
                  "peak_mb": peak_mb}))
"""


def postgres_reachable(url: str) -> bool:
    """True when the PostgreSQL server of url accepts connections (the database is created)."""
    import psycopg

    parts = urllib.parse.urlsplit(url.replace("+psycopg", ""))
    admin = parts._replace(path="/postgres").geturl()
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            name = parts.path.lstrip("/")
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # nosec B608: own name
            conn.execute(f'CREATE DATABASE "{name}"')  # nosec B608: name from our own config
        return True
    except psycopg.OperationalError:
        return False


def export_probe(url: str, config: dict, password: str) -> dict:
    """Stream the needs CSV export (every need) in a fresh process: rows, seconds, peak RSS."""
    result = subprocess.run(
        [sys.executable, "-c", _EXPORT_PROBE, json.dumps(config), password],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    if probe["status"] != 200:
        raise RuntimeError(f"export answered {probe['status']}")
    return probe


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _login_cookie(port: int, password: str) -> str:
    body = urllib.parse.urlencode({"email": "manager@bench.example.org", "password": password})
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"})
    response = conn.getresponse()
    response.read()
    cookie = _cookies(response, "")
    conn.close()
    if response.status != 302 or not cookie:
        raise RuntimeError(f"login answered {response.status}")
    return cookie


def _cookies(response, sent: str) -> str:
    """The Cookie header to send next: sent, updated with every cookie the response set (the
    login sets the device cookie as well as the session's)."""
    jar = dict(part.split("=", 1) for part in sent.split("; ") if "=" in part)
    for header in response.headers.get_all("Set-Cookie") or ():
        name, _, value = header.split(";")[0].partition("=")
        jar[name.strip()] = value
    return "; ".join(f"{name}={value}" for name, value in jar.items())


def _load(port: int, path: str, cookie: str, seconds: float = LOAD_SECONDS) -> tuple[float, int]:
    """Requests per second over LOAD_CLIENTS keep-alive connections, and the error count."""
    done, errors = [0], [0]
    deadline = time.monotonic() + seconds

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        session = cookie
        while time.monotonic() < deadline:
            conn.request("GET", path, headers={"Cookie": session})
            response = conn.getresponse()
            response.read()
            done[0] += 1
            errors[0] += response.status != 200
            # As a browser does: a session the server changed (a CSRF token stored, the time of
            # the last request moved) is sent back from then on, not rewritten on every request.
            session = _cookies(response, session)
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(LOAD_CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0] / seconds, errors[0]


def throughput(url: str, config: dict, password: str) -> dict:
    """gunicorn with 2 workers: requests per second of hello-world, a list page, the dashboard."""
    env = {**os.environ, **{f"TRACKER_{k}": json.dumps(v) if not isinstance(v, str) else v
                            for k, v in config.items()}}  # fmt: skip
    port = _free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning",
         "tracker.wsgi:app"], env=env,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        cookie = _login_cookie(port, password)
        results, errors = {}, 0
        for name, path in (("hello", "/healthz"), ("list", "/delegations/"), ("dashboard", "/")):
            errors += _load(port, path, cookie, WARM_UP_SECONDS)[1]
            results[name], failed = _load(port, path, cookie)
            errors += failed
        results["errors"] = errors
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)
