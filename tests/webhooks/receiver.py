"""A real webhook receiver on loopback (http.server in a thread, port 0), and hook builders."""

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tracker.extensions import db
from tracker.models import Webhook

SECRET = "whsec_test_secret_0123456789"


@dataclass
class Received:
    """One POST as the receiver saw it."""

    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def event(self) -> dict:
        return json.loads(self.body)


@dataclass
class Receiver:
    """Answers each POST with the next of statuses (the last one repeats); with a gate, holds
    every answer until the gate is set (a slow receiver)."""

    statuses: list[int] = field(default_factory=lambda: [200])
    gate: threading.Event | None = None
    received: list[Received] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)

    def __enter__(self) -> "Receiver":
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.received.append(Received(self.path, dict(self.headers), body))
                receiver.arrived.set()
                if receiver.gate is not None:
                    receiver.gate.wait(10)
                status = (
                    receiver.statuses.pop(0) if len(receiver.statuses) > 1 else receiver.statuses[0]
                )
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", "/elsewhere")
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        if self.gate is not None:
            self.gate.set()
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/hooks/tracker"


def hook(url: str = "http://127.0.0.1:9/hook", events: str | None = None, **kw) -> Webhook:
    """A flushed hook subscribed to every event (or to events, space-separated)."""
    kw.setdefault("name", "Project database")
    obj = Webhook(
        url=url, secret=kw.pop("secret", SECRET),
        events=events if events is not None else
        "need.stage_changed followup.assigned talk.scheduled match.accepted",
        **kw,
    )  # fmt: skip
    db.session.add(obj)
    db.session.flush()
    return obj
