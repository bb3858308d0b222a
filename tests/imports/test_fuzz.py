"""No file can cause a 500: random and broken uploads get a message, and nothing is written."""

import io
import random

from flask import url_for

from tests.imports.files import csv_file, german_list, xlsx
from tests.imports.helpers import totals


def _inputs() -> list[tuple[bytes, str]]:
    rng = random.Random(20260512)
    good_xlsx = xlsx(german_list().rows)
    good_csv = csv_file(german_list().rows)
    names = ["l.csv", "l.xlsx", "l.txt", "l.tsv", "l.xlsm", "l.exe", "l", "l.xls"]
    cases = [
        (b"", "l.csv"),
        (b"MZ\x90\x00" + bytes(rng.randrange(256) for _ in range(4000)), "setup.csv"),
        (b"Teilnehmerliste Thueringen 2026\r\n", "l.csv"),
        (b"Name;Firma\r\nJ\x00a\x00n;X\x00\r\n", "l.csv"),
        (b"Name;Firma\r\n" + b"A" * 300_000 + b"\r\n", "l.csv"),
        (b'Name;Firma\r\n"' + b"B" * 300_000, "l.csv"),
        (b"\xff\xfe" + "Name\tFirma\r\nJan\tX\r\n".encode("utf-16-le"), "l.txt"),
    ]
    for cut in (10, 100, 1000, len(good_xlsx) // 2, len(good_xlsx) - 10):
        cases.append((good_xlsx[:cut], "l.xlsx"))
    for _ in range(150):
        size = rng.choice([1, 10, 100, 1000, 5000])
        cases.append((bytes(rng.randrange(256) for _ in range(size)), rng.choice(names)))
    for _ in range(100):  # good files with a few bytes flipped
        source = bytearray(rng.choice([good_xlsx, good_csv]))
        for _ in range(rng.randrange(1, 20)):
            source[rng.randrange(len(source))] = rng.randrange(256)
        cases.append((bytes(source), rng.choice(["l.xlsx", "l.csv"])))
    for _ in range(50):  # plausible text with odd characters
        lines = ["Name;Firma;E-Mail"] + [
            ";".join(
                "".join(chr(rng.randrange(1, 0x3000)) for _ in range(rng.randrange(0, 30)))
                for _ in range(3)
            )
            for _ in range(rng.randrange(1, 20))
        ]
        cases.append(("\n".join(lines).encode("utf-8", "surrogatepass"), "l.csv"))
    return cases


def test_fuzzed_uploads_never_fail_and_write_nothing_until_confirmed(client, login, delegation):
    login("staff")
    empty = totals()
    for data, name in _inputs():
        response = client.post(
            url_for("imports.upload", delegation_id=delegation.id),
            data={"file": (io.BytesIO(data), name)},
            content_type="multipart/form-data",
        )
        assert response.status_code in (200, 302), (name, data[:40])
        if response.status_code == 302:
            # Accepted as a draft: the mapping and preview steps must cope as well.
            mapping = client.get(response.headers["Location"])
            assert mapping.status_code == 200, (name, data[:40])
            record_id = int(response.headers["Location"].split("/")[-2])
            preview = client.get(url_for("imports.preview", record_id=record_id))
            assert preview.status_code in (200, 302)
            client.post(url_for("imports.cancel", record_id=record_id))
        assert totals() == empty, (name, data[:40])
