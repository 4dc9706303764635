"""The index as a leader reads it: what each card leaves out and what would measure it, and
communes with too few dossiers "chưa đủ dữ liệu" instead of ranked (docs/service-index.md)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from django.test import Client, override_settings

from haicap.core.roles import Role
from haicap.metrics.index import province_index
from haicap.metrics.tests.test_index import DOSSIERS, PERIOD, _day

BIG, SMALL, OTHER = "26743", "26737", "26740"  # Bến Thành, Tân Định, Sài Gòn
AS_OF = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
Q = "tu=2025-08-01&den=2025-08-31"
# three dossiers, all on time, all rated satisfied: 100 for the period, but three dossiers
FEW = dict(
    received=3, online=3, finished=3, early=3, eligible=3, eligible_online=3, returned=3,
    returned_online=3, rated=3, satisfied=3,
)  # fmt: skip


@pytest.fixture
def wards(db):  # type: ignore[no-untyped-def]
    _day(BIG, **DOSSIERS)
    _day(SMALL, **FEW)


@pytest.mark.django_db
def test_a_ward_with_three_dossiers_is_not_ranked_above_one_with_a_hundred(wards) -> None:
    _total, units = province_index("79", PERIOD, [SMALL, BIG, OTHER], as_of=AS_OF)
    by_code = {u.unit_code: u for u in units}
    small, big = by_code[SMALL], by_code[BIG]
    assert small.score is not None and big.score is not None and small.score > big.score
    assert (big.rank, big.enough, big.volume) == (1, True, 100)
    assert (small.rank, small.enough, small.volume) == (None, False, 3)
    # ranked first, then the scored ones without enough data, then nothing measured
    assert [u.unit_code for u in units] == [BIG, SMALL, OTHER]
    with override_settings(HAICAP_INDEX_MIN_DOSSIERS=3):
        _total, units = province_index("79", PERIOD, [SMALL, BIG], as_of=AS_OF)
        assert [(u.unit_code, u.rank) for u in units] == [(SMALL, 1), (BIG, 2)]


@pytest.mark.django_db
def test_each_group_says_what_it_left_out_and_what_would_measure_it(wards) -> None:
    _total, units = province_index("79", PERIOD, [BIG], as_of=AS_OF)
    groups = {g["code"]: g for g in units[0].groups()}
    satisfaction = groups["satisfaction"]  # no citizen report: two of its three items
    assert (satisfaction["points"], satisfaction["measured_points"]) == (18, 6)
    left_out = {u["name"]: str(u["needs"]) for u in satisfaction["unmeasured"]}
    assert len(left_out) == 2 and all("phản ánh" in needs for needs in left_out.values())
    transparency = groups["transparency"]
    assert transparency["score"] is None and len(transparency["unmeasured"]) == 4
    assert all("Cổng Dịch vụ công quốc gia" in str(u["needs"]) for u in transparency["unmeasured"])
    assert groups["progress"]["unmeasured"] == []


@pytest.fixture
def leader(make_user, hcmc):  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(make_user("lanhdao.tp", Role.UNIT_LEADER, hcmc))
    return client


def test_the_unit_card_shows_the_measured_maximum_and_what_is_not_measured(wards, leader):
    page = leader.get(f"/chi-so/don-vi/{BIG}/?{Q}").content.decode()
    group = page.split('data-testid="group-satisfaction"')[1].split("</tr>")[0]
    text = " ".join(re.sub(r"<[^>]+>", " ", group).split())
    # the satisfaction group of a fully satisfied ward: its measured maximum, not a bare 6,0/18
    assert re.search(r"\d+[,.]\d/6 điểm đo được \(đo được 6/18 điểm\)", text), text
    assert "chưa đo: Phản ánh, kiến nghị được trả lời đúng hạn (cần phản ánh" in text
    small = leader.get(f"/chi-so/don-vi/{SMALL}/?{Q}").content.decode()
    assert "chưa đủ dữ liệu để xếp hạng: 3 hồ sơ trong kỳ, cần ít nhất 20" in small


def test_the_ranking_map_and_exports_leave_a_small_ward_unranked(wards, leader):
    response = leader.get(f"/chi-so/tinh/79/?{Q}")
    page = response.content.decode()
    rows = page.split('data-testid="ranking"')[1].split("</table>")[0]
    small_row = next(r for r in rows.split("<tr") if f"/chi-so/don-vi/{SMALL}/" in r)
    assert 'data-testid="not-enough"' in small_row and "chưa đủ dữ liệu" in small_row
    big_row = next(r for r in rows.split("<tr") if f"/chi-so/don-vi/{BIG}/" in r)
    assert "<td>1</td>" in big_row
    chart = json.loads(page.split('id="chart-data" type="application/json">')[1].split("<")[0])
    mapped = {s["name"] for s in chart["scores"]}
    assert BIG in mapped and SMALL not in mapped  # the map does not colour it
    sheet = leader.get(f"/chi-so/tinh/79/xuat.csv?{Q}").content.decode("utf-8-sig")
    lines = {row[1]: row for row in csv.reader(io.StringIO(sheet)) if len(row) > 2}
    assert lines[BIG][0] == "1" and lines[SMALL][0] == ""
    assert lines[SMALL][-1].startswith("chưa đủ dữ liệu")
    api = leader.get("/api/v1/metrics/index?province=79&from=2025-08-01&to=2025-08-31").json()
    units = {u["code"]: u for u in api["units"]}
    assert units[SMALL]["rank"] is None and units[SMALL]["enough_data"] is False
    assert units[SMALL]["dossiers"] == 3 and units[BIG]["rank"] == 1


def test_the_charts_words_follow_the_readers_language():
    # the trend chart's legend and axis were Vietnamese in English (written in the script)
    from django.utils import translation

    from haicap.metrics.views import chart_words

    with translation.override("en"):
        words = chart_words()
    assert words == {
        "received": "Received", "on_time": "On time", "online": "Online",
        "dossiers": "dossier", "not_measured": "not measured",
    }
    with translation.override("vi"):
        assert chart_words()["received"] == "Tiếp nhận"
