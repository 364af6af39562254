"""Pictures, forms, worked numbers and cases on the pages (issue 14).

Counts per page what the build turns into diagrams (```mermaid fences), template links
(``[[tpl:NAME]]``), computed examples (``[[calc:...]]``), calculators and cases; checks
that Chinese and English pages carry the same ones; that every template link resolves to
a file that ``write_templates`` writes and that the file opens; and that every worked
example renders from coursekit with the same figures the package computes.
"""
import re

import openpyxl
import pytest

from coursekit import catalog, legal, metrics, provision, worked
from coursekit.templates import LABELS, TEMPLATES, write_templates
from tests.conftest import DOCS, split_front_matter

TECHS = catalog.techniques()
MERMAID = re.compile(r"^```mermaid\s*$", re.M)
TPL = re.compile(r"\[\[tpl:([a-z-]+)\]\]")
CALC = re.compile(r"^\[\[calc:([^\]]+)\]\]\s*$", re.M)
CALCULATOR = re.compile(r"^\[\[calculator:([a-z-]+)\]\]\s*$", re.M)
CASE = {"zh": re.compile(r'^!!! (?:note|info) "案例：', re.M), "en": re.compile(r'^!!! (?:note|info) "Case: ', re.M)}


def _pairs():
    """Every Chinese page with its English twin, as paths relative to docs/."""
    for zh in sorted(DOCS.rglob("*.md")):
        if zh.name.endswith(".en.md") or "overrides" in zh.parts or "includes" in zh.parts:
            continue
        en = zh.with_name(zh.name[:-3] + ".en.md")
        if en.exists():
            yield zh, en


PAIRS = [pytest.param(zh, en, id=str(zh.relative_to(DOCS))) for zh, en in _pairs()]


def _body(path):
    return split_front_matter(path.read_text(encoding="utf-8"))[1]


def _technique_pages(lang):
    suffix = ".md" if lang == "zh" else ".en.md"
    return {tid: DOCS / "techniques" / f"{tid:02d}-{row.slug}{suffix}" for tid, row in TECHS.iterrows()}


@pytest.mark.parametrize("zh, en", PAIRS)
def test_both_languages_carry_the_same_pictures_forms_and_numbers(zh, en):
    a, b = _body(zh), _body(en)
    assert len(MERMAID.findall(a)) == len(MERMAID.findall(b)), f"{zh.name}: different numbers of diagrams"
    assert sorted(TPL.findall(a)) == sorted(TPL.findall(b)), f"{zh.name}: different template links"
    assert CALC.findall(a) == CALC.findall(b), f"{zh.name}: worked examples differ between zh and en"
    assert CALCULATOR.findall(a) == CALCULATOR.findall(b), f"{zh.name}: calculators differ between zh and en"
    assert len(CASE["zh"].findall(a)) == len(CASE["en"].findall(b)), f"{zh.name}: different numbers of cases"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_counts_promised_by_issue_14(lang):
    pages = {tid: _body(p) for tid, p in _technique_pages(lang).items()}
    with_diagram = [t for t, b in pages.items() if MERMAID.search(b)]
    with_numbers = [t for t, b in pages.items() if CALC.search(b)]
    with_template = [t for t, b in pages.items() if TPL.search(b)]
    law = {p.name: _body(p) for p in (DOCS / "law").glob("*.md") if p.name.endswith(".en.md") == (lang == "en")}
    cases = [t for t, b in pages.items() if CASE[lang].search(b)] + [n for n, b in law.items() if CASE[lang].search(b)]
    numbers = with_numbers + [n for n, b in law.items() if CALC.search(b)]
    assert len(with_diagram) >= 30, f"only {len(with_diagram)} technique pages have a diagram"
    assert len(numbers) >= 25, f"only {len(numbers)} pages show a computed example"
    assert len(with_template) >= 25, f"only {len(with_template)} technique pages link a template"
    assert len(cases) >= 10, f"only {len(cases)} pages have a case"


