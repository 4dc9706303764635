"""Find Vietnamese text shown to people that bypasses the translation catalogue (ADR 19).

`template_findings()` reads every template: a text node or a title/placeholder/aria-label/alt
attribute with Vietnamese letters outside `{% translate %}`/`{% blocktranslate %}` is a finding.
`python_findings()` parses every module: a string literal with Vietnamese letters that is not an
argument of a gettext function is a finding, except docstrings, the API's documentation
(`summary=`, `description=`), stored record text (`note=`, a `Step(...)` note), log lines and
the exemptions below, each with its reason. Tests (haicap/core/tests/test_language.py) fail on
any finding; a module made complete leaves the list, and none is added to it without a reason.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # haicap/
VIETNAMESE = re.compile(
    r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I
)
GETTEXT = {
    "_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy",
    "npgettext", "gettext_noop", "_lazy",
}
# keyword arguments whose text is not UI: the OpenAPI documentation, stored record text
NOT_UI_KEYWORDS = {"summary", "description", "note", "help"}
# calls whose text is not UI: log lines, stored history notes
NOT_UI_CALLS = {
    "debug", "info", "warning", "error", "exception", "critical", "Step", "say", "progress",
}
# a line may say why its Vietnamese is not UI text: stored record text, words looked for
MARKER = "# vi-only:"

# Vietnamese on purpose, each with its reason (paths under haicap/, fnmatch patterns)
EXEMPT_TEMPLATES = {
    "dossiers/templates/dossiers/forms/*": "official forms 01–07 (Circular 01/2018): Vietnamese by law",
    "payments/templates/payments/receipt.html": "the fee receipt: an official paper, Vietnamese by law",
    "notifications/templates/notifications/demo_result.html": "a result paper: official, Vietnamese",
}
EXEMPT_MODULES = {
    "*/en.py": "the English tables themselves",
    "locale/*": "the catalogue",
    "*/migrations/*": "history of the schema",
    "*/tests/*": "tests",
    "*/management/commands/*": "the operator's console output, in the source language",
    "*demo*.py": "demo data written into the database",
    "simulate/*": "the simulator's generated data (names, reasons, notes)",
    "procedures/parsing.py": "patterns that read the national catalogue's Vietnamese text",
    "procedures/requirements_parse.py": "patterns that read the national catalogue's text",
    "units/address/*": "patterns and words that read Vietnamese addresses",
    "units/loading.py": "the reference data's Vietnamese level names, parsed",
    "procedures/settings_sheet.py": "the settings sheet's Vietnamese column headings: a file format",
    "dossiers/paperwork.py": "official forms 01–07: Vietnamese by law",
    "payments/receipt.py": "the fee receipt and its amount in words: Vietnamese by law",
    "payments/statements.py": "patterns that read Vietnamese bank statements",
    "dossiers/eforms.py": "declaration forms (tờ khai) of the civil-status law: Vietnamese by law",
    "feedback/defaults.py": "the default categories, data written into the database",
    "notifications/*": "texts sent to citizens' phones and mailboxes, in Vietnamese",
    "metrics/exports.py": "sheets kept as the province's records, Vietnamese headings",
    "core/text.py": "the table that folds Vietnamese letters for search",
    "core/pdf.py": "the national motto heading official papers: Vietnamese by law",
    "core/dateline.py": "the date line of official papers (Decree 30/2020): Vietnamese by law",
    "core/outage.py": "the 503 page, bilingual by design: it renders without the catalogue's view",
    "core/language_scan.py": "this scanner's own letters and reasons",
}


@dataclass(frozen=True)
class Finding:
    path: str  # under haicap/
    line: int
    text: str

    def __str__(self) -> str:
        return f"haicap/{self.path}:{self.line}: {self.text[:90]!r}"


def _exempt(rel: str, table: dict[str, str]) -> bool:
    return any(fnmatch(rel, pattern) for pattern in table)


# ---- templates ------------------------------------------------------------------------------

_TEMPLATE_STRIP = [
    re.compile(r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}", re.S),
    re.compile(r"\{%\s*blocktrans(?:late)?\b.*?\{%\s*endblocktrans(?:late)?\s*%\}", re.S),
    re.compile(r"\{#.*?#\}", re.S),
    re.compile(r"\{%\s*trans(?:late)?\s+(?:\"[^\"]*\"|'[^']*')[^%]*%\}", re.S),
    re.compile(r"_\((?:\"[^\"]*\"|'[^']*')\)"),
]


def template_findings(root: Path = ROOT) -> list[Finding]:
    found = []
    for path in sorted(root.rglob("templates/**/*.html")):
        rel = str(path.relative_to(root))
        if _exempt(rel, EXEMPT_TEMPLATES):
            continue
        text = path.read_text(encoding="utf-8")
        marked = {n for n, line in enumerate(text.split("\n"), 1) if "{# vi-only:" in line}
        for pattern in _TEMPLATE_STRIP:  # keep the line numbers
            text = pattern.sub(lambda m: "\n" * m.group(0).count("\n"), text)
        for number, line in enumerate(text.split("\n"), 1):
            if VIETNAMESE.search(line) and number not in marked:
                found.append(Finding(rel, number, line.strip()))
    return found


# ---- Python ---------------------------------------------------------------------------------


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _covered(tree: ast.AST) -> set[int]:
    """The ids of the nodes whose strings are not UI text or are translated."""
    covered: set[int] = set()

    def cover(node: ast.AST) -> None:
        covered.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in GETTEXT or name in NOT_UI_CALLS:
                cover(node)
            for keyword in node.keywords:
                if keyword.arg in NOT_UI_KEYWORDS:
                    cover(keyword.value)
        body = getattr(node, "body", None)
        if (
            isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
        ):
            covered.add(id(body[0].value))  # a docstring
    return covered


def python_findings(root: Path = ROOT) -> list[Finding]:
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = str(path.relative_to(root))
        if _exempt(rel, EXEMPT_MODULES):
            continue
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source, filename=str(path))
        covered = _covered(tree)
        lines = source.split("\n")
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in covered
                and VIETNAMESE.search(node.value)
                and not any(
                    MARKER in lines[n - 1] for n in range(node.lineno, (node.end_lineno or 0) + 1)
                )
            ):
                found.append(Finding(rel, node.lineno, node.value))
    return sorted(found, key=lambda f: (f.path, f.line))
