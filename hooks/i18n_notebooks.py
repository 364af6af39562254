"""The two languages of the site, where mkdocs-static-i18n needs help.

* Keep notebook pages: mkdocs-static-i18n only treats Markdown files as pages, so it drops
  the pages mkdocs-jupyter makes from ``.ipynb`` files (mkdocs-static-i18n issue #198).
* One search index per language, tuned for Chinese and English (``on_post_build``).
* One small sitemap per language, no source maps, and no head ``hreflang`` links whose
  sitemap lookups failed on every page (``on_post_page``).
"""
import json
import logging
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

_is_page = File.is_documentation_page
File.is_documentation_page = lambda self: _is_page(self) or self.src_uri.endswith(".ipynb")


class _InstantNavNote(logging.Filter):
    """Drop mkdocs-static-i18n's warning that its contextual language links do not follow
    instant navigation. Material itself keeps the switcher contextual under instant
    navigation (it maps the page through the other language's sitemap), and the
    browser test checks that switching language works; the warning would otherwise
    fail every strict build."""

    def filter(self, record):
        return "not compatible with theme.features = navigation.instant" not in record.getMessage()


logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(_InstantNavNote())


_HAN = re.compile(r"^[\u3400-\u9fff]$")
ZWSP = "\u200b"


def glue_single_characters(text: str) -> str:
    """Join each one-character Chinese word to the word (or number) before it, or else to the
    Chinese word after it.

    jieba leaves particles and single characters (的, 是, 日, 时 …) as words of their own;
    the browser then splits a query such as 诉讼时效 into every word of the index it
    contains, down to 时, and finds half the site. Joined to a neighbour, 的 stops being a
    word, while a prefix search for the neighbour (诉讼时效*) still finds it."""
    parts = text.split(ZWSP)
    out: list[str] = []
    carry = ""
    for part in parts:
        if _HAN.match(part):
            if out and out[-1] and (_HAN.match(out[-1][-1]) or out[-1][-1].isalnum()):
                out[-1] += part
            else:
                carry += part
            continue
        if carry:
            if part[:1] and _HAN.match(part[:1]):
                part = carry + part
            else:
                out.append(carry)
            carry = ""
        out.append(part)
    if carry:
        out.append(carry)
    return ZWSP.join(out)


# Search weight by part of the site. A reader who types a term of art wants the page about
# it: the law page or the technique, before the workbook, the syllabus and the API
# reference, which mention every term in passing. (Material already ranks a page above
# its own sections; these factors rank one kind of page above another.)
BOOSTS = (("law/", 2.0), ("techniques/index", 1.0), ("techniques/chapter-", 1.0), ("techniques/", 1.6),
          ("templates/", 1.4), ("glossary/", 1.2), ("notebooks/", 1.0), ("syllabus/", 0.7),
          ("instructor/", 0.5), ("api/", 0.4))


def search_boost(location: str) -> float:
    loc = location[3:] if location.startswith("en/") else location
    if loc in ("", "#") or loc.startswith("#"):
        return 0.7  # the home page
    return next((factor for prefix, factor in BOOSTS if loc.startswith(prefix)), 1.0)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has written the merged index
def on_post_build(config, **kwargs):
    """One search index per language, tokenised for English, without one-character words.

    mkdocs-static-i18n leaves the entries of every language in one merged index; here it is
    split into ``search/search_index.json`` (Chinese) and ``en/search/search_index.json``
    (English), which javascripts/search-index.js asks for by the page's language. The
    English lunr pipeline serves both: Chinese is segmented with jieba at build time, and
    a ``zh`` pipeline breaks search in the browser.
    """
    site = Path(config["site_dir"])
    _not_found_pages(site)
    _no_source_maps(site)
    _sitemaps(site, config["site_url"] or "/")
    index = site / "search" / "search_index.json"
    if not index.exists():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    data["config"]["lang"] = ["en"]
    for doc in data["docs"]:
        doc["title"] = glue_single_characters(doc["title"])
        doc["text"] = glue_single_characters(doc["text"])
    for doc in data["docs"]:
        boost = search_boost(doc["location"])
        if boost != 1:
            doc["boost"] = boost
    by_lang = {"zh": [], "en": []}
    for doc in data["docs"]:
        by_lang["en" if doc["location"].startswith("en/") else "zh"].append(doc)
    for lang, path in (("zh", index), ("en", site / "en" / "search" / "search_index.json")):
        path.parent.mkdir(parents=True, exist_ok=True)
        part = {"config": data["config"], "docs": by_lang[lang]}
        path.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


_NOT_FOUND: dict[str, str] = {}


def on_post_template(output, template_name, config, **kwargs):
    """Keep each language's 404 page as it is rendered (see :func:`_not_found_pages`)."""
    if template_name == "404.html":
        _NOT_FOUND[config["theme"]["language"]] = output
    return output


def _not_found_pages(site: Path) -> None:
    """The Chinese 404 page at the site root, where a server serves it for any missing URL, and the
    English one at ``en/404.html``.

    Every language's build writes its ``404.html`` to the root and the English one comes last, so a
    Chinese reader who followed a dead link met an English page."""
    if "zh" not in _NOT_FOUND:
        return
    (site / "404.html").write_text(_NOT_FOUND["zh"], encoding="utf-8")
    for lang, output in _NOT_FOUND.items():
        if lang != "zh":
            (site / lang).mkdir(parents=True, exist_ok=True)
            (site / lang / "404.html").write_text(output, encoding="utf-8")


_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')


def on_post_page(output, page, config, **kwargs):
    """Drop the ``<link rel="alternate" hreflang>`` tags from the head.

    Material fetches ``sitemap.xml`` beside each alternate (``/en/sitemap.xml`` does not
    exist: a console error on every page), and its sitemap entries are absolute URLs, so
    under a sub-path or another port the lookup would send the reader to the other
    language's home instead of the same page. Without them the language menu (whose links
    mkdocs-static-i18n already points at the same page in the other language) just works.
    """
    return _ALTERNATE.sub("", output)


def _no_source_maps(site: Path) -> None:
    """Ship no ``.map`` files (about 1.3 MB) and no references to them."""
    for path in (site / "assets").rglob("*.map"):
        path.unlink()
    for path in [*(site / "assets").rglob("*.js"), *(site / "assets").rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        cleaned = re.sub(r"\n?/[/*]# sourceMappingURL=[^\n]*", "", text)
        if cleaned != text:
            path.write_text(cleaned, encoding="utf-8")


def _sitemaps(site: Path, site_url: str) -> None:
    """``sitemap.xml`` for every page of both languages, and ``en/sitemap.xml`` for the English ones.

    Material fetches the root sitemap on every page of either language (from ``config.base``)
    and navigates instantly only to the pages it lists; the one mkdocs-static-i18n writes
    adds every page's alternates (115 kB). Plain addresses say the same for a crawler
    (``hreflang`` alternates are in each page's language menu) at a fraction of the weight.
    javascripts/search-index.js points the addresses at wherever the site is served."""
    import gzip

    base = site_url.rstrip("/") + "/"
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    pages = ["" if p == "." else p + "/" for p in pages]
    for lang, root in (("zh", site), ("en", site / "en")):
        urls = [p for p in pages if lang == "zh" or p.startswith("en/")]
        body = "".join(f"<url><loc>{base}{p}</loc></url>\n" for p in urls)
        xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + body + "</urlset>\n")
        root.mkdir(parents=True, exist_ok=True)
        (root / "sitemap.xml").write_text(xml, encoding="utf-8")
        (root / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
