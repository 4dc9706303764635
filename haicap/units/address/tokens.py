"""Splitting a free-text address into tokens that remember where they came from."""

from __future__ import annotations

import re
from functools import lru_cache

from haicap.core.text import fold, nfc, tone_key

_TOKEN = re.compile(r"\w+", re.UNICODE)
# 'Q1', 'P14', 'F7', 'P.14' (the dot already splits), 'TP.HCM' (likewise)
_GLUED_NUMBER = re.compile(r"^(p|q|f|x|h|tt|tx)(\d{1,2})$")


class Token:
    """One word of the address: folded ('ben'), toned ('bên1'), and where it sits in the text."""

    __slots__ = ("accented", "end", "folded", "start", "toned")

    def __init__(self, folded: str, toned: str, start: int, end: int, accented: bool):
        self.folded = folded
        self.toned = toned
        self.start = start
        self.end = end
        self.accented = accented


@lru_cache(maxsize=131072)
def _word(raw: str) -> tuple[tuple[str, str, int, bool], ...]:
    """What one raw word becomes: (folded, toned, offset of the piece, accented) per piece."""
    folded = fold(raw)
    glued = _GLUED_NUMBER.match(folded)
    if glued:
        letters = glued.group(1)
        number = str(int(glued.group(2)))
        return ((letters, letters + "0", 0, False), (number, number, len(letters), False))
    if folded.isdigit():
        number = str(int(folded))
        return ((number, number, 0, False),)
    return ((folded, tone_key(raw), 0, folded != raw.lower()),)


def tokenize(text: str) -> tuple[str, list[Token]]:
    """Return the NFC text and its tokens; numbers lose leading zeros ('Quận 01' == 'Quận 1')."""
    text = nfc(text)
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        if raw == "_":
            continue
        start, end = m.span()
        pieces = _word(raw)
        if len(pieces) == 1:
            folded, toned, _, accented = pieces[0]
            tokens.append(Token(folded, toned, start, end, accented))
        else:
            (f1, t1, _, a1), (f2, t2, cut, a2) = pieces
            tokens.append(Token(f1, t1, start, start + cut, a1))
            tokens.append(Token(f2, t2, start + cut, end, a2))
    return text, tokens
