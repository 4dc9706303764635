"""Counter intake with the checklist: what was ticked, what is missing, what the slip says."""

import dataclasses
import re
import shutil
import subprocess

import pytest
from django.test import Client

from haicap.core.errors import ApplicationError
from haicap.core.tokens import token_issue
from haicap.dossiers.models import Dossier, Status
from haicap.dossiers.paperwork import form_pdf
from haicap.dossiers.services import dossier_intake
from haicap.dossiers.tests.test_views import FORM, signed_in

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="no poppler-utils")

# the four papers of an ordinary birth registration through a relative with a proxy letter
FOUR = [
    {"key": "to-khai", "originals": 1},
    {"key": "giay-chung-sinh", "originals": 1},
    {"key": "giay-to-tuy-than", "originals": 1},
    {"key": "van-ban-uy-quyen", "originals": 1},
]


def _with(intake, received):
    return dataclasses.replace(intake, received_items=received)


def test_accept_stores_exactly_the_ticked_items_in_checklist_order(intake, counter_officer):
    d = dossier_intake(_with(intake, list(reversed(FOUR))), actor=counter_officer)
    assert d.status == Status.ACCEPTED
    assert [r["key"] for r in d.received_items] == [
        "to-khai", "giay-chung-sinh", "giay-to-tuy-than", "van-ban-uy-quyen"
    ]
    assert d.received_items[2]["kind"] == "present"
    assert Dossier.objects.get().received_items == d.received_items


def test_accept_is_refused_while_a_required_item_is_unticked(intake, counter_officer):
    with pytest.raises(ApplicationError) as caught:
        dossier_intake(_with(intake, FOUR[:1] + FOUR[2:]), actor=counter_officer)
    assert caught.value.status == 422 and caught.value.extra["field"] == "received_items"
    assert caught.value.extra["missing"] == ["giay-chung-sinh"]
    assert "Giấy chứng sinh" in caught.value.message and Dossier.objects.count() == 0


def test_conditional_items_are_never_required(intake, counter_officer):
    d = dossier_intake(_with(intake, FOUR[:3]), actor=counter_officer)
    assert d.status == Status.ACCEPTED and len(d.received_items) == 3


def test_the_supplement_request_lists_exactly_the_unticked_required_items(intake, counter_officer):
    d = dossier_intake(
        _with(intake, [FOUR[2], FOUR[3]]),
        actor=counter_officer,
        outcome="supplement",
        missing_items=[{"name": "anything typed", "kind": "copy", "reason": ""}],
    )
    [supplement] = d.supplements.all()
    assert [i["name"] for i in supplement.items] == [
        "Tờ khai đăng ký khai sinh", "Giấy chứng sinh"
    ]
    assert {i["kind"] for i in supplement.items} == {"original"}
    if shutil.which("pdftotext"):  # form 02 as the citizen holds it
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=form_pdf(d, "02"), capture_output=True, check=True
        ).stdout.decode()
        text = " ".join(text.split())
        assert "Tờ khai đăng ký khai sinh" in text and "Giấy chứng sinh" in text
        assert "Giấy tờ tùy thân" not in text and "anything typed" not in text


@pytest.mark.parametrize(
    ("entry", "what"),
    [
        ({"key": "so-ho-khau", "originals": 1}, "so-ho-khau"),
        ({"key": "to-khai", "originals": -1}, "to-khai"),
        ({"key": "to-khai", "originals": "một"}, "to-khai"),
        ({"key": "to-khai"}, "to-khai"),  # ticked with no copy at all
    ],
)
def test_a_bad_entry_is_422_naming_the_field(intake, counter_officer, entry, what):
    with pytest.raises(ApplicationError) as caught:
        dossier_intake(_with(intake, [entry]), actor=counter_officer)
    assert caught.value.status == 422
    assert caught.value.extra["field"] == "received_items" and caught.value.extra["key"] == what


def test_api_intake_takes_received_items_and_names_an_unknown_key(counter_officer):
    from haicap.dossiers.tests.test_api import BODY

    client = Client(headers={"Authorization": f"Bearer {token_issue(user=counter_officer, label='q', actor=None)}"})
    bad = client.post(
        "/api/v1/dossiers",
        {**BODY, "received_items": [{"key": "giay-khong-co", "originals": 1}]},
        content_type="application/json",
    )
    assert bad.status_code == 422 and bad.json()["extra"]["field"] == "received_items"
    short = client.post(
        "/api/v1/dossiers", {**BODY, "received_items": FOUR[:2]}, content_type="application/json"
    )
    assert short.status_code == 422 and short.json()["extra"]["missing"] == ["giay-to-tuy-than"]
    good = client.post(
        "/api/v1/dossiers", {**BODY, "received_items": FOUR}, content_type="application/json"
    )
    assert good.status_code == 201, good.content
    assert [r["key"] for r in good.json()["received_items"]] == [r["key"] for r in FOUR]


