"""The commission's letterhead on printed reports: its name and an optional logo (the settings
COMMISSION_NAME and COMMISSION_LOGO), and the text of the page footer that Chromium prints.

URL map:
    GET /letterhead/logo   letterhead.logo   the configured logo (everyone logged in)
"""

import re
from pathlib import Path, PurePosixPath

from flask import Blueprint, abort, current_app, send_from_directory, url_for
from flask_babel import gettext as _
from markupsafe import Markup

bp = Blueprint("letterhead", __name__)

LOGO_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})
# Placeholders of the page footer's message, and the CSS counters they stand for.
PAGE_COUNTERS = {"%(page)s": "counter(page)", "%(pages)s": "counter(pages)"}


@bp.app_template_global()
def commission_name() -> str:
    """The commission's name as set, else a generic one in the reader's language."""
    return current_app.config.get("COMMISSION_NAME") or _("District Commerce Commission")


def logo_file() -> tuple[str, str] | None:
    """The configured logo as (folder, file): "instance/..." is in the instance folder,
    "static/..." in the static files. Anything else (a URL, an absolute path, a way out of the
    folder, not an image) is ignored with a warning, as is a file that is not there."""
    setting = current_app.config.get("COMMISSION_LOGO")
    if not setting:
        return None
    path = PurePosixPath(str(setting).replace("\\", "/"))
    folders = {"instance": current_app.instance_path, "static": current_app.static_folder}
    inside = PurePosixPath(*path.parts[1:]) if len(path.parts) > 1 else None
    if (
        path.parts[0] not in folders
        or inside is None
        or ".." in path.parts
        or path.suffix.lower() not in LOGO_SUFFIXES
    ):
        current_app.logger.warning(
            "COMMISSION_LOGO %r is not an image under instance/ or static/; no logo shown.",
            setting,
        )
        return None
    folder = folders[path.parts[0]]
    if not (Path(folder) / inside).is_file():
        current_app.logger.warning("COMMISSION_LOGO %r does not exist; no logo shown.", setting)
        return None
    return folder, inside.as_posix()


@bp.app_template_global()
def commission_logo_url() -> str | None:
    """Where the letterhead's logo is served, or None without one."""
    return url_for("letterhead.logo") if logo_file() else None


@bp.route("/letterhead/logo")
def logo():
    """The configured logo: only that one file, never another from its folder."""
    found = logo_file() or abort(404)
    return send_from_directory(*found)


@bp.app_template_filter()
def css_string(text: str) -> Markup:
    """text as a quoted CSS string, safe inside a <style> element: quotes, backslashes,
    angle brackets, ampersands and control characters become CSS escapes."""
    escaped = "".join(
        char if char.isprintable() and char not in "\"'\\<>&" else f"\\{ord(char):x} "
        for char in str(text)
    )
    # Markup: every character that could end the string or the <style> is escaped above.
    return Markup(f'"{escaped}"')  # noqa: S704  # nosec B704


@bp.app_template_global()
def page_counter_css() -> Markup:
    """'Page 3 of 7' in the reader's language, as a CSS content value of the page counters."""
    parts = re.split(r"(%\(pages?\)s)", _("Page %(page)s of %(pages)s"))
    value = " ".join(PAGE_COUNTERS.get(part) or css_string(part) for part in parts if part)
    # Markup: counters and strings quoted by css_string only.
    return Markup(value)  # noqa: S704  # nosec B704
