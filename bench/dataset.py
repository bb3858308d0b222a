"""A commission's years of visits, generated fast with bulk inserts, for `make bench`.

At scale 1.0: 2,000 delegations, 30,000 organisations (1,000 of them local partners with offers),
60,000 people, 100,000 needs with their stage histories, 300,000 follow-ups, matches and talks.
Names mix German, English and Chinese. The data is repeatable (seeded), not secret.
"""

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import insert

from tracker.extensions import db
from tracker.models import (
    Currency,
    Delegation,
    DelegationMember,
    DelegationStatus,
    FollowUp,
    FollowUpStatus,
    KeyIndustry,
    LocalOffer,
    Match,
    MatchStatus,
    Need,
    NeedCategory,
    OfferKind,
    Organisation,
    OrganisationKind,
    OriginRegion,
    Person,
    Priority,
    Role,
    Stage,
    StageChange,
    Talk,
    User,
)
from tracker.needs import open_followups, periods
from tracker.text import organisation_key, search_key

SIZES = {
    "delegations": 2_000,
    "organisations": 30_000,
    "partners": 1_000,
    "people": 60_000,
    "needs": 100_000,
    "followups": 300_000,
    "matches": 20_000,
    "talks": 5_000,
}
# Issue 10 asks for the report on PostgreSQL at 1M follow-ups: add_followups tops the data set
# up to this many after the other measurements.
REPORT_FOLLOWUPS = 1_000_000
BATCH = 5_000
STAFF = 40
START = date(2019, 1, 7)
TODAY = date(2026, 11, 25)

GERMAN = ["Saale", "Jena", "Erfurt", "Weimar", "Gera", "Suhl", "Görlitz", "Müller", "Weiß"]
ENGLISH = ["Robotics", "Optronics", "Materials", "Precision", "Systems", "Photonics", "Bio"]
CHINESE = ["上海", "宝山", "机器人", "精密", "材料", "光电", "智能", "张伟", "王芳", "李娜"]
FORMS = ["GmbH", "AG", "Ltd", "e.V.", "有限公司"]
SURNAMES = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Zhang", "Wang", "Li", "Chen"]
GIVEN = ["Anna", "Jörg", "Katrin", "Lukas", "Wei", "Fang", "Na", "Jürgen", "Sophie"]


def populate(scale: float = 1.0, seed: int = 7) -> dict[str, int]:
    """Insert the whole data set into an empty schema; returns the row counts."""
    rng = random.Random(seed)  # repeatable benchmark data, not secrets
    n = {key: max(1, int(count * scale)) for key, count in SIZES.items()}
    users = _users()
    industries, categories = _vocabularies()
    delegations = _delegations(rng, n["delegations"], users, _regions())
    orgs = _organisations(rng, n["organisations"], n["partners"], industries)
    partners = orgs[: n["partners"]]
    visitors = orgs[n["partners"] :] or orgs
    people = _people(rng, n["people"], visitors)
    _members(rng, delegations, people)
    needs = _needs(rng, n["needs"], visitors, delegations, users, industries, categories)
    _stage_history(rng, needs, users)
    periods.recompute(db.session.connection())  # bulk inserts pass the session's hooks by
    _followups(rng, n["followups"], needs, users)
    open_followups.recompute(db.session.connection())  # likewise
    _offers(rng, partners)
    _matches_and_talks(rng, n["matches"], n["talks"], needs, partners)
    db.session.commit()
    return n


def _bulk(model, rows: list[dict]) -> None:
    for start in range(0, len(rows), BATCH):
        db.session.execute(insert(model), rows[start : start + BATCH])


def _ids(model) -> list[int]:
    return list(db.session.scalars(db.select(model.id).order_by(model.id)))


def _moment(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 2, 30, tzinfo=UTC).replace(tzinfo=None)


