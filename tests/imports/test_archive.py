"""Hostile workbooks are refused before any XML is parsed, in little memory.

How fast (under a second each, the issue's target) is measured by bench/hostile_files.py
(`make bench`), not here: a timed test fails on a busy machine, not on slow code."""

import io
import re
import tracemalloc

import openpyxl
import pytest
from flask import url_for

from tests.imports import hostile
from tests.imports.files import csv_file, german_list, xlsx
from tests.imports.helpers import totals
from tracker.imports import archive
from tracker.imports.parsing import ImportFileError, read_table


def _upload(client, delegation, data: bytes, name: str):
    return client.post(
        url_for("imports.upload", delegation_id=delegation.id),
        data={"file": (io.BytesIO(data), name), "sheet": ""},
        content_type="multipart/form-data",
    )


def _measured(call):
    """call()'s result and its peak of traced memory in bytes."""
    tracemalloc.start()
    try:
        result = call()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak


def _refusal(data: bytes, name: str) -> str:
    """The message read_table refuses data with."""
    with pytest.raises(ImportFileError) as refused:
        read_table(data, name)
    return str(refused.value)


def test_a_decompression_bomb_upload_is_refused_at_once_and_nothing_is_kept(
    client, login, delegation, tmp_path
):
    path = hostile.bomb(tmp_path / "bomb.xlsx")  # 200 MB of sheet XML in about 0.7 MB
    data = path.read_bytes()
    assert len(data) < 2**20
    login("staff")
    client.get(url_for("imports.upload", delegation_id=delegation.id))  # templates compiled
    response, peak = _measured(lambda: _upload(client, delegation, data, "liste.xlsx"))
    assert response.status_code == 200
    # The refusal is the file field's own message.
    assert re.search(r'id="file-error"[^>]*>[^<]*unpacks to far more than its size', response.text)
    assert peak < 50 * 2**20
    assert totals()["ImportRecord"] == 0


def test_a_bomb_within_the_size_limit_is_refused_by_its_compression_ratio():
    body = hostile.SHEET_START + hostile.REPEATED_ROW * 100_000 + hostile.SHEET_END  # 6.5 MB
    with pytest.raises(ImportFileError, match="unpacks to far more than its size"):
        read_table(hostile.replaced({hostile.SHEET: body}), "liste.xlsx")


def test_a_workbook_that_unpacks_too_large_is_refused(monkeypatch):
    monkeypatch.setattr(archive, "MAX_UNPACKED", 20_000)
    with pytest.raises(ImportFileError, match="would unpack to"):
        read_table(xlsx(german_list().rows * 10), "liste.xlsx")


def test_a_workbook_of_too_many_parts_is_refused():
    parts = {f"xl/media/p{i}.txt": b"x" for i in range(archive.MAX_PARTS)}
    with pytest.raises(ImportFileError, match="parts"):
        read_table(hostile.replaced(parts), "liste.xlsx")


@pytest.mark.parametrize("encoding", ["UTF-8", "UTF-16"])
def test_entities_are_refused_before_parsing(encoding):
    sheet = hostile.BILLION_LAUGHS.format(encoding=encoding).encode(encoding)
    with pytest.raises(ImportFileError, match="DOCTYPE"):
        read_table(hostile.replaced({hostile.SHEET: sheet}), "liste.xlsx")


def test_an_external_entity_is_refused_and_never_resolved():
    data = hostile.replaced({"xl/sharedStrings.xml": hostile.EXTERNAL_ENTITY})
    with pytest.raises(ImportFileError, match="DOCTYPE") as refused:
        read_table(data, "liste.xlsx")
    assert "root:" not in str(refused.value)


def test_openpyxl_parses_through_defusedxml_should_a_dtd_get_past_the_check(monkeypatch):
    assert openpyxl.DEFUSEDXML
    monkeypatch.setattr(archive, "_has_dtd", lambda _stream: False)
    sheet = hostile.BILLION_LAUGHS.format(encoding="UTF-8").encode()
    with pytest.raises(ImportFileError, match="cannot be read"):
        read_table(hostile.replaced({hostile.SHEET: sheet}), "liste.xlsx")


def test_a_size_understated_in_the_directory_is_not_believed():
    data = hostile.understated()  # 30 MB of sheet declared as 1 KB
    message, peak = _measured(lambda: _refusal(data, "liste.xlsx"))
    assert "cannot be read" in message
    assert peak < 10 * 2**20


def test_ordinary_workbooks_pass_the_check():
    rows = [["Name", "Firma", "E-Mail"], *([f"P {i}", "Glaswerk", f"p{i}@x"] for i in range(2000))]
    assert len(read_table(xlsx(rows), "liste.xlsx").rows) == 2000
    assert read_table(xlsx(german_list().rows), "liste.xlsx").header_row == 3


def test_a_csv_at_the_size_limit_is_read_in_bounded_memory():
    data = csv_file([["Name"], *([["ab"]] * 1_700_000)])  # 5 MB of short lines
    assert len(data) > 5 * 10**6
    message, peak = _measured(lambda: _refusal(data, "liste.csv"))
    assert "more than 2000 rows" in message
    assert peak < 50 * 2**20
