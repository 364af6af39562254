"""Credit investigation: financial ratios, the 5C scorecard and danger signals."""
import dataclasses
import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coursekit as ck
from coursekit.credit import (
    CHECKLIST_KEYS,
    DEFAULT_WEIGHTS,
    FIVE_C,
    SIGNALS,
    CreditPolicy,
    WarningThresholds,
    danger_signals,
    ratios,
    scorecard,
)

from .conftest import ROOT, copied_runs

# ---------------------------------------------------------------------------------------
# ratios
# ---------------------------------------------------------------------------------------

# A small set of statements, with every ratio worked out by hand below.
BS = {
    "current_assets": 600, "current_liabilities": 300, "inventory": 150, "cash": 60,
    "accounts_receivable": 200, "accounts_receivable_begin": 100, "inventory_begin": 150,
    "total_assets": 1000, "total_liabilities": 550, "equity": 450, "revenue": 1200,
    "cost_of_sales": 900, "ebit": 90, "interest_expense": 30, "net_profit": 45, "operating_cash_flow": 75,
}
BY_HAND = {
    "current_ratio": 600 / 300,                # 2.0
    "quick_ratio": (600 - 150) / 300,          # 1.5
    "cash_ratio": 60 / 300,                    # 0.2
    "debt_to_assets": 550 / 1000,              # 0.55
    "debt_to_equity": 550 / 450,               # 1.222...
    "interest_cover": 90 / 30,                 # 3.0
    "net_margin": 45 / 1200,                   # 0.0375
    "roe": 45 / 450,                           # 0.1
    "ar_turnover": 1200 / ((200 + 100) / 2),   # 8.0 (average AR)
    "dso": 365 / 8,                            # 45.625 days
    "inventory_turnover": 900 / 150,           # 6.0
    "ocf_to_current_liabilities": 75 / 300,    # 0.25
}
ZH = {"current_assets": "流动资产", "current_liabilities": "流动负债", "inventory": "存货", "cash": "货币资金",
      "accounts_receivable": "应收账款", "accounts_receivable_begin": "期初应收账款", "inventory_begin": "期初存货",
      "total_assets": "资产总计", "total_liabilities": "负债合计", "equity": "所有者权益", "revenue": "营业收入",
      "cost_of_sales": "营业成本", "ebit": "息税前利润", "interest_expense": "利息费用", "net_profit": "净利润",
      "operating_cash_flow": "经营活动现金流量净额"}


def test_ratios_match_hand_computation():
    t = ratios(BS)
    assert list(t.columns) == ["name_zh", "name_en", "formula", "value", "reading"]
    assert list(t.index) == list(BY_HAND)
    for key, expected in BY_HAND.items():
        assert t.loc[key, "value"] == pytest.approx(expected), key
    assert t.loc["current_ratio", "name_zh"] == "流动比率"
    assert "平均应收账款" in t.loc["ar_turnover", "formula"]
    assert "average inventory" in t.loc["inventory_turnover", "formula"]


def test_chinese_aliases_give_the_same_ratios():
    zh = {ZH[k]: v for k, v in BS.items()}
    pd.testing.assert_frame_equal(ratios(zh), ratios(BS))
    statement_names = {"流动资产合计": 600, "流动负债合计": 300, "所有者权益合计": 450, "负债合计": 550}
    t = ratios(statement_names)
    assert t.loc["current_ratio", "value"] == 2.0 and t.loc["debt_to_equity", "value"] == pytest.approx(550 / 450)


def test_closing_balances_are_used_without_opening_ones():
    bs = {k: v for k, v in BS.items() if not k.endswith("_begin")}
    t = ratios(bs)
    assert t.loc["ar_turnover", "value"] == pytest.approx(1200 / 200)           # 6.0
    assert t.loc["dso", "value"] == pytest.approx(200 / 1200 * 365)             # 60.83 days
    assert "期末应收账款" in t.loc["ar_turnover", "formula"] and "closing AR" in t.loc["dso", "formula"]
    assert ratios(bs, days=360).loc["dso", "value"] == pytest.approx(60.0)


