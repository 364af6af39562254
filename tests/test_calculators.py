"""The calculators and diagrams of issue 14 in a real browser.

Types values into each calculator block (docs/javascripts/calculators.js, written by
hooks/worked_numbers.py) and checks the answer against coursekit for the same input;
checks that the diagrams render in both languages, in the light and dark schemes, on a
390-pixel phone, and that nothing is loaded from another host. Screenshots go to the
pytest temporary folder for a human look.
"""
import re
from urllib.parse import urlparse

import pandas as pd
import pytest

from coursekit import legal, metrics, worked
from tests import test_browser as _shared

# the browser, the local server and the page that fails on foreign requests or console errors
browser, server, page = _shared.browser, _shared.server, _shared.page

pytestmark = pytest.mark.browser

PAGES = {
    "late-damages": "techniques/78-handle-breach-liability/",
    "sme-interest": "law/late-payment/",
    "discount": "techniques/10-control-credit-extension/",
    "dso": "techniques/17-track-and-analyse-receivables/",
    "limitation": "techniques/14-know-the-time-limits/",
}


def _url(server, lang, path):
    return f"{server}/{'' if lang == 'zh' else 'en/'}{path}"


def _fill(block, values):
    for name, value in values.items():
        block.locator(f'input[name="{name}"]').fill(str(value))


def _out(block, key):
    return block.locator(f'output[data-out="{key}"]').inner_text()


def _num(text):
    return float(re.sub(r"[^0-9.\-]", "", text))


def _block(page, server, lang, name):
    page.goto(_url(server, lang, PAGES[name]))
    block = page.locator(f'.ck-calc[data-calc="{name}"]').first
    block.wait_for()
    page.wait_for_function(f"() => document.querySelector('.ck-calc[data-calc=\"{name}\"]').dataset.ready === '1'")
    return block


CASES_DAMAGES = [(186_400, "2025-03-31", "2025-06-10", 3.0), (100_000, "2025-03-31", "2025-06-29", 3.1),
                 (12_345.67, "2024-02-29", "2025-03-01", 3.45), (50_000, "2025-06-30", "2025-06-30", 3.0)]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("amount, due, paid, lpr", CASES_DAMAGES)
def test_late_payment_calculator_agrees_with_coursekit(page, server, lang, amount, due, paid, lpr):
    block = _block(page, server, lang, "late-damages")
    _fill(block, {"amount": amount, "due": due, "paid": paid, "lpr": lpr})
    r = legal.late_payment_damages(amount, due, paid, lpr=lpr / 100)
    assert int(_out(block, "days")) == r["days_overdue"]
    assert _num(_out(block, "low")) == r["damages_low"]
    assert _num(_out(block, "high")) == r["damages_high"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("amount, due, paid", [(200_000, "2025-07-31", "2025-09-29"), (77_777.77, "2025-12-31", "2026-03-01")])
def test_sme_interest_calculator_agrees_with_coursekit(page, server, lang, amount, due, paid):
    block = _block(page, server, lang, "sme-interest")
    _fill(block, {"amount": amount, "due": due, "paid": paid})
    r = legal.sme_overdue_interest(amount, due, paid)
    assert int(_out(block, "days")) == r["days_overdue"]
    assert _num(_out(block, "interest")) == r["interest"]


@pytest.mark.parametrize("pct, a, b", [(2, 10, 30), (1, 10, 60), (3.5, 15, 45)])
def test_discount_calculator_agrees_with_coursekit(page, server, pct, a, b):
    block = _block(page, server, "zh", "discount")
    _fill(block, {"pct": pct, "discount_days": a, "net_days": b})
    r = worked.early_payment_discount(pct / 100, a, b)
    assert _num(_out(block, "annual")) == pytest.approx(r["annual_rate"] * 100, abs=1e-9)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_dso_calculator_agrees_with_coursekit(page, server, lang):
    block = _block(page, server, lang, "dso")
    _fill(block, {"ar": 745_000, "sales": 1_210_000, "days": 91})
    assert _num(_out(block, "dso")) == round(metrics.dso_standard(745_000, 1_210_000, 91), 1)


@pytest.mark.parametrize("due, demand, ack", [
    ("2025-03-31", "", ""), ("2025-03-31", "2025-06-12", "2026-01-15"), ("2024-02-29", "", ""),
    ("2022-05-31", "2025-05-31", ""), ("2021-01-10", "", "2024-06-01"), ("2021-01-10", "2024-06-01", ""),
    ("2025-03-31", "2027-01-05", "2026-02-01"), ("2025-03-31", "2025-01-05", "")])
def test_limitation_calculator_agrees_with_coursekit(page, server, due, demand, ack):
    block = _block(page, server, "zh", "limitation")
    _fill(block, {"due": due, "demand": demand, "ack": ack})
    events = [(d, k) for d, k in ((demand, "demand"), (ack, "acknowledgement")) if d]
    r = legal.limitation(due, events, as_of=max([due] + [d for d, _ in events]))
    assert _out(block, "expiry")[:10] == f"{r.expiry:%Y-%m-%d}"
    assert _out(block, "warn") == f"{r.expiry - pd.DateOffset(months=6):%Y-%m-%d}"


def test_calculator_says_so_when_input_is_missing(page, server):
    block = _block(page, server, "en", "late-damages")
    block.locator('input[name="amount"]').fill("")
    assert "Enter valid" in _out(block, "days")


def _wait_for_diagrams(pg):
    # mermaid is fetched only when a diagram scrolls into view (javascripts/mermaid-loader.js)
    for i in range(pg.locator(".mermaid").count()):  # Material swaps each <pre> for a <div>: scroll by index
        pg.evaluate("i => { const m = document.querySelectorAll('.mermaid')[i]; if (m) m.scrollIntoView(); }", i)
        pg.wait_for_timeout(300)
    pg.wait_for_function("() => { const d = [...document.querySelectorAll('div.mermaid')];"
                         " return d.length > 0 && d.every(x => x.getBoundingClientRect().height > 40); }",
                         timeout=20_000)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["techniques/16-follow-the-collection-process/", "techniques/88-claim-in-bankruptcy/",
                                  "techniques/13-age-the-receivables/", "techniques/chapter-06/"])
