"""The site in a real browser (Debian's Chromium via Playwright), served on 127.0.0.1.

Records every request and console message: any request to a host other than the
local server fails the test, and so does any console error not listed in HARMLESS.
Without Chromium the tests are skipped with instructions, except under CI
(CI=true), where a missing browser is a failure.
"""
import functools
import http.server
import os
import shutil
import socket
import threading
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
# Console messages that are expected and harmless, each with the reason.
HARMLESS = [
    # Material fetches each language's sitemap.xml to keep the language switcher on the
    # same page; the i18n plugin writes a sitemap only for the default language.
    "sitemap.xml",
]


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


@pytest.fixture(scope="module")
def server(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def page(browser, server):
    context = browser.new_context(locale="zh-CN")
    pg = context.new_page()
    pg.foreign, pg.errors, pg.missing = [], [], []
    pg.on("response", lambda r: pg.missing.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    pg.on("request", lambda r: pg.foreign.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", None)
          and urlparse(r.url).scheme in ("http", "https", "ws", "wss") else None)
    # a failed load is logged as "Failed to load resource" without its URL: judged by the responses instead
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error"
          and not m.text.startswith("Failed to load resource") else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    foreign, errors = pg.foreign, pg.errors
    missing = [m for m in pg.missing if not any(h in m for h in HARMLESS)]
    context.close()
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert errors == [], f"console errors: {errors}"
    assert missing == [], f"failed requests: {missing}"


def test_home_in_both_languages(page, server):
    page.goto(server + "/")
    assert "回款实战课堂" in page.title()
    page.goto(server + "/en/")
    assert "Receivables Collection Course" in page.title()


def test_language_switcher(page, server):
    page.goto(server + "/techniques/")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('.md-select__link[hreflang="en"]').first.click()
    # instant navigation swaps the page without a load event, so wait on the location itself
    page.wait_for_function("() => location.pathname.startsWith('/en/')")
    assert page.locator("h1").first.inner_text().startswith("All 92 techniques")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('.md-select__link[hreflang="zh"]').first.click()
    page.wait_for_function("() => !location.pathname.startsWith('/en/')")
    assert "全部92招" in page.locator("h1").first.inner_text()


@pytest.mark.parametrize("lang,word", [("zh", "账龄"), ("en", "aging")])
def test_search_finds_results(page, server, lang, word):
    page.goto(server + ("/" if lang == "zh" else "/en/"))
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(word)
    box.press("End")  # CJK text arrives as insertText without keyup; End triggers the search
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    assert page.locator(".md-search-result__item").count() > 0


def test_notebook_page_shows_its_chart(page, server):
    page.goto(server + "/notebooks/00-tour/")
    img = page.locator("img[src^='data:image/png']").first
    img.wait_for()
    assert img.evaluate("i => i.complete && i.naturalWidth > 100")


def test_mermaid_diagram_renders_from_the_vendored_script(page, server):
    page.goto(server + "/")
    # Material replaces <pre class="mermaid"> with a <div class="mermaid"> that holds the
    # drawing in a closed shadow root, so the rendered diagram shows as the div's height.
    page.wait_for_function("() => { const d = document.querySelector('div.mermaid');"
                           " return d && d.getBoundingClientRect().height > 80; }", timeout=15_000)


def test_notebook_solutions_are_folded(page, server):
    page.goto(server + "/notebooks/00-tour/")
    button = page.locator(".ck-solution__toggle").first
    button.wait_for()
    solution = page.locator(".jp-Cell.celltag_solution").first
    assert not solution.is_visible()
    button.click()
    assert solution.is_visible()
    assert page.locator("a[href$='student/00-tour.ipynb']").count() == 1
