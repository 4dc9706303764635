"""Unit search puts the obvious unit first (issue 14): folded on both sides, ranked."""

import datetime as dt

import pytest

from haicap.units.models import Level
from haicap.units.selectors import unit_search

pytestmark = pytest.mark.django_db

OLD = dt.date(2025, 6, 30)


def test_quan_1_finds_the_old_district_first():
    districts = list(unit_search(query="quan 1", level=Level.DISTRICT, include_ended=True)[:10])
    assert districts[0].full_name == "Quận 1" and districts[0].code == "760"
    # then the districts whose name starts with it, not those whose code holds a 1
    assert {d.full_name for d in districts[1:4]} == {"Quận 10", "Quận 11", "Quận 12"}


def test_quan_1_the_search_page_lists_quan_1_before_the_other_old_units(client):
    page = client.get("/units/search/", {"q": "quan 1"}).content.decode()
    assert "Quận 1<" in page or "Quận 1 " in page
    assert page.index("Quận 1") < page.index("Quận 10")


def test_ben_thanh_puts_phuong_ben_thanh_first():
    current = list(unit_search(query="ben thanh")[:5])
    assert current[0].full_name == "Phường Bến Thành" and current[0].code == "26743"
    old = list(unit_search(query="ben thanh", date=OLD)[:5])
    assert old[0].full_name == "Phường Bến Thành"


def test_the_query_is_folded_too():
    assert unit_search(query="Bến Thành")[0].code == unit_search(query="BEN THANH")[0].code == "26743"


def test_abbreviations_are_read_as_words():
    first = unit_search(query="tp ho chi minh", level=Level.PROVINCE)[0]
    assert first.code == "79"
    assert unit_search(query="q1", level=Level.DISTRICT, include_ended=True)[0].full_name == "Quận 1"
