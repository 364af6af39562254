"""Real export shapes in (tests/exports/*/): each folder's aging, worked out by hand in its README.

Every shape must give exactly the hand-computed aging, leave out its totals rows, say in the import
summary what it inferred, and refuse an as-of date it cannot answer for (open amounts without dates).
"""
import json
from pathlib import Path

import pandas as pd
import pytest

import coursekit as ck
from coursekit.cli import main

EXPORTS = Path(__file__).parent / "exports"
SHAPES = sorted(p.name for p in EXPORTS.iterdir() if (p / "expected.json").exists())


def spec(name):
    return json.loads((EXPORTS / name / "expected.json").read_text(encoding="utf-8"))


def test_there_are_the_shapes_the_issue_names():
    assert {"kingdee-open-items", "yonyou-two-row-header", "hand-kept-settled", "ibm-settled-us-dates",
            "sap-fbl5n", "quickbooks-aging-detail", "xero-aged-receivables", "kingdee-running-statement"} <= set(SHAPES)


@pytest.mark.parametrize("name", SHAPES)
def test_aging_equals_the_hand_computed_one(name):
    s = spec(name)
    ledger = ck.load_ledger(EXPORTS / name / s["file"], **s["options"])
    for check in s["checks"]:
        table = ck.aging(ledger, check["as_of"])
        nonzero = table[(table.abs() > 0.004).any(axis=1)]
        assert set(nonzero.index) == set(check["aging"]), f"{name} as of {check['as_of']}: customers"
        for customer, cells in check["aging"].items():
            row = table.loc[customer]
            expected = pd.Series(0.0, index=table.columns)
            for col, value in cells.items():
                expected[col] = value
            assert row.round(2).to_dict() == expected.round(2).to_dict(), f"{name}: {customer} as of {check['as_of']}"
        if "total" in check:
            assert round(table["total"].sum(), 2) == check["total"]


@pytest.mark.parametrize("name", SHAPES)
def test_summary_says_what_was_inferred(name):
    s = spec(name)
    ledger = ck.load_ledger(EXPORTS / name / s["file"], **s["options"])
    text = ledger.summary()
    assert s["file"] in text
    for phrase in s["notes_mention"]:
        assert phrase in text, f"{name}: the summary should mention {phrase!r}:\n{text}"
    assert "合计" not in set(ledger.invoices["customer"]) and not ledger.invoices["customer"].str.match(
        r"(?i)^total").any()
    if "export_date" in s:
        assert ledger.valid_from == pd.Timestamp(s["export_date"])


@pytest.mark.parametrize("name", [n for n in SHAPES if "refused_as_of" in spec(n)])
def test_an_as_of_before_the_export_date_is_refused(name, capsys):
    s = spec(name)
    ledger = ck.load_ledger(EXPORTS / name / s["file"])
    with pytest.raises(ck.AsOfError, match="export date"):
        ck.aging(ledger, s["refused_as_of"])
    for fn in (ck.open_items, ck.risk_grades, ck.collection_plan):
        with pytest.raises(ck.AsOfError):
            fn(ledger, s["refused_as_of"])
    path = str(EXPORTS / name / s["file"])
    assert main(["aging", path, "--as-of", s["refused_as_of"], "-q"]) == 2
    err = capsys.readouterr().err
    assert "只对导出日" in err and s["refused_as_of"] in err and "Traceback" not in err
    assert main(["aging", path, "--as-of", s["refused_as_of"], "-q", "--lang", "en"]) == 2
    assert "export date" in capsys.readouterr().err


