"""`make bench`: the tracker at a commission's scale, measured against the budgets of issue 10.

Generates the data set (bench/dataset.py) on SQLite and, when reachable, PostgreSQL; measures
p50/p95 latency and queries of the hot pages through the real WSGI stack (Flask's test client
drives the app's WSGI callable in-process); compares the query counts with those at 1% of the
size; times the manager report against the raw SQL it runs; streams a 100k-row CSV export in a
separate process for its peak memory; and serves the app with gunicorn for throughput.
Writes bench/results.md and exits 1 when a budget is missed.

    .venv/bin/python bench/run.py [--database sqlite|postgresql|both] [--scale 1.0] [--runs 30]
"""

import argparse
import os
import platform
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dataset
import serve
from budgets import AT_MILLION, COLD, Budget, check
from measure import QueryCounter, repeat, time_raw

from tracker import create_app
from tracker.extensions import cache, db
from tracker.models import Delegation, Need, User
from tracker.serving import settle_after_start

PG_URL = os.environ.get(
    "BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/tracker_bench"
)
RESULTS = Path(__file__).resolve().parent / "results.md"
PASSWORD = "bench-password-1"  # noqa: S105 - a throwaway database's user


def bench_config(url: str) -> dict:
    """The production configuration, minus what a scripted client cannot do (CSRF tokens)."""
    return {
        "SECRET_KEY": "bench-secret",
        "SQLALCHEMY_DATABASE_URI": url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        # A script cannot read an authenticator app: the manager logs in with the password.
        "TOTP_REQUIRED_ROLES": [],
    }


def build(url: str, scale: float) -> None:
    """A fresh schema with the data set and two users who can log in."""
    app = create_app(bench_config(url))
    with app.app_context():
        db.drop_all()
        db.create_all()
        dataset.populate(scale)
        for user in db.session.scalars(db.select(User).where(User.email.in_(
            ["manager@bench.example.org", "staff0@bench.example.org"]
        ))):  # fmt: skip
            user.set_password(PASSWORD)
        db.session.commit()
        _analyze()


def _analyze() -> None:
    """Fresh bulk-loaded tables have no planner statistics. A live database has them:
    PostgreSQL's autovacuum runs VACUUM ANALYZE within a minute (VACUUM also lets index-only
    scans skip the table), and the app runs SQLite's PRAGMA optimize (tracker.extensions) and
    migration 0009 runs ANALYZE. Measuring before that measures plans nobody gets."""
    statement = "VACUUM ANALYZE" if db.engine.dialect.name == "postgresql" else "ANALYZE"
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(statement)
    db.engine.dispose()


def grow_followups(url: str, total: int) -> None:
    """Top the data set's follow-ups up to total (issue 10's report size on PostgreSQL)."""
    app = create_app(bench_config(url))
    with app.app_context():
        dataset.add_followups(total)
        _analyze()


