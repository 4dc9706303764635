"""What a walk through the pages looks for in the text a reader meets (ADR 19):

- `untranslated(texts, catalogue)`: on an English page, a piece of text (a line, a table cell,
  a label or a placeholder) that is one of the catalogue's Vietnamese msgids as it was, i.e. a
  label, tab, status or message from our templates or code that reached the reader untranslated
  (data such as a ward's or a procedure's name is no msgid and passes);
- `raw_codes(texts)`: internal codes shown to people: `snake_case` actions and states, unit
  level codes (`commune`, `province,ministry`), an enum value in brackets (`(original)`), a model
  label with a primary key (`dossiers.dossier 15029`), a repr (`Settings(offered=True…`), and a
  change written in codes (`9 → 10`, `accepted → answered`).

Both take the page's pieces (`pieces(innerText)`, or `html_texts(html)` for a page fetched with
Django's test client) or the innerText itself. `catalogue` is the set of msgids (`msgids()`,
read from the compiled .mo, by default); the browser walk (test_walk.py) and the client walk
(haicap/core/tests/test_language.py) both call these two.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Collection, Iterable
from functools import cache
from html.parser import HTMLParser

from tests.conftest import ROOT

CATALOGUE = ROOT / "haicap" / "locale" / "en" / "LC_MESSAGES" / "django.mo"
VIETNAMESE = re.compile(
    r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I
)

APPS = sorted({"auth", *(p.parent.name for p in (ROOT / "haicap").glob("*/apps.py"))})
LEVEL = r"(?:commune|province|ministry|district|national|point)"
KINDS = r"(?:original|certified|copy|present|working_days)"
RAW = [
    re.compile(rf"^{LEVEL}(?:,{LEVEL})*$"),  # a level code in a cell
    re.compile(r"^[a-z]+(?:_[a-z]+)+$"),  # an action or state code
    re.compile(rf"\({KINDS}\)"),  # an enum value in brackets: "Tờ khai (original)"
    re.compile(rf"\b(?:{'|'.join(APPS)})\.[a-z]+ \d+\b"),  # app_label.model pk
    re.compile(r"\b[A-Z][A-Za-z]+\((?:[a-z_]+=)"),  # a repr: Settings(offered=True…
    re.compile(r"^[a-z]+(?:_[a-z]+)* → [a-z]+(?:_[a-z]+)*$"),  # accepted → answered
    re.compile(r"^\d{1,2} → \d{1,2}$"),  # status numbers: 9 → 10
]

# msgids that are also data shown as it is: a field (lĩnh vực) of the national catalogue is
# named like one of our form labels; a checklist item of the catalogue (a received paper, an
# upload slot) is named like the e-form's title
ALSO_DATA = frozenset({"Quốc tịch", "Tờ khai đăng ký khai sinh", "Tờ khai đăng ký khai tử"})

ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
SKIPPED = {"script", "style", "template", "noscript"}
BLOCKS = {
    "p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "dt", "dd", "label", "option",
    "button", "a", "span", "small", "strong", "em", "legend", "caption", "summary", "section",
    "header", "footer", "nav", "main", "ul", "ol", "table", "form", "br", "title",
}


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.skip = 0
        self.current: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.pieces.append(text)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skip += 1
        if tag in BLOCKS:
            self._flush()
        for name, value in attrs:
            if name in ATTRIBUTES and value and value.strip():
                self.pieces.append(" ".join(value.split()))

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skip = max(0, self.skip - 1)
        if tag in BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.current.append(data)


def html_texts(html: str) -> list[str]:
    """The pieces of a page's HTML a reader meets: each element's own text, and the title,
    placeholder, aria-label and alt attributes (for pages fetched with the test client)."""
    parser = _Texts()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.pieces


def pieces(text: str) -> list[str]:
    """The page's innerText as the reader meets it: a line, a table cell, a label, trimmed."""
    out = []
    for line in text.splitlines():
        for cell in line.split("\t"):
            piece = cell.strip().rstrip(":").strip()
            if piece:
                out.append(piece)
    return out


def _pieces(texts: str | Iterable[str]) -> list[str]:
    if isinstance(texts, str):
        return pieces(texts)
    return [p for t in texts for p in pieces(t)]


@cache
def msgids() -> frozenset[str]:
    """The Vietnamese source strings of the catalogue (those with placeholders excluded), less
    those whose English is the same text (a name, an abbreviation)."""
    with open(CATALOGUE, "rb") as f:
        catalog = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
    found = set()
    for key, value in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        msgid = msgid.split("\x04", 1)[-1]  # a context
        if not msgid or "%" in msgid or "{" in msgid or not VIETNAMESE.search(msgid):
            continue
        if value == msgid:
            continue
        found.add(msgid.strip().rstrip(":").strip())
    return frozenset(found - ALSO_DATA)


def untranslated(
    texts: str | Iterable[str], catalogue: Collection[str] | str | None = None
) -> list[str]:
    """The pieces of an English page that are Vietnamese msgids of the catalogue, as they were.
    (A str as the second argument is the page's HTML, which the check does not need.)"""
    known = msgids() if catalogue is None or isinstance(catalogue, str) else catalogue
    return sorted({piece for piece in _pieces(texts) if piece in known})


def raw_codes(texts: str | Iterable[str]) -> list[str]:
    """The pieces of a page that show an internal code instead of words."""
    return sorted({p for p in _pieces(texts) if any(r.search(p) for r in RAW)})