def test_one_column_per_period_from_a_dataframe_or_nested_dict():
    df = pd.DataFrame({"2024": [500, 250, 100], "2025": [600, 400, 200]},
                      index=["流动资产", "流动负债", "存货"])
    t = ratios(df)
    assert list(t.columns) == ["name_zh", "name_en", "formula", "2024", "2025", "reading"]
    assert t.loc["current_ratio", "2024"] == 2.0 and t.loc["current_ratio", "2025"] == 1.5
    assert t.loc["quick_ratio", "2025"] == 1.0
    nested = {"current_assets": {"2024": 500, "2025": 600}, "current_liabilities": {"2024": 250, "2025": 400},
              "inventory": {"2024": 100, "2025": 200}}
    pd.testing.assert_frame_equal(ratios(nested), t)


def test_ratios_without_inputs_are_skipped_and_other_lines_ignored():
    t = ratios({"current_assets": 600, "current_liabilities": 300, "固定资产": 900, "短期借款": 100})
    assert list(t.index) == ["current_ratio"]


def test_real_statement_lines_near_an_item_are_not_mistaken_for_typos():
    other_lines = {"非流动资产合计": 900, "非流动负债合计": 100, "营业外收入": 5, "营业总成本": 990, "少数股东权益": 10,
                   "负债和所有者权益合计": 1000, "non-current assets": 900, "AP": 80, "net profit margin": 0.1}
    t = ratios({"current_assets": 600, "current_liabilities": 300, **other_lines})
    assert list(t.index) == ["current_ratio"]


def test_amount_strings_are_read():
    assert ratios({"current_assets": "¥1,200", "current_liabilities": "600"}).loc["current_ratio", "value"] == 2.0


def test_reading_is_labelled_as_a_rule_of_thumb():
    reading = ratios(BS).loc["current_ratio", "reading"]
    assert "经验参考值" in reading and "rule of thumb" in reading and "2" in reading


def test_no_ratio_computable_names_missing_items():
    with pytest.raises(ValueError, match="no ratio can be computed") as e:
        ratios({"revenue": 1000, "固定资产": 5})
    assert "current_assets" in str(e.value) and "current_liabilities" in str(e.value)


def test_items_as_columns_get_a_hint():
    wrong_way = pd.DataFrame({"current_assets": [600], "current_liabilities": [300]}, index=["2025"])
    with pytest.raises(ValueError, match=r"df\.T"):
        ratios(wrong_way)


@pytest.mark.parametrize("changes,ratio", [
    ({"current_liabilities": 0}, "Current ratio"),
    ({"interest_expense": 0}, "Interest cover"),
    ({"total_assets": 0}, "Debt-to-asset"),
    ({"revenue": 0}, "Net profit margin"),
])
def test_zero_denominator_names_ratio_and_period(changes, ratio):
    df = pd.DataFrame({"2024": BS, "2025": {**BS, **changes}})
    with pytest.raises(ValueError, match=re.escape(ratio)) as e:
        ratios(df)
    assert "'2025'" in str(e.value) and "zero" in str(e.value)


def test_negative_equity_is_refused_where_it_is_a_denominator():
    with pytest.raises(ValueError, match="negative"):
        ratios({**BS, "equity": -100})
    t = ratios({k: v for k, v in BS.items() if k != "equity"} | {"total_liabilities": 1100})
    assert t.loc["debt_to_assets", "value"] == 1.1 and "debt_to_equity" not in t.index


@pytest.mark.parametrize("bad,match", [
    ({"curent_assets": 600, "current_liabilities": 300}, "did you mean 'current_assets'"),
    ({"current_assets": 600, "流动资产": 600, "current_liabilities": 300}, "both mean 'current_assets'"),
    ({"current_assets": None, "current_liabilities": 300}, "current_assets"),
    ({"current_assets": float("nan"), "current_liabilities": 300}, "blank"),
    ({"current_assets": "lots", "current_liabilities": 300}, "cannot read 'lots'"),
    ({"current_assets": -1, "current_liabilities": 300}, "negative"),
    ({"current_assets": True, "current_liabilities": 300}, "not a number"),
    ({}, "empty"),
])
def test_bad_statements(bad, match):
    with pytest.raises(ValueError, match=match):
        ratios(bad)


