"""Checks for notebook 07-legal-deadlines."""
from functools import lru_cache

import pandas as pd

import coursekit as ck
from coursekit.exercises import Feedback, expect_choice, expect_number
from coursekit.legal import late_payment_damages, limitation, payment_order_timeline
from coursekit.risk import limitation_deadlines

AS_OF = "2026-10-31"
SCENARIO = "legal"
OLD_INVOICE = "INV-OLD-0001"
LPR_EXAMPLE = 0.03          # example figure used in the notebook, not a current rate
REVIEW_DAY = "2027-04-30"


@lru_cache(maxsize=1)
def _ledger():
    return ck.sample_ledger(scenario=SCENARIO)


def _wrong(zh: str, en: str) -> Feedback:
    return Feedback(False, f"❌ 还不对：{zh} · Not yet: {en}")


def _as_date(answer):
    if answer is None or isinstance(answer, (bool, int, float)):
        return None
    try:
        day = pd.Timestamp(answer)
    except (TypeError, ValueError):
        return None
    if pd.isna(day):
        return None
    return day.tz_localize(None).normalize() if day.tz is not None else day.normalize()


def expect_date(answer, expected, *, hint_zh: str = "", hint_en: str = "") -> Feedback:
    """Right when ``answer`` is the same calendar day as ``expected``; otherwise say too early / too late."""
    day = _as_date(answer)
    if day is None:
        return _wrong("请给出一个日期，例如 \"2027-01-15\"。", "give a date, such as \"2027-01-15\".")
    if day == pd.Timestamp(expected).normalize():
        return Feedback(True, "✅ 正确 · Correct")
    zh, en = ("偏早", "too early") if day < expected else ("偏晚", "too late")
    return _wrong(f"你的日期{zh}。{hint_zh}", f"your date is {en}. {hint_en}".strip())


def demand_expiry(answer):
    due = _ledger().invoices.set_index("invoice_id").loc[OLD_INVOICE, "due_date"]
    expected = limitation(due, [("2026-11-12", "demand")], as_of="2026-12-31").expiry
    return expect_date(answer, expected,
                       hint_zh="只有到达债务人的催款才中断时效，中断日是签收（送达）那一天，不是寄出那一天；"
                               "从未发出的草稿不算。",
                       hint_en="only a demand that reached the debtor interrupts the period, and it counts from the day "
                               "it was signed for (delivered), not the day it was posted; a draft never sent counts "
                               "for nothing.")


def late_demand(answer):
    r = limitation("2022-05-10", [("2022-09-01", "partial_payment"), ("2025-10-15", "demand")], as_of=AS_OF)
    if r.status != "expired":
        expected = "A"
    elif r.expiry == pd.Timestamp("2025-09-01"):
        expected = "B"
    else:
        expected = "C"
    return expect_choice(answer, expected,
                         hint_zh="请只填一个字母。先算出部分还款之后时效哪天届满，再看催款函是在那之前还是之后送达的；"
                                 "可以用 limitation() 核对。",
                         hint_en="give one letter. First work out when the period ended after the partial payment, then "
                                 "see whether the demand arrived before or after that day; limitation() will confirm it.")


def objection_deadline(answer):
    t = payment_order_timeline("2026-11-03", served_on="2026-11-18", lang="en")
    expected = t.loc[t["step"].str.contains("object"), "date"].iloc[0]
    return expect_date(answer, expected,
                       hint_zh="异议期从债务人收到支付令的次日起算 15 日，与申请日、受理日和发出日都无关。",
                       hint_en="the 15 days run from the day after the debtor received the order; the filing, "
                               "acceptance and issue dates do not matter.")


def _pair(answer):
    if isinstance(answer, dict):
        answer = [answer.get("damages_low"), answer.get("damages_high")]
    try:
        values = [float(x) for x in answer]
    except (TypeError, ValueError):
        return None
    return values if len(values) == 2 else None


def damages_range(answer):
    parts = [(80_000, "2026-06-29"), (120_000, "2026-09-27")]
    calcs = [late_payment_damages(amount, "2026-03-31", paid, lpr=LPR_EXAMPLE) for amount, paid in parts]
    low = round(sum(c["damages_low"] for c in calcs), 2)
    high = round(sum(c["damages_high"] for c in calcs), 2)
    got = _pair(answer)
    if got is None:
        return _wrong("请给出两个数：(下限, 上限)，单位元。", "give two numbers: (low, high), in yuan.")
    hint_zh = ("两笔款项逾期的天数不同，要分别计算再相加；每笔的天数 = 付款日 − 到期日。"
               "利率是一年期 LPR × (1 + 30%) 到 × (1 + 50%)。")
    hint_en = ("the two sums were late for different numbers of days: compute each and add them up; days = payment "
               "date − due date. The rate runs from the one-year LPR × (1 + 30%) to × (1 + 50%).")
    if got[0] > got[1]:
        return _wrong("下限应当小于上限，请按 (下限, 上限) 的顺序给出。", "the low figure comes first: (low, high).")
    for value, want, zh, en in ((got[0], low, "下限", "the low figure"), (got[1], high, "上限", "the high figure")):
        fb = expect_number(value, want, tol=0.02, hint_zh=hint_zh, hint_en=hint_en)
        if not fb.ok:
            return Feedback(False, fb.message.replace("你的结果", f"{zh}").replace("your result", en))
    return Feedback(True, "✅ 正确 · Correct")


def expiring_at_review(answer):
    d = limitation_deadlines(_ledger(), REVIEW_DAY, within_days=180)
    expected = round(float(d["outstanding"].sum()), 2)
    return expect_number(answer, expected, tol=0.01,
                         hint_zh="以复查日为基准日重新计算；已经届满的（剩余天数为负）也要算进去。",
                         hint_en="recompute with the review day as the as-of date, and count the ones already expired "
                                 "(negative days left) too.")


CHECKS = {
    "07.1": demand_expiry,
    "07.2": late_demand,
    "07.3": objection_deadline,
    "07.4": damages_range,
    "07.5": expiring_at_review,
}
