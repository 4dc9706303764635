"""Files that citizens upload (dossier components, photos of a reported problem): at most 10 MB
each, and only PDF, JPEG or PNG, recognised by their first bytes rather than by the name or the
type the browser sends."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy

from haicap.core.errors import ApplicationError
from haicap.core.formatting import decimal

MAX_FILE_BYTES = 10 * 1024 * 1024
SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
}
EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
FILE_TOO_LARGE = gettext_lazy("Tệp «{name}» quá lớn ({size} MB); tối đa 10 MB mỗi tệp.")
FILE_TYPE = gettext_lazy("Tệp «{name}» không phải PDF, JPEG hoặc PNG.")
TOO_MANY_FILES = gettext_lazy("Tối đa {limit} tệp.")


def upload_checked(name: str, content: bytes, *, field: str = "files") -> str:
    """The content type of an upload within both limits; otherwise a 422 naming the form field
    and the file. Read at most MAX_FILE_BYTES + 1 bytes of an upload to call this."""
    if len(content) > MAX_FILE_BYTES:
        raise ApplicationError(
            FILE_TOO_LARGE.format(name=name, size=decimal(len(content) / 1024 / 1024, 1)),
            extra={"field": field, "file": name},
            status=422,
        )
    for signature, content_type in SIGNATURES.items():
        if content.startswith(signature):
            return content_type
    raise ApplicationError(
        FILE_TYPE.format(name=name), extra={"field": field, "file": name}, status=422
    )


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    content: bytes
    content_type: str


def uploads_checked(
    files: Sequence[UploadedFile], *, field: str, limit: int
) -> list[CheckedUpload]:
    """The uploads of one form field, read and checked (at most `limit` files, each within both
    limits), for a page's request.FILES and an API's File(...) alike; a 422 naming the field."""
    if len(files) > limit:
        raise ApplicationError(
            TOO_MANY_FILES.format(limit=limit), extra={"field": field}, status=422
        )
    checked = []
    for upload in files:
        name = upload.name or ""
        content = upload.read(MAX_FILE_BYTES + 1)
        checked.append(CheckedUpload(name, content, upload_checked(name, content, field=field)))
    return checked
