"""Benchmark: partner suggestions against 1,000 realistic local partners, on a scratch SQLite file.

The partners are the labelled set of bench/matching padded with its generator; every labelled
need is ranked three times. Also timed: building the partner index from nothing, and bringing
it up to date after one offer is edited (only that partner is indexed again).

    .venv/bin/python bench/suggestions.py   (exits 1 when the 95th percentile exceeds 30 ms)
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_matching import Loader, load, percentile  # bench/ is not a package
from matching import padding

from tracker import create_app
from tracker.extensions import db
from tracker.matchmaking import suggestions
from tracker.matchmaking.suggestions import current_index, suggest
from tracker.models import LocalOffer

PARTNERS = 1000
RUNS = 3
LIMIT_MS = 30.0


def timed(call) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        app = create_app({"SECRET_KEY": "bench", "SQLALCHEMY_DATABASE_URI": url})
        with app.app_context(), app.test_request_context():
            db.create_all()
            loader = Loader()
            labelled = load("partners.json")
            loader.add_partners(labelled + padding.generate(PARTNERS - len(labelled)))
            rows = loader.add_needs(load("needs.json"))
            db.session.commit()
            build = timed(current_index)
            suggest(rows[0][1])  # warm up translations and statement compilation
            times = [timed(lambda n=need: suggest(n)) for _ in range(RUNS) for _, need in rows]
            offer = db.session.scalars(db.select(LocalOffer).limit(1)).one()
            index = current_index()
            before = dict(index.entries)
            offer.title = f"{offer.title} (edited)"
            db.session.commit()
            edit = timed(lambda: suggest(rows[0][1]))
            reindexed = [p for p, e in current_index().entries.items() if before.get(p) is not e]
            suggestions._indexes.clear()
            rebuild = timed(lambda: suggest(rows[0][1]))
            db.session.remove()
            db.engine.dispose()
    p50, p95 = statistics.median(times), percentile(times, 0.95)
    print(f"suggestions for {len(rows)} needs x {RUNS} vs {PARTNERS} partners: "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms (limit {LIMIT_MS:.0f} ms)")  # fmt: skip
    print(f"index built from nothing: {build:.0f} ms; first suggestion after a restart: "
          f"{rebuild:.0f} ms")  # fmt: skip
    print(f"first suggestion after one offer edit: {edit:.1f} ms, "
          f"{len(reindexed)} partner indexed again")  # fmt: skip
    return 0 if p95 <= LIMIT_MS and len(reindexed) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
