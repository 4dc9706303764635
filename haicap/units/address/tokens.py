"""Splitting a free-text address into tokens that remember where they came from."""

from __future__ import annotations

import re

from haicap.core.text import fold, nfc, tone_key

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# 'Q1', 'P14', 'F7', 'P.14' (the dot already splits), 'TP.HCM' (likewise)
_GLUED_NUMBER = re.compile(r"^(p|q|f|x|h|tt|tx)(\d{1,2})$")


def _fold_table() -> dict[int, str]:
    """Each precomposed Latin letter to its lower-case ASCII base: folding keeps the length."""
    table: dict[int, str] = {}
    for code in (*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        folded = fold(chr(code))
        if len(folded) == 1 and folded.isascii() and folded.isalpha():
            table[code] = folded
    return table


_FOLD = _fold_table()


class Token:
    """One word of the address: folded ('ben'), where it sits, and whether it had diacritics."""

    __slots__ = ("accented", "end", "folded", "raw", "start")

    def __init__(self, folded: str, start: int, end: int, raw: str, accented: bool):
        self.folded = folded
        self.start = start
        self.end = end
        self.raw = raw
        self.accented = accented

    @property
    def toned(self) -> str:
        """The word with its tone as a digit ('bên1'), comparable whatever the tone placement."""
        if self.folded.isdigit():
            return self.folded
        return tone_key(self.raw) if self.accented else self.folded + "0"


def tokenize(text: str) -> tuple[str, list[Token]]:
    """Return the NFC text and its tokens; numbers lose leading zeros ('Quận 01' == 'Quận 1')."""
    text = nfc(text)
    folded_text = text.translate(_FOLD)
    tokens: list[Token] = []
    for m in _TOKEN.finditer(folded_text):
        word = m.group()
        start, end = m.span()
        if word.isdecimal():
            tokens.append(Token(str(int(word)), start, end, "", False))
        elif word[-1].isdecimal() and len(word) <= 4 and (glued := _GLUED_NUMBER.match(word)):
            cut = start + len(glued.group(1))
            tokens.append(Token(glued.group(1), start, cut, "", False))
            tokens.append(Token(str(int(glued.group(2))), cut, end, "", False))
        else:
            raw = text[start:end]
            tokens.append(Token(word, start, end, raw, not raw.isascii()))
    return text, tokens
