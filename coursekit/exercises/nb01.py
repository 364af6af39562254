"""Checks for notebook 01-ledger-and-aging (sample ledger: scenario "aging", as of 2026-10-31)."""
from functools import lru_cache

import coursekit as ck
from coursekit.exercises import _as_number, expect_choice, expect_items, expect_number

AS_OF = "2026-10-31"
EARLIER = "2026-09-30"
BUCKETS = ["current", "1-30", "31-60", "61-90", "91+"]


@lru_cache(maxsize=1)
def _ledger():
    return ck.sample_ledger(scenario="aging")


def _table(as_of=AS_OF, basis="due"):
    return ck.aging(_ledger(), as_of, basis=basis)


def share_over_60(answer):
    t = _table()
    open_total = t[BUCKETS].to_numpy().sum()
    share = (t["61-90"].sum() + t["91+"].sum()) / open_total * 100
    x = _as_number(answer)
    if x is not None and 0 < x < 1:   # a fraction such as 0.157 instead of a percentage
        x *= 100
    return expect_number(x, round(float(share), 2), tol=0.01,
                         hint_zh="超过 60 天 = 61-90 与 91+ 两段之和；分母是各账龄段之和（未结发票），不含未核销收款；用百分数，保留两位小数。",
                         hint_en="over 60 days = the 61-90 and 91+ buckets; divide by the sum of all buckets "
                                 "(open invoices), leaving unapplied cash out; give a percentage to two decimals.")


def top_salesperson_91(answer):
    items = ck.open_items(_ledger(), AS_OF)
    old = items[items["bucket"] == "91+"].groupby("salesperson")["outstanding"].sum()
    return expect_choice(answer, old.idxmax(),
                         hint_zh="账龄表按客户汇总，没有业务员；用账龄记录表（open_items），只留 91+ 的发票，再按业务员加总未收金额。",
                         hint_en="the aging table is per customer and has no salesperson; take the aging record "
                                 "(open_items), keep the 91+ invoices and add up 'outstanding' per salesperson.")


def change_since_september(answer):
    change = _table(AS_OF)["total"].sum() - _table(EARLIER)["total"].sum()
    return expect_number(answer, round(float(change), 2), tol=0.01,
                         hint_zh="用 2026-10-31 的净应收合计（total 列之和）减去 2026-09-30 的，减少就是负数；"
                                 "两次都用 total，含未核销收款。",
                         hint_en="take the net total (sum of the 'total' column) on 2026-10-31 minus the one on "
                                 "2026-09-30 (a fall is negative); use 'total' both times, unapplied cash included.")


def credits_to_apply(answer):
    t = _table()
    owes = t[BUCKETS].sum(axis=1) > 0
    return expect_items(answer, list(t.index[(t["unapplied"] < 0) & owes]),
                        hint_zh="找 unapplied 列为负（客户有贷方）且仍有未结发票（各账龄段之和大于 0）的客户。",
                        hint_en="look for customers with a negative 'unapplied' (a credit) who still have open "
                                "invoices (the buckets add up to more than 0).")


def invoice_basis_gap(answer):
    gap = _table(basis="invoice")["91+"].sum() - _table()["91+"].sum()
    return expect_number(answer, round(float(gap), 2), tol=0.01,
                         hint_zh="两张表都在 2026-10-31、分段点 (30, 60, 90)：按开票日的 91+ 合计减去按到期日的 91+ 合计。",
                         hint_en="both tables on 2026-10-31 with edges (30, 60, 90): the 91+ total aged from the "
                                 "invoice date minus the 91+ total aged from the due date.")


CHECKS = {
    "01.1": share_over_60,
    "01.2": top_salesperson_91,
    "01.3": change_since_september,
    "01.4": credits_to_apply,
    "01.5": invoice_basis_gap,
}
