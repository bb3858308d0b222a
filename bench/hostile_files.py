"""Benchmark: hostile import files are refused fast (issue 19: under a second each).

A 200 MB-expanding XLSX in 0.7 MB, a workbook whose directory understates its size, and a 5 MB
CSV of 1.7 million rows, each read by the import's parser until it refuses. The tests
(tests/imports/test_archive.py) check the refusals and the memory; the time is measured here,
where a busy machine is not a failed build.

    .venv/bin/python bench/hostile_files.py   (exits 1 when one takes a second or more)
"""

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.imports import hostile
from tests.imports.files import csv_file
from tracker.imports.parsing import ImportFileError, read_table

LIMIT_S = 1.0


def refusal_seconds(data: bytes, name: str) -> float:
    start = time.perf_counter()
    try:
        read_table(data, name)
    except ImportFileError:
        return time.perf_counter() - start
    raise SystemExit(f"{name} was not refused")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        cases = {
            "XLSX bomb (200 MB unpacked)": (hostile.bomb(Path(folder) / "b.xlsx").read_bytes(),
                                            "liste.xlsx"),
            "XLSX with an understated size": (hostile.understated(), "liste.xlsx"),
            "CSV of 1.7 million rows (5 MB)": (csv_file([["Name"], *([["ab"]] * 1_700_000)]),
                                               "liste.csv"),
        }  # fmt: skip
        slow = 0
        for label, (data, name) in cases.items():
            seconds = min(refusal_seconds(data, name) for _ in range(3))
            slow += seconds >= LIMIT_S
            print(f"{label:34} refused in {seconds * 1000:7.1f} ms (budget {LIMIT_S * 1000:.0f})")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
