"""THE WALK: every demo role (and the public anonymously), in Vietnamese and in English, visits
its main pages (its work page, the lists, one record page of each kind, the dashboards) at a
390 px phone and a 1,366 px desktop (and measures them at 1,920 px); each page is screenshotted
into var/screenshots/walk/ and the walk fails on horizontal overflow of the page, a navigation
bar that wraps, an HTTP status of 400 or more (the page or anything it loads), a console error,
untranslated text in English and raw codes (tests/browser/walk_checks.py). ADR 23.

One test per role and language, so that xdist spreads them; each reuses one signed-in context
and loads each page once, checking it at every width by resizing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest

from tests.browser import walk_checks
from tests.browser.conftest import SCREENSHOTS

PASSWORD = "haicap-demo-2025"
WIDTHS = (1366, 390)  # measured and screenshotted
WIDE = 1920  # measured only: a page that fits 1,366 px rarely breaks wider, a screenshot is slow
WALK_SHOTS = SCREENSHOTS / "walk"


@dataclass(frozen=True)
class Visit:
    path: str
    # a record page reached from this one: the first link matching the selector is visited too
    follow: str = ""


PUBLIC = [
    Visit("/"),
    Visit("/procedures/", follow="[data-testid=procedures] a[href^='/procedures/']"),
    Visit("/dich-vu-cong/"),
    Visit("/tra-cuu/"),
    Visit("/phan-anh/", follow="a[href^='/phan-anh/']:not([href*='gui'])"),
    Visit("/units/"),
    Visit("/units/p/79/", follow="a[href^='/units/c/']"),
    Visit("/units/old/province/79/", follow="[data-testid=province-districts] a"),
    Visit("/units/convert/"),
    Visit("/units/search/?q=ben+thanh"),
    Visit("/diem-tiep-nhan/"),
    Visit("/lich/"),
    Visit("/chi-so/cach-tinh/"),
    Visit("/login/"),
]

DOSSIER = "a[href^='/mot-cua/h/']"
REPORT = "a[href^='/mot-cua/phan-anh/'][href$='/']"

# username, the page the role lands on after signing in, then its main pages
ROLES: dict[str, tuple[str, list[Visit]]] = {
    "congdan": (
        "/ho-so-cua-toi/",
        [
            Visit("/ho-so-cua-toi/", follow="a[href^='/ho-so-cua-toi/']:not([href*='thong-tin'])"),
            Visit("/dich-vu-cong/", follow="a[href*='/nop/']"),
            Visit("/phan-anh/gui/"),
            Visit("/me/"),
        ],
    ),
    "motcua.benthanh": (
        "/mot-cua/",
        [
            Visit("/mot-cua/", follow=DOSSIER),
            Visit("/mot-cua/tiep-nhan/"),
            Visit("/mot-cua/?queue=receive"),
            Visit("/mot-cua/phan-anh/", follow=REPORT),
            Visit("/"),
        ],
    ),
    "xuly.benthanh": (
        "/mot-cua/?queue=process",
        [
            Visit("/mot-cua/?queue=process", follow=DOSSIER),
            Visit("/mot-cua/?queue=late"),
            Visit("/mot-cua/phan-anh/"),
        ],
    ),
    "lanhdao.benthanh": (
        "/chi-so/don-vi/26743/",
        [
            Visit("/chi-so/don-vi/26743/", follow="[data-testid=late-link]"),
            Visit("/mot-cua/?queue=late", follow=DOSSIER),
            Visit("/thu-phi/"),
            Visit("/audit/"),
        ],
    ),
    "ketoan.benthanh": (
        "/thu-phi/",
        [
            Visit("/thu-phi/", follow="a[href^='/thu-phi/giao-dich/']"),
            Visit("/thu-phi/nhap-sao-ke/"),
        ],
    ),
    "quantri.hcm": (
        "/procedures/cau-hinh/",
        [
            Visit("/procedures/cau-hinh/"),
            Visit("/diem-tiep-nhan/", follow="[data-testid=edit-point]"),
            Visit("/chi-so/tinh/79/"),
            Visit("/audit/"),
            Visit("/mot-cua/", follow=DOSSIER),
        ],
    ),
    "lanhdao.hcm": (
        "/chi-so/tinh/79/",
        [
            Visit("/chi-so/tinh/79/", follow="a[href^='/chi-so/don-vi/']"),
            Visit("/mot-cua/?queue=late"),
        ],
    ),
    "quantri.hethong": (
        "/he-thong/thong-bao/",
        [Visit("/he-thong/thong-bao/"), Visit("/audit/"), Visit("/mot-cua/")],
    ),
}

WALKERS = ["public", *ROLES]

# the page's width, and whether the visible links of the navigation bar sit on one line
# the text a reader meets, one piece per text node and per placeholder, aria-label, title and alt
# attribute (a data option, whose value is its own text,
# is left out: a procedure's field is the catalogue's, not ours)
TEXT = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, noscript, template')) continue;
    const option = parent.closest('option');
    if (option && (!option.hasAttribute('value') || option.value === option.text)) continue;
    const text = node.textContent.trim();
    if (text) out.push(text);
  }
  for (const el of document.body.querySelectorAll('[placeholder], [aria-label], [title], [alt]')) {
    for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
      const value = (el.getAttribute(name) || '').trim();
      if (value) out.push(value);
    }
  }
  return out.join('\\n');
}"""

