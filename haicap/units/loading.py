"""Loading the shipped reference data (haicap/units/data) into the database: idempotent, atomic."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from django.db import transaction

from haicap.core.audit import audit_record
from haicap.core.permissions import Actor
from haicap.core.search import search_row
from haicap.core.ttlcache import clear_all_caches
from haicap.units.models import Succession, Unit
from haicap.units.points import POINTS_FILE, ServicePointDataError, service_points_load
from haicap.units.rights import UnitsAudit

DATA_DIR = Path(__file__).resolve().parent / "data"

Progress = Callable[[str, int, int], None]
UnitKey = tuple[str, str, dt.date | None]

UNIT_FIELDS = [
    "kind",
    "name",
    "full_name",
    "name_en",
    "full_name_en",
    "aliases",
    "search_name",
    "search_key",
    "province_code",
    "district_code",
    "valid_to",
    "area_km2",
    "boundary",
    "centroid_lat",
    "centroid_lon",
    "source",
]


class ReferenceDataError(Exception):
    """The shipped files are not what the loader expects; nothing was written."""


@dataclass
class LoadSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    successions_created: int = 0
    successions_updated: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        return (
            f"units: {self.created} created, {self.updated} updated, {self.unchanged} unchanged; "
            f"successions: {self.successions_created} created, {self.successions_updated} updated; "
            + ", ".join(f"{k}: {v}" for k, v in self.counts.items())
        )


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _read_csv(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _read_boundaries(path: Path) -> dict[str, dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        collection = json.load(fh)
    return {f["properties"]["code"]: f["geometry"] for f in collection["features"]}


def _no_progress(step: str, done: int, total: int) -> None:
    return None


def _chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def units_load(
    *, data_dir: Path = DATA_DIR, actor: Actor | None = None, progress: Progress = _no_progress
) -> LoadSummary:
    """Create or update every unit and succession from the shipped files, in one transaction."""
    files = _read_reference_files(data_dir)
    summary = LoadSummary()
    with transaction.atomic():
        _load_units(files, summary, progress)
        _load_successions(files.succession_rows, summary, progress)
        _load_service_points(data_dir, actor)
        summary.counts = _reference_counts()
        audit_record(
            actor=actor,
            action=UnitsAudit.LOADED,
            note=summary.line(),
            data={"created": summary.created, "updated": summary.updated},
        )
    _reset_lookups_after_load()
    return summary


def _load_service_points(data_dir: Path, actor: Actor | None) -> None:
    """The province service centres and their branches (ADR 15), after the communes they are
    in; a data directory without their file (an older copy) leaves them as they are."""
    path = data_dir / POINTS_FILE.name
    if not path.exists():
        return
    try:
        service_points_load(path=path, actor=actor)
    except ServicePointDataError as exc:
        raise ReferenceDataError(str(exc)) from exc


@dataclass
class _ReferenceFiles:
    unit_rows: list[dict[str, str]]
    succession_rows: list[dict[str, str]]
    commune_geometry: dict[str, dict]
    province_geometry: dict[str, dict]


def _read_reference_files(data_dir: Path) -> _ReferenceFiles:
    """Read every shipped file before anything is written, so a broken file changes nothing."""
    try:
        return _ReferenceFiles(
            unit_rows=_read_csv(data_dir / "units.csv.gz"),
            succession_rows=_read_csv(data_dir / "successions.csv.gz"),
            commune_geometry=_read_boundaries(data_dir / "communes_2026.geojson.gz"),
            province_geometry=_read_boundaries(data_dir / "provinces_2026.geojson.gz"),
        )
    except (OSError, KeyError, ValueError, csv.Error) as exc:
        raise ReferenceDataError(f"cannot read reference data in {data_dir}: {exc}") from exc


def _load_units(files: _ReferenceFiles, summary: LoadSummary, progress: Progress) -> None:
    """Create the units not stored yet and update those whose fields differ from the file."""
    unit_rows = files.unit_rows
    existing: dict[UnitKey, Unit] = {(u.level, u.code, u.valid_from): u for u in Unit.objects.all()}
    to_create: list[Unit] = []
    to_update: list[Unit] = []
    for i, row in enumerate(unit_rows, start=1):
        try:
            wanted = _unit_from_row(row, files.commune_geometry, files.province_geometry)
        except (KeyError, ValueError) as exc:
            raise ReferenceDataError(f"units.csv.gz line {i + 1}: {exc}") from exc
        current = existing.get((wanted.level, wanted.code, wanted.valid_from))
        if current is None:
            to_create.append(wanted)
        elif any(getattr(current, f) != getattr(wanted, f) for f in UNIT_FIELDS):
            for f in UNIT_FIELDS:
                setattr(current, f, getattr(wanted, f))
            to_update.append(current)
        else:
            summary.unchanged += 1
        if i % 500 == 0 or i == len(unit_rows):
            progress("units", i, len(unit_rows))
    for chunk in _chunks(to_create, 500):
        Unit.objects.bulk_create(chunk)
    for chunk in _chunks(to_update, 500):
        Unit.objects.bulk_update(chunk, UNIT_FIELDS)
    summary.created, summary.updated = len(to_create), len(to_update)


def _stored_unit_ids() -> tuple[dict[UnitKey, int], dict[int, str]]:
    """The primary key of every stored unit by (level, code, valid_from), and each one's province."""
    ids: dict[UnitKey, int] = {}
    unit_province: dict[int, str] = {}
    for pk, level, code, start, province_code in Unit.objects.values_list(
        "pk", "level", "code", "valid_from", "province_code"
    ):
        ids[(level, code, start)] = pk
        unit_province[pk] = province_code
    return ids, unit_province


