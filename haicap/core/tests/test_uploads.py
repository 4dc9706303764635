import pytest

from haicap.core.errors import ApplicationError
from haicap.core.uploads import MAX_FILE_BYTES, upload_checked

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def test_types_are_read_from_the_first_bytes_not_the_name():
    assert upload_checked("giay-khai-sinh.pdf", b"%PDF-1.7 ...") == "application/pdf"
    assert upload_checked("anh.pdf", PNG) == "image/png"
    assert upload_checked("x", b"\xff\xd8\xff\xe0") == "image/jpeg"
    with pytest.raises(ApplicationError) as exc:
        upload_checked("ngap.png", b"GIF89a....", field="photos")
    assert exc.value.status == 422 and "ngap.png" in exc.value.message
    assert exc.value.extra == {"field": "photos", "file": "ngap.png"}


def test_the_size_limit_is_ten_megabytes_and_the_error_says_how_big():
    assert upload_checked("to.png", PNG + b"\0" * (MAX_FILE_BYTES - len(PNG))) == "image/png"
    with pytest.raises(ApplicationError) as exc:
        upload_checked("to-qua.png", PNG + b"\0" * MAX_FILE_BYTES)
    assert "10,0 MB" in exc.value.message and exc.value.extra["field"] == "files"


def test_the_uploads_of_a_field_are_counted_and_each_checked():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from haicap.core.uploads import uploads_checked

    [ok] = uploads_checked([SimpleUploadedFile("a.png", PNG)], field="evidence", limit=5)
    assert (ok.name, ok.content, ok.content_type) == ("a.png", PNG, "image/png")
    with pytest.raises(ApplicationError) as exc:
        uploads_checked([SimpleUploadedFile("a.png", PNG)] * 2, field="evidence", limit=1)
    assert exc.value.status == 422 and exc.value.extra == {"field": "evidence"}
    with pytest.raises(ApplicationError) as exc:
        uploads_checked([SimpleUploadedFile("b.gif", b"GIF89a")], field="evidence", limit=5)
    assert exc.value.extra == {"field": "evidence", "file": "b.gif"}
