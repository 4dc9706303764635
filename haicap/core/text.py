"""Vietnamese text folding: NFC, case, diacritics and tone-mark placement, for matching and search."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONE_MARKS = {
    "\u0300": "2",  # huyền (grave)
    "\u0301": "1",  # sắc (acute)
    "\u0303": "4",  # ngã (tilde)
    "\u0309": "3",  # hỏi (hook)
    "\u0323": "5",  # nặng (dot below)
}
_FOLD_TABLE = str.maketrans({"đ": "d", "Đ": "d"})
_WORD = re.compile(r"\w+", re.UNICODE)


def nfc(text: str) -> str:
    """Canonical composed form; input may come NFD from macOS or copy-pasted PDFs."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII form without diacritics: 'Phường Bến Thành' -> 'phuong ben thanh'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_TABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower()


@lru_cache(maxsize=65536)
def tone_key(word: str) -> str:
    """A key for one syllable that ignores where the tone mark sits ('hoà' == 'hòa').

    The vowel shapes (â, ă, ơ, ư, ê, ô, đ) stay on their letters; the tone becomes one digit at
    the end, so the two spelling conventions for tone placement meet while 'hoa' and 'hòa' differ.
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    tone = "0"
    kept = []
    for ch in decomposed:
        if ch in _TONE_MARKS:
            tone = _TONE_MARKS[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)) + tone


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def search_key(text: str) -> str:
    """Folded text with single spaces, for accent-insensitive search columns."""
    return " ".join(words(fold(nfc(text))))
