"""The readings an address allows, and how they are scored against each other: old form with a
district, old form without one, new form; by how much of the text each explains and how well the
type words and diacritics agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from haicap.units.address.index import (
    COMMUNE_TYPES,
    DISTRICT_TYPES,
    PROVINCE_TYPES,
    AddressIndex,
    Entry,
    NameDict,
)
from haicap.units.address.matching import Match, match_at
from haicap.units.address.tokens import Token


@dataclass
class Reading:
    form: str  # old | new
    commune: Match | None
    district: Match | None = None
    district_entry: Entry | None = None
    score: float = 0.0


class Reader:
    """Finds the province an address ends with and the readings of what comes before it."""

    def __init__(self, index: AddressIndex):
        self.index = index
        self._codes_cache: dict[tuple[int, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}

    def province(self, tokens: Sequence[Token], folded: Sequence[str], end: int) -> Match | None:
        old = match_at(tokens, folded, end, self.index.old_provinces, PROVINCE_TYPES)
        new = match_at(tokens, folded, end, self.index.new_provinces, PROVINCE_TYPES)
        if old and new:
            if old.name_start == new.name_start:
                return Match(
                    old.entries + new.entries,
                    min(old.start, new.start),
                    old.name_start,
                    end,
                    min(old.penalty, new.penalty),
                )
            return old if old.name_start < new.name_start else new
        return old or new

    def _province_codes(self, province: Match) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Old and new province codes an address naming this province may be in (memoised)."""
        key = tuple(e.id for e in province.entries)
        cached = self._codes_cache.get(key)
        if cached is not None:
            return cached
        old_codes: set[str] = set()
        new_codes: set[str] = set()
        for entry in province.entries:
            if entry.post_reform:
                new_codes.add(entry.code)
                old_codes.update(e.code for e, _ in self.index.pre_reform_predecessors(entry.id))
            else:
                old_codes.add(entry.code)
                new_codes.update(e.code for e, _ in self.index.current_successors(entry.id))
        cached = self._codes_cache[key] = (tuple(sorted(old_codes)), tuple(sorted(new_codes)))
        return cached

    def readings(
        self, tokens: Sequence[Token], folded: Sequence[str], end: int, province: Match | None
    ) -> list[Reading]:
        index = self.index
        old_codes: tuple[str, ...] = ()
        if province:
            old_codes, new_codes = self._province_codes(province)
            districts = index.combined("districts", old_codes)
            new_communes = index.combined("new_communes", new_codes)
        else:
            districts, new_communes = index.districts, index.new_communes
        readings, district = self._with_district(tokens, folded, end, districts)
        if readings and readings[0].commune and district is not None:
            certain = district.penalty + readings[0].commune.penalty < 0.5
            if certain and len(readings[0].commune.entries) == 1:
                # district and commune both read cleanly: no reading without a district (worth
                # at most 3) can beat this one (worth at least 4)
                readings[0].score = 5.0
                return readings
        if province:
            commune = match_at(
                tokens, folded, end, index.combined("old_communes", old_codes), COMMUNE_TYPES
            )
            if commune:
                readings.append(Reading("old", commune))
        commune = match_at(tokens, folded, end, new_communes, COMMUNE_TYPES)
        if commune:
            readings.append(Reading("new", commune))
        for reading in readings:
            reading.score = _score(reading)
        return readings

    def _with_district(
        self, tokens: Sequence[Token], folded: Sequence[str], end: int, districts: NameDict
    ) -> tuple[list[Reading], Match | None]:
        """The old-form reading with a district (and the commune inside it, if any)."""
        district = match_at(tokens, folded, end, districts, DISTRICT_TYPES)
        if not district:
            return [], None
        found: list[tuple[Entry, Match]] = []
        for d in district.entries:
            commune = match_at(
                tokens,
                folded,
                district.start,
                self.index.old_communes_by_district[d.code],
                COMMUNE_TYPES,
            )
            if commune:
                found.append((d, commune))
        if not found:
            only = district.entries[0] if len(district.entries) == 1 else None
            return [Reading("old", None, district, only)], district
        d_entry, commune = found[0]
        if len(found) > 1:
            commune = Match(
                [e for _, m in found for e in m.entries],
                min(m.start for _, m in found),
                found[0][1].name_start,
                found[0][1].end,
                min(m.penalty for _, m in found),
            )
        return [Reading("old", commune, district, d_entry)], district


def _score(reading: Reading) -> float:
    score = 0.0
    if reading.commune:
        score += 3 - 2 * reading.commune.penalty
        if len(reading.commune.entries) > 1:
            score -= 0.3
        score += 0.01 * (reading.commune.end - reading.commune.start)
    if reading.district:
        score += 2 - 2 * reading.district.penalty
        score += 0.01 * (reading.district.end - reading.district.start)
    # ties: old form with a district, then the new form, then old form without district
    tie = 0.003 if reading.district else 0.002 if reading.form == "new" else 0.001
    return score + tie
