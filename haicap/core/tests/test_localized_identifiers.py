"""With USE_THOUSAND_SEPARATOR a bare ``{{ n }}`` prints 1.500: right on a card, wrong in a URL, a
form's value or a data attribute (``?page=1.500``, ``?year=2.026``). Identifiers are written
with ``|unlocalize`` (ADR 17); these tests fail when a template forgets it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import translation

import haicap

ATTRIBUTE = re.compile(r'\s([a-zA-Z][\w:-]*)="([^"]*\{\{[^"]*)"')
VARIABLE = re.compile(r"\{\{\s*([^}|\s]+)((?:\|[^}\s]+)*)\s*\}\}")
# Names of values that are (or may be) numbers: what a template must not print localized.
NUMERIC = re.compile(
    r"(?:^|[._])(pk|id|year|page_number|number|num_pages|count|n|total|size|lat|lon|value|days"
    r"|amount_vnd|fee_vnd|time_value|sets|copies|originals|certified|score|points)$"
)
SAFE = ("unlocalize", "stringformat", "date", "plain", "urlencode")
WORDS = {"title", "aria-label", "alt", "placeholder"}  # read by people: localized is right
TEXT = {  # (template, variable): text, not a number, whatever its name says
    ("dossiers/portal_submit.html", "data.applicant_id_number"),  # a citizen ID: a string
    ("dossiers/receive.html", "data.applicant_id_number"),
    ("dossiers/portal_submit.html", "value"),  # what the citizen typed, sent back as text
    ("feedback/new.html", "data.lat"),  # request.POST: strings
    ("feedback/new.html", "data.lon"),
    ("core/login.html", "form.username.value"),
    ("core/field_errors.html", "id"),  # core.fielderrors.error_id: "err-<field>"
}


def _templates() -> list[tuple[str, str]]:
    root = Path(haicap.__file__).parent
    found = []
    for path in sorted(root.rglob("templates/**/*.html")):
        parts = path.relative_to(root).parts
        name = "/".join(parts[parts.index("templates") + 1 :])
        found.append((name, path.read_text(encoding="utf-8")))
    return found


def test_no_template_writes_a_number_into_an_attribute_without_unlocalize() -> None:
    templates = _templates()
    assert len(templates) > 50
    bare = []
    for name, text in templates:
        for attribute in ATTRIBUTE.finditer(text):
            if attribute.group(1) in WORDS:
                continue
            for variable in VARIABLE.finditer(attribute.group(2)):
                expression, filters = variable.group(1), variable.group(2)
                if any(f"|{safe}" in filters for safe in SAFE) or (name, expression) in TEXT:
                    continue
                if NUMERIC.search(expression):
                    bare.append(f"{name}: {attribute.group(1)}=…{variable.group(0)}")
    assert not bare, "write these with |unlocalize:\n" + "\n".join(bare)


def test_the_scan_catches_a_bare_page_number() -> None:
    text = '<a href="?page={{ page.next_page_number }}">'
    attribute = ATTRIBUTE.search(text)
    assert attribute is not None
    variable = VARIABLE.search(attribute.group(2))
    assert variable is not None and NUMERIC.search(variable.group(1))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_pager_links_to_page_1501_not_1_501(language: str) -> None:
    page = Paginator(range(3000), 1).page(1500)
    request = RequestFactory().get("/", {"q": "mai", "page": "1500"})
    with translation.override(language):
        html = render_to_string("core/_pager.html", {"page": page, "request": request})
    assert "page=1499" in html and "page=1501" in html
    sep = "." if language == "vi" else ","
    words = re.search(r"<span>(.*)</span>", html)
    assert words and f"1{sep}500" in words[1] and f"3{sep}000" in words[1]  # quantities: localized
    assert not re.search(r"page=\d{1,3}[.,]\d{3}", html)


@pytest.mark.django_db
def test_the_calendar_links_to_its_years_as_numbers(make_user) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(make_user("canbo"))
    response = client.get("/lich/", {"year": "2026"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "?year=2025" in html and "?year=2027" in html and "Lịch làm việc 2026" in html
    assert "2.026" not in html and "2.025" not in html
