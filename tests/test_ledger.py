"""Reading and validating ledgers: aliases, encodings, formats, and precise errors."""
from pathlib import Path

import pandas as pd
import pytest

import coursekit as ck
from coursekit.sample import sample_path

BAD = Path(__file__).parent / "bad_ledgers"


def inv(**over):
    base = {"customer": ["甲公司", "乙公司"], "invoice_id": ["A1", "B1"], "invoice_date": ["2026-01-05", "2026-02-01"],
            "due_date": ["2026-02-04", "2026-03-03"], "amount": [1234.5, 2000]}
    base.update(over)
    return pd.DataFrame(base)


@pytest.mark.parametrize("case", sorted(p.name for p in BAD.iterdir()))
def test_bad_ledger_gives_its_error(case):
    folder = BAD / case
    expected = (folder / "expected.txt").read_text(encoding="utf-8").strip()
    with pytest.raises(ck.LedgerError) as err:
        ck.load_ledger(folder)
    assert expected in str(err.value)
    assert "invoices.csv" in str(err.value) or "payments.csv" in str(err.value)


def test_chinese_headers_money_strings_and_date_styles():
    df = pd.DataFrame({"客户名称": ["甲"], "单据号": ["X1"], "开票日期": ["2026年1月5日"], "到期日": ["2026/2/4"],
                       "应收金额": ["¥1,234.50"]})
    led = ck.Ledger(df)
    assert led.invoices.loc[0, "amount"] == 1234.50
    assert led.invoices.loc[0, "due_date"] == pd.Timestamp("2026-02-04")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_encodings(tmp_path, encoding):
    text = "客户名称,发票号,开票日期,到期日,金额\n杭州恒远商贸有限公司,F-1,2026-01-05,2026-02-04,\"1,000.00\"\n"
    path = tmp_path / "ar.csv"
    path.write_bytes(text.encode(encoding))
    led = ck.load_ledger(path)
    assert led.invoices.loc[0, "customer"] == "杭州恒远商贸有限公司"
    assert led.invoices.loc[0, "amount"] == 1000.0


def test_xlsx_with_sheets_round_trip(tmp_path):
    path = tmp_path / "ledger.xlsx"
    with pd.ExcelWriter(path) as xw:
        inv().to_excel(xw, sheet_name="invoices", index=False)
        pd.DataFrame({"invoice_id": ["A1"], "payment_date": ["2026-02-10"], "amount": [234.5]}).to_excel(
            xw, sheet_name="收款", index=False)
    led = ck.load_ledger(path)
    assert len(led.invoices) == 2 and len(led.payments) == 1
    assert led.payments.loc[0, "customer"] == "甲公司"   # filled from the invoice it pays


def test_xlsx_error_names_sheet_and_row(tmp_path):
    path = tmp_path / "bad.xlsx"
    with pd.ExcelWriter(path) as xw:
        inv(amount=[100, "abc"]).to_excel(xw, sheet_name="invoices", index=False)
    with pytest.raises(ck.LedgerError, match=r"bad.xlsx, sheet 'invoices', row 3, column 'amount'"):
        ck.load_ledger(path)


def test_dataframe_errors_use_the_index():
    with pytest.raises(ck.LedgerError, match=r"row 1, column 'due_date'"):
        ck.Ledger(inv(due_date=["2026-02-04", "someday"]))


def test_all_problems_reported_at_once():
    with pytest.raises(ck.LedgerError) as err:
        ck.Ledger(inv(amount=["x", "y"]))
    assert len(err.value.problems) == 2


def test_due_date_from_terms():
    df = inv().drop(columns="due_date").assign(terms_days=[30, "60天"])
    led = ck.Ledger(df)
    assert list(led.invoices["due_date"].dt.strftime("%Y-%m-%d")) == ["2026-02-04", "2026-04-02"]


def test_currency_choice_keeps_a_note():
    df = inv(currency=["CNY", "USD"])
    led = ck.Ledger(df, currency="CNY")
    assert list(led.invoices["invoice_id"]) == ["A1"]
    assert "set aside 1 invoices" in led.notes[0]


def test_missing_file_is_a_ledger_error(tmp_path):
    with pytest.raises(ck.LedgerError, match="no such file"):
        ck.load_ledger(tmp_path / "nope.xlsx")


def test_shipped_sample_files_load():
    led = ck.load_ledger(sample_path())
    assert len(led.invoices) > 100
    info = led.customer_info()
    assert set(info["status"]) <= {"active", "distressed", "bankrupt", "deregistered"}
    assert info["disputed"].dtype == bool


