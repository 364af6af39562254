"""Checks for notebook 06-provisions."""
from functools import lru_cache

import pandas as pd

import coursekit as ck
from coursekit import provision
from coursekit.exercises import expect_items, expect_number

AS_OF = "2026-10-31"
LAST_YEAR = "2025-10-31"
SCENARIO = "provisions"
# Example figures, the same as in the notebook: the individual rate for the bankrupt
# customer, the annual cost of money, the debt of exercise 4 and the wait.
INDIVIDUAL_RATE = 1.0
ANNUAL_RATE = 0.04
WAIT_INVOICE = "INV-OLD-0001"
WAIT_DAYS = 90
# 国家税务总局公告2011年第25号 art. 24: over one year overdue and at most ¥50,000 (or at most
# 1/10,000 of the year's revenue); art. 23: over three years overdue.
SMALL_DEBT = 50_000.0


@lru_cache(maxsize=1)
def _ledger():
    return ck.sample_ledger(scenario=SCENARIO)


def _bankrupt() -> str:
    info = _ledger().customer_info()
    return str(info.index[info["status"] == "bankrupt"][0])


def _ecl(as_of) -> pd.DataFrame:
    return provision.expected_credit_loss(_ledger(), as_of, individual={_bankrupt(): INDIVIDUAL_RATE})


def bankrupt_aging_method(answer):
    row = provision.aging_by_years(_ledger(), AS_OF).loc[_bankrupt()]
    expected = round(sum(float(row[b]) * r for b, r in provision.EXAMPLE_RATES_YEARS.items()), 2)
    return expect_number(answer, expected, tol=0.05,
                         hint_zh="从 aging_by_years 取出这家客户的一行，每个账龄段的余额乘以该段的示例比例，再加总。",
                         hint_en="take this customer's row of aging_by_years, multiply each band's balance by "
                                 "that band's example rate and add up.")


def matrix_91_without_bankrupt(answer):
    ecl = _ecl(AS_OF)
    rows = ecl[ecl["method"] == "matrix"]
    expected = round(float(rows["91+"].sum()) * provision.EXAMPLE_MATRIX_RATES["91+"], 2)
    return expect_number(answer, expected, tol=0.05,
                         hint_zh="只算按矩阵计提的客户（method 为 matrix，不含合计行和单项评估的客户）的 91+ 余额，"
                                 "再乘以 91+ 段的示例比例。",
                         hint_en="take the 91+ balances of the customers provided for by the matrix only "
                                 "(method 'matrix': not the total row, not the individually assessed customer) "
                                 "and apply the 91+ example rate.")


def entry_amount(answer):
    expected = round(float(_ecl(AS_OF).iloc[-1]["provision"]) - float(_ecl(LAST_YEAR).iloc[-1]["provision"]), 2)
    return expect_number(answer, expected, tol=0.01,
                         hint_zh="两年用同一政策（矩阵 + 破产客户单项 100%）：分别在两个统计日算出合计，"
                                 "分录金额 = 本年所需 − 去年账面余额。",
                         hint_en="use the same policy on both dates (matrix + the bankrupt customer at 100%), "
                                 "take each total, and the entry = required this year − last year's balance.")


def waiting_cost(answer):
    items = ck.open_items(_ledger(), AS_OF)
    debt = items.loc[items["invoice_id"] == WAIT_INVOICE].iloc[0]
    cost = provision.cost_of_waiting(debt["outstanding"], debt["days_overdue"], WAIT_DAYS, ANNUAL_RATE)
    expected = float(cost["total_cost"].iloc[0])
    return expect_number(answer, expected, tol=0.01,
                         hint_zh="age_days 是逾期天数（从到期日算，不是从开票日算），年利率写成小数 0.04，"
                                 "答案取 total_cost（收回损失 + 资金成本）。",
                         hint_en="age_days is days overdue (from the due date, not the invoice date), the annual "
                                 "rate is the fraction 0.04, and the answer is total_cost (recovery lost + financing).")


def write_off_candidates(answer):
    ledger = _ledger()
    items = ck.open_items(ledger, AS_OF)
    overdue = items[items["days_overdue"] > 0]
    band = pd.Series([provision.year_band(d, AS_OF) for d in overdue["due_date"]], index=overdue.index)
    inv = ledger.invoices
    revenue = float(inv.loc[(inv["invoice_date"] > LAST_YEAR) & (inv["invoice_date"] <= AS_OF), "amount"].sum())
    limit = max(SMALL_DEBT, revenue / 10_000)
    over_three = band.isin(["3-4年", "4-5年", "5年以上"])
    over_one = band != "1年以内"
    expected = list(overdue.loc[over_three | (over_one & (overdue["outstanding"] <= limit)), "invoice_id"])
    try:
        answer = [str(a) for a in answer]
    except TypeError:
        return expect_items(answer, expected)
    return expect_items(answer, expected,
                        hint_zh="逐张发票看：从到期日起算是否已超过一年（或三年）——用 year_band(到期日, 统计日)；"
                                "超过一年的，还要看未收余额是否不超过 5 万元与年收入万分之一中较大的那个。",
                        hint_en="go invoice by invoice: is it more than one year (or three) past its due date — "
                                "year_band(due date, as-of) tells you; for over one year, is the open amount at "
                                "most the larger of ¥50,000 and 1/10,000 of the year's revenue?")


CHECKS = {
    "06.1": bankrupt_aging_method,
    "06.2": matrix_91_without_bankrupt,
    "06.3": entry_amount,
    "06.4": waiting_cost,
    "06.5": write_off_candidates,
}
