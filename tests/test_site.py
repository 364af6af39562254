"""The built site: both languages, no third-party requests, Chinese search, notebook pages."""
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from coursekit import catalog
from tests.conftest import ROOT

pytestmark = pytest.mark.site
NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))


class _Loads(HTMLParser):
    """Collect every URL a page would load (not plain links)."""

    LOADING_RELS = {"stylesheet", "preload", "prefetch", "icon", "shortcut", "apple-touch-icon", "modulepreload",
                    "manifest", "preconnect", "dns-prefetch"}

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed", "track") and a.get("src"):
            self.urls.append(a["src"])
        if tag in ("img", "source") and a.get("srcset"):
            self.urls += [part.strip().split(" ")[0] for part in a["srcset"].split(",")]
        if tag == "link" and a.get("href") and set((a.get("rel") or "").lower().split()) & self.LOADING_RELS:
            self.urls.append(a["href"])
        if tag == "object" and a.get("data"):
            self.urls.append(a["data"])
        if a.get("style"):
            self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", a["style"])


def _external(url: str) -> bool:
    return bool(re.match(r"^(https?:)?//", url.strip())) and not re.match(r"^(https?:)?//(127\.0\.0\.1|localhost)(:\d+)?/", url.strip())


def external_loads(site: Path) -> list[str]:
    found = []
    for page in site.rglob("*.html"):
        parser = _Loads()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site)}: {u}" for u in parser.urls if _external(u)]
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", text) + re.findall(r"@import\s+['\"]([^'\"]+)", text)
        found += [f"{css.relative_to(site)}: {u}" for u in urls if _external(u)]
    return found


def test_both_languages_built(built_site):
    zh = (built_site / "index.html").read_text(encoding="utf-8")
    en = (built_site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in zh and "回款实战课堂" in zh
    assert '<html lang="en"' in en and "Receivables Collection Course" in en
    # the language switcher offers the other language on every page
    assert 'hreflang="en"' in zh and 'hreflang="zh"' in en


def test_no_page_loads_anything_from_another_host(built_site):
    assert external_loads(built_site) == []


def test_external_load_detector_catches_google_fonts(tmp_path):
    """The check above is real: a Google Fonts link or a CDN script is caught."""
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script src="//cdn.jsdelivr.net/npm/mermaid/dist/mermaid.min.js"></script>'
        '<a href="https://example.com/">a plain link is fine</a><img src="/local.png">', encoding="utf-8")
    (tmp_path / "x.css").write_text("@import 'https://fonts.googleapis.com/css2?family=Noto';", encoding="utf-8")
    assert len(external_loads(tmp_path)) == 3


def _index(site: Path, lang: str) -> dict:
    path = site / ("search" if lang == "zh" else "en/search") / "search_index.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_each_language_has_its_own_search_index(built_site):
    """Chinese pages in search/, English pages in en/search/, each segmented into words."""
    zh, en = _index(built_site, "zh"), _index(built_site, "en")
    for index in (zh, en):
        assert index["config"]["lang"] == ["en"], "a 'zh' lunr pipeline breaks search in the browser"
    assert zh["docs"] and not [d for d in zh["docs"] if d["location"].startswith("en/")]
    assert en["docs"] and all(d["location"].startswith("en/") for d in en["docs"])
    sep = re.compile(zh["config"]["separator"])
    tokens = {t for doc in zh["docs"] for t in sep.split(doc["title"] + " " + doc["text"]) if t}
    for word in ("账龄", "催收", "逾期"):
        assert any(t.startswith(word) for t in tokens), f"{word} is not a search token: Chinese is not segmented"
    words = [t for doc in zh["docs"] for t in sep.split(doc["title"] + " " + doc["text"]) if t]
    singles = [t for t in words if re.fullmatch(r"[\u3400-\u9fff]", t)]
    # jieba leaves particles such as 的 and 是 as words; joined to their neighbours, the few left
    # stand between punctuation or spaces (第 188 条), where they cannot be joined
    assert len(singles) < 0.02 * len(words), f"{len(singles)} one-character words: every query would match them"
    assert "的" not in set(singles[:0]) and words.count("的") < 50
    en_tokens = {t.lower().strip(".,:;()") for doc in en["docs"] for t in sep.split(doc["text"]) if t}
    assert {"aging", "ledger"} <= en_tokens
    # every English workbook page is in the English index
    assert {f"en/notebooks/{n}/" for n in NOTEBOOKS} <= {d["location"] for d in en["docs"]}


def _cjk_share(text: str) -> float:
    han = len(re.findall(r"[\u3400-\u9fff]", text))
    return han / max(1, han + len(re.findall(r"[A-Za-z]", text)) / 4)


