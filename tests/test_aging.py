"""Aging and open items: every boundary, and properties that hold for any ledger."""
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit as ck


def ledger(invoices, payments=None):
    cols = ["customer", "invoice_id", "invoice_date", "due_date", "amount"]
    inv = pd.DataFrame(invoices, columns=cols)
    pay = None if payments is None else pd.DataFrame(payments, columns=["customer", "invoice_id", "payment_date", "amount", "kind"])
    return ck.Ledger(inv, pay)


AS_OF = "2026-06-30"


@pytest.mark.parametrize("due,bucket", [
    ("2026-07-01", "current"), ("2026-06-30", "current"),     # due today is not overdue
    ("2026-06-29", "1-30"), ("2026-05-31", "1-30"),           # exactly 30 days
    ("2026-05-30", "31-60"), ("2026-05-01", "31-60"),         # 31 and 60 days
    ("2026-04-30", "61-90"), ("2026-04-01", "61-90"),         # 61 and 90 days
    ("2026-03-31", "91+"),                                     # 91 days
])
def test_bucket_boundaries(due, bucket):
    led = ledger([["A", "1", "2026-01-01", due, 100.0]])
    table = ck.aging(led, AS_OF)
    assert table.loc["A", bucket] == 100.0
    assert table.loc["A"].drop(["total", bucket]).abs().sum() == 0
    items = ck.open_items(led, AS_OF)
    assert items.loc[0, "days_overdue"] == (pd.Timestamp(AS_OF) - pd.Timestamp(due)).days


def test_invoices_and_payments_after_as_of_are_ignored():
    led = ledger([["A", "1", "2026-06-01", "2026-06-15", 100.0], ["A", "2", "2026-07-01", "2026-07-31", 70.0]],
                 [["A", "1", "2026-07-05", 100.0, "payment"]])
    table = ck.aging(led, AS_OF)
    assert table.loc["A", "1-30"] == 100.0 and table.loc["A", "total"] == 100.0
    assert ck.aging(led, "2026-07-31").loc["A", "total"] == 70.0


def test_unapplied_cash_is_a_credit_shown_not_applied():
    led = ledger([["A", "1", "2026-01-01", "2026-01-31", 500.0]], [["A", None, "2026-06-01", 200.0, "payment"]])
    row = ck.aging(led, AS_OF).loc["A"]
    assert row["91+"] == 500.0 and row["unapplied"] == -200.0 and row["total"] == 300.0
    assert ck.open_items(led, AS_OF).loc[0, "outstanding"] == 500.0


@pytest.mark.parametrize("cash,cells", [
    # 1 (due 2026-03-31, 91+) falls due before 2 (due 2026-06-15, 1-30): art. 560 pays it first
    (200.0, {"91+": 300.0, "1-30": 400.0}),
    (650.0, {"1-30": 250.0}),
    (1000.0, {"unapplied": -100.0}),              # more than is owed: the rest stays a credit
])
def test_receipts_that_name_no_invoice_pay_the_earliest_due_first(cash, cells):
    """A receipts table with no invoice column (a cash journal) never says which invoice was paid: each
    customer's cash is set against its invoices in the order they fell due (Civil Code art. 560), in the
    aging table too, and the notes say so."""
    inv = pd.DataFrame([["A", "2", "2026-05-01", "2026-06-15", 400.0], ["A", "1", "2026-01-01", "2026-03-31", 500.0]],
                       columns=["customer", "invoice_id", "invoice_date", "due_date", "amount"])
    pay = pd.DataFrame([["A", "2026-06-20", cash]], columns=["customer", "payment_date", "amount"])
    led = ck.Ledger(inv, pay)
    assert not led.assigns_receipts
    assert any("Civil Code art. 560" in n for n in led.notes)
    row = ck.aging(led, AS_OF).loc["A"]
    expected = pd.Series(0.0, index=row.index)
    for col, value in cells.items():
        expected[col] = value
    expected["total"] = 900.0 - cash
    assert row.to_dict() == expected.to_dict()
    assert ck.aging(led, "2026-06-19").loc["A", "unapplied"] == 0 and ck.aging(led, "2026-06-19").loc["A", "total"] == 900
    grades = ck.risk_grades(led, AS_OF)
    if cash < 900:
        assert grades.loc["A", "outstanding"] == 900.0 - cash
    else:
        assert "A" not in grades.index                  # nothing owed: not graded


def test_receipts_that_name_their_invoices_are_not_moved():
    inv = pd.DataFrame([["A", "2", "2026-05-01", "2026-06-15", 400.0], ["A", "1", "2026-01-01", "2026-03-31", 500.0]],
                       columns=["customer", "invoice_id", "invoice_date", "due_date", "amount"])
    pay = pd.DataFrame([["A", "2", "2026-06-20", 400.0]], columns=["customer", "invoice_id", "payment_date", "amount"])
    led = ck.Ledger(inv, pay)
    assert led.assigns_receipts and not any("art. 560" in n for n in led.notes)
    row = ck.aging(led, AS_OF).loc["A"]
    assert row["91+"] == 500.0 and row["1-30"] == 0 and row["total"] == 500.0


def test_credit_note_reduces_the_invoice():
    led = ledger([["A", "1", "2026-06-01", "2026-06-20", 1000.0]], [["A", "1", "2026-06-05", 80.0, "credit_note"]])
    assert ck.open_items(led, AS_OF).loc[0, "outstanding"] == 920.0


