"""Benchmark: suggestions for one need against 1,000 local partners, on a scratch SQLite database.

Run: .venv/bin/python bench/suggestions.py   (exits 1 when the 95th percentile exceeds 50 ms)
"""

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tracker import create_app
from tracker.extensions import db
from tracker.matchmaking import suggestions
from tracker.matchmaking.services import OfferData, save_offer
from tracker.matchmaking.suggestions import suggest
from tracker.models import (
    KeyIndustry,
    Need,
    NeedCategory,
    OfferKind,
    Organisation,
    OrganisationKind,
    SynonymGroup,
)

PARTNERS = 1000
RUNS = 50
LIMIT_MS = 50.0
WORDS = [
    "Gehäuseteile", "housing parts", "外壳", "die casting", "压铸", "robot", "Roboter", "厂房",
    "engineers", "coatings", "optics", "Batterie", "battery", "电池", "logistics",
]  # fmt: skip


def populate(rng: random.Random) -> Need:
    """1,000 local partners with one to three offers each, 50 synonym groups, one need."""
    industries = [KeyIndustry(name=f"Industry {i}") for i in range(7)]
    category = NeedCategory(name="Industrial land and space")
    db.session.add_all([*industries, category])
    for i in range(50):
        db.session.add(SynonymGroup(terms=f"Begriff{i} ~ term{i} ~ 术语{i}"))
    kinds = list(OfferKind)
    for i in range(PARTNERS):
        org = Organisation(
            name=f"Partner {i:04d}", kind=OrganisationKind.COMPANY, country="CN", is_local=True,
            key_industry=rng.choice(industries),
        )  # fmt: skip
        db.session.add(org)
        db.session.flush()
        for j in range(rng.randint(1, 3)):
            data = OfferData(
                kind=rng.choice(kinds), title=f"Offer {i}-{j}",
                description=" ".join(rng.sample(WORDS, 4)), area_m2=rng.randint(500, 20000),
                headcount=rng.randint(5, 200), keywords=", ".join(rng.sample(WORDS, 3)),
                industry_ids=[rng.choice(industries).id],
            )  # fmt: skip
            save_offer(None, org, data, None)
    visitor = Organisation(name="Saale Robotik GmbH", country="DE")
    need = Need(
        organisation=visitor, title="Production space of 3,000 m² for robot arm assembly",
        description="Aluminium housing parts (Gehäuseteile) from local die casting suppliers.",
        category=category, key_industry=industries[2], area_m2_asked=3000, headcount_asked=60,
    )  # fmt: skip
    db.session.add_all([visitor, need])
    db.session.commit()
    return need


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        app = create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": url})
        with app.app_context(), app.test_request_context():
            db.create_all()
            need = populate(random.Random(4))  # repeatable test data, not secrets
            suggest(need)  # warm up caches (translations, statement compilation)
            times = []
            for _ in range(RUNS):
                db.session.expire_all()
                need = db.session.get(Need, need.id)
                started = time.perf_counter()
                top = suggest(need)
                times.append((time.perf_counter() - started) * 1000)
            cold = []
            for _ in range(10):  # after offers changed: the snapshot is rebuilt first
                suggestions._snapshots.clear()
                started = time.perf_counter()
                suggest(need)
                cold.append((time.perf_counter() - started) * 1000)
            db.session.remove()
            db.engine.dispose()
    times.sort()
    p50 = statistics.median(times)
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"suggestions for 1 need vs {PARTNERS} partners, {RUNS} runs: "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms (limit {LIMIT_MS:.0f} ms); "
          f"top: {top[0].partner.name} ({top[0].score})")  # fmt: skip
    print(f"right after offers changed (snapshot rebuilt): median {statistics.median(cold):.1f} ms")
    return 0 if p95 <= LIMIT_MS else 1


if __name__ == "__main__":
    sys.exit(main())
