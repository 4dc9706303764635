"""Splitting a free-text address into tokens that remember where they came from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from haicap.core.text import fold, nfc, tone_key

_TOKEN = re.compile(r"\w+", re.UNICODE)
# 'Q1', 'P14', 'F7', 'P.14' (the dot already splits), 'TP.HCM' (likewise)
_GLUED_NUMBER = re.compile(r"^(p|q|f|x|h|tt|tx)(\d{1,2})$")


@dataclass(frozen=True, slots=True)
class Token:
    folded: str  # 'ben'
    toned: str  # 'bến' with the tone as a digit: 'bên1'
    start: int
    end: int
    accented: bool  # the writer used diacritics on this token


def tokenize(text: str) -> tuple[str, list[Token]]:
    """Return the NFC text and its tokens; numbers lose leading zeros ('Quận 01' == 'Quận 1')."""
    text = nfc(text)
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        if raw == "_":
            continue
        folded = fold(raw)
        glued = _GLUED_NUMBER.match(folded)
        if glued:
            cut = m.start() + len(glued.group(1))
            tokens.append(Token(glued.group(1), glued.group(1) + "0", m.start(), cut, False))
            number = str(int(glued.group(2)))
            tokens.append(Token(number, number, cut, m.end(), False))
            continue
        if folded.isdigit():
            folded = str(int(folded))
            tokens.append(Token(folded, folded, m.start(), m.end(), False))
            continue
        tokens.append(Token(folded, tone_key(raw), m.start(), m.end(), folded != raw.lower()))
    return text, tokens
