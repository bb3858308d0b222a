"""Login attempt budgets, spent before a password or code is checked, never after.

A budget checked before a request and charged after it lets simultaneous guesses all through:
each sees the budget untouched. Here every attempt first takes its unit with one atomic
increment in the limiter's storage (a per-key lock in memory, INCRBY in Redis), and only an
attempt that got its unit is evaluated, so at most the configured number ever is, however many
arrive at once. A success gives its units back.
"""

import time
from dataclasses import dataclass

from flask import current_app
from limits import RateLimitItem, parse

from tracker.extensions import limiter

# Keys of their own within the limiter's storage.
NAMESPACE = "tracker-login"


@dataclass(frozen=True)
class Budget:
    """Attempts counted together: kind names them in the log, key tells whose they are."""

    kind: str
    key: str
    setting: str  # the config key holding the limit, e.g. "5 per 15 minutes"

    def limit(self) -> RateLimitItem:
        """The configured limit, parsed."""
        return parse(current_app.config[self.setting])

    def storage_key(self, item: RateLimitItem) -> str:
        """Where the limiter's storage counts this budget's attempts."""
        return item.key_for(NAMESPACE, self.kind, self.key[:300])


def _enabled() -> bool:
    return bool(current_app.config.get("RATELIMIT_ENABLED", True))


def spend(budgets: list[Budget]) -> Budget | None:
    """Take one attempt from each budget in turn; the first one found empty, or None.

    A refused attempt is never evaluated, so it costs the budgets before the empty one nothing
    (a locked account does not use up its guesser's address, nor their colleagues' behind it).
    """
    if not _enabled():
        return None
    for taken, budget in enumerate(budgets):
        item = budget.limit()
        if limiter.storage.incr(budget.storage_key(item), item.get_expiry()) > item.amount:
            give_back(budgets[:taken])
            return budget
    return None


def give_back(budgets: list[Budget]) -> None:
    """Return the attempts a success took: successes do not count against anyone."""
    if not _enabled():
        return
    for budget in budgets:
        item = budget.limit()
        key = budget.storage_key(item)
        # Not below zero: a window that ended in between must not start with a credit.
        if limiter.storage.get(key) > 0:
            limiter.storage.incr(key, item.get_expiry(), amount=-1)


def seconds_left(budget: Budget) -> int:
    """How long until budget is full again (for the Retry-After header)."""
    if not _enabled():
        return 0
    item = budget.limit()
    expiry = limiter.storage.get_expiry(budget.storage_key(item))
    return max(1, int(expiry - time.time()) + 1)
