"""Risk grades (course scale), limitation dates and the collection plan."""
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit as ck
from coursekit.legal import limitation_expiry
from coursekit.risk import RiskScale, grade_for_days
from coursekit.sample import SCENARIOS


@pytest.mark.parametrize("days,grade", [(-5, 5), (0, 5), (1, 4), (90, 4), (91, 3), (180, 3), (181, 2),
                                        (365, 2), (366, 1), (2000, 1)])
def test_default_scale(days, grade):
    assert grade_for_days(days) == grade


@given(st.integers(-400, 3000), st.integers(0, 2000))
def test_grade_never_improves_as_a_debt_ages(days, more):
    assert grade_for_days(days + more) <= grade_for_days(days)


def test_scale_is_configurable_and_checked():
    assert grade_for_days(40, RiskScale(30, 60, 120)) == 3
    with pytest.raises(ValueError):
        RiskScale(90, 60, 365)


def one(days_overdue, customers=None, payments=None, as_of="2026-06-30"):
    due = pd.Timestamp(as_of) - pd.Timedelta(days=days_overdue)
    inv = pd.DataFrame({"customer": ["A"], "invoice_id": ["INV-0042"], "invoice_date": [due - pd.Timedelta(days=30)],
                        "due_date": [due], "amount": [1000.0]})
    return ck.Ledger(inv, payments, customers)


def test_reason_names_days_and_invoice():
    g = ck.risk_grades(one(134), "2026-06-30")
    assert g.loc["A", "grade"] == 3
    assert g.loc["A", "reason_en"] == "doubtful: 134 days overdue on INV-0042"
    assert g.loc["A", "reason_zh"].startswith("准呆账")


@pytest.mark.parametrize("attrs,grade", [
    ({"status": "bankrupt"}, 1), ({"status": "deregistered"}, 1), ({"disputed": True}, 3),
    ({"broken_promise": True}, 3), ({"status": "distressed"}, 4),
])
def test_signals_override_age(attrs, grade):
    customers = pd.DataFrame({"customer": ["A"], **{k: [v] for k, v in attrs.items()}})
    assert ck.risk_grades(one(10, customers), "2026-06-30").loc["A", "grade"] == grade


def test_expired_limitation_makes_dead_unless_interrupted():
    as_of = "2026-06-30"
    old = one(3 * 365 + 10, as_of=as_of)
    g = ck.risk_grades(old, as_of)
    assert g.loc["A", "grade"] == 1 and "limitation" in g.loc["A", "reason_en"]
    ack = pd.DataFrame({"customer": ["A"], "last_acknowledgement_date": ["2025-01-10"]})
    g2 = ck.risk_grades(one(3 * 365 + 10, ack, as_of=as_of), as_of)
    assert g2.loc["A", "limitation_expiry"] == pd.Timestamp("2028-01-10")
    assert "limitation" not in g2.loc["A", "reason_en"]


def test_limitation_dates():
    due = pd.Series(pd.to_datetime(["2023-03-31", "2024-02-29", "2020-01-15"]))
    out = limitation_expiry(due, last_demand=pd.Series(pd.to_datetime([None, "2025-05-06", None])))
    assert list(out["expiry"].dt.strftime("%Y-%m-%d")) == ["2026-03-31", "2028-05-06", "2023-01-15"]
    assert list(out["cause"]) == ["due", "demand", "due"]
    early = limitation_expiry(pd.Series(pd.to_datetime(["2024-06-30"])),
                              last_demand=pd.Series(pd.to_datetime(["2024-06-01"])))
    assert early.loc[0, "expiry"] == pd.Timestamp("2027-06-30")   # a demand before the due date does not move it


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 5000), min_size=0, max_size=5))
def test_more_interruptions_never_shorten_the_period(offsets):
    due = pd.Series(pd.to_datetime(["2020-01-01"]))
    base = limitation_expiry(due).loc[0, "expiry"]
    latest = None
    for o in offsets:
        d = pd.Timestamp("2020-01-01") + pd.Timedelta(days=o)
        latest = d if latest is None or d > latest else latest
        e = limitation_expiry(due, last_demand=pd.Series([latest])).loc[0, "expiry"]
        assert e >= base
        assert e <= pd.Timestamp("2040-01-01")   # 20-year cap


