"""Fill an English .po file from a {msgid: msgstr} table (a maintainer's helper; see Makefile)."""

from __future__ import annotations

import re
import runpy
import sys
from pathlib import Path


def unquote(block: str) -> str:
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block)).replace('\\"', '"')


def quote(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def main(po_path: str, table_path: str) -> None:
    table = runpy.run_path(table_path)
    en: dict[str, str] = table["EN"]
    plural: tuple[str, ...] = table.get("PLURAL", ())
    text = Path(po_path).read_text(encoding="utf-8")
    missing = []

    def single(m: re.Match[str]) -> str:
        msgid = unquote(m.group(2))
        if not msgid:
            return m.group(0)
        if msgid not in en:
            missing.append(msgid)
            return m.group(0)
        return f"{m.group(1)}msgid {m.group(2)}msgstr {quote(en[msgid])}\n"

    text = re.sub(r'(^|\n)msgid ((?:"(?:[^"\\]|\\.)*"\s*)+)msgstr ""\n(?!")', single, text)
    if plural:
        filled = f"msgstr[0] {quote(plural[0])}\nmsgstr[1] {quote(plural[0])}"
        text = re.sub(r'msgstr\[0\] ""\nmsgstr\[1\] ""', filled, text)
    text = text.replace("#, fuzzy\n", "", 1)
    Path(po_path).write_text(text, encoding="utf-8")
    if missing:
        print("untranslated:", *missing, sep="\n  ")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
