"""unit_by_code (the unit of a code in force on a day, its level from the record) and
unit_successor (who took over an ended unit); the default province setting."""

import datetime as dt

import pytest
from django.test import Client, override_settings

from haicap.feedback.models import Category
from haicap.units.models import Level, Unit
from haicap.units.selectors import default_province, unit_by_code, unit_successor

pytestmark = pytest.mark.django_db
BEFORE_REFORM = dt.date(2025, 6, 30)


def test_the_level_comes_from_the_record_not_the_codes_length():
    ben_thanh, hcmc = unit_by_code("26743"), unit_by_code("79")
    assert ben_thanh is not None and ben_thanh.level == Level.COMMUNE
    assert ben_thanh.full_name == "Phường Bến Thành" and ben_thanh.valid_to is None
    assert hcmc is not None and hcmc.level == Level.PROVINCE
    quan_1 = unit_by_code("760", at=BEFORE_REFORM)
    assert quan_1 is not None and quan_1.level == Level.DISTRICT


def test_unknown_codes_and_units_no_longer_in_force_are_none():
    assert unit_by_code("99999") is None and unit_by_code("") is None
    assert unit_by_code("760") is None  # Quận 1: districts ended with the reform
    assert unit_by_code("26734") is None  # old Phường Tân Định, ended 30/6/2025
    old = unit_by_code("26734", at=BEFORE_REFORM)
    assert old is not None and old.full_name == "Phường Tân Định" and old.valid_from is None


def test_the_version_in_force_on_the_day_is_chosen():
    before, after = unit_by_code("26368", at=dt.date(2026, 4, 29)), unit_by_code("26368")
    assert before is not None and after is not None
    assert (before.kind, after.kind) == ("xa", "phuong")  # Long Thành became a ward


def test_a_successor_is_followed_through_later_changes_unless_split():
    old = Unit.objects.get(level="commune", code="26734", valid_from__isnull=True)
    successor = unit_successor(old)
    assert successor is not None and successor.code == "26737" and successor.in_force
    xa = Unit.objects.get(level="commune", code="26368", kind="xa")
    phuong = unit_successor(xa)
    assert phuong is not None and phuong.kind == "phuong" and phuong.in_force
    da_kao = Unit.objects.get(level="commune", district_code="760", full_name="Phường Đa Kao")
    assert unit_successor(da_kao) is None  # split between Tân Định and Sài Gòn: a person chooses
    assert unit_successor(phuong) is None  # still in force


def test_the_default_province_is_a_setting_read_by_pages_and_the_api():
    Category.objects.create(
        province_code="01",
        code="ha-noi-only",
        name="Riêng Hà Nội",
        body_kind="commune",
        sla_working_days=5,
    )

    def api_codes() -> set[str]:
        return {c["code"] for c in Client().get("/api/v1/feedback/categories").json()}

    assert default_province() == "79" and "ha-noi-only" not in api_codes()
    assert Client().get("/phan-anh/gui/").context["province"] == "79"
    with override_settings(HAICAP_DEFAULT_PROVINCE="01"):
        assert default_province() == "01"
        page = Client().get("/phan-anh/gui/")
        assert page.status_code == 200 and page.context["province"] == "01"
        assert "ha-noi-only" in api_codes()


def test_a_default_province_that_is_not_a_code_stops_the_start():
    import os
    import subprocess
    import sys

    env = {**os.environ, "HAICAP_DEFAULT_PROVINCE": "HCM"}
    run = subprocess.run(
        [sys.executable, "-c", "import haicap.settings"], env=env, capture_output=True, text=True
    )
    assert run.returncode != 0 and "HAICAP_DEFAULT_PROVINCE='HCM'" in run.stderr
