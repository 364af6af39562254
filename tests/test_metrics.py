"""The DSO family: definitions, hand-computed cases and every invalid input."""
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit as ck
from coursekit import metrics as m


def test_standard_and_average():
    assert m.dso_standard(600_000, 900_000, 90) == 60.0
    assert m.dso_average(180_000, 220_000, 1_200_000, 360) == 60.0
    assert m.ar_turnover(1_200_000, 180_000, 220_000) == 6.0
    assert m.dso_average(180_000, 220_000, 1_200_000, 360) == 360 / m.ar_turnover(1_200_000, 180_000, 220_000)


def test_countback_walks_back_through_periods():
    # 150,000 AR: takes all of the newest month (100,000 / 30 days), then 50,000 of 80,000 over 31 days
    assert m.dso_countback(150_000, [100_000, 80_000, 90_000], [30, 31, 30]) == 30 + 50_000 / 80_000 * 31
    assert m.dso_countback(60_000, [100_000], [30]) == 18.0
    assert m.dso_countback(100_000, [100_000, 50_000], [30, 31]) == 30.0   # exactly exhausts one period
    assert m.dso_countback(0, [100_000], 30) == 0.0


def test_best_possible_add_and_cei():
    assert m.best_possible_dso(450_000, 900_000, 90) == 45.0
    assert m.average_days_delinquent(60, 45) == 15.0
    got = m.cei(500_000, 300_000, 520_000, 320_000, months=1)
    assert math.isclose(got, 280_000 / 480_000 * 100)
    got3 = m.cei(500_000, 900_000, 520_000, 320_000, months=3)   # sales ÷ N
    assert math.isclose(got3, (500_000 + 300_000 - 520_000) / (500_000 + 300_000 - 320_000) * 100)


@pytest.mark.parametrize("call,message", [
    (lambda: m.dso_standard(100, 0, 90), "credit sales must be greater than zero"),
    (lambda: m.dso_standard(100, -5, 90), "credit sales must be greater than zero"),
    (lambda: m.dso_standard(100, 50, 0), "days must be greater than zero"),
    (lambda: m.dso_standard(float("nan"), 50, 30), "finite"),
    (lambda: m.dso_standard("lots", 50, 30), "must be a number"),
    (lambda: m.dso_countback(500, [100, 100], [30, 30]), "larger than all the sales"),
    (lambda: m.dso_countback(150, [100, 0, 100], [30, 30, 30]), "sales of period 2"),
    (lambda: m.dso_countback(50, [100, 100], [30]), "2 periods but days has 1"),
    (lambda: m.dso_countback(50, [], []), "at least one period"),
    (lambda: m.average_days_delinquent(40, 50), "exceeds DSO"),
    (lambda: m.cei(0, 0, 0, 0), "must be positive"),
    (lambda: m.cei(100, 100, 50, 80, months=0), "months must be greater than zero"),
    (lambda: m.ar_turnover(100, 0, 0), "average AR is zero"),
])
def test_invalid_inputs_raise_with_a_sentence(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@settings(max_examples=80, deadline=None)
@given(st.floats(1, 1e7), st.integers(1, 12), st.floats(0, 0.999), st.integers(28, 31))
def test_countback_equals_standard_when_sales_are_flat(monthly, periods, share, days):
    ar = monthly * periods * share
    total_days = periods * days
    standard = m.dso_standard(ar, monthly * periods, total_days)
    countback = m.dso_countback(ar, [monthly] * periods, [days] * periods)
    assert math.isclose(countback, standard, rel_tol=1e-9, abs_tol=1e-9)


def test_dso_from_the_sample_ledger_is_consistent():
    led = ck.sample_ledger(seed=7)
    f = m.period_figures(led, "2026-10-31", 90)
    assert ck.dso(led, "2026-10-31", 90, "standard") == pytest.approx(f["ending_ar"] / f["credit_sales"] * 90)
    assert ck.dso(led, "2026-10-31", 90, "average") == pytest.approx((f["beginning_ar"] + f["ending_ar"]) / 2 / f["credit_sales"] * 90)
    assert 0 < ck.dso(led, "2026-10-31", 90, "countback") < 200
    assert f["ending_ar"] == pytest.approx(ck.aging(led, "2026-10-31")["total"].sum())
    with pytest.raises(ValueError, match="method"):
        ck.dso(led, "2026-10-31", method="magic")


def test_monthly_flows_add_up_and_match_the_notebook_way():
    from coursekit.metrics import monthly_flows

    ledger = ck.sample_ledger(seed=7)
    ends = pd.date_range("2025-11-30", "2026-10-31", freq="ME")
    flows = monthly_flows(ledger, ends)
    # what notebook 08 computes by hand with resample
    pay = ledger.payments

    def per_month(df, col):
        return df.set_index(col)["amount"].resample("ME").sum().reindex(ends, fill_value=0.0)

    assert np.allclose(flows["invoiced"], per_month(ledger.invoices, "invoice_date"))
    assert np.allclose(flows["cash"], per_month(pay[pay["kind"] == "payment"], "payment_date"))
    assert np.allclose(flows["credit_notes"], per_month(pay[pay["kind"] == "credit_note"], "payment_date"))
    # the AR identity: change in AR = invoiced - cash - credit notes
    before = ck.aging(ledger, "2025-10-31")["total"].sum()
    change = flows["ar_end"].diff().fillna(flows["ar_end"].iloc[0] - before)
    assert np.allclose(change, flows["invoiced"] - flows["cash"] - flows["credit_notes"], atol=0.01)
    assert flows.loc[ends[-1], "ar_end"] == round(ck.aging(ledger, ends[-1])["total"].sum(), 2)


def test_monthly_flows_for_one_customer():
    from coursekit.aging import balances_as_of
    from coursekit.metrics import monthly_flows

    ledger = ck.sample_ledger(seed=7)
    who = ledger.invoices["customer"].iloc[0]
    ends = pd.date_range("2026-05-31", "2026-10-31", freq="ME")
    flows = monthly_flows(ledger, ends, customer=who)
    inv = ledger.invoices[ledger.invoices["customer"] == who]
    assert np.allclose(flows["invoiced"], inv.groupby(inv["invoice_date"].dt.to_period("M"))["amount"].sum()
                       .reindex(ends.to_period("M"), fill_value=0.0))
    assert list(flows["ar_end"]) == [round(float(balances_as_of(ledger, d)[who]), 2) for d in ends]


def test_dso_figures_agree_with_each_figure_alone():
    import coursekit as ck

    ledger = ck.sample_ledger(seed=7)
    t = ck.metrics.dso_figures(ledger, "2026-10-31", 90)
    for method in ("standard", "average", "countback"):
        assert t.loc[method, "value"] == ck.dso(ledger, "2026-10-31", 90, method)
    assert (t["note"] == "").all()
    assert t.loc["add", "value"] == t.loc["standard", "value"] - t.loc["best_possible", "value"]
