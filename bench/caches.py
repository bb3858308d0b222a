"""What each cache and memo gains the pages it serves: p95 with it, and with it emptied before
every request (as if it were not there), on a data set built earlier.

    .venv/bin/python bench/caches.py sqlite:////tmp/bench.db [--runs 30]

Layers: each datacache.cached call site (found in the source, as the scope test does), the
statements built once, the option copies kept per statement, and each lru_cache'd function.
A page is measured against a layer only when the layer is used while drawing it.
"""

import argparse
import ast
import functools
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run
from budgets import COLD

from tracker import create_app, datacache
from tracker.serving import settle_after_start

SOURCE = Path(datacache.__file__).resolve().parent


def cached_sites() -> dict[tuple[str, int], str]:
    """(file, line) of each line of every datacache.cached(...) call -> the call's name."""
    sites = {}
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = getattr(node, "func", None)
            if (isinstance(node, ast.Call) and isinstance(func, ast.Attribute)
                    and func.attr == "cached" and getattr(func.value, "id", "") == "datacache"):  # fmt: skip
                name = f"datacache {path.relative_to(SOURCE.parent)}:{node.lineno}"
                for line in range(node.lineno, node.end_lineno + 1):
                    sites[(str(path), line)] = name
    return sites


def memoized() -> dict[str, object]:
    """Every lru_cache'd or functools.cache'd function of the app, by its qualified name."""
    found = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("tracker") or module is None:
            continue
        for attr in list(vars(module).values()):
            if isinstance(attr, functools._lru_cache_wrapper) and attr.__module__ == name:
                found[f"lru_cache {name}.{attr.__qualname__}"] = attr
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    app = create_app(run.bench_config(args.url))
    logged_in = run.clients(app)
    settle_after_start()
    pages = {n: p for n, p in run.pages(app).items() if not n.startswith(COLD)}
    sites, used, emptied = cached_sites(), {}, set()
    original = datacache.cached

    def traced(scope, parts, compute):
        caller = sys._getframe(1)  # not inspect.stack(), which reads every frame's source
        where = (caller.f_code.co_filename, caller.f_lineno)
        site = sites.get(where, f"datacache {where[0]}")
        used.setdefault(current_page, set()).add(site)
        if site in emptied:
            return compute()
        return original(scope, parts, compute)

    datacache.cached = traced
    layers = {"built_once": lambda: app.extensions.get("built_once", {}).clear()}
    for name, function in memoized().items():
        layers[name] = function.cache_clear
    fragment = app.jinja_env.globals["fragment"]  # tracker.templating: a memo inside a closure
    draw = next(
        c.cell_contents for c in fragment.__closure__ if hasattr(c.cell_contents, "cache_clear")
    )
    layers["template fragments (tracker.templating)"] = draw.cache_clear
    # Which page uses which memo: a memo used while drawing a page holds entries afterwards.
    for name, (who, path) in pages.items():
        current_page = name
        for clear in layers.values():
            clear()
        logged_in[who].get(path)
        memos = {**memoized(), "template fragments (tracker.templating)": draw}
        for layer, function in memos.items():
            if function.cache_info().currsize:
                used.setdefault(name, set()).add(layer)
        used.setdefault(name, set()).add("built_once")
    all_layers = sorted({layer for names in used.values() for layer in names})
    print("| cache or memo | page | CPU p95 ms with | emptied before each request | gain ms |")
    print("| --- | --- | ---: | ---: | ---: |")
    for layer in all_layers:
        for name, (who, path) in pages.items():
            if layer not in used.get(name, ()):
                continue
            client, current_page = logged_in[who], name

            def get(client=client, path=path):
                client.get(path)

            def get_emptied(client=client, path=path, layer=layer):
                if layer in layers:
                    layers[layer]()
                client.get(path)

            with_it, without = [], []
            get(), get()  # warm
            for _ in range(args.runs):  # alternated, so both see the same load
                with_it.append(cpu_ms(get))
                if layer.startswith("datacache"):
                    emptied.add(layer)
                without.append(cpu_ms(get_emptied))
                emptied.discard(layer)
            a, b = p95(with_it), p95(without)
            print(f"| {layer} | {name} | {a:.1f} | {b:.1f} | {b - a:.1f} |", flush=True)


def cpu_ms(call) -> float:
    """The process's CPU time for call(), in ms: steadier than the clock on a busy machine, and
    on SQLite it includes the database's work."""
    started = time.process_time()
    call()
    return (time.process_time() - started) * 1000


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


if __name__ == "__main__":
    main()