def test_blank_cell_names_item_and_period():
    df = pd.DataFrame({"2024": [500, 250], "2025": [600, None]}, index=["流动资产", "流动负债"])
    with pytest.raises(ValueError, match="流动负债.*'2025'"):
        ratios(df)


def test_bad_days_and_types():
    with pytest.raises(ValueError, match="days"):
        ratios(BS, days=0)
    with pytest.raises(ValueError, match="dict or a DataFrame"):
        ratios([1, 2, 3])
    with pytest.raises(ValueError, match="period cannot be called"):
        ratios(pd.DataFrame({"reading": [1, 2]}, index=["current_assets", "current_liabilities"]))


# ---------------------------------------------------------------------------------------
# scorecard
# ---------------------------------------------------------------------------------------

SCORES = {"character": 90, "capacity": 80, "capital": 70, "collateral": 60, "conditions": 50}


def even(x):
    return dict.fromkeys(FIVE_C, x)


def test_default_weights_sum_to_one_and_put_character_first():
    assert sum(DEFAULT_WEIGHTS.values()) == pytest.approx(1)
    assert max(DEFAULT_WEIGHTS, key=DEFAULT_WEIGHTS.get) == "character"


def test_worked_example_total_grade_and_limit():
    card = scorecard(SCORES, monthly_purchases=100_000, terms_days=60, equity=1_000_000)
    # 0.30×90 + 0.25×80 + 0.20×70 + 0.15×60 + 0.10×50 = 27 + 20 + 14 + 9 + 5 = 75
    assert card.total == 75.0 and card.grade == "B"
    # base = 100,000 × (60/30 + 0.5) × 0.8 = 200,000; cap = 10% × 1,000,000 = 100,000
    assert card.limit == 100_000.0
    assert list(card.table.index) == list(FIVE_C)
    assert card.table.loc["character", "weighted"] == pytest.approx(27)
    assert card.table["weighted"].sum() == pytest.approx(75)
    zh, en = " ".join(card.reasoning_zh), " ".join(card.reasoning_en)
    for needle in ("75", "¥200,000.00", "¥100,000.00", "0.8", "10%"):
        assert needle in zh and needle in en
    assert "The cap is below the base limit" in en


def test_limit_without_equity_is_the_base():
    card = scorecard(even(90), monthly_purchases=50_000, terms_days=30)
    # A: 50,000 × (30/30 + 0.5) × 1.0 = 75,000
    assert card.grade == "A" and card.limit == 75_000.0
    assert any("no equity cap" in s for s in card.reasoning_en)


def test_equity_cap_that_does_not_bind():
    card = scorecard(even(60), monthly_purchases=10_000, terms_days=45, equity=2_000_000)
    # C: 10,000 × (1.5 + 0.5) × 0.5 = 10,000; cap 200,000
    assert card.grade == "C" and card.limit == 10_000.0
    assert any("within the cap" in s for s in card.reasoning_en)


def test_no_equity_cushion_gives_zero():
    card = scorecard(even(90), monthly_purchases=10_000, equity=-5_000)
    assert card.limit == 0.0
    assert any("no net assets" in s for s in card.reasoning_en)


def test_grade_e_means_no_credit():
    card = scorecard(even(20), monthly_purchases=10_000)
    assert card.grade == "E" and card.limit == 0.0
    assert any("prepayment" in s for s in card.reasoning_en) and any("预付款" in s for s in card.reasoning_zh)


def test_no_purchases_no_limit():
    card = scorecard(SCORES)
    assert card.limit is None and any("no credit limit" in s for s in card.reasoning_en)


@pytest.mark.parametrize("score,grade", [(100, "A"), (85, "A"), (84.99, "B"), (70, "B"), (69.99, "C"),
                                         (55, "C"), (54.99, "D"), (40, "D"), (39.99, "E"), (0, "E")])
def test_grade_band_boundaries(score, grade):
    assert scorecard(even(score)).grade == grade


def test_band_boundary_survives_float_rounding():
    # 0.1 + 0.2 + ... weights that sum to 1 only up to float error still give exactly 85 → A
    w = {"character": 0.1, "capacity": 0.2, "capital": 0.3, "collateral": 0.3, "conditions": 0.1}
    assert scorecard(even(85), w).total == 85.0 and scorecard(even(85), w).grade == "A"


