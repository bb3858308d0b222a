"""Fixtures of the picker tests."""

import pytest

from tracker.extensions import db
from tracker.lookup import FALLBACK


@pytest.fixture
def crowd_out(app):
    """crowd_out(builder, extra): FALLBACK + extra newer records from builder, committed, so that
    the records made before them are no longer among a picker's listed choices."""

    def _crowd_out(builder, extra: int) -> None:
        for _ in range(FALLBACK + extra):
            builder()
        db.session.commit()

    return _crowd_out
