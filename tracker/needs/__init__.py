# The listeners that keep the stage periods (read by the report) on every flush that writes a
# need's history: registered with the feature that writes it.
from tracker.needs import periods  # noqa: F401
