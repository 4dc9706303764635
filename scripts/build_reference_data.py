"""Derive haicap's shipped reference data (haicap/units/data/) from the raw sources in ../shared/data.

Run by a maintainer when the sources change; the running system only reads the derived files.
See haicap/units/data/PROVENANCE.md for what is taken from where and every correction made.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import shutil
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from haicap.core.text import fold, tone_key, words  # noqa: E402

REFORM_START = "2025-07-01"
PRE_REFORM_END = "2025-06-30"
DONG_NAI_CITY = "2026-04-30"
DONG_NAI_BEFORE = "2026-04-29"
CODE_CORRECTIONS = {"06970": "06978"}  # Xã Ba Chẽ: conversion table vs unit register 2026

PART_NOTE = re.compile(r"một\s+phần|phần còn lại", re.IGNORECASE)
PAREN_CODE = re.compile(r"^(.*?)\s*\((\d+)\)\s*$")

COMMUNE_KINDS = {"xa": "xa", "phuong": "phuong", "thi tran": "thi_tran", "dac khu": "dac_khu"}
DISTRICT_KINDS = {
    "quan": "quan",
    "huyen": "huyen",
    "thi xa": "thi_xa",
    "thanh pho": "thanh_pho_thuoc_tinh",
}
PROVINCE_KINDS = {"tinh": "tinh", "thanh pho": "thanh_pho"}
EN_KIND = {
    "xa": "Commune",
    "phuong": "Ward",
    "thi_tran": "Township",
    "dac_khu": "Special Zone",
    "quan": "District",
    "huyen": "District",
    "thi_xa": "Town",
    "thanh_pho_thuoc_tinh": "City",
    "thanh_pho_thuoc_tp": "City",
    "tinh": "Province",
    "thanh_pho": "City",
}


def clean(text: str) -> str:
    return " ".join(text.replace("\n", " ").split())


def split_kind(full_name: str, kinds: dict[str, str]) -> tuple[str, str]:
    """'Phường Bến Thành' -> ('phuong', 'Bến Thành'); the longest prefix wins."""
    tokens = clean(full_name).split(" ")
    folded = [fold(t) for t in tokens]
    for size in (2, 1):
        prefix = " ".join(folded[:size])
        if prefix in kinds and len(tokens) > size:
            return kinds[prefix], " ".join(tokens[size:])
    raise ValueError(f"no unit kind in {full_name!r}")


def canonical_full_name(kind: str, name: str) -> str:
    label = {
        "xa": "Xã",
        "phuong": "Phường",
        "thi_tran": "Thị trấn",
        "dac_khu": "Đặc khu",
        "quan": "Quận",
        "huyen": "Huyện",
        "thi_xa": "Thị xã",
        "thanh_pho_thuoc_tinh": "Thành phố",
        "thanh_pho_thuoc_tp": "Thành phố",
        "tinh": "Tỉnh",
        "thanh_pho": "Thành phố",
    }[kind]
    return f"{label} {name}"


def name_key(name: str) -> tuple[str, ...]:
    """Tone-placement-insensitive key of a name ('Hòa' == 'Hoà'), for joining the sources."""
    return tuple(tone_key(w) for w in words(clean(name).lower()))


def paren(value: str) -> tuple[str, str]:
    m = PAREN_CODE.match(clean(value))
    if not m:
        raise ValueError(f"expected 'Name (code)', got {value!r}")
    return clean(m.group(1)), m.group(2)


def build(shared: Path, out: Path) -> dict[str, int]:
    units_json = json.loads((shared / "units/vn_units_2026-07-25.json").read_text("utf-8"))
    table = list(csv.reader((shared / "units/nso_old_to_new_2025-07.csv").open(encoding="utf-8")))
    register = list(
        csv.DictReader((shared / "units/nso_communes_before_2025-07.csv").open(encoding="utf-8"))
    )
    geo = json.loads(gzip.decompress((shared / "boundaries/wards_2026.geojson.gz").read_bytes()))
    area = {f["properties"]["code"]: f["properties"].get("areaKm2") for f in geo["features"]}
    pgeo = json.loads(
        gzip.decompress((shared / "boundaries/provinces_2026.geojson.gz").read_bytes())
    )
    parea = {f["properties"]["code"]: f["properties"].get("areaKm2") for f in pgeo["features"]}

    rows: list[dict[str, str]] = []
    successions: list[dict[str, str]] = []
    stats: Counter[str] = Counter()

    def unit_row(**kw: str | float | None) -> dict[str, str]:
        row = {k: "" if v is None else str(v) for k, v in kw.items()}
        rows.append(row)
        return row

    # --- current units (state of 2026-07-25) and the 2025-07-01 state from the conversion table
    table_rows = [r for r in table[2:] if len(r) >= 8 and r[2].strip()]
    new_2025: dict[str, tuple[str, str]] = {}  # code -> (full name in 2025, province code)
    new_province_2025: dict[str, str] = {}
    for r in table_rows:
        code = CODE_CORRECTIONS.get(r[2].strip(), r[2].strip())
        pname, pcode = paren(r[0])
        new_2025[code] = (clean(r[1]), pcode)
        new_province_2025[pcode] = pname

    for province in units_json:
        pcode = province["Code"]
        pkind_now, pname = split_kind(province["FullName"], PROVINCE_KINDS)
        pkind_2025, _ = split_kind(new_province_2025[pcode], PROVINCE_KINDS)
        common = dict(
            level="province",
            code=pcode,
            name=pname,
            name_en=province["NameEn"],
            province_code=pcode,
            district_code="",
            area_km2=parea.get(pcode),
            source="vn_units_2026-07-25",
        )
        if pkind_2025 != pkind_now:
            stats["province_kind_changes"] += 1
            unit_row(
                **common,
                kind=pkind_2025,
                full_name=new_province_2025[pcode],
                full_name_en=f"{province['NameEn']} Province",
                valid_from=REFORM_START,
                valid_to=DONG_NAI_BEFORE,
            )
            unit_row(
                **common,
                kind=pkind_now,
                full_name=province["FullName"],
                full_name_en=province["FullNameEn"],
                valid_from=DONG_NAI_CITY,
                valid_to="",
            )
            successions.append(
                dict(
                    pred_level="province",
                    pred_code=pcode,
                    pred_from=REFORM_START,
                    succ_level="province",
                    succ_code=pcode,
                    succ_from=DONG_NAI_CITY,
                    relation="whole",
                    effective=DONG_NAI_CITY,
                    note="Đổi loại hình: tỉnh thành thành phố trực thuộc trung ương",
                )
            )
        else:
            unit_row(
                **common,
                kind=pkind_now,
                full_name=province["FullName"],
                full_name_en=province["FullNameEn"],
                valid_from=REFORM_START,
                valid_to="",
            )
        for ward in province["Wards"]:
            code = ward["Code"]
            kind_now, name = split_kind(ward["FullName"], COMMUNE_KINDS)
            name_2025, _ = new_2025[code]
            kind_2025, _ = split_kind(name_2025, COMMUNE_KINDS)
            common = dict(
                level="commune",
                code=code,
                name=name,
                name_en=ward["NameEn"],
                province_code=pcode,
                district_code="",
                area_km2=area.get(code),
                source="vn_units_2026-07-25",
            )
            if kind_2025 != kind_now:
                stats["commune_kind_changes"] += 1
                unit_row(
                    **common,
                    kind=kind_2025,
                    full_name=canonical_full_name(kind_2025, name),
                    full_name_en=f"{ward['NameEn']} {EN_KIND[kind_2025]}",
                    valid_from=REFORM_START,
                    valid_to=DONG_NAI_BEFORE,
                )
                unit_row(
                    **common,
                    kind=kind_now,
                    full_name=ward["FullName"],
                    full_name_en=ward["FullNameEn"],
                    valid_from=DONG_NAI_CITY,
                    valid_to="",
                )
                successions.append(
                    dict(
                        pred_level="commune",
                        pred_code=code,
                        pred_from=REFORM_START,
                        succ_level="commune",
                        succ_code=code,
                        succ_from=DONG_NAI_CITY,
                        relation="whole",
                        effective=DONG_NAI_CITY,
                        note="Đổi loại hình: xã thành phường",
                    )
                )
            else:
                unit_row(
                    **common,
                    kind=kind_now,
                    full_name=ward["FullName"],
                    full_name_en=ward["FullNameEn"],
                    valid_from=REFORM_START,
                    valid_to="",
                )
    new_codes = {r["code"] for r in rows if r["level"] == "commune"}
    missing = set(new_2025) - new_codes
    if missing:
        raise SystemExit(f"conversion table names new communes absent from the register: {missing}")

    # --- pre-reform provinces and districts, from the register (as of 2025-01-04) and the table
    old_province: dict[str, str] = {}
    district_province: dict[str, str] = {}
    district_name: dict[str, str] = {}
    for r in register:
        old_province[r["Mã TP"]] = clean(r["Tỉnh Thành Phố"])
        district_province[r["Mã QH"]] = r["Mã TP"]
        district_name.setdefault(r["Mã QH"], clean(r["Quận Huyện"]))
    table_district_name: dict[str, str] = {}
    for r in table_rows:
        dname, dcode = paren(r[6])
        table_district_name[dcode] = dname
        if dcode not in district_province:
            district_province[dcode] = paren(r[7])[1]

    def district_kind(name: str, pcode: str) -> str:
        kind, _ = split_kind(name, DISTRICT_KINDS)
        if kind == "thanh_pho_thuoc_tinh" and old_province[pcode].startswith("Thành phố"):
            return "thanh_pho_thuoc_tp"
        return kind

    for pcode, full in sorted(old_province.items()):
        kind, name = split_kind(full, PROVINCE_KINDS)
        unit_row(
            level="province",
            code=pcode,
            kind=kind,
            name=name,
            full_name=full,
            name_en="",
            full_name_en="",
            province_code=pcode,
            district_code="",
            area_km2=None,
            valid_from="",
            valid_to=PRE_REFORM_END,
            source="nso_register_2025-01-04",
            aliases="",
        )
    district_aliases: dict[str, set[str]] = defaultdict(set)
    for dcode in sorted(set(district_name) | set(table_district_name)):
        full = table_district_name.get(dcode) or district_name[dcode]
        if dcode in district_name and name_key(district_name[dcode]) != name_key(full):
            district_aliases[dcode].add(split_kind(district_name[dcode], DISTRICT_KINDS)[1])
        pcode = district_province[dcode]
        kind = district_kind(full, pcode)
        _, name = split_kind(full, DISTRICT_KINDS)
        unit_row(
            level="district",
            code=dcode,
            kind=kind,
            name=name,
            full_name=canonical_full_name(kind, name),
            name_en="",
            full_name_en="",
            province_code=pcode,
            district_code=dcode,
            area_km2=None,
            valid_from="",
            valid_to=PRE_REFORM_END,
            source="nso_old_to_new_2025-07"
            if dcode in table_district_name
            else "nso_register_2025-01-04",
            aliases="|".join(sorted(district_aliases[dcode])),
        )

    register_kind = {r["Mã PX"]: r["Phường Xã"] for r in register if r["Mã PX"]}
    register_code = {
        (
            r["Mã QH"],
            *split_kind(r["Phường Xã"], COMMUNE_KINDS)[:1],
            name_key(split_kind(r["Phường Xã"], COMMUNE_KINDS)[1]),
        ): r["Mã PX"]
        for r in register
        if r["Mã PX"]
    }
    table_old_codes: set[str] = set()

    def old_commune_kind(full: str, code: str) -> tuple[str, str]:
        """A few table rows omit the kind ('Xuân Quang 3'): take it from the register by code."""
        try:
            return split_kind(full, COMMUNE_KINDS)
        except ValueError:
            stats["old_names_without_kind"] += 1
            kind, _ = split_kind(register_kind.get(code, "Xã x"), COMMUNE_KINDS)
            return kind, full

    # --- pre-reform communes: the table's old side is the state of 2025-06-30; the register adds
    # the units that left before then (their names still turn up in citizens' addresses).
    old_communes: dict[tuple[str, str, tuple[str, ...]], dict[str, str]] = {}
    old_by_code: dict[tuple[str, str], dict[str, str]] = {}
    for r in table_rows:
        if not r[4].strip():
            continue
        dname, dcode = paren(r[6])
        kind, name = old_commune_kind(clean(r[3]), r[4].strip())
        key = (dcode, kind, name_key(name))
        if key not in old_communes:
            code = r[4].strip()
            if code in table_old_codes:
                # the table gives two different old units one code: the register knows the right one
                code = register_code[(dcode, kind, name_key(name))]
                stats["table_duplicate_codes_fixed_from_register"] += 1
            table_old_codes.add(code)
            row = unit_row(
                level="commune",
                code=code,
                kind=kind,
                name=name,
                full_name=canonical_full_name(kind, name),
                name_en="",
                full_name_en="",
                province_code=district_province[dcode],
                district_code=dcode,
                area_km2=None,
                valid_from="",
                valid_to=PRE_REFORM_END,
                source="nso_old_to_new_2025-07",
                aliases="",
            )
            old_communes[key] = row
            old_by_code.setdefault((dcode, row["code"]), row)
    used_codes = {(r["level"], r["code"]) for r in rows if r["valid_from"] == ""}
    for r in register:
        if not r["Mã PX"]:
            continue
        dcode = r["Mã QH"]
        kind, name = split_kind(r["Phường Xã"], COMMUNE_KINDS)
        if (dcode, kind, name_key(name)) in old_communes:
            continue
        by_code = old_by_code.get((dcode, r["Mã PX"]))
        if by_code is not None:
            by_code["aliases"] = "|".join(
                sorted(set(filter(None, by_code["aliases"].split("|"))) | {name})
            )
            stats["register_names_as_aliases"] += 1
            continue
        if ("commune", r["Mã PX"]) in used_codes:
            stats["register_only_code_clash_skipped"] += 1
            continue
        stats["register_only_communes"] += 1
        row = unit_row(
            level="commune",
            code=r["Mã PX"],
            kind=kind,
            name=name,
            full_name=canonical_full_name(kind, name),
            name_en="",
            full_name_en="",
            province_code=r["Mã TP"],
            district_code=dcode,
            area_km2=None,
            valid_from="",
            valid_to=PRE_REFORM_END,
            source="nso_register_2025-01-04",
            aliases="",
        )
        old_communes[(dcode, kind, name_key(name))] = row
        used_codes.add(("commune", r["Mã PX"]))

    # --- successions old -> new (2025-07-01), from the official table
    province_links: dict[str, set[str]] = defaultdict(set)
    for r in table_rows:
        new_code = CODE_CORRECTIONS.get(r[2].strip(), r[2].strip())
        note = clean(r[5])
        relation = "part" if PART_NOTE.search(note) else "whole"
        dname, dcode = paren(r[6])
        province_links[district_province[dcode]].add(new_2025[new_code][1])
        if r[4].strip():
            kind, name = old_commune_kind(clean(r[3]), r[4].strip())
            old = old_communes[(dcode, kind, name_key(name))]
            pred = ("commune", old["code"])
        elif fold(note).startswith("sap xep toan bo huyen"):
            pred = ("district", dcode)
        else:
            stats["table_rows_without_unit"] += 1
            continue
        successions.append(
            dict(
                pred_level=pred[0],
                pred_code=pred[1],
                pred_from="",
                succ_level="commune",
                succ_code=new_code,
                succ_from=REFORM_START,
                relation=relation,
                effective=REFORM_START,
                note=note,
            )
        )
    for old_p, new_ps in sorted(province_links.items()):
        for new_p in sorted(new_ps):
            successions.append(
                dict(
                    pred_level="province",
                    pred_code=old_p,
                    pred_from="",
                    succ_level="province",
                    succ_code=new_p,
                    succ_from=REFORM_START,
                    relation="whole" if len(new_ps) == 1 else "part",
                    effective=REFORM_START,
                    note="",
                )
            )
    # one row per (pred, succ): a table may list a pair twice; 'part' wins over 'whole'
    merged: dict[tuple[str, ...], dict[str, str]] = {}
    for s in successions:
        key = (
            s["pred_level"],
            s["pred_code"],
            s["pred_from"],
            s["succ_level"],
            s["succ_code"],
            s["succ_from"],
        )
        if key in merged and merged[key]["relation"] == "part":
            continue
        merged[key] = s
    successions = list(merged.values())

    out.mkdir(parents=True, exist_ok=True)
    fields = [
        "level",
        "code",
        "kind",
        "name",
        "full_name",
        "name_en",
        "full_name_en",
        "province_code",
        "district_code",
        "area_km2",
        "valid_from",
        "valid_to",
        "source",
        "aliases",
    ]
    write_csv(out / "units.csv.gz", fields, rows)
    write_csv(out / "successions.csv.gz", list(successions[0].keys()), successions)
    shutil.copyfile(shared / "boundaries/wards_2026.geojson.gz", out / "communes_2026.geojson.gz")
    shutil.copyfile(
        shared / "boundaries/provinces_2026.geojson.gz", out / "provinces_2026.geojson.gz"
    )
    by_level = Counter((r["level"], r["valid_to"] == "") for r in rows)
    stats.update(
        {f"units_{lvl}_{'current' if cur else 'ended'}": n for (lvl, cur), n in by_level.items()}
    )
    stats["successions"] = len(successions)
    return dict(stats)


def write_csv(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with gzip.open(path, "wt", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in fields})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "haicap" / "units" / "data")
    args = parser.parse_args()
    stats = build(args.shared, args.out)
    for key, value in sorted(stats.items()):
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