def test_chinese_names_and_custom_weights():
    card = scorecard({"品格": 100, "能力": 0, "资本": 0, "担保": 0, "条件": 0},
                     {"character": 0.5, "capacity": 0.2, "capital": 0.1, "collateral": 0.1, "conditions": 0.1})
    assert card.total == 50.0 and card.grade == "D"


def test_scorecard_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        scorecard(SCORES).grade = "A"


@pytest.mark.parametrize("scores,weights,kwargs,match", [
    ({**SCORES, "charisma": 50}, None, {}, "'charisma' is not one of the five Cs"),
    ({k: v for k, v in SCORES.items() if k != "capital"}, None, {}, "lack capital"),
    ({**SCORES, "capital": 101}, None, {}, "capital is 101"),
    ({**SCORES, "capital": -1}, None, {}, "scores run from 0 to 100"),
    ({**SCORES, "capital": float("nan")}, None, {}, "finite"),
    ({**SCORES, "capital": True}, None, {}, "must be a number"),
    ({**SCORES, "资本": 60}, None, {}, "twice"),
    (SCORES, {**DEFAULT_WEIGHTS, "conditions": 0.05}, {}, "sum to 0.95"),
    (SCORES, {**DEFAULT_WEIGHTS, "conditions": 0.1 + 2e-9}, {}, "not 1"),
    (SCORES, {**DEFAULT_WEIGHTS, "conditions": -0.1, "character": 0.5}, {}, "cannot be negative"),
    (SCORES, {**DEFAULT_WEIGHTS, "luck": 0.0}, {}, "'luck' is not one of the five Cs"),
    (SCORES, None, {"monthly_purchases": -1}, "monthly_purchases"),
    (SCORES, None, {"monthly_purchases": 1000, "terms_days": 0}, "terms_days"),
    (SCORES, None, {"monthly_purchases": 1000, "equity": "much"}, "equity"),
    ([90, 80], None, {}, "must be a dict"),
])
def test_scorecard_validation(scores, weights, kwargs, match):
    with pytest.raises(ValueError, match=match):
        scorecard(scores, weights, **kwargs)


def test_weights_within_tolerance_are_accepted():
    card = scorecard(SCORES, {**DEFAULT_WEIGHTS, "conditions": 0.1 + 5e-10})
    assert card.total == pytest.approx(75)


def test_policy_is_configurable_and_checked():
    strict = CreditPolicy(bands=(("A", 90.0), ("B", 75.0), ("C", 0.0)), factors={"A": 1.0, "B": 0.5, "C": 0.0},
                          grace_months=0, equity_share=0.05)
    card = scorecard(SCORES, monthly_purchases=30_000, terms_days=30, equity=100_000, policy=strict)
    # 75 → B; base = 30,000 × 1 × 0.5 = 15,000; cap = 5% × 100,000 = 5,000
    assert card.grade == "B" and card.limit == 5_000.0
    with pytest.raises(ValueError, match="bands"):
        CreditPolicy(bands=(("A", 50.0), ("B", 60.0), ("E", 0.0)))
    with pytest.raises(ValueError, match="factors"):
        CreditPolicy(factors={"A": 1.0})
    with pytest.raises(ValueError, match="never rise"):
        CreditPolicy(factors={"A": 0.5, "B": 0.8, "C": 0.5, "D": 0.25, "E": 0.0})
    with pytest.raises(ValueError, match="equity_share"):
        CreditPolicy(equity_share=0)


five_scores = st.fixed_dictionaries({k: st.floats(0, 100) for k in FIVE_C})
weights_st = st.lists(st.integers(0, 20), min_size=5, max_size=5).filter(lambda xs: sum(xs) > 0).map(
    lambda xs: dict(zip(FIVE_C, [x / sum(xs) for x in xs], strict=True)))


@settings(deadline=None)
@given(five_scores, weights_st)
def test_total_lies_between_lowest_and_highest_score(scores, weights):
    if abs(sum(weights.values()) - 1) > 1e-9:
        return
    total = scorecard(scores, weights).total
    assert min(scores.values()) - 1e-6 <= total <= max(scores.values()) + 1e-6


