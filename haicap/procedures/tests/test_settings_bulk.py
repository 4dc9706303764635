"""A province's settings in bulk (issue 20, part 2): the sheet out and back, every error by line
and column, the preview, one transaction, the audit, idempotence, and the unverified time."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from openpyxl import load_workbook

from haicap.core.errors import ApplicationError
from haicap.core.models import AuditEvent
from haicap.core.workflow import SYSTEM
from haicap.procedures.models import Procedure, ProvinceProcedure, SettingsUpload
from haicap.procedures.rights import ProcedureAudit
from haicap.procedures.selectors import procedure_settings
from haicap.procedures.services import province_procedure_configure
from haicap.procedures.settings_bulk import (
    digest_of,
    settings_apply,
    settings_check,
    settings_export,
)
from haicap.procedures.settings_sheet import COLUMNS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _catalogue_only(db):  # type: ignore[no-untyped-def]
    """These tests start from the national catalogue alone: the test database's verified HCMC
    times (conftest.py) are undone inside each test's transaction."""
    from haicap.procedures.models import ProvinceProcedure

    ProvinceProcedure.objects.filter(province_code="79").delete()
COL = {key: "ABCDEFGHIJKLMN"[i] for i, (key, _) in enumerate(COLUMNS)}


def _book(content: bytes):
    return load_workbook(io.BytesIO(content))


