"""The user's own account: changing the password and setting up two-step login."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.auth import totp
from tracker.auth.forms import ChangePasswordForm, CodeForm, PasswordConfirmForm
from tracker.extensions import db
from tracker.models import utcnow
from tracker.security import log_security_event
from tracker.sessions import start_session


def change_password():
    """Change one's password (asking for the current one); other sessions end."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        user.set_password(form.new_password.data)
        user.must_change_password = False
        user.password_expires_at = None
        user.password_changed_at = utcnow()
        user.end_sessions()
        start_session(user)  # this browser stays logged in on the new epoch
        db.session.commit()
        log_security_event("password changed", email=user.email)
        flash(_("Your password was changed. Other sessions were logged out."), "success")
        return redirect(url_for("calendar.profile"))
    return render_template("auth/change_password.html", form=form)


def two_step():
    """Set up two-step login (QR code, then a code to confirm), or manage it once on."""
    user = current_user._get_current_object()
    if user.totp_enabled:
        return _manage_two_step(user)
    secret = totp.pending_secret(user)
    form = CodeForm()
    if form.validate_on_submit() and (codes := _enable(user, form)) is not None:
        return render_template("auth/recovery_codes.html", codes=codes)
    db.session.commit()  # the pending secret, made on the first visit
    uri = totp.provisioning_uri(user, secret)
    return render_template(
        "auth/two_step_setup.html", form=form, qr=totp.qr_svg(uri), secret=secret
    )


def _enable(user, form: CodeForm) -> list[str] | None:
    """Turn two-step login on with the form's code: the recovery codes, or None (the code is
    wrong: the form says so)."""
    codes = totp.enable(user, form.code.data)
    if codes is None:
        form.code.errors.append(_("That code does not match. Check the time on your phone."))
        return None
    db.session.commit()
    log_security_event("two-step login enabled", email=user.email)
    return codes


def _manage_two_step(user):
    """Turn two-step login off, or replace the recovery codes; both ask for the password."""
    form = PasswordConfirmForm()
    if form.validate_on_submit():
        if request.form.get("action") == "new_codes":
            codes = totp.replace_recovery_codes(user)
            db.session.commit()
            return render_template("auth/recovery_codes.html", codes=codes)
        totp.disable(user)
        db.session.commit()
        log_security_event("two-step login disabled", email=user.email)
        flash(_("Two-step login is off."), "warning")
        return redirect(url_for("calendar.profile"))
    return render_template("auth/two_step_manage.html", form=form)


RULES = [("/profile/password", change_password), ("/profile/two-step", two_step)]
