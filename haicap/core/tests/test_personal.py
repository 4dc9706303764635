import pytest

from haicap.core.errors import ApplicationError
from haicap.core.personal import citizen_id, mask_id, mask_phone, phone


def test_citizen_id():
    assert citizen_id("079 190 001 234") == "079190001234"
    for bad, field_text in [
        ("12345", "12 chữ số"),
        ("099190001234", "mã tỉnh"),
        ("079990001234", "năm sinh"),
    ]:
        with pytest.raises(ApplicationError) as exc:
            citizen_id(bad)
        assert field_text in exc.value.message and exc.value.status == 422


def test_phone():
    assert phone("+84 903 123 456") == "0903123456"
    assert phone("028.3829.1234") == "02838291234"
    with pytest.raises(ApplicationError):
        phone("0123")
    with pytest.raises(ApplicationError):
        phone("0103123456")


def test_phone_errors_name_the_field_they_are_about():
    with pytest.raises(ApplicationError) as exc:
        phone("0123")
    assert exc.value.extra["field"] == "applicant_phone"
    with pytest.raises(ApplicationError) as exc:
        phone("0123", field="contact_phone")
    assert exc.value.extra["field"] == "contact_phone"


def test_masks_keep_only_the_ends():
    assert mask_id("079190001234") == "079******234"
    assert mask_id("123") == "***"
    assert mask_phone("0903123456") == "090****456"
    assert mask_phone("0903") == "***"
