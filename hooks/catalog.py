"""Build the technique section of the site from the catalog.

* the navigation of "92招" (chapter overviews and technique pages), in catalog order;
* ``<!-- catalog:all -->`` and ``<!-- catalog:chapter N -->`` become tables;
* each technique page gets its compliance badge and links to the notebooks that
  practise it, all taken from ``coursekit/data/techniques.yaml``.
"""
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from coursekit import catalog

NB_DIR = Path(__file__).resolve().parent.parent / "notebooks"
TEXT = {
    "zh": {"id": "编号", "title": "技巧", "chapter": "章", "stage": "阶段", "compliance": "合规",
           "grades": "适用风险等级", "practise": "动手练习：", "chapter_word": "第{n}章"},
    "en": {"id": "No.", "title": "Technique", "chapter": "Ch.", "stage": "Stage", "compliance": "Compliance",
           "grades": "Risk grades", "practise": "Practise in the workbook:", "chapter_word": "Chapter {n}"},
}
GRADE = {"zh": {5: "未收款", 4: "催收款", 3: "准呆账", 2: "呆账", 1: "死账"},
         "en": {5: "not yet due", 4: "in collection", 3: "doubtful", 2: "bad", 1: "dead"}}


def _docs(config) -> Path:
    return Path(config["docs_dir"])


@event_priority(100)
def on_config(config, **kwargs):
    techs, chaps = catalog.techniques(), catalog.chapters()
    docs = _docs(config)
    section = None
    for item in config["nav"] or []:
        if isinstance(item, dict) and "92招" in item:
            section = item["92招"]
        if isinstance(item, dict) and "工作簿" in item:
            item["工作簿"] = [f"notebooks/{p.name}" for p in sorted(NB_DIR.glob("[0-9][0-9]-*.ipynb"))]
    if section is None:
        return config
    translations = {"本章概览": "Chapter overview"}
    for cid, ch in chaps.iterrows():
        label = f"第{cid}章 {ch.title_zh}"
        translations[label] = f"{cid}. {ch.title_en}"
        pages = [f"techniques/chapter-{cid:02d}.md"] + list(techs[techs.chapter == cid].page)
        pages = [p for p in pages if (docs / p).exists()]
        if pages and pages[0].startswith("techniques/chapter-"):
            # the section label already carries the chapter's title: its overview page is
            # listed as "本章概览", not under the same title a second time
            pages[0] = {"本章概览": pages[0]}
        if pages:
            section.append({label: pages})
    i18n = config["plugins"].get("i18n")
    if i18n is not None:
        for lang in i18n.config.languages:
            if lang.locale == "en":
                lang.nav_translations = {**(lang.nav_translations or {}), **translations}
    return config


def _lang(page) -> str:
    return "en" if page.file.src_uri.endswith(".en.md") else "zh"


def _badge(level: str, lang: str) -> str:
    return f'<span class="ck-badge ck-badge--{level}">{catalog.COMPLIANCE_LABELS[lang][level]}</span>'


def _title(row, lang):
    return row.title_zh if lang == "zh" else row.title_en


def _table(rows, lang: str, prefix: str) -> str:
    t = TEXT[lang]
    head = f"| {t['id']} | {t['title']} | {t['chapter']} | {t['stage']} | {t['compliance']} | {t['grades']} |\n"
    head += "|---:|---|---:|---|---|---|\n"
    lines = []
    for tid, r in rows.iterrows():
        grades = "、".join(GRADE[lang][g] for g in sorted(r.grades, reverse=True)) if lang == "zh" \
            else ", ".join(GRADE[lang][g] for g in sorted(r.grades, reverse=True))
        link = f"[{_title(r, lang)}]({prefix}{tid:02d}-{r.slug}.md) {_badge(r.compliance, lang)}"
        lines.append(f"| {tid} | {link} | {r.chapter} | {catalog.STAGE_LABELS[lang][r.stage]} | "
                     f"{_badge(r.compliance, lang)} | {grades} |")
    # the wrapper lets the stylesheet hide the secondary columns on a phone, and
    # javascripts/techniques-filter.js add its filter (chapter, stage, compliance, grade)
    return f'<div class="ck-techniques" markdown>\n\n{head}' + "\n".join(lines) + "\n\n</div>\n"


