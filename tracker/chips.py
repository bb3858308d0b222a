"""Active list filters that have no input of their own, shown as removable chips.

A report link may narrow a list by things its form has no field for (a stage reached in a
span of days, the needs a follow-up is about). Each such filter is shown as a chip that names
it in words, that the list form keeps as hidden inputs, and that a link removes.
"""

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from tracker.i18n import format_day

# Report links restrict a list to records on needs (on_needs=1) matching the needs list's
# filters, given with this prefix (need.delegation_id=3).
NEED_PREFIX = "need."


@dataclass(frozen=True)
class Chip:
    """An active filter without an input: its label, the arguments that keep it, and any
    further arguments that removing it drops (a span's unset end, filters that mean nothing
    without it)."""

    label: str
    args: dict[str, str]  # kept as hidden inputs of the form
    also_removes: tuple[str, ...] = ()

    @property
    def remove(self) -> dict:
        """The url_with changes that drop the filter."""
        return dict.fromkeys((*self.args, *self.also_removes))


def span(start: date | None, end: date | None) -> str:
    """Two days as a readable range; either may be missing."""
    if start and end:
        return _("%(start)s to %(end)s", start=format_day(start), end=format_day(end))
    if start:
        return _("from %(start)s", start=format_day(start))
    return _("until %(end)s", end=format_day(end)) if end else ""
