"""The signature: HMAC-SHA256 over "{timestamp}.{body}", checked and refused as a receiver does."""

import hashlib
import hmac
import time
from pathlib import Path

from tracker.webhooks.signing import signature_header, verify

SECRET = "whsec_example"
BODY = b'{"id":"evt_1","type":"ping"}'
NOW = 1_780_000_000


def test_the_header_carries_the_timestamp_and_the_hmac_of_timestamp_dot_body():
    expected = hmac.new(SECRET.encode(), f"{NOW}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert signature_header(SECRET, NOW, BODY) == f"t={NOW},v1={expected}"


def test_a_receiver_accepts_a_fresh_signature():
    assert verify(SECRET, signature_header(SECRET, NOW, BODY), BODY, now=NOW + 10)


def test_a_receiver_refuses_an_old_timestamp_a_replay():
    header = signature_header(SECRET, NOW, BODY)
    assert not verify(SECRET, header, BODY, now=NOW + 301)
    assert not verify(SECRET, header, BODY, now=NOW - 301)  # nor one from the future


def test_a_receiver_refuses_a_changed_body_another_secret_or_a_moved_timestamp():
    header = signature_header(SECRET, NOW, BODY)
    assert not verify(SECRET, header, BODY + b" ", now=NOW)
    assert not verify("whsec_other", header, BODY, now=NOW)
    digest = header.split("v1=")[1]
    assert not verify(SECRET, f"t={NOW + 5},v1={digest}", BODY, now=NOW)


def test_a_receiver_refuses_a_malformed_header():
    for header in ("", "v1=abc", "t=abc,v1=abc", f"t={NOW}"):
        assert not verify(SECRET, header, BODY, now=NOW)


def _documented_verify():
    """The receiver's function from docs/webhooks.md, as a reader would copy it."""
    text = (Path(__file__).parents[2] / "docs" / "webhooks.md").read_text(encoding="utf-8")
    code = text.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102 (our own documentation)
    return namespace["verify_tracker_signature"]


def test_the_documented_receiver_accepts_a_fresh_delivery_and_refuses_a_replay():
    verify_documented = _documented_verify()
    now = int(time.time())
    assert verify_documented(SECRET, signature_header(SECRET, now, BODY), BODY)
    assert not verify_documented(SECRET, signature_header(SECRET, now - 600, BODY), BODY)
    assert not verify_documented(SECRET, signature_header(SECRET, now, BODY), BODY + b"x")