TPL_REF = re.compile(r"\[\[tpl:([a-z-]+)\]\]")
NB_REF = re.compile(r"\[\[nb:([0-9]{2}-[a-z0-9-]+)\]\]")
TECH_REF = re.compile(r"\[\[t:(\d{1,2})\]\]")


def _page_prefix(page) -> str:
    """Relative path from a page's folder back to the docs root."""
    depth = page.file.src_uri.count("/")
    return "../" * depth


def _references(markdown: str, page, lang: str, techs) -> str:
    """``[[nb:03-dso]]`` links a workbook notebook (plain code text until it exists);
    ``[[t:49]]`` links a technique page with its catalog title."""
    root = _page_prefix(page)

    def nb(m):
        name = m.group(1)
        if (NB_DIR / f"{name}.ipynb").exists():
            return f"[`{name}`]({root}notebooks/{name}.ipynb)"
        return f"`{name}`"

    def tech(m):
        tid = int(m.group(1))
        if tid not in techs.index:
            raise ValueError(f"{page.file.src_uri}: [[t:{tid}]] is not a technique id")
        row = techs.loc[tid]
        return f"[{catalog.technique_title(tid, lang)}]({root}techniques/{tid:02d}-{row.slug}.md)"

    def tpl(m):
        from coursekit.templates import LABELS, TEMPLATES

        name = m.group(1)
        files = [f for f in TEMPLATES[lang] if f.rsplit("-", 1)[0] == name]
        if not files:
            raise ValueError(f"{page.file.src_uri}: [[tpl:{name}]] is not a template")
        url_root = "../" * page.url.count("/")
        return f'<a class="md-button" href="{url_root}templates/{files[0]}" download>{LABELS[lang][name]}</a>'

    return TPL_REF.sub(tpl, TECH_REF.sub(tech, NB_REF.sub(nb, markdown)))


def on_page_markdown(markdown, page, config, files, **kwargs):
    lang = _lang(page)
    markdown = _references(markdown, page, lang, catalog.techniques())
    techs = catalog.techniques()
    if "<!-- catalog:all -->" in markdown:
        markdown = markdown.replace("<!-- catalog:all -->", _table(techs, lang, ""))
    for m in re.finditer(r"<!-- catalog:chapter (\d+) -->", markdown):
        rows = techs[techs.chapter == int(m.group(1))]
        markdown = markdown.replace(m.group(0), _table(rows, lang, ""))
    tid = page.meta.get("id")
    if tid in techs.index and page.file.src_uri.startswith("techniques/"):
        markdown = _decorate_technique(markdown, techs.loc[tid], tid, lang)
    return markdown


def _decorate_technique(markdown: str, row, tid: int, lang: str) -> str:
    t = TEXT[lang]
    chap = t["chapter_word"].format(n=row.chapter)
    meta = (f'{_badge(row.compliance, lang)} <span class="ck-meta">[{chap}](chapter-{row.chapter:02d}.md) · '
            f'{catalog.STAGE_LABELS[lang][row.stage]}</span>\n\n')
    markdown = re.sub(r"^(# .+\n)", lambda m: m.group(1) + "\n" + meta, markdown, count=1, flags=re.M)
    nbs = [n for n in row.notebooks if (NB_DIR / f"{n}.ipynb").exists()]
    if nbs:
        links = t["practise"] + " " + " · ".join(f"[`{n}`](../notebooks/{n}.ipynb)" for n in nbs) + "\n\n"
        heading = "## 练一练" if lang == "zh" else "## Practise it"
        markdown = markdown.replace(heading + "\n", heading + "\n\n" + links, 1)
    return markdown