def _load_successions(
    succession_rows: list[dict[str, str]], summary: LoadSummary, progress: Progress
) -> None:
    """Create the missing succession links, update changed ones, then fill missing provinces."""
    ids, unit_province = _stored_unit_ids()
    existing_links = {
        (s.predecessor_id, s.successor_id, s.effective): s for s in Succession.objects.all()
    }
    new_links: list[Succession] = []
    changed_links: list[Succession] = []
    for i, row in enumerate(succession_rows, start=1):
        pred, succ, effective = _succession_key(row, ids, i)
        link = existing_links.get((pred, succ, effective))
        province = row["succ_code"][:2] if row["succ_level"] == "province" else unit_province[succ]
        if link is None:
            new_links.append(
                Succession(
                    predecessor_id=pred,
                    successor_id=succ,
                    effective=effective,
                    relation=row["relation"],
                    note=row["note"][:200],
                    province_code=province,
                )
            )
        elif link.relation != row["relation"] or link.note != row["note"][:200]:
            link.relation, link.note = row["relation"], row["note"][:200]
            changed_links.append(link)
        if i % 1000 == 0 or i == len(succession_rows):
            progress("successions", i, len(succession_rows))
    for chunk in _chunks(new_links, 1000):
        Succession.objects.bulk_create(chunk)
    Succession.objects.bulk_update(changed_links, ["relation", "note"], batch_size=1000)
    _fill_succession_provinces()
    summary.successions_created = len(new_links)
    summary.successions_updated = len(changed_links)


def _succession_key(
    row: dict[str, str], ids: dict[UnitKey, int], i: int
) -> tuple[int, int, dt.date]:
    """(predecessor pk, successor pk, effective date) of succession row ``i`` of the file."""
    try:
        pred = ids[(row["pred_level"], row["pred_code"], _date(row["pred_from"]))]
        succ = ids[(row["succ_level"], row["succ_code"], _date(row["succ_from"]))]
        effective = dt.date.fromisoformat(row["effective"])
    except (KeyError, ValueError) as exc:
        raise ReferenceDataError(
            f"successions.csv.gz line {i + 1}: unknown unit or date {exc}"
        ) from exc
    return pred, succ, effective


def _reference_counts() -> dict[str, int]:
    return {
        "provinces in force": Unit.objects.current().provinces().count(),
        "communes in force": Unit.objects.current().communes().count(),
        "pre-reform communes": Unit.objects.communes().filter(valid_to__lt="2025-07-01").count(),
        "successions": Succession.objects.count(),
        "service points": Unit.objects.current().points().count(),
    }


def _reset_lookups_after_load() -> None:
    """Drop the in-memory address index, locator and caches now and again once committed."""
    from haicap.units.address.index import reset_address_index
    from haicap.units.locate import reset_locator

    transaction.on_commit(reset_address_index)
    transaction.on_commit(reset_locator)
    reset_address_index()
    reset_locator()
    clear_all_caches()


def _fill_succession_provinces() -> None:
    """Successions carry the successor's province code (the distribution key). New links get it
    when they are created; this fills links stored without one, one UPDATE per province (a
    bulk_update of every link was a third of a fresh load's time)."""
    by_province: dict[str, list[int]] = {}
    for pk, province_code in Succession.objects.filter(province_code="").values_list(
        "pk", "successor__province_code"
    ):
        by_province.setdefault(province_code, []).append(pk)
    for province_code, pks in by_province.items():
        if not province_code:
            continue  # the successor has none either: nothing to fill
        for chunk in _chunks(pks, 500):
            Succession.objects.filter(pk__in=chunk).update(province_code=province_code)


def _unit_from_row(
    row: dict[str, str], communes: dict[str, dict], provinces: dict[str, dict]
) -> Unit:
    in_force_geometry = row["valid_from"] != ""
    geometry = None
    if in_force_geometry and row["level"] == "commune":
        geometry = communes.get(row["code"])
    elif in_force_geometry and row["level"] == "province":
        geometry = provinces.get(row["code"])
    boundary = json.dumps(geometry, separators=(",", ":")) if geometry else ""
    lat = lon = None
    if geometry:
        point = shapely.geometry.shape(geometry).representative_point()
        lat, lon = round(point.y, 5), round(point.x, 5)
    aliases = row.get("aliases", "")
    return Unit(
        level=row["level"],
        code=row["code"],
        kind=row["kind"],
        name=row["name"],
        full_name=row["full_name"],
        name_en=row["name_en"],
        full_name_en=row["full_name_en"],
        aliases=aliases,
        **search_row(Unit, {**row, "aliases": aliases}),
        province_code=row["province_code"],
        district_code=row["district_code"],
        valid_from=_date(row["valid_from"]),
        valid_to=_date(row["valid_to"]),
        area_km2=float(row["area_km2"]) if row["area_km2"] else None,
        boundary=boundary,
        centroid_lat=lat,
        centroid_lon=lon,
        source=row["source"],
    )
