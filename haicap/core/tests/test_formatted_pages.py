"""Pages print their figures in the reader's language (ADR 17): 3.321 and 6.772,59 km² in
Vietnamese, 3,321 and 6,772.59 km² in English, never 3321 nor a mix of points and commas."""

from __future__ import annotations

import pytest
from django.test import Client

from haicap.units.models import Unit

pytestmark = pytest.mark.django_db


def _page(path: str, language: str) -> str:
    client = Client()
    if language != "vi":
        client.post("/i18n/setlang/", {"language": language, "next": "/"})
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_of_provinces_counts_communes_with_a_thousands_separator() -> None:
    communes = Unit.objects.current().filter(level="commune").count()
    assert communes >= 1000  # the figure needs a separator
    plain = str(communes)
    vi, en = _page("/units/", "vi"), _page("/units/", "en")
    assert f"{plain[:-3]}.{plain[-3:]} đơn vị cấp xã" in vi
    assert f"{plain[:-3]},{plain[-3:]} commune-level units" in en
    assert f"{plain} " not in vi and f"{plain} " not in en


def test_a_province_shows_its_area_in_each_language(hcmc: Unit) -> None:
    assert hcmc.area_km2 and hcmc.area_km2 >= 1000
    whole, fraction = f"{hcmc.area_km2:.2f}".split(".")
    grouped = f"{whole[:-3]}{{}}{whole[-3:]}"
    assert grouped.format(".") + f",{fraction} km²" in _page("/units/p/79/", "vi")
    assert grouped.format(",") + f".{fraction} km²" in _page("/units/p/79/", "en")


def test_the_target_form_shows_what_was_typed_not_80_0000(province_admin) -> None:  # type: ignore[no-untyped-def]
    """Targets are stored as Decimal ratios (0.8000): the form shows 85 and 99,5 (99.5 in
    English), and takes the comma back."""
    client = Client()
    client.force_login(province_admin)
    form = {"online_share": "85", "on_time": "99,5", "processing_time_cut": "30",
            "baseline_from": "2025-08-01", "baseline_to": "2025-08-10"}  # fmt: skip
    assert client.post("/chi-so/tinh/79/chi-tieu/", form).status_code == 302
    vi = client.get("/chi-so/tinh/79/").content.decode()
    assert 'name="online_share" value="85"' in vi and 'name="on_time" value="99,5"' in vi
    assert "0000" not in vi.split('data-testid="target-form"')[1].split("</form>")[0]
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    en = client.get("/chi-so/tinh/79/").content.decode()
    assert 'name="on_time" value="99.5"' in en
    form["on_time"] = "99.5"
    assert client.post("/chi-so/tinh/79/chi-tieu/", form).status_code == 302
    assert 'name="on_time" value="99.5"' in client.get("/chi-so/tinh/79/").content.decode()
