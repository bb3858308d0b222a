"""Needs through the test client: forms, list filters, the board, stage moves, conflicts."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from tests.checks import assert_refused, count_rows, reloaded
from tests.messages import NOT_A_CHOICE, NOT_A_DATE, REQUIRED, too_long
from tests.queries import queries_on_page
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import FollowUpStatus, Need, Stage, StageChange


@pytest.fixture
def org(make):
    return make.organisation(name="Saale Robotik GmbH")


def _form(org, **changes):
    data = {
        "organisation_id": org.id, "title": "Production space 3,000 m²", "priority": "high",
        "estimated_investment": "25000000", "currency": "EUR", "expected_jobs": "80",
        "description": "Wants to assemble robot arms near Shanghai.",
    }  # fmt: skip
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_create_need_records_it_in_stage_new(client, login, org):
    user = login()
    db.session.commit()
    response = client.post("/needs/new", data=_form(org, owner_id=user.id))
    assert response.status_code == 302
    need = db.session.scalar(select(Need))
    assert (need.title, need.stage, need.owner_id) == (
        "Production space 3,000 m²",
        Stage.NEW,
        user.id,
    )
    assert need.estimated_investment == Decimal("25000000.00")
    assert need.created_by_id == user.id
    assert count_rows(StageChange) == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, REQUIRED),
        ({"title": "x" * 201}, too_long(200)),
        ({"organisation_id": "999999"}, NOT_A_CHOICE),
        ({"organisation_id": "abc"}, "could not coerce"),
        ({"estimated_investment": "-5"}, "Enter an amount from 0"),
        ({"estimated_investment": "1e15"}, "Enter an amount from 0"),
        ({"estimated_investment": "lots"}, "Not a valid decimal value."),
        ({"currency": None}, "Choose the currency of the amount."),
        ({"currency": "GBP"}, NOT_A_CHOICE),
        ({"expected_jobs": "-1"}, "Enter 0 to 1,000,000."),
        ({"expected_jobs": "99999999999999999999"}, "Enter 0 to 1,000,000."),
        ({"priority": "urgent"}, NOT_A_CHOICE),
        ({"next_step_date": "2026-02-30"}, NOT_A_DATE),
        ({"owner_id": "424242"}, NOT_A_CHOICE),
        ({"category_id": "1"}, NOT_A_CHOICE),
        ({"meeting_id": "1"}, NOT_A_CHOICE),
        # Without an owner the staff member recording it could no longer see it.
        ({"confidential": "y"}, "Choose the owner of a confidential need."),
    ],
)
def test_create_need_rejects_bad_input_at_the_field(client, login, org, changes, message):
    login()
    db.session.commit()
    response = client.post("/needs/new", data=_form(org, **changes))
    assert_refused(response, message)
    assert "Production space" in response.text or changes.get("title") is not None
    assert count_rows(Need) == 0


def test_inactive_user_cannot_become_owner(client, login, make, org):
    login()
    gone = make.user(active=False)
    db.session.commit()
    response = client.post("/needs/new", data=_form(org, owner_id=gone.id))
    assert "Not a valid choice" in response.text
    assert count_rows(Need) == 0


def test_create_form_is_prefilled_from_the_url(client, login, make, org):
    login()
    delegation = make.delegation()
    meeting = make.meeting(delegation, title="Round table")
    db.session.commit()
    page = client.get(
        f"/needs/new?organisation_id={org.id}&delegation_id={delegation.id}&meeting_id={meeting.id}"
    ).text
    assert f'<option selected value="{org.id}">Saale Robotik GmbH</option>' in page
    assert "Round table" in page


def test_list_filters(client, login, make, org):
    user = login()
    other = make.organisation(name="Jenaer Optronik AG", country="AT")
    make.need(organisation=org, title="Space need", stage=Stage.TALKS, owner=user)
    make.need(organisation=other, title="Talent need", stage=Stage.NEW)
    db.session.commit()
    assert "Space need" in client.get("/needs/?stage=talks").text
    assert "Talent need" not in client.get("/needs/?stage=talks").text
    assert "Space need" not in client.get("/needs/?origin=AT").text
    assert "Talent need" in client.get("/needs/?origin=AT").text
    assert "Talent need" not in client.get(f"/needs/?owner_id={user.id}").text
    assert "Space need" in client.get("/needs/?q=space").text
    # Unknown values are ignored rather than failing.
    assert (
        client.get("/needs/?stage=nonsense&owner_id=x&sort=drop+table&origin=123").status_code
        == 200
    )


def test_no_open_followup_and_overdue_flags_and_filters(client, login, make, org):
    user = login()
    today = local_today()
    bare = make.need(organisation=org, title="Bare need", stage=Stage.QUALIFIED)
    covered = make.need(organisation=org, title="Covered need", stage=Stage.QUALIFIED)
    late = make.need(organisation=org, title="Late need", stage=Stage.TALKS)
    make.need(organisation=org, title="Closed need", stage=Stage.LOST)
    make.followup(user, need=covered, due_date=today + timedelta(days=3))
    make.followup(user, need=late, due_date=today - timedelta(days=1))
    make.followup(user, need=bare, due_date=today, status=FollowUpStatus.DONE)
    db.session.commit()
    flagged = client.get("/needs/?no_open_followup=1").text
    assert "Bare need" in flagged
    assert "Covered need" not in flagged and "Closed need" not in flagged
    overdue = client.get("/needs/?overdue=1").text
    assert "Late need" in overdue and "Covered need" not in overdue
    assert "No open follow-up" in client.get(f"/needs/{bare.id}").text
    assert "No open follow-up" not in client.get(f"/needs/{covered.id}").text


def test_move_without_javascript_from_the_board(client, login, make, org):
    login()
    need = make.need(organisation=org, stage=Stage.MATCHING)
    db.session.commit()
    board = client.get("/needs/board").text
    assert f'action="/needs/{need.id}/stage"' in board
    response = client.post(
        f"/needs/{need.id}/stage", data={"to_stage": "talks", "next": "/needs/board"}
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/needs/board")
    db.session.refresh(need)
    assert need.stage == Stage.TALKS


def test_board_refuses_senseless_moves_with_a_message(client, login, make, org):
    login()
    need = make.need(organisation=org, stage=Stage.WON)
    db.session.commit()
    response = client.post(f"/needs/{need.id}/stage", data={"to_stage": "new"})
    assert response.status_code == 200
    assert "Not a valid choice" in response.text or "Reopen it first" in response.text
    db.session.refresh(need)
    assert need.stage == Stage.WON


def test_moving_to_lost_asks_for_a_reason_first(client, login, make, org):
    login()
    reason = make.lost_reason(name="Chose another location")
    need = make.need(organisation=org, stage=Stage.TALKS)
    db.session.commit()
    response = client.post(f"/needs/{need.id}/stage", data={"to_stage": "lost"})
    assert "Choose why the need was lost." in response.text
    response = client.post(
        f"/needs/{need.id}/stage", data={"to_stage": "lost", "lost_reason_id": reason.id}
    )
    assert response.status_code == 302
    db.session.refresh(need)
    assert need.stage == Stage.LOST
    assert "Chose another location" in client.get(f"/needs/{need.id}").text


def test_reopen_from_the_detail_page(client, login, make, org):
    login()
    need = make.need(organisation=org, stage=Stage.LOST)
    db.session.commit()
    client.post(f"/needs/{need.id}/reopen", data={"to_stage": "qualified", "note": ""})
    db.session.refresh(need)
    assert need.stage == Stage.LOST
    client.post(f"/needs/{need.id}/reopen", data={"to_stage": "qualified", "note": "New budget"})
    db.session.refresh(need)
    assert need.stage == Stage.QUALIFIED


def test_timeline_tells_the_story_in_order(client, login, make, org):
    user = login()
    db.session.commit()
    client.post("/needs/new", data=_form(org, owner_id=user.id))
    need = db.session.scalar(select(Need))
    client.post(f"/needs/{need.id}/stage", data={"to_stage": "qualified", "note": "Budget ok"})
    client.post(f"/needs/{need.id}/notes", data={"body": "Called the CEO <b>today</b>"})
    page = client.get(f"/needs/{need.id}").text
    timeline = page.split('id="timeline-h"')[1]
    assert (
        timeline.index("Recorded as New")
        < timeline.index("Budget ok")
        < timeline.index("Called the CEO")
    )
    assert "&lt;b&gt;today&lt;/b&gt;" in timeline


def test_stale_edit_is_refused_with_409_and_current_values(app, make, org, login):
    """Two colleagues open the same need; the second save must not overwrite the first."""
    user = login()
    need = make.need(organisation=org, title="Original", owner=user)
    db.session.commit()
    first, second = app.test_client(), app.test_client()
    for c in (first, second):
        c.post("/login", data={"email": user.email, "password": "correct horse battery"})
    version = need.version
    base = {
        "organisation_id": org.id,
        "priority": "medium",
        "owner_id": user.id,
        "version": version,
    }
    assert (
        first.post(f"/needs/{need.id}/edit", data={**base, "title": "First save"}).status_code
        == 302
    )
    response = second.post(f"/needs/{need.id}/edit", data={**base, "title": "Second save"})
    assert response.status_code == 409
    assert "Someone else saved this record" in response.text
    assert "First save" in response.text  # the current values are shown
    assert reloaded(need).title == "First save"


def test_forged_version_is_a_conflict_not_an_error(client, login, make, org):
    user = login()
    need = make.need(organisation=org, owner=user)
    db.session.commit()
    data = {"organisation_id": org.id, "title": "T", "priority": "low", "version": "9" * 30}
    assert client.post(f"/needs/{need.id}/edit", data=data).status_code == 409


def test_staff_cannot_delete_but_manager_can(client, login, make, org):
    need = make.need(organisation=org)
    db.session.commit()
    login("staff")
    assert client.post(f"/needs/{need.id}/delete").status_code == 403
    client.post("/logout")
    login("manager")
    assert "Delete this need?" in client.get(f"/needs/{need.id}/delete").text
    assert client.post(f"/needs/{need.id}/delete").status_code == 302
    assert db.session.scalar(db.select(Need).where(Need.id == need.id)) is None


def test_missing_need_is_404(client, login):
    login()
    assert client.get("/needs/999999").status_code == 404
    assert client.post("/needs/999999/stage", data={"to_stage": "talks"}).status_code == 404


@pytest.mark.parametrize("url", ["/needs/", "/needs/board"])
def test_list_and_board_queries_do_not_grow_with_rows(client, login, make, url):
    user = login()
    cat = make.category(name="Land and space")
    for i in range(3):
        make.need(title=f"N{i}", owner=user, category=cat)
    db.session.commit()
    few = queries_on_page(client, url)
    for i in range(27):
        make.need(title=f"M{i}", owner=user, category=cat, stage=list(Stage)[i % 8])
    db.session.commit()
    assert queries_on_page(client, url) == few


def test_escaping_of_titles(client, login, make, org):
    login()
    need = make.need(organisation=org, title='<script>alert(1)</script>"><img onerror=x>')
    db.session.commit()
    for url in ["/needs/", "/needs/board", f"/needs/{need.id}"]:
        text = client.get(url).text
        assert "<script>alert(1)</script>" not in text
        assert "<img onerror=x>" not in text


def test_won_needs_show_date_and_outcome(client, login, make, org):
    login()
    need = make.need(organisation=org, stage=Stage.NEGOTIATION)
    db.session.commit()
    client.post(
        f"/needs/{need.id}/stage",
        data={"to_stage": "won", "won_on": "2026-11-20", "won_outcome": "company_registered"},
    )
    db.session.refresh(need)
    assert need.stage == Stage.WON
    assert need.won_on == date(2026, 11, 20)
    assert "Company registered" in client.get(f"/needs/{need.id}").text


def test_organisation_and_delegation_pages_show_needs_and_open_followups(client, login, make, org):
    user = login()
    delegation = make.delegation(title="Thuringia visit")
    need = make.need(organisation=org, delegation=delegation, title="Space for assembly")
    make.followup(user, need=need, organisation=org, title="Send floor plans")
    make.followup(user, delegation=delegation, title="Thank-you letter")
    make.followup(user, organisation=org, title="Old call", status=FollowUpStatus.DONE)
    db.session.commit()
    org_page = client.get(f"/organisations/{org.id}").text
    assert "Space for assembly" in org_page and "Send floor plans" in org_page
    assert "Old call" not in org_page and "Thank-you letter" not in org_page
    assert f"/needs/new?organisation_id={org.id}" in org_page
    delegation_page = client.get(f"/delegations/{delegation.id}").text
    assert "Space for assembly" in delegation_page
    assert "Send floor plans" in delegation_page and "Thank-you letter" in delegation_page
    assert f"/followups/new?delegation_id={delegation.id}" in delegation_page


def test_the_panels_show_the_first_ten_and_link_to_all(client, login, make, org):
    """A busy delegation's page shows the latest needs and the soonest follow-ups, with totals
    and links to the lists of all of them."""
    user = login()
    delegation = make.delegation()
    today = date.today()
    for n in range(12):
        need = make.need(organisation=org, delegation=delegation, title=f"Need no. {n:02}")
        need.created_at = need.created_at + timedelta(minutes=n)
        due = today + timedelta(n)
        make.followup(user, delegation=delegation, title=f"Task no. {n:02}", due_date=due)
    db.session.commit()
    page = client.get(f"/delegations/{delegation.id}").text
    assert [f"Need no. {n:02}" in page for n in range(12)] == [False] * 2 + [True] * 10
    assert [f"Task no. {n:02}" in page for n in range(12)] == [True] * 10 + [False] * 2
    assert "Show all 12 needs" in page and "Show all 12 open follow-ups" in page
    assert f'href="/needs/?delegation_id={delegation.id}"' in page
    assert f'href="/followups/?delegation_id={delegation.id}&amp;status=open"' in page
    org_page = client.get(f"/organisations/{org.id}").text
    assert f'href="/needs/?organisation_id={org.id}"' in org_page
    assert "Show all 12 open follow-ups" not in org_page  # they are about the delegation


def test_the_panels_have_no_link_when_all_are_shown(client, login, make, org):
    user = login()
    delegation = make.delegation()
    make.followup(user, need=make.need(organisation=org, delegation=delegation))
    db.session.commit()
    page = client.get(f"/delegations/{delegation.id}").text
    assert "Show all" not in page


@pytest.mark.parametrize("by", ["delegation", "organisation"])
def test_the_followups_list_keeps_those_about_a_delegation_or_organisation(
    client, login, make, org, by
):
    """The panel's link lists what the panel counts: the record's own follow-ups and those on
    its needs, with a chip that names the record."""
    user = login()
    delegation = make.delegation(title="Thuringia visit")
    org.name = "Saale Robotik"
    need = make.need(organisation=org, delegation=delegation)
    make.followup(user, need=need, organisation=org, title="On the need")
    if by == "delegation":
        make.followup(user, delegation=delegation, title="About the record")
    else:
        make.followup(user, organisation=org, title="About the record")
    make.followup(user, organisation=make.organisation(), title="Someone else's")
    db.session.commit()
    record = delegation if by == "delegation" else org
    page = client.get(f"/followups/?{by}_id={record.id}&status=open").text
    assert "On the need" in page and "About the record" in page
    assert "Someone else's" not in page
    label = "Delegation: Thuringia visit" if by == "delegation" else "Organisation: Saale Robotik"
    assert label in page


@pytest.mark.parametrize("value", ["²", "١٢", "12" * 10, "-1", " 1"])
def test_ids_that_are_not_plain_digits_are_ignored(client, login, value):
    login()
    assert client.get("/needs/", query_string={"organisation_id": value}).status_code == 200
    assert client.get("/needs/new", query_string={"delegation_id": value}).status_code == 200


@pytest.mark.parametrize("url", ["/needs/", "/needs/board"])
def test_filter_choices_follow_changes_to_users_and_vocabularies(client, login, make, url):
    """The choices are kept until their data changes: a colleague deactivated or renamed, a
    new category, show on the next view."""
    from tracker.admin.services import set_active

    admin = login("admin")
    colleague = make.user(display_name="Zhang Wei")
    db.session.commit()
    owners = 'name="owner_id"'
    assert "Zhang Wei" in client.get(url).text.split(owners)[1].split("</select>")[0]
    colleague.display_name = "Zhang Wei (Baoshan)"
    make.category(name="Talent housing")
    db.session.commit()
    page = client.get(url).text
    assert "Zhang Wei (Baoshan)" in page.split(owners)[1] and "Talent housing" in page
    set_active(colleague, False, acting_user=admin)
    db.session.commit()
    assert "Zhang Wei" not in client.get(url).text.split(owners)[1].split("</select>")[0]


@pytest.mark.parametrize("language", ["de", "zh"])
def test_origin_countries_in_the_users_language_keep_the_choice(client, login, language):
    login("manager", language=language)
    page = client.get("/needs/?origin=DE").text
    germany = {"de": "Deutschland", "zh": "德国"}[language]
    assert f'<option value="DE" selected>{germany}</option>' in page
    assert '<option value="FR" >' in page and page.count(" selected>") >= 1
    other = client.get("/needs/board?origin=FR").text
    assert '<option value="FR" selected>' in other and '<option value="DE" selected>' not in other


def test_the_stage_form_offers_the_lost_reasons_as_they_change(client, login, make, org):
    login("manager")
    need = make.need(organisation=org)
    reason = make.lost_reason(name="Chose another location", name_de="Anderer Standort")
    db.session.commit()

    def offered() -> str:
        return client.get(f"/needs/{need.id}").text.split('name="lost_reason_id"')[1]

    assert "Chose another location" in offered()
    reason.active = False
    make.lost_reason(name="Budget cut")
    db.session.commit()
    assert "Chose another location" not in offered() and "Budget cut" in offered()


def test_each_stage_offers_its_own_moves_on_the_needs_page(client, login, make, org):
    """The stage form's fields are drawn once per stage: each need's page offers its stage's
    moves, the usual next step chosen."""
    login("manager")
    fresh = make.need(organisation=org)
    talking = make.need(organisation=org, stage=Stage.TALKS)
    held = make.need(organisation=org, stage=Stage.ON_HOLD)
    db.session.commit()
    for need, chosen, absent in (
        (fresh, "qualified", "new"),
        (talking, "negotiation", "talks"),
        (held, "new", "won"),
        (fresh, "qualified", "new"),  # the first again, after the others were drawn
    ):
        page = client.get(f"/needs/{need.id}").text
        moves = page.split('name="to_stage"')[1].split("</select>")[0]
        assert f'<option selected value="{chosen}">' in moves
        assert f'value="{absent}"' not in moves
