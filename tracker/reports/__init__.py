"""Manager reports: the pipeline report, its charts and the exchange-rate table."""

# Registers the listeners that keep the stage periods the report reads on every flush.
from tracker.reports import periods  # noqa: F401
