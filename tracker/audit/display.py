"""The audit pages' reading of the stored changes, in the reader's language.

An entry keeps machine values (column names, enum values, ids, ISO dates), so the log reads the
same whatever language its writer used; they are worded here, when shown: a field by its label
(tracker.audit.labels), an enum value by its enum's label, found from the model's column type,
a yes/no, a day, a number, a user or a vocabulary term by its name.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import sqlalchemy as sa
from babel.numbers import format_decimal
from flask_babel import to_user_timezone
from sqlalchemy import select

from tracker.audit.labels import ENTITY_LABELS, NO, YES, field_label_message
from tracker.audit.recorder import AUDITED, IGNORED
from tracker.extensions import db
from tracker.i18n import (
    LANGUAGE_NAMES,
    country_name,
    current_locale,
    format_day,
    format_moment,
)
from tracker.models import AuditEntry, User
from tracker.models.vocabulary import VocabularyMixin
from tracker.stored_text import shown

NOTHING = "—"
# Fields holding messages the app composed (tracker.stored_text), one a line, and the
# vocabularies whose terms those messages name.
STORED_MESSAGES = {("match", "reasons"): ("key_industry", "need_category")}
# Text columns holding a code that each language names: country codes, interface languages.
CODE_FIELDS = {"country": "country", "origin_country": "country", "language": "language"}


@dataclass(frozen=True, slots=True)
class Field:
    """How an audited field's stored values read: its kind, and its place in the model."""

    kind: str  # enum bool date datetime number ref list stored country language text
    position: int
    enum: type | None = None
    target: str | None = None  # the table a reference or a collection points at
    vocabularies: tuple[str, ...] = ()  # stored messages: the tables of the terms they name


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One field's change as shown: its label, the value before and after."""

    label: str
    before: str
    after: str


@lru_cache(maxsize=1)
def audited_fields() -> dict[tuple[str, str], Field]:
    """(table, field) -> Field for every column and collection the recorder writes, read once
    from the mappers: a new column or enum needs no entry here."""
    fields = {}
    for mapper in db.Model.registry.mappers:
        table = mapper.local_table.name
        if table not in AUDITED:
            continue
        position = 0
        for attr in mapper.column_attrs:
            if attr.key in IGNORED or attr.key == "id":
                continue
            fields[table, attr.key] = _column_field(table, attr, position)
            position += 1
        for rel in mapper.relationships:
            if rel.secondary is not None:
                target = rel.mapper.local_table.name
                fields[table, rel.key] = Field("list", position, target=target)
                position += 1
    # Not a column: where a merged organisation went (tracker.organisations.merge_audit).
    fields["organisation", "merged_into"] = Field("ref", 1000, target="organisation")
    return fields


def _column_field(table: str, attr, position: int) -> Field:
    column = attr.columns[0]
    kind_of = column.type
    if (table, attr.key) in STORED_MESSAGES:
        return Field("stored", position, vocabularies=STORED_MESSAGES[table, attr.key])
    if isinstance(kind_of, sa.Enum) and kind_of.enum_class is not None:
        return Field("enum", position, enum=kind_of.enum_class)
    if isinstance(kind_of, sa.Boolean):
        return Field("bool", position)
    if isinstance(kind_of, sa.DateTime):
        return Field("datetime", position)
    if isinstance(kind_of, sa.Date):
        return Field("date", position)
    foreign_keys = getattr(column, "foreign_keys", ())
    if foreign_keys:
        return Field("ref", position, target=next(iter(foreign_keys)).column.table.name)
    if isinstance(kind_of, sa.Integer | sa.Numeric):
        return Field("number", position)
    return Field(CODE_FIELDS.get(attr.key, "text"), position)


@lru_cache(maxsize=1)
def vocabulary_models() -> dict[str, type[VocabularyMixin]]:
    """Table name -> model of the managed vocabularies (topics, key industries ...)."""
    return {
        m.local_table.name: m.class_
        for m in db.Model.registry.mappers
        if issubclass(m.class_, VocabularyMixin)
    }


@dataclass(frozen=True, slots=True)
class Words:
    """One language's words for the audit pages, built once per language."""

    entities: Mapping[str, str]
    fields: Mapping[tuple[str, str], str]
    enums: Mapping[type, Mapping[str, str]]
    yes: str
    no: str


def words() -> Words:
    """The interface language's Words."""
    return _words(str(current_locale() or "en"))


