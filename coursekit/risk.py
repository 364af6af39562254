"""Risk grades: the course's five-level scale (风险等级).

The 2-day course outline sorts receivables into five grades by how likely they
are to come back. It is a teaching scale for planning collection work, **not** an
accounting or legal category:

====== ======== ============== ===============================================
grade  中文     English        default rule
====== ======== ============== ===============================================
5      未收款   not yet due    not overdue (due today counts as not overdue)
4      催收款   in collection  1-90 days overdue
3      准呆账   doubtful       91-180 days overdue
2      呆账     bad            181-365 days overdue
1      死账     dead           over 365 days overdue
====== ======== ============== ===============================================

Signals override age: a customer that is bankrupt or deregistered is 死账; a
dispute or a broken promise makes a debt at least 准呆账; a debt whose limitation
period has expired without interruption (Civil Code art. 188, 195) is 死账.
For comparison, China's bank loan rules (《商业银行金融资产风险分类办法》, 2023)
put an overdue asset in at least 关注, over 90 days at least 次级, over 270 days
可疑 and over 360 days 损失.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .aging import as_day, open_items
from .ledger import Ledger

__all__ = ["RiskScale", "GRADES", "grade_for_days", "risk_grades", "grade_name", "limitation_deadlines"]

GRADES = {
    5: {"zh": "未收款", "en": "not yet due"},
    4: {"zh": "催收款", "en": "in collection"},
    3: {"zh": "准呆账", "en": "doubtful"},
    2: {"zh": "呆账", "en": "bad"},
    1: {"zh": "死账", "en": "dead"},
}


def grade_name(grade: int, lang: str = "zh") -> str:
    """The name of a grade: ``grade_name(3)`` → ``"准呆账"``, ``grade_name(3, "en")`` → ``"doubtful"``."""
    return GRADES[int(grade)][lang]


@dataclass(frozen=True)
class RiskScale:
    """Upper edges, in days overdue, of grades 4 (催收款), 3 (准呆账) and 2 (呆账)."""

    collecting: int = 90
    doubtful: int = 180
    bad: int = 365

    def __post_init__(self):
        if not 0 < self.collecting < self.doubtful < self.bad:
            raise ValueError("RiskScale needs 0 < collecting < doubtful < bad (days overdue)")


DEFAULT_SCALE = RiskScale()


def grade_for_days(days_overdue, scale: RiskScale = DEFAULT_SCALE) -> np.ndarray:
    """Grade 5..1 from days overdue alone (no overrides). Never improves as days grow."""
    d = np.asarray(days_overdue)
    edges = np.array([0, scale.collecting, scale.doubtful, scale.bad])
    return (5 - np.searchsorted(edges, d, side="left")).astype(np.int64)


def _limitation(ledger: Ledger, items: pd.DataFrame, day: int, info: pd.DataFrame) -> pd.DataFrame:
    from .legal import limitation_expiry

    pay = ledger.payments
    cutoff = np.datetime64(day, "D")
    recent = pay[(pay["payment_date"].to_numpy() <= cutoff) & pay["invoice_id"].notna().to_numpy()]
    last_pay = recent.groupby("invoice_id")["payment_date"].max()
    cust = info.reindex(items["customer"])
    def on_or_before(s):
        s = pd.Series(s.to_numpy(), index=items.index)
        return s.where(s.to_numpy() <= cutoff)
    return limitation_expiry(
        items["due_date"],
        last_payment=pd.Series(last_pay.reindex(items["invoice_id"]).to_numpy(), index=items.index),
        last_demand=on_or_before(cust["last_demand_date"]),
        last_acknowledgement=on_or_before(cust["last_acknowledgement_date"]),
    )


def risk_grades(ledger: Ledger, as_of, scale: RiskScale = DEFAULT_SCALE) -> pd.DataFrame:
    """One row per customer with a balance on ``as_of``: grade, names and the reason.

    Returns
    -------
    DataFrame indexed by customer with ``grade`` (1-5), ``grade_zh``, ``grade_en``,
    ``outstanding``, ``overdue``, ``max_days_overdue``, ``worst_invoice``,
    ``limitation_expiry`` (earliest expiry among the open invoices),
    ``reason_zh`` and ``reason_en`` (e.g. ``"准呆账: 134 days overdue on INV-0042"``).
    """
    day = as_day(as_of)
    items = open_items(ledger, as_of)
    info = ledger.customer_info()
    items["grade"] = grade_for_days(items["days_overdue"].to_numpy(), scale)
    lim = _limitation(ledger, items, day, info)
    items["limitation_expiry"] = lim["expiry"].to_numpy()
    expired = (items["limitation_expiry"].to_numpy() < np.datetime64(day, "D"))
    items.loc[expired, "grade"] = 1
    items["_expired"] = expired
    rows = []
    for customer, g in items.groupby("customer", sort=False):
        worst = g.sort_values(["grade", "days_overdue"], ascending=[True, False]).iloc[0]
        rows.append({
            "customer": customer,
            "outstanding": round(g["outstanding"].sum(), 2),
            "overdue": round(g.loc[g["days_overdue"] > 0, "outstanding"].sum(), 2),
            "max_days_overdue": int(g["days_overdue"].max()),
            "worst_invoice": worst["invoice_id"],
            "age_grade": int(worst["grade"]),
            "expired": bool(worst["_expired"]),
            "worst_days": int(worst["days_overdue"]),
            "limitation_expiry": g["limitation_expiry"].min(),
        })
    out = pd.DataFrame(rows, columns=["customer", "outstanding", "overdue", "max_days_overdue", "worst_invoice",
                                      "age_grade", "expired", "worst_days", "limitation_expiry"])
    out = out.set_index("customer")
    info = info.reindex(out.index)
    grades, zh, en = [], [], []
    for customer, r in out.iterrows():
        c = info.loc[customer]
        grade, (rz, re_) = int(r.age_grade), _age_reason(r)
        if c["status"] in ("bankrupt", "deregistered"):
            grade = 1
            word = {"bankrupt": ("已进入破产程序", "the customer is bankrupt"),
                    "deregistered": ("已注销", "the customer has been deregistered")}[c["status"]]
            rz, re_ = f"客户{word[0]}", word[1]
        elif r.expired:
            pass
        elif bool(c["disputed"]) and grade > 3:
            grade, rz, re_ = 3, f"有争议（{rz}）", f"disputed ({re_})"
        elif bool(c["broken_promise"]) and grade > 3:
            grade, rz, re_ = 3, f"付款承诺未兑现（{rz}）", f"broke a promise to pay ({re_})"
        grades.append(grade)
        zh.append(f"{grade_name(grade)}：{rz}")
        en.append(f"{grade_name(grade, 'en')}: {re_}")
    out["grade"] = np.array(grades, dtype=np.int64)
    out["grade_zh"] = [grade_name(g) for g in grades]
    out["grade_en"] = [grade_name(g, "en") for g in grades]
    out["reason_zh"], out["reason_en"] = zh, en
    cols = ["grade", "grade_zh", "grade_en", "outstanding", "overdue", "max_days_overdue", "worst_invoice",
            "limitation_expiry", "reason_zh", "reason_en"]
    return out[cols].sort_values(["grade", "outstanding"], ascending=[True, False], kind="stable")


def _age_reason(r) -> tuple[str, str]:
    if r.expired:
        return (f"{r.worst_invoice} 的诉讼时效已于 {r.limitation_expiry:%Y-%m-%d} 届满且无中断记录",
                f"the limitation period on {r.worst_invoice} expired on {r.limitation_expiry:%Y-%m-%d} with no interruption recorded")
    if r.worst_days <= 0:
        return ("没有逾期发票", "no invoice is overdue")
    return (f"{r.worst_invoice} 已逾期 {r.worst_days} 天", f"{r.worst_days} days overdue on {r.worst_invoice}")


def limitation_deadlines(ledger: Ledger, as_of, within_days: int | None = None) -> pd.DataFrame:
    """Each open invoice's limitation expiry (Civil Code arts. 188, 195), soonest first.

    Columns: customer, invoice_id, due_date, outstanding, runs_from, cause (what last
    started the period: due, payment, demand, acknowledgement), expiry, days_left
    (negative once expired). ``within_days`` keeps only those expiring that soon
    (expired ones included).
    """
    day = as_day(as_of)
    items = open_items(ledger, as_of)
    lim = _limitation(ledger, items, day, ledger.customer_info())
    out = items[["customer", "invoice_id", "due_date", "outstanding"]].copy()
    out["runs_from"], out["cause"], out["expiry"] = lim["runs_from"].to_numpy(), lim["cause"].to_numpy(), lim["expiry"].to_numpy()
    out["days_left"] = (out["expiry"] - pd.Timestamp(np.datetime64(day, "D"))).dt.days
    if within_days is not None:
        out = out[out["days_left"] <= within_days]
    return out.sort_values(["days_left", "outstanding"], ascending=[True, False]).reset_index(drop=True)
