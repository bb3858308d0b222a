"""Sending e-mail: the SMTP session of MAIL_* settings, and links into the app from outside a
request (reminders, talk invitations)."""

import smtplib
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import urlsplit

from flask import current_app

# What a failed send raises: the server refused, or could not be reached at all.
SEND_ERRORS = (smtplib.SMTPException, OSError)


def external_url(endpoint: str, **values) -> str:
    """An absolute link into the app built from BASE_URL (there is no request in a command)."""
    parts = urlsplit(current_app.config["BASE_URL"])
    adapter = current_app.url_map.bind(
        parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme or "http"
    )
    return adapter.build(endpoint, values, force_external=True)


def stamp(message: EmailMessage) -> EmailMessage:
    """Set the sender, the date and a message id of the app's domain."""
    message["From"] = current_app.config["MAIL_FROM"]
    message["Date"] = formatdate()
    message["Message-ID"] = make_msgid(domain=urlsplit(current_app.config["BASE_URL"]).hostname)
    return message


@contextmanager
def smtp_connection() -> Iterator[smtplib.SMTP]:
    """An SMTP session configured by MAIL_SERVER, MAIL_PORT, MAIL_USE_TLS and MAIL_USERNAME."""
    config = current_app.config
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
        yield smtp
