"""The user's personal access tokens for the JSON API, on the profile page: create one (its
secret shown once) and revoke one."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.auth.forms import ApiTokenForm
from tracker.extensions import db
from tracker.forms import EmptyForm
from tracker.models import TokenScope
from tracker.security import log_security_event
from tracker.tokens import issue_token, revoke_token


def create_token():
    """Create a token and show its secret this once; the profile lists it from now on."""
    form = ApiTokenForm()
    if not form.validate_on_submit():
        flash(_("Give the token a name of at most 100 characters."), "danger")
        return redirect(url_for("calendar.profile", _anchor="api-tokens"))
    user = current_user._get_current_object()
    token, secret = issue_token(user, form.name.data, TokenScope(form.scope.data))
    db.session.commit()
    log_security_event("api token created", email=user.email, token=token.prefix)
    return render_template("auth/token_created.html", token=token, secret=secret)


def revoke(token_id: int):
    """Revoke one of one's own tokens: scripts using it get 401 from now on."""
    if EmptyForm().validate_on_submit():
        token = revoke_token(current_user.id, token_id)
        db.session.commit()
        if token is not None:
            log_security_event("api token revoked", email=current_user.email, token=token.prefix)
            flash(_("Token “%(name)s” revoked.", name=token.name), "success")
    return redirect(url_for("calendar.profile", _anchor="api-tokens"))


RULES = [("/profile/tokens", create_token), ("/profile/tokens/<int:token_id>/revoke", revoke)]
