import pytest

from haicap.core.errors import ApplicationError
from haicap.dossiers.validation import Applicant


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