MEASURE = """() => {
  const tops = [...document.querySelectorAll('.navlinks > li')]
    .filter((li) => li.offsetParent !== null).map((li) => li.offsetTop);
  return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
          navLines: new Set(tops).size, lang: document.documentElement.lang};
}"""


def sign_in(page: Any, username: str) -> str:
    """Sign in through the form; the path and query the browser landed on."""
    page.goto("/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    return "/" + page.url.split("://", 1)[1].split("/", 1)[1]


class Walk:
    """One walker's context: it records every problem and the pages it has seen."""

    def __init__(self, browser: Any, base_url: str, who: str, lang: str) -> None:
        self.who, self.lang = who, lang
        self.context = browser.new_context(base_url=base_url, locale="vi-VN")
        self.page = self.context.new_page()
        self.page.set_default_timeout(20_000)
        self.problems: list[str] = []
        self.seen: list[str] = []
        self.current = ""
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda err: self._problem(f"script error: {err}"))
        self.page.on("response", self._response)

    def _problem(self, text: str) -> None:
        self.problems.append(f"{self.who}/{self.lang} {self.current}: {text}")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self._problem(f"console error: {message.text}")

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self._problem(f"HTTP {response.status} for {response.url}")

    def sign_in(self, username: str, lands: str) -> None:
        self.current = "/login/"
        landed = sign_in(self.page, username)
        if landed != lands:
            self._problem(f"signing in landed on {landed}, not on the work page {lands}")

    def choose_language(self) -> None:
        """The site's own language selector (it posts to set_language and comes back)."""
        if self.lang == "vi":
            return
        if not self.seen and self.page.url == "about:blank":
            self.page.goto("/")
        with self.page.expect_navigation():
            self.page.select_option("select[name=language]", self.lang)

    def visit(self, visit: Visit) -> None:
        self._look(visit.path)
        if visit.follow:
            link = self.page.locator(visit.follow).first
            if not link.count():
                self._problem(f"no record page to follow ({visit.follow})")
                return
            self._look(link.get_attribute("href") or "")

    def _look(self, path: str) -> None:
        self.current = path
        response = self.page.goto(path, wait_until="load")
        if response is None:
            self._problem("no response")
            return
        self.seen.append(path)
        text = self.page.evaluate(TEXT)
        for width in (WIDE, *WIDTHS):
            self.page.set_viewport_size({"width": width, "height": 900})
            self.page.evaluate("() => new Promise((r) => requestAnimationFrame(() => r(null)))")
            self._check_layout(width)
            if width in WIDTHS:
                self.page.screenshot(path=str(self._shot(path, width)))
        if self.lang == "en":
            for found in walk_checks.untranslated(text):
                self._problem(f"untranslated: {found}")
        for found in walk_checks.raw_codes(text):
            self._problem(f"raw code: {found}")

    def _check_layout(self, width: int) -> None:
        m = self.page.evaluate(MEASURE)
        if m["scroll"] > m["inner"]:
            self._problem(f"{m['scroll']} px wide at {width} px: the page scrolls sideways")
        if m["navLines"] > 1:
            self._problem(f"the navigation bar wraps onto {m['navLines']} lines at {width} px")
        if m["lang"] != self.lang:
            self._problem(f"<html lang={m['lang']}> in the {self.lang} walk")

    def _shot(self, path: str, width: int) -> Any:
        slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
        WALK_SHOTS.mkdir(parents=True, exist_ok=True)
        return WALK_SHOTS / f"{self.who}-{self.lang}-{width}-{slug[:70]}.png"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("who", WALKERS)
def test_walk(browser, demo_server, who, lang):  # type: ignore[no-untyped-def]
    walk = Walk(browser, demo_server, who, lang)
    try:
        if who == "public":
            visits = PUBLIC
        else:
            lands, visits = ROLES[who]
            walk.sign_in(who, lands)
        walk.choose_language()
        for visit in visits:
            walk.visit(visit)
    finally:
        walk.context.close()
    # every listed page and every record page it leads to was seen
    assert len(walk.seen) == len(visits) + sum(1 for v in visits if v.follow), walk.problems
    assert not walk.problems, "\n".join(walk.problems)


def test_the_menu_holds_what_does_not_fit_and_opens(browser, demo_server):  # type: ignore[no-untyped-def]
    """On a phone the officer's bar keeps its first work pages and puts the rest in "Thêm";
    opening it shows them, a click outside closes it, and a link in it leads to its page."""
    context = browser.new_context(base_url=demo_server, locale="vi-VN")
    page = context.new_page()
    try:
        page.set_viewport_size({"width": 390, "height": 800})
        assert sign_in(page, "lanhdao.benthanh") == "/chi-so/don-vi/26743/"
        more = page.get_by_test_id("nav-more")
        assert more.is_visible() and more.inner_text() == "Thêm"
        audit = page.locator(".more-links a[href='/audit/']")
        assert audit.count() == 1 and not audit.is_visible()
        more.click()
        assert audit.is_visible()
        page.mouse.click(200, 600)  # outside the menu
        assert not audit.is_visible()
        more.click()
        with page.expect_navigation():
            audit.click()
        assert page.url.endswith("/audit/")
        page.set_viewport_size({"width": 1920, "height": 900})
        page.evaluate("() => new Promise((r) => requestAnimationFrame(() => r(null)))")
        assert page.locator(".navlinks a[href='/audit/']").is_visible()  # wide: back on the bar
    finally:
        context.close()
