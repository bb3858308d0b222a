"""The top-bar search and the dashboard."""

from datetime import date, timedelta

import pytest

from tracker.extensions import db
from tracker.i18n import local_today
from tracker.main.services import search


@pytest.fixture
def records(make):
    org = make.organisation(name="Müller Präzision GmbH", name_zh="穆勒精密")
    person = make.person(full_name="Jörg Weißenfels", organisation=org)
    delegation = make.delegation(title="Görlitz visit", origin_region="Sachsen")
    db.session.commit()
    return org, person, delegation


@pytest.mark.parametrize("query", ["mueller", "Müller", "MULLER", "praezision", "穆勒"])
def test_search_finds_organisation_across_spellings(records, query):
    assert [o.name for o in search(query).organisations] == ["Müller Präzision GmbH"]


@pytest.mark.parametrize("query", ["weissenfels", "Joerg", "jorg weißenfels"])
def test_search_finds_person(records, query):
    assert [p.full_name for p in search(query).people] == ["Jörg Weißenfels"]


@pytest.mark.parametrize("query", ["zhang wei", "Zhāng Wěi", "zhangwei", "zhang1 wei3", "张伟"])
def test_search_finds_chinese_names_by_pinyin(make, query):
    make.person(full_name="Wei Zhang", name_other_script="张伟")  # only pinyin says "zhang wei"
    make.person(full_name="王芳")
    make.organisation(name="上海机器人产业园")
    db.session.commit()
    assert [p.full_name for p in search(query).people] == ["Wei Zhang"]


def test_search_finds_chinese_organisation_by_pinyin_of_a_word(make):
    make.organisation(name="上海机器人产业园")
    db.session.commit()
    assert [o.name for o in search("jiqiren").organisations] == ["上海机器人产业园"]


def test_pinyin_key_follows_a_renamed_person(make):
    person = make.person(full_name="张伟")
    db.session.commit()
    person.full_name = "王芳"
    db.session.commit()
    assert search("zhang wei").total == 0
    assert [p.full_name for p in search("wang fang").people] == ["王芳"]


def test_search_finds_delegation_by_title_and_region(records):
    assert [d.title for d in search("goerlitz").delegations] == ["Görlitz visit"]
    assert [d.title for d in search("sachsen").delegations] == ["Görlitz visit"]


@pytest.mark.parametrize("query", ["%", "_", "' OR 1=1 --", "   "])
def test_search_treats_wildcards_and_quotes_as_text(records, query):
    assert search(query).total == 0


def test_search_page_lists_hits_escaped(client, login, make):
    login()
    make.organisation(name="<script>alert(1)</script> AG")
    db.session.commit()
    response = client.get("/search?q=script")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; AG" in response.text


def test_search_ignores_an_overlong_query(client, login):
    login()
    assert client.get("/search?q=" + "x" * 100_000).status_code == 200


def test_dashboard_shows_upcoming_and_recent_visits_and_counts(client, login, make):
    user = login()
    today = local_today()
    make.delegation(title="Next week", start_date=today + timedelta(days=7))
    make.delegation(title="Last year", start_date=date(today.year - 1, 3, 1))
    make.organisation(name="Local park", is_local=True, created_by_id=user.id)
    db.session.commit()
    page = client.get("/").text
    upcoming, recent = page.split("Recent visits")[0], page.split("Recent visits")[1]
    assert "Next week" in upcoming
    assert "Last year" in recent.split("My recent records")[0]
    assert "Local park" in page.split("My recent records")[1]