def test_plan_orders_and_names_techniques():
    led = ck.sample_ledger(seed=7)
    plan = ck.collection_plan(led, "2026-10-31")
    assert list(plan["priority"]) == list(range(1, len(plan) + 1))
    assert set(plan["approach"]) <= {"文收", "武收"}
    ids = set(ck.techniques().index)
    assert all(set(t) <= ids for t in plan["techniques"])
    # legal deadlines first: the old debt close to its limitation date and the bankrupt customer
    deadlines = plan[plan["deadline"]]
    assert list(deadlines.index) == list(range(len(deadlines)))
    assert (deadlines["days_to_limitation"] <= 180).any() and (deadlines["grade"] == 1).all()
    rest = plan[~plan["deadline"]]
    assert rest["expected_recovery"].is_monotonic_decreasing
    grades = ck.risk_grades(led, "2026-10-31")
    assert set(plan["customer"]) == set(grades.index[grades["outstanding"] > 0])
    en = ck.collection_plan(led, "2026-10-31", lang="en")
    assert set(en["approach"]) <= {"soft", "firm"}


def test_plan_follows_cooperation_rule():
    customers = pd.DataFrame({"customer": ["A"], "cooperative": ["否"]})
    plan = ck.collection_plan(one(40, customers), "2026-06-30", lang="en")
    assert plan.loc[0, "approach"] == "firm" and 49 in plan.loc[0, "techniques"]
    customers = pd.DataFrame({"customer": ["A"], "cooperative": ["是"]})
    plan = ck.collection_plan(one(40, customers), "2026-06-30", lang="en")
    assert plan.loc[0, "approach"] == "soft"
    bankrupt = pd.DataFrame({"customer": ["A"], "status": ["破产"]})
    assert 88 in ck.collection_plan(one(40, bankrupt), "2026-06-30").loc[0, "techniques"]


def test_sample_is_deterministic_and_has_the_teaching_features():
    a, b = ck.sample_ledger(seed=3), ck.sample_ledger(seed=3)
    pd.testing.assert_frame_equal(a.invoices, b.invoices)
    pd.testing.assert_frame_equal(a.payments, b.payments)
    assert not ck.sample_ledger(seed=4).invoices.equals(a.invoices)
    info = a.customer_info()
    assert {"bankrupt", "distressed"} <= set(info["status"])
    assert info["disputed"].sum() >= 1
    assert (a.payments["kind"] == "credit_note").any()
    assert a.payments["invoice_id"].isna().any()           # unapplied cash
    assert set(a.invoices["terms_days"]) == {30, 60, 90}
    assert a.invoices["invoice_date"].max() <= pd.Timestamp("2026-10-31")
    months = a.invoices["invoice_date"].dt.month.value_counts()
    assert months[2] < months[3]                            # Spring Festival dip, quarter-end push


@pytest.mark.parametrize("scenario", list(ck.SCENARIOS))
def test_every_scenario_builds(scenario):
    led = ck.sample_ledger(scenario=scenario)
    assert len(led.invoices) > 50
    with pytest.raises(ValueError, match="unknown scenario"):
        ck.sample_ledger(scenario="nope")


