"""Logging in and out."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from sqlalchemy import select

from tracker.auth.forms import LoginForm
from tracker.extensions import db
from tracker.forms import EmptyForm
from tracker.models import User
from tracker.security import safe_local_path

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Show the login form and log the user in."""
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = db.session.scalar(select(User).where(User.email == form.email.data.strip().lower()))
        if user is None or not user.active or not user.check_password(form.password.data):
            flash(_("Unknown e-mail address or wrong password."), "danger")
            return render_template("auth/login.html", form=form), 200
        login_user(user, remember=form.remember.data)
        flash(_("Welcome, %(name)s.", name=user.display_name), "success")
        return redirect(safe_local_path(request.args.get("next")) or url_for("main.dashboard"))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    """Log out (POST only, so a link elsewhere cannot log a user out)."""
    if EmptyForm().validate_on_submit():
        logout_user()
        flash(_("You have been logged out."), "info")
    return redirect(url_for("auth.login"))
