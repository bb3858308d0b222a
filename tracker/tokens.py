"""Personal access tokens: issue one (its secret shown once), find the token of a secret,
revoke, and note when each was last used. Only the SHA-256 of a secret is stored: the secret
has 256 random bits, so a fast hash suffices (nothing to guess), unlike a password."""

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import joinedload

from tracker.extensions import db
from tracker.models import ApiToken, TokenScope, User, utcnow

SECRET_PREFIX = "trk_"  # noqa: S105 (what every secret starts with, not a secret)
SHOWN_PREFIX = 12  # "trk_" and 8 characters: enough to tell tokens apart, useless to guess
SEEN_EVERY = timedelta(minutes=1)  # last_used_at is written at most this often


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_token(user: User, name: str, scope: TokenScope) -> tuple[ApiToken, str]:
    """A new token for user and its secret, which is not stored and cannot be shown again."""
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user_id=user.id, name=name.strip(), scope=scope, token_hash=_hash(secret),
        prefix=secret[:SHOWN_PREFIX],
    )  # fmt: skip
    db.session.add(token)
    db.session.flush()
    return token, secret


def find_token(secret: str) -> ApiToken | None:
    """The live token of this secret with its user loaded; None when unknown, revoked, or its
    user is deactivated."""
    if not secret.startswith(SECRET_PREFIX) or len(secret) > 100:
        return None
    stmt = (
        select(ApiToken)
        .where(ApiToken.token_hash == _hash(secret), ApiToken.revoked_at.is_(None))
        .options(joinedload(ApiToken.user))
    )
    token = db.session.scalar(stmt)
    return token if token is not None and token.user.active else None


def note_use(token: ApiToken) -> None:
    """Record that token was used now, at most once every SEEN_EVERY (one small UPDATE, and
    its own commit: a read request commits nothing else)."""
    now = utcnow()
    if token.last_used_at is not None and now - token.last_used_at < SEEN_EVERY:
        return
    db.session.execute(update(ApiToken).where(ApiToken.id == token.id).values(last_used_at=now))
    db.session.commit()


def tokens_of(user_id: int) -> list[ApiToken]:
    """A user's tokens, live ones first, newest first."""
    stmt = (
        select(ApiToken)
        .where(ApiToken.user_id == user_id)
        .order_by(ApiToken.revoked_at.is_not(None), ApiToken.created_at.desc(), ApiToken.id.desc())
    )
    return list(db.session.scalars(stmt))


def revoke_token(user_id: int, token_id: int) -> ApiToken | None:
    """Revoke the user's token token_id (None when the user has no such live token)."""
    token = db.session.scalar(
        select(ApiToken).where(
            ApiToken.id == token_id, ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None)
        )
    )
    if token is not None:
        token.revoked_at = utcnow()
        db.session.flush()
    return token


def revoke_all(user_id: int) -> int:
    """Revoke every live token of a user; how many there were."""
    result = db.session.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    return result.rowcount
