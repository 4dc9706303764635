"""Filling a conversion's result from the reading chosen: the old and new units, the status
(converted, split, ambiguous, unmapped, ...), the candidates in force, and the messages that say
why; a point (lat, lon) settles a split ward.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from haicap.units.address.index import AddressIndex, Entry
from haicap.units.address.matching import Match
from haicap.units.address.readings import Reading
from haicap.units.address.result import Candidate, Conversion, Origin, UnitRef
from haicap.units.address.tokens import Token

STRIP = " ,.;:-/\t\n"

_refs: dict[int, UnitRef] = {}


def _ref(entry: Entry) -> UnitRef:
    """The (immutable) reference to a unit; one object per unit, shared by all results."""
    ref = _refs.get(entry.id)
    if ref is None or ref.code != entry.code:
        ref = _refs[entry.id] = UnitRef(
            entry.code, entry.full_name, entry.level, entry.kind, entry.province_code
        )
    return ref


class Outcome:
    def __init__(self, index: AddressIndex):
        self.index = index
        self._candidate_cache: dict[int, tuple[Candidate, ...]] = {}
        self._province_refs: dict[tuple[int, ...], tuple[UnitRef | None, UnitRef | None]] = {}

    def set_province(self, result: Conversion, province: Match) -> None:
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

    def fill_old_province(self, result: Conversion, entry: Entry) -> None:
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

    def old_form(self, result: Conversion, commune: Match) -> None:
        entries = commune.entries
        new_codes = {c.commune.code for e in entries for c in self._candidates(e.id)}
        if len(entries) > 1 and len(new_codes) == 1:
            self._old_namesakes_merged(result, entries)
        elif len(entries) > 1:
            self._old_ambiguous(result, entries)
        else:
            self._old_one(result, entries[0])

    def _old_namesakes_merged(self, result: Conversion, entries: list[Entry]) -> None:
        """'Hoang Phu' may be Hoằng Phú or Hoằng Phụ, but both went to the same new commune."""
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

    def _old_ambiguous(self, result: Conversion, entries: list[Entry]) -> None:
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

    def _old_one(self, result: Conversion, entry: Entry) -> None:
        result.old_commune = _ref(entry)
        district_id = self.index.old_district_of.get(entry.district_code)
        if district_id is not None and result.old_district is None:
            result.old_district = _ref(self.index.units[district_id])
        self.fill_old_province(result, entry)
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

    def new_form(self, result: Conversion, commune: Match, readings: list[Reading]) -> None:
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
                targets = {s.code: s.full_name for s, _ in self.index.current_successors(old.id)}
                if targets and set(targets) != {unit.code}:
                    # names, never codes, in front of the counter officer (ADR 0020)
                    result.messages.append(
                        _("Lưu ý: cũng có %(old)s (cũ) cùng tên, nay thuộc %(names)s.")
                        % {"old": old.full_name, "names": ", ".join(sorted(targets.values()))}
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

    def district_only(
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
        result.not_understood = text[: tokens[min(s for s, _ in spans)].start].strip(STRIP)
        result.confidence = round(max(0.0, min(0.4, 1.0 - penalty)), 2)
        return result

    def finish_partial(
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
            result.not_understood = text[: tokens[spans[0][0]].start].strip(STRIP)
            result.messages.append(_("Chỉ nhận ra tỉnh/thành phố; không nhận ra xã/phường."))
        else:
            result.not_understood = text.strip(STRIP)
            result.messages.append(_("Không nhận ra đơn vị hành chính nào trong địa chỉ."))
        return result

    @staticmethod
    def understood(text: str, tokens: Sequence[Token], match: Match, role: str) -> dict[str, str]:
        entry = match.entries[0]
        return {
            "text": text[tokens[match.start].start : tokens[match.end - 1].end],
            "as": role,
            "unit": entry.full_name,
            "code": entry.code if len(match.entries) == 1 else "",
        }

    @staticmethod
    def gaps(text: str, tokens: Sequence[Token], spans: list[tuple[int, int]], end: int) -> str:
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

    def apply_point(self, result: Conversion, lat: float, lon: float) -> None:
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
