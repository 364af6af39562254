"""Legal content a reader can rely on: no unverified claim left in the sources, no stale article
numbers from laws revised in 2025, and lawful-boundary sections that say something specific."""
import re
from collections import defaultdict

import pytest

from tests.conftest import DOCS, split_front_matter

SKIP = {"overrides", "includes", "notebooks"}
ALL_PAGES = sorted(p for p in DOCS.rglob("*.md") if not p.is_symlink()
                   and not (set(p.relative_to(DOCS).parts) & SKIP))
TECHNIQUE_PAGES = sorted((DOCS / "techniques").glob("[0-9][0-9]-*.md"))
BOUNDARY = {"zh": "## 合法边界", "en": "## The lawful boundary"}
MAX_PAGES_PER_SENTENCE = 5


def _lang(path) -> str:
    return "en" if path.name.endswith(".en.md") else "zh"


def test_no_verify_marker_is_left_in_the_docs():
    """A `<!-- verify: ... -->` note is invisible to readers, so the claim next to it reads as fact."""
    left = [f"{p.relative_to(DOCS)}:{n}" for p in ALL_PAGES
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if "verify:" in line]
    assert not left, f"{len(left)} unsettled verify markers, e.g. {left[:5]}"


# Article numbers that the 2025 revision of the Anti-Unfair Competition Law moved: bribery 7 -> 8,
# trade secrets 9 -> 10. A page may mention the old number only as "before the revision".
# Likewise the Public Security Administration Punishments Law (harassing messages: art. 42 -> 50) and the
# Arbitration Law (renumbered throughout in 2025; the course cites only the current text).
STALE_AUCL = re.compile(r"(反不正当竞争法第[79]条|Anti-Unfair Competition Law,? arts?\. [79]\b"
                        r"|治安管理处罚法》?第42条|Punishments Law,? art\. 42\b|原仲裁法|former Arbitration Law)")


@pytest.mark.parametrize("path", ALL_PAGES, ids=[str(p.relative_to(DOCS)) for p in ALL_PAGES])
def test_revised_laws_use_current_article_numbers(path):
    for para in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
        if STALE_AUCL.search(para):
            assert re.search(r"(修订前|before the (2025 )?revision)", para), \
                f"{path.relative_to(DOCS)} cites an article number from before a 2025 revision: {para[:160]!r}"


def test_a_true_statement_of_a_debt_is_not_called_defamation():
    """Raising a real debt in front of others is a privacy and necessity problem, not defamation."""
    for path in ALL_PAGES:
        text = path.read_text(encoding="utf-8")
        assert "追讨欠款容易侵害名誉权" not in text, f"{path.relative_to(DOCS)} still says so"


def _sentences(section: str, lang: str) -> list[str]:
    section = re.sub(r"^!!! .*$", "", section, flags=re.M)           # admonition titles
    section = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", section)      # links -> their text
    text = re.sub(r"\s+", " ", section)
    # split at clause level (commas too), so a stock clause is caught even behind a page-specific opening
    parts = re.split(r"(?<=[.!?;:,])\s", text) if lang == "en" else re.split(r"(?<=[。！？；：，])", text)
    out = []
    for s in parts:
        s = s.strip(" -*>")
        if len(re.sub(r"\W", "", s)) >= (12 if lang == "zh" else 40):
            out.append(s)
    return out


def boundary_sentences() -> dict[tuple[str, str], set[str]]:
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    for path in TECHNIQUE_PAGES:
        lang = _lang(path)
        _, body = split_front_matter(path.read_text(encoding="utf-8"))
        if BOUNDARY[lang] not in body:
            continue
        section = body.split(BOUNDARY[lang], 1)[1].split("\n## ", 1)[0]
        for s in set(_sentences(section, lang)):
            seen[(lang, s)].add(path.name)
    return seen


def test_boundary_sentences_are_written_for_their_page():
    """A lawful-boundary sentence shared by many pages is boilerplate, not guidance."""
    shared = {k: v for k, v in boundary_sentences().items() if len(v) > MAX_PAGES_PER_SENTENCE}
    worst = sorted(shared.items(), key=lambda kv: -len(kv[1]))[:3]
    listed = "; ".join(f"{s!r} ({len(p)} pages)" for (_, s), p in worst)
    assert not shared, f"boundary sentences on more than {MAX_PAGES_PER_SENTENCE} pages: {listed}"


def test_the_boundary_check_catches_boilerplate():
    page = "x\n## 合法边界\n\n除一般的诚信原则外没有特别的法律限制。本页自己的一句话写在这里。\n\n## 练一练\n"
    sentences = _sentences(page.split(BOUNDARY["zh"], 1)[1].split("\n## ", 1)[0], "zh")
    assert "除一般的诚信原则外没有特别的法律限制。" in sentences
    assert len(sentences) == 2
    clause = "以诚相待、帮助客户改善经营，除一般的诚信原则外没有特别的法律限制。"
    assert "除一般的诚信原则外没有特别的法律限制。" in _sentences(clause, "zh")


SCRIPT = {"zh": "## 话术示例", "en": "## Script"}
EXAMPLE_TAG = re.compile(r"[（(][^（()）]*(?:示例|example)[^（()）]*[)）]", flags=re.I)


@pytest.mark.parametrize("path", TECHNIQUE_PAGES, ids=[p.name for p in TECHNIQUE_PAGES])
def test_spoken_script_lines_carry_no_example_tags(path):
    """People do not say "(example figure)" aloud: the page says it once, outside the quoted lines."""
    lang = _lang(path)
    _, body = split_front_matter(path.read_text(encoding="utf-8"))
    if SCRIPT[lang] not in body:
        return
    section = body.split(SCRIPT[lang], 1)[1].split("\n## ", 1)[0]
    tagged = [line for line in section.splitlines() if line.lstrip().startswith(">") and EXAMPLE_TAG.search(line)]
    assert not tagged, f"{path.name}: example tag inside a spoken line: {tagged[0][:100]!r}"
