"""The signature of a delivery: HMAC-SHA256 over "{timestamp}.{body}" with the hook's secret.

The header reads `t=<unix seconds>,v1=<hex digest>`. The timestamp is inside the signed text, so
a receiver that refuses old timestamps refuses replays too (docs/webhooks.md).
"""

import hashlib
import hmac

SIGNATURE_HEADER = "X-Tracker-Signature"
TOLERANCE_SECONDS = 300


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of "{timestamp}.{body}"."""
    signed = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    """The X-Tracker-Signature value for body sent at timestamp."""
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"


def verify(
    secret: str, header: str, body: bytes, now: float, tolerance: int = TOLERANCE_SECONDS
) -> bool:
    """The receiver's check: the signature matches and its timestamp is at most tolerance
    seconds from now (an old one is a replay)."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    timestamp, given = parts.get("t", ""), parts.get("v1", "")
    if not timestamp.isdigit() or abs(now - int(timestamp)) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, int(timestamp), body), given)
