"""Saving a user's interface language."""

from flask import current_app

from tracker.extensions import db
from tracker.models import User


def save_language(user: User, language: str | None) -> None:
    """Store one of the configured languages, or None to follow the browser."""
    if language is not None and language not in current_app.config["LANGUAGES"]:
        raise ValueError(f"unknown language {language!r}")
    user.language = language
    db.session.flush()