def test_large_sample_size():
    led = ck.sample_ledger(seed=1, customers=500, invoices=50_000)
    info = led.customer_info()
    bankrupt = info.index[info["status"] == "bankrupt"][0]
    # 50,000 drawn plus the old debt, less what the bankrupt customer would have been invoiced after its bankruptcy
    assert 49_000 < len(led.invoices) < 50_001
    assert np.isfinite(ck.aging(led, "2026-10-31")["total"]).all()
    assert list(led.invoices["invoice_id"].iloc[1:4]) == ["INV-000001", "INV-000002", "INV-000003"]
    assert led.invoices["invoice_id"].iloc[-1] == f"INV-{len(led.invoices) - 1:06d}"   # numbered without gaps
    assert (led.invoices["customer"] == bankrupt).any()


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_bankrupt_customer_is_not_invoiced_after_its_bankruptcy(scenario):
    tables = ck.sample.sample_tables(scenario=scenario)
    cus = tables["customers"].set_index("customer")
    day = cus.loc[cus["status"] == "bankrupt", "status_date"]
    assert len(day) == 1 and pd.notna(day.iloc[0])
    name, since = day.index[0], day.iloc[0]
    inv, pay = tables["invoices"], tables["payments"]
    assert (inv.loc[inv["customer"] == name, "invoice_date"] < since).all()
    assert (inv["customer"] == name).any()
    # nor does it pay any creditor on its own after the acceptance (Enterprise Bankruptcy Law art. 16)
    assert (pay.loc[pay["customer"] == name, "payment_date"] < since).all()
    assert pd.notna(cus.loc[cus["status"] == "distressed", "status_date"]).all()
    assert cus.loc[cus["status"] == "active", "status_date"].isna().all()


def test_a_status_holds_from_its_date():
    """Before the day the bankruptcy was accepted the customer is graded by age like any other."""
    led = ck.sample_ledger(scenario="provisions")
    info = led.customer_info()
    name, since = info.index[info["status"] == "bankrupt"][0], info.loc[info["status"] == "bankrupt", "status_date"].iloc[0]
    before = since - pd.Timedelta(days=1)
    assert led.customer_info(before).loc[name, "status"] == "active"
    assert led.customer_info(since).loc[name, "status"] == "bankrupt"
    then, now = ck.risk_grades(led, before), ck.risk_grades(led, since)
    assert "破产" not in then.loc[name, "reason_zh"]
    assert now.loc[name, "grade"] == 1
    assert now.loc[name, "reason_zh"] == f"死账：客户自 {since:%Y-%m-%d} 起已进入破产程序"
    assert now.loc[name, "reason_en"].endswith(f"bankrupt (since {since:%Y-%m-%d})")


def test_every_situation_has_an_action_for_each_approach_it_can_take():
    from coursekit.plan import _SITUATION, ACTIONS

    for situation in list(_SITUATION.values()) + ["dispute", "limitation"]:
        for approach in ("soft", "firm"):
            assert (situation, approach) in ACTIONS, (situation, approach)
    ids = set(ck.techniques().index)
    for zh, en, techs in ACTIONS.values():
        assert zh and en and set(techs) <= ids


@pytest.mark.parametrize("coop", ["是", "否", ""])
@pytest.mark.parametrize("days", [-10, 10, 120, 200, 400])
def test_plan_covers_every_grade_and_cooperation(coop, days):
    customers = pd.DataFrame({"customer": ["A"], "cooperative": [coop]})
    plan = ck.collection_plan(one(days, customers), "2026-06-30")
    assert len(plan) == 1 and plan.loc[0, "next_action"]


def test_demand_after_expiry_does_not_revive_but_acknowledgement_binds():
    due = pd.Series(pd.to_datetime(["2020-01-15", "2020-01-15", "2020-01-15"]))
    late = pd.Series(pd.to_datetime(["2024-05-01", None, None]))
    ack = pd.Series(pd.to_datetime([None, "2024-05-01", None]))
    chain_pay = pd.Series(pd.to_datetime([None, None, "2022-12-01"]))
    chain_demand = pd.Series(pd.to_datetime([None, None, "2025-06-01"]))
    out = limitation_expiry(due, last_payment=chain_pay, last_demand=late.combine_first(chain_demand),
                            last_acknowledgement=ack)
    assert out.loc[0, "expiry"] == pd.Timestamp("2023-01-15") and out.loc[0, "cause"] == "due"
    assert out.loc[1, "expiry"] == pd.Timestamp("2027-05-01") and out.loc[1, "cause"] == "acknowledgement"
    # a payment in time restarts the period, and a demand inside the new period restarts it again
    assert out.loc[2, "expiry"] == pd.Timestamp("2028-06-01") and out.loc[2, "cause"] == "demand"