def _pays(**cols):
    base = {"payment_date": ["2026-03-01"] * len(next(iter(cols.values()))), "amount": [100.0] * len(next(iter(cols.values())))}
    base.update(cols)
    return pd.DataFrame(base)


def test_receipt_references_are_trimmed_before_they_are_linked():
    """A receipt's invoice number with spaces around it, or written by Excel as a number, still finds its
    invoice; the exact ones are matched first and the others trimmed and looked up again."""
    invoices = inv(invoice_id=["A1", "1001"])
    led = ck.Ledger(invoices, _pays(invoice_id=[" A1 ", 1001.0, "A1"]))
    assert list(led.payments["invoice_id"]) == ["A1", "1001", "A1"]
    assert list(led.payments["customer"]) == ["甲公司", "乙公司", "甲公司"]
    assert list(led._pay_inv) == [0, 1, 0]


@pytest.mark.parametrize("odd", ["A7 ", "\tA7", "A7\x1f", "", "  ", "A7\u3000", "\xa0A7", "票7 "])
def test_a_long_column_of_distinct_numbers_is_trimmed_wherever_one_cell_needs_it(odd):
    """Columns of nearly all distinct values (invoice numbers) are checked for white space as one joined
    string; ASCII columns with no white space at all skip the search. One cell with a tab, a unit
    separator, a full-width or no-break space, or nothing at all must still be found."""
    from coursekit import values as V
    cells = [f"A{i}" for i in range(20_000)]
    cells[7] = odd
    out = V.text(pd.Series(cells, dtype="str"))
    assert out.iloc[7] is pd.NA if not odd.strip() else out.iloc[7] == odd.strip()
    assert out.iloc[8] == "A8" and out.notna().sum() == 20_000 - (not odd.strip())
    assert V.text(pd.Series(cells[:7] + cells[8:], dtype="str")).equals(pd.Series(cells[:7] + cells[8:], dtype="string"))


def test_receipt_kinds_are_read_per_word_and_blank_means_a_payment():
    led = ck.Ledger(inv(), _pays(invoice_id=["A1", "A1", "B1", "B1"], kind=["Payment", None, " 红冲 ", ""]))
    assert list(led.payments["kind"]) == ["payment", "payment", "credit_note", "payment"]
    with pytest.raises(ck.LedgerError) as err:
        ck.Ledger(inv(), _pays(invoice_id=["A1", "B1", "B1"], kind=[None, "barter", "payment"]))
    problems = err.value.problems
    assert [(p.column, p.row) for p in problems] == [("kind", 1)] and "'barter'" in str(problems[0])


def test_receipt_with_an_unknown_reference_is_refused_after_trimming():
    with pytest.raises(ck.LedgerError) as err:
        ck.Ledger(inv(), _pays(invoice_id=["  B1", "Z9 "]))
    assert "'Z9'" in str(err.value) and "not in the invoices" in str(err.value)


def test_currency_choice_links_receipts_to_the_invoices_kept():
    """Choosing a currency drops invoices, so the lookup made while reading is made again on what is kept."""
    invoices = inv(customer=["甲公司", "乙公司"], invoice_id=["A1", "B1"], currency=["USD", "CNY"])
    pays = _pays(invoice_id=["B1", "A1"], currency=["CNY", "USD"])
    led = ck.Ledger(invoices, pays, currency="CNY")
    assert list(led.invoices["invoice_id"]) == ["B1"]
    assert list(led.payments["invoice_id"]) == ["B1"]
    assert list(led._pay_inv) == [0]
    assert list(led.payments["customer"]) == ["乙公司"]


def test_customers_coded_invoices_first_then_receipt_only_customers():
    pays = _pays(invoice_id=[None, "B1", None, None], customer=["丙公司", None, "甲公司", "丙公司"])
    led = ck.Ledger(inv(), pays)
    assert list(led._customers) == ["甲公司", "乙公司", "丙公司"]
    assert list(led._pay_cust) == [2, 1, 0, 2]
    assert list(led._inv_cust) == [0, 1]


def test_most_frequent_spelling_of_a_name_is_shown():
    names = ["华信（集团）", "华信(集团)", "华信(集团)", "华信（集团）", "华信(集团)"]
    invoices = pd.DataFrame({"customer": names, "invoice_id": [f"N{i}" for i in range(5)],
                             "invoice_date": ["2026-01-05"] * 5, "due_date": ["2026-02-04"] * 5, "amount": [1.0] * 5})
    led = ck.Ledger(invoices)
    assert set(led.invoices["customer"]) == {"华信(集团)"}
    tie = ck.Ledger(invoices.iloc[:4])      # two and two: the spelling seen first
    assert set(tie.invoices["customer"]) == {"华信（集团）"}
