"""A pipeline fixture: needs across stages, currencies, owners, delegations and regions, with
stage histories at known times and follow-ups; the report tests recompute figures from it."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from tracker.dates import local_midnight_utc
from tracker.extensions import db
from tracker.models import FollowUpStatus, Need, Role, Stage, User, utcnow

S = Stage


def noon_days_ago(days: int) -> datetime:
    """Noon in Shanghai (04:00 UTC) days ago: the same day in UTC and local time."""
    return utcnow().replace(hour=4, minute=0, second=0, microsecond=0) - timedelta(days=days)


@dataclass
class Pipeline:
    """The fixture's records, by name."""

    manager: User
    staff_a: User
    staff_b: User
    needs: dict[str, Need] = field(default_factory=dict)
    histories: dict[str, list] = field(default_factory=dict)
    followups: list = field(default_factory=list)
    things: dict = field(default_factory=dict)
    talks: list = field(default_factory=list)


@pytest.fixture
def pipeline(make) -> Pipeline:
    """Eight needs, seven follow-ups and a EUR rate (USD has none)."""
    data = Pipeline(
        make.user(role=Role.MANAGER, display_name="Manager Ma"),
        make.user(role=Role.STAFF, display_name="Staff An"),
        make.user(role=Role.STAFF, display_name="Staff Bo"),
    )
    a, b = data.staff_a, data.staff_b
    robotics, biotech = make.industry(name="Robotics"), make.industry(name="Biotech")
    land, finance = make.category(name="Land"), make.category(name="Finance")
    price, other = make.lost_reason(name="Price"), make.lost_reason(name="Other")
    thuringia = make.delegation(title="Thuringia visit", origin_region="Thuringia")
    saxony = make.delegation(title="Saxony visit", origin_region="Saxony")
    unknown = make.delegation(title="Unknown region visit", origin_region=None)
    de, at = make.organisation(country="DE"), make.organisation(country="AT")
    data.things = {"robotics": robotics, "biotech": biotech, "land": land, "finance": finance,
                   "price": price, "other": other, "thuringia": thuringia, "saxony": saxony,
                   "de": de, "at": at}  # fmt: skip
    specs = {
        "n1": ([(S.NEW, 200), (S.QUALIFIED, 150), (S.MATCHING, 120), (S.TALKS, 60)],
               dict(organisation=de, key_industry=robotics, category=land, delegation=thuringia,
                    owner=a, estimated_investment=Decimal("1000000"), currency="EUR",
                    expected_jobs=50)),
        "n2": ([(S.NEW, 100), (S.QUALIFIED, 90), (S.WON, 30)],
               dict(organisation=at, key_industry=robotics, category=finance,
                    delegation=thuringia, owner=a, estimated_investment=Decimal("500000"),
                    currency="EUR", expected_jobs=20)),
        "n3": ([(S.NEW, 80), (S.QUALIFIED, 70), (S.MATCHING, 50), (S.LOST, 20)],
               dict(organisation=de, key_industry=biotech, category=land, delegation=saxony,
                    owner=b, estimated_investment=Decimal("2000000"), currency="USD",
                    expected_jobs=10, lost_reason=price)),
        "n4": ([(S.NEW, 45)],
               dict(organisation=de, owner=b, estimated_investment=Decimal("3000000"),
                    currency="CNY")),
        "n5": ([(S.NEW, 300), (S.QUALIFIED, 290), (S.NEGOTIATION, 200), (S.ON_HOLD, 100),
                (S.QUALIFIED, 40)],
               dict(organisation=at, key_industry=robotics, category=land, delegation=saxony)),
        "n6": ([(S.NEW, 20), (S.LOST, 5)],
               dict(organisation=de, key_industry=biotech, category=finance, delegation=unknown,
                    owner=a, estimated_investment=Decimal("100"), lost_reason=other)),
        "n7": ([(S.NEW, 35), (S.QUALIFIED, 34), (S.MATCHING, 33), (S.TALKS, 32),
                (S.NEGOTIATION, 10)],
               dict(organisation=de, key_industry=robotics, category=land, delegation=thuringia,
                    owner=b, estimated_investment=Decimal("250000"), currency="EUR",
                    expected_jobs=5)),
        "n8": ([(S.NEW, 400), (S.WON, 380)],
               dict(organisation=de, key_industry=robotics, delegation=thuringia, owner=a,
                    estimated_investment=Decimal("100"), currency="CNY")),
    }  # fmt: skip
    for name, (steps, kw) in specs.items():
        history = [(stage, noon_days_ago(days)) for stage, days in steps]
        data.needs[name] = make.need_with_history(history, title=f"Need {name}", **kw)
        data.histories[name] = history
    n = data.needs
    today = noon_days_ago(0).date()
    done = FollowUpStatus.DONE
    for assignee, kw in [
        (a, dict(need=n["n1"], due_date=today - timedelta(days=3))),
        (b, dict(need=n["n1"], due_date=today + timedelta(days=3))),
        (b, dict(need=n["n7"], due_date=today - timedelta(days=1))),
        (a, dict(need=n["n2"], status=done, completed_at=noon_days_ago(25))),
        (a, dict(need=n["n3"], status=done, completed_at=noon_days_ago(60))),
        (a, dict(organisation=de, due_date=today - timedelta(days=9))),  # not about a need
        (a, dict(need=n["n4"], status=FollowUpStatus.CANCELLED)),
    ]:
        data.followups.append(make.followup(assignee, **kw))
    data.talks = talks_on(make, n)
    make.exchange_rate("EUR", Decimal("7.8"))
    db.session.commit()
    return data


def talks_on(make, n: dict) -> list:
    """Talks on some needs: two in one month, one at local midnight opening this month (still
    the previous month in UTC), one older than the trend's 12 months, one a week ahead."""
    first_local_midnight = local_midnight_utc(noon_days_ago(0).date().replace(day=1))
    return [
        make.talk(n[name], at)
        for name, at in [
            ("n1", noon_days_ago(55)),
            ("n1", noon_days_ago(50)),
            ("n7", noon_days_ago(31)),
            ("n2", noon_days_ago(95)),
            ("n3", noon_days_ago(45)),
            ("n5", first_local_midnight + timedelta(minutes=30)),
            ("n8", noon_days_ago(390)),
            ("n6", noon_days_ago(-7)),
        ]
    ]
