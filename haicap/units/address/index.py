"""The in-memory dictionaries the address converter looks names up in, built once from the database."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field

from haicap.core.lazy import process_singleton
from haicap.core.text import fold, tone_key, words
from haicap.units.models import Level, Succession, Unit

Key = tuple[str, ...]

# Type words, folded, and the unit kinds each announces.
COMMUNE_TYPES: dict[Key, frozenset[str]] = {
    ("phuong",): frozenset({"phuong"}),
    ("p",): frozenset({"phuong"}),
    ("f",): frozenset({"phuong"}),
    ("xa",): frozenset({"xa"}),
    ("x",): frozenset({"xa"}),
    ("thi", "tran"): frozenset({"thi_tran"}),
    ("tt",): frozenset({"thi_tran"}),
    ("dac", "khu"): frozenset({"dac_khu"}),
}
DISTRICT_TYPES: dict[Key, frozenset[str]] = {
    ("quan",): frozenset({"quan"}),
    ("q",): frozenset({"quan"}),
    ("huyen",): frozenset({"huyen"}),
    ("h",): frozenset({"huyen"}),
    ("thi", "xa"): frozenset({"thi_xa"}),
    ("tx",): frozenset({"thi_xa"}),
    ("thanh", "pho"): frozenset({"thanh_pho_thuoc_tinh", "thanh_pho_thuoc_tp"}),
    ("tp",): frozenset({"thanh_pho_thuoc_tinh", "thanh_pho_thuoc_tp"}),
}
PROVINCE_TYPES: dict[Key, frozenset[str]] = {
    ("tinh",): frozenset({"tinh"}),
    ("thanh", "pho"): frozenset({"thanh_pho"}),
    ("tp",): frozenset({"thanh_pho"}),
}
COUNTRY: set[Key] = {("viet", "nam"), ("vietnam",), ("vn",)}
# Everyday names for provinces, by province code (the same code before and after the reform).
PROVINCE_ALIASES: dict[str, list[str]] = {
    "79": [
        "HCM",
        "TPHCM",
        "TP HCM",
        "HCMC",
        "Sài Gòn",
        "SG",
        "Hồ Chí Minh",
        "Ho Chi Minh City",
        "Saigon",
        "TPHCM",
    ],
    "01": ["HN", "Hanoi", "TPHN"],
    "48": ["Danang"],
    "31": ["HP", "Haiphong"],
    "77": ["BRVT", "Bà Rịa Vũng Tàu", "Vũng Tàu"],
    "46": ["Huế", "TT Huế", "TTH"],
    "92": ["Cantho"],
}


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    code: str
    level: str
    kind: str
    name: str
    full_name: str
    province_code: str
    district_code: str
    toned: Key
    in_force: bool
    post_reform: bool
    alias: bool = False


@dataclass
class NameDict:
    """Names (folded token tuples) → units; `by_last` finds the names ending in a token."""

    names: dict[Key, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_last: dict[str, list[Key]] = field(default_factory=dict)
    longest: int = 0

    def add(self, key: Key, entry: Entry) -> None:
        if not key:
            return
        bucket = self.names[key]
        if not bucket:
            keys = self.by_last.setdefault(key[-1], [])
            keys.append(key)
            keys.sort(key=len, reverse=True)
        if all(e.id != entry.id or e.alias != entry.alias for e in bucket):
            bucket.append(entry)
        self.longest = max(self.longest, len(key))

    def merge(self, other: NameDict) -> None:
        for key, entries in other.names.items():
            for entry in entries:
                self.add(key, entry)


@dataclass
class AddressIndex:
    units: dict[int, Entry] = field(default_factory=dict)
    old_provinces: NameDict = field(default_factory=NameDict)
    new_provinces: NameDict = field(default_factory=NameDict)
    districts: NameDict = field(default_factory=NameDict)
    districts_by_province: dict[str, NameDict] = field(
        default_factory=lambda: defaultdict(NameDict)
    )
    old_communes_by_district: dict[str, NameDict] = field(
        default_factory=lambda: defaultdict(NameDict)
    )
    old_communes_by_province: dict[str, NameDict] = field(
        default_factory=lambda: defaultdict(NameDict)
    )
    new_communes: NameDict = field(default_factory=NameDict)
    new_communes_by_province: dict[str, NameDict] = field(
        default_factory=lambda: defaultdict(NameDict)
    )
    successors: dict[int, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    predecessors: dict[int, list[tuple[int, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    current_province: dict[str, int] = field(default_factory=dict)
    old_district_of: dict[str, int] = field(default_factory=dict)
    old_province_of: dict[str, int] = field(default_factory=dict)

    _successor_cache: dict[int, list[tuple[Entry, str]]] = field(default_factory=dict)
    _predecessor_cache: dict[int, list[tuple[Entry, str]]] = field(default_factory=dict)
    _combined: dict[tuple[str, tuple[str, ...]], NameDict] = field(default_factory=dict)

    def combined(self, what: str, codes: tuple[str, ...]) -> NameDict:
        """One dictionary for the districts / old communes / new communes of several provinces."""
        key = (what, codes)
        found = self._combined.get(key)
        if found is None:
            source = {
                "districts": self.districts_by_province,
                "old_communes": self.old_communes_by_province,
                "new_communes": self.new_communes_by_province,
            }[what]
            found = NameDict()
            for code in codes:
                found.merge(source[code])
            self._combined[key] = found
        return found

    def current_successors(self, unit_id: int) -> list[tuple[Entry, str]]:
        """Units in force that took over `unit_id`, following later changes (e.g. xã → phường)."""
        cached = self._successor_cache.get(unit_id)
        if cached is None:
            cached = self._successor_cache[unit_id] = self._walk_successors(unit_id)
        return cached

    def _walk_successors(self, unit_id: int) -> list[tuple[Entry, str]]:
        found: dict[int, str] = {}
        stack = [(unit_id, "whole")]
        seen = set()
        while stack:
            uid, relation = stack.pop()
            if uid in seen:
                continue
            seen.add(uid)
            entry = self.units[uid]
            if entry.in_force and uid != unit_id:
                if found.get(uid) != "part":
                    found[uid] = relation
                continue
            for succ, rel in self.successors.get(uid, []):
                stack.append((succ, "part" if "part" in (relation, rel) else "whole"))
        if not found and self.units[unit_id].in_force:
            return [(self.units[unit_id], "whole")]
        return sorted(((self.units[i], r) for i, r in found.items()), key=lambda p: p[0].code)

    def pre_reform_predecessors(self, unit_id: int) -> list[tuple[Entry, str]]:
        """Pre-reform units this unit was formed from, looking through later changes."""
        cached = self._predecessor_cache.get(unit_id)
        if cached is None:
            cached = self._predecessor_cache[unit_id] = self._walk_predecessors(unit_id)
        return cached

    def _walk_predecessors(self, unit_id: int) -> list[tuple[Entry, str]]:
        found: dict[int, str] = {}
        stack = [unit_id]
        seen = set()
        while stack:
            uid = stack.pop()
            if uid in seen:
                continue
            seen.add(uid)
            for pred, rel in self.predecessors.get(uid, []):
                entry = self.units[pred]
                if entry.post_reform:
                    stack.append(pred)
                else:
                    found[pred] = rel
        return sorted(((self.units[i], r) for i, r in found.items()), key=lambda p: p[0].code)


def name_keys(name: str) -> tuple[Key, Key]:
    tokens = words(name)
    folded = tuple(str(int(t)) if t.isdigit() else fold(t) for t in tokens)
    toned = tuple(str(int(t)) if t.isdigit() else tone_key(t) for t in tokens)
    return folded, toned


def build_address_index() -> AddressIndex:
    index = AddressIndex()
    rows = Unit.objects.values_list(
        "pk",
        "code",
        "level",
        "kind",
        "name",
        "full_name",
        "province_code",
        "district_code",
        "valid_from",
        "valid_to",
        "aliases",
    )
    for pk, code, level, kind, name, full_name, pcode, dcode, start, end, aliases in rows:
        post_reform = start is not None
        folded, toned = name_keys(name)
        entry = Entry(
            pk, code, level, kind, name, full_name, pcode, dcode, toned, end is None, post_reform
        )
        index.units[pk] = entry
        names = [(folded, entry)]
        for alias in filter(None, aliases.split("|")):
            a_folded, a_toned = name_keys(alias)
            names.append((a_folded, dataclasses.replace(entry, toned=a_toned, alias=True)))
        if level == Level.PROVINCE:
            target = index.new_provinces if post_reform else index.old_provinces
            if entry.in_force:
                index.current_province[code] = pk
            elif not post_reform:
                index.old_province_of[code] = pk
            # everyday names (HCM, HN) are as good as the official one: not flagged as alias
            for alias in PROVINCE_ALIASES.get(code, []):
                a_folded, a_toned = name_keys(alias)
                names.append((a_folded, dataclasses.replace(entry, toned=a_toned)))
            for key, e in names:
                target.add(key, e)
        elif level == Level.DISTRICT:
            index.old_district_of[code] = pk
            for key, e in names:
                index.districts.add(key, e)
                index.districts_by_province[pcode].add(key, e)
        elif post_reform:
            for key, e in names:
                index.new_communes.add(key, e)
                index.new_communes_by_province[pcode].add(key, e)
        else:
            for key, e in names:
                index.old_communes_by_district[dcode].add(key, e)
                index.old_communes_by_province[pcode].add(key, e)
    for pred, succ, relation in Succession.objects.values_list(
        "predecessor_id", "successor_id", "relation"
    ):
        index.successors[pred].append((succ, relation))
        index.predecessors[succ].append((pred, relation))
    return index


address_index, reset_address_index = process_singleton(build_address_index)
