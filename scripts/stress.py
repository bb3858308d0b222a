"""Stress test: the app under gunicorn, concurrent clients creating and editing records.

Usage: python scripts/stress.py --database sqlite|postgresql [--seconds 20] [--clients 8]
Runs only against 127.0.0.1, stops by itself, and exits non-zero on any error or lost write.
"""

import argparse
import concurrent.futures
import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PASSWORD = "stress test phrase 2026"
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


class FormReader(HTMLParser):
    """The named fields of the page's main form: the first POST form of the page's own."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}
        self._select: str | None = None
        self._inside = False
        self._done = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self._done:
            method, action = (a.get("method") or "get").lower(), a.get("action") or ""
            # The top bar's log-out and language forms come first on every page.
            self._inside = method == "post" and not action.endswith(("/logout", "/language"))
            return
        if not self._inside or self._done or not a.get("name"):
            if (
                tag == "option"
                and self._select
                and ("selected" in a or self._select not in self.fields)
            ):
                self.fields[self._select] = a.get("value", "")
            return
        if tag == "input" and a.get("type") not in {"checkbox", "submit"}:
            self.fields[a["name"]] = a.get("value", "")
        elif tag == "input" and a.get("type") == "checkbox" and "checked" in a:
            self.fields[a["name"]] = a.get("value", "y")
        elif tag == "select":
            self._select = a["name"]
        elif tag == "textarea":
            self.fields[a["name"]] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        if tag == "form" and self._inside:
            self._inside, self._done = False, True


class Client:
    """One browser: a cookie jar, form-aware GET/POST, and a tally of its successful writes."""

    def __init__(self, base: str):
        self.base = base
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        self.errors: list[str] = []
        self.created: dict[int, str] = {}  # organisation id -> latest city written

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, body, timeout=30) as response:
                return response.status, response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, path, error.read().decode(errors="replace")

    def form(self, path: str) -> dict[str, str]:
        reader = FormReader()
        status, _url, html = self.request(path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status}")
        reader.feed(html)
        return reader.fields

    def submit(self, path: str, **changes) -> str:
        fields = self.form(path)
        fields.update(changes)
        status, url, html = self.request(path, fields)
        if status >= 400 or "is-invalid" in html:
            raise RuntimeError(
                f"POST {path}: {status} {re.findall('invalid-feedback[^>]*>([^<]*)', html)}"
            )
        return url


def run_client(base: str, email: str, seconds: float) -> Client:
    client = Client(base)
    try:
        client.submit("/login", email=email, password=PASSWORD)
        deadline = time.monotonic() + seconds
        n = 0
        while time.monotonic() < deadline:
            n += 1
            name = f"Stress {email.split('@')[0]} {n} {secrets.token_hex(3)}"
            url = client.submit("/organisations/new", name=name, city="Jena", kind="company")
            org_id = int(re.search(r"/organisations/(\d+)", url).group(1))
            client.created[org_id] = "Jena"
            city = f"City {n}"
            client.submit(f"/organisations/{org_id}/edit", city=city)
            client.created[org_id] = city
    except Exception as error:
        client.errors.append(f"{email}: {error}")
    return client


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_database(kind: str, workdir: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'stress.db'}"
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS tracker_stress WITH (FORCE)")
        conn.execute("CREATE DATABASE tracker_stress")
    return "postgresql+psycopg://postgres@127.0.0.1:5432/tracker_stress"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="tracker-stress-"))
    url = prepare_database(args.database, workdir)
    env = {**os.environ, "TRACKER_SQLALCHEMY_DATABASE_URI": url,
           "TRACKER_SECRET_KEY": secrets.token_hex(16), "TRACKER_RATELIMIT_ENABLED": "false"}  # fmt: skip
    flask = [str(BIN / "flask"), "--app", "tracker"]
    subprocess.run([*flask, "db", "upgrade"], env=env, check=True, capture_output=True)
    emails = [f"stress{i}@example.org" for i in range(args.clients)]
    for email in emails:
        subprocess.run([*flask, "create-user", "--email", email, "--name", email, "--role", "staff"],
                       env=env, input=PASSWORD + "\n", text=True, check=True, capture_output=True)  # fmt: skip
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "-w", str(args.workers), "-b", f"127.0.0.1:{port}",
         "--log-level", "warning", "tracker.wsgi:app"], env=env,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/login", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        with concurrent.futures.ThreadPoolExecutor(args.clients) as pool:
            clients = list(pool.map(lambda e: run_client(base, e, args.seconds), emails))
    finally:
        server.terminate()
        server.wait(timeout=30)
    return report(args.database, url, clients)


def report(kind: str, url: str, clients: list[Client]) -> int:
    from sqlalchemy import create_engine, text

    expected = {oid: city for c in clients for oid, city in c.created.items()}
    engine = create_engine(url)
    with engine.connect() as conn:
        stored = dict(conn.execute(text("SELECT id, city FROM organisation")).all())
    engine.dispose()
    lost = [oid for oid, city in expected.items() if stored.get(oid) != city]
    errors = [e for c in clients for e in c.errors]
    writes = 2 * len(expected)
    print(f"{kind}: {len(clients)} clients, {writes} writes ({len(expected)} created, "
          f"{len(expected)} edited), {len(errors)} errors, {len(lost)} lost writes")  # fmt: skip
    for line in errors[:10]:
        print("  error:", line)
    return 1 if errors or lost or not expected else 0


if __name__ == "__main__":
    sys.exit(main())