def test_bankrupt_customer_is_a_deadline_and_comes_first():
    inv = pd.DataFrame({"customer": ["A", "B"], "invoice_id": ["1", "2"], "invoice_date": ["2026-01-01", "2026-01-01"],
                        "due_date": ["2026-02-01", "2026-05-01"], "amount": [1000.0, 900_000.0]})
    customers = pd.DataFrame({"customer": ["A"], "status": ["bankrupt"]})
    plan = ck.collection_plan(ck.Ledger(inv, customers=customers), "2026-06-30", lang="en")
    assert list(plan["customer"]) == ["A", "B"]
    assert plan.loc[0, "deadline"] and not plan.loc[1, "deadline"]
    assert plan.loc[1, "expected_recovery"] == round(900_000 * 0.9, 2)


def test_revoked_licence_is_not_deregistration():
    customers = pd.DataFrame({"customer": ["A"], "status": ["吊销"]})
    assert ck.risk_grades(one(10, customers), "2026-06-30").loc["A", "grade"] == 4


def test_explicit_sample_arguments_win_over_the_scenario():
    led = ck.sample_ledger(scenario="aging", customers=25)
    assert len(led.customer_info()) == 25
    inv = ck.sample_ledger(months=12).invoices
    months = inv.loc[inv["invoice_id"] != "INV-OLD-0001", "invoice_date"]   # the deliberately old debt aside
    assert months.min() >= pd.Timestamp("2025-11-01") and months.dt.to_period("M").nunique() == 12
    last_day = (months == pd.Timestamp("2026-10-31")).sum()
    assert last_day < 20   # no month of invoices piled onto the last day


def test_ledger_deadlines_follow_every_payment_and_ignore_credit_notes():
    from coursekit.risk import limitation_deadlines

    inv = pd.DataFrame({"customer": ["A", "B"], "invoice_id": ["A1", "B1"], "invoice_date": ["2019-12-16"] * 2,
                        "due_date": ["2020-01-15"] * 2, "amount": [10_000.0, 10_000.0]})
    pay = pd.DataFrame({"invoice_id": ["A1", "A1", "B1"], "payment_date": ["2022-06-01", "2025-03-01", "2022-06-01"],
                        "amount": [1_000.0, 1_000.0, 1_000.0], "kind": ["payment", "payment", "credit_note"]})
    ledger = ck.Ledger(inv, pay)
    d = limitation_deadlines(ledger, "2026-06-30").set_index("invoice_id")
    # A: 2022-06-01 interrupts the first period, so 2025-03-01 falls inside the second and restarts it
    assert d.loc["A1", "expiry"] == pd.Timestamp("2028-03-01") and d.loc["A1", "cause"] == "payment"
    # B: a credit note is the seller's act, not the debtor agreeing to pay
    assert d.loc["B1", "expiry"] == pd.Timestamp("2023-01-15") and d.loc["B1", "cause"] == "due"
    g = ck.risk_grades(ledger, "2026-06-30")
    assert g.loc["B", "grade"] == 1 and "limitation" in g.loc["B", "reason_en"]
    assert g.loc["A", "grade"] == 1 and "limitation" not in g.loc["A", "reason_en"]   # 1,993 days overdue: 死账 by age