@pytest.mark.parametrize("cid", list(catalog.chapters().index))
def test_chapter_overview_shows_its_place_in_the_process(cid):
    for suffix in (".md", ".en.md"):
        text = (DOCS / "techniques" / f"chapter-{cid:02d}{suffix}").read_text(encoding="utf-8")
        assert len(MERMAID.findall(text)) >= 2, f"chapter {cid}: the whole-process diagram is missing"
        assert f"class C{cid} here" in text, f"chapter {cid}: its own step is not highlighted"


def test_pages_that_produce_documents_link_their_template():
    """A page whose steps draft one of the course's forms links it."""
    expected = {48: "reminder", 49: "demand-letter", 57: "repayment-undertaking", 79: "balance-confirmation",
                85: "payment-order-application", 88: "claim-filing", 77: "lien-notice", 36: "call-log",
                61: "credit-investigation", 11: "collection-plan", 13: "aging-record", 52: "statement"}
    for lang in ("zh", "en"):
        pages = _technique_pages(lang)
        for tid, name in expected.items():
            how = _body(pages[tid]).split("## 怎么做" if lang == "zh" else "## How to do it", 1)[1].split("\n## ", 1)[0]
            steps = [line for line in how.splitlines() if re.match(r"^\d+\. ", line)]
            assert any(f"[[tpl:{name}]]" in s for s in steps), f"technique {tid} ({lang}): no [[tpl:{name}]] in a step"


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("templates")
    return folder, {p.name for p in write_templates(folder)}


def test_every_template_link_resolves_and_opens(written):
    folder, names = written
    for path in DOCS.rglob("*.md"):
        lang = "en" if path.name.endswith(".en.md") else "zh"
        for name in TPL.findall(path.read_text(encoding="utf-8")):
            assert name in LABELS[lang], f"{path.relative_to(DOCS)}: [[tpl:{name}]] has no label"
            files = [f for f in TEMPLATES[lang] if f.rsplit("-", 1)[0] == name]
            assert files and files[0] in names, f"{path.relative_to(DOCS)}: [[tpl:{name}]] is not written"
    for name in names:
        f = folder / name
        if name.endswith(".xlsx"):
            wb = openpyxl.load_workbook(f, read_only=True)
            assert wb.sheetnames and any(c is not None for ws in wb for row in ws.iter_rows(values_only=True)
                                         for c in row), name
            wb.close()
        else:
            assert len(f.read_text(encoding="utf-8")) > 200, name


def _all_text(path):
    if path.suffix == ".xlsx":
        wb = openpyxl.load_workbook(path, read_only=True)
        text = " ".join(str(c) for ws in wb for row in ws.iter_rows(values_only=True) for c in row if c is not None)
        wb.close()
        return text
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name, articles", [
    ("repayment-undertaking", {"zh": ["第195条", "第192条", "第688条", "第692条", "第14条"],
                               "en": ["art. 195", "art. 192", "art. 688", "art. 692", "art. 14"]}),
    ("payment-order-application", {"zh": ["第225条", "第11条"], "en": ["art. 225", "art. 11"]}),
    ("claim-filing", {"zh": ["第45条", "第46条", "第56条"], "en": ["art. 45", "art. 46", "art. 56"]}),
    ("lien-notice", {"zh": ["第447条", "第448条", "第453条"], "en": ["art. 447", "art. 448", "art. 453"]}),
    ("statement", {"zh": ["第195条", "第14条"], "en": ["art. 195", "art. 14"]}),
    ("call-log", {"zh": ["第8条", "第14条", "第6条"], "en": ["art. 8", "art. 14", "art. 6"]}),
    ("suspension-notice", {"zh": ["第527条", "第528条"], "en": ["art. 527", "art. 528"]}),
    ("assignment-notice", {"zh": ["第546条", "第545条"], "en": ["art. 546", "art. 545"]}),
])
def test_new_forms_name_the_articles_that_make_them_work(written, name, articles):
    folder, _ = written
    for lang in ("zh", "en"):
        f = next(folder / n for n in TEMPLATES[lang] if n.rsplit("-", 1)[0] == name)
        text = _all_text(f)
        for art in articles[lang]:
            assert art in text, f"{f.name} does not cite {art}"


