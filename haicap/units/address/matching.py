"""Matching unit names against the tokens of an address, right to left: the longest name that
ends at a token, the type word before it (P., Q., Huyện, ...), and how far the words and their
diacritics agree with what was found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from haicap.units.address.index import Entry, Key, NameDict
from haicap.units.address.tokens import Token

TYPE_MISMATCH = 0.15
DIACRITIC_MISMATCH = 0.15
ALIAS_USED = 0.1


@dataclass
class Match:
    entries: list[Entry]
    start: int  # first token, type word included
    name_start: int
    end: int
    penalty: float


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