def _users() -> list[int]:
    rows = [
        {"email": f"staff{i}@bench.example.org", "display_name": f"Staff {i} 员工", "role": Role.STAFF,
         "password_hash": "!"}
        for i in range(STAFF)
    ]  # fmt: skip
    rows.append({"email": "manager@bench.example.org", "display_name": "Manager 经理",
                 "role": Role.MANAGER, "password_hash": "!"})  # fmt: skip
    _bulk(User, rows)
    return _ids(User)


def _vocabularies() -> tuple[list[int], list[int]]:
    _bulk(KeyIndustry, [{"name": f"Industry {i} 产业"} for i in range(7)])
    _bulk(NeedCategory, [{"name": f"Category {i} 类别"} for i in range(6)])
    return _ids(KeyIndustry), _ids(NeedCategory)


def _regions() -> list[int]:
    names = [
        ("Thuringia", "Thüringen", "图林根州", "DE"),
        ("Saxony", "Sachsen", "萨克森州", "DE"),
        ("Bavaria", "Bayern", "巴伐利亚州", "DE"),
        ("Wales", "Wales", "威尔士", "GB"),
    ]
    _bulk(OriginRegion, [
        {"name": en, "name_de": de, "name_zh": zh, "country": country,
         "search_key": search_key(en, de, zh)}
        for en, de, zh, country in names
    ])  # fmt: skip
    return _ids(OriginRegion)


def _day(rng: random.Random) -> date:
    return START + timedelta(days=rng.randrange((TODAY - START).days))


def _delegations(rng, count, users, regions) -> list[int]:
    rows = []
    for i in range(count):
        start = _day(rng)
        title = f"{rng.choice(GERMAN)} {rng.choice(ENGLISH)} delegation {i} {rng.choice(CHINESE)}"
        rows.append({
            "title": title, "origin_country": rng.choice(["DE", "AT", "CH", "GB", "FR"]),
            "origin_region_id": rng.choice(regions),
            "start_date": start, "end_date": start + timedelta(days=rng.randint(0, 4)),
            "host": "Baoshan District Commerce Commission", "host_officer_id": rng.choice(users),
            "status": DelegationStatus.COMPLETED if start < TODAY else DelegationStatus.PLANNED,
            "search_key": search_key(title, "Baoshan District Commerce Commission"),
        })  # fmt: skip
    _bulk(Delegation, rows)
    return _ids(Delegation)


def _organisations(rng, count, partners, industries) -> list[int]:
    rows = []
    for i in range(count):
        local = i < partners
        name = (
            f"{rng.choice(CHINESE)}{rng.choice(CHINESE)}{i}有限公司" if local
            else f"{rng.choice(GERMAN)} {rng.choice(ENGLISH)} {i} {rng.choice(FORMS)}"
        )  # fmt: skip
        rows.append({
            "name": name, "kind": OrganisationKind.COMPANY, "country": "CN" if local else "DE",
            "is_local": local, "key_industry_id": rng.choice(industries),
            "name_key": organisation_key(name), "search_key": search_key(name),
        })  # fmt: skip
    _bulk(Organisation, rows)
    return _ids(Organisation)


def _people(rng, count, orgs) -> list[int]:
    rows = []
    for i in range(count):
        name = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)} {i}"
        email = f"p{i}@example.org"
        rows.append({"full_name": name, "organisation_id": rng.choice(orgs), "email": email,
                     "search_key": search_key(name, None, email)})  # fmt: skip
    _bulk(Person, rows)
    return _ids(Person)


def _members(rng, delegations, people) -> None:
    rows = []
    for delegation_id in delegations:
        for person_id in rng.sample(people, min(len(people), 15)):
            rows.append({"delegation_id": delegation_id, "person_id": person_id})
    _bulk(DelegationMember, rows)


