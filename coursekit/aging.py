"""Open items and the aging table (账龄分析), as of any date.

Conventions (see the course's GUIDE, "Aging"):

* **Days overdue** = as-of date − due date, in whole days. An invoice due *on* the
  as-of date is 0 days overdue and counts as **current** (not yet overdue), as in
  OCA's aged partner balance and Odoo Enterprise. (ERPNext puts "due today" in
  0-30 instead; Odoo 11 Community counts back from the report date.)
* **Buckets** have inclusive upper edges: with edges ``(30, 60, 90)`` the columns
  are ``current``, ``1-30``, ``31-60``, ``61-90``, ``91+``.
* **As of a date** only invoices dated on or before it, and payments dated on or
  before it, count, so an aging can be re-run for any past date.
* **Unapplied cash and overpayments** are credits of the customer. They are shown
  in the ``unapplied`` column as negative amounts and never set against an
  invoice silently, so each row's ``total`` = invoices − receipts to date. A file that
  never says which invoice a receipt paid (a running-balance statement, a receipts
  table with no invoice column: ``Ledger.assigns_receipts`` false) has nothing booked
  as unapplied: there each customer's receipts are set against its invoices in the
  order they fell due (Civil Code art. 560), the ledger's notes say so, and only what
  is left over once every invoice is covered stays in ``unapplied``.
* ``basis="invoice"`` ages from the invoice date instead (the statutory view used
  for bad-debt provisioning); the first column is then ``0-30`` and there is no
  ``current``.

Every function here reads the as-of snapshot of :mod:`coursekit.snapshot`, so the open
state of a date is computed once however many tables are asked for.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .ledger import Ledger
from .scale import grade_for_days
from .snapshot import _applied_cents, _open_state, as_day, snapshot  # noqa: F401 (re-exported for older callers)

__all__ = ["open_items", "aging", "aging_trend", "aging_quadrant", "bucket_labels", "balances_as_of", "as_day", "QUADRANTS"]


def bucket_labels(buckets: Sequence[int] = (30, 60, 90), basis: str = "due") -> list[str]:
    """Column labels for bucket edges: ``["current", "1-30", "31-60", "61-90", "91+"]``."""
    edges = _check_buckets(buckets)
    lows = [1] + [e + 1 for e in edges[:-1]]
    if basis == "invoice":
        lows[0] = 0
        labels = []
    else:
        labels = ["current"]
    labels += [f"{lo}-{hi}" for lo, hi in zip(lows, edges, strict=False)] + [f"{edges[-1] + 1}+"]
    return labels


def _check_buckets(buckets: Sequence[int]) -> list[int]:
    edges = [int(b) for b in buckets]
    if not edges or any(b <= 0 for b in edges) or any(b >= c for b, c in zip(edges, edges[1:], strict=False)):
        raise ValueError(f"bucket edges must be positive and increasing, e.g. (30, 60, 90); got {tuple(buckets)}")
    return edges


def _check_basis(basis: str) -> None:
    if basis not in ("due", "invoice"):
        raise ValueError(f"basis must be 'due' or 'invoice', not {basis!r}")


def _bucket_codes(age: np.ndarray, edges: list[int], basis: str) -> np.ndarray:
    """Index into bucket_labels for each age in days."""
    if basis == "due":
        # current (<= 0) is code 0; 1..e1 is code 1; ...
        return np.where(age <= 0, 0, np.searchsorted(np.asarray(edges), age, side="left") + 1)
    return np.searchsorted(np.asarray(edges), np.maximum(age, 0), side="left")


def open_items(ledger: Ledger, as_of, buckets: Sequence[int] = (30, 60, 90), basis: str = "due") -> pd.DataFrame:
    """One row per invoice still open on ``as_of``.

    Parameters
    ----------
    ledger : Ledger
    as_of : date-like
        Only invoices and receipts dated on or before it count.
    buckets : sequence of int
        Inclusive upper edges of the aging buckets in days.
    basis : {"due", "invoice"}
        Age from the due date (days overdue) or from the invoice date.

    Returns
    -------
    DataFrame
        ``customer, invoice_id, invoice_date, due_date, amount, paid, outstanding,
        days_overdue, age_days, bucket, risk_grade``, sorted by customer and due date.
        ``days_overdue`` = as-of date − due date (0 = due today, still current);
        ``risk_grade`` is the invoice's grade on the course's 5-level scale before
        customer-level overrides (see :func:`coursekit.risk.risk_grades`).
    """
    _check_basis(basis)
    edges = _check_buckets(buckets)
    snap = snapshot(ledger, as_of)
    day, rows, balance = snap.day, snap.sorted_rows, snap.balance
    inv = ledger.invoices
    days_overdue = day - ledger._due_day[rows]
    age = days_overdue if basis == "due" else day - ledger._inv_day[rows]
    labels = np.array(bucket_labels(edges, basis), dtype=object)
    out = pd.DataFrame({
        "customer": inv["customer"].to_numpy()[rows],
        "invoice_id": inv["invoice_id"].to_numpy()[rows],
        "invoice_date": inv["invoice_date"].to_numpy()[rows],
        "due_date": inv["due_date"].to_numpy()[rows],
        "amount": ledger._inv_cents[rows] / 100,
        "paid": (ledger._inv_cents[rows] - balance[rows]) / 100,
        "outstanding": balance[rows] / 100,
        "days_overdue": days_overdue,
        "age_days": day - ledger._inv_day[rows],
        "bucket": pd.Categorical(labels[_bucket_codes(age, edges, basis)], categories=list(labels)),
        "risk_grade": grade_for_days(days_overdue),
    })
    for col in ("salesperson", "region"):
        if col in inv.columns:
            out.insert(2, col, inv[col].to_numpy()[rows])
    return out


def aging(ledger: Ledger, as_of, buckets: Sequence[int] = (30, 60, 90), basis: str = "due") -> pd.DataFrame:
    """The aging table: one row per customer with a balance or a credit on ``as_of``.

    Columns are the buckets (``current, 1-30, 31-60, 61-90, 91+`` for the default edges),
    then ``unapplied`` (unapplied cash and overpayments, as negative amounts) and
    ``total`` = the sum of all of them = invoices − receipts dated on or before
    ``as_of``. Rows are sorted by total, largest first. Amounts are exact to the cent.

    Examples
    --------
    >>> import coursekit as ck
    >>> table = ck.aging(ck.sample_ledger(seed=7), "2026-06-30")
    >>> list(table.columns)
    ['current', '1-30', '31-60', '61-90', '91+', 'unapplied', 'total']
    """
    _check_basis(basis)
    edges = _check_buckets(buckets)
    snap = snapshot(ledger, as_of)
    day, balance, credit, open_rows = snap.day, snap.balance, snap.credit, snap.open_rows
    labels = bucket_labels(edges, basis)
    ref = ledger._due_day if basis == "due" else ledger._inv_day
    codes = _bucket_codes(day - ref[open_rows], edges, basis)
    n_cust, n_b = len(ledger._customers), len(labels)
    flat = ledger._inv_cust[open_rows] * n_b + codes
    cents = np.bincount(flat, weights=balance[open_rows], minlength=n_cust * n_b).reshape(n_cust, n_b)
    cents = np.rint(cents).astype(np.int64)
    table = np.column_stack([cents, -credit, cents.sum(axis=1) - credit])
    keep = (cents.sum(axis=1) != 0) | (credit != 0)
    out = pd.DataFrame(table[keep] / 100, columns=labels + ["unapplied", "total"],
                       index=pd.Index(ledger._customers[keep], name="customer"))
    return out.sort_values("total", ascending=False, kind="stable")


def balances_as_of(ledger: Ledger, as_of) -> pd.Series:
    """Net balance per customer (invoices − receipts dated on or before ``as_of``)."""
    snap = snapshot(ledger, as_of)
    balance, credit = snap.balance, snap.credit
    per = np.bincount(ledger._inv_cust, weights=np.maximum(balance, 0), minlength=len(ledger._customers))
    return pd.Series((np.rint(per).astype(np.int64) - credit) / 100, index=ledger._customers, name="balance")


def aging_trend(ledger: Ledger, dates, buckets: Sequence[int] = (30, 60, 90), basis: str = "due") -> pd.DataFrame:
    """Aging structure over time: total open amount per bucket on each of ``dates``.

    One row per date (e.g. month-ends), one column per bucket plus ``unapplied`` and
    ``total``; each row equals the column sums of :func:`aging` on that date.
    """
    rows = {}
    for d in dates:
        table = aging(ledger, d, buckets, basis)
        rows[pd.Timestamp(d)] = table.sum() if len(table) else pd.Series(0.0, index=bucket_labels(buckets, basis) + ["unapplied", "total"])
    out = pd.DataFrame(rows).T.round(2)
    out.index.name = "as_of"
    return out


QUADRANTS = {
    "zh": {"HH": "重点攻坚：金额大、拖得久", "HL": "及时跟进：金额大、刚逾期", "LH": "批量处理：金额小、拖得久", "LL": "常规提醒：金额小、刚逾期"},
    "en": {"HH": "Attack first: large and old", "HL": "Follow up now: large, newly overdue",
           "LH": "Handle in bulk: small and old", "LL": "Routine reminders: small, newly overdue"},
}


def aging_quadrant(ledger: Ledger, as_of, days_split: int = 60, amount_split: float | None = None,
                   lang: str = "zh") -> pd.DataFrame:
    """The aging two-dimensional quadrant (账龄二维象限): overdue amount × how long it has been overdue.

    For each customer with overdue invoices: ``overdue`` (amount past due) and
    ``weighted_days`` (days overdue weighted by the amount outstanding on each
    invoice). ``days_split`` (default 60 days) and ``amount_split`` (default: the
    median overdue amount) divide customers into four quadrants, from "attack first"
    (large and old) to "routine reminders" (small and new): a customer is *large* when
    ``overdue >= amount_split`` and *old* when ``weighted_days > days_split``.

    The default amount line is the median of the day, so it moves from one date to the
    next: to compare dates, pass the same ``amount_split`` (the one used is in
    ``result.attrs["amount_split"]``). Overdue amounts are what is still owed once the
    customer's own credit (unapplied cash, overpayments) is applied to its earliest due
    invoices, as in the grades and the plan (:attr:`coursekit.snapshot.Snapshot.owed`,
    Civil Code art. 560): the aging table shows that credit in its ``unapplied`` column instead.
    """
    if lang not in QUADRANTS:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    items = open_items(ledger, as_of)
    items = items.assign(outstanding=np.rint(snapshot(ledger, as_of).owed) / 100)   # same row order
    late = items[(items["days_overdue"] > 0) & (items["outstanding"] > 0)]
    if late.empty:
        return pd.DataFrame(columns=["overdue", "weighted_days", "max_days_overdue", "quadrant", "label"])
    g = late.assign(w=late["outstanding"] * late["days_overdue"]).groupby("customer")
    out = pd.DataFrame({"overdue": g["outstanding"].sum().round(2), "weighted_days": (g["w"].sum() / g["outstanding"].sum()).round(1),
                        "max_days_overdue": g["days_overdue"].max()})
    split = float(out["overdue"].median()) if amount_split is None else float(amount_split)
    code = np.where(out["overdue"] >= split, "H", "L").astype(object) + np.where(out["weighted_days"] > days_split, "H", "L")
    out["quadrant"] = code
    out["label"] = [QUADRANTS[lang][c] for c in code]
    out.attrs.update(days_split=days_split, amount_split=split)
    order = {"HH": 0, "HL": 1, "LH": 2, "LL": 3}
    return out.sort_values(["quadrant", "overdue"], key=lambda s: s.map(order) if s.name == "quadrant" else -s)
