"""Bad-debt provisions: year bands, both methods, ECL, entries and the cost of waiting."""
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit as ck
from coursekit.aging import bucket_labels
from coursekit.provision import (
    EXAMPLE_MATRIX_RATES,
    EXAMPLE_RATES_YEARS,
    YEAR_BANDS,
    YEAR_BANDS_EN,
    _year_band_codes,
    aging_by_years,
    cost_of_waiting,
    expected_credit_loss,
    journal_entry,
    provision_aging_method,
    provision_matrix,
    recovery_curve,
    write_off_entry,
    year_band,
)

AS_OF = "2026-06-30"


def ledger(invoices, payments=None, customers=None):
    inv = pd.DataFrame(invoices, columns=["customer", "invoice_id", "invoice_date", "due_date", "amount"])
    pay = None if payments is None else pd.DataFrame(
        payments, columns=["customer", "invoice_id", "payment_date", "amount", "kind"])
    return ck.Ledger(inv, pay, customers)


def small():
    """Hand-computable: A 10,000 (<1y, current) and 5,000 (1-2y, 91+); B 2,000 less 500 paid
    (2-3y, 91+) and 300 unapplied; C 1,000 (>5y, 91+) and 800 (<1y, 1-30 overdue)."""
    return ledger([
        ["A", "A1", "2026-05-15", "2026-07-14", 10_000.00],
        ["A", "A2", "2025-03-01", "2025-03-31", 5_000.00],
        ["B", "B1", "2024-01-10", "2024-02-09", 2_000.00],
        ["C", "C1", "2020-06-01", "2020-07-01", 1_000.00],
        ["C", "C2", "2026-05-01", "2026-06-10", 800.00],
    ], [["B", "B1", "2024-05-01", 500.00, "payment"], ["B", None, "2026-01-10", 300.00, "payment"]])


# -- the year bands ------------------------------------------------------------------------------------
def test_bands_and_example_rates_are_labelled_and_complete():
    assert list(EXAMPLE_RATES_YEARS) == list(YEAR_BANDS) == ["1年以内", "1-2年", "2-3年", "3-4年", "4-5年", "5年以上"]
    assert YEAR_BANDS_EN[0] == "within 1 year" and YEAR_BANDS_EN[-1] == "over 5 years"
    assert list(EXAMPLE_MATRIX_RATES) == bucket_labels()
    with pytest.raises(TypeError):
        EXAMPLE_RATES_YEARS["1年以内"] = 0.5  # read-only: an example, not a setting to overwrite


@pytest.mark.parametrize("invoice,as_of,band", [
    ("2025-03-01", "2025-03-01", "1年以内"),
    ("2025-03-01", "2026-02-28", "1年以内"),
    ("2025-03-01", "2026-03-01", "1年以内"),      # exactly one year: "1年以内（含1年）"
    ("2025-03-01", "2026-03-02", "1-2年"),
    ("2025-03-01", "2027-03-01", "1-2年"),
    ("2025-03-01", "2027-03-02", "2-3年"),
    ("2025-03-01", "2030-03-01", "4-5年"),
    ("2025-03-01", "2030-03-02", "5年以上"),
    ("2023-03-01", "2024-03-01", "1年以内"),      # 366 days: a leap year is still one year
    ("2023-03-01", "2024-03-02", "1-2年"),
    ("2024-02-29", "2025-02-28", "1年以内"),      # no 29 February: the month's last day (art. 202)
    ("2024-02-29", "2025-03-01", "1-2年"),
    ("2024-02-29", "2028-02-29", "3-4年"),
    ("2024-02-29", "2028-03-01", "4-5年"),
    ("2025-12-31", "2026-12-31", "1年以内"),
    ("2025-12-31", "2027-01-01", "1-2年"),
])
def test_year_band_boundaries(invoice, as_of, band):
    assert year_band(invoice, as_of) == band
    assert year_band(invoice, as_of, lang="en") == YEAR_BANDS_EN[YEAR_BANDS.index(band)]


def test_year_band_rejects_an_invoice_after_as_of():
    with pytest.raises(ValueError, match="after the as-of date"):
        year_band("2026-07-01", AS_OF)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1995, 1, 1), max_value=date(2040, 12, 31)), st.integers(0, 3000))
def test_year_bands_match_calendar_year_arithmetic(invoice, days):
    as_of = pd.Timestamp(invoice) + pd.Timedelta(days=days)
    expected = sum(as_of > pd.Timestamp(invoice) + pd.DateOffset(years=n) for n in range(1, 6))
    day = lambda d: int(np.datetime64(pd.Timestamp(d).date(), "D").astype(np.int64))  # noqa: E731
    assert _year_band_codes(np.array([day(invoice)]), day(as_of))[0] == expected


