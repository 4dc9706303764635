"""Checklists: the parser on the portal's rows, and the hand-checked set against the raw text."""

import gzip
import json
import re
from functools import lru_cache

import pytest

from haicap.procedures.loading import DATA_FILE
from haicap.procedures.requirements import CURATED_FILE, PRESENT, SUBMIT, checklist_for, curated
from haicap.procedures.requirements_parse import parse_checklist, split_rows


@lru_cache(maxsize=1)
def _raw() -> dict[str, dict]:
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as fh:
        return {r["raw"]["ma_thu_tuc"]: r["raw"] for r in map(json.loads, fh)}


def _flat(text: str) -> str:
    return " ".join(text.split())


class _Proc:
    def __init__(self, code: str) -> None:
        self.code, self.raw = code, _raw()[code]


def test_conditional_rows_guidance_and_eform():
    text = (
        "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng"
        "- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi.1 bản chính"
        "- Giấy chứng sinh.1 bản chính"
        "- Bản sao giấy đăng ký kết hôn.0 bản chính,1 bản sao có chứng thực"
        "* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ khaiSố lượng"
        "- Giấy tờ tùy thân.1 bản chính"
        "+ Người tiếp nhận có trách nhiệm tiếp nhận đúng, đủ hồ sơ.0 bản chính"
        "* Lưu ý:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Cá nhân có quyền lựa chọn nơi đăng ký.1 bản chính"
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượng"
        "- Mẫu hộ tịch điện tử tương tác đăng ký khai sinh1 bản chính"
        "- Tờ khai đăng ký khai sinh theo mẫuTo khai khai sinh.docx1 bản chính"
    )
    checklist = parse_checklist(text)
    by_name = {i.name: i for i in checklist.items}
    assert set(by_name) == {
        "Biên bản về việc trẻ bị bỏ rơi",
        "Giấy chứng sinh",
        "Bản sao giấy đăng ký kết hôn",
        "Giấy tờ tùy thân",
        "Tờ khai đăng ký khai sinh theo mẫu",
    }
    abandoned = by_name["Biên bản về việc trẻ bị bỏ rơi"]
    assert (abandoned.required, abandoned.condition) == (False, "Trường hợp trẻ em bị bỏ rơi")
    assert by_name["Bản sao giấy đăng ký kết hôn"].counts() == {
        "originals": 0, "certified": 1, "copies": 0
    }
    assert by_name["Giấy tờ tùy thân"].kind == PRESENT
    declaration = by_name["Tờ khai đăng ký khai sinh theo mẫu"]
    assert (declaration.kind, declaration.eform, declaration.form_name) == (
        SUBMIT, True, "To khai khai sinh"
    )
    assert len(checklist.notes) == 2 and all("Người tiếp nhận" not in i.name for i in checklist.items)
    assert [i.name for i in checklist.conditional()] == ["Biên bản về việc trẻ bị bỏ rơi"]
    assert checklist.item(abandoned.key) == abandoned


def test_keys_are_stable_and_unique():
    first = parse_checklist(_raw()["1.000656"]["thanh_phan_ho_so"])
    again = parse_checklist(_raw()["1.000656"]["thanh_phan_ho_so"])
    assert [i.key for i in first.items] == [i.key for i in again.items]
    assert len(first.keys()) == len(first.items)


def test_nothing_read_is_reported():
    checklist = parse_checklist("Hồ sơ gồm đơn đề nghị và giấy tờ liên quan")
    assert checklist.items == [] and checklist.problems == [
        ("components", "no paper with a count ('N bản chính') found")
    ]


def test_birth_registration_is_the_hand_checked_one():
    checklist = checklist_for(_Proc("1.001193"))
    assert checklist.curated
    assert [i.key for i in checklist.required()] == ["to-khai", "giay-chung-sinh", "giay-to-tuy-than"]
    assert [i.key for i in checklist.to_present()] == ["giay-to-tuy-than", "giay-to-cu-tru"]
    assert checklist.item("to-khai").eform  # type: ignore[union-attr]
    assert all(i.condition.startswith("Trường hợp") for i in checklist.conditional())


def test_a_procedure_outside_the_set_is_parsed():
    code = next(c for c in _raw() if c not in curated())
    assert not checklist_for(_Proc(code)).curated


@pytest.mark.parametrize("code", sorted(json.loads(CURATED_FILE.read_text())["procedures"]))
def test_hand_checked_items_match_the_raw_record(code):
    """Each item quotes the record (`source`), and its counts are those of the row quoted."""
    entry = json.loads(CURATED_FILE.read_text())["procedures"][code]
    raw = _raw()[code]["thanh_phan_ho_so"]
    rows = split_rows(raw)
    keys = [row["key"] for row in entry["items"]]
    assert len(keys) == len(set(keys)), "keys repeat"
    for row in entry["items"]:
        assert _flat(row["source"]) in _flat(raw), f"{row['key']}: source not in the record"
        counts = (row.get("originals", 0), row.get("certified", 0), row.get("copies", 0))
        matches = [
            r for r in rows
            if _flat(row["source"]) in r.text and (r.originals, r.certified, r.copies) == counts
        ]
        assert matches, f"{row['key']}: no row quoted has the counts {counts}"
        if "kind_from_text" in row:  # the row itself says "xuất trình" in a section without title
            assert row["kind_from_text"] in matches[0].text, row["key"]
        else:
            assert row["kind"] == (PRESENT if matches[0].section == PRESENT else SUBMIT), row["key"]
        assert row["required"] == (not row.get("condition")), row["key"]
        assert re.match(r"^[a-z0-9-]+$", row["key"])


@pytest.mark.django_db
def test_the_report_counts_items_notes_and_failures_per_field():
    from haicap.procedures.models import Procedure
    from haicap.procedures.requirements_report import structuring_report

    report = structuring_report(Procedure.objects.filter(level_codes__contains="commune"))
    assert report.procedures > 500 and report.curated == len(curated())
    assert report.submit > report.present > 0 and 0 < report.conditional < report.submit
    assert report.notes > 0 and report.unstructured["time_unit"] > 0
    lines = report.lines()
    assert lines[0].startswith(f"procedures: {report.procedures} ")
    assert any(line.startswith("  time_unit: ") for line in lines)
