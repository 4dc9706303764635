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


def unfuzzy(block: str) -> str:
    """msgmerge guesses a translation from a similar old msgid and marks it fuzzy; such guesses
    are wrong ("Đang xử lý" got "Processing officer"). Drop the guess, so that the table fills it
    or it is reported untranslated; the header's fuzzy flag just goes."""
    lines = block.split("\n")
    if not any(line.startswith("#,") and "fuzzy" in line for line in lines):
        return block
    kept = []
    for line in lines:
        if line.startswith("#|"):
            continue
        if line.startswith("#,"):
            flags = [f.strip() for f in line[2:].split(",") if f.strip() != "fuzzy"]
            if flags:
                kept.append("#, " + ", ".join(flags))
            continue
        kept.append(line)
    text = "\n".join(kept)
    if 'msgid ""\nmsgstr ""\n"' in text and text.lstrip().startswith(("msgid", "#")) and '"Project-Id' in text:
        return text  # the header
    text = re.sub(r'\nmsgstr ((?:"(?:[^"\\]|\\.)*"\n?)+)$', '\nmsgstr ""', text.rstrip("\n"))
    text = re.sub(r'\nmsgstr\[(\d)\] "(?:[^"\\]|\\.)*"', lambda m: f'\nmsgstr[{m.group(1)}] ""', text)
    return text + ("\n" if block.endswith("\n") else "")


def tables(table_path: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """The platform's table plus each app's own `haicap/<app>/en.py` (EN, optional PLURAL), so
    that modules built side by side do not edit one file; a msgid given two translations stops."""
    table = runpy.run_path(table_path)
    en: dict[str, str] = dict(table["EN"])
    plural: tuple[str, ...] = tuple(table.get("PLURAL", ()))
    for app_table in sorted(Path(table_path).resolve().parent.parent.glob("*/en.py")):
        more = runpy.run_path(str(app_table))
        for msgid, msgstr in more["EN"].items():
            if en.get(msgid, msgstr) != msgstr:
                sys.exit(f"{app_table}: {msgid!r} is translated differently elsewhere")
            en[msgid] = msgstr
        plural += tuple(more.get("PLURAL", ()))
    return en, plural


def main(po_path: str, table_path: str) -> None:
    en, plural = tables(table_path)
    text = Path(po_path).read_text(encoding="utf-8")
    missing = []

    def single(m: re.Match[str]) -> str:
        msgid = unquote(m.group(2))
        if not msgid:
            return m.group(0)
        if msgid not in en:  # the table is the only source: no translation left from before
            missing.append(msgid)
            return f'{m.group(1)}msgid {m.group(2)}msgstr ""\n'
        return f"{m.group(1)}msgid {m.group(2)}msgstr {quote(en[msgid])}\n"

    text = "\n\n".join(unfuzzy(block) for block in text.split("\n\n"))
    text = re.sub(r'(^|\n)msgid ((?:"(?:[^"\\]|\\.)*"\s*)+)msgstr (?:"(?:[^"\\]|\\.)*"\n)+', single, text)
    if plural:
        filled = f"msgstr[0] {quote(plural[0])}\nmsgstr[1] {quote(plural[0])}"
        text = re.sub(r'msgstr\[0\] ""\nmsgstr\[1\] ""', filled, text)
    Path(po_path).write_text(text, encoding="utf-8")
    if missing:
        print("untranslated:", *missing, sep="\n  ")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
