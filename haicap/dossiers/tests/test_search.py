"""The officers' search (issue 14): typed without diacritics, the name is found; code and phone
too; the counter's unit picker puts the typed ward first."""

import dataclasses
import itertools

import pytest
from django.test import Client

from haicap.dossiers.models import Dossier
from haicap.dossiers.selectors import dossier_queue, search_units
from haicap.dossiers.services import dossier_intake
from haicap.dossiers.tests.conftest import at
from haicap.dossiers.validation import Applicant

pytestmark = pytest.mark.django_db


def _filed(intake, officer, name: str, phone: str, hour: int) -> Dossier:
    applicant = Applicant.clean(
        name=name, id_number=f"0791900012{hour:02d}", phone_number=phone,
        address="25 Trần Quốc Thảo, Phường 9, Quận 3, TP.HCM",
    )
    return dossier_intake(
        dataclasses.replace(intake, applicant=applicant), actor=officer, now=at(2025, 7, 2, hour)
    )


@pytest.fixture
def three(intake, counter_officer):
    return [
        _filed(intake, counter_officer, "Nguyễn Thị Mai Lê", "0903123456", 8),
        _filed(intake, counter_officer, "Lê Thị Mai", "0912000111", 9),
        _filed(intake, counter_officer, "Trần Lê Mai Anh", "0987654321", 10),
    ]


def _names(actor, query: str) -> list[str]:
    return [d.applicant_name for d in dossier_queue(actor, "all", query=query)]


def test_the_name_typed_without_diacritics_finds_it_first(three, counter_officer):
    assert _names(counter_officer, "Le Thi Mai") == ["Lê Thị Mai"]
    assert _names(counter_officer, "lê thị mai") == ["Lê Thị Mai"]
    # one word: the name that starts with it first, then the names that hold it
    assert _names(counter_officer, "le")[0] == "Lê Thị Mai"
    # a phrase of the name only where it is one; the words in another order, every name that
    # has them all
    assert _names(counter_officer, "mai le") == ["Nguyễn Thị Mai Lê"]
    assert set(_names(counter_officer, "mai tran")) == {"Trần Lê Mai Anh"}
    assert set(_names(counter_officer, "mai thi")) == {"Lê Thị Mai", "Nguyễn Thị Mai Lê"}


def test_code_and_phone_find_the_dossier(three, counter_officer):
    dossier = three[1]
    assert [d.pk for d in dossier_queue(counter_officer, "all", query=dossier.code)] == [dossier.pk]
    number = dossier.code.rsplit("-", 1)[1]
    assert dossier.pk in [d.pk for d in dossier_queue(counter_officer, "all", query=number)]
    # the end of the phone number, as the applicant reads it out
    assert _names(counter_officer, "000111") == ["Lê Thị Mai"]
    assert _names(counter_officer, "0912 000 111") == ["Lê Thị Mai"]


def test_the_queue_page_searches_the_same_way(three, counter_officer):
    client = Client()
    client.force_login(counter_officer)
    page = client.get("/mot-cua/", {"q": "Le Thi Mai"}).content.decode()
    assert three[1].code in page and three[0].code not in page


def test_a_changed_name_is_searched_by_its_new_name(three, counter_officer):
    dossier = three[2]
    dossier.applicant_name = "Phạm Văn Đức"
    dossier.save(update_fields=["applicant_name"])
    assert _names(counter_officer, "pham van duc") == ["Phạm Văn Đức"]


def test_the_unit_picker_puts_the_typed_ward_first():
    assert search_units("79", "ben thanh")[0].full_name == "Phường Bến Thành"
    assert search_units("79", "sai gon")[0].full_name == "Phường Sài Gòn"
    # the shorter name first among equals: "Phường An Đông" before "Phường An Hội Đông"
    names = [u.full_name for u in search_units("79", "an")]
    assert names and all(len(a) <= len(b) for a, b in itertools.pairwise(names))