def test_aging_by_years_hand_computed():
    t = aging_by_years(small(), AS_OF)
    assert list(t.columns) == list(YEAR_BANDS) + ["unapplied", "total"]
    assert t.loc["A"].tolist() == [10_000.0, 5_000.0, 0, 0, 0, 0, 0, 15_000.0]
    assert t.loc["B"].tolist() == [0, 0, 1_500.0, 0, 0, 0, -300.0, 1_200.0]
    assert t.loc["C"].tolist() == [800.0, 0, 0, 0, 0, 1_000.0, 0, 1_800.0]
    assert list(t.index) == ["A", "C", "B"]
    assert list(aging_by_years(small(), AS_OF, lang="en").columns)[:6] == list(YEAR_BANDS_EN)


# -- the aging method ---------------------------------------------------------------------------------
def test_aging_method_hand_computed():
    t = provision_aging_method(small(), AS_OF)
    assert list(t.index) == list(YEAR_BANDS) + ["合计", "贷方余额（不计提）"]
    assert t["balance"].tolist() == [10_800.0, 5_000.0, 1_500.0, 0, 0, 1_000.0, 18_300.0, -300.0]
    # 10,800 × 5% = 540; 5,000 × 10% = 500; 1,500 × 30% = 450; 1,000 × 100% = 1,000
    assert t["provision"].tolist() == [540.0, 500.0, 450.0, 0, 0, 1_000.0, 2_490.0, 0]
    assert t.loc["合计", "rate"] == pytest.approx(2_490 / 18_300)
    en = provision_aging_method(small(), AS_OF, lang="en")
    assert list(en.index[-2:]) == ["total", "credits (no provision)"]


def test_rates_by_label_english_label_or_sequence():
    flat = [0.1] * 6
    a = provision_aging_method(small(), AS_OF, rates=flat)
    b = provision_aging_method(small(), AS_OF, rates=dict(zip(YEAR_BANDS_EN, flat, strict=True)))
    c = provision_aging_method(small(), AS_OF, rates=dict(zip(YEAR_BANDS, flat, strict=True)))
    assert a["provision"].tolist() == b["provision"].tolist() == c["provision"].tolist()
    assert a.loc["合计", "provision"] == 1_830.0


def test_provisions_round_half_up_to_the_cent():
    led = ledger([["A", "1", "2026-06-01", "2026-06-30", 0.10], ["B", "2", "2026-06-01", "2026-06-30", 0.50]])
    t = provision_aging_method(led, AS_OF)
    # 0.10 × 5% = 0.005 → 0.01 and 0.60 × 5% = 0.03 (banker's rounding would give 0.00 for the first)
    assert t.loc["1年以内", "provision"] == 0.03
    e = expected_credit_loss(led, AS_OF, matrix_rates=[0.05, 0, 0, 0, 0])
    assert e.loc["A", "provision"] == 0.01 and e.loc["B", "provision"] == 0.03       # 0.025 → 0.03


@pytest.mark.parametrize("rates,match", [
    ({**EXAMPLE_RATES_YEARS, "5年以上": 1.2}, "between 0 and 1"),
    ({**EXAMPLE_RATES_YEARS, "1年以内": -0.01}, "between 0 and 1"),
    ({**EXAMPLE_RATES_YEARS, "1年以内": float("nan")}, "between 0 and 1"),
    ({k: v for k, v in EXAMPLE_RATES_YEARS.items() if k != "3-4年"}, "cover every band"),
    ({**EXAMPLE_RATES_YEARS, "6年以上": 1.0}, "unknown keys"),
    ({**EXAMPLE_RATES_YEARS, "within 1 year": 0.05}, "twice"),
    ([0.05] * 5, "one rate per band"),
    ({**EXAMPLE_RATES_YEARS, "1-2年": "10%"}, "must be a number"),
    (0.05, "dict keyed by band"),
])
def test_bad_rates(rates, match):
    with pytest.raises(ValueError, match=match):
        provision_aging_method(small(), AS_OF, rates=rates)


# -- the provision matrix ---------------------------------------------------------------------------------
def test_matrix_hand_computed():
    t = provision_matrix(small(), AS_OF, lang="en")
    assert list(t.index) == bucket_labels() + ["total", "credits (no provision)"]
    # current: A1 10,000; 1-30: C2 800 (20 days); 91+: A2 5,000 + B1 1,500 + C1 1,000
    assert t["balance"].tolist() == [10_000.0, 800.0, 0, 0, 7_500.0, 18_300.0, -300.0]
    # 10,000 × 1% = 100; 800 × 3% = 24; 7,500 × 40% = 3,000
    assert t["provision"].tolist() == [100.0, 24.0, 0, 0, 3_000.0, 3_124.0, 0]


