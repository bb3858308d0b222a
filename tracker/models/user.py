"""Users of the tracker: the commission's staff, managers and admins."""

import enum

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column, validates
from werkzeug.security import check_password_hash, generate_password_hash

from tracker.extensions import db
from tracker.models.base import TimestampMixin, enum_column


class Role(enum.StrEnum):
    """What a user may do; see tracker.security for the matrix."""

    STAFF = "staff"
    MANAGER = "manager"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return str(ROLE_LABELS[self])


ROLE_LABELS = {Role.STAFF: _l("Staff"), Role.MANAGER: _l("Manager"), Role.ADMIN: _l("Admin")}


class User(UserMixin, TimestampMixin, db.Model):
    """A person who logs in."""

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[Role] = mapped_column(enum_column(Role), default=Role.STAFF)
    active: Mapped[bool] = mapped_column(default=True)
    locale: Mapped[str | None] = mapped_column(String(8))
    # Secret for the personal iCalendar feed URL; None means the feed is switched off.
    calendar_token: Mapped[str | None] = mapped_column(String(64), unique=True)

    @validates("email")
    def _normalise_email(self, _key: str, value: str) -> str:
        """E-mail addresses are unique regardless of case."""
        return value.strip().lower()

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
