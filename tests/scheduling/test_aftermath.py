"""After the matchmaking day: held and no-show in one step (requests, matches, talks), the
check-ins at three and six months for the need's owner, their answers on the need's timeline,
the session's figures; then the pages through the test client."""

from datetime import date

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select

from tests.scheduling.day import build_day
from tracker.extensions import db
from tracker.models import (
    CheckInAnswer,
    FollowUp,
    FollowUpStatus,
    MatchStatus,
    NeedNote,
    RequestStatus,
    Talk,
    TalkCheckIn,
)
from tracker.needs.timeline import need_timeline
from tracker.scheduling import aftermath, layout
from tracker.scheduling.layout import load_session
from tracker.softdelete import with_deleted

HELD, NO_SHOW, SCHEDULED = RequestStatus.HELD, RequestStatus.NO_SHOW, RequestStatus.SCHEDULED


@pytest.fixture
def day(app):
    with app.test_request_context():
        yield build_day()


def _mark(day, marks):
    changed = aftermath.record_attendance(load_session(day.session.id), marks, day.owner)
    db.session.commit()
    return changed


def _check_ins(request):
    return db.session.scalars(
        select(TalkCheckIn).where(TalkCheckIn.talk_request_id == request.id)
        .order_by(TalkCheckIn.months)
    ).all()  # fmt: skip


def test_held_marks_the_request_and_the_match_held(day):
    assert _mark(day, {day.held.id: HELD}) == 1
    assert day.held.status == HELD
    assert day.held.match.status == MatchStatus.TALK_HELD
    assert day.held.talk is not None and day.held.talk.deleted_at is None


def test_no_show_steps_the_match_back(day):
    _mark(day, {day.held.id: NO_SHOW})
    assert day.held.status == NO_SHOW
    assert day.held.match.status == MatchStatus.INTRODUCED
    assert _check_ins(day.held) == []


def test_a_no_shows_talk_is_not_counted_as_held_and_comes_back_when_unmarked(day):
    """A no-show did not take place: its talk is deleted (out of the talks held and the
    report's trend), a re-solve does not make it again, and unmarking restores it."""
    talk_id = day.held.talk_id

    def talk():
        return db.session.scalar(with_deleted(select(Talk).where(Talk.id == talk_id)))

    _mark(day, {day.held.id: NO_SHOW})
    assert talk().deleted_at is not None
    assert db.session.scalar(select(Talk.id).where(Talk.id == talk_id)) is None  # hidden
    layout.solve_session(load_session(day.session.id), day.owner, time_limit=2)
    db.session.commit()
    assert load_session(day.session.id).requests and day.held.talk_id == talk_id
    assert db.session.scalar(select(func.count()).select_from(Talk)) == 1  # the later one
    _mark(day, {day.held.id: HELD})
    assert talk().deleted_at is None


def test_a_talk_still_to_come_cannot_be_marked_and_nothing_changes(day):
    with pytest.raises(aftermath.AttendanceError) as caught:
        aftermath.record_attendance(load_session(day.session.id),
                                    {day.held.id: HELD, day.later.id: HELD}, None)  # fmt: skip
    assert caught.value.request_id == day.later.id
    assert (day.held.status, day.later.status) == (SCHEDULED, SCHEDULED)


def test_a_request_of_another_session_is_refused(day, app):
    with app.test_request_context():
        other = build_day()
    with pytest.raises(aftermath.AttendanceError):
        aftermath.record_attendance(load_session(day.session.id), {other.held.id: HELD}, None)


def test_held_creates_check_ins_at_three_and_six_months_for_the_owner(day):
    _mark(day, {day.held.id: HELD})
    three, six = _check_ins(day.held)
    assert (three.months, six.months) == (3, 6)
    assert three.followup.due_date == date(2025, 6, 10)  # the talk was on 10 March 2025
    assert six.followup.due_date == date(2025, 9, 10)
    assert {three.followup.assignee_id, six.followup.assignee_id} == {day.owner.id}
    assert three.followup.need_id == day.held.need_id
    assert "What came of it?" in three.followup.title
    _mark(day, {day.held.id: HELD})  # marking again makes no second pair
    assert len(_check_ins(day.held)) == 2


def test_add_months_keeps_the_day_or_takes_the_month_s_last():
    assert aftermath.add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
    assert aftermath.add_months(date(2025, 3, 10), 6) == date(2025, 9, 10)


def test_no_check_ins_without_an_owner(day):
    day.held.need.owner = None
    db.session.commit()
    _mark(day, {day.held.id: HELD})
    assert _check_ins(day.held) == []


def test_held_then_no_show_cancels_the_unanswered_check_ins(day):
    _mark(day, {day.held.id: HELD})
    followup_ids = [c.followup_id for c in _check_ins(day.held)]
    _mark(day, {day.held.id: NO_SHOW})
    assert _check_ins(day.held) == []
    statuses = {db.session.get(FollowUp, i).status for i in followup_ids}
    assert statuses == {FollowUpStatus.CANCELLED}
    assert day.held.match.status == MatchStatus.INTRODUCED


def test_an_answer_closes_the_follow_up_and_goes_on_the_timeline(day, app):
    _mark(day, {day.held.id: HELD})
    three, _six = _check_ins(day.held)
    aftermath.answer_check_in(three, CheckInAnswer.NEGOTIATING, day.owner)
    db.session.commit()
    assert three.answer == CheckInAnswer.NEGOTIATING and three.answered_by_id == day.owner.id
    assert three.followup.status == FollowUpStatus.DONE
    note = db.session.scalar(select(NeedNote).where(NeedNote.need_id == day.held.need_id))
    assert note.body == "What came of the talk “Optics” after 3 months: negotiating."
    kinds = [e.kind for e in need_timeline(day.held.need)]
    assert "note" in kinds and "followup_done" in kinds
    with pytest.raises(aftermath.CheckInError):
        aftermath.answer_check_in(three, CheckInAnswer.AGREEMENT, day.owner)


