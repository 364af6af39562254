"""Checks for notebook 02-aging-quadrant (sample ledger: scenario "quadrant", as of 2026-10-31)."""
from functools import lru_cache

import coursekit as ck
from coursekit.aging import aging_quadrant
from coursekit.exercises import expect_items, expect_number

AS_OF = "2026-10-31"
EARLIER = "2026-07-31"


@lru_cache(maxsize=1)
def _ledger():
    return ck.sample_ledger(scenario="quadrant")


def _quadrant(as_of=AS_OF, days_split=60, amount_split=None):
    return aging_quadrant(_ledger(), as_of, days_split=days_split, amount_split=amount_split)


def _oldest_follow_up():
    """The large-and-new customer whose oldest overdue invoice is the oldest (ties: larger amount first)."""
    hl = _quadrant().query("quadrant == 'HL'")
    return hl.sort_values(["max_days_overdue", "overdue"], ascending=False, kind="stable").index[0]


def attack_first_count(answer):
    q = _quadrant()
    return expect_number(answer, int((q["quadrant"] == "HH").sum()), tol=0,
                         hint_zh="用默认分界线（60 天、逾期金额中位数），数 quadrant 为 \"HH\" 的客户有几家。",
                         hint_en="with the default lines (60 days, the median overdue amount), count the customers "
                                 "whose quadrant is \"HH\".")


def follow_up_amount(answer):
    q = _quadrant()
    return expect_number(answer, round(float(q.loc[q["quadrant"] == "HL", "overdue"].sum()), 2), tol=0.01,
                         hint_zh="“及时跟进”是金额大、刚逾期（quadrant 为 \"HL\"）；把这些客户的 overdue 加起来，只算逾期部分。",
                         hint_en="'follow up now' is large and newly overdue (quadrant \"HL\"); add up those customers' "
                                 "'overdue' — the overdue part only.")


def moved_at_90(answer):
    q60, q90 = _quadrant(days_split=60), _quadrant(days_split=90)
    moved = [c for c in q60.index if q60.at[c, "quadrant"] != q90.at[c, "quadrant"]]
    return expect_items(answer, moved,
                        hint_zh="两次都用默认的金额线，只把 days_split 从 60 改成 90，按客户名对齐两张表，比较 quadrant 列。",
                        hint_en="keep the default amount line both times, change only days_split from 60 to 90, line "
                                "the two tables up by customer and compare the 'quadrant' column.")


def weighted_days_by_hand(answer):
    items = ck.open_items(_ledger(), AS_OF)
    late = items[(items["customer"] == _oldest_follow_up()) & (items["days_overdue"] > 0)]
    expected = float((late["outstanding"] * late["days_overdue"]).sum() / late["outstanding"].sum())
    return expect_number(answer, expected, tol=0.06,
                         hint_zh="先找对客户：“及时跟进”象限里 max_days_overdue 最大的那家。只用已逾期的发票（days_overdue > 0），"
                                 "按未收金额加权：Σ(未收金额 × 逾期天数) ÷ Σ未收金额。",
                         hint_en="first find the right customer: the one in 'follow up now' with the largest "
                                 "max_days_overdue. Use only invoices already overdue (days_overdue > 0) and weight by "
                                 "the amount outstanding: Σ(outstanding × days overdue) ÷ Σ outstanding.")


def new_in_attack_first(answer):
    now = _quadrant()
    before = _quadrant(EARLIER, amount_split=now.attrs["amount_split"])
    new = sorted(set(now.index[now["quadrant"] == "HH"]) - set(before.index[before["quadrant"] == "HH"]))
    return expect_items(answer, new,
                        hint_zh="在 2026-07-31 重跑象限，金额线固定为 10 月 31 日那张表的 attrs[\"amount_split\"]；"
                                "找出 10 月底在 HH、7 月底不在 HH（或 7 月底还没有逾期）的客户。",
                        hint_en="re-run the quadrant for 2026-07-31 with the amount line fixed at the 31 October "
                                "table's attrs[\"amount_split\"]; list the customers in HH at the end of October who "
                                "were not in HH (or not yet overdue) at the end of July.")


CHECKS = {
    "02.1": attack_first_count,
    "02.2": follow_up_amount,
    "02.3": moved_at_90,
    "02.4": weighted_days_by_hand,
    "02.5": new_in_attack_first,
}
