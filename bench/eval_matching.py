"""Matching quality: top-1, top-3 and MRR of the partner suggestions on labelled needs.

Builds an in-memory SQLite database with the key industries and need categories (as the
migration seeds them), the labelled local partners and needs of bench/matching, and ranks every
need with tracker.matchmaking.suggestions.suggest; then pads the partners to --size with
bench/matching/padding.py and ranks again, timing each call. Prints one row per split and size.

    .venv/bin/python bench/eval_matching.py [--size 1000] [--split tune|holdout|all]
        [--min-top3-small 0.6] [--min-top3-large 0.5] [--show-misses]

Tune the ranking on the tune split (--split tune --show-misses) and read the holdout only to
check it: a holdout looked at miss by miss stops being an honest estimate. Exits 1 when the
top-3 of all needs misses a floor given with --min-top3-small or --min-top3-large.
"""

import argparse
import importlib.util
import json
import secrets
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# bench/matching is not a package: padding.py is imported from its folder.
sys.path.insert(0, str(Path(__file__).resolve().parent / "matching"))

import padding

from tracker import create_app
from tracker.extensions import db
from tracker.matchmaking.suggestions import suggest
from tracker.models import (
    KeyIndustry,
    LocalOffer,
    Need,
    NeedCategory,
    OfferKind,
    Organisation,
    OrganisationKind,
    Role,
    Stage,
    User,
)

DATA = Path(__file__).resolve().parent / "matching"
MIGRATION = DATA.parents[1] / "tracker/migrations/versions/0002_reference_vocabularies.py"
SPLITS = ("tune", "holdout", "all")
LIMIT = 10


