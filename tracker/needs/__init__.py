# The listeners that keep what the report reads on every flush that writes it, registered with
# the feature that writes it: the stage periods (a need's history) and each need's count of
# open follow-ups.
from tracker.needs import open_followups, periods  # noqa: F401