def test_the_guarantor_clause_is_optional_and_joint(written):
    folder, _ = written
    zh = (folder / "repayment-undertaking-zh.txt").read_text(encoding="utf-8")
    en = (folder / "repayment-undertaking-en.txt").read_text(encoding="utf-8")
    assert "可选" in zh and "连带责任保证" in zh
    assert "Optional" in en and "joint and several" in en


def _all_calc_specs():
    specs = []
    for path in sorted(DOCS.rglob("*.md")):
        for spec in CALC.findall(path.read_text(encoding="utf-8")):
            specs.append((path, spec))
    return specs


def test_every_worked_example_renders_in_both_languages():
    specs = _all_calc_specs()
    assert specs
    for path, spec in specs:
        name, params = worked.parse(spec)
        for lang in ("zh", "en"):
            block = worked.render(name, params, lang)
            assert block.startswith('!!! example "'), f"{path.name}: {spec}"
            assert "coursekit." in block and ("示例数字" in block or "example figures" in block)


def _money(x):
    return f"{x:,.2f}"


def test_worked_examples_show_what_the_package_computes():
    """The figures in a rendered block are the package's own results, not retyped numbers."""
    for _path, spec in _all_calc_specs():
        name, p = worked.parse(spec)
        block = worked.render(name, p, "en")
        if name == "late-damages" and "lpr" in p:
            r = legal.late_payment_damages(float(p["amount"]), p["due"], p["paid"], lpr=float(p["lpr"]))
            assert _money(r["damages_low"]) in block and _money(r["damages_high"]) in block, spec
        elif name == "late-damages":
            r = legal.late_payment_damages(float(p["amount"]), p["due"], p["paid"], rate=float(p["rate"]))
            assert _money(r["damages_low"]) in block, spec
        elif name == "sme-interest":
            r = legal.sme_overdue_interest(float(p["amount"]), p["due"], p["paid"])
            assert _money(r["interest"]) in block, spec
        elif name == "waiting":
            r = provision.cost_of_waiting(float(p["amount"]), int(p["age"]), int(p["wait"]), float(p["rate"])).iloc[0]
            assert _money(r.total_cost) in block, spec
        elif name == "dso":
            assert f"{metrics.dso_standard(float(p['ar']), float(p['sales']), float(p['days'])):.1f} days" in block
        elif name == "cei":
            v = metrics.cei(*(float(p[k]) for k in ("begin", "sales", "total", "current")), months=float(p["months"]))
            assert f"CEI = {v:.1f}" in block
        elif name == "limitation":
            assert str(legal.limitation(p["due"], (), as_of=p["due"]).expiry.date()) in block


def test_worked_helpers():
    assert worked.early_payment_discount(0.02, 10, 30)["annual_rate"] == 0.3724
    r = worked.suit_or_settle(200_000, 0.9, 0.7, 18_000, 12, 0.05, offer=110_000)
    assert (r["expected"], r["expected_pv"], r["better"]) == (108_000.0, 102_857.14, "offer")
    assert worked.liquidated_damages_check(20_000, 26_000)["excessive"] is False
    assert worked.liquidated_damages_check(20_000, 26_000.01)["excessive"] is True
    assert worked.deposit_cap(500_000, 120_000)["excess"] == 20_000.0
    assert worked.preservation_security(300_000)["security"] == 90_000.0
    assert worked.preservation_security(300_000, before_suit=True)["security"] == 300_000.0
    assert worked.small_write_off(50_000, 1_000_000, 1.5)["qualifies"] is True
    assert worked.small_write_off(50_000.01, 100_000_000, 1.5)["qualifies"] is False
    assert worked.small_write_off(60_000, 1_000_000_000, 1.5)["qualifies"] is True  # 1/10,000 of revenue = 100,000
    assert worked.small_write_off(10_000, 1_000_000, 0.9)["qualifies"] is False
    with pytest.raises(ValueError):
        worked.render("nope", {}, "zh")
    with pytest.raises(ValueError):
        worked.render("dso", {"ar": "1"}, "zh")
