"""The payment reference a citizen types into a bank transfer's memo: `HP` and 8 characters,
e.g. `HPK7M3QX9R`, the last one a check character.

The alphabet has 29 characters (no 0/O, 1/I/L, 2/Z confusion, no U read as V: 22 letters and the
digits 3–9), a prime number, so that the weighted check catches every single wrong character and
every swap of two neighbours. The 7-character body is the dossier's id through a fixed
permutation of 29**7 (≈ 17 billion) numbers: every dossier has one, without a column or a
collision, and consecutive dossiers get unrelated references (a typo does not land on the
neighbour). A reference is not a secret: it says which dossier a transfer pays, nothing more.
"""

from __future__ import annotations

import re
from functools import lru_cache

from haicap.core.text import fold

ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ3456789"
BASE = len(ALPHABET)
BODY = 7
PREFIX = "HP"
SPACE = BASE**BODY
_MULTIPLIER = 7_919_000_017  # not a multiple of 29: a bijection of range(SPACE)
_OFFSET = 4_242_424_242
_INVERSE = pow(_MULTIPLIER, -1, SPACE)
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
LENGTH = len(PREFIX) + BODY + 1
_CANDIDATE = re.compile(PREFIX + f"[{ALPHABET}]{{{BODY + 1}}}")

assert BASE == 29 and len(set(ALPHABET)) == BASE


def check_char(body: str) -> str:
    """The character that makes sum((position) * value) over body and check a multiple of 29
    (positions from 1: the check's own weight is 8, so a swap with it is caught too)."""
    total = sum((i + 1) * _VALUE[ch] for i, ch in enumerate(body))
    return ALPHABET[(-total * pow(BODY + 1, -1, BASE)) % BASE]


def reference_for(dossier_id: int) -> str:
    """The payment reference of the dossier with this primary key."""
    if not 0 < dossier_id < SPACE:
        raise ValueError("dossier id out of the reference space")
    number = (dossier_id * _MULTIPLIER + _OFFSET) % SPACE
    digits = []
    for _ in range(BODY):
        number, digit = divmod(number, BASE)
        digits.append(ALPHABET[digit])
    body = "".join(reversed(digits))
    return PREFIX + body + check_char(body)


def dossier_id_of(reference: str) -> int | None:
    """The dossier id a well-formed reference names; None if it is not one (bad check)."""
    ref = reference.strip().upper()
    if len(ref) != LENGTH or not ref.startswith(PREFIX):
        return None
    body, check = ref[len(PREFIX) : -1], ref[-1]
    if any(ch not in _VALUE for ch in body) or check != check_char(body):
        return None
    number = 0
    for ch in body:
        number = number * BASE + _VALUE[ch]
    dossier_id = ((number - _OFFSET) * _INVERSE) % SPACE
    return dossier_id or None


def references_in(memo: str) -> list[str]:
    """The valid references found in a bank memo, in order, each once.

    Banks upper-case memos, drop diacritics and punctuation, and some join words: the memo is
    folded and stripped of everything but letters and digits, then every window that starts
    with the prefix and passes the check is a reference. A reference typed with spaces or
    dashes (`HP K7M3 QX9R`) is found the same."""
    return list(_references(memo))


@lru_cache(maxsize=65536)  # the import reads each memo twice: to look up, then to decide
def _references(memo: str) -> tuple[str, ...]:
    squeezed = re.sub(r"[^A-Z0-9]", "", fold(memo).upper())
    found: list[str] = []
    start = squeezed.find(PREFIX)
    while start != -1:
        window = squeezed[start : start + LENGTH]
        if _CANDIDATE.fullmatch(window) and dossier_id_of(window) and window not in found:
            found.append(window)
        start = squeezed.find(PREFIX, start + 1)
    return tuple(found)