@settings(deadline=None)
@given(five_scores, st.sampled_from(list(FIVE_C)), st.floats(0, 100))
def test_a_higher_score_never_lowers_total_grade_or_limit(scores, c, extra):
    better = {**scores, c: min(100.0, scores[c] + extra)}
    a = scorecard(scores, monthly_purchases=10_000)
    b = scorecard(better, monthly_purchases=10_000)
    assert b.total >= a.total
    assert b.grade <= a.grade  # 'A' < 'B' < ... alphabetically
    assert b.limit >= a.limit


# ---------------------------------------------------------------------------------------
# danger signals
# ---------------------------------------------------------------------------------------

AS_OF = "2026-06-30"   # recent window: 2026-04-02..06-30; earlier: 2025-10-04..2026-04-01


def signals_ledger():
    inv = pd.DataFrame([
        # SLOW: paid 5 and 10 days late before, 40 and 50 days late lately
        ("SLOW", "S1", "2025-10-01", "2025-10-31", 10_000),
        ("SLOW", "S2", "2025-12-01", "2025-12-31", 10_000),
        ("SLOW", "S3", "2026-03-01", "2026-03-31", 10_000),
        ("SLOW", "S4", "2026-04-01", "2026-05-01", 10_000),
        ("SLOW", "S5", "2026-05-15", "2026-06-14", 5_000),
        # GROW: orders shrink, balance grows, pays round partial sums, over its limit
        ("GROW", "G0", "2025-11-01", "2025-12-01", 20_000),
        ("GROW", "G1", "2026-01-10", "2026-02-09", 30_000),
        ("GROW", "G2", "2026-03-20", "2026-04-19", 25_000),
        ("GROW", "G3", "2026-05-01", "2026-05-31", 20_000),
        ("NEW", "N1", "2026-05-01", "2026-05-31", 1_000),
        ("QUIET", "Q1", "2026-01-05", "2026-02-04", 7_000),
    ], columns=["customer", "invoice_id", "invoice_date", "due_date", "amount"])
    pay = pd.DataFrame([
        ("S1", "SLOW", "2025-11-05", 10_000), ("S2", "SLOW", "2026-01-10", 10_000),
        ("S3", "SLOW", "2026-05-10", 10_000), ("S4", "SLOW", "2026-06-20", 10_000),
        ("G0", "GROW", "2025-12-01", 20_000), ("G1", "GROW", "2026-03-01", 30_000),
        ("G2", "GROW", "2026-04-15", 5_000), ("G2", "GROW", "2026-05-15", 5_000),
        (None, "GROW", "2026-06-01", 3_000),
        ("N1", "NEW", "2026-06-05", 1_000),
    ], columns=["invoice_id", "customer", "payment_date", "amount"])
    cus = pd.DataFrame({"customer": ["SLOW", "GROW", "QUIET"], "credit_limit": [100_000, 30_000, None],
                        "broken_promise": [False, True, False], "disputed": [False, False, True],
                        "status": ["active", "distressed", "active"]})
    return ck.Ledger(inv, pay, cus)


@pytest.fixture(scope="module")
def ledger():
    return signals_ledger()


def test_signal_table_shape(ledger):
    t = danger_signals(ledger, "SLOW", AS_OF)
    assert list(t.index) == list(SIGNALS)
    assert list(t.columns) == ["signal", "source", "status", "evidence"]
    assert set(t["status"]) <= {"triggered", "clear", "answer"}
    assert t.loc["slower_payment", "signal"] == "付款越来越慢"
    assert danger_signals(ledger, "SLOW", AS_OF, lang="en").loc["slower_payment", "signal"] == "Paying later than before"


