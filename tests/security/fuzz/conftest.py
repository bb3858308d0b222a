"""The fuzz tests' budget and the line that reports how many inputs they tried."""

import os

import pytest

TRIED = pytest.StashKey[dict[str, int]]()


def examples() -> int:
    """Inputs per form: FUZZ_EXAMPLES, else a size that keeps CI under 90 seconds."""
    return int(os.environ.get("FUZZ_EXAMPLES", "10"))


@pytest.fixture
def tried(request) -> dict[str, int]:
    """Counts of inputs tried, by form, summed over the run."""
    return request.config.stash.setdefault(TRIED, {})


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """One line in the summary, visible without -s."""
    counts = config.stash.get(TRIED, {})
    if counts:
        total = sum(counts.values())
        terminalreporter.write_line(
            f"fuzz: {total} inputs tried on {len(counts)} forms "
            f"(FUZZ_EXAMPLES={examples()} per form)"
        )
