"""Signing in lands each role on its work page, declared with its work link (ADR 23); a safe
`?next=` still wins, an unsafe one is ignored."""

from __future__ import annotations

import pytest

from haicap.core.roles import Role

pytestmark = pytest.mark.django_db

LANDS = [
    (Role.CITIZEN, "commune", "/ho-so-cua-toi/"),
    (Role.COUNTER_OFFICER, "commune", "/mot-cua/"),
    (Role.PROCESSING_OFFICER, "commune", "/mot-cua/?queue=process"),
    (Role.UNIT_LEADER, "commune", "/chi-so/"),
    (Role.UNIT_LEADER, "province", "/chi-so/"),
    (Role.FINANCE_OFFICER, "commune", "/thu-phi/"),
    (Role.PROVINCE_ADMIN, "province", "/procedures/cau-hinh/"),
    (Role.SYSTEM_ADMIN, "", "/he-thong/thong-bao/"),
]


def _sign_in(client, username: str, next_url: str | None = None):  # type: ignore[no-untyped-def]
    data = {"username": username, "password": "pw-" + username}
    if next_url is not None:
        data["next"] = next_url
    return client.post("/login/", data)


@pytest.mark.parametrize(("role", "level", "lands"), LANDS)
def test_each_role_lands_on_its_work_page(role, level, lands, make_user, ben_thanh, hcmc, client):  # type: ignore[no-untyped-def]
    unit = {"commune": ben_thanh, "province": hcmc, "": None}[level]
    make_user("nguoi", role, unit)
    response = _sign_in(client, "nguoi")
    assert response.status_code == 302
    assert response["Location"] == lands
    assert client.get(lands, follow=True).status_code == 200  # a page the role may open


def test_a_safe_next_wins_an_unsafe_one_is_ignored(make_user, ben_thanh, client):  # type: ignore[no-untyped-def]
    make_user("motcua", Role.COUNTER_OFFICER, ben_thanh)
    assert _sign_in(client, "motcua", "/procedures/")["Location"] == "/procedures/"
    client.logout()
    assert _sign_in(client, "motcua", "https://evil.example/")["Location"] == "/mot-cua/"
    client.logout()
    assert _sign_in(client, "motcua", "//evil.example/x")["Location"] == "/mot-cua/"


def test_an_account_without_a_role_lands_on_the_home_page(make_user, client):  # type: ignore[no-untyped-def]
    make_user("nobody")
    assert _sign_in(client, "nobody")["Location"] == "/"


def test_the_login_form_carries_next(client):  # type: ignore[no-untyped-def]
    page = client.get("/login/?next=/thu-phi/").content.decode()
    assert 'name="next" value="/thu-phi/"' in page
