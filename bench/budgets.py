"""The budgets of issues 10, 21 and 24, checked against one engine's measurements."""

from dataclasses import dataclass

# Prefix of the pages measured as the first view after a change: bench/run.py drops the
# report's cached figures (tracker.datacache) before each request, so all are computed again.
COLD = "after a change: "
# Suffix of the report measured on PostgreSQL with the follow-ups topped up to a million.
AT_MILLION = " at 1M follow-ups"
LIST_PAGES = ("delegation list p1", "needs list p1", "needs list p500", "needs list last",
              "organisations list p500", "my follow-ups")  # fmt: skip
PAGE_P95_MS = 25.0  # every list and detail page, in-process on SQLite
SEARCH_P95_MS = 50.0
REPORT_P95_MS = {"SQLite": 50.0, "PostgreSQL": 250.0}
# Issue 21: the report computed from scratch (the first view after any change), both engines.
COLD_REPORT_P95_MS = 250.0
# Issue 24: the leadership report as served (its figures kept), and computed from scratch on
# SQLite; PostgreSQL's numbers are recorded beside them.
LEADERSHIP_P95_MS = 50.0
COLD_LEADERSHIP_P95_MS = {"SQLite": 300.0}
MAX_LIST_QUERIES = 5
EXPORT_PEAK_MB = 100.0
RPS_SHARE = {"list": 0.25, "dashboard": 0.15}  # of the hello-world route's requests per second


@dataclass
class Budget:
    """One budget: what was measured, its limit and whether it holds."""

    name: str
    measured: str
    limit: str
    ok: bool


def _ms(value: float) -> str:
    return f"{value:.1f} ms"


def check(
    label, big: dict, small: dict, export: dict, throughput: dict, million: dict | None = None
) -> tuple[list, list]:
    """Rows for the results table and the budgets, for the engine called label; million holds
    the report measured at 1M follow-ups (PostgreSQL)."""
    million = million or {}
    rows = [(n, s.p50, s.p95, s.query_count, small[n].query_count) for n, s in big.items()]
    rows += [(n, s.p50, s.p95, s.query_count, None) for n, s in million.items()]
    budgets = []
    for name, sample in big.items():
        if label == "SQLite" and "report" not in name:
            limit = SEARCH_P95_MS if name == "search" else PAGE_P95_MS
            budgets.append(Budget(f"{name} p95", _ms(sample.p95), _ms(limit), sample.p95 <= limit))
        same = sample.query_count == small[name].query_count
        budgets.append(Budget(f"{name} queries same at 1% and 100%",
                              f"{small[name].query_count} / {sample.query_count}", "equal", same))  # fmt: skip
    for name in LIST_PAGES:
        count = big[name].query_count
        budgets.append(Budget(f"{name} queries", str(count), str(MAX_LIST_QUERIES),
                              count <= MAX_LIST_QUERIES))  # fmt: skip
    for name in ("report", "report filtered"):
        limit = REPORT_P95_MS[label]
        p95 = big[name].p95
        budgets.append(Budget(f"{name} p95", _ms(p95), _ms(limit), p95 <= limit))
    for name in (COLD + "report", COLD + "report filtered"):
        p95 = big[name].p95
        budgets.append(Budget(f"{name} p95", _ms(p95), _ms(COLD_REPORT_P95_MS),
                              p95 <= COLD_REPORT_P95_MS))  # fmt: skip
    if "leadership report" in big:
        p95 = big["leadership report"].p95
        budgets.append(Budget("leadership report p95", _ms(p95), _ms(LEADERSHIP_P95_MS),
                              p95 <= LEADERSHIP_P95_MS))  # fmt: skip
        cold_limit = COLD_LEADERSHIP_P95_MS.get(label)
        if cold_limit is not None:
            p95 = big[COLD + "leadership report"].p95
            budgets.append(Budget(f"{COLD}leadership report p95", _ms(p95), _ms(cold_limit),
                                  p95 <= cold_limit))  # fmt: skip
    if million:
        p95 = million["report" + AT_MILLION].p95
        limit = REPORT_P95_MS[label]
        budgets.append(Budget(f"report{AT_MILLION} p95", _ms(p95), _ms(limit), p95 <= limit))
    # The figures computed afresh (the first view after a change) against the raw SQL they run.
    for name, sample in (*big.items(), *million.items()):
        if name.startswith(COLD) and sample.raw_ms is not None:
            budgets.append(Budget(f"{name.removeprefix(COLD)} after a change p50 vs its raw SQL",
                                  _ms(sample.p50), f"2 x {_ms(sample.raw_ms)}",
                                  sample.p50 <= 2 * sample.raw_ms))  # fmt: skip
    first = big["needs list p1"].p50
    for name in ("needs list p500", "needs list last"):
        deep = big[name].p50
        budgets.append(Budget(f"{name} vs page 1", _ms(deep), f"2 x {_ms(first)}",
                              deep <= 2 * first))  # fmt: skip
    budgets.append(Budget(f"export of {export['rows']} rows, peak RSS",
                          f"{export['peak_mb']:.0f} MB in {export['seconds']:.1f} s",
                          f"{EXPORT_PEAK_MB:.0f} MB", export["peak_mb"] <= EXPORT_PEAK_MB))  # fmt: skip
    hello = throughput["hello"]
    for page, share in (("list", RPS_SHARE["list"]), ("dashboard", RPS_SHARE["dashboard"])):
        rps = throughput[page]
        budgets.append(Budget(f"gunicorn {page} req/s vs hello-world {hello:.0f} req/s",
                              f"{rps:.0f} req/s", f"{share:.0%}", rps >= share * hello))  # fmt: skip
    budgets.append(Budget("gunicorn errors", str(throughput["errors"]), "0",
                          throughput["errors"] == 0))  # fmt: skip
    return rows, budgets
