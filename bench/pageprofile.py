"""Where a benchmarked page spends its time: per-statement SQL timings and a Python profile.

Runs against a data set built earlier (`bench/run.py --keep PATH` or dataset.populate), so that
one page can be examined in seconds instead of rebuilding the data:

    .venv/bin/python bench/pageprofile.py sqlite:////tmp/bench.db "needs list p1" [--runs 20] [--py]
"""

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run
from sqlalchemy import event

from tracker import create_app
from tracker.extensions import cache, db
from tracker.serving import settle_after_start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("page", nargs="*", help="pages of bench/run.py or paths; none: all pages")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--py", action="store_true", help="print a Python profile too")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key for --py")
    parser.add_argument("--explain", action="store_true", help="the slowest statement's plan")
    parser.add_argument("--width", type=int, default=600, help="characters of SQL shown")
    parser.add_argument("--cold", action="store_true", help="drop kept figures before each view")
    args = parser.parse_args()
    app = create_app(run.bench_config(args.url))
    logged_in = run.clients(app)
    settle_after_start()  # as served (tracker.wsgi)
    timings: list[tuple[float, str, object]] = []

    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "before_cursor_execute")
    def _start(conn, _cursor, _statement, _params, _context, _many):
        conn.info["started"] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _end(conn, _cursor, statement, params, _context, _many):
        timings.append(((time.perf_counter() - conn.info["started"]) * 1000, statement, params))

    chosen = run.pages(app)
    if args.page:  # a name of bench/run.py's pages, or a path ("/needs/?stage=new", as manager)
        chosen = {n: chosen.get(n, ("manager", n)) for n in args.page}
    for name, (who, path) in chosen.items():
        client, cold = logged_in[who], args.cold or name.startswith(run.COLD)

        def get(client=client, path=path, cold=cold):
            if cold:  # as after a change: no figures kept
                with app.app_context():
                    cache.clear()
            return client.get(path)

        get()
        times, cpu = [], []
        for _ in range(args.runs):
            timings.clear()
            started, cpu_started = time.perf_counter(), time.process_time()
            response = get()
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
        times.sort()
        cpu.sort()
        sql_ms = sum(t for t, _s, _p in timings)
        print(
            f"\n== {name} {path}: {response.status_code}, median {times[len(times) // 2]:.1f} ms"
            f" (CPU median {cpu[len(cpu) // 2]:.1f}, min {cpu[0]:.1f} ms: steadier when busy),"
            f" SQL {sql_ms:.1f} ms in {len(timings)} statements (last run)"
        )
        slowest = sorted(timings, key=lambda t: t[0], reverse=True)
        for ms, statement, _params in slowest[:8]:
            print(f"  {ms:8.1f} ms  {' '.join(statement.split())[: args.width]}")
        if args.explain and slowest:
            explain(engine, *slowest[0][1:])
        if args.py:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.runs):
                get()
            profiler.disable()
            pstats.Stats(profiler).sort_stats(args.sort).print_stats(40)


def explain(engine, statement: str, params) -> None:
    """Print the plan of statement: EXPLAIN ANALYZE on PostgreSQL, the query plan on SQLite."""
    postgres = engine.dialect.name == "postgresql"
    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if postgres else "EXPLAIN QUERY PLAN "
    with engine.connect() as connection:
        cursor = connection.connection.cursor()
        cursor.execute(prefix + statement, params)
        for row in cursor.fetchall():
            print("    " + (row[0] if postgres else f"{row[1]:>3} {row[-1]}"))


if __name__ == "__main__":
    main()