def test_matrix_with_own_buckets_needs_own_rates():
    with pytest.raises(ValueError, match="give rates for your buckets"):
        provision_matrix(small(), AS_OF, buckets=(30, 180))
    t = provision_matrix(small(), AS_OF, rates={"current": 0, "1-30": 0.1, "31-180": 0.2, "181+": 0.5},
                         buckets=(30, 180))
    assert t["provision"].tolist() == [0, 80.0, 0, 3_750.0, 3_830.0, 0]
    with pytest.raises(ValueError, match="positive and increasing"):
        provision_matrix(small(), AS_OF, rates=[0.1] * 3, buckets=(60, 30))


# -- expected credit loss ------------------------------------------------------------------------------------
def test_ecl_matrix_and_individual_hand_computed():
    e = expected_credit_loss(small(), AS_OF, individual={"C": 1.0}, lang="en")
    assert list(e.index) == ["A", "C", "B", "total"]
    assert e.loc["A", "method"] == "matrix" and e.loc["A", "provision"] == 2_100.0     # 100 + 5,000 × 40%
    assert e.loc["B", "provision"] == 600.0 and e.loc["B", "unapplied"] == -300.0      # 1,500 × 40%
    assert e.loc["C", "method"] == "individual" and e.loc["C", "provision"] == 1_800.0
    assert e.loc["C", "rate"] == 1.0
    assert e.loc["total", "balance"] == 18_300.0 and e.loc["total", "provision"] == 4_500.0
    assert e.loc["total", "unapplied"] == -300.0
    assert e.loc["total", "1-30"] == 800.0
    same = expected_credit_loss(small(), AS_OF)
    assert same.loc["合计", "provision"] == provision_matrix(small(), AS_OF).loc["合计", "provision"] == 3_124.0


def test_ecl_bad_individual():
    with pytest.raises(ValueError, match="not in the ledger"):
        expected_credit_loss(small(), AS_OF, individual={"Z": 1.0})
    with pytest.raises(ValueError, match="between 0 and 1"):
        expected_credit_loss(small(), AS_OF, individual={"A": 2})
    with pytest.raises(ValueError, match="dict"):
        expected_credit_loss(small(), AS_OF, individual=[("A", 1.0)])


def test_ecl_refuses_a_customer_named_like_the_total_row():
    led = ledger([["合计", "1", "2026-06-01", "2026-06-30", 100.0]])
    with pytest.raises(ValueError, match="total row"):
        expected_credit_loss(led, AS_OF)
    assert expected_credit_loss(led, AS_OF, lang="en").loc["total", "provision"] == 1.0


# -- reconciliation with the open items --------------------------------------------------------------------------
@pytest.mark.parametrize("as_of", ["2025-12-31", "2026-06-30", "2026-10-31"])
def test_reconciles_with_open_items_on_the_sample_ledger(as_of):
    led = ck.sample_ledger(seed=7)
    items = ck.open_items(led, as_of)
    open_cents = int(np.rint(items["outstanding"].to_numpy() * 100).sum())
    credits = round(ck.aging(led, as_of)["unapplied"].sum(), 2)
    years = provision_aging_method(led, as_of)
    matrix = provision_matrix(led, as_of)
    ecl = expected_credit_loss(led, as_of)
    by_years = aging_by_years(led, as_of)
    for t, bands in ((years, YEAR_BANDS), (matrix, bucket_labels())):
        assert int(np.rint(t.loc[list(bands), "balance"].to_numpy() * 100).sum()) == open_cents
        assert round(t.loc["合计", "balance"] * 100) == open_cents
        assert t.iloc[-1]["balance"] == credits and t.iloc[-1]["provision"] == 0
        assert round(t.loc[list(bands), "provision"].sum(), 2) == t.loc["合计", "provision"]
    assert round(ecl.loc["合计", "balance"] * 100) == open_cents
    assert ecl.loc["合计", "unapplied"] == credits
    assert round(ecl.drop("合计")["provision"].sum(), 2) == ecl.loc["合计", "provision"]
    assert abs(ecl.loc["合计", "provision"] - matrix.loc["合计", "provision"]) <= 0.01 * len(ecl)
    assert int(np.rint(by_years[list(YEAR_BANDS)].to_numpy() * 100).sum()) == open_cents
    # per customer, the year bands agree with the balances of ck.aging
    assert (by_years["total"].round(2) == ck.aging(led, as_of).reindex(by_years.index)["total"].round(2)).all()


