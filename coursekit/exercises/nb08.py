"""Checks for notebook 08-ar-control."""
from functools import lru_cache

import pandas as pd

import coursekit as ck
from coursekit import metrics
from coursekit.exercises import expect_choice, expect_number

AS_OF = "2026-10-31"
DAYS = 90
NEXT_MONTH_END = pd.Timestamp("2026-11-30")


@lru_cache(maxsize=1)
def _ledger():
    return ck.sample_ledger(scenario="ar-control")


def _justified(as_of, by=None):
    """Justified AR = Σ(invoice amount × terms in days) ÷ days, over the ``DAYS`` days to ``as_of``."""
    end = pd.Timestamp(as_of)
    inv = _ledger().invoices
    w = inv[(inv["invoice_date"] > end - pd.Timedelta(days=DAYS)) & (inv["invoice_date"] <= end)]
    amount_days = w["amount"] * (w["due_date"] - w["invoice_date"]).dt.days
    if by is None:
        return float(amount_days.sum() / DAYS)
    return amount_days.groupby(w[by]).sum() / DAYS


def region_excess(answer):
    items = ck.open_items(_ledger(), AS_OF)
    excess = items.groupby("region")["outstanding"].sum() - _justified(AS_OF, by="region")
    return expect_number(answer, round(float(excess.max()), 2), tol=1.0,
                         hint_zh="实际应收用未结发票按区域汇总的未收金额；合理应收 = 该区域近 90 天 Σ(发票金额 × 账期天数) ÷ 90；"
                                 "取超额最大的那个区域。",
                         hint_en="actual AR is the outstanding amount of open invoices summed by region; justified AR = the region's "
                                 "Σ(amount × terms days) over the last 90 days ÷ 90; take the region with the largest excess.")


def _overdue_share(as_of):
    items = ck.open_items(_ledger(), as_of)
    overdue = items["outstanding"].where(items["days_overdue"] > 0, 0.0)
    return overdue.groupby(items["salesperson"]).sum() / items.groupby("salesperson")["outstanding"].sum()


def worst_change(answer):
    change = _overdue_share(AS_OF) - _overdue_share("2026-07-31")
    return expect_choice(answer, change.idxmax(),
                         hint_zh="两个日期各算一次：逾期金额（逾期天数 > 0）÷ 未结余额，按业务员分组；比较的是上升的幅度，不是 10 月的水平。",
                         hint_en="compute it on both dates: overdue amount (days overdue > 0) ÷ open balance, by salesperson; "
                                 "compare the rise, not the October level.")


def gap_liu(answer):
    ledger = _ledger()
    start, stop = pd.Timestamp("2026-05-01"), pd.Timestamp(AS_OF)
    inv, pay = ledger.invoices, ledger.payments
    rep_of = ledger.customer_info()["salesperson"]
    invoiced = inv.loc[inv["invoice_date"].between(start, stop) & (inv["salesperson"] == "刘洋"), "amount"].sum()
    cash = pay[(pay["kind"] == "payment") & pay["payment_date"].between(start, stop)]
    received = cash.loc[cash["customer"].map(rep_of) == "刘洋", "amount"].sum()
    return expect_number(answer, round(float(invoiced - received), 2), tol=1.0,
                         hint_zh="只算 kind == 'payment' 的现金，红字冲减不算；未核销收款没有发票号，要按客户找到业务员；"
                                 "两端日期都包括在内。",
                         hint_en="count only cash (kind == 'payment'), not credit notes; unapplied cash has no invoice number, "
                                 "so match it to the salesperson through the customer; both end dates are included.")


def target_zhang(answer):
    ledger = _ledger()
    items = ck.open_items(ledger, AS_OF)
    status = ledger.customer_info()["status"]
    mine = items[(items["salesperson"] == "张伟") & ~items["customer"].map(status).isin(["bankrupt", "deregistered"])]
    due = mine.loc[(mine["days_overdue"] <= 0) & (mine["due_date"] <= NEXT_MONTH_END), "outstanding"].sum()
    late_1_90 = mine.loc[mine["days_overdue"].between(1, 90), "outstanding"].sum()
    late_91 = mine.loc[mine["days_overdue"] > 90, "outstanding"].sum()
    expected = due + 0.5 * late_1_90 + 0.2 * late_91
    return expect_number(answer, round(float(expected), 2), tol=1.0,
                         hint_zh="“尚未逾期”是逾期天数 ≤ 0（含今天到期），且到期日不晚于 11 月 30 日；逾期分两档：1-90 天取 50%，90 天以上取 20%。",
                         hint_en="'not yet overdue' means days overdue ≤ 0 (due today included) with a due date no later than "
                                 "30 November; overdue comes in two tiers: 50% of 1-90 days, 20% of more than 90.")


def excess_growth(answer):
    ledger = _ledger()

    def excess(day):
        return metrics.period_figures(ledger, day, DAYS)["ending_ar"] - _justified(day)

    return expect_number(answer, round(float(excess(AS_OF) - excess("2025-10-31")), 2), tol=1.0,
                         hint_zh="两个日期各算一次超额 = 净应收（period_figures 的 ending_ar）− 近 90 天的合理应收，再相减；"
                                 "它等于应收的增长减去合理应收的增长。",
                         hint_en="compute the excess on both dates, net AR (ending_ar of period_figures) − justified AR over the "
                                 "last 90 days, then subtract; it equals the rise in AR minus the rise in justified AR.")


CHECKS = {"08.1": region_excess, "08.2": worst_change, "08.3": gap_liu, "08.4": target_zhang, "08.5": excess_growth}
