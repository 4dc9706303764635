"""core.search: the ranking on lists in memory and in the database, the same order on both."""

import os

import pytest
from django.db import connection

from haicap.core.search import (
    EXACT,
    IN_NAME,
    PHRASE,
    PREFIX,
    SUBSTRING,
    WORDS,
    query_keys,
    rank_of,
    search,
    search_items,
    searchable,
    shorter,
)
from haicap.units.models import Unit


def _item(name: str, *others: str) -> tuple[str, str, str]:
    folded, text = searchable(name, *others)
    return name, folded, text


def _found(items, query: str) -> list[str]:
    return [
        n for n, _, _ in search_items(
            items, query, name=lambda i: i[1], text=lambda i: i[2], order=lambda i: len(i[1])
        )
    ]


def test_each_rank():
    name, text = searchable("Phường Bến Thành", "26743", "Ben Thanh")
    assert rank_of("phuong ben thanh", name, text) == EXACT
    assert rank_of("phuong ben", name, text) == PREFIX
    assert rank_of("ben thanh", name, text) == IN_NAME
    assert rank_of("26743", name, text) == PHRASE
    assert rank_of("thanh phuong", name, text) == WORDS
    assert rank_of("hanh", name, text) == SUBSTRING
    assert rank_of("sai gon", name, text) is None


def test_folding_on_both_sides_and_tone_placement():
    items = [_item("Xã Hòa Bình"), _item("Xã Hoà Phú"), _item("Xã Bình Hưng Hòa")]
    assert _found(items, "hoà") == ["Xã Hoà Phú", "Xã Hòa Bình", "Xã Bình Hưng Hòa"]
    assert _found(items, "HOA BINH") == ["Xã Hòa Bình"]
    assert _found(items, "xa hoa") == ["Xã Hoà Phú", "Xã Hòa Bình"]


def test_loose_matches_only_when_no_phrase_matches():
    items = [
        _item("Đăng ký khai sinh"),
        _item("Đăng ký khai sinh có yếu tố nước ngoài"),
        _item("Đăng ký đất đai khi khai thác khoáng sản phát sinh"),
    ]
    assert _found(items, "dang ky khai sinh") == items_names(items[:2])
    # no name holds the phrase: every one with all the words, the tighter ones first
    assert _found(items, "khai sinh nuoc ngoai") == ["Đăng ký khai sinh có yếu tố nước ngoài"]
    assert _found(items, "sinh khai") == items_names(items)


def items_names(items) -> list[str]:
    return [n for n, _, _ in items]


def test_digits_match_anywhere_in_the_text():
    items = [_item("Lê Thị Mai", "0912000111", "26743-250702-0001")]
    assert _found(items, "000111") == ["Lê Thị Mai"]
    assert _found(items, "250702-0001") == ["Lê Thị Mai"]


def test_abbreviations_are_also_read_spelt_out():
    assert query_keys("TP HCM") == ["tp hcm", "thanh pho ho chi minh"]
    assert query_keys("Q1") == ["q1", "quan 1"]
    assert query_keys("p.7") == ["p 7", "phuong 7"]
    assert query_keys("ben thanh") == ["ben thanh"]
    assert query_keys("   ") == []
    items = [_item("Quận 1"), _item("Quận 10"), _item("Phường 1")]
    assert _found(items, "q1") == ["Quận 1", "Quận 10"]


def test_a_long_query_is_cut():
    assert len(query_keys("a " * 500)[0].split()) == 8


QUERIES = ["quan 1", "ben thanh", "phuong 1", "an", "sai gon", "thanh pho", "hoa", "q1", "760", "xa tan"]


def _same_order_in_the_database_and_in_memory() -> None:
    units = Unit.objects.filter(level__in=("district", "commune"), province_code="79")
    listed = list(units)
    for query in QUERIES:
        db = list(
            search(units, query, ties=(shorter(),), order=("code", "pk")).values_list("pk", flat=True)
        )
        memory = [
            u.pk for u in search_items(
                listed, query, name=lambda u: u.search_name, text=lambda u: u.search_key,
                order=lambda u: (len(u.search_name), u.code, u.pk),
            )
        ]
        assert db and db == memory, query


@pytest.mark.django_db
def test_the_database_ranks_as_the_list_in_memory():
    _same_order_in_the_database_and_in_memory()


@pytest.mark.django_db
def test_an_empty_query_keeps_every_row_in_the_given_order():
    units = Unit.objects.filter(level="province")
    assert list(search(units, "", order=("-code",))) == list(units.order_by("-code"))


@pytest.mark.django_db
@pytest.mark.postgres
@pytest.mark.skipif(os.environ.get("HAICAP_PG_LANE") != "1", reason="needs the PostgreSQL lane")
def test_postgresql_ranks_as_the_list_in_memory():
    assert connection.vendor == "postgresql"
    _same_order_in_the_database_and_in_memory()
