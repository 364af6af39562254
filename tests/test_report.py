"""The ledger report: self-contained, complete, and equal to the API's numbers."""
import re

import pandas as pd
import pytest

import coursekit as ck
from coursekit.cli import main
from coursekit.report import build_report, write_report

LEDGER = ck.sample_ledger(seed=11, customers=30, months=12)
AS_OF = "2026-10-31"


@pytest.fixture(scope="module")
def html_report(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    write_report(LEDGER, AS_OF, path)
    return path.read_text(encoding="utf-8")


def test_html_is_self_contained(html_report):
    assert not re.search(r'(src|href)="(https?:)?//', html_report)
    assert "<link" not in html_report and "<script" not in html_report
    assert html_report.count("data:image/png;base64,") == 4


def test_html_has_every_table_with_the_api_numbers(html_report):
    for heading in ("债务催收表", "账龄表", "DSO 指标", "风险等级", "诉讼时效提醒"):
        assert heading in html_report
    total = ck.aging(LEDGER, AS_OF)["total"].sum()
    assert f"¥{total:,.2f}" in html_report
    plan = ck.collection_plan(LEDGER, AS_OF)
    for customer in plan["customer"].head(5):
        assert customer in html_report
    std = ck.dso(LEDGER, AS_OF, 90, "standard")
    assert f"{std:,.2f}" in html_report


def test_excel_report_sheets_match_the_api(tmp_path):
    path = write_report(LEDGER, AS_OF, tmp_path / "r.xlsx", lang="en")
    sheets = pd.read_excel(path, sheet_name=None)
    from coursekit.report import TEXT

    assert set(sheets) == {TEXT["en"][k][:31] for k in ("summary", "plan", "aging", "dso", "grades", "deadlines", "imported")}
    aging = sheets["Aging"].set_index("customer")
    api = ck.aging(LEDGER, AS_OF)
    assert aging["total"].round(2).to_dict() == api["total"].round(2).to_dict()
    assert len(sheets["Collection plan"]) == len(ck.collection_plan(LEDGER, AS_OF))


def test_english_report_and_summary():
    report = build_report(LEDGER, AS_OF, lang="en", charts=False)
    assert report.summary["total_ar"] == round(ck.aging(LEDGER, AS_OF)["total"].sum(), 2)
    assert 0 <= report.summary["overdue_share"] <= 1
    assert set(report.tables["plan"]["approach"]) <= {"soft", "firm"}


def test_bad_suffix_and_cli(tmp_path, capsys):
    with pytest.raises(ValueError, match=".html or .xlsx"):
        write_report(LEDGER, AS_OF, tmp_path / "r.pdf")
    book = tmp_path / "l.xlsx"
    main(["sample", str(book), "--customers", "12", "--months", "6"])
    assert main(["report", str(book), "--as-of", AS_OF, "-o", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").stat().st_size > 10_000
    assert main(["report", str(book), "-o", str(tmp_path / "r.doc")]) == 2


def test_a_big_table_is_cut_in_the_html_and_complete_in_the_xlsx(tmp_path, monkeypatch):
    from coursekit import report as report_module

    monkeypatch.setattr(report_module, "HTML_ROWS", 5)
    big = ck.sample_ledger(seed=3, customers=40, months=12)
    html = write_report(big, AS_OF, tmp_path / "r.html", lang="en").read_text(encoding="utf-8")
    plan = ck.collection_plan(big, AS_OF, lang="en")
    assert len(plan) > 5
    assert f"Showing the first 5 of {len(plan):,} rows" in html
    section = html.split('id="plan"')[1].split("<h2")[0]
    assert section.count("<tr>") == 5 + 1                      # header and five rows
    assert plan["customer"].iloc[0] in section and plan["customer"].iloc[-1] not in section
    sheets = pd.read_excel(write_report(big, AS_OF, tmp_path / "r.xlsx", lang="en"), sheet_name=None)
    assert len(sheets["Collection plan"]) == len(plan)
    assert sheets["Collection plan"]["customer"].tolist() == plan["customer"].tolist()


def test_report_on_an_open_item_export_carries_the_import_summary(tmp_path):
    """An export without receipt dates: the report is built for its export date, shows what was read,
    and leaves the average-balance DSO (which needs an earlier balance) blank instead of guessing it."""
    from pathlib import Path

    import openpyxl

    src = Path(__file__).parent / "exports" / "kingdee-open-items" / "kingdee-ar-detail.xlsx"
    ledger = ck.load_ledger(src)
    html_out = ck.report.write_report(ledger, "2026-11-30", tmp_path / "r.html", lang="en")
    page = html_out.read_text(encoding="utf-8")
    assert 'id="import"' in page and "header found on row 4" in page and "&#x27;合计&#x27;" in page
    xlsx_out = ck.report.write_report(ledger, "2026-11-30", tmp_path / "r.xlsx", lang="en")
    wb = openpyxl.load_workbook(xlsx_out)
    assert "Import summary" in wb.sheetnames
    dso = {r[0]: r[1] for r in wb["DSO figures"].iter_rows(min_row=2, values_only=True)}
    assert dso["Average-balance DSO"] is None and dso["Standard DSO"] > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "r.xlsx"]   # no temporary file left
