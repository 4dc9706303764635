"""Old → new address conversion: parse free text in old or new form, never guess a split ward.

The parser reads right to left (province, then district, then commune), looks every name up in
the in-memory index, and compares the readings it can make (old form with a district, old form
without one, new form) by how much of the text each explains and how well the type words
(P., Q., Huyện, ...) and diacritics agree.  No network call, ever.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from haicap.units.address.index import COUNTRY, AddressIndex, address_index
from haicap.units.address.matching import Match
from haicap.units.address.outcome import STRIP, Outcome, _ref
from haicap.units.address.readings import Reader, Reading
from haicap.units.address.result import Conversion
from haicap.units.address.tokens import Token, tokenize

PROVINCE_MISSING = 0.1
DISTRICT_MISSING = 0.1
MAYBE_STREET = 0.3  # '12 Hàng Bài, Hoàn Kiếm': a ward name right after a house number


class AddressConverter:
    def __init__(self, index: AddressIndex):
        self.index = index
        self.reader = Reader(index)
        self.outcome = Outcome(index)

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
        province, best, readings = self._best_reading(tokens, folded, end)
        outcome = self.outcome
        result = Conversion(input=text, status="unrecognised", form="unknown", confidence=0.0)
        spans: list[tuple[int, int]] = []
        penalty = 0.0
        if province:
            spans.append((province.start, province.end))
            penalty += province.penalty
            outcome.set_province(result, province)
            result.understood.append(outcome.understood(text, tokens, province, "province"))
        if best is None or (best.commune is None and best.district is None):
            return outcome.finish_partial(result, text, tokens, spans, province is not None)

        if best.district:
            spans.append((best.district.start, best.district.end))
            penalty += best.district.penalty
            result.understood.append(outcome.understood(text, tokens, best.district, "district"))
            if best.district_entry is not None:
                result.old_district = _ref(best.district_entry)
                outcome.fill_old_province(result, best.district_entry)
        if best.commune is None:
            assert best.district is not None
            return outcome.district_only(result, text, tokens, spans, best, penalty)

        commune = best.commune
        spans.append((commune.start, commune.end))
        penalty += commune.penalty
        penalty += self._read_commune(result, text, tokens, commune)
        if province is None:
            penalty += PROVINCE_MISSING
        if best.form == "old" and best.district is None:
            penalty += DISTRICT_MISSING
        result.form = best.form
        if best.form == "new":
            outcome.new_form(result, commune, readings)
        else:
            outcome.old_form(result, commune)
        confidence = 1.0 - penalty
        if result.status == "ambiguous":
            confidence = min(confidence, 0.5) / max(1, len(commune.entries) - 1)
        result.confidence = round(max(0.0, min(1.0, confidence)), 2)
        result.not_understood = outcome.gaps(text, tokens, spans, end)
        if lat is not None and lon is not None:
            outcome.apply_point(result, lat, lon)
        return result

    def _best_reading(
        self, tokens: Sequence[Token], folded: Sequence[str], end: int
    ) -> tuple[Match | None, Reading | None, list[Reading]]:
        """The province the text ends with, the best reading of what comes before, and all the
        readings (the new form warns of an old namesake among them)."""
        province = self.reader.province(tokens, folded, end)
        before_province = province.start if province else end
        readings = self.reader.readings(tokens, folded, before_province, province)
        best = max(readings, key=lambda r: r.score, default=None)
        if (
            province
            and province.start != province.name_start
            and (best is None or not best.commune)
        ):
            # 'Huyện Sơn Tịnh, Quảng Ngãi': the word taken for 'tỉnh' ended the district's name
            alternative = self.reader.readings(tokens, folded, province.name_start, province)
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
        return province, best, readings

    def _read_commune(
        self, result: Conversion, text: str, tokens: Sequence[Token], commune: Match
    ) -> float:
        """The commune's part of the result (and the street before it); the penalty if the
        commune may be a street's name."""
        result.understood.append(self.outcome.understood(text, tokens, commune, "commune"))
        result.street = text[: tokens[commune.start].start].strip(STRIP) if commune.start else ""
        if (
            commune.start == commune.name_start
            and commune.start
            and tokens[commune.start - 1].folded.isdigit()
        ):
            result.messages.append(
                _("«%(name)s» đứng sau số nhà và không có chữ «phường/xã»: có thể là tên đường.")
                % {"name": text[tokens[commune.start].start : tokens[commune.end - 1].end]}
            )
            return MAYBE_STREET
        return 0.0


def convert_address(text: str, *, lat: float | None = None, lon: float | None = None) -> Conversion:
    """Convert one address; the index is built on first use and kept for the process."""
    return AddressConverter(address_index()).convert(text, lat=lat, lon=lon)
