"""Each need keeps its count of open follow-ups (tracker.needs.open_followups) on every write of
a follow-up, whichever way it is written: the count always equals one taken afresh."""

from sqlalchemy import func, select

from tracker.deleted.services import restore
from tracker.extensions import db
from tracker.i18n import local_today
from tracker.models import FollowUp, FollowUpStatus, Need, Stage
from tracker.needs.services import NeedFilters
from tracker.reports.figures import no_open_followup
from tracker.softdelete import soft_delete


def _fresh(need: Need) -> int:
    return db.session.scalar(
        select(func.count(FollowUp.id)).where(
            FollowUp.need_id == need.id, FollowUp.status == FollowUpStatus.OPEN
        )
    )


def _kept(need: Need) -> int:
    db.session.expire_all()
    return db.session.scalar(select(Need.open_followups).where(Need.id == need.id))


def test_the_count_follows_every_kind_of_write(make):
    owner = make.user()
    first, second = make.need(stage=Stage.TALKS), make.need(stage=Stage.TALKS)
    db.session.commit()
    assert _kept(first) == 0

    call, mail = make.followup(owner, need=first), make.followup(owner, need=first)
    db.session.commit()
    assert _kept(first) == _fresh(first) == 2

    call.status = FollowUpStatus.DONE
    db.session.commit()
    assert _kept(first) == _fresh(first) == 1

    mail.need = second  # moved to another need: both are counted again
    db.session.commit()
    assert (_kept(first), _kept(second)) == (0, 1)

    mail = db.session.get(FollowUp, mail.id)
    soft_delete(mail, owner.id)
    db.session.commit()
    assert _kept(second) == _fresh(second) == 0

    restore(db.session.scalar(select(FollowUp).where(FollowUp.id == mail.id)
                              .execution_options(include_deleted=True)))  # fmt: skip
    db.session.commit()
    assert _kept(second) == _fresh(second) == 1

    db.session.delete(db.session.get(FollowUp, mail.id))
    db.session.commit()
    assert _kept(second) == 0


def test_a_new_need_and_its_first_follow_up_in_one_flush_are_counted(make):
    owner = make.user()
    need = Need(organisation=make.organisation(), title="New with a task", stage=Stage.NEW)
    db.session.add_all([need, FollowUp(need=need, title="Call", assignee=owner,
                                       due_date=local_today())])  # fmt: skip
    db.session.commit()
    assert _kept(need) == 1


def test_the_report_counts_active_needs_without_an_open_follow_up_by_it(make):
    owner = make.user()
    bare, worked = make.need(stage=Stage.QUALIFIED), make.need(stage=Stage.QUALIFIED)
    make.need(stage=Stage.WON)  # closed needs need no follow-up
    make.followup(owner, need=worked)
    done = make.followup(owner, need=bare)
    done.status = FollowUpStatus.DONE
    db.session.commit()
    assert no_open_followup(NeedFilters()).value == 1
