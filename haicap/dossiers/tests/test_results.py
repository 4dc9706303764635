"""Electronic results: the processing officer attaches the PDF when completing; the citizen
downloads it from tracking once it is ready; officers from the record page; nobody else; the
index's electronic-results figure counts it."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from haicap.core.models import AuditEvent
from haicap.core.roles import Role
from haicap.dossiers.models import Dossier, DossierResult, Status
from haicap.dossiers.rights import DossierAudit
from haicap.dossiers.services import dossier_intake, dossier_transition
from haicap.dossiers.tests.conftest import at
from haicap.metrics.models import UnitDay
from haicap.metrics.rebuild import rebuild
from haicap.units.models import Unit

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _processing(intake, counter_officer, leader, processing_officer) -> Dossier:
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    d = dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9, 30))
    return dossier_transition(
        d, action="assign", actor=leader, officer_id=processing_officer.pk, now=at(2025, 7, 1, 10)
    )


@pytest.fixture
def processing(intake, counter_officer, leader, processing_officer) -> Dossier:
    return _processing(intake, counter_officer, leader, processing_officer)


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _complete(client: Client, code: str, content: bytes = PDF, name: str = "kq.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        f"/mot-cua/h/{code}/thao-tac/complete/",
        {"note": "Giấy khai sinh", "result": SimpleUploadedFile(name, content, "application/pdf")},
    )


def test_the_officer_completes_with_the_result_and_the_citizen_downloads_it(
    processing, processing_officer, counter_officer
):
    officer = _logged_in(processing_officer)
    assert _complete(officer, processing.code).status_code == 302
    processing.refresh_from_db()
    assert processing.status == Status.PROCESSED and processing.result_at is not None
    result = DossierResult.objects.get(dossier=processing)
    assert result.size == len(PDF) and result.uploaded_by == processing_officer
    assert AuditEvent.objects.filter(action=DossierAudit.RESULT_ATTACHED).count() == 1
    # the citizen, with the code and the phone's last four digits
    page = Client().post("/tra-cuu/", {"code": processing.code, "phone": "3456"})
    assert 'data-testid="result-download"' in page.content.decode()
    download = Client().post("/tra-cuu/ket-qua/", {"code": processing.code, "phone": "3456"})
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert download.getvalue() == PDF
    assert AuditEvent.objects.filter(action=DossierAudit.RESULT_DOWNLOADED).count() == 1
    # officers of the dossier's units from the record page
    detail = _logged_in(counter_officer).get(f"/mot-cua/h/{processing.code}/")
    assert 'data-testid="result"' in detail.content.decode()
    officer_copy = _logged_in(counter_officer).get(f"/mot-cua/h/{processing.code}/ket-qua.pdf")
    assert officer_copy.getvalue() == PDF


def test_nobody_else_gets_the_file(processing, processing_officer, make_user):
    _complete(_logged_in(processing_officer), processing.code)
    wrong = Client().post("/tra-cuu/ket-qua/", {"code": processing.code, "phone": "0000"})
    assert wrong.status_code == 404
    stranger = make_user(
        "tandinh", Role.PROCESSING_OFFICER, Unit.objects.current().get(code="26737")
    )
    assert _logged_in(stranger).get(f"/mot-cua/h/{processing.code}/ket-qua.pdf").status_code == 404
    assert Client().get(f"/mot-cua/h/{processing.code}/ket-qua.pdf").status_code == 302


def test_not_ready_is_the_same_404(processing, processing_officer):
    """Attached through the API while processing: the citizen gets nothing before completion."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    api = _logged_in(processing_officer).post(
        f"/api/v1/dossiers/{processing.code}/result",
        {"file": SimpleUploadedFile("kq.pdf", PDF, "application/pdf")},
    )
    assert api.status_code == 201 and api.json()["size"] == len(PDF)
    early = Client().post("/tra-cuu/ket-qua/", {"code": processing.code, "phone": "3456"})
    assert early.status_code == 404
    tracked = Client().get(f"/api/v1/dossiers/{processing.code}/tracking?phone=3456")
    assert tracked.json()["result_ready"] is False


@pytest.mark.parametrize(
    "content, name",
    [
        (b"GIF89a not a pdf", "kq.pdf"),
        (b"%PDF-1.7\n cut in the middle", "kq.pdf"),
        (b"", "kq.pdf"),
    ],
)
def test_a_bad_file_is_a_422_naming_the_field_and_nothing_moves(
    processing, processing_officer, content, name
):
    page = _complete(_logged_in(processing_officer), processing.code, content, name)
    assert page.status_code == 422
    processing.refresh_from_db()
    assert processing.status == Status.PROCESSING and processing.result_at is None
    assert not DossierResult.objects.exists()