def test_plan_for_a_bankruptcy_follows_its_date():
    """Within three months of the acceptance the claim is filed in the announced period (art. 45); later the
    period may be over and the plan says to check and file a late claim (art. 56)."""
    led = ck.sample_ledger(scenario="provisions")
    info = led.customer_info()
    name = info.index[info["status"] == "bankrupt"][0]
    since = info.loc[name, "status_date"]

    def row(as_of, lang="zh"):
        plan = ck.collection_plan(led, as_of, lang=lang)
        return plan.set_index("customer").loc[name]

    early = row(since + pd.Timedelta(days=20))
    assert early["deadline"] and early["next_action"].startswith("在法院公告的期限内申报债权")
    late = row(since + pd.DateOffset(months=3, days=1))
    assert late["deadline"] and "第56条" in late["next_action"] and 88 in late["techniques"]
    assert "art. 56" in row(since + pd.DateOffset(months=4), lang="en")["next_action"]
    assert row(since + pd.DateOffset(months=3))["next_action"] == early["next_action"]   # three months to the day


def _with_cash(cash, dues=("2026-02-04", "2026-11-04"), amounts=(1000.0, 800.0)):
    inv = pd.DataFrame({"customer": ["甲", "甲", "乙"], "invoice_id": ["A1", "A2", "B1"],
                        "invoice_date": ["2026-01-05", "2026-10-05", "2026-01-05"],
                        "due_date": [dues[0], dues[1], "2026-02-04"], "amount": [amounts[0], amounts[1], 1000.0]})
    pay = pd.DataFrame({"customer": ["甲"], "invoice_id": [None], "payment_date": ["2026-03-01"], "amount": [cash]})
    return ck.Ledger(inv, pay)


def test_a_customer_whose_cash_covers_its_invoices_is_not_chased():
    """Unapplied cash of 1,800 covers both of 甲's invoices: the aging keeps it as booked (a credit column),
    but 甲 is not graded, planned or warned about (Civil Code art. 560: it pays what fell due first)."""
    from coursekit.risk import limitation_deadlines

    led = _with_cash(1800.0)
    aging = ck.aging(led, "2026-11-30")
    assert aging.loc["甲", "unapplied"] == -1800 and aging.loc["甲", "total"] == 0
    assert "甲" not in ck.risk_grades(led, "2026-11-30").index
    assert "甲" not in set(ck.collection_plan(led, "2026-11-30")["customer"])
    assert set(limitation_deadlines(led, "2026-11-30")["customer"]) == {"乙"}


@pytest.mark.parametrize("cash,owed,grade,worst", [
    (300.0, 1500.0, 2, "A1"),     # part of the oldest: A1 still 700 and 299 days overdue
    (1000.0, 800.0, 4, "A2"),     # the oldest paid off: what is left is A2, 26 days overdue
    (1300.0, 500.0, 4, "A2"),
])
def test_unapplied_cash_pays_the_earliest_due_invoice_first(cash, owed, grade, worst):
    from coursekit.risk import limitation_deadlines

    led = _with_cash(cash)
    g = ck.risk_grades(led, "2026-11-30").loc["甲"]
    assert g["outstanding"] == owed and g["grade"] == grade and g["worst_invoice"] == worst
    plan = ck.collection_plan(led, "2026-11-30").set_index("customer").loc["甲"]
    assert plan["outstanding"] == owed
    d = limitation_deadlines(led, "2026-11-30").set_index("invoice_id")
    assert round(d.loc[d["customer"] == "甲", "outstanding"].sum(), 2) == owed
    assert ck.aging(led, "2026-11-30").loc["甲", "total"] == owed      # the same money, booked differently


def test_cash_received_after_the_as_of_date_is_not_applied():
    led = _with_cash(1800.0)
    assert ck.risk_grades(led, "2026-02-28").loc["甲", "outstanding"] == 1000.0     # A2 not issued yet either


def test_the_quadrant_ranks_what_is_still_owed():
    from coursekit.aging import aging_quadrant

    covered, part = aging_quadrant(_with_cash(1800.0), "2026-11-30"), aging_quadrant(_with_cash(300.0), "2026-11-30")
    assert "甲" not in covered.index and "乙" in covered.index
    assert part.loc["甲", "overdue"] == 1500.0          # A1 1,000 - 300 at 299 days, A2 800 at 26 days
    assert part.loc["甲", "weighted_days"] == round((700 * 299 + 800 * 26) / 1500, 1)
