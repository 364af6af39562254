"""Checks for notebook 05-credit-check."""
from functools import lru_cache

import pandas as pd

import coursekit as ck
from coursekit import credit
from coursekit.exercises import Feedback, expect_choice, expect_number

AS_OF = "2026-10-31"
SCENARIO = "credit"

# The example customer's statements as given in the notebook (example figures, 万元).
# Only the lines the checks need are repeated here; the notebook's solution cells fail
# their own checks if the two ever disagree.
FIN = pd.DataFrame({
    "2024年": {"存货": 1300, "流动资产合计": 3000, "流动负债合计": 1800, "所有者权益合计": 1800},
    "2025年": {"存货": 2050, "流动资产合计": 4300, "流动负债合计": 3100, "所有者权益合计": 1860},
})
SCORES = {"character": 80, "capacity": 50, "capital": 55, "collateral": 30, "conditions": 60}
INSTRUCTOR = {"character": 0.15, "capacity": 0.40, "capital": 0.25, "collateral": 0.10, "conditions": 0.10}
MONTHLY, TERMS = 800_000, 60
EQUITY = float(FIN.loc["所有者权益合计", "2025年"]) * 10_000
GUARANTEED_COLLATERAL = 70
# Exercise 4: the salesperson's answers for the customer with a broken promise.
BROKEN_PROMISE_CHECKLIST = {"contact_changed": False, "ownership_changed": False, "address_changed": False,
                            "dispute_when_asked": True, "key_staff_leaving": False, "legal_cases": False,
                            "asks_longer_terms": True}


@lru_cache(maxsize=1)
def _ledger():
    return ck.sample_ledger(scenario=SCENARIO)


def _wrong(zh: str, en: str) -> Feedback:
    return Feedback(False, f"❌ 还不对：{zh} · Not yet: {en}")


def quick_ratio_2025(answer):
    expected = float(credit.ratios(FIN).loc["quick_ratio", "2025年"])
    return expect_number(answer, expected, tol=0.005,
                         hint_zh="速动比率 = (流动资产 − 存货) ÷ 流动负债；用“合计”行，并确认取的是 2025年 这一列。",
                         hint_en="quick ratio = (current assets − inventory) ÷ current liabilities; use the total "
                                 "(合计) lines and make sure you take the 2025年 column.")


def grade_and_limit_with_guarantee(answer):
    card = credit.scorecard({**SCORES, "collateral": GUARANTEED_COLLATERAL}, INSTRUCTOR,
                            monthly_purchases=MONTHLY, terms_days=TERMS, equity=EQUITY)
    if isinstance(answer, credit.Scorecard):
        answer = (answer.grade, answer.limit)
    elif isinstance(answer, dict):
        answer = (answer.get("grade"), answer.get("limit"))
    try:
        if isinstance(answer, str):
            raise TypeError
        grade, limit = answer
    except (TypeError, ValueError):
        return _wrong("请给出 (等级, 额度) 两个值，例如 (\"B\", 123456.0)。",
                      "give two values, (grade, limit), e.g. (\"B\", 123456.0).")
    grade_ok = expect_choice(grade, card.grade).ok
    limit_fb = expect_number(limit, card.limit, tol=1.0)
    if grade_ok and limit_fb.ok:
        return limit_fb
    if not grade_ok:
        return _wrong("等级不对。把担保/抵押改成 70 分，其余分数不变，用讲师的权重重新算加权总分，再对照分档线"
                      "（A ≥ 85、B ≥ 70、C ≥ 55、D ≥ 40）。",
                      "the grade is off. Set collateral to 70, keep the other scores, recompute the weighted total "
                      "with the instructor's weights and compare it with the bands (A ≥ 85, B ≥ 70, C ≥ 55, D ≥ 40).")
    return _wrong("等级对了，额度不对。额度 = 月赊购额 × (账期 ÷ 30 + 0.5) × 该等级的系数，再与权益的 10% 比较取小者；"
                  "权益要从万元换算成元。",
                  "the grade is right but the limit is off. Limit = monthly purchases × (terms ÷ 30 + 0.5) × the "
                  "grade's factor, then the smaller of that and 10% of equity — convert equity from 万元 to yuan.")


def top_contributor(answer):
    card = credit.scorecard(SCORES, INSTRUCTOR)
    key = str(card.table["weighted"].idxmax())
    names = {k: k for k in credit.FIVE_C} | {zh: k for k, (zh, _) in credit.FIVE_C.items()}
    given = names.get(str(answer).strip().lower(), names.get(str(answer).strip(), str(answer)))
    return expect_choice(given, key,
                         hint_zh="贡献 = 得分 × 权重，不是得分本身。用讲师的权重和保证之前的分数，逐项相乘再比较。",
                         hint_en="the contribution is score × weight, not the score. Multiply each C's original score "
                                 "by the instructor's weight and compare.")


def broken_promise_signals(answer):
    ledger = _ledger()
    info = ledger.customer_info()
    who = info.index[info["broken_promise"]][0]
    sig = credit.danger_signals(ledger, who, AS_OF, BROKEN_PROMISE_CHECKLIST)
    expected = int((sig["status"] == "triggered").sum())
    return expect_number(answer, expected, tol=0,
                         hint_zh="把业务员的七个回答都填进 checklist（是 = True，否 = False），再数 status 为 'triggered' 的行，"
                                 "台账来源和清单来源都要算。",
                         hint_en="put all seven of the salesperson's answers in the checklist (yes = True, no = False), "
                                 "then count the rows whose status is 'triggered', from the ledger and the checklist alike.")


def ledger_screen(answer):
    ledger = _ledger()
    count = 0
    for customer in ledger.customer_info().index:
        s = credit.danger_signals(ledger, customer, AS_OF)
        count += int(((s["source"] == "ledger") & (s["status"] == "triggered")).sum()) >= 2
    return expect_number(answer, count, tol=0,
                         hint_zh="对每个客户（包括当前没有欠款的）调用 danger_signals，只数 source 为 'ledger' 且 status 为 "
                                 "'triggered' 的行，再数有几个客户达到 2 条。",
                         hint_en="call danger_signals for every customer (including those with no balance now), count only "
                                 "the rows with source 'ledger' and status 'triggered', then count the customers with 2 or more.")


CHECKS = {
    "05.1": quick_ratio_2025,
    "05.2": grade_and_limit_with_guarantee,
    "05.3": top_contributor,
    "05.4": broken_promise_signals,
    "05.5": ledger_screen,
}