def test_the_size_limit(processing, processing_officer, settings):
    settings.HAICAP_RESULT_MAX_BYTES = 1024
    big = b"%PDF-1.7\n" + b"0" * 2048 + b"\n%%EOF\n"
    from django.core.files.uploadedfile import SimpleUploadedFile

    api = _logged_in(processing_officer).post(
        f"/api/v1/dossiers/{processing.code}/result",
        {"file": SimpleUploadedFile("kq.pdf", big, "application/pdf")},
    )
    assert api.status_code == 422 and api.json()["extra"]["field"] == "result"


def test_only_the_processing_officer_attaches(processing, counter_officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    api = _logged_in(counter_officer).post(
        f"/api/v1/dossiers/{processing.code}/result",
        {"file": SimpleUploadedFile("kq.pdf", PDF, "application/pdf")},
    )
    assert api.status_code == 403


def test_the_index_counts_a_result_returned_at_the_counter_with_its_pdf(
    processing, processing_officer, counter_officer
):
    _complete(_logged_in(processing_officer), processing.code)
    d = dossier_transition(
        Dossier.objects.get(pk=processing.pk),
        action="return",
        actor=counter_officer,
        method="counter",
        now=at(2025, 7, 2, 8),
    )
    row = UnitDay.objects.get(unit_code=d.competent_unit.code, day=at(2025, 7, 2).date())
    assert (row.returned, row.returned_online) == (1, 1)
    rebuild()  # the rebuild from the tables agrees
    row = UnitDay.objects.get(unit_code=d.competent_unit.code, day=at(2025, 7, 2).date())
    assert (row.returned, row.returned_online) == (1, 1)
    # after return the file can no longer be replaced
    from django.core.files.uploadedfile import SimpleUploadedFile

    again = _logged_in(processing_officer).post(
        f"/api/v1/dossiers/{d.code}/result",
        {"file": SimpleUploadedFile("kq.pdf", PDF, "application/pdf")},
    )
    assert again.status_code == 409


def test_returned_at_the_counter_without_a_pdf_is_not_electronic(
    processing, processing_officer, counter_officer
):
    d = dossier_transition(processing, action="complete", actor=processing_officer)
    d = dossier_transition(d, action="return", actor=counter_officer, method="counter")
    row = UnitDay.objects.get(unit_code=d.competent_unit.code, day=timezone.localdate(d.returned_at))
    assert (row.returned, row.returned_online) == (1, 0)


def test_a_signed_in_citizen_downloads_their_own_result_after_return(
    intake, counter_officer, leader, processing_officer, make_user, ben_thanh
):
    from dataclasses import replace

    citizen_user = make_user("congdan", Role.CITIZEN, ben_thanh)
    d = dossier_intake(
        replace(intake, channel="online", return_method="online"),
        actor=citizen_user,
        outcome="register",
        now=at(2025, 7, 1, 8),
    )
    d = dossier_transition(d, action="accept", actor=counter_officer, now=at(2025, 7, 1, 9))
    d = dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9, 30))
    _complete(_logged_in(processing_officer), d.code)
    url = f"/dich-vu-cong/ho-so/{d.code}/ket-qua.pdf"
    mine = _logged_in(citizen_user)
    assert mine.get(url).status_code == 404  # processed, not yet returned
    d = dossier_transition(
        Dossier.objects.get(pk=d.pk), action="return", actor=counter_officer, method="online"
    )
    download = mine.get(url)
    assert download.status_code == 200 and download.getvalue() == PDF
    other = _logged_in(make_user("congdan2", Role.CITIZEN, ben_thanh))
    assert other.get(url).status_code == 404
    assert _logged_in(counter_officer).get(url).status_code == 404  # not theirs: the record page


def test_a_replaced_result_leaves_one_file(
    processing, processing_officer, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    officer = _logged_in(processing_officer)
    first = officer.post(
        f"/api/v1/dossiers/{processing.code}/result",
        {"file": SimpleUploadedFile("kq.pdf", PDF, "application/pdf")},
    )
    assert first.status_code == 201
    old = DossierResult.objects.get().file
    old_path, storage = old.name, old.storage
    newer = PDF.replace(b"1.7", b"1.6")
    with django_capture_on_commit_callbacks(execute=True):
        second = officer.post(
            f"/api/v1/dossiers/{processing.code}/result",
            {"file": SimpleUploadedFile("kq2.pdf", newer, "application/pdf")},
        )
    assert second.status_code == 201 and second.json()["size"] == len(newer)
    assert not storage.exists(old_path) and DossierResult.objects.count() == 1
    assert DossierResult.objects.get().file.read() == newer