class _Prose(HTMLParser):
    """The text of the markdown cells of a rendered notebook."""

    def __init__(self):
        super().__init__()
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if self.depth:
            self.depth += tag != "br"
        elif tag == "div" and "jp-MarkdownCell" in cls:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag != "br":
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_pages_in_both_languages(built_site, name):
    for lang, root in (("zh", built_site), ("en", built_site / "en")):
        page = root / "notebooks" / name / "index.html"
        assert page.exists(), f"missing notebook page {page.relative_to(built_site)}"
        html = page.read_text(encoding="utf-8")
        assert '"cell_type"' not in html, "the notebook was rendered as raw JSON"
        other = "en" if lang == "zh" else "zh"
        assert f"celltag_lang-{other}" not in html, f"{lang} page shows cells of the other language"
        prose = _Prose()
        prose.feed(html)
        share = _cjk_share(" ".join(prose.parts))
        assert (share > 0.5) if lang == "zh" else (share < 0.1), f"{lang} workbook prose is {share:.0%} Chinese"
        charts = re.findall(r'<img [^>]*src="(chart-[0-9a-f]+\.png)"', html)
        assert charts, "the stored chart output is missing"
        assert "data:image/png;base64" not in html, "charts are inlined instead of written as files"
        assert all((page.parent / c).is_file() for c in charts)
        downloads = re.findall(r'href="([^"]+\.ipynb)"[^>]*download', html)
        assert downloads, "no download button for the .ipynb"
        for href in downloads:
            assert not href.startswith("/"), f"root-absolute download {href} breaks under a sub-path"
            target = (page.parent / href).resolve()
            assert target.exists(), f"the download link {href} points nowhere"
            nb = json.loads(target.read_text(encoding="utf-8"))
            tags = {t for c in nb["cells"] for t in c.get("metadata", {}).get("tags", [])}
            assert f"lang-{other}" not in tags, f"{href} on the {lang} page holds the other language"
        student = [h for h in downloads if "/student/" in h]
        assert student and (page.parent / student[0]).resolve() == (root / "notebooks" / "student" / f"{name}.ipynb")


def test_techniques_index_is_generated_from_the_catalog(built_site):
    techs = catalog.techniques()
    for root, _col in ((built_site, "title_zh"), (built_site / "en", "title_en")):
        html = (root / "techniques" / "index.html").read_text(encoding="utf-8")
        assert "catalog:all" not in html
        rows = re.findall(r"<tr>\s*<td[^>]*>(\d+)</td>", html)
        assert [int(r) for r in rows] == list(techs.index)


def test_chinese_headings_get_readable_anchors(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'id="谁适合用"' in html or 'id="%E8%B0%81' in html
    assert not re.search(r'id="_\d+"', html)


def test_template_downloads_exist(built_site):
    from coursekit.templates import TEMPLATES

    for lang, root in (("zh", built_site), ("en", built_site / "en")):
        html = (root / "templates" / "index.html").read_text(encoding="utf-8")
        for name in TEMPLATES[lang]:
            assert f"templates/{name}" in html, f"{name} is not offered on the {lang} templates page"
            assert (built_site / "templates" / name).exists()


def test_terms_of_art_show_tooltips(built_site):
    """Acronyms such as DSO carry their definition as a tooltip on every page where they appear."""
    for root in (built_site, built_site / "en"):
        html = (root / "techniques" / "17-track-and-analyse-receivables" / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<abbr title="[^"]*Days Sales Outstanding[^"]*">DSO</abbr>', html)


def test_each_language_has_its_own_404_page_at_the_right_place(built_site):
    """A server shows /404.html for any missing address: the default (Chinese) one, with ways back in
    the site; the English one is at /en/404.html. Both builds wrote to the root, and English came last."""
    from html.parser import HTMLParser

    class Links(HTMLParser):
        def __init__(self):
            super().__init__()
            self.hrefs = []

        def handle_starttag(self, tag, attrs):
            if tag == "a" and dict(attrs).get("href", "").startswith("/"):
                self.hrefs.append(dict(attrs)["href"])

    zh = (built_site / "404.html").read_text(encoding="utf-8")
    en = (built_site / "en" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in zh and "没有这个页面" in zh and "Page not found" in zh
    assert '<html lang="en"' in en and "page not found" in en
    for page in (zh, en):
        parser = Links()
        parser.feed(page.split('<article', 1)[1])
        assert len(parser.hrefs) >= 5
        for href in parser.hrefs:       # absolute from site_url ('/' here): each lands on a page
            assert (built_site / href.lstrip("/") / "index.html").is_file(), href
