"""Checks for notebook 10-capstone.

The case: scenario ``capstone`` diagnosed on 2026-09-30, a campaign on the top 20
customers of that day's collection plan during October, results read on 2026-10-31.
"""
from functools import lru_cache

import coursekit as ck
from coursekit import metrics
from coursekit.exercises import Feedback, expect_items, expect_number

SCENARIO = "capstone"
DIAG = "2026-09-30"
REVIEW = "2026-10-31"
OCTOBER = ("2026-10-01", "2026-10-31")
TOP = 20


@lru_cache(maxsize=1)
def _ledger():
    return ck.sample_ledger(scenario=SCENARIO)


@lru_cache(maxsize=1)
def _campaign():
    """The top 20 rows of the 2026-09-30 plan, with the October target and amount collected."""
    ledger = _ledger()
    top = ck.collection_plan(ledger, DIAG).head(TOP).set_index("customer")
    weights = ck.PlanSettings().recovery_weight
    status = ledger.customer_info()["status"].reindex(top.index)
    target = top["overdue"] * top["grade"].map(weights)
    top["target"] = target.where(status != "bankrupt", 0.0)
    items = ck.open_items(ledger, DIAG)
    late = items[(items["days_overdue"] > 0) & items["customer"].isin(top.index)]
    pay = ledger.payments
    october = pay[pay["payment_date"].between(*OCTOBER) & (pay["kind"] == "payment")
                  & pay["invoice_id"].isin(late["invoice_id"])]
    by_invoice = october.groupby("invoice_id")["amount"].sum()
    late = late.assign(collected=late["invoice_id"].map(by_invoice).fillna(0.0))
    top["collected"] = late.groupby("customer")["collected"].sum().reindex(top.index).fillna(0.0)
    return top


def campaign_target(answer):
    expected = round(float(_campaign()["target"].sum()), 2)
    return expect_number(answer, expected, tol=1.0,
                         hint_zh="目标 = 前 20 名每个客户 9 月 30 日的逾期金额 × 其等级的回收权重（PlanSettings().recovery_weight），"
                                 "再加总；别忘了规则里对破产客户的那一条。",
                         hint_en="target = each top-20 customer's overdue amount on 30 September × its grade's recovery weight "
                                 "(PlanSettings().recovery_weight), summed; remember what the rule says about a bankrupt customer.")


def _share(answer, expected, hint_zh, hint_en):
    x = answer
    try:
        x = float(x)
    except (TypeError, ValueError):
        return expect_number(answer, expected)
    if 1 < x <= 100 and abs(x / 100 - expected) <= 0.0005:
        return Feedback(False, "❌ 还不对：请用小数表示比例（如 0.25），不要用百分数。 · "
                               "Not yet: give the share as a fraction (e.g. 0.25), not a percentage.")
    return expect_number(x, expected, tol=0.0005, hint_zh=hint_zh, hint_en=hint_en)


def collected_share(answer):
    top = _campaign()
    expected = float(top["collected"].sum() / top["overdue"].sum())
    return _share(answer, expected,
                  hint_zh="分子只算 10 月 1 日至 31 日、kind 为 payment、核销到这 20 家客户 9 月 30 日已逾期发票上的收款；"
                          "分母是这些发票 9 月 30 日的未收金额。",
                  hint_en="count only receipts dated 1-31 October, of kind payment, applied to the invoices of these 20 "
                          "customers that were overdue on 30 September; divide by those invoices' outstanding on 30 September.")


def cei_october(answer):
    f = metrics.period_figures(_ledger(), REVIEW, 31)
    expected = metrics.cei(f["beginning_ar"], f["credit_sales"], f["ending_ar"], f["ending_current_ar"], months=1)
    return expect_number(answer, expected, tol=0.01,
                         hint_zh="期间要正好是 10 月 1 日到 31 日（看 period_start；10 月有几天？）；months=1；答案用百分数。",
                         hint_en="the period must run exactly from 1 to 31 October (look at period_start; how many days has "
                                 "October?); months=1; answer in percent.")


def newly_doubtful(answer):
    before = ck.risk_grades(_ledger(), DIAG)["grade"]
    after = ck.risk_grades(_ledger(), REVIEW)["grade"]
    both = before.index.intersection(after.index)
    moved = (before.reindex(both) >= 4) & (after.reindex(both) <= 3)
    return expect_items(answer, list(both[moved.to_numpy()]),
                        hint_zh="两个日期各做一次 risk_grades，只比较两天都有余额的客户：9 月 30 日是 4 或 5 级、10 月 31 日是 3 级或更差。",
                        hint_en="grade on both dates and compare only customers with a balance on both: grade 4 or 5 on "
                                "30 September and grade 3 or worse on 31 October.")


def targets_reached(answer):
    top = _campaign()
    has_target = top["target"] > 0
    expected = int((has_target & (top["collected"] >= top["target"] - 0.005)).sum())
    return expect_number(answer, expected, tol=0,
                         hint_zh="逐个客户比较十月实收和十月目标，只数目标大于 0 且实收不少于目标的客户。",
                         hint_en="compare each customer's October collections with its October target; count only customers "
                                 "with a target above 0 whose collections reached it.")


CHECKS = {
    "10.1": campaign_target,
    "10.2": collected_share,
    "10.3": cei_october,
    "10.4": newly_doubtful,
    "10.5": targets_reached,
}
