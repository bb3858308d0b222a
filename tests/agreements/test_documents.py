"""Stored documents: the content decides the type, the name is cleaned, the file kept once."""

import hashlib
from pathlib import Path

import pytest

from tests.agreements.builders import EXE, JPEG, PDF, PNG, WEBP
from tracker.projects.documents import (
    DocumentError,
    Upload,
    check_upload,
    clean_name,
    path_of,
    sniff,
    store_document,
)

LIMIT = 1024


@pytest.mark.parametrize(
    ("data", "media_type"),
    [(PDF, "application/pdf"), (PNG, "image/png"), (JPEG, "image/jpeg"), (WEBP, "image/webp")],
)
def test_the_first_bytes_decide_the_type(data, media_type):
    assert sniff(data) == media_type


@pytest.mark.parametrize("data", [EXE, b"<html><script>", b"RIFF\x00\x00\x00\x00WAVE", b""])
def test_anything_else_is_no_document(data):
    assert sniff(data) is None


def test_a_renamed_program_is_refused_whatever_its_name():
    with pytest.raises(DocumentError, match="PDF or an image"):
        check_upload(Upload(EXE, "agreement.pdf"), LIMIT)


def test_a_file_over_the_limit_is_refused():
    with pytest.raises(DocumentError, match="larger than"):
        check_upload(Upload(PDF + b"x" * LIMIT, "big.pdf"), LIMIT)


def test_an_empty_file_is_refused():
    with pytest.raises(DocumentError, match="empty"):
        check_upload(Upload(b"", "empty.pdf"), LIMIT)


def test_a_document_is_kept_under_its_digest_in_the_instance_folder(app, _documents_in_tmp):
    stored = store_document(Upload(PDF, "Vertrag.pdf"), LIMIT)
    digest = hashlib.sha256(PDF).hexdigest()
    assert stored.sha256 == digest and stored.size == len(PDF)
    assert stored.media_type == "application/pdf"
    assert path_of(digest) == Path(_documents_in_tmp) / "documents" / digest
    assert path_of(digest).read_bytes() == PDF


def test_the_same_content_is_kept_once(app, _documents_in_tmp):
    store_document(Upload(PNG, "a.png"), LIMIT)
    store_document(Upload(PNG, "b.png"), LIMIT)
    assert len(list((Path(_documents_in_tmp) / "documents").iterdir())) == 1


@pytest.mark.parametrize(
    ("name", "media_type", "cleaned"),
    [
        ("../../etc/evil\x00name.png", "application/pdf", "evil name.pdf"),
        ("C:\\Users\\x\\投资协议.PDF", "application/pdf", "投资协议.pdf"),
        ('a"b;c\r\nd.jpg', "image/jpeg", "a b c d.jpg"),
        ("", "image/webp", "document.webp"),
        ("...", "image/png", "document.png"),
        ("x" * 300 + ".pdf", "application/pdf", "x" * 196 + ".pdf"),
    ],
)
def test_names_are_cleaned_and_take_the_real_types_extension(name, media_type, cleaned):
    assert clean_name(name, media_type) == cleaned


def test_only_digests_name_stored_files(app):
    with pytest.raises(ValueError):
        path_of("../secret_key")