def test_slower_payment_triggered_with_numbers(ledger):
    t = danger_signals(ledger, "SLOW", AS_OF, lang="en")
    # before: (5 + 10) / 2 = 7.5 days late; lately (40 + 50) / 2 = 45; 37.5 days slower
    assert t.loc["slower_payment", "status"] == "triggered"
    ev = t.loc["slower_payment", "evidence"]
    assert "45.0 days" in ev and "7.5 days" in ev and "37.5 days slower" in ev
    # balance fell from 20,000 to 5,000 and nothing else is wrong
    assert t.loc["balance_up_orders_down", "status"] == "clear"
    assert "¥20,000.00" in t.loc["balance_up_orders_down", "evidence"]
    assert t.loc["over_credit_limit", "status"] == "clear"
    assert (t.loc[["more_partial_payments", "broken_promise", "disputed", "status", "irregular_receipts"],
                  "status"] == "clear").all()


def test_slower_payment_clear_when_pace_is_steady(ledger):
    t = danger_signals(ledger, "GROW", AS_OF, lang="en")
    # before: (20,000×0 + 30,000×20) / 50,000 = 12 days; lately (−4 + 26) / 2 = 11 days
    assert t.loc["slower_payment", "status"] == "clear"
    assert "11.0 days" in t.loc["slower_payment", "evidence"] and "12.0 days" in t.loc["slower_payment", "evidence"]


def test_growing_customer_triggers_balance_partial_limit_and_round_sums(ledger):
    t = danger_signals(ledger, "GROW", AS_OF, lang="en")
    # balance 25,000 on 2026-04-01 → 25,000 − 10,000 + 20,000 − 3,000 = 32,000; invoiced 20,000 vs 55,000
    assert t.loc["balance_up_orders_down", "status"] == "triggered"
    ev = t.loc["balance_up_orders_down", "evidence"]
    assert all(x in ev for x in ("¥25,000.00", "¥32,000.00", "¥20,000.00", "¥55,000.00"))
    assert t.loc["more_partial_payments", "status"] == "triggered"
    assert "2 of 2 payments applied" in t.loc["more_partial_payments", "evidence"]
    assert t.loc["over_credit_limit", "status"] == "triggered"
    assert "¥2,000.00 over" in t.loc["over_credit_limit", "evidence"]
    assert t.loc["irregular_receipts", "status"] == "triggered"
    assert "1 receipts not applied" in t.loc["irregular_receipts", "evidence"]
    assert t.loc["broken_promise", "status"] == "triggered"
    assert t.loc["status", "status"] == "triggered" and "in difficulty" in t.loc["status", "evidence"]
    assert t.loc["disputed", "status"] == "clear"


def test_no_payment_while_overdue_is_a_signal(ledger):
    t = danger_signals(ledger, "QUIET", AS_OF, lang="en")
    assert t.loc["slower_payment", "status"] == "triggered"
    assert "¥7,000.00 is overdue" in t.loc["slower_payment", "evidence"]
    assert t.loc["disputed", "status"] == "triggered"
    assert t.loc["over_credit_limit", "status"] == "answer"  # no limit recorded


def test_what_the_ledger_cannot_tell_becomes_a_question(ledger):
    t = danger_signals(ledger, "NEW", AS_OF, lang="en")
    assert t.loc["slower_payment", "status"] == "answer"
    assert t.loc["slower_payment", "evidence"].endswith("?")
    for key in ("broken_promise", "disputed", "status", "over_credit_limit", *CHECKLIST_KEYS):
        assert t.loc[key, "status"] == "answer", key
    assert t.loc["legal_cases", "source"] == "checklist"


def test_signal_is_not_triggered_before_it_happens(ledger):
    t = danger_signals(ledger, "SLOW", "2026-01-31", lang="en")
    assert t.loc["slower_payment", "status"] == "answer"   # only recent payments to look at then
    assert t.loc["balance_up_orders_down", "status"] == "clear"


def test_ledger_without_payments_or_customers():
    inv = pd.DataFrame({"customer": ["A"], "invoice_id": ["1"], "invoice_date": ["2026-03-01"],
                        "due_date": ["2026-03-31"], "amount": [500.0]})
    t = danger_signals(ck.Ledger(inv), "A", AS_OF, lang="en")
    assert t.loc["slower_payment", "status"] == "triggered"          # 91 days overdue, nothing paid
    assert t.loc["balance_up_orders_down", "status"] == "clear"      # invoiced more before, balance unchanged
    assert t.loc["more_partial_payments", "status"] == "clear"
    assert (t.loc[["broken_promise", "disputed", "status", "over_credit_limit"], "status"] == "answer").all()


