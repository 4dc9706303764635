"""The facts the shipped reference data must reproduce (issue: foundation, item 4)."""

import datetime as dt
import shutil

import pytest

from haicap.units.loading import DATA_DIR, ReferenceDataError, units_load
from haicap.units.models import Succession, Unit
from haicap.units.selectors import unit_counts_on

pytestmark = pytest.mark.django_db


def kinds(province_code: str, date: dt.date | None = None) -> dict[str, int]:
    units = Unit.objects.communes().filter(province_code=province_code)
    units = units.on(date) if date else units.current()
    out: dict[str, int] = {}
    for kind in units.values_list("kind", flat=True):
        out[kind] = out.get(kind, 0) + 1
    return out


def test_34_provinces_and_3321_communes_in_force():
    assert Unit.objects.current().provinces().count() == 34
    assert Unit.objects.current().communes().count() == 3321
    kinds_now = Unit.objects.current().provinces().values_list("kind", flat=True)
    assert sorted(kinds_now).count("thanh_pho") == 7  # Đồng Nai became a city in April 2026


def test_hcmc_and_hanoi():
    assert kinds("79") == {"phuong": 113, "xa": 54, "dac_khu": 1}
    assert kinds("01") == {"phuong": 51, "xa": 75}


def test_quan_1_wards_map_as_in_the_official_table():
    def new_codes(name: str) -> set[str]:
        old = Unit.objects.get(level="commune", district_code="760", full_name=name)
        return set(
            Succession.objects.filter(predecessor=old).values_list("successor__code", flat=True)
        )

    assert new_codes("Phường Tân Định") == {"26737"}
    assert new_codes("Phường Bến Nghé") == {"26740"}
    assert new_codes("Phường Bến Thành") == {"26743"}
    assert new_codes("Phường Phạm Ngũ Lão") == {"26743"}
    assert new_codes("Phường Cô Giang") == {"26758"}
    assert new_codes("Phường Nguyễn Cư Trinh") == {"26758"}
    assert new_codes("Phường Cầu Kho") == {"26758"}
    assert new_codes("Phường Đa Kao") == {"26737", "26740"}
    assert new_codes("Phường Nguyễn Thái Bình") == {"26740", "26743"}
    assert new_codes("Phường Cầu Ông Lãnh") == {"26743", "26758"}
    quan_1 = Unit.objects.filter(level="commune", district_code="760", valid_from__isnull=True)
    assert quan_1.count() == 10
    successors = Succession.objects.filter(predecessor__in=quan_1).values_list(
        "successor__full_name", flat=True
    )
    assert set(successors) == {
        "Phường Tân Định",
        "Phường Sài Gòn",
        "Phường Bến Thành",
        "Phường Cầu Ông Lãnh",
    }
    split = Succession.objects.filter(predecessor__in=quan_1, relation="part")
    assert set(split.values_list("predecessor__name", flat=True)) == {
        "Đa Kao",
        "Nguyễn Thái Bình",
        "Cầu Ông Lãnh",
    }


def test_pre_reform_map():
    on = unit_counts_on(dt.date(2025, 6, 30))
    assert on["province"] == 63
    assert 10_030 <= on["commune"] <= 10_060
    assert on["district"] == 696
    after = unit_counts_on(dt.date(2025, 7, 1))
    assert after.pop("point") > 0 and on["point"] == 0  # service points (ADR 15) since the reform
    assert after == {"province": 34, "district": 0, "commune": 3321}


def test_dong_nai_became_a_city_on_30_april_2026():
    before, after = dt.date(2026, 4, 29), dt.date(2026, 4, 30)
    province = Unit.objects.provinces().filter(code="75")
    assert province.on(before).get().full_name == "Tỉnh Đồng Nai"
    assert province.on(after).get().full_name == "Thành phố Đồng Nai"
    assert unit_counts_on(before)["commune"] == unit_counts_on(after)["commune"] == 3321
    changed = kinds("75", before)["phuong"], kinds("75", after)["phuong"]
    assert changed[1] - changed[0] == 10
    long_thanh = Unit.objects.communes().filter(code="26368")
    assert long_thanh.on(before).get().kind == "xa"
    assert long_thanh.on(after).get().kind == "phuong"
    link = Succession.objects.get(predecessor=long_thanh.on(before).get())
    assert link.successor == long_thanh.on(after).get() and link.effective == after


def test_every_current_commune_has_a_boundary_and_an_origin():
    from haicap.units.address.index import address_index

    current = Unit.objects.current().communes()
    assert not current.filter(boundary="").exists()
    index = address_index()
    without_origin = [u.code for u in current if not index.pre_reform_predecessors(u.pk)]
    # the new đặc khu formed from whole island districts have a district, not a commune, behind them
    assert without_origin == []


def test_load_is_idempotent():
    before = (Unit.objects.count(), Succession.objects.count())
    summary = units_load()
    assert summary.created == summary.updated == summary.successions_created == 0
    assert summary.unchanged == before[0] - Unit.objects.points().count()  # points: their own file
    assert (Unit.objects.count(), Succession.objects.count()) == before


def test_broken_data_is_rejected_without_partial_writes(tmp_path):
    for name in ("units.csv.gz", "communes_2026.geojson.gz", "provinces_2026.geojson.gz"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    import gzip

    with gzip.open(tmp_path / "successions.csv.gz", "wt", encoding="utf-8") as fh:
        fh.write(
            "pred_level,pred_code,pred_from,succ_level,succ_code,succ_from,relation,effective,note\n"
        )
        fh.write("commune,99999,,commune,26743,2025-07-01,whole,2025-07-01,\n")
    Unit.objects.filter(code="26743", valid_from__isnull=False).update(name_en="changed")
    count = Unit.objects.count()
    with pytest.raises(ReferenceDataError, match="line 2"):
        units_load(data_dir=tmp_path)
    assert Unit.objects.count() == count
    assert (
        Unit.objects.get(code="26743", level="commune", valid_from__isnull=False).name_en
        == "changed"
    )
