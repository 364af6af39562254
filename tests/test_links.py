"""Crawl every built page, in both languages: each internal link, anchor, image, script,
stylesheet and download must resolve to a file in the site (and an anchor to an id on
the target page). Every internal URL must be relative, so the site works under a
sub-path (``https://host/course/``).

    python -m tests.test_links /tmp/site   # prints the broken links of a built site
"""
import re
import sys
from collections import Counter
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.site


class _Refs(HTMLParser):
    """Every URL a page links to or loads, and every id it defines."""

    ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
             ("iframe", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        for t, attr in self.ATTRS:
            if tag == t and a.get(attr) is not None:
                if tag == "link" and (a.get("rel") or "") in ("canonical",):
                    continue  # the canonical URL is absolute by definition (site_url)
                self.refs.append((tag, a[attr]))


@cache
def _parse(path: Path) -> _Refs:
    p = _Refs()
    p.feed(path.read_text(encoding="utf-8", errors="replace"))
    return p


def _target(site: Path, page: Path, url_path: str) -> Path | None:
    """The file a relative URL path points at, seen from ``page``; None when outside the site."""
    base = page.parent.relative_to(site).as_posix()
    joined = normpath(f"{base}/{url_path}") if url_path else page.relative_to(site).as_posix()
    if joined.startswith(".."):
        return None
    path = site / joined
    if url_path.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path


def broken_links(site: Path) -> list[str]:
    """``page: tag url (reason)`` for every internal reference of every page that does not resolve."""
    site = Path(site)
    problems = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue  # served for any missing URL, so its links are absolute on purpose
        rel = page.relative_to(site).as_posix()
        for tag, url in _parse(page).refs:
            url = url.strip()
            parts = urlsplit(url)
            if parts.scheme in ("http", "https", "mailto", "tel", "data", "javascript") or url.startswith("//"):
                continue
            if url.startswith("/"):
                problems.append(f"{rel}: <{tag}> {url} (root-absolute: breaks under a sub-path)")
                continue
            target = _target(site, page, unquote(parts.path))
            if target is None:
                problems.append(f"{rel}: <{tag}> {url} (leaves the site)")
            elif not target.is_file():
                problems.append(f"{rel}: <{tag}> {url} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                if unquote(parts.fragment) not in _parse(target).ids:
                    problems.append(f"{rel}: <{tag}> {url} (no such anchor)")
    return problems


def test_every_link_anchor_image_and_download_resolves(built_site):
    problems = broken_links(built_site)
    summary = "\n".join(problems[:60])
    assert not problems, f"{len(problems)} broken internal references, first ones:\n{summary}"


def test_the_crawler_finds_what_is_broken(tmp_path):
    """The check above is real: a missing page, a missing anchor, a root-absolute link and an
    image that is not there are all reported."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="#top" id="top">ok</a>'
        '<a href="b/">missing</a><a href="a/#there">no anchor</a><a href="/a/">absolute</a>'
        '<img src="x.png"><a href="https://example.com/">external is not crawled</a>', encoding="utf-8")
    found = broken_links(tmp_path)
    assert len(found) == 4, found
    assert any("no such anchor" in f for f in found) and any("root-absolute" in f for f in found)


def _main(argv):
    problems = broken_links(Path(argv[1]))
    for p in problems:
        print(p)
    print(len(problems), "broken", dict(Counter(re.search(r"\(([^)]*)\)$", p).group(1) for p in problems)))


if __name__ == "__main__":
    _main(sys.argv)
