"""Every page of the site: an English twin with the same sections, original text, cited law."""
import re

import pytest

from tests.conftest import DOCS, SOURCES, copied_runs, split_front_matter

SKIP = {"overrides", "includes"}
PAGES = sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".en.md")
               and not (set(p.relative_to(DOCS).parts) & SKIP) and not p.is_symlink()
               and "notebooks" not in p.relative_to(DOCS).parts)
IDS = [str(p.relative_to(DOCS)) for p in PAGES]


def twin(path):
    return path.with_name(path.name[:-3] + ".en.md")


@pytest.mark.parametrize("path", PAGES, ids=IDS)
def test_english_twin_has_the_same_shape(path):
    en = twin(path)
    assert en.exists(), f"{path.relative_to(DOCS)} has no English twin"
    _, zh_body = split_front_matter(path.read_text(encoding="utf-8"))
    _, en_body = split_front_matter(en.read_text(encoding="utf-8"))
    for pattern, what in [(r"^#{1,3} ", "headings"), (r"^!!! |^\?\?\?\+? ", "admonitions"), (r"^```mermaid", "diagrams"),
                          (r"^\|", "table rows")]:
        a, b = len(re.findall(pattern, zh_body, flags=re.M)), len(re.findall(pattern, en_body, flags=re.M))
        assert a == b, f"{path.relative_to(DOCS)}: {a} {what} in Chinese but {b} in English"


@pytest.mark.parametrize("path", PAGES, ids=IDS)
def test_no_sentence_is_copied_from_the_sources(path, source_grams):
    for page in (path, twin(path)):
        hits = copied_runs(page.read_text(encoding="utf-8"), source_grams)
        assert not hits, f"{page.relative_to(DOCS)} repeats the sources word for word: {hits[0]!r}"


def test_the_originality_check_catches_a_copied_sentence(source_grams):
    source = (SOURCES / "course-outline-debt-collection-2day.txt").read_text(encoding="utf-8")
    sentence = next(line.strip() for line in source.splitlines() if len(re.sub(r"\s+", "", line)) > 40)
    page = "# 示例\n\n我们自己写的开头。" + sentence + "\n"
    assert copied_runs(page, source_grams)
    assert not copied_runs("# 技巧1 强化催款的意识\n\n完全是自己写的一段话，讲的是如何合法地催收货款。", source_grams)
