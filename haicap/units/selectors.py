"""Reads of administrative units: the map on a date, directories, search, successions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Count, F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from haicap.core.errors import NotFound
from haicap.core.search import search, shorter
from haicap.core.ttlcache import TTLCache
from haicap.units.models import Level, Relation, Succession, Unit

UNIT_NOT_FOUND = gettext_lazy("Không tìm thấy đơn vị hành chính mã «{code}».")


_in_force: TTLCache[Unit | None] = TTLCache("units in force")


def unit_in_force(level: str, code: str) -> Unit | None:
    """The unit of `level` and `code` in force today (without its boundary), cached: every
    intake and report reads a few."""
    return _in_force.get(
        (level, code),
        lambda: Unit.objects.current().defer("boundary").filter(level=level, code=code).first(),
    )


_by_code: TTLCache[Unit | None] = TTLCache("units by code")


def unit_by_code(code: str, *, at: dt.date | None = None) -> Unit | None:
    """The unit with `code` in force on `at` (today by default), whatever its level: the level
    is read from the unit, never guessed from the code's length. Cached like unit_in_force."""
    code = code.strip()
    if not code:
        return None
    day = at or timezone.localdate()
    return _by_code.get(
        (code, day),
        lambda: (
            Unit.objects.on(day)
            .filter(code=code)
            .defer("boundary")
            .order_by(F("valid_from").desc(nulls_last=True))
            .first()
        ),
    )


_ids: TTLCache[tuple[int, ...]] = TTLCache("unit ids by code", maxsize=2_000)


def unit_ids(codes: Iterable[str]) -> list[int]:
    """The ids of every unit (all levels, all versions) with one of `codes`, cached. Records
    that point at units are filtered on their foreign key's own index with these ids, never by
    joining the units table on the code: that join made PostgreSQL read every dossier of the
    country for one ward's queue (ADR 22)."""
    key = tuple(sorted(set(codes)))
    if not key:
        return []
    return list(
        _ids.get(
            key,
            lambda: tuple(
                Unit.objects.filter(code__in=key).order_by("id").values_list("id", flat=True)
            ),
        )
    )


def unit_successor(unit: Unit) -> Unit | None:
    """The unit in force that took over `unit`, following successions through later changes;
    None for a unit still in force, or when it was split between several units and none took it
    over whole (a person must choose which one inherits its work)."""
    seen = {unit.pk}
    while unit.valid_to is not None:
        links = list(Succession.objects.filter(predecessor=unit).select_related("successor"))
        whole = [link for link in links if link.relation == Relation.WHOLE]
        pick = whole if len(links) > 1 else links
        if len(pick) != 1 or pick[0].successor_id in seen:
            return None
        unit = pick[0].successor
        seen.add(unit.pk)
    return unit if len(seen) > 1 else None


def default_province() -> str:
    """The province code pages and commands start from when none is given
    (`HAICAP_DEFAULT_PROVINCE`)."""
    return str(settings.HAICAP_DEFAULT_PROVINCE)


def unit_counts_on(date: dt.date) -> dict[str, int]:
    rows = Unit.objects.on(date).values("level").annotate(n=Count("id"))
    counts = {row["level"]: row["n"] for row in rows}
    return {level.value: counts.get(level.value, 0) for level in Level}


def provinces_on(date: dt.date | None = None) -> QuerySet[Unit]:
    units = Unit.objects.provinces()
    units = units.on(date) if date else units.current()
    return units.defer("boundary").order_by("code")


def commune_counts(date: dt.date | None = None) -> dict[str, dict[str, int]]:
    """Per province code: communes in force by kind."""
    units = Unit.objects.communes()
    units = units.on(date) if date else units.current()
    out: dict[str, dict[str, int]] = {}
    for row in units.values("province_code", "kind").annotate(n=Count("id")):
        out.setdefault(row["province_code"], {})[row["kind"]] = row["n"]
    return out


