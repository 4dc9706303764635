"""Old → new address conversion: parse free text in old or new form, never guess a split ward.

The parser reads right to left (province, then district, then commune), looks every name up in
the in-memory index, and compares the readings it can make (old form with a district, old form
without one, new form) by how much of the text each explains and how well the type words
(P., Q., Huyện, ...) and diacritics agree.  No network call, ever.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from haicap.units.address.index import (
    COMMUNE_TYPES,
    COUNTRY,
    DISTRICT_TYPES,
    PROVINCE_TYPES,
    AddressIndex,
    Entry,
    Key,
    NameDict,
    address_index,
)
from haicap.units.address.result import Candidate, Conversion, Origin, UnitRef
from haicap.units.address.tokens import Token, tokenize

TYPE_MISMATCH = 0.15
DIACRITIC_MISMATCH = 0.15
ALIAS_USED = 0.1
PROVINCE_MISSING = 0.1
DISTRICT_MISSING = 0.1
MAYBE_STREET = 0.3  # '12 Hàng Bài, Hoàn Kiếm': a ward name right after a house number
_STRIP = " ,.;:-/\t\n"


@dataclass
class Match:
    entries: list[Entry]
    start: int  # first token, type word included
    name_start: int
    end: int
    penalty: float


@dataclass
class Reading:
    form: str  # old | new
    commune: Match | None
    district: Match | None = None
    district_entry: Entry | None = None
    score: float = 0.0


def _type_before(
    folded: Sequence[str], start: int, types: dict[Key, frozenset[str]], lo: int
) -> tuple[frozenset[str] | None, int]:
    if start - 2 >= lo:
        kinds = types.get((folded[start - 2], folded[start - 1]))
        if kinds is not None:
            return kinds, start - 2
    if start - 1 >= lo:
        kinds = types.get((folded[start - 1],))
        if kinds is not None:
            return kinds, start - 1
    return None, start


def match_at(
    tokens: Sequence[Token],
    folded: Sequence[str],
    end: int,
    names: NameDict,
    types: dict[Key, frozenset[str]],
    lo: int = 0,
) -> Match | None:
    """The longest unit name ending at token `end`, with the type word before it if any."""
    if end <= lo:
        return None
    keys = names.by_last.get(folded[end - 1])
    if not keys:
        return None
    for key in keys:  # longest first
        size = len(key)
        start = end - size
        if start < lo or (size > 1 and tuple(folded[start:end]) != key):
            continue
        entries = names.names[key]
        type_kinds, type_start = _type_before(folded, start, types, lo)
        if type_kinds is None and key[-1].isdigit() and all(k.isdigit() for k in key):
            continue  # 'Phường 14' needs its type word; a bare 14 is a house number
        penalty = 0.0
        if type_kinds is not None:
            agreeing = [e for e in entries if e.kind in type_kinds]
            if agreeing:
                entries = agreeing
            else:
                penalty += TYPE_MISMATCH
        span = tokens[start:end]
        if any(t.accented for t in span):
            toned = tuple(t.toned for t in span)
            exact = [e for e in entries if e.toned == toned]
            if exact:
                entries = exact
            else:
                penalty += DIACRITIC_MISMATCH
        proper = [e for e in entries if not e.alias]
        if proper:
            entries = proper
        else:
            penalty += ALIAS_USED
        if len(entries) > 1:
            entries = list({e.id: e for e in entries}.values())
        return Match(entries, type_start, start, end, penalty)
    return None


_refs: dict[int, UnitRef] = {}


def _ref(entry: Entry) -> UnitRef:
    """The (immutable) reference to a unit; one object per unit, shared by all results."""
    ref = _refs.get(entry.id)
    if ref is None or ref.code != entry.code:
        ref = _refs[entry.id] = UnitRef(
            entry.code, entry.full_name, entry.level, entry.kind, entry.province_code
        )
    return ref


class AddressConverter:
    def __init__(self, index: AddressIndex):
        self.index = index
        self._codes_cache: dict[tuple[int, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._candidate_cache: dict[int, tuple[Candidate, ...]] = {}
        self._province_refs: dict[tuple[int, ...], tuple[UnitRef | None, UnitRef | None]] = {}

    # -- readings -----------------------------------------------------------------------------
    def _province(self, tokens: Sequence[Token], folded: Sequence[str], end: int) -> Match | None:
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

    def _readings(
        self, tokens: Sequence[Token], folded: Sequence[str], end: int, province: Match | None
    ) -> list[Reading]:
        index = self.index
        readings: list[Reading] = []
        if province:
            old_codes, new_codes = self._province_codes(province)
            districts = index.combined("districts", old_codes)
            new_communes = index.combined("new_communes", new_codes)
        else:
            districts, new_communes = index.districts, index.new_communes
        district = match_at(tokens, folded, end, districts, DISTRICT_TYPES)
        if district:
            found: list[tuple[Entry, Match]] = []
            for d in district.entries:
                commune = match_at(
                    tokens,
                    folded,
                    district.start,
                    index.old_communes_by_district[d.code],
                    COMMUNE_TYPES,
                )
                if commune:
                    found.append((d, commune))
            if found:
                d_entry, commune = found[0]
                if len(found) > 1:
                    commune = Match(
                        [e for _, m in found for e in m.entries],
                        min(m.start for _, m in found),
                        found[0][1].name_start,
                        found[0][1].end,
                        min(m.penalty for _, m in found),
                    )
                readings.append(Reading("old", commune, district, d_entry))
            else:
                only = district.entries[0] if len(district.entries) == 1 else None
                readings.append(Reading("old", None, district, only))
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
            reading.score = score + tie
        return readings

    # -- the conversion -----------------------------------------------------------------------
    def convert(
        self, text: str, *, lat: float | None = None, lon: float | None = None
    ) -> Conversion:
        text, tokens = tokenize(text)
        folded = [t.folded for t in tokens]
        end = len(tokens)
        for size in (2, 1):
            if end >= size and tuple(folded[end - size : end]) in COUNTRY:
                end -= size
                break
        province = self._province(tokens, folded, end)
        before_province = province.start if province else end
        readings = self._readings(tokens, folded, before_province, province)
        best = max(readings, key=lambda r: r.score, default=None)
        if (
            province
            and province.start != province.name_start
            and (best is None or not best.commune)
        ):
            # 'Huyện Sơn Tịnh, Quảng Ngãi': the word taken for 'tỉnh' ended the district's name
            alternative = self._readings(tokens, folded, province.name_start, province)
            other = max(alternative, key=lambda r: r.score, default=None)
            if other is not None and (best is None or other.score > best.score):
                best, readings = other, alternative
                province = Match(
                    province.entries,
                    province.name_start,
                    province.name_start,
                    province.end,
                    province.penalty,
                )

        result = Conversion(input=text, status="unrecognised", form="unknown", confidence=0.0)
        spans: list[tuple[int, int]] = []
        penalty = 0.0
        if province:
            spans.append((province.start, province.end))
            penalty += province.penalty
            self._set_province(result, province)
            result.understood.append(self._understood(text, tokens, province, "province"))
        if best is None or (best.commune is None and best.district is None):
            return self._finish_partial(result, text, tokens, spans, province is not None)

        if best.district:
            spans.append((best.district.start, best.district.end))
            penalty += best.district.penalty
            result.understood.append(self._understood(text, tokens, best.district, "district"))
            if best.district_entry is not None:
                result.old_district = _ref(best.district_entry)
                self._fill_old_province(result, best.district_entry)
        if best.commune is None:
            assert best.district is not None
            return self._district_only(result, text, tokens, spans, best, penalty)

        commune = best.commune
        spans.append((commune.start, commune.end))
        penalty += commune.penalty
        result.understood.append(self._understood(text, tokens, commune, "commune"))
        result.street = text[: tokens[commune.start].start].strip(_STRIP) if commune.start else ""
        if (
            commune.start == commune.name_start
            and commune.start
            and tokens[commune.start - 1].folded.isdigit()
        ):
            penalty += MAYBE_STREET
            result.messages.append(
                _("«%(name)s» đứng sau số nhà và không có chữ «phường/xã»: có thể là tên đường.")
                % {"name": text[tokens[commune.start].start : tokens[commune.end - 1].end]}
            )
        if province is None:
            penalty += PROVINCE_MISSING
        if best.form == "old" and best.district is None:
            penalty += DISTRICT_MISSING
        result.form = best.form
        if best.form == "new":
            self._new_form(result, commune, readings)
        else:
            self._old_form(result, commune)
        confidence = 1.0 - penalty
        if result.status == "ambiguous":
            confidence = min(confidence, 0.5) / max(1, len(commune.entries) - 1)
        result.confidence = round(max(0.0, min(1.0, confidence)), 2)
        result.not_understood = self._gaps(text, tokens, spans, end)
        if lat is not None and lon is not None:
            self._apply_point(result, lat, lon)
        return result

    def _set_province(self, result: Conversion, province: Match) -> None:
        key = tuple(e.id for e in province.entries)
        refs = self._province_refs.get(key)
        if refs is None:
            old = [e for e in province.entries if not e.post_reform]
            new = [e for e in province.entries if e.post_reform]
            current = {c.code: c for e in new for c, _ in self.index.current_successors(e.id)}
            if not current:
                current = {c.code: c for e in old for c, _ in self.index.current_successors(e.id)}
            refs = self._province_refs[key] = (
                _ref(old[0]) if len(old) == 1 else None,
                _ref(next(iter(current.values()))) if len(current) == 1 else None,
            )
        result.old_province, result.new_province = refs

    def _fill_old_province(self, result: Conversion, entry: Entry) -> None:
        pid = self.index.old_province_of.get(entry.province_code)
        if pid is not None:
            result.old_province = _ref(self.index.units[pid])
            if result.new_province is None:
                succ = self.index.current_successors(pid)
                if len(succ) == 1:
                    result.new_province = _ref(succ[0][0])

    def _province_ref(self, code: str) -> UnitRef:
        return _ref(self.index.units[self.index.current_province[code]])

    def _candidates(self, unit_id: int) -> list[Candidate]:
        """The units in force that took over an old unit, as candidates (memoised, immutable)."""
        cached = self._candidate_cache.get(unit_id)
        if cached is None:
            cached = self._candidate_cache[unit_id] = tuple(
                Candidate(_ref(s), self._province_ref(s.province_code), rel)
                for s, rel in self.index.current_successors(unit_id)
            )
        return list(cached)

    def _old_form(self, result: Conversion, commune: Match) -> None:
        entries = commune.entries
        new_codes = {c.commune.code for e in entries for c in self._candidates(e.id)}
        if len(entries) > 1 and len(new_codes) == 1:
            # 'Hoang Phu' may be Hoằng Phú or Hoằng Phụ, but both went to the same new commune
            result.status = "converted"
            result.candidates = self._candidates(entries[0].id)
            result.new_commune = result.candidates[0].commune
            result.new_province = result.candidates[0].province
            result.messages.append(
                _(
                    "Không xác định được đơn vị cũ (%(names)s) nhưng các đơn vị đó nay đều thuộc %(new)s."
                )
                % {"names": ", ".join(e.full_name for e in entries), "new": result.new_commune.name}
            )
            return
        if len(entries) > 1:
            result.status = "ambiguous"
            names = ", ".join(
                f"{e.full_name} ({self.index.units[self.index.old_district_of[e.district_code]].full_name})"
                for e in entries[:8]
                if e.district_code in self.index.old_district_of
            )
            advice = (
                _("Hãy ghi có dấu hoặc ghi rõ xã/phường/thị trấn.")
                if len({e.district_code for e in entries}) == 1
                else _("Hãy ghi thêm quận/huyện.")
            )
            result.messages.append(
                _("Có nhiều đơn vị cũ cùng tên: %(names)s.") % {"names": names} + " " + advice
            )
            seen: dict[str, Candidate] = {}
            for e in entries:
                for succ, relation in self.index.current_successors(e.id):
                    seen.setdefault(
                        succ.code,
                        Candidate(_ref(succ), self._province_ref(succ.province_code), relation),
                    )
            result.candidates = sorted(seen.values(), key=lambda c: c.commune.code)
            return
        entry = entries[0]
        result.old_commune = _ref(entry)
        district_id = self.index.old_district_of.get(entry.district_code)
        if district_id is not None and result.old_district is None:
            result.old_district = _ref(self.index.units[district_id])
        self._fill_old_province(result, entry)
        successors = self.index.current_successors(entry.id)
        result.candidates = self._candidates(entry.id)
        if not successors:
            result.status = "unmapped"
            result.messages.append(
                _(
                    "%(unit)s không có trong bảng chuyển đổi chính thức (đơn vị đã thay đổi trước 01/7/2025)."
                )
                % {"unit": entry.full_name}
            )
        elif len(successors) == 1:
            result.status = "converted"
            result.new_commune = result.candidates[0].commune
            result.new_province = result.candidates[0].province
        else:
            result.status = "split"
            result.new_province = self._common_province(result.candidates)
            result.messages.append(
                _(
                    "%(unit)s đã được chia cho %(n)d xã/phường mới; cần số nhà hoặc toạ độ để chọn đúng."
                )
                % {"unit": entry.full_name, "n": len(successors)}
            )

    @staticmethod
    def _common_province(candidates: list[Candidate]) -> UnitRef | None:
        provinces = {c.province.code: c.province for c in candidates}
        return next(iter(provinces.values())) if len(provinces) == 1 else None

    def _new_form(self, result: Conversion, commune: Match, readings: list[Reading]) -> None:
        current: dict[str, Entry] = {}
        for e in commune.entries:
            for succ, _rel in self.index.current_successors(e.id):
                current[succ.code] = succ
        if len(current) > 1:
            result.status = "ambiguous"
            result.candidates = [
                Candidate(_ref(c), self._province_ref(c.province_code), "whole")
                for c in sorted(current.values(), key=lambda c: c.code)
            ]
            result.messages.append(_("Có nhiều xã/phường cùng tên; hãy ghi thêm tỉnh/thành phố."))
            return
        unit = next(iter(current.values()))
        matched = commune.entries[0]
        result.new_commune = _ref(unit)
        result.new_province = self._province_ref(unit.province_code)
        result.candidates = [Candidate(result.new_commune, result.new_province, "whole")]
        result.status = "current"
        if not matched.in_force:
            result.status = "converted"
            result.messages.append(
                _("%(old)s nay là %(new)s.") % {"old": matched.full_name, "new": unit.full_name}
            )
        result.formed_from = [
            self._origin(e, rel) for e, rel in self.index.pre_reform_predecessors(unit.id)
        ]
        for other in readings:
            if other.form == "old" and other.commune and len(other.commune.entries) == 1:
                old = other.commune.entries[0]
                targets = {s.code for s, _ in self.index.current_successors(old.id)}
                if targets and targets != {unit.code}:
                    result.messages.append(
                        _("Lưu ý: cũng có %(old)s (cũ) cùng tên, nay thuộc %(codes)s.")
                        % {"old": old.full_name, "codes": ", ".join(sorted(targets))}
                    )

    def _origin(self, entry: Entry, relation: str) -> Origin:
        district = self.index.old_district_of.get(entry.district_code)
        province = self.index.old_province_of.get(entry.province_code)
        return Origin(
            _ref(entry),
            _ref(self.index.units[district]) if district is not None else None,
            _ref(self.index.units[province]) if province is not None else None,
            relation,
        )

    def _district_only(
        self,
        result: Conversion,
        text: str,
        tokens: Sequence[Token],
        spans: list[tuple[int, int]],
        reading: Reading,
        penalty: float,
    ) -> Conversion:
        result.status = "partial"
        result.form = "old"
        if reading.district_entry is not None:
            seen: dict[str, Candidate] = {}
            communes = self.index.old_communes_by_district[reading.district_entry.code].names
            for bucket in communes.values():
                for e in bucket:
                    for succ, _rel in self.index.current_successors(e.id):
                        seen.setdefault(
                            succ.code,
                            Candidate(_ref(succ), self._province_ref(succ.province_code), "part"),
                        )
            result.candidates = sorted(seen.values(), key=lambda c: c.commune.code)
            if len(result.candidates) == 1:
                result.status = "converted"
                result.new_commune = result.candidates[0].commune
        result.messages.append(_("Không nhận ra xã/phường; kết quả chỉ đến cấp quận/huyện cũ."))
        result.not_understood = text[: tokens[min(s for s, _ in spans)].start].strip(_STRIP)
        result.confidence = round(max(0.0, min(0.4, 1.0 - penalty)), 2)
        return result

    def _finish_partial(
        self,
        result: Conversion,
        text: str,
        tokens: Sequence[Token],
        spans: list[tuple[int, int]],
        has_province: bool,
    ) -> Conversion:
        if has_province:
            result.status = "partial"
            result.confidence = 0.2
            result.not_understood = text[: tokens[spans[0][0]].start].strip(_STRIP)
            result.messages.append(_("Chỉ nhận ra tỉnh/thành phố; không nhận ra xã/phường."))
        else:
            result.not_understood = text.strip(_STRIP)
            result.messages.append(_("Không nhận ra đơn vị hành chính nào trong địa chỉ."))
        return result

    @staticmethod
    def _understood(text: str, tokens: Sequence[Token], match: Match, role: str) -> dict[str, str]:
        entry = match.entries[0]
        return {
            "text": text[tokens[match.start].start : tokens[match.end - 1].end],
            "as": role,
            "unit": entry.full_name,
            "code": entry.code if len(match.entries) == 1 else "",
        }

    @staticmethod
    def _gaps(text: str, tokens: Sequence[Token], spans: list[tuple[int, int]], end: int) -> str:
        first = min(s for s, _ in spans)
        if sum(stop - start for start, stop in spans) == end - first:
            return ""  # the recognised parts are contiguous: nothing in between
        covered: set[int] = set()
        for start, stop in spans:
            covered.update(range(start, stop))
        gaps = [
            text[t.start : t.end]
            for i, t in enumerate(tokens[:end])
            if i >= first and i not in covered
        ]
        return " ".join(gaps)

    def _apply_point(self, result: Conversion, lat: float, lon: float) -> None:
        from haicap.units.locate import locator

        code = locator().locate(lat, lon)
        if not result.candidates:
            return
        result.candidates = [
            Candidate(c.commune, c.province, c.relation, c.commune.code == code)
            for c in result.candidates
        ]
        inside = [c for c in result.candidates if c.contains_point]
        if result.status == "split":
            if len(inside) == 1:
                result.status = "split_resolved"
                result.new_commune = inside[0].commune
                result.new_province = inside[0].province
            else:
                result.messages.append(
                    _(
                        "Toạ độ (%(lat)s, %(lon)s) không nằm trong xã/phường nào trong số các ứng viên."
                    )
                    % {"lat": lat, "lon": lon}
                )
        elif result.new_commune is not None and not inside:
            result.messages.append(
                _("Toạ độ (%(lat)s, %(lon)s) nằm ngoài %(unit)s; hãy kiểm tra lại địa chỉ.")
                % {"lat": lat, "lon": lon, "unit": result.new_commune.name}
            )


def convert_address(text: str, *, lat: float | None = None, lon: float | None = None) -> Conversion:
    """Convert one address; the index is built on first use and kept for the process."""
    return AddressConverter(address_index()).convert(text, lat=lat, lon=lon)
