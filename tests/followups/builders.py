"""Builders for needs and follow-ups, shared by the follow-up and calendar tests."""

import itertools
from datetime import date

from tests import factories
from tracker.extensions import db
from tracker.models import FollowUp, FollowUpKind, FollowUpStatus

_seq = itertools.count(1)


need = factories.need


def followup(assignee, due_date: date, **kw) -> FollowUp:
    """An open follow-up on a new organisation unless a target is given."""
    if not any(kw.get(k) for k in ("need", "organisation", "delegation")):
        kw["organisation"] = factories.organisation()
    if kw.get("need") is not None:
        kw.setdefault("organisation_id", kw["need"].organisation_id)
    kw.setdefault("title", f"Follow-up {next(_seq)}")
    kw.setdefault("kind", FollowUpKind.CALL)
    kw.setdefault("status", FollowUpStatus.OPEN)
    obj = FollowUp(assignee=assignee, due_date=due_date, **kw)
    db.session.add(obj)
    db.session.flush()
    return obj
