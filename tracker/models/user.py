"""Users of the tracker: the commission's staff, managers and admins."""

from datetime import datetime

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates
from werkzeug.security import check_password_hash, generate_password_hash

from tracker.extensions import db
from tracker.i18n import lazy_label as _l
from tracker.models.base import LabelledEnum, TimestampMixin, VersionedMixin, enum_column


class Role(LabelledEnum):
    """What a user may do; see tracker.security for the matrix."""

    STAFF = "staff", _l("Staff")
    MANAGER = "manager", _l("Manager")
    ADMIN = "admin", _l("Admin")


ROLE_LABELS = Role.labels()


class User(UserMixin, VersionedMixin, TimestampMixin, db.Model):
    """A person who logs in."""

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[Role] = mapped_column(enum_column(Role), default=Role.STAFF)
    active: Mapped[bool] = mapped_column(default=True)
    # The interface language ("zh", "de", "en"); None follows the browser (Accept-Language).
    language: Mapped[str | None] = mapped_column(String(8))
    # The languages the user speaks, as entered ("de, en"): hosts and interpreters of talks.
    languages: Mapped[str | None] = mapped_column(String(120))
    # Secret for the personal iCalendar feed URL; None means the feed is switched off.
    calendar_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    # Part of every session's user id: bumping it ends all of the user's sessions at once,
    # copied cookies included (logout, password change, deactivation, "end sessions").
    session_epoch: Mapped[int] = mapped_column(default=0)
    # An initial or reset password is temporary: it expires, and must be changed on first use.
    must_change_password: Mapped[bool] = mapped_column(default=False)
    password_expires_at: Mapped[datetime | None]
    password_changed_at: Mapped[datetime | None]
    # Two-step login (TOTP); the last accepted time step stops a code being used twice.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    # The secret shown while enrolling, kept here rather than in the (readable) session cookie.
    totp_pending_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int | None]
    recovery_codes: Mapped[list["RecoveryCode"]] = relationship(
        back_populates="user", lazy="raise", cascade="all, delete-orphan"
    )

    @validates("email")
    def _normalise_email(self, _key: str, value: str) -> str:
        """E-mail addresses are unique regardless of case."""
        return value.strip().lower()

    def get_id(self) -> str:
        """The session's user id carries the epoch, so ending sessions invalidates old cookies."""
        return f"{self.id}:{self.session_epoch}"

    def end_sessions(self) -> None:
        """Invalidate every session and remember cookie of this user."""
        self.session_epoch = (self.session_epoch or 0) + 1

    @property
    def totp_enabled(self) -> bool:
        return self.totp_secret is not None

    @property
    def is_active(self) -> bool:
        """Deactivated users cannot log in (Flask-Login checks this)."""
        return self.active

    def set_password(self, password: str) -> None:
        """Store a salted, memory-hard hash (scrypt by default), never the password."""
        method = (
            current_app.config.get("PASSWORD_HASH_METHOD", "scrypt") if current_app else "scrypt"
        )
        self.password_hash = generate_password_hash(password, method=method)

    def check_password(self, password: str) -> bool:
        """True when password matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    def has_role(self, *roles: Role) -> bool:
        """True when the user holds one of roles."""
        return self.role in roles

    def __repr__(self) -> str:
        return f"<User {self.email}>"


class RecoveryCode(db.Model):
    """A one-time code to log in when the authenticator is lost; only its hash is stored."""

    __tablename__ = "recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(256))
    used_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(back_populates="recovery_codes")