def test_diagrams_render_on_a_phone_in_both_schemes(browser, server, tmp_path, lang, scheme, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme,
                                  device_scale_factor=2, locale="zh-CN" if lang == "zh" else "en-GB")
    pg = context.new_page()
    foreign, errors = [], []
    pg.on("request", lambda r: foreign.append(r.url) if urlparse(r.url).hostname not in ("127.0.0.1", None)
          and urlparse(r.url).scheme in ("http", "https", "ws", "wss") else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    try:
        pg.goto(_url(server, lang, path))
        _wait_for_diagrams(pg)
        assert pg.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == \
            ("slate" if scheme == "dark" else "default")
        # the page itself never scrolls sideways on a phone: a wide diagram is scaled or scrolls in its box
        assert pg.evaluate("() => document.documentElement.scrollWidth") <= 390
        pg.evaluate("() => document.querySelector('div.mermaid').scrollIntoView()")
        pg.screenshot(path=str(tmp_path / f"{path.strip('/').replace('/', '-')}-{lang}-{scheme}.png"))
    finally:
        context.close()
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert errors == [], f"page errors: {errors}"


def test_every_template_button_in_the_built_site_downloads_a_file_that_opens(built_site):
    """Each [[tpl:]] link, as built, points at a file next to the site that opens."""
    import openpyxl

    href = re.compile(r'<a class="md-button" href="([^"]*templates/[^"]+)" download>')
    seen, pages = set(), 0
    for html in built_site.rglob("*.html"):
        links = href.findall(html.read_text(encoding="utf-8"))
        pages += bool(links)
        for link in links:
            target = (html.parent / link).resolve()
            assert target.is_file(), f"{html.relative_to(built_site)}: {link} does not exist"
            seen.add(target)
    assert pages >= 30 and len(seen) >= 20, (pages, len(seen))
    for target in seen:
        if target.suffix == ".xlsx":
            openpyxl.load_workbook(target, read_only=True).close()
        else:
            assert target.read_text(encoding="utf-8").strip()


def test_every_diagram_in_the_docs_parses(browser, server):
    """Each ```mermaid fence of every page, both languages, parses with the vendored mermaid."""
    from tests.conftest import DOCS

    fence = re.compile(r"^```mermaid\n(.*?)^```", re.M | re.S)
    diagrams = [(p.relative_to(DOCS), m.group(1)) for p in sorted(DOCS.rglob("*.md"))
                for m in fence.finditer(p.read_text(encoding="utf-8"))]
    assert len(diagrams) >= 100
    context = browser.new_context()
    pg = context.new_page()
    try:
        pg.goto(server + "/404.html")
        pg.add_script_tag(url=server + "/javascripts/mermaid.min.js")
        bad = []
        for path, text in diagrams:
            err = pg.evaluate("async t => { try { await mermaid.parse(t); return null; } "
                              "catch (e) { return String(e.message || e); } }", text)
            if err:
                bad.append(f"{path}: {err.splitlines()[0]}")
    finally:
        context.close()
    assert not bad, "diagrams that do not parse:\n" + "\n".join(bad)
