"""Checks for notebook 09-negotiation.

The expected answers are computed here with coursekit on the notebook's sample ledger
(scenario ``grades``, as of 2026-10-31) and with the example figures the notebook
states (discount rate, costs and times of the legal routes).
"""
from functools import lru_cache

import numpy as np
import pandas as pd

import coursekit as ck
from coursekit.exercises import Feedback, expect_choice, expect_items, expect_number
from coursekit.negotiation import load_negotiation, score
from coursekit.provision import recovery_curve

AS_OF = "2026-10-31"
SCENARIO = "grades"

#: Exercise 09.1: an answer set whose top score is shared by two types.
TIE_ANSWERS = "cdacbcacaddc"
#: Exercise 09.2: the options, in the order the question lists them.
TYPE_LETTERS = {"A": "sheep", "B": "ox", "C": "fox", "D": "owl"}
SCENARIO_TYPE = "fox"

#: Exercise 09.3: 40% down on the first date, the rest in equal instalments, 8% a year.
EX3_DOWN_SHARE = 0.4
EX3_DATES = ("2026-11-20", "2026-12-31", "2027-01-31")
EX3_RATE = 0.08

#: Exercises 09.4-09.5 (example figures): discount rate, cost and time of a suit, the debtor's offer.
DISCOUNT = 0.06
OLD_SUIT_COST = 5_000.0
SUIT_DAYS = 365
OFFER = (("2026-11-30", 6_000.0), ("2027-01-31", 6_000.0))

#: Exercise 09.6: the lines that pass the three tests (related, true, fit to be read out in court).
LAWFUL_LINES = ("A", "D", "F")


@lru_cache(maxsize=1)
def _ledger():
    return ck.sample_ledger(scenario=SCENARIO)


@lru_cache(maxsize=1)
def _plan():
    return ck.collection_plan(_ledger(), AS_OF)


def _open(customer: str) -> pd.DataFrame:
    items = ck.open_items(_ledger(), AS_OF)
    return items[items["customer"] == customer]


def instalments(principal: float, down_share: float, dates) -> pd.Series:
    """Down payment plus equal instalments, in whole cents; the last instalment takes the rounding."""
    cents = round(principal * 100)
    down = round(cents * down_share)
    n = len(dates) - 1
    each = (cents - down) // n
    amounts = [down] + [each] * (n - 1) + [cents - down - each * (n - 1)]
    return pd.Series(np.array(amounts) / 100, index=pd.to_datetime(list(dates)), name="amount")


def present_value(flows: pd.Series, as_of, rate: float) -> float:
    """PV = Σ CF / (1 + r)^(t/365), t = days from ``as_of`` to each payment."""
    t = (flows.index - pd.Timestamp(as_of)).days.to_numpy()
    return float((flows.to_numpy() / (1 + rate) ** (t / 365)).sum())


def route_value(items: pd.DataFrame, cost: float, days_to_cash: int, rate: float = DISCOUNT) -> float:
    """Expected recovery of a legal route: Σ outstanding × r(days overdue + T), discounted over T, less the cost."""
    recovered = (items["outstanding"] * recovery_curve(items["days_overdue"] + days_to_cash)).sum()
    return float(recovered / (1 + rate) ** (days_to_cash / 365) - cost)


def _promise_breaker() -> str:
    info = _ledger().customer_info()
    return str(info.index[info["broken_promise"]][0])


def _old_debtor() -> str:
    plan = _plan()
    warn = ck.PlanSettings().limitation_warning_days
    return str(plan.loc[plan["deadline"] & (plan["days_to_limitation"] <= warn), "customer"].iloc[0])


def _type_key(answer) -> str:
    """'fox', '狐', 'Fox' or the letter of exercise 09.2 → the type key."""
    text = str(answer).strip()
    if text.upper() in TYPE_LETTERS:
        return TYPE_LETTERS[text.upper()]
    types = load_negotiation()["types"]
    for key, t in types.items():
        if text.lower() in (key, t["name_en"].lower()) or text == t["name_zh"]:
            return key
    return text.lower()


