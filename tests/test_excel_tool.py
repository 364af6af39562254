"""The Excel tool (账龄分析表格) computes what coursekit computes.

The workbook is written with formulas only (no cached values), recalculated headlessly by
LibreOffice (``soffice --convert-to xlsx`` recalculates on load), read back, and compared
cell by cell with coursekit for the same as-of date: every aging cell to the cent, every
grade, outstanding, overdue, maximum days overdue and limitation expiry to the day, and the
plan's order, approach, techniques and follow-up dates. No cell may hold an error.

The tool knows invoices and receipts only, so the oracle is coursekit on the same ledger
without its customers table (no status, disputes, promises, demands or acknowledgements).

Without LibreOffice the recalculation tests are skipped with a hint; under CI=true a
missing ``soffice`` is a failure (``.ci/run`` installs ``libreoffice-calc``).
"""
import argparse
import datetime as dt
import itertools
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import coursekit as ck
from coursekit.excel_tool import (
    FIRST_ROW,
    SAMPLE_AS_OF,
    SHEET_NAMES,
    add_parser,
    run,
    write_excel_tool,
)

SOFFICE = os.environ.get("SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
ERRORS = ("#VALUE!", "#NAME?", "#REF!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "Err:")
# Every function the tool may use: Excel 2010, WPS and LibreOffice all compute these.
ALLOWED = {"SUM", "SUMIFS", "COUNTIF", "COUNTIFS", "COUNT", "SUMPRODUCT", "EXACT", "INDEX", "MATCH", "EDATE",
           "IF", "AND", "OR", "NOT", "ISNUMBER", "LEN", "CHOOSE", "MIN", "MAX", "ROUND", "ROW"}


# -- LibreOffice ------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def soffice(in_ci, tmp_path_factory):
    if not SOFFICE:
        message = ("LibreOffice is not installed, so the Excel tool cannot be recalculated. Install it with "
                   "`sudo apt-get install --no-install-recommends libreoffice-calc` (Debian/Ubuntu) or set "
                   "SOFFICE=/path/to/soffice.")
        if in_ci:
            pytest.fail(message)
        pytest.skip(message)
    profile = tmp_path_factory.mktemp("lo-profile")

    def recalc(paths: list[Path], outdir: Path) -> list[Path]:
        outdir.mkdir(parents=True, exist_ok=True)
        cmd = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "xlsx", "--outdir", str(outdir), *map(str, paths)]
        out = [outdir / p.name for p in paths]
        for _attempt in range(2):   # one retry: a loaded machine can make a LibreOffice start fail
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
            missing = [p for p in out if not p.exists()]
            if proc.returncode == 0 and not missing:
                break
        assert proc.returncode == 0 and not missing, f"soffice failed:\n{proc.stdout}\n{proc.stderr}"
        return out

    return recalc


# -- reading the recalculated workbook --------------------------------------------------------
def _day(value):
    if value in (None, "") or isinstance(value, dt.time):   # 0 under a date format: no date
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return (dt.datetime(1899, 12, 30) + dt.timedelta(days=int(value))).date()


def _table(ws, first_col: int, last_col: int, key_col: int = 1) -> list[list]:
    rows, r = [], FIRST_ROW
    while r <= ws.max_row:
        key = ws.cell(r, key_col).value
        if key in (None, ""):
            break
        rows.append([ws.cell(r, c).value for c in range(first_col, last_col + 1)])
        r += 1
    return rows


def read_tool(path: Path, lang: str) -> dict:
    wb = openpyxl.load_workbook(path, data_only=True)
    names = SHEET_NAMES[lang]
    errors = [(ws.title, c.coordinate, c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
              if c.data_type == "e" or (isinstance(c.value, str) and c.value.startswith(ERRORS))]
    aging_rows = _table(wb[names["aging"]], 1, 8)
    aging = pd.DataFrame([r[1:] for r in aging_rows], index=[r[0] for r in aging_rows],
                         columns=["current", "1-30", "31-60", "61-90", "91+", "unapplied", "total"])
    grade_rows = [r for r in _table(wb[names["grades"]], 1, 9) if r[1] not in (None, "", 0)]
    grades = pd.DataFrame([{"customer": r[0], "outstanding": r[2], "overdue": r[3], "max_days_overdue": r[4],
                            "limitation_expiry": _day(r[5]), "days_left": r[6], "grade": r[7], "name": r[8]}
                           for r in grade_rows]).set_index("customer") if grade_rows else pd.DataFrame()
    plan = pd.DataFrame([{"priority": r[0], "customer": r[1], "grade": r[2], "outstanding": r[4], "overdue": r[5],
                          "expected_recovery": r[6], "deadline": r[7], "approach": r[9], "next_action": r[10],
                          "techniques": r[11], "follow_up": _day(r[12]), "limitation_expiry": _day(r[13]),
                          "days_to_limitation": r[14]} for r in _table(wb[names["plan"]], 1, 15)])
    ledger = pd.DataFrame([{"customer": r[0], "invoice_id": r[1], "open": r[8], "expiry": _day(r[13]),
                            "days_left": r[14], "check": r[15], "owed": r[16]} for r in _table(wb[names["ledger"]], 1, 17)],
                          columns=["customer", "invoice_id", "open", "expiry", "days_left", "check", "owed"])
    return {"errors": errors, "aging": aging, "grades": grades, "plan": plan, "ledger": ledger, "wb": wb}


def plain(ledger: ck.Ledger) -> ck.Ledger:
    """The same invoices and receipts, without customer facts (what the tool knows)."""
    return ck.Ledger(ledger.invoices.drop(columns=["_row"], errors="ignore"),
                     ledger.payments.drop(columns=["_row"], errors="ignore"))


def cents(x) -> int:
    return int(round(float(x or 0) * 100))


def assert_matches_coursekit(tool: dict, ledger: ck.Ledger, as_of, lang: str) -> None:
    assert tool["errors"] == [], f"error cells: {tool['errors'][:10]}"
    base = plain(ledger)
    # aging: every cell of every customer row, to the cent
    want = ck.aging(base, as_of)
    got = tool["aging"]
    assert set(want.index) <= set(got.index), f"customers missing from the Aging sheet: {set(want.index) - set(got.index)}"
    for customer, row in got.iterrows():
        expected = want.loc[customer] if customer in want.index else pd.Series(0.0, index=want.columns)
        assert [cents(v) for v in row] == [cents(v) for v in expected], f"aging of {customer!r}"
    # grades and limitation expiry, to the day
    want = ck.risk_grades(base, as_of)
    got = tool["grades"]
    assert set(got.index) == set(want.index)
    today = pd.Timestamp(as_of).date()
    for customer, w in want.iterrows():
        g = got.loc[customer]
        assert int(g.grade) == int(w.grade), f"grade of {customer!r}: {g.grade} vs {w.grade} ({w.reason_en})"
        assert g["name"] == (w.grade_zh if lang == "zh" else w.grade_en)
        assert cents(g.outstanding) == cents(w.outstanding) and cents(g.overdue) == cents(w.overdue), customer
        assert int(g.max_days_overdue) == int(w.max_days_overdue), customer
        assert g.limitation_expiry == w.limitation_expiry.date(), f"expiry of {customer!r}"
        assert int(g.days_left) == (w.limitation_expiry.date() - today).days
    # each invoice still owed (after the customer's credit, earliest due first) and its expiry on the ledger
    # sheet = coursekit's limitation_deadlines
    deadlines = ck.risk.limitation_deadlines(base, as_of).set_index("invoice_id")
    rows = tool["ledger"].set_index("invoice_id")
    open_rows = rows[rows["owed"] > 0]
    assert set(open_rows.index) == set(deadlines.index)
    for inv, d in deadlines.iterrows():
        assert cents(open_rows.loc[inv, "owed"]) == cents(d.outstanding), inv
        assert open_rows.loc[inv, "expiry"] == d.expiry.date(), f"expiry of {inv}"
        assert int(open_rows.loc[inv, "days_left"]) == int(d.days_left), inv
    assert not tool["ledger"]["check"].fillna("").astype(bool).any(), "rows flagged by the Check column"
    # the plan: order, approach, techniques, follow-up
    want = ck.collection_plan(base, as_of, lang=lang)
    got = tool["plan"]
    assert len(got) == len(want)
    if not len(want):
        return
    assert list(got["priority"]) == list(range(1, len(want) + 1))
    # the order is exact except among exact ties, which the sheet breaks by list order, coursekit by name
    def key(df):
        return list(zip(df["deadline"].astype(bool), df["expected_recovery"].round(1), df["outstanding"].round(2),
                        strict=True))

    got_deadline = got["deadline"].map({"是": True, "否": False, "yes": True, "no": False})
    assert list(got_deadline) == list(want["deadline"])
    w = want.set_index("customer")
    for _, g in got.iterrows():
        e = w.loc[g.customer]
        assert g.approach == e.approach and g.next_action == e.next_action, g.customer
        assert g.techniques == ", ".join(str(t) for t in e.techniques), g.customer
        assert g.follow_up == e.follow_up and g.limitation_expiry == e.limitation_expiry, g.customer
        assert int(g.days_to_limitation) == int(e.days_to_limitation) and int(g.grade) == int(e.grade)
        # ROUND in a spreadsheet rounds half away from zero; Python's round() works on the binary float
        assert abs(cents(g.expected_recovery) - cents(e.expected_recovery)) <= 1, g.customer
    tied = pd.Series(key(want)).duplicated(keep=False).to_numpy()
    assert [c for c, t in zip(got["customer"], tied, strict=True) if not t] == \
           [c for c, t in zip(want["customer"], tied, strict=True) if not t]


# -- the sample ledger in both languages, and a ledger made of edge cases ------------------------
EDGE_AS_OF = "2027-02-28"


def edge_ledger() -> ck.Ledger:
    """One open invoice on each bucket and grade edge, and the limitation cases of a plain ledger."""
    day = pd.Timestamp(EDGE_AS_OF)
    inv, pay = [], []
    for k, days in enumerate([-30, -1, 0, 1, 30, 31, 60, 61, 90, 91, 180, 181, 365, 366]):
        due = day - pd.Timedelta(days=days)
        # one customer per grade band, so that each band's edge decides a customer's grade
        band = "未到期" if days <= 0 else "催收" if days <= 90 else "准呆" if days <= 180 else "呆账" if days <= 365 else "死账"
        inv.append({"customer": f"{band}{k % 2}", "invoice_id": f"E{k:02d}", "invoice_date": due - pd.Timedelta(days=30),
                    "due_date": due, "amount": 1000 + k + 0.01 * k})
    cases = [  # customer, due date, receipts (date, amount) on an invoice of 5,000.00
        ("二月廿九", "2024-02-29", []),                          # expiry 2027-02-28 = the as-of date: 0 days left
        ("二月廿八", "2024-02-27", []),                          # expired yesterday: grade 1
        ("部分还款", "2023-06-30", [("2025-01-15", 1000.0)]),   # restarts from the payment
        ("到期前付", "2023-01-31", [("2023-01-10", 500.0)]),    # before the due date: no effect, expired
        ("过期后付", "2023-01-31", [("2026-03-01", 500.0)]),    # after expiry: does not revive
        ("到期日付", "2023-06-30", [("2023-06-30", 500.0)]),    # on the due date itself: no effect
        ("届满日付", "2023-01-31", [("2026-01-31", 500.0)]),    # on the last day of the period: restarts
        ("多付", "2026-12-31", [("2027-01-05", 5100.0)]),        # overpaid by 100: a credit
        ("已结清", "2026-11-30", [("2026-12-20", 5000.0)]),      # settled exactly
        ("=公式样客户", "2026-12-01", [("2027-02-28", 100.0)]),   # a receipt on the as-of date counts
        ("未来", "2027-03-31", [("2027-03-05", 100.0)]),         # a receipt after the as-of date does not
    ]
    for k, (customer, due, receipts) in enumerate(cases):
        inv_id = f"L{k:02d}"
        due = pd.Timestamp(due)
        inv.append({"customer": customer, "invoice_id": inv_id, "invoice_date": due - pd.Timedelta(days=30),
                    "due_date": due, "amount": 5000.0})
        pay += [{"invoice_id": inv_id, "customer": customer, "payment_date": d, "amount": a} for d, a in receipts]
    pay.append({"invoice_id": None, "customer": "催收1", "payment_date": "2027-02-01", "amount": 250.0})
    inv.append({"customer": "开票在后", "invoice_id": "F01", "invoice_date": "2027-03-01", "due_date": "2027-04-01",
                "amount": 800.0})
    return ck.Ledger(pd.DataFrame(inv), pd.DataFrame(pay))


def test_sample_and_edge_workbooks_equal_coursekit(soffice, tmp_path):
    sample = ck.sample_ledger(seed=7)
    cases = [(sample, SAMPLE_AS_OF, lang, write_excel_tool(tmp_path / f"tool-{lang}.xlsx", lang=lang))
             for lang in ("zh", "en")]
    edge = edge_ledger()
    cases += [(edge, EDGE_AS_OF, "zh", write_excel_tool(tmp_path / "edge.xlsx", edge, EDGE_AS_OF, spare_customers=2,
                                                        ledger_rows=60, all_invoices=True))]
    outs = soffice([c[3] for c in cases], tmp_path / "recalc")
    for (ledger, as_of, lang, _), out in zip(cases, outs, strict=True):
        tool = read_tool(out, lang)
        assert len(tool["aging"]) >= len(ck.aging(ledger, as_of)) > 0, "the workbook does not open showing numbers"
        assert_matches_coursekit(tool, ledger, as_of, lang)
        assert _day(tool["wb"][SHEET_NAMES[lang]["ledger"]]["B2"].value) == dt.date.fromisoformat(as_of)
    grades = read_tool(outs[2], "zh")["grades"]["grade"]
    assert set(grades) == {1, 2, 3, 4, 5}, "the edge ledger should reach every grade"


def test_pasted_text_is_flagged_and_left_out(soffice, tmp_path):
    """Dates or amounts pasted as text, and customers missing from the list, are flagged, not summed."""
    inv = pd.DataFrame({"customer": ["甲", "甲", "乙", "丙"], "invoice_id": ["X1", "X2", "X3", "X4"],
                        "invoice_date": ["2026-01-05"] * 4, "due_date": ["2026-02-04", "2026-03-06", "2026-09-30",
                                                                        "2026-12-31"],
                        "amount": [1000.0, 2000.0, 300.0, 400.0]})
    path = write_excel_tool(tmp_path / "t.xlsx", ck.Ledger(inv), "2026-10-31", spare_customers=2, ledger_rows=12)
    wb = openpyxl.load_workbook(path)
    ws = wb["台账"]
    rows = {ws.cell(r, 2).value: r for r in range(FIRST_ROW, FIRST_ROW + 4)}
    ws.cell(rows["X1"], 3).value = "2026-01-05"          # a date pasted as text
    ws.cell(rows["X2"], 5).value = "2,000.00"            # an amount pasted as text
    extra = FIRST_ROW + 4
    ws.cell(extra, 1).value, ws.cell(extra, 2).value = "丁", "X5"    # a customer not in the list
    ws.cell(extra, 3).value, ws.cell(extra, 4).value = dt.date(2026, 1, 5), dt.date(2026, 2, 4)
    ws.cell(extra, 5).value = 50.0
    wb.save(path)
    (out,) = soffice([path], tmp_path / "recalc")
    tool = read_tool(out, "zh")
    assert tool["errors"] == []
    check = dict(zip(tool["ledger"]["invoice_id"], tool["ledger"]["check"].fillna(""), strict=True))
    assert "日期" in check["X1"] and "金额" in check["X2"] and "客户列表" in check["X5"]
    assert check["X3"] == check["X4"] == ""
    assert tool["wb"]["台账"]["C4"].value == 3
    want = ck.aging(ck.Ledger(inv[inv["invoice_id"].isin(["X3", "X4"])]), "2026-10-31")
    got = tool["aging"]
    assert cents(got.loc["甲", "total"]) == 0
    for customer in ("乙", "丙"):
        assert [cents(v) for v in got.loc[customer]] == [cents(v) for v in want.loc[customer]]


# -- random ledgers -----------------------------------------------------------------------------
NAMES = ["华东恒远商贸有限公司", "=SUM(1,2)", "+86 贸易", "-折扣客户", "@home Ltd", "abc", "ABC", "Smith & Co*",
         "?问号公司", ">100 公司"]
EDGES = [-30, -1, 0, 1, 30, 31, 60, 61, 90, 91, 180, 181, 365, 366, 1095, 1096]


_CASES = itertools.count()


@st.composite
def ledgers(draw):
    as_of = pd.Timestamp("2024-03-01") + pd.Timedelta(days=draw(st.integers(0, 1200)))
    names = draw(st.lists(st.sampled_from(NAMES), min_size=2, max_size=5, unique=True))
    n = draw(st.integers(3, 14))
    inv, pay = [], []
    for k in range(n):
        days = draw(st.one_of(st.sampled_from(EDGES), st.integers(-60, 1500)))
        due = as_of - pd.Timedelta(days=days)
        if draw(st.booleans()) and k == 0:
            due = pd.Timestamp("2024-02-29")       # a limitation period ending in a month without the 29th
        issued = due - pd.Timedelta(days=draw(st.sampled_from([0, 1, 30, 60, 90])))
        amount = draw(st.integers(100, 5_000_000))
        inv_id = f"{'=' if k % 4 == 3 else ''}INV-{k:03d}"
        inv.append({"customer": draw(st.sampled_from(names)), "invoice_id": inv_id, "invoice_date": issued,
                    "due_date": due, "amount": amount / 100})
        for _ in range(draw(st.integers(0, 2))):
            share = draw(st.sampled_from([0.0, 0.3, 0.5, 1.0, 1.2]))
            when = issued + pd.Timedelta(days=draw(st.integers(0, 1500)))
            value = int(amount * share) if share else draw(st.integers(1, amount))
            pay.append({"invoice_id": inv_id, "customer": inv[-1]["customer"], "payment_date": when,
                        "amount": value / 100})
    for _ in range(draw(st.integers(0, 2))):
        pay.append({"invoice_id": None, "customer": draw(st.sampled_from(names)),
                    "payment_date": as_of - pd.Timedelta(days=draw(st.integers(-30, 300))),
                    "amount": draw(st.integers(100, 500_000)) / 100})
    payments = pd.DataFrame(pay, columns=["invoice_id", "customer", "payment_date", "amount"])
    return ck.Ledger(pd.DataFrame(inv), payments), as_of.date().isoformat()


@settings(max_examples=2, derandomize=True, deadline=None, database=None, phases=(Phase.explicit, Phase.generate),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(cases=st.lists(st.tuples(ledgers(), st.booleans(), st.sampled_from(["zh", "en"])), min_size=4, max_size=4))
def test_random_ledgers_equal_coursekit(soffice, tmp_path, cases):
    # four ledgers per example, recalculated by one LibreOffice start
    folder = tmp_path / f"batch-{next(_CASES)}"
    paths = [write_excel_tool(folder / f"tool-{k}.xlsx", ledger, as_of, lang=lang, spare_customers=3, ledger_rows=40,
                              all_invoices=all_invoices)
             for k, ((ledger, as_of), all_invoices, lang) in enumerate(cases)]
    for ((ledger, as_of), _, lang), out in zip(cases, soffice(paths, folder / "recalc"), strict=True):
        tool = read_tool(out, lang)
        assert_matches_coursekit(tool, ledger, as_of, lang)
        # names that look like formulas stay text, in the file written and after recalculation
        ws = tool["wb"][SHEET_NAMES[lang]["aging"]]
        listed = [ws.cell(r, 1).value for r in range(FIRST_ROW, FIRST_ROW + len(ledger._customers))]
        assert sorted(listed) == sorted(ledger._customers)


# -- without LibreOffice ------------------------------------------------------------------------
def _formulas(path: Path):
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    yield ws.title, c.coordinate, c.value


def test_only_functions_every_spreadsheet_computes(tmp_path):
    path = write_excel_tool(tmp_path / "tool.xlsx", lang="en", spare_customers=2, ledger_rows=400)
    used = set()
    for sheet, ref, formula in _formulas(path):
        assert isinstance(formula, str), f"{sheet}!{ref} is an array formula"
        used |= set(re.findall(r"([A-Z][A-Z0-9.]*)\(", re.sub(r'"[^"]*"', '""', formula)))
    assert used <= ALLOWED, f"functions outside the portable set: {used - ALLOWED}"
    assert {"SUMIFS", "SUMPRODUCT", "EDATE", "INDEX", "MATCH"} <= used
    names = zipfile.ZipFile(path).namelist()
    assert not [n for n in names if "vba" in n.lower()], "the workbook must hold no macros"


def test_names_that_look_like_formulas_are_text(tmp_path):
    inv = pd.DataFrame({"customer": ["=HYPERLINK(\"http://x\")", "+1", "-2", "@x", "普通客户"],
                        "invoice_id": ["=A1", "I-2", "I-3", "I-4", "I-5"],
                        "invoice_date": ["2026-01-01"] * 5, "due_date": ["2026-02-01"] * 5, "amount": [100.0] * 5})
    ledger = ck.Ledger(inv)
    path = write_excel_tool(tmp_path / "t.xlsx", ledger, "2026-06-30", lang="zh", spare_customers=1, ledger_rows=10)
    wb = openpyxl.load_workbook(path)
    for sheet, col in (("台账", 1), ("账龄", 1)):
        ws = wb[sheet]
        cells = [ws.cell(r, col) for r in range(FIRST_ROW, FIRST_ROW + 5)]
        assert {c.value for c in cells} == set(inv["customer"])
        assert all(c.data_type == "s" for c in cells), [(c.coordinate, c.data_type) for c in cells]
    assert wb["台账"].cell(FIRST_ROW, 2).data_type == "s"


def test_settings_and_inputs(tmp_path):
    path = write_excel_tool(tmp_path / "t.xlsx", lang="zh", spare_customers=5, ledger_rows=500)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["说明", "台账", "账龄", "分级", "计划", "设置"]
    settings_ws = wb["设置"]
    assert [settings_ws[c].value for c in ("B4", "B5", "B6", "B9", "B10", "B11", "B13", "B14")] == \
           [30, 60, 90, 90, 180, 365, 3, 180]
    ledger_ws = wb["台账"]
    assert _day(ledger_ws["B2"].value) == dt.date.fromisoformat(SAMPLE_AS_OF)
    kinds = {(dv.type, str(dv.sqref)) for dv in ledger_ws.data_validations.dataValidation}
    assert any(t == "date" and "C6:D" in ref for t, ref in kinds) and any(t == "decimal" for t, _ in kinds)
    assert wb["账龄"]._charts, "the aging sheet has no chart"
    assert wb["账龄"].conditional_formatting, "overdue columns are not highlighted"
    n_customers = len(ck.sample_ledger(seed=7)._customers)
    assert wb["账龄"].cell(FIRST_ROW + n_customers - 1, 1).value and wb["账龄"].cell(FIRST_ROW + n_customers, 1).value is None
    with pytest.raises(ValueError, match="as_of"):
        write_excel_tool(tmp_path / "x.xlsx", ck.sample_ledger(seed=1, customers=8, months=3))
    with pytest.raises(ValueError, match="lang"):
        write_excel_tool(tmp_path / "x.xlsx", lang="fr")


def test_subcommand(tmp_path, capsys):
    parser = argparse.ArgumentParser(prog="coursekit")
    add_parser(parser.add_subparsers(dest="command"))
    assert run(parser.parse_args(["excel", str(tmp_path / "t.xlsx"), "--as-of", "someday"])) == 2
    assert "not a date" in capsys.readouterr().err and not (tmp_path / "t.xlsx").exists()
    assert run(parser.parse_args(["excel", str(tmp_path / "t.csv")])) == 2
    assert run(parser.parse_args(["excel", str(tmp_path / "no" / "t.xlsx")])) == 2
    assert "does not exist" in capsys.readouterr().err
    folder = tmp_path / "ledger"
    tables = ck.sample.sample_tables(seed=3, customers=8, months=4)
    folder.mkdir()
    for name in ("invoices", "payments"):
        tables[name].to_csv(folder / f"{name}.csv", index=False)
    args = parser.parse_args(["excel", str(tmp_path / "mine.xlsx"), "--ledger", str(folder), "--as-of", "2026-10-31",
                              "--lang", "en"])
    assert run(args) == 0
    wb = openpyxl.load_workbook(tmp_path / "mine.xlsx")
    assert wb.sheetnames == list(SHEET_NAMES["en"].values())[:1] + ["Ledger", "Aging", "Grades", "Plan", "Settings"]
    ws = wb["Aging"]
    customers = ck.load_ledger(folder)._customers
    assert run(parser.parse_args(["excel", str(folder / "invoices.csv"), "--ledger", str(folder / "invoices.csv")])) == 2
    assert "overwrite" in capsys.readouterr().err
    assert {ws.cell(r, 1).value for r in range(FIRST_ROW, FIRST_ROW + len(customers))} == set(customers)
