"""The pipeline report as JSON: the report's tables, its filters and its scope."""

from tracker.extensions import db
from tracker.models import Role, Stage
from tracker.security import PERMISSIONS


def _funnel(report: dict) -> dict:
    return {bar["key"]: bar["value"] for bar in report["funnel"]}


def test_a_manager_gets_every_table_with_every_need(api, make):
    manager = make.user(role="manager")
    make.need(stage=Stage.NEW)
    make.need(stage=Stage.QUALIFIED, owner=manager)
    db.session.commit()
    response = api(user=manager).get("/api/v1/reports/pipeline")
    assert response.status_code == 200, response.text
    report = response.json
    assert {"funnel", "money", "by_owner", "time_in_stage", "summary", "trend"} <= report.keys()
    assert report["total"] == 2
    assert _funnel(report)["qualified"] == 1


def test_staff_get_their_own_needs_figures_only(api, make):
    staff, colleague = make.user(role="staff"), make.user(role="staff")
    make.need(owner=staff)
    make.need(owner=colleague)
    make.need(owner=colleague)
    db.session.commit()
    response = api(user=staff).get(f"/api/v1/reports/pipeline?owner_id={colleague.id}")
    assert response.status_code == 200, response.text
    assert response.json["total"] == 1
    assert response.json["needs"]["owner_id"] == str(staff.id)


def test_the_reports_filters_apply(api, make):
    manager = make.user(role="manager")
    industry = make.industry(name="Robotics")
    make.need(key_industry=industry)
    make.need()
    db.session.commit()
    url = f"/api/v1/reports/pipeline?key_industry_id={industry.id}"
    assert api(user=manager).get(url).json["total"] == 1


def test_a_hidden_confidential_need_is_not_counted(api, make, monkeypatch):
    monkeypatch.setitem(PERMISSIONS, "need.view_confidential", frozenset({Role.ADMIN}))
    manager, admin = make.user(role="manager"), make.user(role="admin")
    make.need(owner=admin, confidential=True)
    make.need(owner=admin)
    db.session.commit()
    assert api(user=manager).get("/api/v1/reports/pipeline").json["total"] == 1
    assert api(user=admin).get("/api/v1/reports/pipeline").json["total"] == 2
