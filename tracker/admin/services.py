"""User accounts: creation, roles, activation and password resets, with the last-admin guards."""

import secrets
from datetime import timedelta

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import Select, or_, select

from tracker.auth.passwords import password_problem
from tracker.extensions import db
from tracker.models import Role, User, utcnow
from tracker.pagination import sort_term

NAME_MAX = 120
EMAIL_MAX = 254

# Sort keys offered on the user list; anything else falls back to the default.
USER_SORTS = {
    "name": User.display_name,
    "email": User.email,
    "role": User.role,
    "created": User.created_at,
}


class UserError(ValueError):
    """A change that breaks an account rule; field names the form field it concerns, if any."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def normalise_email(email: str) -> str:
    """The stored form of an address: trimmed and lower-case (uniqueness ignores case)."""
    return (email or "").strip().lower()


def email_taken(email: str, exclude_id: int | None = None) -> bool:
    """True when another user already has this address, in any case."""
    stmt = select(User.id).where(User.email == normalise_email(email))
    if exclude_id is not None:
        stmt = stmt.where(User.id != exclude_id)
    return db.session.scalar(stmt.limit(1)) is not None


def check_email(email: str, exclude_id: int | None = None) -> str:
    """The normalised address, or UserError when it is malformed or already used."""
    address = normalise_email(email)
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError as error:
        raise UserError(_("Enter a valid e-mail address."), "email") from error
    if len(address) > EMAIL_MAX:
        raise UserError(_("Enter a valid e-mail address."), "email")
    if email_taken(address, exclude_id):
        raise UserError(_("The e-mail address %(email)s is already used.", email=address), "email")
    return address


def check_password(password: str, *, email: str = "", name: str = "") -> None:
    """UserError unless the password meets the policy (tracker.auth.passwords)."""
    problem = password_problem(password, email=email, name=name)
    if problem:
        raise UserError(problem, "password")


def _check_name(display_name: str) -> str:
    """The trimmed display name, or UserError when empty or too long."""
    name = (display_name or "").strip()
    if not name:
        raise UserError(_("Enter a name."), "display_name")
    if len(name) > NAME_MAX:
        raise UserError(
            _("The name may have at most %(count)s characters.", count=NAME_MAX), "display_name"
        )
    return name


def generate_password() -> str:
    """A random initial password (16 random bytes, URL-safe), handed over once."""
    return secrets.token_urlsafe(16)


def create_user(
    *, email: str, display_name: str, role: Role, password: str, temporary: bool = False
) -> User:
    """Add a user after checking address, name and password; returns the flushed user.

    A temporary password (one an admin set or generated) expires and must be changed at the
    first login, so that no admin knows a user's working password.
    """
    user = User(email=check_email(email), display_name=_check_name(display_name), role=Role(role))
    check_password(password, email=user.email, name=user.display_name)
    user.set_password(password)
    if temporary:
        _make_temporary(user)
    db.session.add(user)
    db.session.flush()
    return user


def list_users(*, query: str = "", role: str = "", status: str = "", sort: str = "") -> Select:
    """Users matching the filters; unknown filter or sort values are ignored."""
    stmt = select(User)
    needle = query.strip()
    if needle:
        stmt = stmt.where(
            or_(
                User.display_name.icontains(needle, autoescape=True),
                User.email.icontains(needle, autoescape=True),
            )
        )
    if role in {r.value for r in Role}:
        stmt = stmt.where(User.role == Role(role))
    if status in ("active", "inactive"):
        stmt = stmt.where(User.active.is_(status == "active"))
    return stmt.order_by(sort_term(sort, USER_SORTS, "name"), User.id)


def _is_last_active_admin(user: User) -> bool:
    """True when user is the only active admin left.

    The admin rows are locked (PostgreSQL) so two admins demoting each other at the same moment
    cannot both succeed; the second waits and then counts again.
    """
    if user.role != Role.ADMIN or not user.active:
        return False
    stmt = select(User.id).where(User.role == Role.ADMIN, User.active.is_(True)).with_for_update()
    return list(db.session.scalars(stmt)) == [user.id]


def update_role(user: User, role: Role, *, acting_user: User) -> None:
    """Change a user's role; nobody removes their own admin role or the last admin's."""
    role = Role(role)
    if role != Role.ADMIN and user.role == Role.ADMIN:
        if user.id == acting_user.id:
            raise UserError(_("You cannot remove your own admin role."), "role")
        if _is_last_active_admin(user):
            raise UserError(_("The last active admin must stay an admin."), "role")
    user.role = role


def update_user(
    user: User, *, display_name: str, role: Role, language: str | None, acting_user: User
) -> None:
    """Save name, role and preferred language (None: follow the browser)."""
    name = _check_name(display_name)
    update_role(user, role, acting_user=acting_user)
    user.display_name = name
    user.language = language or None
    db.session.flush()


def set_active(user: User, active: bool, *, acting_user: User) -> None:
    """Activate or deactivate an account; not one's own, and never the last active admin."""
    if user.id == acting_user.id:
        raise UserError(_("You cannot change the status of your own account."))
    if not active and _is_last_active_admin(user):
        raise UserError(_("The last active admin cannot be deactivated."))
    user.active = active
    if not active:
        user.end_sessions()
    db.session.flush()


def reset_password(user: User) -> str:
    """Give the user a new random, expiring password and return it (stored only as a hash);
    the user's sessions end."""
    password = generate_password()
    user.set_password(password)
    _make_temporary(user)
    user.end_sessions()
    db.session.flush()
    return password


def end_user_sessions(user: User) -> None:
    """Log the user out everywhere, at once (copied cookies included)."""
    user.end_sessions()
    db.session.flush()


def _make_temporary(user: User) -> None:
    hours = current_app.config["TEMPORARY_PASSWORD_HOURS"]
    user.must_change_password = True
    user.password_expires_at = utcnow() + timedelta(hours=hours)
