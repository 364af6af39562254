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

import numpy as np
import pandas as pd

from .aging import open_items
from .ledger import Ledger
from .scale import DEFAULT_SCALE, GRADES, RiskScale, grade_for_days, grade_name
from .snapshot import Snapshot, snapshot

__all__ = ["RiskScale", "GRADES", "grade_for_days", "risk_grades", "grade_name", "limitation_deadlines", "DEFAULT_SCALE"]

_COLUMNS = ["grade", "grade_zh", "grade_en", "outstanding", "overdue", "max_days_overdue", "worst_invoice",
            "limitation_expiry", "reason_zh", "reason_en"]
_STATUS_WORDS = {"bankrupt": ("已进入破产程序", "the customer is bankrupt"),
                 "deregistered": ("已注销", "the customer has been deregistered")}


def risk_grades(ledger: Ledger, as_of, scale: RiskScale = DEFAULT_SCALE) -> pd.DataFrame:
    """One row per customer with a balance on ``as_of``: grade, names and the reason.

    Returns
    -------
    DataFrame indexed by customer with ``grade`` (1-5), ``grade_zh``, ``grade_en``,
    ``outstanding``, ``overdue``, ``max_days_overdue``, ``worst_invoice``,
    ``limitation_expiry`` (earliest expiry among the open invoices),
    ``reason_zh`` and ``reason_en`` (e.g. ``"准呆账: 134 days overdue on INV-0042"``).

    Computed once per as-of date and scale (see :mod:`coursekit.snapshot`); each call
    returns a copy.
    """
    snap = snapshot(ledger, as_of)
    return snap.memo(("risk_grades", scale), lambda: _grades(snap, scale)).copy()


def _worst_per_customer(snap: Snapshot, scale: RiskScale) -> pd.DataFrame:
    """Per customer (in name order): sums, the worst invoice, its grade by age and whether it expired."""
    ledger, owed = snap.ledger, snap.owed
    keep = owed > 0         # what the customer's unapplied credit covers is not chased (Civil Code art. 560)
    rows, cents = snap.sorted_rows[keep], owed[keep]
    days = snap.day - ledger._due_day[rows]
    expiry = snap.limitation()["expiry"].to_numpy()[keep]
    expired = expiry < np.datetime64(snap.day, "D")
    grade = np.where(expired, 1, grade_for_days(days, scale))
    cust = ledger._inv_cust[rows]
    # items are in customer-name order; a new code starts each customer's block
    start = np.r_[0, np.flatnonzero(cust[1:] != cust[:-1]) + 1] if len(rows) else np.array([], dtype=np.int64)
    block = np.repeat(np.arange(len(start)), np.diff(np.r_[start, len(rows)]))
    worst = np.lexsort((np.arange(len(rows)), -days, grade, block))
    first = worst[np.r_[0, np.flatnonzero(np.diff(block[worst])) + 1]] if len(rows) else worst
    n = len(start)
    sums = np.bincount(block, weights=cents, minlength=n)
    late = np.bincount(block, weights=np.where(days > 0, cents, 0), minlength=n)
    max_days = np.full(n, np.iinfo(np.int64).min)
    np.maximum.at(max_days, block, days)
    # a dispute recorded on an invoice (a Disputed / 争议 column) counts while that invoice is open
    flags = ledger.invoices["disputed"].to_numpy(dtype=bool)[rows] if "disputed" in ledger.invoices else \
        np.zeros(len(rows), dtype=bool)
    disputed_open = np.bincount(block, weights=flags, minlength=n) > 0 if n else np.zeros(0, dtype=bool)
    min_expiry = np.full(n, np.datetime64("NaT"), dtype=expiry.dtype)
    if n:
        min_expiry = pd.Series(expiry).groupby(block).min().to_numpy()
    return pd.DataFrame({
        "outstanding": np.rint(sums) / 100, "overdue": np.rint(late) / 100, "max_days_overdue": max_days,
        "worst_invoice": ledger.invoices["invoice_id"].to_numpy()[rows][first], "age_grade": grade[first],
        "expired": expired[first], "worst_days": days[first], "limitation_expiry": min_expiry,
        "disputed_open": disputed_open,
    }, index=pd.Index(ledger._customers.to_numpy(dtype=object)[cust[start]] if n else [], name="customer"))


