"""The site in a real browser (Debian's Chromium via Playwright), served on 127.0.0.1
under a sub-path (``/course/``), as it would be on a shared host.

Records every request and console message: any request to a host other than the local
server fails the test, so does any request that fails (a root-absolute link escapes the
sub-path and fails here) and any console error. Screenshots at 1280 and 390 px are kept
in ``tmp/artefacts/`` (gitignored). Without Chromium the tests are skipped with
instructions, except under CI (CI=true), where a missing browser is a failure.
"""
import functools
import http.server
import os
import re
import shutil
import socket
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from coursekit import catalog
from tests import search_terms
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
PREFIX = "/course"
ARTEFACTS = ROOT / "tmp" / "artefacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
FIRST_VIEW_LIMIT = 1_000_000  # bytes, uncompressed


@pytest.fixture(scope="module")
def browser(in_ci):
    if not os.path.exists(CHROMIUM):
        message = ("Chromium is not installed, so the browser tests cannot run. Install it with "
                   "`sudo apt-get install chromium` (Debian/Ubuntu) or set CHROMIUM=/path/to/chrome.")
        if in_ci:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only below PREFIX; anything else is a 404, as on a shared host."""

    def translate_path(self, path):
        if not (path == PREFIX or path.startswith(PREFIX + "/")):
            return str(Path(self.directory) / "\0no-such-file")
        return super().translate_path(path[len(PREFIX):] or "/")

    def end_headers(self):
        # as a real host would: without it Chromium revalidates every script on every page
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(_SubPathHandler, directory=str(built_site))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}{PREFIX}"
    httpd.shutdown()


def _watch(pg):
    pg.foreign, pg.errors, pg.missing, pg.loaded = [], [], [], []
    pg.on("response", lambda r: pg.missing.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    pg.on("request", lambda r: pg.foreign.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", None)
          and urlparse(r.url).scheme in ("http", "https", "ws", "wss") else None)
    pg.on("requestfinished", lambda r: pg.loaded.append(r))
    # a failed load is logged as "Failed to load resource" without its URL: judged by the responses instead
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error"
          and not m.text.startswith("Failed to load resource") else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))


def _check(pg):
    assert pg.foreign == [], f"requests to other hosts: {pg.foreign}"
    assert pg.errors == [], f"console errors: {pg.errors}"
    assert pg.missing == [], f"failed requests: {pg.missing}"


@pytest.fixture(params=["desktop", "phone"])
def page(request, browser, server):
    viewport = DESKTOP if request.param == "desktop" else PHONE
    context = browser.new_context(locale="zh-CN", viewport=viewport, device_scale_factor=1,
                                  is_mobile=request.param == "phone", has_touch=request.param == "phone")
    pg = context.new_page()
    pg.device = request.param
    _watch(pg)
    yield pg
    context.close()
    _check(pg)


@pytest.fixture
def desktop(browser, server):
    context = browser.new_context(locale="zh-CN", viewport=DESKTOP)
    pg = context.new_page()
    pg.device = "desktop"
    _watch(pg)
    yield pg
    context.close()
    _check(pg)


def _shot(pg, name):
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTEFACTS / f"{name}-{pg.viewport_size['width']}.png"))


def _weight(pg) -> int:
    return sum(r.sizes()["responseBodySize"] for r in pg.loaded)


@pytest.mark.parametrize("path", ["/", "/en/", "/techniques/25-prepare-a-script/",
                                  "/en/techniques/25-prepare-a-script/"])
def test_first_view_is_light(page, server, path):
    """Home and a technique page: under 1 MB on first view, no mermaid unless a diagram is
    in view, no search index until the reader searches."""
    page.goto(server + path, wait_until="networkidle")
    urls = [r.url for r in page.loaded]
    weight = _weight(page)
    name = "home" if path.count("/") <= 2 else "technique"
    _shot(page, f"{name}-{'en' if '/en/' in path else 'zh'}")
    assert weight < FIRST_VIEW_LIMIT, f"{path}: {weight:,} bytes in {len(urls)} requests"
    assert not [u for u in urls if "search_index" in u], "the search index loads before anyone searches"
    assert not [u for u in urls if u.endswith(".map")]
    if "techniques" in path:
        assert not [u for u in urls if "mermaid.min.js" in u], "mermaid loaded on a page without a diagram"


def test_home_in_both_languages(desktop, server):
    desktop.goto(server + "/")
    assert "回款实战课堂" in desktop.title()
    desktop.goto(server + "/en/")
    assert "Receivables Collection Course" in desktop.title()


def test_language_switcher(desktop, server):
    desktop.goto(server + "/techniques/")
    desktop.locator(".md-header__option .md-select").first.hover()
    desktop.locator('.md-select__link[hreflang="en"]').first.click()
    desktop.wait_for_function(f"() => location.pathname.startsWith('{PREFIX}/en/')")
    assert desktop.locator("h1").first.inner_text().startswith("All 92 techniques")
    desktop.locator(".md-header__option .md-select").first.hover()
    desktop.locator('.md-select__link[hreflang="zh"]').first.click()
    desktop.wait_for_function(f"() => !location.pathname.startsWith('{PREFIX}/en/')")
    assert "全部92招" in desktop.locator("h1").first.inner_text()


@pytest.mark.parametrize("lang", ["", "/en"])
def test_links_inside_the_site_navigate_without_a_reload(desktop, server, lang):
    """Material's instant navigation swaps the page in place for the URLs its sitemap lists: in both
    languages a link to another page keeps the window (and the marker set on it)."""
    desktop.goto(server + lang + "/techniques/", wait_until="networkidle")
    desktop.evaluate("() => { window.__stayed = true; }")
    desktop.locator("article a[href*='25-prepare-a-script']").first.click()
    desktop.wait_for_function("() => location.pathname.includes('25-prepare-a-script')")
    desktop.wait_for_load_state("networkidle")
    assert desktop.evaluate("() => window.__stayed === true"), f"{lang or 'zh'}: the link reloaded the page"
    # a workbook page reached the same way is laid out as when opened directly: prompts hidden, chart drawn
    desktop.goto(server + lang + "/syllabus/", wait_until="networkidle")
    desktop.evaluate("() => { window.__stayed = true; }")
    desktop.locator("article a[href$='notebooks/03-dso/']").first.click()
    desktop.wait_for_function("() => location.pathname.endsWith('notebooks/03-dso/')")
    img = desktop.locator(".jp-OutputArea-output img").first
    img.scroll_into_view_if_needed()
    desktop.wait_for_function("i => i.complete && i.naturalWidth > 100", arg=img.element_handle())
    assert not desktop.locator(".jp-InputPrompt").first.is_visible(), "In [n]: prompts are shown"
    prose = desktop.eval_on_selector_all(".jp-MarkdownCell", "els => els.map(e => e.innerText).join(' ')")
    han, latin = len(re.findall(r"[\u3400-\u9fff]", prose)), len(re.findall(r"[A-Za-z]", prose))
    assert (han < latin / 40) if lang else (han > latin / 4), "the workbook shows the other language"
    assert desktop.evaluate("() => window.__stayed === true")


def _search(pg, term: str) -> list[str]:
    """The result pages for ``term``, best first, as paths below the language root."""
    box = pg.locator("input.md-search__input")
    if not box.is_visible():
        pg.locator("label[for=__search]").first.click()
    box.fill("")
    pg.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    box.fill(term)
    box.press("End")  # CJK text arrives as insertText without keyup; End triggers the search
    pg.wait_for_selector(".md-search-result__item", timeout=20_000)
    hrefs = pg.eval_on_selector_all(".md-search-result__item > .md-search-result__link",
                                    "els => els.map(e => e.href)")
    return [re.sub(r"^.*?/course/(en/)?", "", h).split("?")[0].split("#")[0] for h in hrefs]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_finds_the_page_about_each_key_term(desktop, server, lang):
    """30 key terms per language: the page about the term is among the first three results,
    and the English site finds English pages only."""
    terms = search_terms.ZH if lang == "zh" else search_terms.EN
    desktop.goto(server + ("/" if lang == "zh" else "/en/"))
    misses, results = [], {}
    for term, expected in terms.items():
        found = _search(desktop, term)
        results[term] = found[:5]
        if not set(found[:3]) & set(expected):
            misses.append(f"{term}: expected one of {expected}, got {found[:3]}")
        hrefs = desktop.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
        wrong = [h for h in hrefs if ("/course/en/" in h) != (lang == "en")]
        assert not wrong, f"{term}: results from the other language: {wrong[:3]}"
    _shot(desktop, f"search-{lang}")
    assert not misses, f"{len(misses)} of {len(terms)} terms miss their page:\n" + "\n".join(misses)


def test_english_search_puts_the_dedicated_page_first(desktop, server):
    desktop.goto(server + "/en/")
    assert _search(desktop, "limitation")[0] == "law/limitation/"


def test_notebook_page_shows_one_language_and_its_chart(page, server):
    for lang, root in (("zh", "/"), ("en", "/en/")):
        page.goto(server + root + "notebooks/03-dso/")
        img = page.locator(".jp-OutputArea-output img").first
        img.scroll_into_view_if_needed()
        page.wait_for_function("i => i.complete && i.naturalWidth > 100", arg=img.element_handle())
        prose = page.eval_on_selector_all(".jp-MarkdownCell", "els => els.map(e => e.innerText).join(' ')")
        han = len(re.findall(r"[\u3400-\u9fff]", prose))
        latin = len(re.findall(r"[A-Za-z]", prose))
        if lang == "en":
            assert han < latin / 40, f"the English workbook page shows Chinese prose ({han} characters)"
        else:
            assert han > latin / 4
        assert not page.locator(".jp-InputPrompt").first.is_visible(), "In [n]: prompts are shown"
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= page.viewport_size["width"] + 1, f"the page scrolls sideways ({width} px)"
        page.locator(".jp-OutputArea-output table").first.scroll_into_view_if_needed()
        _shot(page, f"notebook-03-{lang}")
        student = page.locator("a[href$='student/03-dso.ipynb']")
        assert student.count() == 1
        href = student.get_attribute("href")
        resolved = page.evaluate("h => new URL(h, location.href).pathname", href)
        assert resolved == f"{PREFIX}{root}notebooks/student/03-dso.ipynb"


@pytest.mark.parametrize("root", ["/", "/en/"])
def test_workbook_tables_never_split_a_number(page, server, root):
    """On a phone a wide table scrolls inside its cell; a number is never broken over two lines
    (1042983.01 was shown as 104298 / 3.01), and the page itself does not scroll sideways."""
    page.goto(server + root + "notebooks/01-ledger-and-aging/")
    split = page.evaluate("""() => [...document.querySelectorAll('.jp-OutputArea-output td')].filter(td => {
        const r = document.createRange(); r.selectNodeContents(td);
        const tops = new Set([...r.getClientRects()].map(b => Math.round(b.top)));
        return /^[-\\d.,%]+$/.test(td.innerText.trim()) && tops.size > 1; }).map(td => td.innerText)""")
    assert split == [], f"numbers split over lines: {split[:5]}"
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"] + 1, f"the page scrolls sideways ({width} px)"


def test_mermaid_diagram_renders_from_the_vendored_script(desktop, server):
    desktop.goto(server + "/")
    desktop.locator(".mermaid").first.scroll_into_view_if_needed()
    # Material replaces <pre class="mermaid"> with a <div class="mermaid"> that holds the
    # drawing in a closed shadow root, so the rendered diagram shows as the div's height.
    desktop.wait_for_function("() => { const d = document.querySelector('div.mermaid');"
                              " return d && d.getBoundingClientRect().height > 80; }", timeout=20_000)
    assert [r.url for r in desktop.loaded if r.url.endswith("/javascripts/mermaid.min.js")]


def test_notebook_solutions_are_folded(desktop, server):
    desktop.goto(server + "/notebooks/00-tour/")
    button = desktop.locator(".ck-solution__toggle").first
    button.wait_for()
    solution = desktop.locator(".jp-Cell.celltag_solution").first
    assert not solution.is_visible()
    button.click()
    assert solution.is_visible()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_technique_index_on_a_phone(browser, server, lang):
    """At 390 px: badge beside the title, secondary columns hidden, and the filter works."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=1)
    pg = context.new_page()
    pg.device = "phone"
    _watch(pg)
    pg.goto(server + ("/" if lang == "zh" else "/en/") + "techniques/")
    techs = catalog.techniques()
    rows = pg.locator(".ck-techniques tbody tr")
    assert rows.count() == len(techs)
    first = rows.first
    badge = first.locator("td:nth-child(2) .ck-badge")
    assert badge.is_visible()
    box = badge.bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"], "the compliance badge is off-screen"
    assert not first.locator("td:nth-child(3)").is_visible(), "secondary columns are shown on a phone"
    assert pg.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"] + 1
    level = "lawful-only-if"
    label = catalog.COMPLIANCE_LABELS[lang][level]
    pg.select_option(".ck-filter select[name=compliance]", label=label)
    visible = pg.locator(".ck-techniques tbody tr:not([hidden])")
    assert visible.count() == int((techs.compliance == level).sum())
    chapter = pg.locator(".ck-filter select[name=chapter] option").nth(3).get_attribute("value")
    pg.select_option(".ck-filter select[name=chapter]", value=chapter)
    expected = int(((techs.compliance == level) & (techs.chapter == int(chapter))).sum())
    assert visible.count() == expected
    _shot(pg, f"techniques-filtered-{lang}")
    pg.locator(".ck-filter__reset").click()
    pg.wait_for_function(f"() => document.querySelectorAll('.ck-techniques tbody tr:not([hidden])').length == {len(techs)}")
    for key in ("stage", "grade"):
        assert pg.locator(f".ck-filter select[name={key}] option").count() > 2
    pg.locator(".ck-techniques table").scroll_into_view_if_needed()
    _shot(pg, f"techniques-{lang}")
    context.close()
    _check(pg)


def test_no_console_errors_on_any_page(browser, server, built_site):
    """Every built page, both languages: no console error, no failed or foreign request."""
    context = browser.new_context(viewport=DESKTOP)
    # charts are checked by the crawler (tests/test_links.py); here they only cost time
    context.route(re.compile(r".*/chart-[0-9a-f]+\.png$"), lambda route: route.fulfill(status=204))
    pg = context.new_page()
    _watch(pg)
    pages = sorted(p.relative_to(built_site).parent.as_posix() for p in built_site.rglob("index.html"))
    for rel in pages:
        url = server + "/" + ("" if rel == "." else rel + "/")
        # scripts run before DOMContentLoaded; a later failure (a fetch that 404s) is still
        # recorded and fails the test, attributed to the page that follows
        pg.goto(url, wait_until="domcontentloaded")
        assert not pg.errors, f"{url}: {pg.errors}"
        assert not pg.missing, f"{url}: {pg.missing}"
    pg.wait_for_load_state("networkidle")
    context.close()
    _check(pg)
