"""Every technique page agrees with the catalog, follows the template, and is original."""
import re

import pytest

from coursekit import catalog
from tests.conftest import DOCS, copied_runs, split_front_matter

TECHS = catalog.techniques()
SECTIONS = {
    "zh": ["要点", "为什么有效", "怎么做", "话术示例", "常见误区", "合法边界", "练一练", "相关技巧"],
    "en": ["The point", "Why it works", "How to do it", "Script", "Pitfalls", "The lawful boundary",
           "Practise it", "Related techniques"],
}
PARAMS = [pytest.param(tid, id=f"ch{row.chapter:02d}-t{tid:02d}") for tid, row in TECHS.iterrows()]
CHAPTERS = [pytest.param(cid, id=f"ch{cid:02d}") for cid in catalog.chapters().index]


def page(tid: int, lang: str):
    row = TECHS.loc[tid]
    suffix = ".md" if lang == "zh" else ".en.md"
    return DOCS / "techniques" / f"{tid:02d}-{row.slug}{suffix}"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("tid", PARAMS)
def test_page_matches_catalog_and_template(tid, lang):
    row = TECHS.loc[tid]
    path = page(tid, lang)
    assert path.exists(), f"missing page {path.relative_to(DOCS)}"
    meta, body = split_front_matter(path.read_text(encoding="utf-8"))
    assert meta.get("id") == tid
    assert meta.get("chapter") == row.chapter
    assert meta.get("compliance") == row.compliance
    assert sorted(meta.get("related", [])) == sorted(row.related)
    assert list(meta.get("notebooks", [])) == list(row.notebooks)
    assert meta.get("module") == row.module
    expected_h1 = catalog.technique_title(tid, lang)
    h1 = re.findall(r"^# (.+)$", body, flags=re.M)
    assert h1 == [expected_h1], f"{path.name}: title should be '# {expected_h1}'"
    headings = re.findall(r"^## (.+?)\s*$", body, flags=re.M)
    assert headings == SECTIONS[lang], f"{path.name}: sections {headings}"
    boundary = body.split(f"## {SECTIONS[lang][5]}", 1)[1].split("## ", 1)[0]
    if row.compliance == "lawful-only-if":
        assert "!!! danger" in boundary, f"{path.name}: a lawful-only-if page opens its boundary section with !!! danger"
    if row.compliance == "caution":
        assert "!!! warning" in boundary, f"{path.name}: a caution page has a !!! warning in its boundary section"
    related = body.split(f"## {SECTIONS[lang][7]}", 1)[1]
    for rid in row.related:
        target = f"{rid:02d}-{TECHS.loc[rid].slug}.md"
        assert f"]({target})" in related, f"{path.name}: related technique {rid} is not linked as ({target})"


@pytest.mark.parametrize("tid", PARAMS)
def test_languages_have_same_shape(tid):
    """Same front matter, same number of steps, pitfalls and admonitions in both languages."""
    zh_meta, zh = split_front_matter(page(tid, "zh").read_text(encoding="utf-8"))
    en_meta, en = split_front_matter(page(tid, "en").read_text(encoding="utf-8"))
    assert zh_meta == en_meta
    for pattern, what in [(r"^\d+\. ", "numbered steps"), (r"^!!! ", "admonitions"), (r"^\s*- ", "bullets")]:
        assert len(re.findall(pattern, zh, flags=re.M)) == len(re.findall(pattern, en, flags=re.M)), \
            f"technique {tid}: zh and en have different numbers of {what}"


@pytest.mark.parametrize("tid", PARAMS)
def test_page_is_not_copied_from_sources(tid, source_grams):
    for lang in ("zh", "en"):
        hits = copied_runs(page(tid, lang).read_text(encoding="utf-8"), source_grams)
        assert not hits, f"technique {tid} ({lang}) repeats the sources word for word: {hits[0]!r}"


LEGAL = re.compile(r"(民法典|刑法|民事诉讼法|个人信息保护法|企业破产法|Civil Code|Criminal Law|Civil Procedure|PIPL|Bankruptcy Law)")


@pytest.mark.parametrize("tid", PARAMS)
def test_legal_mentions_cite_an_article(tid):
    """Wherever a page names a PRC statute, an article number is within reach."""
    for lang in ("zh", "en"):
        _, body = split_front_matter(page(tid, lang).read_text(encoding="utf-8"))
        for para in re.split(r"\n\s*\n", body):
            if LEGAL.search(para):
                assert re.search(r"(第[0-9一二三四五六七八九十百零]+条|arts?\.\s*\d+)", para), \
                    f"technique {tid} ({lang}) names a law without an article: {para[:120]!r}"


@pytest.mark.parametrize("cid", CHAPTERS)
def test_chapter_overview_pages(cid):
    for suffix, _lang in ((".md", "zh"), (".en.md", "en")):
        path = DOCS / "techniques" / f"chapter-{cid:02d}{suffix}"
        assert path.exists(), f"missing {path.name}"
        text = path.read_text(encoding="utf-8")
        assert f"<!-- catalog:chapter {cid} -->" in text, f"{path.name} must include its generated table"
        assert "```mermaid" in text, f"{path.name} needs a mermaid flow"
