"""Markup typed into any text field comes back escaped on every page that shows it; web
addresses accept http and https only."""

from datetime import datetime

import pytest
from sqlalchemy import func, select

from tests.delegations.test_forms import VALID as DELEGATION_FORM
from tests.organisations.test_forms import valid as organisation_form
from tests.talks.test_talks import form as talk_form
from tracker.extensions import db
from tracker.models import Delegation, Organisation, Stage, Talk

PAYLOADS = {
    "script": ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    "attribute": ('"><img src=x onerror=alert(1)>', "&lt;img src=x onerror=alert(1)&gt;"),
}


def _delegation(make, text, admin):
    d = make.delegation(title=text, start_date=datetime.now().date())
    pages = ["/delegations/{id}", "/delegations/", "/search?q=alert", "/delegations/{id}/report"]
    return d, [*pages, "/", f"/matchmaking/delegations/{d.id}/board"]


def _meeting(make, text, admin):
    return make.meeting(make.delegation(), title=text).delegation, ["/delegations/{id}"]


def _organisation(make, text, admin):
    org = make.organisation(name=text)
    make.need(org)
    return org, ["/organisations/{id}", "/organisations/", "/search?q=alert", "/needs/"]


def _person(make, text, admin):
    person = make.person(full_name=text)
    make.member(make.delegation(), person)
    return person, ["/people/{id}", "/people/", "/search?q=alert"]


def _need(make, text, admin):
    need = make.need(title=text, owner=admin)
    return need, ["/needs/{id}", "/needs/", "/needs/?q=alert", "/needs/board"]


def _followup(make, text, admin):
    followup = make.followup(admin, title=text)
    return followup, ["/followups/{id}", "/followups/", "/followups/mine"]


def _talk(make, text, admin):
    need = make.need(stage=Stage.QUALIFIED)
    talk = make.talk(need, datetime(2026, 5, 13, 2), title=text)
    return talk, ["/talks/{id}", f"/needs/{need.id}", "/talks/"]


def _offer(make, text, admin):
    return make.offer(title=text).organisation, ["/organisations/{id}"]


def _topic(make, text, admin):
    topic = make.topic(name=text)
    d = make.delegation(topics=[topic])
    return d, ["/delegations/{id}", "/vocabularies/"]


def _user_name(make, text, admin):
    user = make.user(display_name=text)
    followup = make.followup(user)
    return followup, ["/followups/{id}", "/admin/users", "/followups/team"]


KINDS = {
    f.__name__[1:]: f
    for f in (_delegation, _meeting, _organisation, _person, _need, _followup, _talk, _offer,
              _topic, _user_name)
}  # fmt: skip


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("kind", KINDS)
def test_user_text_is_escaped_on_every_page_showing_it(client, login, make, kind, payload):
    admin = login("admin")
    raw, escaped = PAYLOADS[payload]
    record, pages = KINDS[kind](make, raw, admin)
    db.session.commit()
    for page in pages:
        url = page.format(id=record.id)
        response = client.get(url)
        assert response.status_code == 200, url
        assert raw not in response.text, f"{url} shows the {kind} unescaped"
        assert escaped in response.text, f"{url} does not show the {kind}"


def test_the_search_box_echoes_the_query_escaped(client, login):
    login()
    raw, escaped = PAYLOADS["attribute"]
    page = client.get("/search", query_string={"q": raw}).text
    assert raw not in page and escaped in page


def _talk_post(make):
    need = make.need(stage=Stage.QUALIFIED)
    db.session.commit()
    return f"/talks/new?need_id={need.id}", "video_link", talk_form(), Talk


URL_FORMS = {
    "organisation website": lambda make: (
        "/organisations/new",
        "website",
        organisation_form(),
        Organisation,
    ),
    "delegation source": lambda make: (
        "/delegations/new",
        "source_url",
        dict(DELEGATION_FORM),
        Delegation,
    ),
    "talk video link": _talk_post,
}
BAD_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.org/file",
]


@pytest.mark.parametrize("url", BAD_URLS)
@pytest.mark.parametrize("form", URL_FORMS)
def test_web_addresses_other_than_http_are_refused(client, login, make, form, url):
    login()
    target, field, data, model = URL_FORMS[form](make)
    before = db.session.scalar(select(func.count()).select_from(model))
    response = client.post(target, data=data | {field: url})
    assert response.status_code == 200  # the form again, with the error
    assert "http:// or https://" in response.text or "Invalid URL" in response.text
    assert db.session.scalar(select(func.count()).select_from(model)) == before


@pytest.mark.parametrize("form", URL_FORMS)
def test_an_https_address_is_accepted(client, login, make, form):
    login()
    target, field, data, model = URL_FORMS[form](make)
    before = db.session.scalar(select(func.count()).select_from(model))
    response = client.post(target, data=data | {field: "https://example.org/a?b=c"})
    assert response.status_code == 302, response.text
    assert db.session.scalar(select(func.count()).select_from(model)) == before + 1
