"""Numbers as people read them (ADR 17): the helpers and their template filters in Vietnamese
and English, missing values, zero, negatives and big numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from haicap.core import formatting as f

CASES = [
    # (function, args, Vietnamese, English)
    (f.count, (10240,), "10.240", "10,240"),
    (f.count, (0,), "0", "0"),
    (f.count, (-1234567,), "-1.234.567", "-1,234,567"),
    (f.count, (12_345_678_901,), "12.345.678.901", "12,345,678,901"),
    (f.count, (None,), "—", "—"),
    (f.count, (2.6,), "3", "3"),
    (f.pct, (0.844,), "84,4%", "84.4%"),
    (f.pct, (0.84449,), "84,4%", "84.4%"),
    (f.pct, (0.8445,), "84,5%", "84.5%"),  # half up, not cut off as number_format does
    (f.pct, (1,), "100,0%", "100.0%"),
    (f.pct, (0,), "0,0%", "0.0%"),
    (f.pct, (-0.05,), "-5,0%", "-5.0%"),
    (f.pct, (None,), "—", "—"),
    (f.pct, (84.4, 100), "84,4%", "84.4%"),
    (f.pct, (12.5, 0), "—", "—"),
    (f.vnd, (50000,), "50.000 đồng", "50,000 VND"),
    (f.vnd, (0,), "0 đồng", "0 VND"),
    (f.vnd, (1_250_000_000,), "1.250.000.000 đồng", "1,250,000,000 VND"),
    (f.vnd, (None,), "—", "—"),
    (f.days, (5.8,), "5,8 ngày", "5.8 days"),
    (f.days, (5.85,), "5,9 ngày", "5.9 days"),
    (f.days, (2,), "2 ngày", "2 days"),
    (f.days, (1,), "1 ngày", "1 day"),
    (f.days, (0,), "0 ngày", "0 days"),
    (f.days, (1234.5,), "1.234,5 ngày", "1,234.5 days"),
    (f.days, (None,), "—", "—"),
    (f.duration, (2, "hours"), "2 giờ", "2 hours"),
    (f.duration, (15, "working_days"), "15 ngày làm việc", "15 working days"),
    (f.time_limit, (8, "hours"), "8 giờ làm việc", "8 working hours"),
    (f.time_limit, (1, "months"), "1 tháng", "1 month"),
    (f.decimal, (1234.565, 2), "1.234,57", "1,234.57"),
    (f.decimal, (-0.04, 1), "0,0", "0.0"),  # no "-0,0"
    (f.decimal, (Decimal("80.0000"), 2), "80,00", "80.00"),
    (f.decimal, (None, 2), "—", "—"),
    (f.area, (6772.59,), "6.772,59 km²", "6,772.59 km²"),
    (f.area, (0.5,), "0,50 km²", "0.50 km²"),
    (f.area, (None,), "—", "—"),
    (f.plain, (Decimal("80.0000"),), "80", "80"),
    (f.plain, (Decimal("80.5000"),), "80,5", "80.5"),
    (f.plain, (12000,), "12000", "12000"),
    (f.plain, (None,), "", ""),
]


@pytest.mark.parametrize(("function", "args", "vi", "en"), CASES)
def test_the_helpers_write_each_language_its_own_way(function, args, vi, en) -> None:  # type: ignore[no-untyped-def]
    with translation.override("vi"):
        assert function(*args) == vi
    with translation.override("en"):
        assert function(*args) == en


def test_text_that_is_no_number_is_missing_not_an_error() -> None:
    with translation.override("vi"):
        assert f.count("abc") == f.pct(True) == f.vnd(float("nan")) == "—"
    with pytest.raises(ValueError, match="unknown unit"):
        f.duration(3, "weeks")


FILTERS = (
    "{% load haicap_format %}{{ n|count }}|{{ r|pct }}|{{ s|pct:100 }}|{{ fee|vnd }}|"
    '{{ d|days }}|{{ h|duration:"hours" }}|{{ x|decimal:2 }}|{{ y|decimal:"-2" }}|{{ a|area }}|'
    "{{ t|time_limit:'working_days' }}|{{ v|plain }}|{{ none|count }}"
)
VALUES = {
    "n": 10240, "r": 0.844, "s": 65, "fee": 50000, "d": 5.8, "h": 2, "x": 1234.5, "y": 12.0,
    "a": 6772.59, "t": 5, "v": Decimal("99.5000"), "none": None,
}  # fmt: skip


def test_the_template_filters_are_the_helpers() -> None:
    template = Template(FILTERS)
    with translation.override("vi"):
        assert template.render(Context(VALUES)) == (
            "10.240|84,4%|65,0%|50.000 đồng|5,8 ngày|2 giờ|1.234,50|12|6.772,59 km²|"
            "5 ngày làm việc|99,5|—"
        )
    with translation.override("en"):
        assert template.render(Context(VALUES)) == (
            "10,240|84.4%|65.0%|50,000 VND|5.8 days|2 hours|1,234.50|12|6,772.59 km²|"
            "5 working days|99.5|—"
        )


def test_django_itself_writes_dates_and_bare_numbers_in_the_platforms_formats() -> None:
    import datetime as dt

    template = Template("{{ n }} {{ x }} {{ d }} {{ t }} {{ d|date:'SHORT_DATE_FORMAT' }}")
    context = Context({"n": 10240, "x": 5.5, "d": dt.date(2026, 12, 2), "t": dt.datetime(2026, 12, 2, 14, 5)})
    with translation.override("vi"):
        assert template.render(context) == "10.240 5,5 02/12/2026 02/12/2026 14:05 02/12/2026"
    with translation.override("en"):
        assert template.render(context) == "10,240 5.5 02/12/2026 02/12/2026 14:05 02/12/2026"


@pytest.mark.parametrize(
    ("typed", "number"),
    [("50000", 50000), ("50.000", 50000), ("50,000", 50000), ("50 000 đồng", 50000),
     ("1.250.000", 1250000), ("12đ", 12), (0, 0), ("5.5", None), ("1.2345", None), ("abc", None),
     ("", None), (None, None)],
)  # fmt: skip
def test_a_whole_number_is_read_back_as_people_type_it(typed: object, number: int | None) -> None:
    assert f.whole_number(typed) == number
