"""The place and date line of official papers (Decree 30/2020, Appendix I, II.4)."""

import datetime as dt

import pytest

from haicap.core.dateline import date_line, date_words, place_name
from haicap.units.models import Unit


def test_the_day_below_ten_and_january_february_take_a_zero():
    assert date_words(dt.date(2026, 12, 2)) == "ngày 02 tháng 12 năm 2026"
    assert date_words(dt.date(2026, 2, 15)) == "ngày 15 tháng 02 năm 2026"
    assert date_words(dt.date(2026, 3, 5)) == "ngày 05 tháng 3 năm 2026"
    assert date_line("Bến Thành", dt.date(2026, 12, 2)) == "Bến Thành, ngày 02 tháng 12 năm 2026"
    # no bare ", ngày" when the place is unknown
    assert date_line("", dt.date(2026, 12, 2)) == "Ngày 02 tháng 12 năm 2026"


@pytest.mark.django_db
def test_the_place_is_the_issuing_units_name_without_its_level(ben_thanh, hcmc):
    assert place_name(ben_thanh) == "Bến Thành"
    assert place_name(hcmc) == "Hồ Chí Minh"
    numbered = Unit(level="commune", name="Móng Cái 1", full_name="Phường Móng Cái 1")
    assert place_name(numbered) == "Móng Cái 1"
    assert place_name(Unit(level="commune", name="1", full_name="Phường 1")) == "Phường 1"
    point = Unit(level="point", name="Chi nhánh 1", full_name="Chi nhánh 1", province_code="79")
    assert place_name(point) == "Hồ Chí Minh"  # a province's service point dates as the province