@lru_cache(maxsize=8)
def _words(_language: str) -> Words:
    # Called under the language it is keyed by: the labels translate through its catalogue.
    enums = {f.enum for f in audited_fields().values() if f.enum is not None}
    return Words(
        entities={entity: str(label) for entity, label in ENTITY_LABELS.items()},
        fields={
            key: str(message)
            for key in audited_fields()
            if (message := field_label_message(*key)) is not None
        },
        enums={enum: {m.value: str(getattr(m, "label", m.value)) for m in enum} for enum in enums},
        yes=str(YES),
        no=str(NO),
    )


def entity_label(entity: str) -> str:
    """An audited table's name for the reader ("need" -> Bedarf), or the table's own name."""
    return words().entities.get(entity, entity)


def entity_choices() -> list[tuple[str, str]]:
    """The audited tables with their names, sorted by name, for the log's filter."""
    names = words().entities
    return sorted(((e, names.get(e, e)) for e in AUDITED), key=lambda choice: choice[1])


class ChangeReader:
    """Reads one page's entries: the users and vocabulary terms their changes point at are
    looked up once for the page (a query per kind, none per row)."""

    def __init__(self, entries: Iterable[AuditEntry], user_names: Mapping[int, str] | None = None):
        self.words = words()
        self.fields = audited_fields()
        self.locale = current_locale() or "en"
        user_ids, vocabularies = set(), set()
        for entry in entries:
            for name, values in (entry.changes or {}).items():
                field = self.fields.get((entry.entity, name))
                if field is None:
                    continue
                if field.kind == "stored":
                    vocabularies.update(field.vocabularies)
                elif field.target == "user" and field.kind == "ref":
                    user_ids.update(v for v in values if isinstance(v, int))
                elif field.target in vocabulary_models():
                    vocabularies.add(field.target)
        self.user_names = dict(user_names or {})
        if missing := user_ids - self.user_names.keys():
            found = select(User.id, User.display_name).where(User.id.in_(missing))
            self.user_names.update(db.session.execute(found).all())
        self.terms: dict[str, dict[int, VocabularyMixin]] = {}
        self.term_names: dict[str, dict[str, str]] = {}  # a term's name in any language -> label
        for table in vocabularies:
            terms = db.session.scalars(select(vocabulary_models()[table])).all()
            self.terms[table] = {term.id: term for term in terms}
            self.term_names[table] = {
                name: term.label
                for term in terms
                for name in (term.name, term.name_de, term.name_zh)
                if name
            }

    def rows(self, entry: AuditEntry) -> list[ChangeRow]:
        """The entry's changes, field by field in the model's order, worded for the reader."""
        rows = []
        for name, (before, after) in (entry.changes or {}).items():
            if name in IGNORED:
                continue  # bookkeeping an older recorder still wrote
            field = self.fields.get((entry.entity, name))
            label = self.words.fields.get((entry.entity, name))
            if label is None:
                message = field_label_message(entry.entity, name)
                label = str(message) if message is not None else name
            row = ChangeRow(label, self.value(field, before), self.value(field, after))
            rows.append((field.position if field else len(self.fields), name, row))
        return [row for *_order, row in sorted(rows, key=lambda found: found[:2])]

    def value(self, field: Field | None, value) -> str:
        """One stored value as the reader reads it; as stored when it is not what was expected
        (a value written before a column changed its type)."""
        if value is None or value == "" or value == []:
            return NOTHING
        if isinstance(value, bool):
            return self.words.yes if value else self.words.no
        if isinstance(value, list):
            return ", ".join(self._names(field, value))
        if field is None:
            return str(value)
        try:
            return self._typed(field, value)
        except (TypeError, ValueError, InvalidOperation):
            return str(value)

    def _typed(self, field: Field, value) -> str:
        kind = field.kind
        if kind == "enum":
            return self.words.enums[field.enum].get(value, str(value))
        if kind == "ref":
            if field.target == "user" and value in self.user_names:
                return self.user_names[value]
            term = self.terms.get(field.target, {}).get(value)
            return term.label if term is not None else f"#{value}"
        if kind == "date":
            return format_day(date.fromisoformat(value), self.locale)
        if kind == "datetime":
            return format_moment(to_user_timezone(datetime.fromisoformat(value)), self.locale)
        if kind == "number":
            return format_decimal(Decimal(str(value)), locale=self.locale)
        if kind == "stored":
            terms = [t for table in field.vocabularies for t in self.terms.get(table, {}).values()]
            return "\n".join(shown(line, terms=terms) for line in str(value).split("\n") if line)
        if kind == "country":
            return country_name(value)
        if kind == "language":
            return LANGUAGE_NAMES.get(value, value)
        return str(value)

    def _names(self, field: Field | None, names: list) -> list[str]:
        """A collection's names (stored as the records' labels); vocabulary terms, stored in
        English, in the reader's language."""
        known = self.term_names.get(field.target, {}) if field is not None else {}
        return [known.get(name, str(name)) for name in names]
