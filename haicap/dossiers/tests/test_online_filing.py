"""Online filing from the checklist: labelled upload slots, the declaration as an e-form, a
signed-in citizen's details pre-filled and the address converted, "my dossiers"."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from haicap.core.models import AuditEvent
from haicap.core.roles import Role
from haicap.dossiers.eforms import MARRIAGE, declaration_clean, eform_for
from haicap.dossiers.models import Attachment, CitizenProfile, Dossier
from haicap.dossiers.rights import DossierAudit
from haicap.dossiers.slots import slots_for

pytestmark = pytest.mark.django_db
URL = "/dich-vu-cong/1.001193/nop/"
NHIEU_LOC = "27142"  # Phường Nhiêu Lộc: old Phường 9, Quận 3
APPLICANT = {
    "province": "79",
    "receiving_unit": "26743",
    "applicant_name": "Nguyễn Thị Mai",
    "applicant_id_number": "079190001234",
    "applicant_phone": "0903123456",
    "applicant_address": "25 Trần Quốc Thảo, Phường 9, Quận 3, TP.HCM",
}
DECLARATION = {
    "decl_relationship": "Mẹ",
    "decl_child_name": "Trần Minh Khôi",
    "decl_child_birth_date": "2026-11-20",
    "decl_child_sex": "Nam",
    "decl_child_ethnicity": "Kinh",
    "decl_child_nationality": "Việt Nam",
    "decl_child_birth_place": "Bệnh viện Từ Dũ, Thành phố Hồ Chí Minh",
    "decl_child_hometown": "Phường Nhiêu Lộc, Thành phố Hồ Chí Minh",
    "decl_mother_name": "Nguyễn Thị Mai",
    "decl_mother_birth_date": "1990-05-14",
    "decl_mother_ethnicity": "Kinh",
    "decl_mother_nationality": "Việt Nam",
    "decl_mother_residence": "25 Trần Quốc Thảo, Phường Nhiêu Lộc, Thành phố Hồ Chí Minh",
}


def pdf(name: str = "giay-chung-sinh.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 test", content_type="application/pdf")


@pytest.fixture
def citizen_user(make_user, ben_thanh):
    user = make_user("congdan", Role.CITIZEN, ben_thanh)
    user.first_name, user.last_name, user.email = "Nguyễn Thị", "Mai", "mai@example.vn"
    user.save()
    return user


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_birth_registration_slots_are_the_checklist_items(birth_registration):
    slots = {s.key: s for s in slots_for(birth_registration)}
    assert slots["giay-chung-sinh"].required and slots["giay-chung-sinh"].label == "Giấy chứng sinh"
    # the declaration is an e-form online: its paper slot is not required
    assert slots["to-khai"].eform is not None and not slots["to-khai"].required
    abandoned = slots["bien-ban-tre-bi-bo-roi"]
    assert not abandoned.required and abandoned.condition == "Trường hợp trẻ em bị bỏ rơi"
    assert "giay-to-tuy-than" not in slots  # shown at the counter, never uploaded
    page = Client().get(URL).content.decode()
    assert 'name="slot_giay-chung-sinh"' in page and "Trường hợp trẻ em bị bỏ rơi" in page
    assert "<details><summary>Trường hợp ủy quyền" in page  # conditional: closed by default
    assert "Người tiếp nhận có trách nhiệm" not in page and "…" not in page


def test_a_required_slot_left_empty_is_refused_naming_it(birth_registration):
    response = Client().post(URL, {**APPLICANT, **DECLARATION})
    assert response.status_code == 422
    assert "Chưa tải lên «Giấy chứng sinh» (bắt buộc)." in response.content.decode()
    assert Dossier.objects.count() == 0
    # the typed declaration is kept in the form
    assert 'value="Trần Minh Khôi"' in response.content.decode()


def test_a_ticked_condition_needs_its_file(birth_registration):
    data = {**APPLICANT, **DECLARATION, "applies_van-ban-uy-quyen": "1", "slot_giay-chung-sinh": pdf()}
    response = Client().post(URL, data)
    assert response.status_code == 422 and "Văn bản ủy quyền (được chứng thực)" in (
        response.content.decode()
    )


def test_filed_with_eform_and_slots_the_officer_sees_both(birth_registration, counter_officer):
    data = {
        **APPLICANT,
        **DECLARATION,
        "slot_giay-chung-sinh": pdf(),
        "file_other": SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n0000", "image/png"),
    }
    response = Client().post(URL, data)
    assert response.status_code == 201, response.content.decode()[:3000]
    dossier = Dossier.objects.get()
    assert dossier.declaration["title"] == "Tờ khai đăng ký khai sinh"
    values = {f["name"]: f["value"] for f in dossier.declaration["fields"]}
    assert values["child_name"] == "Trần Minh Khôi" and values["child_birth_date"] == "2026-11-20"
    keys = sorted(Attachment.objects.values_list("item_key", "component"))
    assert keys == [("", "Giấy tờ khác"), ("giay-chung-sinh", "Giấy chứng sinh")]
    assert dossier.applicant_commune_code == NHIEU_LOC  # converted as at the counter
    assert dossier.filed_by is None  # anonymous
    page = signed_in(counter_officer).get(f"/mot-cua/h/{dossier.code}/").content.decode()
    assert "Tờ khai đăng ký khai sinh" in page and "Trần Minh Khôi" in page
    assert "Bệnh viện Từ Dũ" in page
    # an officer reading in English reads the declaration's title and labels in English
    officer = signed_in(counter_officer)
    officer.cookies["django_language"] = "en"
    english = officer.get(f"/mot-cua/h/{dossier.code}/").content.decode()
    assert "Birth registration form" in english and "Mother&#x27;s ethnicity" in english
    assert "<dt>Dân tộc của mẹ</dt>" not in english and "Trần Minh Khôi" in english


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("decl_child_name", "", "Chưa khai «Họ, chữ đệm, tên người được khai sinh»"),
        ("decl_child_birth_date", "2099-01-01", "không sau hôm nay"),
        ("decl_child_sex", "Khác", "chọn một trong Nam, Nữ"),
        ("decl_mother_id_number", "12345", ""),
    ],
)
def test_the_eform_names_the_bad_field(birth_registration, field, value, words):
    data = {**APPLICANT, **DECLARATION, field: value, "slot_giay-chung-sinh": pdf()}
    response = Client().post(URL, data)
    assert response.status_code == 422 and words in response.content.decode()
    assert Dossier.objects.count() == 0


def test_marriage_form_checks_the_legal_age():
    assert eform_for("Tờ khai đăng ký kết hôn (Mẫu TP/HT-2020-KH)") is MARRIAGE
    person = {
        "ethnicity": "Kinh",
        "nationality": "Việt Nam",
        "residence": "Phường Bến Thành, Thành phố Hồ Chí Minh",
        "times": "1",
    }
    data = {f"decl_wife_{k}": v for k, v in person.items()} | {
        f"decl_husband_{k}": v for k, v in person.items()
    }
    data |= {
        "decl_wife_name": "Lê Thị Hoa",
        "decl_wife_birth_date": "2000-03-01",
        "decl_husband_name": "Phạm Văn Nam",
        "decl_husband_birth_date": "2007-01-15",
    }
    with pytest.raises(Exception) as refused:
        declaration_clean(MARRIAGE, data, today=dt.date(2026, 12, 2))
    assert refused.value.extra == {"field": "decl_husband_birth_date"}  # type: ignore[attr-defined]
    data["decl_husband_birth_date"] = "2006-12-02"  # twenty today
    stored = declaration_clean(MARRIAGE, data, today=dt.date(2026, 12, 2))
    assert stored["form"] == "to-khai-dang-ky-ket-hon" and len(stored["fields"]) == 12


def test_signed_in_citizen_is_prefilled_and_finds_it_in_my_dossiers(
    birth_registration, citizen_user, make_user, ben_thanh
):
    client = signed_in(citizen_user)
    first = client.get(URL).content.decode()
    assert 'value="Nguyễn Thị Mai"' in first and 'value="mai@example.vn"' in first
    data = {**APPLICANT, **DECLARATION, "slot_giay-chung-sinh": pdf(), "save_profile": "1"}
    assert client.post(URL, data).status_code == 201
    dossier = Dossier.objects.get()
    assert dossier.filed_by == citizen_user
    profile = CitizenProfile.objects.get(user=citizen_user)
    assert profile.commune_code == NHIEU_LOC and profile.phone == "0903123456"
    assert AuditEvent.objects.filter(action=DossierAudit.PROFILE_SAVED).count() == 1
    again = client.get(URL).content.decode()
    assert 'value="079190001234"' in again and "Thông tin đã điền sẵn từ lần nộp trước" in again
    # the address is shown converted, the new ward by its name
    converted = client.get(
        "/dich-vu-cong/dia-chi/", {"applicant_address": profile.address}
    ).content.decode()
    assert "Phường Nhiêu Lộc" in converted and NHIEU_LOC not in converted.split('value="')[0]

    mine = client.get("/ho-so-cua-toi/").content.decode()
    assert dossier.code in mine and "Mới đăng ký" in mine
    detail = client.get(f"/ho-so-cua-toi/{dossier.code}/").content.decode()
    assert "Hồ sơ nộp trực tuyến đã được ghi nhận" in detail and "Giấy chứng sinh" in detail

    other = make_user("congdan2", Role.CITIZEN, ben_thanh)
    assert signed_in(other).get(f"/ho-so-cua-toi/{dossier.code}/").status_code == 404
    assert dossier.code not in signed_in(other).get("/ho-so-cua-toi/").content.decode()
    officer = make_user("motcua2", Role.COUNTER_OFFICER, ben_thanh)
    assert signed_in(officer).get("/ho-so-cua-toi/").status_code == 403
    assert Client().get("/ho-so-cua-toi/").status_code == 302

    # forgetting the saved details
    assert client.post("/ho-so-cua-toi/thong-tin/xoa/").status_code == 302
    assert not CitizenProfile.objects.exists()
    assert AuditEvent.objects.filter(action=DossierAudit.PROFILE_DELETED).count() == 1


def test_my_dossiers_api_is_paginated_and_own_only(
    birth_registration, citizen_user, make_user, ben_thanh
):
    client = signed_in(citizen_user)
    for i in range(3):
        data = {
            **APPLICANT,
            **DECLARATION,
            "slot_giay-chung-sinh": pdf(),
            "idempotency_key": f"k{i}",
        }
        assert client.post(URL, data).status_code == 201
    listed = client.get("/api/v1/me/dossiers", {"limit": 2}).json()
    assert listed["count"] == 3 and len(listed["items"]) == 2
    first = listed["items"][0]
    assert first["status_label"] == "Mới đăng ký" and first["history"][0]["text"].startswith(
        "Hồ sơ nộp trực tuyến"
    )
    one = client.get(f"/api/v1/me/dossiers/{first['code']}").json()
    assert one["procedure_code"] == "1.001193" and one["receiving_unit"] == "Phường Bến Thành"
    other = signed_in(make_user("congdan3", Role.CITIZEN, ben_thanh))
    assert other.get(f"/api/v1/me/dossiers/{first['code']}").status_code == 404
    assert other.get("/api/v1/me/dossiers").json()["count"] == 0
    assert Client().get("/api/v1/me/dossiers").status_code == 401
    officer = signed_in(make_user("motcua3", Role.COUNTER_OFFICER, ben_thanh))
    assert officer.get("/api/v1/me/dossiers").status_code == 403


def test_procedures_listed_by_what_the_commune_files_most(intake, counter_officer, sai_gon):
    from dataclasses import replace

    from haicap.dossiers import popular
    from haicap.dossiers.services import dossier_intake
    from haicap.procedures.models import Procedure
    from haicap.procedures.requirements import curated

    death = Procedure.objects.get(code="1.000656")  # Đăng ký khai tử
    for _ in range(2):
        dossier_intake(replace(intake, procedure=death), actor=counter_officer)
    dossier_intake(intake, actor=counter_officer)
    popular.clear()

    def codes(**params: str) -> list[str]:
        page = Client().get("/dich-vu-cong/", params).content.decode()
        return re.findall(r'<td class="wide">(\d\.\d{6})</td>', page)

    assert codes(province="79", xa="26743")[:2] == ["1.000656", "1.001193"]  # 2 deaths, 1 birth
    # a commune without dossiers yet: the province's filings first
    assert codes(province="79", xa=sai_gon.code)[:2] == ["1.000656", "1.001193"]
    # a province without any: the hand-checked commune procedures, not customs first
    hanoi = codes(province="01")
    assert hanoi[0] in curated() and not hanoi[0].startswith("1.00000")
    counts = popular.filing_counts(province_code="79", unit_code="26743")
    assert counts == {death.pk: 2, intake.procedure.pk: 1}


def test_the_api_stores_an_upload_in_its_slot(birth_registration):
    created = Client().post(
        "/api/v1/dossiers/online",
        {
            "procedure_code": "1.001193",
            "receiving_unit": "26743",
            "applicant": {
                "name": "Nguyễn Thị Mai",
                "id_number": "079190001234",
                "phone": "0903123456",
                "address": "25 Trần Quốc Thảo, Phường 9, Quận 3, TP.HCM",
            },
        },
        content_type="application/json",
    ).json()
    url = f"/api/v1/dossiers/{created['code']}/attachments"
    bad = Client().post(url, {"phone": "3456", "item_key": "khong-co", "files": [pdf()]})
    assert bad.status_code == 422 and bad.json()["extra"]["field"] == "item_key"
    ok = Client().post(url, {"phone": "3456", "item_key": "giay-chung-sinh", "files": [pdf()]})
    assert ok.status_code == 201, ok.content
    assert ok.json() == [
        {"component": "Giấy chứng sinh", "item_key": "giay-chung-sinh",
         "content_type": "application/pdf", "size": 13}
    ]


def test_death_registration_declares_online_too():
    from haicap.dossiers.eforms import DEATH
    from haicap.procedures.models import Procedure

    slots = {s.key: s for s in slots_for(Procedure.objects.get(code="1.000656"))}
    assert slots["to-khai"].eform is DEATH and not slots["to-khai"].required
    data = {
        "decl_relationship": "Con",
        "decl_deceased_name": "Trần Văn Bình",
        "decl_deceased_birth_date": "1940-01-01",
        "decl_deceased_sex": "Nam",
        "decl_deceased_ethnicity": "Kinh",
        "decl_deceased_nationality": "Việt Nam",
        "decl_deceased_residence": "Phường Bến Thành, Thành phố Hồ Chí Minh",
        "decl_death_date": "2026-11-30",
        "decl_death_place": "Bệnh viện Chợ Rẫy",
    }
    stored = declaration_clean(DEATH, data, today=dt.date(2026, 12, 2))
    assert {f["name"] for f in stored["fields"]} >= {"deceased_name", "death_date"}
    with pytest.raises(Exception) as refused:
        declaration_clean(DEATH, {**data, "decl_death_date": "2027-01-01"}, today=dt.date(2026, 12, 2))
    assert refused.value.extra["field"] == "decl_death_date"  # type: ignore[attr-defined]
