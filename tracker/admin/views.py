"""User management for admins."""

from functools import partial

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker import tokens
from tracker.admin import services
from tracker.admin.forms import UserCreateForm, UserEditForm, UserFilterForm
from tracker.extensions import db
from tracker.forms import EmptyForm
from tracker.models import Role, User
from tracker.pagination import paginate
from tracker.security import log_security_event, require
from tracker.versioning import saving

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _show_error(form, error: services.UserError) -> None:
    """Put a service's refusal at its field, or above the form."""
    if error.field and error.field in form:
        form[error.field].errors.append(str(error))
    else:
        form.form_errors.append(str(error))


@bp.route("/users")
@require("user.manage")
def users():
    """All accounts, filtered, searched and paginated."""
    filters = UserFilterForm(request.args)
    sort = request.args.get("sort", "name")
    stmt = services.list_users(
        query=(filters.q.data or "")[:200],
        role=filters.role.data or "",
        status=filters.status.data or "",
        sort=sort,
    )
    page = paginate(stmt)
    filtered = any(request.args.get(k) for k in ("q", "role", "status"))
    return render_template(
        "admin/users.html", page=page, filters=filters, sort=sort, filtered=filtered
    )


@bp.route("/users/new", methods=["GET", "POST"])
@require("user.manage")
def create_user():
    """Create an account; without a password a random one is generated and shown once."""
    form = UserCreateForm()
    if form.validate_on_submit() and _create(form) is not None:
        return redirect(url_for("admin.users"))
    return render_template("admin/user_form.html", form=form, user=None)


def _create(form: UserCreateForm) -> User | None:
    """The account the form describes, its password said once; None when refused (the form
    says why)."""
    password = form.password.data or services.generate_password()
    try:
        user = services.create_user(
            email=form.email.data, display_name=form.display_name.data,
            role=Role(form.role.data), password=password, temporary=True,
        )  # fmt: skip
    except services.UserError as error:
        _show_error(form, error)
        return None
    db.session.commit()
    if form.password.data:
        flash(_("Created the account for %(email)s.", email=user.email), "success")
    else:
        flash(_initial_password_message(user, password), "warning")
    return user


def _initial_password_message(user: User, password: str) -> str:
    return _(
        "Created the account for %(email)s. Initial password: %(password)s — it is shown only "
        "now; hand it over securely.",
        email=user.email,
        password=password,
    )


@bp.route("/users/<int:user_id>/edit", methods=["GET", "POST"])
@require("user.manage")
def edit_user(user_id: int):
    """Change name, role and preferred language."""
    user = db.get_or_404(User, user_id)
    form = _edit_form(user, formdata=request.form if request.method == "POST" else None)
    if form.validate_on_submit():
        try:
            with saving(user, form, "admin/user_form.html", partial(_current, user_id)):
                services.update_user(user, **_edit_values(form), acting_user=current_user)
        except services.UserError as error:
            db.session.rollback()  # nothing of the refused edit (nor its version) stays pending
            _show_error(form, error)
        else:
            flash(_("Saved the account of %(name)s.", name=user.display_name), "success")
            return redirect(url_for("admin.users"))
    api_tokens = tokens.tokens_of(user.id)
    return render_template("admin/user_form.html", form=form, user=user, api_tokens=api_tokens)


def _edit_form(user: User, formdata=None) -> UserEditForm:
    """The account form filled from user; the posted values over it when formdata is given."""
    return UserEditForm(
        formdata=formdata, display_name=user.display_name, role=user.role.value,
        language=user.language or "", version=user.version,
    )  # fmt: skip


def _edit_values(form: UserEditForm) -> dict:
    """The form's values as the service's arguments."""
    return {
        "display_name": form.display_name.data,
        "role": Role(form.role.data),
        "language": form.language.data or None,
    }


def _current(user_id: int) -> tuple[UserEditForm, dict]:
    """The account as it is now, for the conflict page."""
    current = db.get_or_404(User, user_id)
    return _edit_form(current), {"user": current}


def _set_active(user_id: int, active: bool):
    """Shared body of activate and deactivate."""
    user = db.get_or_404(User, user_id)
    if EmptyForm().validate_on_submit():
        try:
            services.set_active(user, active, acting_user=current_user)
        except services.UserError as error:
            flash(str(error), "danger")
        else:
            db.session.commit()
            name = user.display_name
            if active:
                flash(_("%(name)s can log in again.", name=name), "success")
            else:
                flash(_("%(name)s can no longer log in.", name=name), "success")
    return redirect(url_for("admin.edit_user", user_id=user.id))


@bp.route("/users/<int:user_id>/deactivate", methods=["POST"])
@require("user.manage")
def deactivate_user(user_id: int):
    """Stop a user from logging in; their records stay."""
    return _set_active(user_id, False)


@bp.route("/users/<int:user_id>/activate", methods=["POST"])
@require("user.manage")
def activate_user(user_id: int):
    """Let a deactivated user log in again."""
    return _set_active(user_id, True)


@bp.route("/users/<int:user_id>/end-sessions", methods=["POST"])
@require("user.manage")
def end_sessions(user_id: int):
    """Log a user out everywhere at once (a lost laptop, a copied cookie)."""
    user = db.get_or_404(User, user_id)
    if EmptyForm().validate_on_submit():
        services.end_user_sessions(user)
        db.session.commit()
        log_security_event("sessions ended by admin", email=user.email)
        flash(_("All sessions of %(name)s were ended.", name=user.display_name), "success")
    return redirect(url_for("admin.edit_user", user_id=user.id))


@bp.route("/users/<int:user_id>/tokens/<int:token_id>/revoke", methods=["POST"])
@require("user.manage")
def revoke_token(user_id: int, token_id: int):
    """Revoke any user's API token (a script gone astray, a token posted in a chat)."""
    user = db.get_or_404(User, user_id)
    if EmptyForm().validate_on_submit() and (token := tokens.revoke_token(user.id, token_id)):
        db.session.commit()
        log_security_event("api token revoked by admin", email=user.email, token=token.prefix)
        flash(_("Token “%(name)s” revoked.", name=token.name), "success")
    return redirect(url_for("admin.edit_user", user_id=user.id))


@bp.route("/users/<int:user_id>/reset-password", methods=["GET", "POST"])
@require("user.manage")
def reset_password(user_id: int):
    """Confirm, then replace the user's password with a random one shown once."""
    user = db.get_or_404(User, user_id)
    if EmptyForm().validate_on_submit():
        password = services.reset_password(user)
        db.session.commit()
        flash(_("New password for %(email)s: %(password)s — it is shown only now; hand it over "
                "securely.", email=user.email, password=password), "warning")  # fmt: skip
        return redirect(url_for("admin.edit_user", user_id=user.id))
    return render_template(
        "_confirm.html", title=_("Reset the password of %(name)s?", name=user.display_name),
        message=_("A new random password replaces the current one, which stops working at once. "
                  "It expires unless used, and must be changed at the first login; the user's "
                  "sessions end."),
        action_url=url_for("admin.reset_password", user_id=user.id),
        confirm_label=_("Reset password"), cancel_url=url_for("admin.edit_user", user_id=user.id),
    )  # fmt: skip
