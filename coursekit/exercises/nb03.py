"""Checks for notebook 03-dso."""
from functools import lru_cache

import coursekit as ck
from coursekit import metrics
from coursekit.exercises import expect_number

# Exercise 1: example figures given in the notebook (newest month first).
COUNTBACK_AR = 1_000_000
COUNTBACK_SALES = [420_000, 380_000, 350_000, 300_000]
COUNTBACK_DAYS = [30, 31, 30, 31]


@lru_cache(maxsize=1)
def _ledger():
    return ck.sample_ledger(scenario="dso")


def countback_by_hand(answer):
    expected = metrics.dso_countback(COUNTBACK_AR, COUNTBACK_SALES, COUNTBACK_DAYS)
    return expect_number(answer, expected, tol=0.01,
                         hint_zh="从 6 月开始往回扣：整月扣得完就记整月天数；扣不完的那个月只记 剩余 ÷ 该月销售 × 该月天数，然后停下。",
                         hint_en="walk back from June: count a whole month's days while its sales can be taken away in full; "
                                 "for the month that cannot, count remainder ÷ its sales × its days, then stop.")


def add_september(answer):
    f = metrics.period_figures(_ledger(), "2026-09-30", 90)
    std = metrics.dso_standard(f["ending_ar"], f["credit_sales"], 90)
    best = metrics.best_possible_dso(f["ending_current_ar"], f["credit_sales"], 90)
    return expect_number(answer, metrics.average_days_delinquent(std, best), tol=0.01,
                         hint_zh="ADD = 标准法 DSO − 最佳 DSO；最佳 DSO 只用期末未到期应收，两者用同一个 90 天期间的赊销额。",
                         hint_en="ADD = standard DSO − Best Possible DSO; Best Possible DSO uses only the current (not yet due) AR, "
                                 "and both use the same 90-day credit sales.")


def cei_q3(answer):
    f = metrics.period_figures(_ledger(), "2026-09-30", 92)
    expected = metrics.cei(f["beginning_ar"], f["credit_sales"], f["ending_ar"], f["ending_current_ar"], months=3)
    return expect_number(answer, expected, tol=0.01,
                         hint_zh="期间要正好是 7 月 1 日到 9 月 30 日（数一数天数，看 period_start）；赊销额用整季合计，months=3；答案用百分数。",
                         hint_en="the period must run exactly from 1 July to 30 September (count the days, look at period_start); "
                                 "use the whole quarter's sales with months=3; answer in percent.")


def turnover_dso(answer):
    f = metrics.period_figures(_ledger(), "2026-09-30", 365)
    expected = metrics.dso_average(f["beginning_ar"], f["ending_ar"], f["credit_sales"], 365)
    return expect_number(answer, expected, tol=0.01,
                         hint_zh="用 365 天的期间：周转率 = 赊销额 ÷ (期初应收 + 期末应收) ÷ 2，DSO = 365 ÷ 周转率。",
                         hint_en="use a 365-day period: turnover = credit sales ÷ ((beginning AR + ending AR) ÷ 2), DSO = 365 ÷ turnover.")


def cash_freed(answer):
    f = metrics.period_figures(_ledger(), "2026-10-31", 90)
    expected = f["credit_sales"] / 90 * 10
    return expect_number(answer, expected, tol=1.0,
                         hint_zh="销售不变时，应收 = DSO × 每日赊销额；每日赊销额 = 截至 2026-10-31 的 90 天赊销额 ÷ 90。",
                         hint_en="with sales unchanged, AR = DSO × credit sales per day; per day = the 90 days' credit sales "
                                 "to 2026-10-31 ÷ 90.")


CHECKS = {"03.1": countback_by_hand, "03.2": add_september, "03.3": cei_q3, "03.4": turnover_dso, "03.5": cash_freed}
