"""The talks list's export columns; times in the commission's time zone."""

from flask_babel import lazy_gettext as _l

from tracker.exports import Column, local_time


def _names(items, attribute: str) -> str:
    return ", ".join(getattr(item, attribute) for item in items)


COLUMNS = (
    Column(_l("Title"), lambda t: t.title),
    Column(_l("Starts"), lambda t: local_time(t.starts_at)),
    Column(_l("Ends"), lambda t: local_time(t.ends_at)),
    Column(_l("Place"), lambda t: t.place),
    Column(_l("Video link"), lambda t: t.video_link),
    Column(_l("Need"), lambda t: t.need.title),
    Column(_l("Visiting organisation"), lambda t: t.need.organisation.name),
    Column(_l("Organisations"), lambda t: _names(t.organisations, "name")),
    Column(_l("Colleagues"), lambda t: _names(t.staff, "display_name")),
    Column(_l("Outcome"), lambda t: t.outcome),
)
