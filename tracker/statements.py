"""Statements that busy pages build once and run again: per app, per set of arguments.

Building a page's select (filters, a union of per-column subqueries, eager loads) costs
SQLAlchemy about as much Python as running it: the board's took 1.3 ms of its 2.3. Statements
are immutable, so one built for a set of arguments serves every request that asks for the same.
"""

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import ParamSpec, TypeVar

from flask import current_app

P = ParamSpec("P")
T = TypeVar("T")

MAXSIZE = 256  # sets of arguments kept per builder, the least recently used dropped first


def built_once(build: Callable[P, T]) -> Callable[P, T]:
    """Decorate build(*args) so that it runs once per app and (hashable) arguments. Per app
    because a statement can carry the app's settings (day filters are bounds in its time zone)."""

    @wraps(build)
    def cached(*args: P.args, **kwargs: P.kwargs) -> T:
        per_app = current_app.extensions.setdefault("built_once", {})
        if (memo := per_app.get(build)) is None:
            # Two threads may both get here: each keeps a cache, one of them stays. Harmless.
            memo = per_app[build] = lru_cache(maxsize=MAXSIZE)(build)
        return memo(*args, **kwargs)

    return cached