def test_bankrupt_customer_assessed_individually_on_the_sample():
    led = ck.sample_ledger(seed=7)
    info = led.customer_info()
    bankrupt = {c: 1.0 for c in info.index[info["status"] == "bankrupt"]}
    e = expected_credit_loss(led, AS_OF, individual=bankrupt)
    for c in bankrupt:
        if c in e.index:
            assert e.loc[c, "provision"] == e.loc[c, "balance"] and e.loc[c, "method"] == "individual"


# -- provisions never exceed the balance (property) ---------------------------------------------------------------
RATE = st.floats(0, 1, allow_nan=False)


@st.composite
def ledgers(draw):
    n = draw(st.integers(1, 8))
    start = date(2019, 1, 1)
    invoices, payments = [], []
    for i in range(n):
        inv_day = start + timedelta(days=draw(st.integers(0, 2700)))
        due = inv_day + timedelta(days=draw(st.integers(0, 120)))
        cents = draw(st.integers(1, 10_000_000))
        cust = draw(st.sampled_from("ABC"))
        invoices.append([cust, f"I{i}", inv_day, due, cents / 100])
        if draw(st.booleans()):
            paid = draw(st.integers(1, cents + 5_000))   # sometimes an overpayment
            payments.append([cust, f"I{i}", inv_day + timedelta(days=draw(st.integers(0, 400))), paid / 100, "payment"])
    if draw(st.booleans()):
        payments.append([draw(st.sampled_from("ABC")), None, date(2025, 6, 1), 123.45, "payment"])
    return ledger(invoices, payments or None)


@settings(max_examples=80, deadline=None)
@given(ledgers(), st.lists(RATE, min_size=5, max_size=5), st.lists(RATE, min_size=6, max_size=6),
       st.dictionaries(st.sampled_from("ABC"), RATE, max_size=3), st.dates(date(2019, 1, 1), date(2027, 12, 31)))
def test_provisions_never_exceed_the_balance(led, matrix_rates, year_rates, individual, as_of):
    individual = {c: r for c, r in individual.items() if c in set(led._customers)}
    ecl = expected_credit_loss(led, as_of, matrix_rates=matrix_rates, individual=individual, lang="en")
    assert (ecl["provision"] >= 0).all() and (ecl["provision"] <= ecl["balance"]).all()
    assert (ecl["rate"] <= 1).all()
    for t in (provision_matrix(led, as_of, rates=matrix_rates), provision_aging_method(led, as_of, rates=year_rates)):
        assert (t["provision"] >= 0).all() and (t["provision"] <= t["balance"].clip(lower=0)).all()
    open_cents = int(np.rint(ck.open_items(led, as_of)["outstanding"].to_numpy() * 100).sum())
    assert round(ecl.loc["total", "balance"] * 100) == open_cents


# -- journal entries ----------------------------------------------------------------------------------------------
def test_entry_raises_the_allowance():
    e = journal_entry(3_124.0, 2_000.0)
    assert e.to_dict("list") == {"account": ["信用减值损失", "坏账准备"], "debit": [1_124.0, 0.0],
                                 "credit": [0.0, 1_124.0]}


def test_entry_reverses_when_less_is_needed():
    e = journal_entry(1_500.0, 2_000.555, lang="en")
    assert e["account"].tolist() == ["Allowance for bad debts (坏账准备)", "Credit impairment loss (信用减值损失)"]
    assert e["debit"].tolist() == [500.56, 0.0] and e["credit"].tolist() == [0.0, 500.56]   # half-up


def test_entry_nothing_to_book():
    e = journal_entry(1_000, 1_000)
    assert e.empty and list(e.columns) == ["account", "debit", "credit"]


def test_write_off_entry():
    e = write_off_entry(36_800)
    assert e.to_dict("list") == {"account": ["坏账准备", "应收账款"], "debit": [36_800.0, 0.0],
                                 "credit": [0.0, 36_800.0]}
    assert write_off_entry(1, lang="en")["account"].tolist()[1] == "Accounts receivable (应收账款)"


@pytest.mark.parametrize("call", [
    lambda: journal_entry(-1), lambda: journal_entry(1, float("inf")), lambda: journal_entry("100"),
    lambda: journal_entry(True), lambda: write_off_entry(0), lambda: write_off_entry(-5),
    lambda: write_off_entry(100, lang="de"),
])
def test_entries_bad_input(call):
    with pytest.raises(ValueError):
        call()


