"""An agreement's stored document: a PDF or an image, recognised by its first bytes (never by
its name), kept once per content under instance/documents/<sha256>.

The file name is the user's, cleaned so that it is safe in a Content-Disposition header and on
any disk; the content decides the type, and the extension follows the type.
"""

import hashlib
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _

from tracker.instance import make_folder

FOLDER = "documents"
# Media type -> (its magic bytes test, the extension a stored name gets).
PDF, PNG, JPEG, WEBP = "application/pdf", "image/png", "image/jpeg", "image/webp"
EXTENSIONS = {PDF: ".pdf", PNG: ".png", JPEG: ".jpg", WEBP: ".webp"}
IMAGE_TYPES = frozenset({PNG, JPEG, WEBP})
NAME_LENGTH = 200
_UNSAFE = re.compile(r'[\\/:*?"<>|;\x00-\x1f\x7f-\x9f]')
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class DocumentError(ValueError):
    """The upload cannot be stored; the message says why, for the form's document field."""

    field = "document"


@dataclass(frozen=True)
class Upload:
    """An uploaded file as read from the request: at most the limit plus one byte."""

    data: bytes
    filename: str


@dataclass(frozen=True)
class StoredDocument:
    """What an agreement records about its document."""

    name: str
    media_type: str
    size: int
    sha256: str


def sniff(data: bytes) -> str | None:
    """The media type the content's first bytes show (PDF, PNG, JPEG, WebP), or None."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    return None


def clean_name(filename: str | None, media_type: str) -> str:
    """The uploaded name without folders, control or reserved characters, at most 200
    characters, ending in the extension of its real type."""
    name = unicodedata.normalize("NFC", filename or "")
    name = re.split(r"[\\/]", name)[-1]
    name = " ".join(_UNSAFE.sub(" ", name).split()).strip(" .")
    stem = name.rpartition(".")[0] if "." in name else name
    extension = EXTENSIONS[media_type]
    stem = stem[: NAME_LENGTH - len(extension)].rstrip(" .")
    return (stem or "document") + extension


def folder() -> Path:
    """The instance's documents folder (created private to the app's user)."""
    path = Path(current_app.instance_path) / FOLDER
    make_folder(path)
    return path


def path_of(sha256: str) -> Path:
    """Where the content with this SHA-256 is kept (the digest is checked: no other path)."""
    if not _SHA256.match(sha256 or ""):
        raise ValueError("not a SHA-256 digest")
    return folder() / sha256


def check_upload(upload: Upload, limit: int) -> str:
    """The upload's media type, or DocumentError: empty, too large or not a PDF or image."""
    if not upload.data:
        raise DocumentError(_("The file is empty."))
    if len(upload.data) > limit:
        raise DocumentError(_("The file is larger than %(size)s MB.", size=round(limit / 2**20, 1)))
    media_type = sniff(upload.data)
    if media_type is None:
        raise DocumentError(_("Upload a PDF or an image (PNG, JPEG or WebP)."))
    return media_type


def store_document(upload: Upload, limit: int) -> StoredDocument:
    """Check the upload and keep its content under its SHA-256 (once, however often it is
    uploaded); written to a temporary file first, so a reader never sees half a file."""
    media_type = check_upload(upload, limit)
    digest = hashlib.sha256(upload.data).hexdigest()
    target = path_of(digest)
    if not target.exists():
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-")  # mode 0600
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(upload.data)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return StoredDocument(clean_name(upload.filename, media_type), media_type, len(upload.data),
                          digest)  # fmt: skip
