"""Properties of reading exports: whatever the layout, the numbers come back the same.

- An open-item list written with a title block, a 合计 row and its rows in any order gives, as of its
  export date, exactly the aging of the invoices+payments ledger it was made from.
- Amounts written as exports write them (¥, thousands separators, brackets, SAP's trailing minus, 万)
  parse back to the cent; dates written in any unambiguous style parse back to the day.
"""
import io

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit as ck
from coursekit import values as V

EXPORT_DAY = pd.Timestamp("2026-06-30")

invoice = st.tuples(st.sampled_from(["甲公司", "乙公司", "丙公司"]), st.integers(0, 400), st.sampled_from([0, 30, 60, 90]),
                    st.integers(1, 5_000_000), st.integers(0, 100))


def _export_csv(rows, order) -> tuple[bytes, ck.Ledger]:
    """The same invoices as a ledger (with dated receipts) and as an open-item export (undated)."""
    inv = pd.DataFrame([{
        "customer": c, "invoice_id": f"F{i}", "invoice_date": EXPORT_DAY - pd.Timedelta(days=age),
        "due_date": EXPORT_DAY - pd.Timedelta(days=age) + pd.Timedelta(days=terms), "amount": cents / 100,
        "paid": round(cents * share / 100) / 100,
    } for i, (c, age, terms, cents, share) in enumerate(rows)])
    pay = inv[inv["paid"] > 0].assign(payment_date=EXPORT_DAY)[["invoice_id", "payment_date", "paid"]]
    ledger = ck.Ledger(inv.drop(columns="paid"), pay.rename(columns={"paid": "amount"}))
    out = pd.DataFrame({
        "客户名称": inv["customer"], "发票号": inv["invoice_id"], "开票日期": inv["invoice_date"].dt.strftime("%Y/%m/%d"),
        "到期日": inv["due_date"].dt.strftime("%Y年%m月%d日"), "价税合计": inv["amount"].map(lambda v: f"¥{v:,.2f}"),
        "已收金额": inv["paid"].map(lambda v: f"{v:,.2f}"),
        "未收金额": (inv["amount"] - inv["paid"]).round(2).map(lambda v: f"{v:,.2f}"),
    }).iloc[order]
    buf = io.StringIO()
    buf.write("应收账款明细表\n编制单位：示例公司,,,日期：2026-06-30\n单位：元\n")
    out.to_csv(buf, index=False)
    buf.write(f"合计,,,,\"{inv['amount'].sum():,.2f}\",,\n")
    return buf.getvalue().encode("utf-8"), ledger


@settings(max_examples=15, deadline=None, derandomize=True)
@given(st.lists(invoice, min_size=1, max_size=15), st.randoms(use_true_random=False))
def test_an_open_item_export_ages_like_its_ledger_in_any_row_order(tmp_path_factory, rows, rnd):
    order = list(range(len(rows)))
    rnd.shuffle(order)
    data, ledger = _export_csv(rows, order)
    path = tmp_path_factory.mktemp("export") / "ar.csv"
    path.write_bytes(data)
    read = ck.load_ledger(path)
    # undated receipts tie the list to its export date; a list with nothing received holds for any date
    assert read.valid_from == (EXPORT_DAY if (ledger.payments["amount"] > 0).any() else None)
    got, want = ck.aging(read, EXPORT_DAY), ck.aging(ledger, EXPORT_DAY)
    pd.testing.assert_frame_equal(got.round(2), want.round(2), check_names=False)
    assert round(got["total"].sum(), 2) == round(sum(c for *_, c, _ in rows) / 100 - ledger.payments["amount"].sum(), 2)


cents = st.integers(-10**12, 10**12)


def _write(c: int, style: int) -> str:
    x = abs(c) / 100
    neg = c < 0
    if style == 0:
        return f"{'-' if neg else ''}{x:.2f}"
    if style == 1:
        return f"({x:,.2f})" if neg else f"{x:,.2f}"
    if style == 2:
        return f"{'-' if neg else ''}¥{x:,.2f}"
    if style == 3:
        return f"{x:,.2f}-" if neg else f"{x:,.2f}"
    if style == 5:                                      # the accounting format with its currency sign outside
        return f"¥({x:,.2f})" if neg else f"¥{x:,.2f}"
    if style == 6:                                      # Swiss grouping, straight or typographic apostrophe
        return f"{'-' if neg else ''}{x:,.2f}".replace(",", "'" if c % 2 else "\u2019")
    if style == 7:                                      # grouped by (no-break) spaces
        return f"{'-' if neg else ''}{x:,.2f}".replace(",", "\u00a0" if c % 2 else " ")
    return f"{'-' if neg else ''}{x:.2f}元"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.tuples(cents, st.integers(0, 7)), min_size=1, max_size=30))
def test_amounts_as_exports_write_them_parse_back_to_the_cent(items):
    written = pd.Series([_write(c, s) for c, s in items], dtype=object)
    values, reasons = V.parse_amounts(written)
    assert reasons.isna().all()
    assert (V.to_cents(values) == np.array([c for c, _ in items])).all()


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.lists(st.dates(min_value=pd.Timestamp("1990-01-01").date(), max_value=pd.Timestamp("2090-12-31").date()),
                min_size=1, max_size=20), st.sampled_from(["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日", "%Y%m%d", "%d %b %Y"]))
def test_unambiguous_dates_parse_back_to_the_day(days, fmt):
    written = pd.Series([d.strftime(fmt) for d in days], dtype=object)
    parsed, reasons = V.parse_dates(written)
    assert reasons.isna().all()
    assert [p.date() for p in parsed] == days


@settings(max_examples=50, deadline=None, derandomize=True)
@given(st.lists(st.dates(min_value=pd.Timestamp("2000-01-13").date(), max_value=pd.Timestamp("2030-12-31").date()),
                min_size=1, max_size=20))
def test_us_dates_are_read_month_first_only_when_the_file_settles_it(days):
    written = pd.Series([f"{d.month}/{d.day}/{d.year}" for d in days], dtype=object)
    order, problem = V.infer_date_order([written])
    if any(d.day > 12 for d in days):
        assert order == "mdy" and problem is None
        assert [p.date() for p in V.parse_dates(written, order)[0]] == days
    elif any(d.day != d.month for d in days):
        assert order is None and "--date-format" in problem
