"""The role matrix in docs/features.md and tracker.security.PERMISSIONS say the same thing."""

import re
from pathlib import Path

from tracker.models import Role
from tracker.security import PERMISSIONS

FEATURES = Path(__file__).resolve().parents[2] / "docs" / "features.md"


def _documented() -> dict[str, frozenset[Role]]:
    rows = {}
    for line in FEATURES.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\|[^|]*\| `([a-z_.]+)` \|(.*)\|\s*$", line)
        if match:
            cells = [c.strip() for c in match.group(2).split("|")]
            roles = [Role.STAFF, Role.MANAGER, Role.ADMIN]
            rows[match.group(1)] = frozenset(r for r, c in zip(roles, cells, strict=True) if c)
    return rows


def test_documented_matrix_matches_the_code():
    assert _documented() == PERMISSIONS
