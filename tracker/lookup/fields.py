"""Form fields for the pickers: a select that holds only the chosen record(s) and a short list.

The widget is a <select data-lookup="/lookup/<kind>"> that static/js/lookup.js turns into a
Tom Select asking the server as the user types. Without JavaScript the select still works: it
lists the chosen record(s) and a bounded list (`choices` when the view sets one, else the kind's
most recent records; see services.offered), and a <noscript> hint says so.

Posted ids are checked against the database, not against what the page listed: any visible
record of the kind (and side, with local=True) is accepted, anything else is a field error.
"""

from flask import url_for
from flask_babel import lazy_gettext as _l
from wtforms import SelectField, SelectMultipleField
from wtforms.fields.choices import Choice
from wtforms.validators import ValidationError

from tracker.lookup import services
from tracker.numbers import parse_id

NO_RESULTS = _l("Nothing found.")
# SelectField's own message, translated by WTForms' catalogue (a name, so pybabel skips it).
WTFORMS_NOT_A_CHOICE = "Not a valid choice."


def coerce_id(value) -> int | None:
    """A posted id: None for the empty choice, ValueError for anything but a plausible id."""
    if value is None or value == "" or isinstance(value, int):
        return value or None
    number = parse_id(value)
    if number is None:
        raise ValueError(value)
    return number


class _Lookup:
    """What the single and the multiple picker share: the kind, the URL and the options."""

    def _setup_lookup(self, kind: str, local: bool) -> None:
        if kind not in services.KINDS:
            raise ValueError(f"unknown lookup kind {kind!r}")
        self.kind, self.local = kind, local
        self.offered: list | dict | None = None
        self.exclude: set[int] = set()  # ids refused although visible (e.g. merging into itself)
        self._cache: tuple | None = None

    @property
    def choices(self) -> list[tuple[int, str]]:
        """The options the select lists: the chosen records, then the offered ones."""
        return [(c.value, c.label) for _g, group in self.iter_groups() for c in group if c.value]

    @choices.setter
    def choices(self, value) -> None:
        """Setting choices sets the bounded list offered beside the chosen records: (id, label)
        pairs, or a dict of such lists by group label; None offers the kind's most recent."""
        self.offered = value

    @property
    def lookup_url(self) -> str:
        """The JSON endpoint the picker searches."""
        return url_for("lookup.find", kind=self.kind, local=1 if self.local else None)

    def chosen_ids(self) -> list[int]:
        raise NotImplementedError

    def options(self) -> tuple[list[services.Option], list | dict]:
        """(the chosen records that exist, the offered ones); one query per distinct choice."""
        key = (tuple(self.chosen_ids()), self.offered is None)
        if self._cache is None or self._cache[0] != key:
            chosen, recent = services.offered(
                self.kind, key[0], local=self.local, fallback=self.offered is None
            )
            self._cache = (key, chosen, [(o.value, o.text) for o in recent])
        _key, chosen, recent = self._cache
        return chosen, (recent if self.offered is None else self.offered)

    def check_ids(self) -> None:
        """Every posted id must name a visible record of the kind."""
        if self.process_errors:
            return  # not an id at all: the coerce error is already shown
        known = {o.value for o in self.options()[0]} - self.exclude
        if any(i not in known for i in self.chosen_ids()):
            raise ValidationError(self.gettext(WTFORMS_NOT_A_CHOICE))

    def iter_choices(self):
        return [c for _group, choices in self.iter_groups() for c in choices]

    def has_groups(self) -> bool:
        return isinstance(self.offered, dict)

    def pre_validate(self, form) -> None:
        self.check_ids()

    def _others(self, taken: set[int]):
        """(group label or None, [Choice]) for the offered options not already chosen."""
        others = self.options()[1]
        groups = others.items() if isinstance(others, dict) else [(None, others)]
        for group, items in groups:
            yield group, [Choice(str(v), t, False, {}) for v, t in items if v not in taken]

    def __call__(self, **kwargs):
        kwargs.setdefault("data-lookup", self.lookup_url)
        kwargs.setdefault("data-placeholder", _l("Type to search…"))
        kwargs.setdefault("data-no-results", NO_RESULTS)
        return super().__call__(**kwargs)


class LookupField(_Lookup, SelectField):
    """One organisation, person or delegation (None when left empty)."""

    def __init__(self, label=None, validators=None, *, kind: str, local: bool = False, **kwargs):
        super().__init__(label, validators, coerce=coerce_id, choices=None, **kwargs)
        self._setup_lookup(kind, local)

    def chosen_ids(self) -> list[int]:
        return [] if self.data is None else [self.data]

    def iter_groups(self):
        chosen = self.options()[0]
        yield (
            None,
            [
                Choice("", "—", not chosen, {}),
                *(Choice(str(o.value), o.text, True, {}) for o in chosen),
            ],
        )
        yield from self._others({o.value for o in chosen})


class LookupMultipleField(_Lookup, SelectMultipleField):
    """Several organisations or people."""

    def __init__(self, label=None, validators=None, *, kind: str, local: bool = False, **kwargs):
        super().__init__(label, validators, coerce=coerce_id, choices=None, **kwargs)
        self._setup_lookup(kind, local)

    def chosen_ids(self) -> list[int]:
        return sorted({i for i in self.data or [] if i is not None})

    def process_formdata(self, valuelist):
        """Empty values (a cleared picker) are no choice."""
        super().process_formdata([v for v in valuelist if v != ""])

    def iter_groups(self):
        chosen = self.options()[0]
        yield None, [Choice(str(o.value), o.text, True, {}) for o in chosen]
        yield from self._others({o.value for o in chosen})