def tie_type(answer):
    if answer is None or not str(answer).strip():
        return Feedback(False, "❌ 还不对：请给出一种类型，如 \"sheep\" 或 \"羊\"。 · Not yet: give a type, such as \"sheep\".")
    return expect_choice(_type_key(answer), score(TIE_ANSWERS).type,
                         hint_zh="先数每种类型各得几分；最高分不止一个时，看 TIE_ORDER 和结果里的 tied。",
                         hint_en="count the answers per type first; when the top score is shared, look at TIE_ORDER "
                                 "and at `tied` in the result.")


def debtor_type(answer):
    return expect_choice(_type_key(answer), SCENARIO_TYPE,
                         hint_zh="把描述里的每个动作和 negotiator_types('zh') 的 in_collection 一列逐条对照：他看得清局面吗？他是在讲实情还是在用套路？",
                         hint_en="match each move in the description against the in_collection column of "
                                 "negotiator_types('en'): does he read the situation well, and is he being straight "
                                 "or playing a game?")


def plan_value(answer):
    items = _open(_promise_breaker())
    principal = round(float(items.loc[items["days_overdue"] > 0, "outstanding"].sum()), 2)
    flows = instalments(principal, EX3_DOWN_SHARE, EX3_DATES)
    return expect_number(answer, round(present_value(flows, AS_OF, EX3_RATE), 2), tol=1.0,
                         hint_zh="本金只算已逾期的发票；核对首付和两期的金额（按分计算，尾差放在最后一期）、每笔距统计日的天数 t，折现因子是 (1+8%)^(t/365)。",
                         hint_en="the principal is the overdue invoices only; check the down payment and the two "
                                 "instalments (in cents, the rounding in the last one), the days t from the as-of "
                                 "date to each payment, and the discount factor (1 + 8%)^(t/365).")


def old_suit_value(answer):
    items = _open(_old_debtor())
    return expect_number(answer, round(route_value(items, OLD_SUIT_COST, SUIT_DAYS), 2), tol=1.0,
                         hint_zh="收回比例要按拿到钱时的账龄取（现在的逾期天数 + 365 天）；先折现一年，再减去费用。",
                         hint_en="take the recovery rate at the debt's age when the money arrives (days overdue now "
                                 "+ 365); discount it by one year, then subtract the cost.")


def best_old_option(answer):
    items = _open(_old_debtor())
    offer = pd.Series([a for _, a in OFFER], index=pd.to_datetime([d for d, _ in OFFER]))
    values = {"A": present_value(offer, AS_OF, DISCOUNT), "B": route_value(items, OLD_SUIT_COST, SUIT_DAYS),
              "C": 0.0}
    best = max(values, key=values.get)
    return expect_choice(str(answer).strip().upper(), best,
                         hint_zh="三个方案都换算成今天的钱再比：和解按现值，起诉按预计收回的现值减费用，核销为 0。",
                         hint_en="put all three in today's money before comparing: the settlement at its present "
                                 "value, the suit at the present value of the expected recovery less its cost, the "
                                 "write-off at 0.")


def lawful_lines(answer):
    if isinstance(answer, str) or answer is None:
        return Feedback(False, "❌ 还不对：请给出一个字母列表，如 [\"A\", \"B\"]。 · Not yet: give a list of letters, "
                               "such as [\"A\", \"B\"].")
    try:
        letters = [str(x).strip().upper() for x in answer]
    except TypeError:
        letters = answer
    return expect_items(letters, LAWFUL_LINES,
                        hint_zh="每句话做三项检验：与这笔债务相关吗？是真的吗？当着对方老板和法官念出来妥当吗？",
                        hint_en="put each line to three tests: is it about this debt, is it true, and could it be "
                                "read out in front of their boss and a judge?")


CHECKS = {"09.1": tie_type, "09.2": debtor_type, "09.3": plan_value, "09.4": old_suit_value,
          "09.5": best_old_option, "09.6": lawful_lines}
