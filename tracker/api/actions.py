"""Actions on a record (assign, complete, accept ...): POST requests that change one record and
so, like a PATCH, must name the version they were decided on in If-Match (428 without it, 412
when stale); and the checks of an action's JSON body that no form makes."""

from collections.abc import Iterable, Mapping

from flask_babel import lazy_gettext as _l
from flask_smorest import Blueprint

from tracker.api.conventions import UNKNOWN_FIELD, refuse

REQUIRED = _l("This field is required.")


class ActionBlueprint(Blueprint):
    """A blueprint of actions: every POST needs If-Match, as a PATCH does."""

    METHODS_NEEDING_CHECK_ETAG = [*Blueprint.METHODS_NEEDING_CHECK_ETAG, "POST"]


def require_fields(values: Mapping, *names: str) -> None:
    """422 naming each of names that values lacks."""
    missing = {name: [str(REQUIRED)] for name in names if values.get(name) is None}
    if missing:
        refuse(missing)


def only_fields(values: Mapping, names: Iterable[str]) -> None:
    """422 naming each field of values that is not one of names."""
    unknown = {name: [str(UNKNOWN_FIELD)] for name in values if name not in set(names)}
    if unknown:
        refuse(unknown)
