"""Checks for notebook 04-risk-grades-and-plan."""
from functools import lru_cache

import coursekit as ck
from coursekit.exercises import Feedback, expect_items, expect_number
from coursekit.sample import sample_tables

AS_OF = "2026-10-31"
SCENARIO = "grades"
WHAT_IF_CUSTOMER = "合肥诚源医疗器械有限公司"


@lru_cache(maxsize=1)
def _ledger():
    return ck.sample_ledger(scenario=SCENARIO)


@lru_cache(maxsize=1)
def _plan():
    return ck.collection_plan(_ledger(), AS_OF)


def doubtful_or_worse(answer):
    g = ck.risk_grades(_ledger(), AS_OF)
    expected = round(float(g.loc[g["grade"] <= 3, "outstanding"].sum()), 2)
    return expect_number(answer, expected, tol=0.01,
                         hint_zh="等级数字越小越差：准呆账或更差是 3、2、1 级；把这些客户的未收金额（outstanding）加起来。",
                         hint_en="the lower the number, the worse the grade: doubtful or worse means grades 3, 2 and 1; "
                                 "add up those customers' outstanding amounts.")


def _why_ahead(row, status: str) -> str:
    """The letter of exercise 04.2 that explains why ``row`` of the plan sits where it does."""
    if not row["deadline"]:
        return "B"      # no legal deadline: ordered by expected recovery
    return "D" if status == "bankrupt" else "C"


def why_first_two(answer):
    plan = _plan()
    info = _ledger().customer_info()
    expected = "".join(_why_ahead(row, info.loc[row["customer"], "status"]) for _, row in plan.head(2).iterrows())
    if isinstance(answer, (list, tuple)):
        answer = "".join(str(a) for a in answer)
    letters = "".join(ch for ch in str(answer or "").upper() if ch.isalpha())
    if len(letters) != 2 or any(ch not in "ABCD" for ch in letters):
        return Feedback(False, "❌ 还不对：请按优先级顺序填两个字母（A–D），例如 \"AB\"。 · "
                               "Not yet: give two letters (A-D) in order of priority, e.g. \"AB\".")
    if letters == expected:
        return Feedback(True, "✅ 正确 · Correct")
    wrong = [str(i + 1) for i in range(2) if letters[i] != expected[i]]
    en_wrong = f"letter for priority {wrong[0]} is" if len(wrong) == 1 else "letters for priorities 1 and 2 are"
    return Feedback(False, f"❌ 还不对：第 {'、'.join(wrong)} 位的字母不对。看 deadline、reason 和 days_to_limitation 三列："
                           "它是因为法定期限还是因为金额排在前面？如果是法定期限，是哪一种？"
                           f" · Not yet: the {en_wrong} off. Read deadline, reason and days_to_limitation: is it "
                           "ahead because of a legal deadline or because of the amount, and if a deadline, which one?")


def switch_at_60(answer):
    before = ck.risk_grades(_ledger(), AS_OF)["grade"]
    after = ck.risk_grades(_ledger(), AS_OF, ck.RiskScale(collecting=60))["grade"].reindex(before.index)
    expected = int((before != after).sum())
    return expect_number(answer, expected, tol=0,
                         hint_zh="用 ck.RiskScale(collecting=60) 重新分级，按客户名对齐后，数一数 grade 不同的客户。",
                         hint_en="grade again with ck.RiskScale(collecting=60), line the two tables up by customer "
                                 "and count the customers whose grade differs.")


def firm_techniques(answer):
    plan = _plan()
    firm = plan[plan["approach"] == "武收"]
    expected = sorted({int(t) for ids in firm["techniques"] for t in ids})
    try:
        answer = [int(t) for t in answer]
    except (TypeError, ValueError):
        return expect_items(answer, expected)
    if len(answer) != len(set(answer)):
        return Feedback(False, "❌ 还不对：列表里有重复的编号，每个编号只写一次。 · "
                               "Not yet: some ids appear twice; list each id once.")
    return expect_items(answer, expected,
                        hint_zh="取方式为“武收”的所有行，把 techniques 列里的编号合在一起去重（可用 explode）。",
                        hint_en="take every row whose approach is 武收 (firm), pool the ids in the techniques "
                                "column and drop duplicates (explode helps).")


def broken_promise_priority(answer):
    tables = sample_tables(scenario=SCENARIO)
    customers = tables["customers"]
    customers.loc[customers["customer"] == WHAT_IF_CUSTOMER, "broken_promise"] = True
    ledger = ck.Ledger(tables["invoices"], tables["payments"], customers)
    plan = ck.collection_plan(ledger, AS_OF)
    expected = int(plan.loc[plan["customer"] == WHAT_IF_CUSTOMER, "priority"].iloc[0])
    return expect_number(answer, expected, tol=0,
                         hint_zh="在客户表里把这家客户的 broken_promise 设为 True，重建台账，再生成计划，读它的 priority。",
                         hint_en="set broken_promise to True for this customer in the customers table, build the "
                                 "ledger again, make the plan again and read its priority.")


CHECKS = {
    "04.1": doubtful_or_worse,
    "04.2": why_first_two,
    "04.3": switch_at_60,
    "04.4": firm_techniques,
    "04.5": broken_promise_priority,
}
