"""Procedure search (issue 14): the plain procedure first, no accidental matches."""

import pytest

from haicap.procedures.selectors import procedure_search

pytestmark = pytest.mark.django_db


def test_dang_ky_khai_sinh_puts_the_plain_birth_registration_first():
    found = list(procedure_search(query="dang ky khai sinh", level="commune")[:20])
    assert found[0].name == "Thủ tục đăng ký khai sinh"
    # the special cases follow, shortest first
    assert "lưu động" in found[1].name or len(found[1].name) <= len(found[2].name)


def test_no_land_or_tax_procedure_matches_by_scattered_words():
    """'khai' of 'khai thác' and 'sinh' of 'phát sinh' lay 1,000 characters apart in a land
    procedure: they matched the substring search word by word."""
    for query in ("dang ky khai sinh", "khai sinh"):
        fields = {p.field for p in procedure_search(query=query)}
        assert fields == {"Hộ tịch"}, (query, fields)


def test_a_phrase_no_name_has_still_finds_the_procedures_with_all_its_words():
    names = [p.name for p in procedure_search(query="dang ky khai sinh nuoc ngoai")]
    assert names and all("nước ngoài" in n and "khai sinh" in n for n in names[:5])


def test_a_word_inside_another_word_does_not_match_when_whole_words_do():
    # 'thue' as a word (thuế, thuê), not inside another word
    assert all(
        " thue" in f" {p.search_key}" for p in procedure_search(query="thue")[:200]
    )