def test_checklist_answers(ledger):
    t = danger_signals(ledger, "SLOW", AS_OF, {"legal_cases": True, "contact_changed": False,
                                               "key_staff_leaving": None})
    assert t.loc["legal_cases", "status"] == "triggered"
    assert t.loc["contact_changed", "status"] == "clear"
    assert t.loc["key_staff_leaving", "status"] == "answer"
    assert "？" in t.loc["ownership_changed", "evidence"]


def test_thresholds_are_configurable(ledger):
    lenient = WarningThresholds(slower_by_days=40)
    assert danger_signals(ledger, "SLOW", AS_OF, thresholds=lenient).loc["slower_payment", "status"] == "clear"
    with pytest.raises(ValueError):
        WarningThresholds(window_days=0)


@pytest.mark.parametrize("kwargs,match", [
    ({"customer": "Nobody Ltd"}, "'Nobody Ltd' is not in the ledger"),
    ({"customer": "SLOWW"}, "Did you mean 'SLOW'"),
    ({"checklist": {"moon_phase": True}}, "'moon_phase' is not one of"),
    ({"checklist": {"legal_cases": "yes"}}, "True, False or None"),
    ({"lang": "fr"}, "lang"),
])
def test_danger_signal_validation(ledger, kwargs, match):
    args = {"customer": "SLOW", "as_of": AS_OF, **kwargs}
    with pytest.raises(ValueError, match=match):
        danger_signals(ledger, **args)


@pytest.mark.parametrize("module", ["credit.py", "ratios.py", "scorecard.py", "signals.py"])
def test_module_text_does_not_copy_the_sources(source_grams, module):
    hits = copied_runs((ROOT / "coursekit" / module).read_text(encoding="utf-8"), source_grams)
    assert not hits, hits[:3]


def _partial_ledger(recent_partials: int) -> ck.Ledger:
    """Earlier window: 2 of 4 payments partial (50%); recent window: ``recent_partials`` of 5."""
    inv = [("P", f"E{i}", "2025-11-01", "2025-12-01", 1000) for i in range(4)]
    inv += [("P", f"R{i}", "2026-04-05", "2026-05-05", 1000) for i in range(5)]
    pay = [(f"E{i}", "P", "2026-01-10", 500 if i >= 2 else 1000) for i in range(4)]
    pay += [(f"R{i}", "P", "2026-05-20", 500 if i >= 5 - recent_partials else 1000) for i in range(5)]
    return ck.Ledger(pd.DataFrame(inv, columns=["customer", "invoice_id", "invoice_date", "due_date", "amount"]),
                     pd.DataFrame(pay, columns=["invoice_id", "customer", "payment_date", "amount"]))


@pytest.mark.parametrize("recent_partials,gap,status", [
    (3, None, "clear"),          # 50% -> 60%: up 10 points, below the 15-point minimum
    (4, None, "triggered"),      # 50% -> 80%: up 30 points
    (3, 0.10, "triggered"),      # a smaller minimum gap lets the 10-point rise through
    (3, 0.11, "clear"),
])
def test_more_partial_payments_needs_a_minimum_rise(recent_partials, gap, status):
    th = WarningThresholds() if gap is None else WarningThresholds(min_partial_gap=gap)
    t = danger_signals(_partial_ledger(recent_partials), "P", AS_OF, lang="en", thresholds=th)
    assert t.loc["more_partial_payments", "status"] == status
    assert f"{recent_partials} of 5 payments" in t.loc["more_partial_payments", "evidence"]
    assert "2 of 4 in the 180 days before (50%)" in t.loc["more_partial_payments", "evidence"]


def test_every_signal_is_one_registered_function():
    from coursekit.signals import SIGNAL_TABLE

    assert list(SIGNAL_TABLE) == list(SIGNALS)
    ledger_checks = [s.check for s in SIGNAL_TABLE.values() if s.source == "ledger"]
    assert len(set(ledger_checks)) == len(ledger_checks)          # one function each
    assert all(s.description for s in SIGNAL_TABLE.values())
    with pytest.raises(ValueError, match="min_partial_gap"):
        WarningThresholds(min_partial_gap=1.5)
