"""Checks for notebook 00-tour."""
import coursekit as ck
from coursekit.exercises import expect_items, expect_number
from coursekit.sample import sample_path

AS_OF = "2026-10-31"


def _table():
    return ck.aging(ck.load_ledger(sample_path()), AS_OF)


def overdue_total(answer):
    t = _table()
    overdue = t.drop(columns=["current", "unapplied", "total"]).to_numpy().sum()
    return expect_number(answer, round(float(overdue), 2), tol=0.01,
                         hint_zh="逾期 = 除“未到期”以外所有账龄段之和，不含未核销收款。",
                         hint_en="overdue = every bucket except 'current', without unapplied cash.")


def over_90(answer):
    t = _table()
    return expect_items(answer, list(t.index[t["91+"] > 0]),
                        hint_zh="看 91+ 这一列大于 0 的客户。", hint_en="look for customers with more than 0 in the 91+ column.")


CHECKS = {"00.1": overdue_total, "00.2": over_90}