def unit_search(
    *,
    query: str = "",
    province_code: str = "",
    kind: str = "",
    level: str = Level.COMMUNE,
    date: dt.date | None = None,
    include_ended: bool = False,
) -> QuerySet[Unit]:
    """Accent-insensitive search by name or code; current units unless a date is given."""
    units = Unit.objects.filter(level=level)
    if date is not None:
        units = units.on(date)
    elif not include_ended:
        units = units.current()
    if province_code:
        units = units.filter(province_code=province_code)
    if kind:
        units = units.filter(kind=kind)
    # the best match first (core.search); among equals the current version, the shorter name
    return search(
        units,
        query,
        ties=(F("valid_to").desc(nulls_first=True), shorter()),
        order=("province_code", "code", "valid_from"),
    ).defer("boundary")


def unit_get(*, level: str, code: str, date: dt.date | None = None) -> Unit:
    """The version of a unit in force on `date` (default: the latest version)."""
    units = Unit.objects.filter(level=level, code=code)
    if date is not None:
        units = units.on(date)
    unit = units.order_by("-valid_to", "-valid_from").first()
    if unit is None or (
        date is None and units.filter(valid_to__isnull=True).exists() and unit.valid_to
    ):
        unit = units.filter(valid_to__isnull=True).first() or unit
    if unit is None:
        raise NotFound(UNIT_NOT_FOUND.format(code=code), extra={"level": level, "code": code})
    return unit


def unit_versions(unit: Unit) -> QuerySet[Unit]:
    """Dated versions of one unit since the reform (a pre-reform unit that had the same code
    is a different unit, linked by a succession, not an earlier version)."""
    if unit.valid_from is None:
        return Unit.objects.filter(pk=unit.pk)
    return Unit.objects.filter(level=unit.level, code=unit.code, valid_from__isnull=False).order_by(
        "valid_from"
    )


def formed_from(unit: Unit) -> list[Succession]:
    """Pre-reform units this one was formed from, looking through later renames/retypes."""
    links: list[Succession] = []
    frontier = [unit.pk]
    seen: set[int] = set()
    while frontier:
        batch = (
            Succession.objects.filter(successor_id__in=frontier)
            .select_related("predecessor")
            .order_by("predecessor__district_code", "predecessor__code")
        )
        frontier = []
        for link in batch:
            if link.predecessor_id in seen:
                continue
            seen.add(link.predecessor_id)
            if link.predecessor.valid_from is not None:
                frontier.append(link.predecessor_id)
            else:
                links.append(link)
    return links


def became(unit: Unit) -> list[Succession]:
    return list(
        Succession.objects.filter(predecessor=unit)
        .select_related("successor")
        .order_by("successor__code")
    )


def districts_of(codes: set[str]) -> dict[str, Unit]:
    return {
        u.code: u
        for u in Unit.objects.filter(level=Level.DISTRICT, code__in=codes).defer("boundary")
    }


def old_provinces_of(codes: set[str]) -> dict[str, Unit]:
    return {
        u.code: u
        for u in Unit.objects.filter(
            level=Level.PROVINCE, code__in=codes, valid_from__isnull=True
        ).defer("boundary")
    }


def old_children(unit: Unit) -> list[Unit]:
    """The units one level below an old (pre-2025) province or district, in code order: an old
    province's districts (each with `commune_count`, its old communes), a district's communes."""
    if unit.level == Level.PROVINCE:
        districts = (
            Unit.objects.filter(level=Level.DISTRICT, province_code=unit.code)
            .defer("boundary")
            .order_by("code")
        )
        counts = dict(
            Unit.objects.filter(
                level=Level.COMMUNE, province_code=unit.code, valid_from__isnull=True
            )
            .values_list("district_code")
            .annotate(n=Count("pk"))
            .values_list("district_code", "n")
        )
        found = list(districts)
        for district in found:
            district.commune_count = counts.get(district.code, 0)  # type: ignore[attr-defined]
        return found
    if unit.level == Level.DISTRICT:
        return list(
            Unit.objects.filter(level=Level.COMMUNE, district_code=unit.code, valid_from__isnull=True)
            .defer("boundary")
            .order_by("code")
        )
    return []
