import pytest

from haicap.core.errors import ApplicationError
from haicap.dossiers.validation import Applicant, citizen_id, phone


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


def test_applicant():
    with pytest.raises(ApplicationError) as exc:
        Applicant.clean(
            name="A", id_number="079190001234", phone_number="0903123456", address="12 Lê Lợi"
        )
    assert exc.value.extra["field"] == "applicant_name"
    with pytest.raises(ApplicationError):
        Applicant.clean(
            name="Nguyễn An",
            id_number="079190001234",
            phone_number="0903123456",
            address="12 Lê Lợi",
            email="x@",
        )
