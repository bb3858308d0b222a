"""Two-step login with time-based one-time passwords (RFC 6238) and recovery codes."""

import hashlib
import secrets
from datetime import UTC, datetime

import pyotp
import segno
from flask import current_app

from tracker.extensions import db
from tracker.models import RecoveryCode, User, utcnow

RECOVERY_CODES = 10


def new_secret() -> str:
    """A fresh base32 secret for enrolment."""
    return pyotp.random_base32()


def provisioning_uri(user: User, secret: str) -> str:
    """The otpauth:// URI an authenticator app reads from the QR code."""
    issuer = current_app.config["TOTP_ISSUER"]
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=issuer)


def qr_svg(uri: str) -> str:
    """The QR code as inline SVG markup (no script, no external image: fine under the CSP)."""
    return segno.make(uri, error="m").svg_inline(scale=4, title="QR code", omitsize=False)


def code_matches(secret: str, code: str, last_step: int | None = None) -> int | None:
    """The time step the code belongs to (now ±30 s), or None; a step already used is refused."""
    code = "".join((code or "").split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now = totp.timecode(datetime.now(UTC))
    for step in (now - 1, now, now + 1):
        if (last_step is None or step > last_step) and secrets.compare_digest(
            totp.generate_otp(step), code
        ):
            return step
    return None


def pending_secret(user: User) -> str:
    """The secret being enrolled: made once and kept on the user row, so the QR code survives a
    reload while the secret never travels in the (signed but readable) session cookie."""
    if user.totp_pending_secret is None:
        user.totp_pending_secret = new_secret()
        db.session.flush()
    return user.totp_pending_secret


def enable(user: User, code: str) -> list[str] | None:
    """Turn two-step login on when code matches the pending secret; returns new recovery codes
    to show once, or None. The code's time step counts as used, so it cannot log in later."""
    secret = user.totp_pending_secret
    step = code_matches(secret, code) if secret else None
    if step is None:
        return None
    user.totp_secret, user.totp_pending_secret, user.totp_last_step = secret, None, step
    return replace_recovery_codes(user)


def disable(user: User) -> None:
    """Turn two-step login off and drop the recovery codes."""
    user.totp_secret = user.totp_pending_secret = None
    user.totp_last_step = None
    for code in db.session.scalars(db.select(RecoveryCode).where(RecoveryCode.user_id == user.id)):
        db.session.delete(code)
    db.session.flush()


def replace_recovery_codes(user: User) -> list[str]:
    """New one-time recovery codes (the old ones stop working); only hashes are stored."""
    for old in db.session.scalars(db.select(RecoveryCode).where(RecoveryCode.user_id == user.id)):
        db.session.delete(old)
    codes = [f"{secrets.token_hex(4)}-{secrets.token_hex(4)}" for _ in range(RECOVERY_CODES)]
    for code in codes:
        db.session.add(RecoveryCode(user_id=user.id, code_hash=_digest(code)))
    db.session.flush()
    return codes


def verify(user: User, code: str) -> bool:
    """Accept a current TOTP code (once) or an unused recovery code (then spent)."""
    if user.totp_secret is None:
        return False
    step = code_matches(user.totp_secret, code, user.totp_last_step)
    if step is not None:
        user.totp_last_step = step
        return True
    candidate = (code or "").strip().lower()
    if len(candidate) != 17:
        return False
    # One conditional UPDATE: of two requests spending the same code at once, one wins.
    spent = db.session.execute(
        db.update(RecoveryCode)
        .where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == _digest(candidate),
            RecoveryCode.used_at.is_(None),
        )
        .values(used_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return spent.rowcount == 1


def _digest(code: str) -> str:
    """Recovery codes are random 64-bit values: a plain SHA-256 cannot be brute-forced back."""
    return hashlib.sha256(code.encode()).hexdigest()