def test_the_answer_on_the_timeline_reads_in_the_reader_s_language(day, app):
    from tracker.stored_text import shown

    _mark(day, {day.held.id: HELD})
    aftermath.answer_check_in(_check_ins(day.held)[0], CheckInAnswer.AGREEMENT, day.owner)
    note = db.session.scalar(select(NeedNote).where(NeedNote.need_id == day.held.need_id))
    with app.test_request_context(), force_locale("de"):
        assert shown(note.body) == (
            "Ergebnis des Gesprächs „Optics“ nach 3 Monaten: Vereinbarung erzielt."
        )


def test_the_figures_count_each_step_and_the_agreements(day):
    _mark(day, {day.held.id: HELD})
    three, six = _check_ins(day.held)
    aftermath.answer_check_in(three, CheckInAnswer.AGREEMENT, day.owner)
    aftermath.answer_check_in(six, CheckInAnswer.AGREEMENT, day.owner)  # one talk, counted once
    db.session.commit()
    figures = aftermath.figures(day.session.id)
    assert (figures.requested, figures.scheduled, figures.held, figures.no_show,
            figures.agreements) == (2, 2, 1, 0, 1)  # fmt: skip
    held = aftermath.session_requests(day.session.id, "held")
    assert [r.id for r in held] == [day.held.id]
    assert [r.id for r in aftermath.session_requests(day.session.id, "agreements")] == [day.held.id]


def test_a_deleted_request_is_not_counted(day):
    from tracker.scheduling.services import delete_request

    delete_request(day.later, None)
    db.session.commit()
    assert aftermath.figures(day.session.id).requested == 1


# The pages -----------------------------------------------------------------------------------


def _room_list_url(day):
    table = load_session(day.session.id).tables[0]
    return f"/matchmaking-days/{day.session.id}/tables/{table.id}/room-list"


def test_the_room_list_marks_held_and_no_show_in_one_submit(day, client, login):
    login("staff")
    page = client.get(_room_list_url(day))
    assert page.status_code == 200 and "Optics" in page.text and "Lasers" in page.text
    response = client.post(_room_list_url(day), data={
        f"talk_{day.held.id}": "held", f"talk_{day.later.id}": "scheduled",
    })  # fmt: skip
    assert response.status_code == 302
    db.session.expire_all()
    assert day.held.status == HELD and day.later.status == SCHEDULED


def test_the_room_list_re_renders_with_the_error_on_a_talk_to_come(day, client, login):
    login("staff")
    response = client.post(_room_list_url(day), data={
        f"talk_{day.held.id}": "held", f"talk_{day.later.id}": "no_show",
    })  # fmt: skip
    assert response.status_code == 200
    assert "This talk has not taken place yet." in response.text
    db.session.expire_all()
    assert day.held.status == SCHEDULED


def test_the_room_list_refuses_a_choice_it_does_not_offer(day, client, login):
    login("staff")
    response = client.post(_room_list_url(day), data={f"talk_{day.held.id}": "requested"})
    assert response.status_code == 200 and "is-invalid" in response.text
    db.session.expire_all()
    assert day.held.status == SCHEDULED


def test_the_room_list_needs_the_csrf_token(day, client, login, app):
    login("staff")
    app.config["WTF_CSRF_ENABLED"] = True  # after the login, which posts without one
    response = client.post(_room_list_url(day), data={f"talk_{day.held.id}": "held"})
    assert response.status_code == 400
    db.session.expire_all()
    assert day.held.status == SCHEDULED


def test_pages_need_a_login(day, client):
    for url in (_room_list_url(day), f"/matchmaking-days/{day.session.id}/results"):
        assert client.get(url).status_code == 302


def test_a_check_in_is_answered_from_its_follow_up(day, client, login):
    user = login("staff")
    _mark(day, {day.held.id: HELD})
    three = _check_ins(day.held)[0]
    detail = client.get(f"/followups/{three.followup_id}")
    assert f"/matchmaking-days/check-ins/{three.followup_id}" in detail.text
    url = f"/matchmaking-days/check-ins/{three.followup_id}"
    assert "Choose what came of it." in client.post(url, data={}).text
    response = client.post(url, data={"answer": "agreement"})
    assert response.status_code == 302
    db.session.expire_all()
    assert three.answer == CheckInAnswer.AGREEMENT and three.answered_by_id == user.id


def test_a_follow_up_that_is_no_check_in_has_no_answer_page(day, client, login, make):
    login("staff")
    followup = make.followup(make.user(), need=day.held.need)
    db.session.commit()
    assert client.get(f"/matchmaking-days/check-ins/{followup.id}").status_code == 404


def test_the_results_and_the_pipeline_report_link_each_figure(day, client, login):
    login("manager")
    _mark(day, {day.held.id: HELD})
    results = client.get(f"/matchmaking-days/{day.session.id}/results?figure=held")
    assert results.status_code == 200 and "Optics" in results.text and "Lasers" not in results.text
    report = client.get("/reports/pipeline")
    assert f"/matchmaking-days/{day.session.id}/results?figure=agreements" in report.text


def test_staff_report_keeps_to_their_own_needs_without_the_days_figures(day, client, login):
    """Staff see their own needs' figures only; a day's counts are everyone's talks."""
    login("staff")
    report = client.get("/reports/pipeline")
    assert report.status_code == 200
    assert f"/matchmaking-days/{day.session.id}/results" not in report.text