def pages(app) -> dict[str, tuple[str, str]]:
    """name -> (who, URL) of the pages measured; ids picked from the data."""
    with app.app_context():
        delegation = db.session.scalar(db.select(Delegation.id).order_by(Delegation.id))
        need = db.session.scalar(db.select(Need.id).order_by(Need.id.desc()))
        count = db.session.scalar(db.select(db.func.count(Need.id)))
    per_page = app.config["PER_PAGE"]
    filtered_report = f"/reports/pipeline?delegation_id={delegation}&key_industry_id=1"
    last = max(1, -(-count // per_page))
    return {
        "dashboard": ("manager", "/"),
        "delegation list p1": ("manager", "/delegations/"),
        "needs list p1": ("manager", "/needs/"),
        "needs list p500": ("manager", f"/needs/?page={min(500, last)}"),
        "needs list last": ("manager", f"/needs/?page={last}"),
        "organisations list p500": ("manager", "/organisations/?page=500"),
        "search": ("manager", "/search?q=mueller"),
        "delegation detail": ("manager", f"/delegations/{delegation}"),
        "need detail + suggestions": ("manager", f"/needs/{need}"),
        "my follow-ups": ("staff", "/followups/mine"),
        "board": ("manager", "/needs/board"),
        "report": ("manager", "/reports/pipeline"),
        "report filtered": ("manager", filtered_report),
        # The same pages as the first view after any change: every figure computed afresh.
        COLD + "report": ("manager", "/reports/pipeline"),
        COLD + "report filtered": ("manager", filtered_report),
        # Issue 24: the year to date against the targets, with every breakdown and the funnel.
        "leadership report": ("manager", "/leadership"),
        COLD + "leadership report": ("manager", "/leadership"),
    }


def clients(app) -> dict:
    """A logged-in test client per role."""
    result = {}
    for who, email in (
        ("manager", "manager@bench.example.org"),
        ("staff", "staff0@bench.example.org"),
    ):
        client = app.test_client()
        response = client.post("/login", data={"email": email, "password": PASSWORD})
        if response.status_code != 302:
            raise RuntimeError(f"{who} could not log in")
        result[who] = client
    return result


def measure_pages(url: str, runs: int, only: tuple[str, ...] = (), suffix: str = "") -> dict:
    """Samples of every page (or those named in only, their names given suffix) at url."""
    app = create_app(bench_config(url))
    logged_in = clients(app)
    settle_after_start()  # as tracker.wsgi, the production entry point, does
    with app.app_context():
        counter = QueryCounter(db.engine)
    chosen = pages(app)
    if only:
        chosen = {name + suffix: chosen[name] for name in only}
    samples = {}
    for name, (who, path) in chosen.items():
        client, cold = logged_in[who], name.startswith(COLD)

        def get(client=client, path=path, cold=cold):
            if cold:  # as after a change: no figures kept
                with app.app_context():
                    cache.clear()
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")

        samples[name] = repeat(name, get, counter, runs)
    with app.app_context(), db.engine.connect() as connection:
        cold = samples.get(COLD + "report" + suffix)  # the unfiltered report, against its SQL
        if cold is not None:
            cold.raw_ms = time_raw(connection, cold.statements, runs)
        db.engine.dispose()
    return samples


def run_database(label: str, url: str, scale: float, runs: int) -> tuple[list, list[Budget]]:
    """Measure one engine at scale and at 1% for the query-count comparison."""
    print(f"== {label}: data set at 1% for query counts", flush=True)
    build(url, scale / 100)
    small = measure_pages(url, 3)
    print(f"== {label}: data set at scale {scale}", flush=True)
    build(url, scale)
    big = measure_pages(url, runs)
    export = serve.export_probe(url, bench_config(url), PASSWORD)
    throughput = serve.throughput(url, bench_config(url), PASSWORD)
    million = {}
    if label == "PostgreSQL":  # issue 10: the report on PostgreSQL at 1M follow-ups
        total = int(dataset.REPORT_FOLLOWUPS * scale)
        print(f"== {label}: follow-ups topped up to {total:,}", flush=True)
        grow_followups(url, total)
        million = measure_pages(url, runs, ("report", COLD + "report"), AT_MILLION)
    return check(label, big, small, export, throughput, million)


def write_results(sections: list[tuple[str, list, list[Budget]]]) -> None:
    """bench/results.md: one table per engine, with the machine and the date."""
    lines = [
        "# Benchmark results", "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node()}: {platform.platform()},"
        f" {os.cpu_count()} cores, Python {platform.python_version()}. "
        "Produced by `make bench`; budgets from issue 10.", "",
        "The report keeps its figures until the data behind them changes"
        " (tracker/datacache.py): `report` is a view with nothing changed since the last one,"
        f" `{COLD}report` the first view after a change, which computes every figure again.", "",
    ]  # fmt: skip
    for label, rows, budgets in sections:
        lines += [f"## {label}", "", "| page | p50 ms | p95 ms | queries | queries at 1% |",
                  "| --- | ---: | ---: | ---: | ---: |"]  # fmt: skip
        lines += [f"| {r[0]} | {r[1]:.1f} | {r[2]:.1f} | {r[3]} | {r[4] if r[4] is not None else '—'} |"
                  for r in rows]  # fmt: skip
        lines += ["", "| budget | measured | limit | |", "| --- | ---: | ---: | :-: |"]
        lines += [f"| {b.name} | {b.measured} | {b.limit} | {'ok' if b.ok else 'MISSED'} |"
                  for b in budgets]  # fmt: skip
        lines.append("")
    RESULTS.write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    if not (serve.BIN / "gunicorn").exists():  # fail now, not after minutes of measuring
        parser.error("gunicorn is missing: pip install -e '.[prod]' (make bench does)")
    sections = []
    with tempfile.TemporaryDirectory() as folder:
        if args.database in ("sqlite", "both"):
            url = f"sqlite:///{Path(folder) / 'bench.db'}"
            sections.append(("SQLite", *run_database("SQLite", url, args.scale, args.runs)))
        if args.database in ("postgresql", "both"):
            if serve.postgres_reachable(PG_URL):
                sections.append(("PostgreSQL", *run_database("PostgreSQL", PG_URL, args.scale,
                                                              args.runs)))  # fmt: skip
            else:
                print("PostgreSQL not reachable: skipped", flush=True)
    write_results(sections)
    missed = [b for _label, _rows, budgets in sections for b in budgets if not b.ok]
    for budget in missed:
        print(f"MISSED {budget.name}: {budget.measured} > {budget.limit}")
    print(f"{len(missed)} budget(s) missed; see {RESULTS}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
