"""No link a role cannot follow: every link of the navigation bar and of the role's work page
(and of the home and account pages) opens for the role that is shown it; a citizen is not shown
the audit log, the one-stop queue or the system's pages (ADR 23)."""

from __future__ import annotations

import re

import pytest

from haicap.core.roles import Role

pytestmark = pytest.mark.django_db

HREF = re.compile(r'<a\b[^>]*\bhref="(/[^"#]*)"')
# downloads are not pages: a PDF or sheet is opened by its own tests
SKIP = re.compile(r"^/(static|media|api/v1/docs)/|\.(pdf|xlsx|csv|geojson|json)(\?|$)|^/i18n/")

ROLES = [
    (Role.CITIZEN, "commune"),
    (Role.COUNTER_OFFICER, "commune"),
    (Role.PROCESSING_OFFICER, "commune"),
    (Role.UNIT_LEADER, "commune"),
    (Role.FINANCE_OFFICER, "commune"),
    (Role.UNIT_LEADER, "province"),
    (Role.PROVINCE_ADMIN, "province"),
    (Role.SYSTEM_ADMIN, ""),
]


def links(html: str) -> set[str]:
    return {href.replace("&amp;", "&") for href in HREF.findall(html) if not SKIP.search(href)}


@pytest.mark.parametrize(("role", "level"), ROLES)
def test_every_link_a_role_is_shown_opens_for_it(role, level, make_user, ben_thanh, hcmc, client):  # type: ignore[no-untyped-def]
    unit = {"commune": ben_thanh, "province": hcmc, "": None}[level]
    user = make_user("nguoi", role, unit)
    if role == Role.SYSTEM_ADMIN:
        user.is_superuser = user.is_staff = True
        user.save()
    client.force_login(user)
    landing = client.post("/login/", {"username": "nguoi", "password": "pw-nguoi"})["Location"]
    shown: set[str] = set()
    for page in ("/", "/me/", landing):
        response = client.get(page, follow=True)
        assert response.status_code == 200, page
        shown |= links(response.content.decode())
    assert landing.split("?")[0] in {link.split("?")[0] for link in shown}  # the bar has it
    refused = {}
    for link in sorted(shown):
        response = client.get(link)
        location = response.get("Location", "")
        if response.status_code >= 400 or "/login/" in location:
            refused[link] = response.status_code
    assert not refused, f"{role} is shown links it cannot follow: {refused}"


def test_a_citizen_is_not_shown_officers_pages(make_user, ben_thanh, client):  # type: ignore[no-untyped-def]
    client.force_login(make_user("congdan", Role.CITIZEN, ben_thanh))
    shown = links(client.get("/ho-so-cua-toi/").content.decode())
    for officers in ("/audit/", "/mot-cua/", "/chi-so/", "/thu-phi/", "/he-thong/thong-bao/"):
        assert officers not in shown, officers
    assert "/ho-so-cua-toi/" in shown
