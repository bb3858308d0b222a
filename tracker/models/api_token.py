"""Personal access tokens for the JSON API: stored hashed, shown once, revocable."""

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.extensions import db
from tracker.i18n import lazy_label as _l
from tracker.models.base import LabelledEnum, enum_column, utcnow

if TYPE_CHECKING:
    from tracker.models.user import User


class TokenScope(LabelledEnum):
    """What a token may do, within its user's role: read only, or read and write."""

    READ = "read", _l("Read")
    WRITE = "write", _l("Read and write")


class ApiToken(db.Model):
    """A user's named token: only the SHA-256 of the secret is kept, and a short prefix that
    tells the user which token is which."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    scope: Mapped[TokenScope] = mapped_column(enum_column(TokenScope), default=TokenScope.READ)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped["User"] = relationship(lazy="raise")

    @property
    def may_write(self) -> bool:
        return self.scope is TokenScope.WRITE

    def __repr__(self) -> str:
        return f"<ApiToken {self.prefix}… {self.name!r}>"