@pytest.mark.parametrize("name", [n for n in SHAPES if "export_date" in spec(n)])
def test_the_cli_defaults_to_the_export_date(name, capsys):
    s = spec(name)
    assert main(["aging", str(EXPORTS / name / s["file"]), "--format", "json", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    rows = {r["customer"]: r for r in json.loads(captured.out)}
    check = next(c for c in s["checks"] if c["as_of"] == s["export_date"])
    for customer, cells in check["aging"].items():
        assert rows[customer]["total"] == cells["total"]
    assert "Import summary" in captured.err or "导入摘要" in captured.err


def test_per_invoice_disputes_are_kept_on_the_invoice():
    s = spec("ibm-settled-us-dates")
    ledger = ck.load_ledger(EXPORTS / "ibm-settled-us-dates" / s["file"])
    disputed = set(ledger.invoices.loc[ledger.invoices["disputed"], "invoice_id"])
    assert disputed == set(s["disputed"])


def test_the_sap_shape_reads_dates_day_first_and_credits_as_unapplied():
    ledger = ck.load_ledger(EXPORTS / "sap-fbl5n" / "fbl5n.csv")
    assert ledger.invoices.loc[ledger.invoices["invoice_id"] == "1800000101", "due_date"].iloc[0] == \
        pd.Timestamp("2026-09-14")
    credits = ledger.payments[ledger.payments["invoice_id"].isna()]
    assert sorted(credits["amount"]) == [2000.0, 10000.0]
    assert set(credits["kind"]) == {"payment", "credit_note"}


def test_a_dispute_on_an_invoice_counts_only_while_that_invoice_is_open():
    df = pd.DataFrame({"customer": ["A", "A", "B"], "invoice_id": ["1", "2", "3"],
                       "invoice_date": ["2026-01-01"] * 3, "due_date": ["2026-12-01"] * 3,
                       "amount": [10, 20, 30], "disputed": ["否", "是", "否"],
                       "settled_date": [None, "2026-05-01", None]})
    ledger = ck.Ledger(df)
    before = ck.risk_grades(ledger, "2026-04-30")
    after = ck.risk_grades(ledger, "2026-06-30")
    assert before.loc["A", "grade"] == 3 and "disputed" in before.loc["A", "reason_en"]
    assert after.loc["A", "grade"] == 5          # the disputed invoice was settled: A is simply not yet due
    assert before.loc["B", "grade"] == after.loc["B", "grade"] == 5


def test_instalments_of_one_invoice_are_aged_each_on_its_own():
    df = pd.DataFrame({"customer": ["A", "A"], "invoice_id": ["7", "7"], "invoice_date": ["2026-01-01"] * 2,
                       "due_date": ["2026-02-01", "2026-05-01"], "amount": [60, 40]})
    table = ck.aging(ck.Ledger(df), "2026-03-01")
    assert table.loc["A", "1-30"] == 60 and table.loc["A", "current"] == 40


def test_spellings_that_differ_only_in_width_are_one_customer():
    df = pd.DataFrame({"客户名称": ["上海某某（集团）有限公司", "上海某某(集团)有限公司 ", "上海某某（集团）有限公司"],
                       "发票号": ["1", "2", "3"], "开票日期": ["2026-01-01"] * 3, "到期日": ["2026-02-01"] * 3,
                       "金额": [1, 2, 3]})
    ledger = ck.Ledger(df)
    assert set(ledger.invoices["customer"]) == {"上海某某（集团）有限公司"}
    assert any("full-width" in n for n in ledger.notes)


def test_explicit_columns_map_an_unusual_export(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("往来户,票号,开单日,应付日,本笔金额\n甲,1,2026-01-01,2026-02-01,100\n", encoding="utf-8")
    with pytest.raises(ck.LedgerError, match="--columns"):
        ck.load_ledger(path)
    ledger = ck.load_ledger(path, columns={"customer": "往来户", "invoice_id": "票号", "invoice_date": "开单日",
                                           "due_date": "应付日", "amount": "本笔金额"})
    assert ck.aging(ledger, "2026-03-01").loc["甲", "1-30"] == 100
    assert main(["aging", str(path), "--as-of", "2026-03-01", "-q", "--format", "csv", "--lang", "en", "--columns",
                 "customer=往来户,invoice_id=票号,invoice_date=开单日,due_date=应付日,amount=本笔金额"]) == 0


def test_an_explicit_date_format_reads_ambiguous_dates(tmp_path):
    path = tmp_path / "us.csv"
    path.write_text("customer,invoice_id,invoice_date,due_date,amount\nA,1,03/04/2026,04/05/2026,10\n", encoding="utf-8")
    with pytest.raises(ck.LedgerError, match="--date-format"):
        ck.load_ledger(path)
    us = ck.load_ledger(path, date_format="%m/%d/%Y")
    eu = ck.load_ledger(path, date_format="%d/%m/%Y")
    assert us.invoices.loc[0, "invoice_date"] == pd.Timestamp("2026-03-04")
    assert eu.invoices.loc[0, "invoice_date"] == pd.Timestamp("2026-04-03")


def test_the_decimal_comma_when_declared(tmp_path):
    path = tmp_path / "eu.csv"
    path.write_text('customer;invoice_id;invoice_date;due_date;amount\nA;1;2026-01-01;2026-02-01;"12,34"\n',
                    encoding="utf-8")
    assert ck.load_ledger(path, decimal=",").invoices.loc[0, "amount"] == 12.34
    with pytest.raises(ck.LedgerError, match="decimal comma"):   # one such value alone: refused, not guessed
        ck.load_ledger(path)


@pytest.mark.parametrize("amounts,expected", [
    (['"1.234,50"', '"99,90"'], [1234.50, 99.90]),               # written the European way: settled
    (['"12,50"', '"7,05"', '"100,00"', '"3"'], [12.50, 7.05, 100.0, 3.0]),   # three values only a comma reads
    (['"1.234,50"', '"1,234"'], [1234.50, 1.234]),              # the file's convention decides 1,234 too
])
def test_the_decimal_comma_settled_from_the_file(tmp_path, amounts, expected):
    rows = "".join(f"C{i};{i};2026-01-01;2026-02-01;{a}\n" for i, a in enumerate(amounts))
    path = tmp_path / "eu.csv"
    path.write_text("customer;invoice_id;invoice_date;due_date;amount\n" + rows, encoding="utf-8")
    ledger = ck.load_ledger(path)
    assert ledger.invoices["amount"].round(3).tolist() == expected
    assert ledger.decimal == "," and any("decimal comma" in n for n in ledger.notes)
    assert "逗号作小数点" in ledger.summary("zh")


@pytest.mark.parametrize("amounts,refused", [
    (['"1.234,50"', '"1,234.50"'], "'1.234,50' looks like a decimal comma"),   # both conventions: no guess
    (['"12,34"', '"5,60"'], "'12,34' looks like a decimal comma"),              # two such values: still refused
])
def test_a_decimal_comma_not_settled_is_refused(tmp_path, amounts, refused):
    rows = "".join(f"C{i};{i};2026-01-01;2026-02-01;{a}\n" for i, a in enumerate(amounts))
    path = tmp_path / "eu.csv"
    path.write_text("customer;invoice_id;invoice_date;due_date;amount\n" + rows, encoding="utf-8")
    with pytest.raises(ck.LedgerError, match=refused):
        ck.load_ledger(path)


def test_export_date_given_by_hand(tmp_path):
    path = tmp_path / "open.csv"
    path.write_text("客户,发票号,开票日期,到期日,价税合计,未收金额\nA,1,2026-01-01,2026-02-01,100,30\n", encoding="utf-8")
    with pytest.raises(ck.LedgerError, match="--export-date"):
        ck.load_ledger(path)
    ledger = ck.load_ledger(path, export_date="2026-06-30")
    assert ck.aging(ledger, "2026-06-30").loc["A", "total"] == 30
    with pytest.raises(ck.AsOfError):
        ck.aging(ledger, "2026-06-29")


def test_snake_case_headers_with_a_currency_suffix(tmp_path):
    path = tmp_path / "yellevate.csv"
    path.write_text("country,customer_id,invoice_number,invoice_date,due_date,invoice_amount_usd,disputed,"
                    "settled_date,days_late\nUS,C1,1,2013-01-02,2013-02-01,100.5,0,2013-02-10,9\n"
                    "US,C2,2,2013-01-05,2013-02-04,50,1,,\n", encoding="utf-8")
    ledger = ck.load_ledger(path)
    assert ledger.headers["invoices"]["amount"] == "invoice_amount_usd"
    table = ck.aging(ledger, "2013-03-01")
    assert list(table.index[table["total"] > 0]) == ["C2"] and table.loc["C2", "1-30"] == 50
    assert ledger.invoices.set_index("invoice_id").loc["2", "disputed"]


def test_a_leaf_repeated_under_two_parents_keeps_its_parent(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["客户", "单号", "日期", "到期日", "原币", None, "本币", None])
    ws.append([None, None, None, None, "金额", "余额", "金额", "余额"])
    ws.append(["甲", "1", "2026-01-01", "2026-02-01", 10, 5, 70, 35])
    wb.save(tmp_path / "two-currencies.xlsx")
    ledger = ck.load_ledger(tmp_path / "two-currencies.xlsx", export_date="2026-06-30")
    assert ledger.headers["invoices"]["amount"] == "本币金额"
    assert ck.aging(ledger, "2026-06-30").loc["甲", "total"] == 35


def test_dates_stored_as_numbers():
    df = pd.DataFrame({"customer": ["A"], "invoice_id": ["1"], "invoice_date": [20260105.0],
                       "due_date": [46082], "amount": [1.0]})
    ledger = ck.Ledger(df)
    assert ledger.invoices.loc[0, "invoice_date"] == pd.Timestamp("2026-01-05")
    assert ledger.invoices.loc[0, "due_date"] == pd.Timestamp("2026-03-01")   # an Excel serial number


def test_the_gross_amount_beats_a_net_amount_column():
    df = pd.DataFrame({"客户名称": ["甲"], "发票号": ["1"], "开票日期": ["2026-01-01"], "到期日": ["2026-02-01"],
                       "金额": [100], "税额": [13], "价税合计": [113]})
    ledger = ck.Ledger(df)
    assert ledger.invoices.loc[0, "amount"] == 113
    assert "'金额' not used: '价税合计' is read as amount" in ledger.summary()


def test_a_list_of_open_balances_only_is_aged_as_of_its_export_date(tmp_path, capsys):
    path = tmp_path / "open-balances.csv"
    path.write_text("Customer,Num,Date,Due Date,Open Balance\nA,1,2026-10-01,2026-10-31,100.00\n"
                    "A,2,2026-11-01,2026-12-01,50.00\nB,3,2026-06-01,2026-07-01,75.50\n", encoding="utf-8")
    with pytest.raises(ck.LedgerError, match="--export-date"):
        ck.load_ledger(path)
    ledger = ck.load_ledger(path, export_date="2026-11-30")
    table = ck.aging(ledger, "2026-11-30")
    assert table.loc["A", "1-30"] == 100 and table.loc["A", "current"] == 50 and table.loc["B", "91+"] == 75.5
    with pytest.raises(ck.AsOfError):
        ck.aging(ledger, "2026-11-01")
    with pytest.raises(ValueError, match="credit sales are unknown"):
        ck.dso(ledger, "2026-11-30")
    assert main(["dso", str(path), "--export-date", "2026-11-30", "-q"]) == 2
    assert "credit sales are unknown" in capsys.readouterr().err
    assert main(["report", str(path), "--export-date", "2026-11-30", "-q", "-o", str(tmp_path / "r.html")]) == 0


def test_the_summary_speaks_the_readers_language():
    ledger = ck.load_ledger(EXPORTS / "kingdee-open-items" / "kingdee-ar-detail.xlsx")
    zh, en = ledger.summary("zh"), ledger.summary("en")
    assert "导入摘要" in zh and "剔除 3 个合计/小计行" in zh and "视为导出日 2026-11-30 前已收到" in zh
    assert "3 total/subtotal rows left out" in en and "剔除" not in en
    assert all(isinstance(n, str) for n in ledger.import_notes)      # notes stay plain strings for callers


@pytest.mark.parametrize("headers,expect", [
    (["Bill To", "Inv #", "Inv Date", "Due Date", "Invoice Amt", "Amt Paid", "Open Amt"],
     {"customer": "Bill To", "invoice_id": "Inv #", "amount": "Invoice Amt", "received": "Amt Paid",
      "outstanding": "Open Amt"}),
    (["往来单位", "日期", "单据类型", "单据编号", "摘要", "本期应收", "本期收回", "期末余额", "到期日"],
     {"customer": "往来单位", "kind": "单据类型", "amount": "本期应收", "received": "本期收回", "outstanding": "期末余额"}),
    (["客户编码", "客户名称", "发票号", "开票日期", "到期日", "金额", "税额", "价税合计"],
     {"customer": "客户名称", "amount": "价税合计"}),
])
def test_headers_of_more_exports(headers, expect):
    from coursekit.columns import map_columns

    used = map_columns(headers, "invoices").used
    assert {k: used.get(k) for k in expect} == expect


@pytest.mark.parametrize("line,day", [
    ("截至日期：2026年11月30日  制表日期：2026年12月2日", "2026-11-30"),
    ("编制单位：示例公司 日期：2026-11-30 打印日期：2026-12-03", "2026-11-30"),
    ("期间：2026-01-01 至 2026-11-30", "2026-11-30"),
    ("Period 2026-01-01 to 2026-11-30", "2026-11-30"),
    ("打印日期：2026-12-03", "2026-12-03"),
])
def test_the_export_date_is_the_as_of_date_not_the_print_date(tmp_path, line, day):
    path = tmp_path / "ar.csv"
    path.write_text(f"应收明细\n{line}\n客户,发票号,开票日期,到期日,价税合计,已收金额\nA,1,2026-10-01,2026-10-31,100,40\n",
                    encoding="utf-8")
    assert ck.load_ledger(path).valid_from == pd.Timestamp(day)


def test_a_receipt_from_an_unknown_customer_is_shown_and_warned_about():
    inv = pd.DataFrame({"customer": ["甲"], "invoice_id": ["1"], "invoice_date": ["2026-01-01"],
                        "due_date": ["2026-02-01"], "amount": [100.0]})
    pay = pd.DataFrame({"invoice_id": ["1", None], "customer": [None, "甲公司"], "payment_date": ["2026-02-01"] * 2,
                        "amount": [40.0, 10.0]})
    ledger = ck.Ledger(inv, pay)
    assert any(n.startswith("WARNING: 1 receipts name a customer with no invoice") for n in ledger.notes)
    assert ck.aging(ledger, "2026-03-01").loc["甲公司", "unapplied"] == -10


@pytest.mark.parametrize("text,expected", [
    ("1,000.00 DR", 1000.0), ("200.00 CR", -200.0), ("200.00CR", -200.0), ("3,000.00借", 3000.0), ("80贷", -80.0),
    ("12 dr.", 12.0), ("¥1,200.00 Cr", -1200.0),
])
def test_debit_and_credit_markers(text, expected):
    from coursekit.values import parse_amounts

    values, reasons = parse_amounts(pd.Series([text]))
    assert values.iloc[0] == expected and reasons.isna().all()


@pytest.mark.parametrize("text,expected", [
    ("¥(300.00)", -300.0), ("(¥300.00)", -300.0), ("CNY(12.00)", -12.0), ("(RMB 5.00)", -5.0),
    ("1'234.50", 1234.5), ("1\u2019234.50", 1234.5), ("-12'345'678.90", -12345678.9),
    ("1 234.50", 1234.5), ("1\u00a0234.50", 1234.5), ("1\u202f234", 1234.0),
    ("12 34.5", None), ("1'23.50", None), ("1234'567.00", None),   # not groups of three: not read at all
])
def test_currency_signs_outside_brackets_and_apostrophe_or_space_groups(text, expected):
    from coursekit.values import parse_amounts

    values, _ = parse_amounts(pd.Series([text]))
    assert (pd.isna(values.iloc[0]) if expected is None else values.iloc[0] == expected)


@pytest.mark.parametrize("cells,decimal", [
    (["1'234,50", "12,00"], ","), (["1'234.50", "12.00"], "."), (["1 234,50"], ","), (["2\u00a0000.10"], "."),
])
def test_the_decimal_separator_is_settled_through_apostrophe_and_space_groups(cells, decimal):
    from coursekit.values import infer_decimal

    assert infer_decimal([pd.Series(cells)])[0] == decimal


def test_a_swiss_written_file_reads_to_the_cent(tmp_path):
    f = tmp_path / "ar.csv"
    f.write_text("customer,invoice_id,invoice_date,due_date,amount\n"
                 "Muster AG,R-1,2026-10-01,2026-10-31,\"1'234.50\"\nMuster AG,R-2,2026-10-05,2026-11-04,\"CHF 12'000.00\"\n",
                 encoding="utf-8")
    led = ck.load_ledger(f)
    assert list(led.invoices["amount"]) == [1234.5, 12000.0]


def test_dr_and_cr_alone_are_not_amounts():
    from coursekit.values import parse_amounts

    values, _ = parse_amounts(pd.Series(["DR", "CR", "借"]))
    assert values.isna().all()


@pytest.mark.parametrize("title,expected", [
    ("As of 30/11/2026", "2026-11-30"), ("As of 11/30/2026", "2026-11-30"), ("截至 05/05/2026", "2026-05-05"),
    ("As of 03/04/2026", None),      # day-first or month-first: not guessed, --export-date is asked for instead
])
def test_numeric_title_dates_only_when_unambiguous(tmp_path, title, expected):
    path = tmp_path / "open.csv"
    path.write_text(f"{title}\n\n客户,发票号,开票日期,到期日,价税合计,未收金额\nA,1,2026-01-01,2026-02-01,100,30\n",
                    encoding="utf-8")
    if expected is None:
        with pytest.raises(ck.LedgerError, match="--export-date"):
            ck.load_ledger(path)
    else:
        assert ck.load_ledger(path).export_date == pd.Timestamp(expected)


def test_headings_that_are_aging_buckets_are_not_customers(tmp_path):
    """A report grouped by aging bucket has no customer at all: refused, never aged under 'Current'."""
    path = tmp_path / "aging.csv"
    path.write_text("As of November 30, 2026\n\n,Date,Num,Due Date,Open Balance\nCurrent,,,,\n"
                    ",11/15/2026,1001,12/15/2026,100.00\nTotal for Current,,,,100.00\n1 - 30 days past due,,,,\n"
                    ",10/01/2026,1002,10/31/2026,50.00\nTotal for 1 - 30 days past due,,,,50.00\n", encoding="utf-8")
    with pytest.raises(ck.LedgerError, match="required column is missing") as err:
        ck.load_ledger(path)
    assert "customer" in str(err.value)


def test_a_headerless_column_with_data_on_invoice_rows_is_not_a_customer_column(tmp_path):
    """Only a column holding nothing but headings and totals is read as the customer groups."""
    path = tmp_path / "ar.csv"
    path.write_text(",Date,Num,Due Date,Open Balance\nBeta Co,,,,\nx,11/15/2026,1001,12/15/2026,100.00\n",
                    encoding="utf-8")
    with pytest.raises(ck.LedgerError):
        ck.load_ledger(path, export_date="2026-11-30")


def test_local_currency_columns_are_read(tmp_path):
    """本币已核销 / 本币未核销 (Kingdee's local-currency columns) are the received and open amounts; 原币… ranks below."""
    path = tmp_path / "kd.csv"
    path.write_text("客户,单据编号,单据日期,到期日,本币金额,原币已核销,本币已核销,本币未核销\n"
                    "甲,X1,2026-09-01,2026-10-01,10000,900,6000,4000\n", encoding="utf-8")
    ledger = ck.load_ledger(path, export_date="2026-11-30")
    assert ledger.headers["invoices"]["received"] == "本币已核销"
    assert ck.aging(ledger, "2026-11-30").loc["甲", "total"] == 4000.0


@pytest.mark.parametrize("header,canon", [("本月回款金额", "received"), ("本期冲销", "received"),
                                          ("尚欠", "outstanding"), ("已折让", "credited")])
def test_a_money_column_coursekit_does_not_know_stops_the_import(tmp_path, header, canon):
    """A column that looks like money received or still open, when none is read, would leave every invoice
    wholly unpaid: refused with the option that reads it, never ignored."""
    path = tmp_path / "ar.csv"
    path.write_text(f"客户,单据编号,单据日期,到期日,金额,{header}\n甲,X1,2026-09-01,2026-10-01,10000,6000\n",
                    encoding="utf-8")
    if canon == "credited":      # 已折让 is a known header: read, not refused
        ledger = ck.load_ledger(path, export_date="2026-11-30")
        assert ck.aging(ledger, "2026-11-30").loc["甲", "total"] == 4000.0
        return
    with pytest.raises(ck.LedgerError, match=f"--columns '{canon}={header}'") as err:
        ck.load_ledger(path)
    assert "看起来是" in err.value.describe("zh")
    ledger = ck.load_ledger(path, columns={canon: header}, export_date="2026-11-30")
    assert ck.aging(ledger, "2026-11-30").loc["甲", "total"] == (4000.0 if canon == "received" else 6000.0)


def test_days_and_aging_columns_are_not_taken_for_money(tmp_path):
    path = tmp_path / "ar.csv"
    path.write_text("Customer,Invoice,Date,Due Date,Amount,Days Past Due,Aging,Balance Type\n"
                    "A,1,2026-09-01,2026-10-01,100,60,31-60,open\n", encoding="utf-8")
    assert ck.aging(ck.load_ledger(path), "2026-11-30").loc["A", "total"] == 100.0


@pytest.mark.parametrize("header", ["客户名称,未到期,1-30天,31-60天,61-90天,90天以上,合计",
                                    "Customer,Current,1 - 30,31 - 60,61 - 90,Over 90,Total",
                                    "客户,0-30天,31-90天,91天以上"])
def test_an_aging_summary_is_refused_with_what_to_export(tmp_path, header):
    path = tmp_path / "summary.csv"
    n = header.count(",")
    path.write_text(header + "\nA" + ",1" * n + "\n", encoding="utf-8")
    with pytest.raises(ck.LedgerError) as err:
        ck.load_ledger(path)
    assert len(err.value.problems) == 1 and "aging summary" in str(err.value)
    assert "账龄汇总表" in err.value.describe("zh") and "未核销明细" in err.value.describe("zh")


def test_a_dash_is_the_accounting_format_zero():
    from coursekit.values import parse_amounts

    values, reasons = parse_amounts(pd.Series(["-", "—", "–", " - ", "-5", "--"]))
    assert values.tolist() == [0.0, 0.0, 0.0, 0.0, -5.0, 0.0] and reasons.isna().all()


_INV = [["客户", "发票号", "开票日期", "到期日", "金额"], ["甲", "A1", "2026-09-01", "2026-10-01", 1000],
        ["乙", "B1", "2026-09-01", "2026-10-01", 500]]
_PAY = [["客户", "发票号", "收款日期", "收款金额"], ["甲", "A1", "2026-10-05", 1000]]
_CUS = [["客户", "状态"], ["乙", "破产"]]


def _book(path, sheets):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize("names", [("应收明细", "收款记录", "客户信息"), ("发票", "回款", "客户"),
                                   ("Sheet1", "Sheet2", None), ("AR open items", "Cash receipts", "Customer list")])
def test_the_receipts_sheet_is_found_by_its_name_or_its_columns(tmp_path, names):
    """A receipts sheet left unread would show every invoice as unpaid: it is found by a word in its name
    (收款, 回款, receipts) or, failing that, by its columns."""
    sheets = {names[0]: _INV, names[1]: _PAY, "说明": [["本表由财务部导出"]]}
    if names[2]:
        sheets[names[2]] = _CUS
    ledger = ck.load_ledger(_book(tmp_path / "ar.xlsx", sheets))
    table = ck.aging(ledger, "2026-11-30")
    assert "甲" not in table.index or table.loc["甲", "total"] == 0
    assert table.loc["乙", "total"] == 500
    assert "not read: 说明" in ledger.summary() and "未读取：说明" in ledger.summary("zh")
    if names[2]:
        assert ledger.customer_info().loc["乙", "status"] == "bankrupt"


def test_two_receipt_sheets_and_none_named_is_refused(tmp_path):
    path = _book(tmp_path / "ar.xlsx", {"Sheet1": _INV, "Sheet2": _PAY, "Sheet3": _PAY})
    with pytest.raises(ck.LedgerError, match="several tables of receipts"):
        ck.load_ledger(path)


def test_one_sheet_is_the_invoices_whatever_its_name(tmp_path):
    for name in ("应收款明细表", "回款跟踪表"):
        ledger = ck.load_ledger(_book(tmp_path / f"{name}.xlsx", {name: _INV}))
        assert len(ledger.invoices) == 2 and len(ledger.payments) == 0


@pytest.mark.parametrize("files", [{"invoices.csv": _INV, "收款.csv": _PAY}, {"发票.csv": _INV, "回款记录.csv": _PAY},
                                   {"ar.csv": _INV, "receipts.csv": _PAY, "readme.csv": [["notes only"]]}])
def test_a_folder_reads_its_receipts_under_any_usual_name(tmp_path, files):
    for name, rows in files.items():
        (tmp_path / name).write_text("\n".join(",".join(map(str, r)) for r in rows) + "\n", encoding="utf-8")
    (tmp_path / "scan.csv").write_bytes(b"\x00\x01\x02binary")
    ledger = ck.load_ledger(tmp_path)
    assert len(ledger.payments) == 1 and ck.aging(ledger, "2026-11-30")["total"].sum() == 500
    assert "scan.csv" in ledger.summary()


@pytest.mark.parametrize("header,values,refused", [
    ("Status", ["Paid", "Open"], True), ("是否结清", ["是", "否"], True), ("收款状态", ["已收款", "未收款"], True),
    ("状态", ["已核销", ""], True), ("是否含税", ["是", "是"], False), ("Status", ["Open", "Overdue"], False),
])
def test_a_paid_flag_without_amounts_received_stops_the_import(tmp_path, header, values, refused):
    """Invoices marked paid in a file with no receipts would be counted as owed: refused, never aged."""
    path = tmp_path / "ar.csv"
    path.write_text(f"客户,发票号,开票日期,到期日,金额,{header}\n" + "".join(
        f"甲,{i},2026-09-01,2026-10-01,100,{v}\n" for i, v in enumerate(values)), encoding="utf-8")
    if refused:
        with pytest.raises(ck.LedgerError, match="as paid") as err:
            ck.load_ledger(path)
        assert "标为已收" in err.value.describe("zh")
    else:
        assert ck.aging(ck.load_ledger(path), "2026-11-30")["total"].sum() == 200


def test_a_paid_flag_is_fine_when_the_receipts_are_given(tmp_path):
    path = tmp_path / "ar.csv"
    path.write_text("客户,发票号,开票日期,到期日,金额,已收金额,状态\n甲,1,2026-09-01,2026-10-01,100,100,已结清\n"
                    "甲,2,2026-09-01,2026-10-01,100,0,未结清\n", encoding="utf-8")
    assert ck.aging(ck.load_ledger(path, export_date="2026-11-30"), "2026-11-30")["total"].sum() == 100


def test_an_amount_next_to_a_tax_column_is_asked_about(tmp_path):
    """金额 + 税额 without 价税合计: the amount may be before tax, 13% short. Refused until the user says which."""
    path = tmp_path / "vat.csv"
    path.write_text("客户,发票号码,开票日期,到期日,金额,税额\n甲,1,2026-09-01,2026-10-01,1000,130\n", encoding="utf-8")
    with pytest.raises(ck.LedgerError, match="tax column '税额'") as err:
        ck.load_ledger(path)
    assert "价税合计" in err.value.describe("zh")
    assert ck.aging(ck.load_ledger(path, columns={"amount": "金额"}), "2026-11-30").loc["甲", "total"] == 1000
    path.write_text("客户,发票号码,开票日期,到期日,金额,税额,价税合计\n甲,1,2026-09-01,2026-10-01,1000,130,1130\n",
                    encoding="utf-8")
    assert ck.aging(ck.load_ledger(path), "2026-11-30").loc["甲", "total"] == 1130


def test_a_ledger_statement_without_due_dates_asks_for_the_terms():
    path = EXPORTS / "yonyou-ledger-statement" / "ledger-statement.csv"
    with pytest.raises(ck.LedgerError, match="--terms 30") as err:
        ck.load_ledger(path)
    assert "--terms 30" in err.value.describe("zh") and len(err.value.problems) == 1     # only the due dates
    assert main(["aging", str(path), "--as-of", "2026-11-30", "--terms", "30", "-q", "--format", "csv"]) == 0


@pytest.mark.parametrize("terms", [-1, 4000, 2.5])
def test_terms_must_be_a_whole_number_of_days(terms):
    with pytest.raises(ValueError, match="terms must be"):
        ck.Ledger(pd.DataFrame({"customer": ["A"], "invoice_id": ["1"], "invoice_date": ["2026-01-01"],
                                "amount": [1.0]}), terms=terms)


def test_terms_fill_blank_due_dates(tmp_path):
    path = tmp_path / "ar.csv"
    path.write_text("客户,发票号,开票日期,到期日,金额\n甲,1,2026-09-01,,100\n甲,2,2026-09-01,2026-12-31,50\n", encoding="utf-8")
    with pytest.raises(ck.LedgerError, match="--terms N"):
        ck.load_ledger(path)
    ledger = ck.load_ledger(path, terms=30)
    assert ledger.invoices["due_date"].tolist() == [pd.Timestamp("2026-10-01"), pd.Timestamp("2026-12-31")]
    assert any("blank due dates" in n for n in ledger.notes)


def test_receipts_all_written_negative_are_receipts(tmp_path):
    (tmp_path / "invoices.csv").write_text("customer,invoice_id,invoice_date,due_date,amount\n"
                                           "A,1,2026-09-01,2026-10-01,100\nA,2,2026-09-01,2026-10-01,80\n")
    (tmp_path / "payments.csv").write_text("invoice_id,payment_date,amount\n1,2026-10-05,-100\n2,2026-10-06,-30\n")
    ledger = ck.load_ledger(tmp_path)
    assert ck.aging(ledger, "2026-11-30").loc["A", "total"] == 50
    assert any("negative" in n for n in ledger.notes)
    (tmp_path / "payments.csv").write_text("invoice_id,payment_date,amount\n1,2026-10-05,100\n2,2026-10-06,-30\n")
    with pytest.raises(ck.LedgerError, match="is negative"):      # one negative among positives: a refund, refused
        ck.load_ledger(tmp_path)


def test_each_instalment_keeps_its_own_receipt(tmp_path):
    """Two rows of one invoice with different due dates are instalments X and X#2; what the second row says was
    received pays the second instalment, not the first (the buckets would be wrong, the total not)."""
    path = tmp_path / "inst.csv"
    path.write_text("客户,发票号,开票日期,到期日,金额,已收金额,收款日期\n甲,X,2026-08-01,2026-09-01,500,0,\n"
                    "甲,X,2026-08-01,2026-11-15,500,200,2026-11-20\n", encoding="utf-8")
    items = ck.open_items(ck.load_ledger(path), "2026-11-30").set_index("invoice_id")
    assert items.loc["X", "outstanding"] == 500 and items.loc["X#2", "outstanding"] == 300
    aging = ck.aging(ck.load_ledger(path), "2026-11-30").loc["甲"]
    assert aging["61-90"] == 500 and aging["1-30"] == 300 and aging["total"] == 800     # X 90 days, X#2 15 days


def test_a_header_repeated_on_every_page_is_left_out(tmp_path):
    path = tmp_path / "pages.csv"
    path.write_text("应收明细\n客户,发票号,开票日期,到期日,金额\n甲,A1,2026-09-01,2026-10-01,100\n第 1 页 共 2 页\n"
                    "客户,发票号,开票日期,到期日,金额\n乙,B1,2026-09-01,2026-10-01,200\n第 2 页 共 2 页\n", encoding="utf-8")
    ledger = ck.load_ledger(path)
    assert ck.aging(ledger, "2026-11-30")["total"].sum() == 300 and len(ledger.invoices) == 2
    assert "repeat the header" in ledger.summary() and "重复的表头" in ledger.summary("zh")


def test_a_customer_printed_once_per_block_is_carried_down(tmp_path):
    path = tmp_path / "report.csv"
    path.write_text("客户,发票号,开票日期,到期日,金额\n甲,A1,2026-09-01,2026-10-01,100\n,A2,2026-09-05,2026-10-05,50\n"
                    "乙,B1,2026-09-01,2026-10-01,200\n,B2,2026-09-01,2026-10-01,20\n", encoding="utf-8")
    aging = ck.aging(ck.load_ledger(path), "2026-11-30")
    assert aging.loc["甲", "total"] == 150 and aging.loc["乙", "total"] == 220


@pytest.mark.parametrize("rows", [
    "甲,A1,2026-09-01,2026-10-01,100\n甲,A2,2026-09-05,2026-10-05,50\n乙,B1,2026-09-01,2026-10-01,200\n"
    ",B2,2026-09-01,2026-10-01,20\n乙,B3,2026-09-01,2026-10-01,20\n",          # one blank among named rows
    ",A1,2026-09-01,2026-10-01,100\n甲,A2,2026-09-05,2026-10-05,50\n,A3,2026-09-05,2026-10-05,50\n",   # blank on top
    "甲,A1,2026-09-01,2026-10-01,100\n,A2,2026-09-05,2026-10-05,50\n乙,B1,2026-09-01,2026-10-01,200\n"
    ",B2,2026-09-01,2026-10-01,20\n甲,A3,2026-09-01,2026-10-01,20\n,A4,2026-09-01,2026-10-01,20\n",   # 甲 twice
])
def test_a_blank_customer_that_is_not_that_layout_is_refused(tmp_path, rows):
    path = tmp_path / "ar.csv"
    path.write_text("客户,发票号,开票日期,到期日,金额\n" + rows, encoding="utf-8")
    with pytest.raises(ck.LedgerError, match="is empty"):
        ck.load_ledger(path)


def test_sheet_option_still_reads_the_receipts(tmp_path):
    path = _book(tmp_path / "ar.xlsx", {"说明": [["本表由财务部导出"]], "明细": _INV, "收款": _PAY})
    assert ck.aging(ck.load_ledger(path, sheet="明细"), "2026-11-30")["total"].sum() == 500


def test_tables_of_dates_and_amounts_left_unread_stop_the_import(tmp_path):
    other = [["客户名称", "日期", "金额"], ["甲", "2026-10-05", 1000]]       # 日期 could be either: not picked
    path = _book(tmp_path / "ar.xlsx", {"Sheet1": _INV, "Sheet2": other, "Sheet3": other})
    with pytest.raises(ck.LedgerError, match="not read .'Sheet2', 'Sheet3'.") as err:
        ck.load_ledger(path, sheet="Sheet1")
    assert "命名为“收款”" in err.value.describe("zh")


def test_received_columns_and_a_receipts_table_together_are_refused(tmp_path):
    inv = [["客户", "发票号", "开票日期", "到期日", "金额", "已收金额"], ["甲", "A1", "2026-09-01", "2026-10-01", 1000, 1000]]
    path = _book(tmp_path / "ar.xlsx", {"应收明细": inv, "收款记录": _PAY})
    with pytest.raises(ck.LedgerError, match="counted twice"):
        ck.load_ledger(path, export_date="2026-11-30")


@pytest.mark.parametrize("header,total", [("Open", 400), ("Left to Pay", 400), ("Bal Due", 400), ("未清金额", 400),
                                          ("余额(本币)", 400), ("Payment", 1100), ("已核销金额(本币)", 1100),
                                          ("Amount Applied", 1100), ("已付金额", 1100)])
def test_more_names_of_received_and_open_amounts(tmp_path, header, total):
    """Each of these used to be 'not used', so every invoice was aged at its full amount."""
    path = tmp_path / "ar.csv"
    path.write_text(f"Customer,Invoice No,Invoice Date,Due Date,Amount,{header}\nA,R1,2026-09-15,2026-10-15,1000.00,400.00\n"
                    f"B,R2,2026-11-01,2026-12-01,500.00,{'0.00' if total == 1100 else '500.00'}\n", encoding="utf-8")
    aging = ck.aging(ck.load_ledger(path, export_date="2026-11-30"), "2026-11-30")
    assert aging["total"].sum() == (1100 if total == 1100 else 900)


def test_draft_and_void_invoices_are_not_owed(tmp_path):
    path = tmp_path / "zoho.csv"
    path.write_text("Invoice Date,Invoice Number,Customer Name,Due Date,Total,Balance,Status\n"
                    "2026-10-01,INV-1,Globex,2026-10-31,2000.00,2000.00,Overdue\n"
                    "2026-11-25,INV-2,Globex,2026-12-25,900.00,900.00,Draft\n"
                    "2026-11-20,INV-3,Globex,2026-12-20,300.00,300.00,已作废\n", encoding="utf-8")
    ledger = ck.load_ledger(path, export_date="2026-11-30")
    assert ck.aging(ledger, "2026-11-30").loc["Globex", "total"] == 2000
    assert any("draft, void or cancelled" in n for n in ledger.notes)


@pytest.mark.parametrize("amounts,refused", [(["EUR 1,000.00", "USD 2,000.00"], True), (["¥1,000", "RMB 200"], False),
                                             (["$1,000", "$2,000"], False)])
def test_amounts_written_in_several_currencies_are_not_added_up(tmp_path, amounts, refused):
    path = tmp_path / "ar.csv"
    path.write_text("customer,invoice_id,invoice_date,due_date,amount\n" + "".join(
        f'A,{i},2026-09-01,2026-10-01,"{a}"\n' for i, a in enumerate(amounts)), encoding="utf-8")
    if refused:
        with pytest.raises(ck.LedgerError, match="several currencies"):
            ck.load_ledger(path)
    else:
        assert len(ck.load_ledger(path).invoices) == 2


def test_a_cleared_payment_line_is_not_counted_again(tmp_path):
    """SAP FBL5N with cleared items: the DZ line cleared against the invoice (both carry the clearing date) is
    not also a credit of the customer; an uncleared DZ line still is."""
    path = tmp_path / "fbl5n.csv"
    path.write_text("Customer,Name 1,Document Number,Document Type,Document Date,Net due date,Amount in local currency,"
                    "Clearing date\n1,Müller GmbH,1800000101,RV,01.09.2026,01.10.2026,\"12,500.00\",15.10.2026\n"
                    "1,Müller GmbH,1400000050,DZ,15.10.2026,15.10.2026,\"12,500.00-\",15.10.2026\n"
                    "1,Müller GmbH,1800000150,RV,20.10.2026,19.11.2026,\"8,000.00\",\n"
                    "2,Dupont SA,1400000077,DZ,20.11.2026,20.11.2026,\"2,000.00-\",\n", encoding="utf-8")
    aging = ck.aging(ck.load_ledger(path), "2026-11-30")
    assert aging.loc["Müller GmbH", "total"] == 8000 and aging.loc["Müller GmbH", "unapplied"] == 0
    assert aging.loc["Dupont SA", "unapplied"] == -2000


@pytest.mark.parametrize("header,debit,credit", [("Debit/Credit ind", "S", "H"), ("D/C", "D", "C"), ("借贷方向", "借", "贷")])
def test_a_debit_credit_indicator_signs_unsigned_amounts(tmp_path, header, debit, credit):
    path = tmp_path / "ar.csv"
    path.write_text(f"Customer,Document Number,Posting Date,Net due date,{header},Amount\n"
                    f"Lee,1,15.09.2026,15.10.2026,{debit},4000\nLee,2,20.11.2026,20.11.2026,{credit},1500\n",
                    encoding="utf-8")
    aging = ck.aging(ck.load_ledger(path), "2026-11-30").loc["Lee"]
    assert aging["31-60"] == 4000 and aging["unapplied"] == -1500 and aging["total"] == 2500


def test_a_balance_direction_column_is_not_an_indicator(tmp_path):
    path = tmp_path / "ar.csv"        # 方向 in a statement is the side of the running balance, not of the row
    path.write_text("客户,单据号,日期,到期日,金额,方向\n甲,1,2026-09-01,2026-10-01,100,借\n甲,2,2026-09-05,2026-10-05,50,贷\n",
                    encoding="utf-8")
    assert ck.aging(ck.load_ledger(path), "2026-11-30").loc["甲", "total"] == 150


def test_oracle_aging_report_with_day_month_name_year_dates(tmp_path):
    path = tmp_path / "oracle.csv"
    path.write_text("Aging - 4 Buckets Report\nAs of Date: 30-NOV-2026\n"
                    "Customer Name,Transaction Number,Transaction Date,Due Date,Original Amount,Amount Due Remaining\n"
                    "Acme,INV-501,15-SEP-2026,15-OCT-2026,4000.00,4000.00\n"
                    "Acme,INV-502,01-NOV-2026,01-DEC-2026,2500.00,1000.00\n", encoding="utf-8")
    ledger = ck.load_ledger(path)
    assert ledger.export_date == pd.Timestamp("2026-11-30")
    row = ck.aging(ledger, "2026-11-30").loc["Acme"]
    assert row["31-60"] == 4000 and row["current"] == 1000


@pytest.mark.parametrize("header,canon", [("合同号", "invoice_id"), ("凭证字号", "invoice_id"), ("Ref", "invoice_id"),
                                          ("Date Issued", "invoice_date")])
def test_more_names_of_the_invoice_number_and_date(header, canon):
    from coursekit.columns import map_columns

    base = {"invoice_id": ["客户", header, "开票日期", "到期日", "金额"],
            "invoice_date": ["客户", "发票号", header, "到期日", "金额"]}[canon]
    assert map_columns(base, "invoices").used[canon] == header
    assert map_columns(["客户", "发票号", "合同号", "开票日期", "到期日", "金额"], "invoices").used["invoice_id"] == "发票号"


_BENBI = ("客户,单据编号,单据日期,到期日,币别,汇率,原币金额,本币金额{extra}\n"
          "甲公司,AR-1,2026-09-01,2026-10-01,美元,7.1,\"1,000.00\",\"7,100.00\"{e1}\n"
          "甲公司,AR-2,2026-09-05,2026-10-05,人民币,1,\"5,000.00\",\"5,000.00\"{e2}\n"
          "乙公司,AR-3,2026-09-09,2026-10-09,USD,7.12,100.00,712.00{e3}\n")


def test_local_currency_amounts_add_up_whatever_the_document_currency(tmp_path):
    """金蝶/用友 print 原币 and 本币 side by side with a 币别 column: 本币 amounts are all in the books'
    currency, so the 币别 column names the documents' own currency and does not split the ledger."""
    f = tmp_path / "ar.csv"
    f.write_text(_BENBI.format(extra="", e1="", e2="", e3=""), encoding="utf-8")
    led = ck.load_ledger(f)
    assert led.headers["invoices"]["amount"] == "本币金额"
    assert any("local currency on every row" in n and "(CNY, USD)" in n for n in led.notes)
    assert ck.aging(led, "2026-11-30")["total"].sum() == 12812.0
    usd = ck.load_ledger(f, currency="美元")          # 美元, USD and usd are one currency
    assert list(usd.invoices["invoice_id"]) == ["AR-1", "AR-3"]
    assert any("stay in the local currency" in n for n in usd.notes)


def test_a_money_column_that_may_be_in_the_document_currency_is_refused(tmp_path):
    f = tmp_path / "ar.csv"
    f.write_text(_BENBI.format(extra=",已收金额", e1=",100.00", e2=",0", e3=",0"), encoding="utf-8")
    with pytest.raises(ck.LedgerError) as err:
        ck.load_ledger(f, export_date="2026-11-30")
    assert "'已收金额' does not say it is" in str(err.value) and "--columns received=" in str(err.value)


def test_document_currency_amounts_in_several_currencies_are_still_refused(tmp_path):
    f = tmp_path / "ar.csv"
    f.write_text("客户,单据编号,单据日期,到期日,币别,原币金额\n甲公司,AR-1,2026-09-01,2026-10-01,美元,1000.00\n"
                 "甲公司,AR-2,2026-09-05,2026-10-05,人民币,5000.00\n", encoding="utf-8")    # dollars and yuan
    with pytest.raises(ck.LedgerError) as err:
        ck.load_ledger(f)
    assert "mixes currencies (CNY, USD)" in str(err.value)


@pytest.mark.parametrize("names", [["美元", "USD", " usd "], ["人民币", "RMB", "CNY", "¥"]])
def test_one_currency_written_several_ways_is_one_currency(names):
    inv = pd.DataFrame({"customer": ["甲"] * len(names), "invoice_id": [str(i) for i in range(len(names))],
                        "invoice_date": ["2026-01-01"] * len(names), "due_date": ["2026-02-01"] * len(names),
                        "amount": [100.0] * len(names), "currency": names})
    led = ck.Ledger(inv)
    assert led.invoices["currency"].nunique() == 1


_TITLED = "{title}\ndate,invoice,amount,due date\n2026-09-01,A-1,100.00,2026-10-01\n2026-09-05,A-2,50.00,2026-10-05\n"


@pytest.mark.parametrize("title,customer", [
    ("Statement\nCustomer: Acme Ltd    Period: Sep-Nov 2026", "Acme Ltd"),       # the next label is cut off
    ("Statement\nCustomer:,Acme Ltd", "Acme Ltd"),                               # the name in the next cell
    ("对账单\n客户名称：杭州恒远商贸有限公司 期间：2026年9月", "杭州恒远商贸有限公司"),
])
def test_a_statement_of_one_customer_takes_the_name_from_its_title(tmp_path, title, customer):
    f = tmp_path / "statement.csv"
    f.write_text(_TITLED.format(title=title), encoding="utf-8")
    led = ck.load_ledger(f)
    assert set(led.invoices["customer"]) == {customer} and len(led.invoices) == 2
    assert any(f"every row is of {customer}" in n for n in led.notes)


def test_titles_naming_two_customers_are_not_guessed_from(tmp_path):
    f = tmp_path / "statement.csv"
    f.write_text(_TITLED.format(title="Customer: Acme Ltd\nCustomer: Beta GmbH"), encoding="utf-8")
    with pytest.raises(ck.LedgerError) as err:
        ck.load_ledger(f)
    assert "customer" in str(err.value)


def test_a_customer_column_wins_over_the_title(tmp_path):
    f = tmp_path / "statement.csv"
    f.write_text("Customer: Acme Ltd\ncustomer,invoice,date,amount,due date\n"
                 "Beta GmbH,B-1,2026-09-01,100.00,2026-10-01\n", encoding="utf-8")
    assert set(ck.load_ledger(f).invoices["customer"]) == {"Beta GmbH"}


_BY_CONTACT = ("Date,Invoice Number,Due Date,Invoice Total\n{rows}")


@pytest.mark.parametrize("rows,customers", [
    # a labelled footer line is not a customer
    ("Acme Ltd,,,\n01/09/2026,A-1,01/10/2026,100.00\nTotal Acme Ltd,,,100.00\nBeta GmbH,,,\n"
     "05/09/2026,B-1,05/10/2026,50.00\nPrinted by: admin,,,\n", {"A-1": "Acme Ltd", "B-1": "Beta GmbH"}),
    ("\nAcme Ltd,,,\n\n01/09/2026,A-1,01/10/2026,100.00\n,,,\nBeta GmbH,,,\n05/09/2026,B-1,05/10/2026,50.00\n"
     "Total,,,150.00\n", {"A-1": "Acme Ltd", "B-1": "Beta GmbH"}),        # blank lines between the groups
])
def test_contact_names_on_rows_of_their_own_head_their_invoices(tmp_path, rows, customers):
    f = tmp_path / "detail.csv"
    f.write_text(_BY_CONTACT.format(rows=rows), encoding="utf-8")
    led = ck.load_ledger(f, date_format="%d/%m/%Y")
    assert dict(zip(led.invoices["invoice_id"], led.invoices["customer"], strict=True)) == customers


def test_an_invoice_row_above_the_first_contact_name_is_not_given_one(tmp_path):
    f = tmp_path / "detail.csv"
    f.write_text(_BY_CONTACT.format(rows="01/09/2026,A-0,01/10/2026,70.00\nAcme Ltd,,,\n"
                                         "01/09/2026,A-1,01/10/2026,100.00\n"), encoding="utf-8")
    with pytest.raises(ck.LedgerError) as err:
        ck.load_ledger(f, date_format="%d/%m/%Y")
    assert "customer" in str(err.value)


_PER_RECEIPT = "客户,单据编号,单据日期,到期日,价税合计,已收金额,收款日期\n{rows}乙公司,AR-2,2026-09-05,2026-10-05,500.00,,\n"
_AR1 = "甲公司,AR-1,2026-09-01,2026-10-01,\"1,000.00\",{got},{on}\n"


def test_an_invoice_printed_once_per_receipt_is_one_invoice_with_each_receipt(tmp_path):
    f = tmp_path / "ar.csv"
    f.write_text(_PER_RECEIPT.format(rows=_AR1.format(got="300.00", on="2026-10-05")
                                     + _AR1.format(got="200.00", on="2026-10-20")), encoding="utf-8")
    led = ck.load_ledger(f)
    assert list(led.invoices["invoice_id"]) == ["AR-1", "AR-2"] and led.invoices["amount"].sum() == 1500
    assert list(led.payments["amount"]) == [300.0, 200.0] and set(led.payments["invoice_id"]) == {"AR-1"}
    assert any("printed once per receipt" in n for n in led.notes)
    assert ck.aging(led, "2026-10-10").loc["甲公司", "1-30"] == 700        # only the first receipt by then
    assert ck.aging(led, "2026-11-30").loc["甲公司", "31-60"] == 500


@pytest.mark.parametrize("rows", [
    _AR1.format(got="300.00", on="2026-10-05") * 2,                                      # the same row twice
    _AR1.format(got="800.00", on="2026-10-05") + _AR1.format(got="700.00", on="2026-10-20"),   # more than 1,000
])
def test_repeated_invoice_rows_that_are_not_receipts_are_refused(tmp_path, rows):
    f = tmp_path / "ar.csv"
    f.write_text(_PER_RECEIPT.format(rows=rows), encoding="utf-8")
    with pytest.raises(ck.LedgerError) as err:
        ck.load_ledger(f)
    assert "'AR-1' appears more than once" in str(err.value)


_MONTH_DAY = "{title}{head}\n客户：甲公司,,,,,\n{rows}"


@pytest.mark.parametrize("title,head,rows,dates", [
    ("2025年度,,,,,\n打印日期：2026-01-08,,,,,\n", "月,日,凭证号,摘要,借方,余额", "12,20,记-1,销售,100.00,100.00\n",
     ["2025-12-20"]),                                             # the fiscal year, not the printing date
    ("期间：2025.11-2026.02,,,,,\n", "月,日,凭证号,摘要,借方,余额",
     "11,20,记-1,销售,100.00,100.00\n01,05,记-2,销售,50.00,150.00\n", ["2025-11-20", "2026-01-05"]),
    ("", "年,月,日,凭证号,借方,余额", "2024,3,9,记-1,100.00,100.00\n", ["2024-03-09"]),
])
def test_a_ledger_dated_by_month_and_day_columns_takes_its_year_from_the_file(tmp_path, title, head, rows, dates):
    f = tmp_path / "ledger.csv"
    f.write_text(_MONTH_DAY.format(title=title, head=head, rows=rows), encoding="utf-8")
    led = ck.load_ledger(f, terms=30)
    assert [f"{d:%Y-%m-%d}" for d in led.invoices["invoice_date"]] == dates
    assert any("dates joined from" in n for n in led.notes)


@pytest.mark.parametrize("title", ["应收账款明细账,,,,,\n", "2025年,,,,,\n2027年,,,,,\n"])
def test_a_year_the_file_does_not_state_is_not_guessed(tmp_path, title):
    f = tmp_path / "ledger.csv"
    f.write_text(_MONTH_DAY.format(title=title, head="月,日,凭证号,摘要,借方,余额", rows="12,20,记-1,销售,100.00,100.00\n"),
                 encoding="utf-8")
    with pytest.raises(ck.LedgerError) as err:
        ck.load_ledger(f, terms=30)
    assert "invoice_date" in str(err.value)


@pytest.mark.parametrize("written,days,month_end", [
    ("Net 30", 30, False), ("NT30", 30, False), ("30天", 30, False), ("45 days", 45, False), ("n/60", 60, False),
    ("2/10 Net 30", 30, False), ("1% 10 Net 45", 45, False), ("2/10, n/30", 30, False),   # the discount is not the term
    ("Due on receipt", 0, False), ("COD", 0, False), ("现结", 0, False), ("货到付款", 0, False),
    ("Net 30 EOM", 30, True), ("月结30天", 30, True), ("EOM", 0, True),
])
def test_payment_terms_as_erps_write_them(written, days, month_end):
    from coursekit.values import parse_terms

    d, m, ok = parse_terms(pd.Series([written]))
    assert ok.iloc[0] and d.iloc[0] == days and bool(m.iloc[0]) is month_end


@pytest.mark.parametrize("written", ["Z001", "30/60/90", "月结", "见票后", "2/10"])
def test_terms_whose_digits_are_not_days_are_not_read(written):
    """Taking the first number would make Z001 one day and 2/10 net 30 two days: a wrong due date."""
    from coursekit.values import parse_terms

    assert not parse_terms(pd.Series([written]))[2].iloc[0]


def test_terms_give_due_dates_month_end_ones_from_the_end_of_the_month(tmp_path):
    f = tmp_path / "ar.csv"
    f.write_text("Customer,Invoice,Date,Terms,Amount\nAcme,1,2026-09-15,Net 30,100\nAcme,2,2026-09-15,Net 30 EOM,100\n"
                 "Acme,3,2026-09-15,Due on receipt,100\nAcme,4,2026-09-15,2/10 Net 30,100\n", encoding="utf-8")
    led = ck.load_ledger(f)
    assert [f"{d:%Y-%m-%d}" for d in led.invoices["due_date"]] == ["2026-10-15", "2026-10-30", "2026-09-15",
                                                                    "2026-10-15"]
    assert any("month-end terms" in n for n in led.notes)
    f.write_text("Customer,Invoice,Date,Terms,Amount\nAcme,1,2026-09-15,Z001,100\n", encoding="utf-8")
    with pytest.raises(ck.LedgerError) as err:
        ck.load_ledger(f)
    assert "cannot read 'Z001' as payment terms" in str(err.value)


def test_a_receipt_naming_several_invoices_says_how_to_split_it():
    inv = pd.DataFrame({"customer": ["甲", "甲"], "invoice_id": ["INV-1", "INV-2"], "invoice_date": ["2026-01-01"] * 2,
                        "due_date": ["2026-02-01"] * 2, "amount": [100.0, 50.0]})
    pay = pd.DataFrame({"invoice_id": ["INV-1, INV-2", "INV-9"], "payment_date": ["2026-02-05"] * 2, "amount": [150.0, 1.0]})
    with pytest.raises(ck.LedgerError) as err:
        ck.Ledger(inv, pay)
    text = str(err.value)
    assert "names several invoices (INV-1, INV-2)" in text and "one row per invoice" in text
    assert "refers to invoice 'INV-9', which is not in the invoices" in text
