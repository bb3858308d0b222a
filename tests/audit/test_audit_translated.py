"""The audit pages word the stored changes in the reader's language: field labels, enum labels,
yes/no, record types and names; what is stored stays machine values."""

from functools import cache

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tests.i18n.test_catalogues import load_catalogue
from tracker.audit.display import audited_fields
from tracker.audit.labels import ENTITY_LABELS, field_label_message
from tracker.audit.recorder import AUDITED
from tracker.extensions import db
from tracker.models import AuditEntry, Delegation, Stage

LANGUAGES = ["zh", "de"]


@cache
def _catalogue(language: str):
    return load_catalogue(language)


def tr(language: str, msgid: str) -> str:
    """msgid as the language's catalogue words it."""
    return _catalogue(language).get(msgid).string


def _need_changed(make):
    """A need moved from new to qualified, made confidential and handed to another owner."""
    first = make.user(display_name="Wang Fang")
    second = make.user(display_name="Anna Berg")
    need = make.need(title="Lab space in Jena", owner_id=first.id)
    db.session.commit()
    db.session.refresh(need)  # as a view loads it: the history needs the values before
    need.stage, need.confidential, need.owner_id = Stage.QUALIFIED, True, second.id
    db.session.commit()
    return need


def _cells(page: str) -> str:
    """The page's text with tags as separators, to find a label beside its values."""
    return page.replace("</td>", "|").replace("<td", "\n<td")


@pytest.mark.parametrize("language", LANGUAGES)
def test_history_shows_stage_boolean_and_owner_in_the_readers_language(
    client, login, make, language
):
    login("admin", language=language)
    need = _need_changed(make)
    page = client.get(f"/history/need/{need.id}").text
    for msgid in ("Stage", "Qualified", "New", "Confidential", "Yes", "No", "Owner"):
        assert f">{tr(language, msgid)}<" in page, msgid
    assert "Wang Fang" in page and "Anna Berg" in page  # the owners by name, not by id
    for raw in (">stage<", ">qualified<", ">owner_id<", ">confidential<", ">True<", ">False<"):
        assert raw not in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_log_names_record_types_fields_and_values_in_the_readers_language(
    client, login, make, language
):
    login("admin", language=language)
    need = _need_changed(make)
    page = client.get("/admin/audit?entity=need").text
    assert f"{tr(language, 'Need')} #{need.id}" in page
    assert f">{tr(language, 'Need')}</option>" in page  # the record type filter
    for msgid in ("Stage", "Qualified", "Confidential", "Yes", "Owner"):
        assert f">{tr(language, msgid)}<" in page, msgid
    assert ">need<" not in page and ">stage<" not in page


def test_what_is_stored_stays_machine_values(make):
    need = _need_changed(make)
    entry = db.session.scalars(
        select(AuditEntry).where(AuditEntry.entity == "need", AuditEntry.action == "update")
    ).one()
    assert entry.entity_id == need.id
    assert entry.changes["stage"] == ["new", "qualified"]
    assert entry.changes["confidential"] == [False, True]
    assert entry.changes["owner_id"][1] == need.owner_id


def test_vocabulary_terms_in_a_collection_read_in_the_readers_language(client, login, make):
    login("admin", language="de")
    topic = make.topic(name="Optics", name_de="Optik", name_zh="光学")
    delegation = make.delegation()
    db.session.commit()
    stmt = select(Delegation).where(Delegation.id == delegation.id)
    db.session.scalar(stmt.options(selectinload(Delegation.topics))).topics = [topic]
    db.session.commit()
    page = client.get(f"/history/delegation/{delegation.id}").text
    assert ">Optik<" in page and ">Optics<" not in page
    assert f">{tr('de', 'Topics')}<" in page


def test_every_audited_field_and_record_type_has_a_label(app):
    """Generated from the models: a new audited column or collection needs its label."""
    unnamed = [key for key in audited_fields() if field_label_message(*key) is None]
    assert not unnamed
    assert not AUDITED - ENTITY_LABELS.keys()


def test_the_log_looks_names_up_once_a_page_not_once_a_row(client, login, make, count_queries):
    login("admin")
    _need_changed(make)

    def queries() -> int:
        db.session.expire_all()
        with count_queries() as statements:
            assert client.get("/admin/audit").status_code == 200
        return len(statements)

    queries()  # each first view after a change computes the figures kept between views
    few = queries()
    for _ in range(5):
        _need_changed(make)
    queries()
    assert queries() == few