def _save(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _line(sheet, code: str) -> int:
    return next(row[0].row for row in sheet.iter_rows(min_row=2) if row[0].value == code)


def _unverified_online() -> Procedure:
    """A commune procedure that could be filed online but whose catalogue time has no unit."""
    for p in Procedure.objects.filter(level_codes__contains="commune", online_available=True):
        if not procedure_settings(p, "79").time_verified:
            return p
    raise AssertionError("the catalogue has no such procedure")


def _verified_online() -> Procedure:
    for p in Procedure.objects.filter(level_codes__contains="commune", online_available=True):
        if procedure_settings(p, "79").time_verified:
            return p
    raise AssertionError("the catalogue has no such procedure")


def test_the_whole_catalogue_out_and_back_changes_nothing(province_admin):
    content = settings_export("79", actor=province_admin)
    sheet = _book(content).active
    assert sheet.max_row - 1 == Procedure.objects.count()
    check = settings_check("79", content)
    assert check.ok and check.rows == Procedure.objects.count() and check.changes == []


def test_edited_rows_are_previewed_applied_once_audited_and_idempotent(province_admin):
    commune = settings_export("79", actor=province_admin, level="commune")
    book = _book(commune)
    sheet = book.active
    unverified, verified = _unverified_online(), _verified_online()
    line = _line(sheet, unverified.code)
    sheet[f"{COL['time_value']}{line}"] = 3
    sheet[f"{COL['time_unit']}{line}"] = "ngày làm việc"
    sheet[f"{COL['time_verified']}{line}"] = "có"
    sheet[f"{COL['online_level']}{line}"] = "một phần"
    sheet[f"{COL['boundary_free']}{line}"] = "co"  # without diacritics is fine
    other = _line(sheet, verified.code)
    sheet[f"{COL['fee_vnd']}{other}"] = "25.000"
    content = _save(book)
    check = settings_check("79", content)
    assert check.ok and {c.code for c in check.changes} == {unverified.code, verified.code}
    change = next(c for c in check.changes if c.code == unverified.code)
    assert dict((f, (a, b)) for f, a, b in change.differences())["online_level"] == ("none", "partial")
    assert not ProvinceProcedure.objects.filter(province_code="79").exists()  # a preview writes nothing
    settings_apply("79", content, actor=province_admin, filename="79.xlsx")
    now = procedure_settings(unverified, "79")
    assert (now.time_value, now.time_unit, now.time_verified, now.online_level, now.boundary_free) == (
        3, "working_days", True, "partial", True,
    )  # fmt: skip
    assert procedure_settings(verified, "79").fee_vnd == 25000
    assert procedure_settings(unverified, "01").online_level == "none"  # Hanoi untouched
    event = AuditEvent.objects.get(action=ProcedureAudit.SETTINGS_APPLIED)
    assert event.data["digest"] == digest_of(content) and event.data["changes"] == 2
    assert event.province_code == "79" and event.actor == province_admin
    # the same file again: nothing changes, nothing is written
    stamp = list(ProvinceProcedure.objects.values_list("pk", "updated_at"))
    assert settings_apply("79", content, actor=province_admin).changes == []
    assert list(ProvinceProcedure.objects.values_list("pk", "updated_at")) == stamp


def test_every_error_is_listed_by_line_and_column_and_nothing_is_applied(province_admin):
    book = _book(settings_export("79", actor=province_admin, level="commune"))
    sheet = book.active
    good = _verified_online()
    unverified = _unverified_online()
    g, u = _line(sheet, good.code), _line(sheet, unverified.code)
    sheet[f"{COL['fee_vnd']}{g}"] = 1000  # a valid change on a row before the errors
    sheet[f"{COL['offered']}{u}"] = "có lẽ"
    sheet[f"{COL['online_level']}{u}"] = "toàn trình"  # and the time is not verified
    sheet[f"{COL['time_unit']}{u}"] = "tuần"
    last = sheet.max_row
    sheet[f"A{last + 1}"] = "9.999999"
    sheet[f"A{last + 2}"] = good.code
    for key, value in (("offered", "có"), ("boundary_free", "không"), ("online_level", "không"),
                       ("time_verified", "không"), ("time_value", 2)):  # fmt: skip
        sheet[f"{COL[key]}{last + 1}"] = value
        sheet[f"{COL[key]}{last + 2}"] = value
    content = _save(book)
    check = settings_check("79", content)
    found = {(e.line, e.column) for e in check.errors}
    assert (u, COL["offered"]) in found and (u, COL["time_unit"]) in found
    assert (last + 1, "A") in found  # unknown procedure
    assert (last + 2, "A") in found  # the same procedure twice
    assert (last + 2, COL["time_value"]) in found or (last + 2, COL["time_unit"]) in found
    with translation.override("vi"):  # whatever language an earlier test on this worker left
        messages = " ".join(str(e) for e in check.errors)
    assert f"Dòng {u}, cột {COL['offered']} (Cung cấp)" in messages and "«có lẽ»" in messages
    with pytest.raises(ApplicationError) as refused:
        settings_apply("79", content, actor=province_admin)
    assert refused.value.status == 422 and refused.value.extra["field"] == "file"
    assert not ProvinceProcedure.objects.filter(province_code="79").exists()  # all or nothing
    # once the time is verified the same row may be offered online; without it, it names the code
    sheet[f"{COL['offered']}{u}"] = "có"
    sheet[f"{COL['time_unit']}{u}"] = "ngày làm việc"
    sheet.delete_rows(last + 1, 2)
    blocked = settings_check("79", _save(book))
    assert [e.column for e in blocked.errors] == [COL["online_level"]]
    assert unverified.code in blocked.errors[0].message and "kiểm chứng" in blocked.errors[0].message


def test_a_sheet_of_another_province_or_not_a_sheet_is_refused(province_admin):
    hanoi = settings_export("01", actor=SYSTEM, level="commune")
    check = settings_check("79", hanoi)
    assert not check.ok and "tỉnh 01" in str(check.errors[0])
    with pytest.raises(ApplicationError) as refused:
        settings_check("79", b"ma_thu_tuc,cung_cap\n1.001193,co\n")
    assert refused.value.status == 422 and refused.value.extra["field"] == "file"


def test_an_unverified_time_blocks_offering_online_naming_the_procedure(province_admin):
    procedure = _unverified_online()
    assert procedure_settings(procedure, "79").online_level == "none"
    with pytest.raises(ApplicationError) as refused:
        province_procedure_configure(
            province_code="79",
            procedure=procedure,
            actor=province_admin,
            offered=True,
            boundary_free=True,
            online_level="partial",
        )
    assert refused.value.status == 422 and refused.value.extra["procedure_code"] == procedure.code
    province_procedure_configure(
        province_code="79",
        procedure=procedure,
        actor=province_admin,
        offered=True,
        boundary_free=True,
        online_level="partial",
        time_value=1,
        time_unit="working_days",
    )
    assert procedure_settings(procedure, "79").online_level == "partial"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_pages_download_upload_preview_and_apply(province_admin, make_user, counter_officer):
    from haicap.core.roles import Role
    from haicap.units.models import Unit

    client = _client(province_admin)
    page = client.get("/procedures/cau-hinh/").content.decode()
    assert 'data-testid="settings-upload"' in page and 'data-testid="nav-procedure-settings"' in page
    download = client.get("/procedures/cau-hinh/tai-ve.xlsx?level=commune")
    assert download.status_code == 200 and download["Content-Type"].startswith("application/vnd.openxml")
    book = _book(download.content)
    line = _line(book.active, _verified_online().code)
    book.active[f"{COL['boundary_free']}{line}"] = "có"
    book.active[f"{COL['fee_vnd']}{line}"] = "x"
    bad = client.post("/procedures/cau-hinh/tai-len/", {"file": SimpleUploadedFile("a.xlsx", _save(book))})
    response = client.get(bad["Location"])
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    preview = response.content.decode()
    assert 'data-testid="settings-errors"' in preview and 'data-testid="settings-apply"' not in preview
    book.active[f"{COL['fee_vnd']}{line}"] = 2000
    good = client.post("/procedures/cau-hinh/tai-len/", {"file": SimpleUploadedFile("b.xlsx", _save(book))})
    preview = client.get(good["Location"]).content.decode()
    assert "Sẽ thay đổi 1 thủ tục" in preview and "Phi địa giới: không → <b>có</b>" in preview
    upload = SettingsUpload.objects.get(filename="b.xlsx")
    hanoi_admin = make_user("qt-hanoi", Role.PROVINCE_ADMIN, Unit.objects.current().get(level="province", code="01"))
    assert _client(hanoi_admin).get(f"/procedures/cau-hinh/tai-len/{upload.pk}/").status_code == 404
    assert _client(hanoi_admin).post(f"/procedures/cau-hinh/tai-len/{upload.pk}/ap-dung/").status_code == 404
    assert _client(counter_officer).get("/procedures/cau-hinh/").status_code == 403
    applied = client.post(f"/procedures/cau-hinh/tai-len/{upload.pk}/ap-dung/")
    assert applied.status_code == 302 and ProvinceProcedure.objects.filter(province_code="79").count() == 1
    assert client.post(f"/procedures/cau-hinh/tai-len/{upload.pk}/ap-dung/").status_code == 409
    assert client.post("/procedures/cau-hinh/tai-len/", {}).status_code == 422


def test_the_command_exports_and_imports(tmp_path, province_admin):
    path = tmp_path / "79.xlsx"
    call_command("procedures", "settings", "export", "--province", "79", "--level", "commune", str(path))
    book = _book(path.read_bytes())
    line = _line(book.active, _verified_online().code)
    book.active[f"{COL['boundary_free']}{line}"] = "có"
    path.write_bytes(_save(book))
    out = io.StringIO()
    call_command("procedures", "settings", "import", "--province", "79", str(path), "--dry-run", stdout=out)
    assert "1 thủ tục" in out.getvalue() and not ProvinceProcedure.objects.exists()
    call_command("procedures", "settings", "import", "--province", "79", str(path), stdout=out)
    assert ProvinceProcedure.objects.filter(province_code="79", boundary_free=True).count() == 1
    assert AuditEvent.objects.filter(action=ProcedureAudit.SETTINGS_APPLIED, actor=None).exists()


def test_officers_see_the_unverified_time_and_the_slip_never_prints_it(counter_officer):
    from django.template.loader import render_to_string

    from haicap.dossiers.models import Dossier
    from haicap.dossiers.paperwork import form_context

    birth = Procedure.objects.get(code="1.001193")  # the national record: "1", no unit
    assert not procedure_settings(birth, "79").time_verified
    client = _client(counter_officer)
    form = {
        "receiving_unit": "26743", "procedure_code": birth.code, "applicant_name": "Nguyễn Thị Mai",
        "applicant_id_number": "079190001234", "applicant_phone": "0903123456",
        "applicant_address": "25 Trần Quốc Thảo, Phường 9, Quận 3, TP.HCM", "outcome": "accept",
        "request": "Đăng ký khai sinh", "sets": "1", "idempotency_key": "web-unverified",
    }  # fmt: skip
    page = client.get(client.post("/mot-cua/tiep-nhan/", form)["Location"]).content.decode()
    assert "tỉnh cần xác minh" in page  # the officer's warning
    dossier = Dossier.objects.get()
    slip = render_to_string("dossiers/forms/01.html", form_context(dossier, "01"))
    assert "Thời gian giải quyết" in slip and "kiểm chứng" not in slip


def test_a_procedure_whose_time_is_unverified_is_neither_listed_nor_filed_online():
    """ADR 13 where citizens meet it: the portal and online intake read the settings in force."""
    from haicap.core.ttlcache import clear_all_caches
    from haicap.dossiers.tests.test_api import BODY
    from haicap.procedures.models import OnlineLevel

    def listed() -> bool:
        page = Client().get("/dich-vu-cong/", {"province": "79", "q": "khai sinh"}).content.decode()
        return ">1.001193<" in page

    def filed():  # type: ignore[no-untyped-def]
        body = {**BODY, "return_method": "online"}
        return Client().post("/api/v1/dossiers/online", body, content_type="application/json")

    assert not listed()
    answer = filed()
    assert answer.status_code == 422, answer.content
    assert answer.json()["extra"] == {"field": "procedure_code", "procedure_code": "1.001193"}

    birth = Procedure.objects.get(code="1.001193")
    ProvinceProcedure.objects.create(
        province_code="79", procedure=birth, online_level=OnlineLevel.PARTIAL, time_verified=True
    )
    clear_all_caches()  # written here directly, not through the service that clears them
    assert listed() and filed().status_code == 201


def test_changing_the_fee_alone_keeps_the_time_the_province_verified(province_admin):
    """The one-procedure form sends no time when the catalogue's stands: the province's word that
    it checked that time must survive an edit of the fee (it was reset, and the online level
    then refused, 422)."""
    from haicap.procedures.models import OnlineLevel

    birth = Procedure.objects.get(code="1.001193")
    ProvinceProcedure.objects.create(
        province_code="79", procedure=birth, online_level=OnlineLevel.PARTIAL, time_verified=True
    )
    province_procedure_configure(
        province_code="79",
        procedure=birth,
        actor=province_admin,
        offered=True,
        boundary_free=False,
        online_level=OnlineLevel.PARTIAL,
        fee_vnd=8000,
    )
    settings = procedure_settings(birth, "79")
    assert (settings.time_verified, settings.online_level, settings.fee_vnd) == (
        True,
        OnlineLevel.PARTIAL,
        8000,
    )


def test_the_demo_sheet_is_uploaded_and_applied_as_the_administrator_would(province_admin):
    """`procedures settings demo` goes through the page's own path, so the page's history lists
    it (it was applied directly and the demo showed no upload); run twice, it changes nothing."""
    from haicap.procedures.settings_demo import demo_configure

    list(demo_configure("79"))
    list(demo_configure("79"))
    uploads = SettingsUpload.objects.filter(province_code="79").order_by("pk")
    assert [(u.applied_changes, u.applied_by) for u in uploads] == [
        (uploads[0].rows, province_admin),
        (0, province_admin),
    ]
    assert uploads[0].rows > 500  # HCMC's commune procedures