def _grades(snap: Snapshot, scale: RiskScale) -> pd.DataFrame:
    out = _worst_per_customer(snap, scale)
    info = snap.customer_info().reindex(out.index)
    status = info["status"].to_numpy(dtype=object)
    gone = np.isin(status, list(_STATUS_WORDS))
    expired = out["expired"].to_numpy()
    age_grade = out["age_grade"].to_numpy()
    flagged = info["disputed"].fillna(False).to_numpy(dtype=bool) | out["disputed_open"].to_numpy(dtype=bool)
    disputed = ~gone & ~expired & flagged & (age_grade > 3)
    broken = ~gone & ~expired & ~disputed & info["broken_promise"].fillna(False).to_numpy(dtype=bool) & (age_grade > 3)
    grade = np.where(gone, 1, np.where(disputed | broken, 3, age_grade)).astype(np.int64)
    zh, en = _reasons(out, status, info["status_date"].to_numpy(), gone, disputed, broken)
    out["grade"] = grade
    out["grade_zh"] = [GRADES[g]["zh"] for g in grade]
    out["grade_en"] = [GRADES[g]["en"] for g in grade]
    out["reason_zh"] = [f"{z}：{r}" for z, r in zip(out["grade_zh"], zh, strict=True)]
    out["reason_en"] = [f"{e}: {r}" for e, r in zip(out["grade_en"], en, strict=True)]
    return out[_COLUMNS].sort_values(["grade", "outstanding"], ascending=[True, False], kind="stable")


def _reasons(out: pd.DataFrame, status, since, gone, disputed, broken) -> tuple[list[str], list[str]]:
    """The reason for each customer's grade, in Chinese and English; a status says since when if known."""
    zh, en = [], []
    for r, st, day, g, d, b in zip(out.itertuples(), status, since, gone, disputed, broken, strict=True):
        if g:
            word = _STATUS_WORDS[st]
            known = not pd.isna(day)
            zh.append(f"客户自 {pd.Timestamp(day):%Y-%m-%d} 起{word[0]}" if known else f"客户{word[0]}")
            en.append(f"{word[1]} (since {pd.Timestamp(day):%Y-%m-%d})" if known else word[1])
            continue
        rz, re_ = _age_reason(r)
        if d:
            rz, re_ = f"有争议（{rz}）", f"disputed ({re_})"
        elif b:
            rz, re_ = f"付款承诺未兑现（{rz}）", f"broke a promise to pay ({re_})"
        zh.append(rz)
        en.append(re_)
    return zh, en


def _age_reason(r) -> tuple[str, str]:
    if r.expired:
        return (f"{r.worst_invoice} 的诉讼时效已于 {r.limitation_expiry:%Y-%m-%d} 届满且无中断记录",
                f"the limitation period on {r.worst_invoice} expired on {r.limitation_expiry:%Y-%m-%d} with no interruption recorded")
    if r.worst_days <= 0:
        return ("没有逾期发票", "no invoice is overdue")
    return (f"{r.worst_invoice} 已逾期 {r.worst_days} 天", f"{r.worst_days} days overdue on {r.worst_invoice}")


def limitation_deadlines(ledger: Ledger, as_of, within_days: int | None = None) -> pd.DataFrame:
    """Each open invoice's limitation expiry (Civil Code arts. 188, 192, 195), soonest first.

    Columns: customer, invoice_id, due_date, outstanding, runs_from, cause (what last
    started the period: due, payment, demand, acknowledgement), expiry, days_left
    (negative once expired). ``within_days`` keeps only those expiring that soon
    (expired ones included). Every payment on the invoice counts, in date order, and the
    customer's last demand and acknowledgement, by the one rule of
    :func:`coursekit.legal.limitation` (see :func:`coursekit.legal._interrupt`).
    """
    snap = snapshot(ledger, as_of)
    items = open_items(ledger, as_of)
    lim = snap.limitation()
    out = items[["customer", "invoice_id", "due_date", "outstanding"]].copy()
    out["runs_from"], out["cause"], out["expiry"] = lim["runs_from"].to_numpy(), lim["cause"].to_numpy(), lim["expiry"].to_numpy()
    owed = snap.owed           # the customer's unapplied credit pays its earliest due invoices first (art. 560)
    out["outstanding"] = np.rint(owed) / 100
    out = out[owed > 0]
    out["days_left"] = (out["expiry"] - snap.date).dt.days
    if within_days is not None:
        out = out[out["days_left"] <= within_days]
    return out.sort_values(["days_left", "outstanding"], ascending=[True, False]).reset_index(drop=True)