def _needs(rng, count, orgs, delegations, users, industries, categories) -> list[int]:
    stages = list(Stage)
    rows = []
    for i in range(count):
        created = _day(rng)
        title = f"{rng.choice(['Space', 'Talent', 'Partner', 'Subsidy'])} need {i} {rng.choice(CHINESE)}"
        stage = rng.choice(stages)
        rows.append({
            "organisation_id": rng.choice(orgs), "delegation_id": rng.choice(delegations),
            "title": title, "category_id": rng.choice(categories),
            "key_industry_id": rng.choice(industries), "priority": rng.choice(list(Priority)),
            "estimated_investment": Decimal(rng.randrange(100_000, 50_000_000)),
            "currency": rng.choice(list(Currency)), "expected_jobs": rng.randint(0, 300),
            "owner_id": rng.choice(users), "stage": stage,
            "stage_changed_at": _moment(min(TODAY, created + timedelta(days=rng.randint(0, 200)))),
            "won_on": created if stage == Stage.WON else None,
            "created_at": _moment(created), "updated_at": _moment(created),
            "search_key": search_key(title),
        })  # fmt: skip
    _bulk(Need, rows)
    return _ids(Need)


def _stage_history(rng, needs, users) -> None:
    """Two or three recorded moves per need, so time-in-stage has something to measure."""
    path = [Stage.NEW, Stage.QUALIFIED, Stage.MATCHING, Stage.TALKS]
    rows = []
    for need_id in needs:
        when = _moment(_day(rng))
        previous = None
        for stage in path[: rng.randint(2, 3)]:
            rows.append({"need_id": need_id, "from_stage": previous, "to_stage": stage,
                         "changed_by_id": rng.choice(users), "changed_at": when})  # fmt: skip
            previous, when = stage, when + timedelta(days=rng.randint(1, 60))
    _bulk(StageChange, rows)


def _followups(rng, count, needs, users) -> None:
    rows = []
    for i in range(count):
        due = _day(rng) + timedelta(days=60)
        done = due < TODAY and rng.random() < 0.8
        rows.append({
            "need_id": rng.choice(needs), "title": f"Call back {i} 回访", "due_date": due,
            "assignee_id": rng.choice(users), "assigned_by_id": rng.choice(users),
            "status": FollowUpStatus.DONE if done else FollowUpStatus.OPEN,
            "completed_at": _moment(due) if done else None,
        })  # fmt: skip
    _bulk(FollowUp, rows)


def add_followups(total: int, seed: int = 11) -> int:
    """Top the follow-ups up to total (more of the same kind, on the existing needs); returns
    how many were added."""
    have = db.session.scalar(db.select(db.func.count(FollowUp.id)))
    if have >= total:
        return 0
    rng = random.Random(seed)  # repeatable benchmark data, not secrets
    needs, users = _ids(Need), _ids(User)
    for start in range(0, total - have, 100_000):  # in slices: a million dicts at once is 1 GB
        _followups(rng, min(100_000, total - have - start), needs, users)
    open_followups.recompute(db.session.connection())  # bulk inserts pass the session's hooks by
    db.session.commit()
    return total - have


def _offers(rng, partners) -> None:
    rows = [
        {"organisation_id": org_id, "kind": rng.choice(list(OfferKind)), "title": f"Offer {i}",
         "area_m2": rng.randint(500, 20_000), "keywords": "robot, 厂房, Gehäuseteile",
         "search_key": search_key(f"Offer {i}", "robot, 厂房, Gehäuseteile")}
        for i, org_id in enumerate(partners)
    ]  # fmt: skip
    _bulk(LocalOffer, rows)


def _matches_and_talks(rng, matches, talks, needs, partners) -> None:
    chosen = rng.sample(needs, min(len(needs), matches))
    _bulk(Match, [
        {"need_id": need_id, "organisation_id": rng.choice(partners),
         "status": rng.choice(list(MatchStatus)), "score": rng.randint(10, 95)}
        for need_id in chosen
    ])  # fmt: skip
    rows = []
    for i, need_id in enumerate(chosen[:talks]):
        starts = _moment(_day(rng))
        rows.append({"need_id": need_id, "title": f"Talk {i} 洽谈", "starts_at": starts,
                     "ends_at": starts + timedelta(hours=1),
                     "search_key": search_key(f"Talk {i} 洽谈")})  # fmt: skip
    _bulk(Talk, rows)