def reference_vocabularies() -> tuple[list[tuple], list[tuple]]:
    """KEY_INDUSTRIES and NEED_CATEGORIES of the migration that seeds every installation."""
    spec = importlib.util.spec_from_file_location("reference_vocabularies", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.KEY_INDUSTRIES, module.NEED_CATEGORIES


def load(name: str) -> list[dict]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@dataclass
class Outcome:
    """How suggest() ranked one need."""

    need: dict
    rank: int | None  # of the first expected partner within the top LIMIT
    ms: float
    top: list  # the first three suggestions

    @property
    def reciprocal(self) -> float:
        return 1.0 / self.rank if self.rank else 0.0


class Loader:
    """Writes vocabularies, partners and needs as the app would store them."""

    def __init__(self) -> None:
        industries, categories = reference_vocabularies()
        for position, (name, name_de, name_zh) in enumerate(industries):
            db.session.add(KeyIndustry(name=name, name_de=name_de, name_zh=name_zh,
                                       position=position))  # fmt: skip
        for position, (name, name_de, name_zh) in enumerate(categories):
            db.session.add(NeedCategory(name=name, name_de=name_de, name_zh=name_zh,
                                        position=position))  # fmt: skip
        db.session.flush()
        self.industries = {i.name: i for i in db.session.scalars(db.select(KeyIndustry))}
        self.categories = {c.name: c for c in db.session.scalars(db.select(NeedCategory))}
        self.kinds = {k.value for k in OfferKind}
        self.unknown_kinds: dict[str, int] = {}
        self.partner_ids: dict[str, int] = {}
        self.partner_names: dict[int, str] = {}

    def offer_kind(self, value: str) -> OfferKind:
        """The offer kind; kinds the model does not know yet are stored as other, and counted."""
        if value in self.kinds:
            return OfferKind(value)
        self.unknown_kinds[value] = self.unknown_kinds.get(value, 0) + 1
        return OfferKind.OTHER

    def add_partners(self, partners: list[dict]) -> None:
        """Local organisations with their offers, flushed once for speed."""
        added = []
        for partner in partners:
            org = Organisation(
                name=partner["name"], name_en=partner.get("name_en"),
                name_de=partner.get("name_de"), name_zh=partner.get("name_zh"),
                kind=OrganisationKind(partner.get("org_kind") or "company"),
                country="CN", city="Shanghai", description=partner.get("description") or None,
                is_local=True, key_industry=self.industries.get(partner.get("industry")),
            )  # fmt: skip
            db.session.add(org)
            for item in partner["offers"]:
                offer = LocalOffer(
                    organisation=org, kind=self.offer_kind(item["kind"]), title=item["title"],
                    description=item.get("description") or None,
                    keywords=item.get("keywords") or None, area_m2=item.get("area_m2"),
                    headcount=item.get("headcount"), active=True,
                    industries=[self.industries[n] for n in item.get("industries", [])],
                )  # fmt: skip
                offer.refresh_keys()
                db.session.add(offer)
            added.append((partner["key"], org))
        db.session.flush()
        for key, org in added:
            self.partner_ids[key] = org.id
            self.partner_names[org.id] = org.name

    def add_needs(self, needs: list[dict]) -> list[tuple[dict, Need]]:
        """The needs of one visiting company, owned by one staff user, in stage new."""
        user = User(email="eval@example.org", display_name="Evaluation", role=Role.STAFF)
        user.set_password(secrets.token_urlsafe())  # nobody logs in: any password will do
        visitor = Organisation(name="Evaluation visitor GmbH", country="DE", is_local=False)
        rows = []
        for label in needs:
            need = Need(
                organisation=visitor, owner=user, created_by=user, stage=Stage.NEW,
                title=label["title"], description=label["description"] or None,
                category=self.categories.get(label["category"]),
                key_industry=self.industries.get(label["industry"]),
                area_m2_asked=label["area_m2"], headcount_asked=label["headcount"],
            )  # fmt: skip
            db.session.add(need)
            rows.append((label, need))
        db.session.flush()
        return rows


def rank_all(loader: Loader, rows: list[tuple[dict, Need]]) -> list[Outcome]:
    """suggest() for every need, timed; the rank of the first expected partner."""
    outcomes = []
    for label, need in rows:
        expected = {loader.partner_ids[k] for k in label["expected"]}
        started = time.perf_counter()
        found = suggest(need, limit=LIMIT)
        ms = (time.perf_counter() - started) * 1000
        ids = [s.partner.id for s in found]
        rank = next((i for i, pid in enumerate(ids, 1) if pid in expected), None)
        outcomes.append(Outcome(label, rank, ms, found[:3]))
    return outcomes


def scores(outcomes: list[Outcome]) -> tuple[int, float, float, float]:
    """n, top-1, top-3 and mean reciprocal rank."""
    n = len(outcomes)
    if not n:
        return 0, 0.0, 0.0, 0.0
    top1 = sum(o.rank == 1 for o in outcomes) / n
    top3 = sum(o.rank is not None and o.rank <= 3 for o in outcomes) / n
    return n, top1, top3, sum(o.reciprocal for o in outcomes) / n


def of_split(outcomes: list[Outcome], split: str) -> list[Outcome]:
    return [o for o in outcomes if split == "all" or o.need["split"] == split]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[round(share * (len(ordered) - 1))]


def print_misses(title: str, outcomes: list[Outcome], loader: Loader) -> None:
    """Needs whose expected partner is not first: where it came, and the top three."""
    misses = [o for o in outcomes if o.rank != 1]
    print(f"\nMisses with {title} ({len(misses)} of {len(outcomes)} not first):")
    for o in misses:
        need = o.need
        expected = ", ".join(f"{k} {loader.partner_names[loader.partner_ids[k]]}"
                             for k in need["expected"])  # fmt: skip
        where = f"rank {o.rank}" if o.rank else f"not in top {LIMIT}"
        print(f"\n  {need['key']} [{need['lang']}, {need['split']}] {need['title']}")
        print(f"    industry: {need['industry'] or '-'}; category: {need['category'] or '-'}")
        print(f"    expected: {expected} ({where})")
        if not o.top:
            print("    no suggestions")
        for i, s in enumerate(o.top, 1):
            # The offer is shown when the ranking names one (its API promises partner, score
            # and reasons only).
            best = getattr(s, "offer", None)
            offer = f" / {best.title}" if getattr(best, "title", None) else ""
            print(f"    {i}. {s.partner.name}{offer} ({s.score}): {'; '.join(s.reasons)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000, help="partners after padding")
    parser.add_argument("--split", choices=SPLITS, default="all",
                        help="rows (and misses) to show; all shows every split")  # fmt: skip
    parser.add_argument("--min-top3-small", type=float, help="floor on all needs, labelled set")
    parser.add_argument("--min-top3-large", type=float, help="floor on all needs, after padding")
    parser.add_argument("--show-misses", action="store_true",
                        help="each need whose expected partner is not first")  # fmt: skip
    args = parser.parse_args(argv)

    partners, needs = load("partners.json"), load("needs.json")
    if args.size < len(partners):
        parser.error(f"--size must be at least the {len(partners)} labelled partners")
    config = {
        "TESTING": True, "SECRET_KEY": "eval-matching", "SQLALCHEMY_DATABASE_URI": "sqlite://",
        "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False,
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",  # one throwaway user; scrypt costs 0.3 s
    }  # fmt: skip
    app = create_app(config)
    started = time.perf_counter()
    with app.app_context():
        db.create_all()
        loader = Loader()
        loader.add_partners(partners)
        rows = loader.add_needs(needs)
        db.session.commit()
        with app.test_request_context():
            small = rank_all(loader, rows)
        loader.add_partners(padding.generate(args.size - len(partners)))
        db.session.commit()
        with app.test_request_context():
            # The first call after a change loads the partners afresh; time the steady state.
            suggest(rows[0][1], limit=LIMIT)
            large = rank_all(loader, rows)
        db.session.remove()
        db.engine.dispose()
    elapsed = time.perf_counter() - started

    tune = sum(n["split"] == "tune" for n in needs)
    print(f"Matching evaluation: {len(needs)} labelled needs ({tune} tune, "
          f"{len(needs) - tune} holdout), {len(partners)} labelled partners")  # fmt: skip
    if loader.unknown_kinds:
        kinds = ", ".join(f"{k} ({n})" for k, n in sorted(loader.unknown_kinds.items()))
        print(f"note: offer kinds not in OfferKind yet, stored as other (offers): {kinds}")
    print(f"\n{'partners':>8}  {'split':<8} {'n':>3} {'top1':>6} {'top3':>6} {'MRR':>6}")
    shown = SPLITS if args.split == "all" else (args.split,)
    for size, outcomes in ((len(partners), small), (args.size, large)):
        for split in shown:
            n, top1, top3, mrr = scores(of_split(outcomes, split))
            print(f"{size:>8}  {split:<8} {n:>3} {top1:>6.3f} {top3:>6.3f} {mrr:>6.3f}")
    times = [o.ms for o in large]
    print(f"\nsuggest() at {args.size} partners: p50 {statistics.median(times):.1f} ms, "
          f"p95 {percentile(times, 0.95):.1f} ms over {len(times)} calls "
          f"(after one warm-up call); whole run {elapsed:.1f} s")  # fmt: skip

    if args.show_misses:
        print_misses(f"{len(partners)} partners", of_split(small, args.split), loader)
        print_misses(f"{args.size} partners", of_split(large, args.split), loader)

    failed = []
    for floor, size, outcomes in ((args.min_top3_small, len(partners), small),
                                  (args.min_top3_large, args.size, large)):  # fmt: skip
        top3 = scores(outcomes)[2]
        if floor is not None and top3 < floor:
            failed.append(f"top-3 on all {len(outcomes)} needs with {size} partners is "
                          f"{top3:.3f}, below the floor of {floor:.3f}")  # fmt: skip
    for message in failed:
        print(f"FAILED: {message}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
