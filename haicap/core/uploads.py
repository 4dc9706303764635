"""Files that citizens upload (dossier components, photos of a reported problem): at most 10 MB
each, and only PDF, JPEG or PNG, recognised by their first bytes rather than by the name or the
type the browser sends."""

from __future__ import annotations

from haicap.core.errors import ApplicationError

MAX_FILE_BYTES = 10 * 1024 * 1024
SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
}
EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
FILE_TOO_LARGE = "Tệp «{name}» quá lớn ({size:.1f} MB); tối đa 10 MB mỗi tệp."
FILE_TYPE = "Tệp «{name}» không phải PDF, JPEG hoặc PNG."


def upload_checked(name: str, content: bytes, *, field: str = "files") -> str:
    """The content type of an upload within both limits; otherwise a 422 naming the form field
    and the file. Read at most MAX_FILE_BYTES + 1 bytes of an upload to call this."""
    if len(content) > MAX_FILE_BYTES:
        raise ApplicationError(
            FILE_TOO_LARGE.format(name=name, size=len(content) / 1024 / 1024),
            extra={"field": field, "file": name},
            status=422,
        )
    for signature, content_type in SIGNATURES.items():
        if content.startswith(signature):
            return content_type
    raise ApplicationError(
        FILE_TYPE.format(name=name), extra={"field": field, "file": name}, status=422
    )