# -- recovery curve and the cost of waiting ------------------------------------------------------------------------
def test_recovery_curve_shape_matches_the_field_observation():
    assert recovery_curve(0) == pytest.approx(0.8, abs=1e-4)
    assert recovery_curve(730) == pytest.approx(0.5)
    assert recovery_curve(5_000) == pytest.approx(0.2, abs=1e-9)
    ages = np.arange(0, 1826)
    r = recovery_curve(ages)
    assert 0.75 <= r[:731].mean() <= 0.82 and 0.18 <= r[731:].mean() <= 0.25
    s = recovery_curve(pd.Series([10, 800], index=["x", "y"]))
    assert isinstance(s, pd.Series) and list(s.index) == ["x", "y"]
    assert isinstance(recovery_curve(10), float)
    assert recovery_curve(400, ceiling=0.9, floor=0.1, midpoint_days=400) == pytest.approx(0.5)


@settings(max_examples=300, deadline=None)
@given(st.floats(0, 1e6, allow_nan=False), st.floats(0, 1e6, allow_nan=False),
       st.floats(0.01, 1), st.floats(0, 1), st.floats(1, 5_000), st.floats(0.001, 2_000))
def test_recovery_curve_never_increases(a, b, hi, lo_share, mid, width):
    lo = hi * lo_share
    kw = {"ceiling": hi, "floor": lo, "midpoint_days": mid, "width_days": width}
    young, old = min(a, b), max(a, b)
    assert recovery_curve(old, **kw) <= recovery_curve(young, **kw)
    assert lo <= recovery_curve(old, **kw) <= hi


@pytest.mark.parametrize("call", [
    lambda: recovery_curve(-1), lambda: recovery_curve(float("nan")), lambda: recovery_curve("old"),
    lambda: recovery_curve(10, ceiling=0.2, floor=0.8), lambda: recovery_curve(10, width_days=0),
    lambda: recovery_curve(10, ceiling=1.5),
])
def test_recovery_curve_bad_input(call):
    with pytest.raises(ValueError):
        call()


def test_cost_of_waiting_hand_computed():
    # a sharp step at 400 days: 0.8 before, 0.2 after, so waiting from day 300 to day 480 loses 60%
    t = cost_of_waiting(100_000, 300, 180, annual_rate=0.04, curve={"midpoint_days": 400, "width_days": 1e-3})
    row = t.iloc[0]
    assert (row["recovery_now"], row["recovery_later"]) == (0.8, 0.2)
    assert row["recovery_lost"] == 60_000.0
    assert row["financing_cost"] == 1_972.60          # 100,000 × 4% × 180 / 365 = 1,972.6027
    assert row["total_cost"] == 61_972.60
    assert list(t.columns) == ["amount", "age_days", "wait_days", "recovery_now", "recovery_later",
                               "recovery_lost", "financing_cost", "total_cost"]


def test_cost_of_waiting_default_curve_and_arrays():
    t = cost_of_waiting([10_000, 10_000], [100, 700], 90, annual_rate=0.05, day_basis=360)
    assert len(t) == 2 and (t["financing_cost"] == 125.0).all()      # 10,000 × 5% × 90 / 360
    expected = round(10_000 * (recovery_curve(700) - recovery_curve(790)), 2)
    assert t.loc[1, "recovery_lost"] == pytest.approx(expected, abs=0.011)
    assert t.loc[1, "recovery_lost"] > t.loc[0, "recovery_lost"]      # waiting costs most near two years
    assert (t["total_cost"] == (t["recovery_lost"] + t["financing_cost"]).round(2)).all()
    none = cost_of_waiting(5_000, 200, 0, annual_rate=0.05)
    assert none.loc[0, "total_cost"] == 0


@pytest.mark.parametrize("kw,match", [
    ({"annual_rate": 4}, "between 0 and 1"), ({"annual_rate": 0.04, "day_basis": 366}, "day_basis"),
    ({"annual_rate": 0.04, "curve": {"slope": 1}}, "unknown"),
])
def test_cost_of_waiting_bad_parameters(kw, match):
    with pytest.raises(ValueError, match=match):
        cost_of_waiting(1_000, 10, 10, **kw)


@pytest.mark.parametrize("args", [(-1, 10, 10), (1_000, -10, 10), (1_000, 10, -1), ([1, 2, 3], [1, 2], 5)])
def test_cost_of_waiting_bad_amounts_and_days(args):
    with pytest.raises(ValueError):
        cost_of_waiting(*args, annual_rate=0.04)


def test_cost_of_waiting_needs_a_rate():
    with pytest.raises(TypeError):
        cost_of_waiting(1_000, 10, 10)
