"""The delegation report: every section on one printable page, its exports, bounded queries."""

import io
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tracker.extensions import db
from tracker.models import (
    FollowUpStatus,
    MatchStatus,
    MemberRole,
    Stage,
    delegation_organisation,
    delegation_topic,
)
from tracker.models.meeting import meeting_person, meeting_topic

SECTIONS = ("r-visit", "r-people", "r-meetings", "r-needs", "r-followups", "r-matches", "r-talks")


def _rich(make):
    """A visit with Chinese and German names in every section."""
    officer = make.user(display_name="王芳")
    delegation = make.delegation(
        title="Delegation aus Thüringen <Jena>", origin_region="Thüringen", host_officer=officer,
        announced_size=12, summary="Optik & Photonik", source_url="https://example.org/visit",
    )  # fmt: skip
    topic = make.topic(name="Photonik")
    db.session.execute(
        delegation_topic.insert().values(delegation_id=delegation.id, topic_id=topic.id)
    )
    zeiss = make.organisation(name="Zeiss Jena GmbH")
    chinese = make.organisation(name="上海光学仪器有限公司", country="CN")
    head = make.person(full_name="Jürgen Müller", organisation=zeiss, position="Geschäftsführer")
    make.member(delegation, head, role=MemberRole.HEAD)
    make.member(delegation, make.person(full_name="李伟", organisation=chinese))
    make.member(delegation, make.person(full_name="Dora Freiberuflerin"))
    db.session.execute(
        delegation_organisation.insert().values(
            delegation_id=delegation.id, organisation_id=make.organisation(name="IHK Erfurt").id
        )
    )
    meeting = make.meeting(
        delegation, title="Gespräch im Rathaus", place="会议室 3", staff=[officer]
    )
    db.session.execute(meeting_person.insert().values(meeting_id=meeting.id, person_id=head.id))
    db.session.execute(meeting_topic.insert().values(meeting_id=meeting.id, topic_id=topic.id))
    need = make.need_with_history(
        [(Stage.NEW, datetime(2026, 5, 12, 4)), (Stage.TALKS, datetime(2026, 6, 1, 4))],
        organisation=zeiss, delegation=delegation, title="Fläche für Fertigung 工厂",
        owner=officer, estimated_investment=Decimal("2500000"), currency="EUR",
        expected_jobs=40, next_step="Angebot senden",
    )  # fmt: skip
    make.need(zeiss, delegation=delegation, title="=cmd|' /C calc'!A0", stage=Stage.LOST,
              lost_reason=make.lost_reason(name="Preis zu hoch"))  # fmt: skip
    make.followup(officer, need=need, title="Anruf bei Herrn Müller")
    make.followup(officer, delegation=delegation, title="Dankesbrief 感谢信",
                  status=FollowUpStatus.DONE, completed_at=datetime(2026, 5, 20, 3),
                  outcome="Verschickt")  # fmt: skip
    park = make.local_partner(name="宝山工业园")
    match = make.match(need, park, status=MatchStatus.TALK_HELD,
                       offer=make.offer(park, title="厂房 5000 m²"))  # fmt: skip
    make.talk(need, datetime(2026, 6, 3, 2), title="Besichtigung 工业园", match=match,
              outcome="Zweites Gespräch vereinbart", organisations=[park, zeiss], people=[head],
              staff=[officer])  # fmt: skip
    db.session.commit()
    return delegation


def _add_rows(make, delegation, count: int) -> None:
    """count more members, meetings, needs, follow-ups, matches and talks on the visit."""
    for i in range(count):
        org = make.organisation(name=f"Firma {i}")
        person = make.person(organisation=org)
        make.member(delegation, person)
        meeting = make.meeting(delegation, staff=[make.user()])
        db.session.execute(
            meeting_person.insert().values(meeting_id=meeting.id, person_id=person.id)
        )
        need = make.need_with_history(
            [(Stage.NEW, datetime(2026, 5, 12, 4)), (Stage.MATCHING, datetime(2026, 5, 20, 4))],
            organisation=org, delegation=delegation, owner=make.user(),
            category=make.category(), key_industry=make.industry(),
        )  # fmt: skip
        make.followup(make.user(), need=need)
        partner = make.local_partner()
        match = make.match(need, partner, offer=make.offer(partner))
        make.talk(need, datetime(2026, 6, 4, 2) + timedelta(hours=i), match=match,
                  organisations=[partner], people=[person], staff=[make.user()])  # fmt: skip