def test_overpayment_becomes_a_credit():
    led = ledger([["A", "1", "2026-06-01", "2026-06-20", 1000.0], ["A", "2", "2026-06-10", "2026-07-10", 300.0]],
                 [["A", "1", "2026-06-15", 1100.0, "payment"]])
    row = ck.aging(led, AS_OF).loc["A"]
    assert row["current"] == 300.0 and row["unapplied"] == -100.0 and row["total"] == 200.0
    assert list(ck.open_items(led, AS_OF)["invoice_id"]) == ["2"]


def test_fully_paid_customer_disappears():
    led = ledger([["A", "1", "2026-06-01", "2026-06-20", 10.0]], [["A", "1", "2026-06-15", 10.0, "payment"]])
    assert ck.aging(led, AS_OF).empty and ck.open_items(led, AS_OF).empty


def test_cent_exact_sums():
    rows = [["A", str(i), "2026-06-01", "2026-06-20", 0.1] for i in range(3)]
    assert ck.aging(ledger(rows), AS_OF).loc["A", "total"] == 0.3


def test_invoice_basis_and_custom_buckets():
    led = ledger([["A", "1", "2026-06-01", "2026-08-31", 100.0]])
    table = ck.aging(led, AS_OF, basis="invoice")
    assert list(table.columns) == ["0-30", "31-60", "61-90", "91+", "unapplied", "total"]
    assert table.loc["A", "0-30"] == 100.0
    assert list(ck.aging(led, AS_OF, buckets=(15, 45)).columns)[:4] == ["current", "1-15", "16-45", "46+"]
    with pytest.raises(ValueError, match="increasing"):
        ck.aging(led, AS_OF, buckets=(60, 30))
    with pytest.raises(ValueError, match="basis"):
        ck.aging(led, AS_OF, basis="posting")


# -- properties ----------------------------------------------------------------------------
day = st.integers(0, 400)
invoice = st.tuples(st.sampled_from("ABC"), day, st.integers(0, 120), st.integers(1, 10_000_000))
payment = st.tuples(st.integers(0, 30), st.integers(0, 500), st.integers(1, 5_000_000), st.booleans())


def build(invs, pays):
    base = pd.Timestamp("2025-01-01")
    inv_rows = [[c, f"I{i}", base + pd.Timedelta(days=d), base + pd.Timedelta(days=d + t), cents / 100]
                for i, (c, d, t, cents) in enumerate(invs)]
    pay_rows = []
    for k, late, cents, loose in pays:
        i = k % len(inv_rows)
        c, _, idate, _, _ = inv_rows[i]
        pay_rows.append([c, None if loose else f"I{i}", idate + pd.Timedelta(days=late), cents / 100, "payment"])
    return ledger(inv_rows, pay_rows or None), inv_rows, pay_rows


@settings(max_examples=60, deadline=None)
@given(st.lists(invoice, min_size=1, max_size=12), st.lists(payment, max_size=12), st.integers(0, 700))
def test_aging_sums_to_invoices_minus_payments(invs, pays, offset):
    led, inv_rows, pay_rows = build(invs, pays)
    as_of = pd.Timestamp("2025-01-01") + pd.Timedelta(days=offset)
    table = ck.aging(led, as_of)
    cols = [c for c in table.columns if c != "total"]
    assert (table[cols].sum(axis=1).round(2) == table["total"]).all()
    for cust in "ABC":
        billed = sum(round(r[4] * 100) for r in inv_rows if r[0] == cust and r[2] <= as_of)
        paid = sum(round(r[3] * 100) for r in pay_rows if r[0] == cust and r[2] <= as_of)
        got = round(table.loc[cust, "total"] * 100) if cust in table.index else 0
        assert got == billed - paid
    items = ck.open_items(led, as_of)
    positive = table.drop(columns=["unapplied", "total"]).sum().sum()
    assert round(items["outstanding"].sum(), 2) == round(positive, 2)


def test_aging_trend_rows_equal_aging_sums():
    from coursekit.aging import aging_trend

    led = ck.sample_ledger(seed=5, customers=20, months=12)
    dates = ["2026-07-31", "2026-10-31"]
    trend = aging_trend(led, dates)
    for d in dates:
        assert (trend.loc[pd.Timestamp(d)] == ck.aging(led, d).sum().round(2)).all()


def test_quadrant_splits_by_amount_and_weighted_days():
    from coursekit.aging import aging_quadrant

    led = ledger([["Big-old", "1", "2026-01-01", "2026-02-01", 9000.0], ["Big-new", "2", "2026-06-01", "2026-06-20", 8000.0],
                  ["Small-old", "3", "2026-01-01", "2026-02-01", 100.0], ["Small-new", "4", "2026-06-01", "2026-06-20", 50.0],
                  ["Small-new", "5", "2026-06-01", "2026-07-20", 5000.0]])   # not yet due: not in the quadrant
    q = aging_quadrant(led, AS_OF, days_split=60, amount_split=1000, lang="en")
    assert q.loc["Big-old", "quadrant"] == "HH" and q.loc["Big-new", "quadrant"] == "HL"
    assert q.loc["Small-old", "quadrant"] == "LH" and q.loc["Small-new", "quadrant"] == "LL"
    assert q.loc["Small-new", "overdue"] == 50.0
    assert list(q.index[:2]) == ["Big-old", "Big-new"]


def test_weighted_days_weights_by_amount():
    from coursekit.aging import aging_quadrant

    led = ledger([["A", "1", "2026-01-01", "2026-05-31", 300.0], ["A", "2", "2026-01-01", "2026-06-20", 100.0]])
    q = aging_quadrant(led, AS_OF)
    assert q.loc["A", "weighted_days"] == round((300 * 30 + 100 * 10) / 400, 1)
