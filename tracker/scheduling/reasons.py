"""The solver's reasons in words, in the language of whoever runs the solve."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from tracker.scheduling.problem import Reason

LANGUAGE_NAMES = {
    "zh": _l("Chinese"), "de": _l("German"), "en": _l("English"), "fr": _l("French"),
    "ja": _l("Japanese"), "ko": _l("Korean"), "ru": _l("Russian"), "es": _l("Spanish"),
    "it": _l("Italian"), "yue": _l("Cantonese"),
}  # fmt: skip


def language_name(code: str) -> str:
    return str(LANGUAGE_NAMES.get(code, code))


def reason_text(reason: Reason) -> str:
    """One sentence: "No German-Chinese interpreter is free at a common free slot of X and Y." """
    values = reason.values
    who = _(" and ").join(values.get("names", []))
    pair = "-".join(language_name(code) for code in values.get("pair", []))
    count = values.get("count", 0)
    texts = {
        "no_participants": lambda: _("The talk has no participants."),
        "no_interpreter_pair": lambda: _("No %(pair)s interpreter in this session.", pair=pair),
        "no_table_seats": lambda: _("No table has %(count)s seats.", count=count),
        "person_unavailable": lambda: _("%(who)s is not free at any slot.", who=who),
        "no_common_slot": lambda: _("No common free slot for %(who)s.", who=who),
        "no_interpreter_free": lambda: _(
            "No %(pair)s interpreter is free at a common free slot of %(who)s.", pair=pair, who=who
        ),
        "no_table_free": lambda: _("No table with enough seats is free when %(who)s are.", who=who),
        "max_per_day": lambda: _(
            "%(who)s has reached the maximum of %(count)s talks that day.", who=who, count=count
        ),
        "participants_busy": lambda: _(
            "%(who)s already have other talks at every common free slot.", who=who
        ),
        "interpreters_busy": lambda: _(
            "Every %(pair)s interpreter is busy at the common free slots.", pair=pair
        ),
        "tables_full": lambda: _(
            "Every table with enough seats is taken at the common free slots."
        ),
        "outranked": lambda: _("Left out for talks of higher priority."),
    }
    return texts.get(reason.code, texts["outranked"])()