def test_the_checklist_fragment_groups_items_and_offers_conditions_unticked(counter_officer):
    client = signed_in(counter_officer)
    html = client.get("/mot-cua/tiep-nhan/giay-to/", {"procedure_code": "1.001193"}).content.decode()
    for key in ("to-khai", "giay-chung-sinh", "giay-to-tuy-than", "van-ban-uy-quyen"):
        assert f'data-testid="recv-{key}"' in html
    assert "Trường hợp trẻ em bị bỏ rơi" in html and " checked" not in html
    assert 'name="checklist_for" value="1.001193"' in html
    assert client.get("/mot-cua/tiep-nhan/giay-to/", {"procedure_code": "x"}).status_code == 404


def _ticked(keys):
    data = {**FORM, "checklist_for": "1.001193", "received": keys}
    for key in keys:
        data[f"n-{key}-originals"] = "1"
    return data


def test_the_counter_form_refuses_complete_with_a_missing_paper_and_keeps_the_ticks(
    counter_officer,
):
    client = signed_in(counter_officer)
    response = client.post("/mot-cua/tiep-nhan/", _ticked(["to-khai", "giay-to-tuy-than"]))
    assert response.status_code == 422
    page = response.content.decode()
    assert "còn thiếu Giấy chứng sinh" in page
    assert re.search(r'value="to-khai"[^>]*checked', page)
    assert not re.search(r'value="giay-chung-sinh"[^>]*checked', page)
    assert Dossier.objects.count() == 0


def _pages(pdf: bytes, tmp_path) -> tuple[int, str, str]:
    path = tmp_path / "01.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    size = re.search(r"Page size:\s+(.*)", info).group(1)  # type: ignore[union-attr]
    return pages, size, " ".join(text.stdout.split())


@needs_poppler
def test_four_ticks_give_a_one_page_a5_slip_listing_exactly_those(counter_officer, tmp_path):
    client = signed_in(counter_officer)
    keys = ["to-khai", "giay-chung-sinh", "giay-to-tuy-than", "van-ban-uy-quyen"]
    response = client.post("/mot-cua/tiep-nhan/", _ticked(keys))
    dossier = Dossier.objects.get()
    assert response.status_code == 302 and response["Location"].endswith("?in=01")
    page = client.get(response["Location"]).content.decode()
    assert 'data-testid="slip-preview"' in page and "mau-01.pdf" in page
    slip = client.get(f"/mot-cua/h/{dossier.code}/mau-01.pdf")
    assert slip["X-Frame-Options"] == "SAMEORIGIN"
    pages, size, text = _pages(slip.content, tmp_path)
    assert pages == 1 and size.startswith("419.5") and "x 595.2" in size  # A5, in points
    for name in ("Tờ khai đăng ký khai sinh", "Giấy chứng sinh", "Văn bản ủy quyền (được chứng thực)"):
        assert name in text
    assert "Giấy tờ đã xuất trình" in text and "Giấy tờ tùy thân" in text
    assert "bỏ rơi" not in text and "mang thai hộ" not in text and "Lưu ý" not in text
    assert "chưa kiểm chứng" not in text


@needs_poppler
def test_the_slip_of_a_dossier_without_ticks_never_prints_unverified(intake, counter_officer, tmp_path):
    from haicap.procedures.models import ProvinceProcedure

    ProvinceProcedure.objects.filter(province_code="79").delete()  # the catalogue's time alone
    d = dossier_intake(intake, actor=counter_officer)
    assert not d.time_verified  # the catalogue's "1" has no unit
    pages, _, text = _pages(form_pdf(d, "01"), tmp_path)
    assert pages == 1 and "chưa kiểm chứng" not in text and "Người tiếp nhận có trách nhiệm" not in text


@pytest.mark.parametrize("code", __import__("haicap.dossiers.demo", fromlist=["PROCEDURES"]).PROCEDURES)
def test_the_demo_ticks_are_accepted_and_show_on_the_slip_data(intake, counter_officer, code):
    from haicap.dossiers.demo import demo_received
    from haicap.procedures.models import Procedure
    from haicap.procedures.requirements import checklist_for

    procedure = Procedure.objects.get(code=code)
    d = dossier_intake(
        dataclasses.replace(intake, procedure=procedure, received_items=demo_received(procedure, 0)),
        actor=counter_officer,
    )
    checklist = checklist_for(procedure)
    assert d.status == Status.ACCEPTED
    assert len(d.received_items) == len(checklist.required()) + bool(checklist.conditional())
    assert d.received_items, "a demo slip lists papers"
