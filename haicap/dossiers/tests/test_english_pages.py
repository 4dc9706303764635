"""A dossier's pages and the officers' lists in English, through the walk's own checks
(tests/browser/walk_checks.py, ADR 19): no msgid shown untranslated, no raw code."""

import pytest
from django.test import Client

from haicap.dossiers.services import dossier_intake, dossier_transition
from haicap.dossiers.tests.conftest import at
from tests.browser.walk_checks import html_texts, raw_codes, untranslated

pytestmark = pytest.mark.django_db


def problems(client: Client, paths: list[str]) -> list[str]:
    found = []
    for path in paths:
        r = client.get(path)
        assert r.status_code == 200, (path, r.status_code)
        texts = html_texts(r.content.decode())
        found += [f"{path}: untranslated {t!r}" for t in untranslated(texts)]
        found += [f"{path}: raw code {t!r}" for t in raw_codes(texts)]
    return found


def english(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(user)
    return client


def test_a_dossier_and_the_queues_in_english(intake, counter_officer, leader):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    dossier_transition(d, action="transfer", actor=counter_officer, now=at(2025, 7, 1, 9, 30))
    paths = [f"/mot-cua/h/{d.code}/", "/mot-cua/", "/audit/"]
    assert not problems(english(leader), paths)
    assert not problems(english(counter_officer), [f"/mot-cua/h/{d.code}/", "/mot-cua/tiep-nhan/"])


def test_the_citizens_tracking_in_english(intake, counter_officer):
    d = dossier_intake(intake, actor=counter_officer, now=at(2025, 7, 1, 9))
    client = Client()
    client.cookies["django_language"] = "en"
    r = client.get("/tra-cuu/", {"code": d.code, "phone": d.applicant_phone[-4:]})
    texts = html_texts(r.content.decode())
    assert r.status_code == 200 and not untranslated(texts) and not raw_codes(texts)


def test_the_index_pages_in_english(leader, province_admin):
    assert not problems(english(leader), ["/chi-so/don-vi/26743/", "/chi-so/cach-tinh/"])
    assert not problems(english(province_admin), ["/chi-so/tinh/79/"])