def test_report_shows_every_section_with_names_escaped(client, login, make):
    login()
    delegation = _rich(make)
    response = client.get(f"/delegations/{delegation.id}/report")
    assert response.status_code == 200
    text = response.text
    for section in SECTIONS:
        assert f'id="{section}"' in text
    for expected in (
        "Delegation aus Thüringen &lt;Jena&gt;", "Optik &amp; Photonik", "王芳", "Photonik",
        "Zeiss Jena GmbH", "上海光学仪器有限公司", "IHK Erfurt", "Jürgen Müller", "李伟",
        "Dora Freiberuflerin", "Geschäftsführer", "Head of delegation", "Gespräch im Rathaus",
        "会议室 3", "Fläche für Fertigung 工厂", "Talks", "Lost", "Preis zu hoch",
        "Angebot senden", "Anruf bei Herrn Müller", "Dankesbrief 感谢信", "Verschickt",
        "宝山工业园", "厂房 5000 m²", "Talk held", "Besichtigung 工业园",
        "Zweites Gespräch vereinbart", "https://example.org/visit",
    ):  # fmt: skip
        assert expected in text, expected
    assert "<Jena>" not in text
    assert "Took part without named people." in text  # IHK Erfurt
    assert text.index("IHK Erfurt") < text.index("Zeiss Jena GmbH") < text.index("Individuals")


def test_report_has_print_styles_button_and_exports(client, login, make):
    login()
    delegation = _rich(make)
    text = client.get(f"/delegations/{delegation.id}/report").text
    assert "/static/css/print.css" in text and "/static/js/print.js" in text
    assert "data-print" in text and "<script>" not in text  # CSP: script-src 'self'
    assert f'href="/delegations/{delegation.id}/report.xlsx"' in text
    assert f'href="/delegations/{delegation.id}/report-needs.csv"' in text
    detail = client.get(f"/delegations/{delegation.id}").text
    assert f'href="/delegations/{delegation.id}/report"' in detail


def test_static_print_assets_are_served(client, login):
    login()
    css = client.get("/static/css/print.css")
    assert css.status_code == 200 and b"@media print" in css.data
    assert client.get("/static/js/print.js").status_code == 200


@pytest.mark.parametrize("suffix", ["report", "report.xlsx", "report-needs.csv"])
def test_missing_delegation_is_404(client, login, suffix):
    login()
    assert client.get(f"/delegations/999/{suffix}").status_code == 404


@pytest.mark.parametrize("role", ["staff", "manager", "admin"])
def test_every_role_may_see_the_report(client, login, make, role):
    login(role)
    delegation = make.delegation()
    db.session.commit()
    assert client.get(f"/delegations/{delegation.id}/report").status_code == 200


def test_xlsx_has_one_sheet_per_section(client, login, make):
    login()
    delegation = _rich(make)
    response = client.get(f"/delegations/{delegation.id}/report.xlsx")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.data))
    assert workbook.sheetnames == [
        "Visit", "People", "Meetings", "Needs", "Follow-ups", "Matches", "Talks"
    ]  # fmt: skip
    people = [row for row in workbook["People"].iter_rows(values_only=True)]
    assert ("Zeiss Jena GmbH", "Jürgen Müller", "Head of delegation", "Geschäftsführer") in people
    needs = list(workbook["Needs"].iter_rows(values_only=True))
    assert needs[0][0] == "Need"
    titles = {row[0] for row in needs[1:]}
    # A title that a spreadsheet would run as a formula stays text.
    assert titles == {"Fläche für Fertigung 工厂", "'=cmd|' /C calc'!A0"}
    assert workbook["Needs"]["A1"].font.bold
    talks = list(workbook["Talks"].iter_rows(values_only=True))
    assert talks[1][0] == datetime(2026, 6, 3, 10)  # 02:00 UTC is 10:00 in Shanghai
    assert talks[1][-1] == "Zweites Gespräch vereinbart"


def test_needs_csv(client, login, make):
    login()
    delegation = _rich(make)
    response = client.get(f"/delegations/{delegation.id}/report-needs.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    text = response.data.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Need,Organisation,Stage")
    assert "Fläche für Fertigung 工厂" in text and "New → Talks" in text
    assert "'=cmd|" in text


def test_report_queries_do_not_grow_with_the_visit(client, login, make, count_queries):
    login()
    delegation = _rich(make)

    def add_and_count(rows: int) -> int:
        _add_rows(make, delegation, rows)
        db.session.commit()
        db.session.expire_all()
        with count_queries() as statements:
            response = client.get(f"/delegations/{delegation.id}/report")
        assert response.status_code == 200
        assert f"Firma {rows - 1}" in response.text
        return len(statements)

    assert add_and_count(1) == add_and_count(15)


def test_confidential_needs_stay_hidden_from_other_staff(client, login, make):
    login("staff")
    delegation = make.delegation()
    owner = make.user()
    secret = make.need(delegation=delegation, title="Geheimer Bedarf", confidential=True,
                       owner=owner)  # fmt: skip
    make.talk(secret, datetime(2026, 6, 3, 2), title="Geheimes Gespräch")
    make.need(delegation=delegation, title="Offener Bedarf")
    db.session.commit()
    text = client.get(f"/delegations/{delegation.id}/report").text
    assert "Offener Bedarf" in text
    assert "Geheimer Bedarf" not in text and "Geheimes Gespräch" not in text
    workbook = load_workbook(
        io.BytesIO(client.get(f"/delegations/{delegation.id}/report.xlsx").data)
    )
    cells = {c for sheet in workbook for row in sheet.iter_rows(values_only=True) for c in row}
    assert "Offener Bedarf" in cells and "Geheimer Bedarf" not in cells
