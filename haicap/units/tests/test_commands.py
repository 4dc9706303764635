"""The `haicap units` and `haicap address` commands."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_address_convert_one(capsys):
    call_command("address", "convert", "P. 14, Q. Bình Thạnh, TP HCM")
    out = capsys.readouterr().out
    assert "Phường Bình Thạnh (26929)" in out


def test_address_convert_json(capsys):
    call_command("address", "convert", "Phường Đa Kao, Quận 1, TP.HCM", "--json")
    assert '"status": "split"' in capsys.readouterr().out


def test_address_convert_csv_reports_bad_lines_and_converts_the_rest(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text(
        "address,lat,lon\nP. Ben Nghe Q1 HCM,,\n,,\nP Da Kao Q1 HCM,10.7880,106.6990\nQ. 1,1000,0\n"
    )
    target = tmp_path / "out.csv"
    call_command("address", "convert", "--csv", str(source), "--out", str(target))
    err = capsys.readouterr().err
    assert "in.csv:3: địa chỉ trống" in err
    assert "in.csv:5: vĩ độ 1000.0 nằm ngoài" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert len(rows) == 4
    assert rows[0]["ma_xa_moi"] == "26740"
    assert rows[2]["trang_thai"] == "split_resolved"


def test_address_convert_needs_input():
    with pytest.raises(CommandError):
        call_command("address", "convert")


def test_units_stats(capsys):
    call_command("units", "stats", "--on", "2025-06-30")
    out = capsys.readouterr().out
    assert "province: 63" in out and "district: 696" in out


def test_demo_setup_creates_one_account_per_role(capsys):
    from haicap.core.models import Membership
    from haicap.core.roles import Role

    call_command("demo_setup")
    call_command("demo_setup")  # idempotent
    roles = set(Membership.objects.filter(revoked_at__isnull=True).values_list("role", flat=True))
    assert roles == {r.value for r in Role}
    assert "motcua.benthanh" in capsys.readouterr().out
