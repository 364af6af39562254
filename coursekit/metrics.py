"""The DSO family and related collection metrics.

All inputs are *credit* sales and receivables in one currency; all results are
floats. Invalid inputs raise :class:`ValueError` with a sentence saying what is
wrong, never a NaN or a silently wrong number.

Definitions (days = length of the period in days):

* Standard (period-end) DSO = ending AR ÷ credit sales × days.
* Average-balance DSO = ((beginning AR + ending AR) ÷ 2) ÷ credit sales × days;
  equivalently days ÷ AR turnover, with turnover = credit sales ÷ average AR.
* Countback (exhaustion) DSO: walk back from the newest period, taking away each
  period's sales from the ending AR and adding its days while what remains is at
  least that period's sales; then add remainder ÷ that period's sales × its days.
* Best Possible DSO = current (not overdue) AR ÷ credit sales × days.
* Average Days Delinquent (ADD) = DSO − Best Possible DSO.
* Collection Effectiveness Index (Credit Research Foundation) =
  (beginning AR + credit sales ÷ N − ending total AR) ÷
  (beginning AR + credit sales ÷ N − ending current AR) × 100, N = months in the period.

The course outlines call standard, average-balance and countback "the three ways
to compute DSO" (计算DSO的三种方法).
"""
from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["dso", "dso_trend", "period_figures", "dso_standard", "dso_average", "dso_countback", "best_possible_dso", "average_days_delinquent",
           "cei", "ar_turnover", "monthly_flows", "dso_figures"]


def _num(name: str, value, *, positive: bool = False, nonnegative: bool = False) -> float:
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number, not {value!r}")
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, not {value!r}") from None
    if not math.isfinite(x):
        raise ValueError(f"{name} must be a finite number, not {value!r}")
    if positive and x <= 0:
        raise ValueError(f"{name} must be greater than zero (got {x:g})")
    if nonnegative and x < 0:
        raise ValueError(f"{name} cannot be negative (got {x:g})")
    return x


def dso_standard(ending_ar: float, credit_sales: float, days: float) -> float:
    """Standard (period-end) DSO = ending AR ÷ credit sales × days.

    >>> dso_standard(600_000, 900_000, 90)
    60.0
    """
    ar = _num("ending AR", ending_ar, nonnegative=True)
    sales = _num("credit sales", credit_sales, positive=True)
    d = _num("days", days, positive=True)
    return ar / sales * d


def ar_turnover(credit_sales: float, beginning_ar: float, ending_ar: float) -> float:
    """AR turnover = credit sales ÷ average AR, average AR = (beginning AR + ending AR) ÷ 2.

    >>> ar_turnover(1_200_000, 180_000, 220_000)
    6.0
    """
    sales = _num("credit sales", credit_sales, positive=True)
    b = _num("beginning AR", beginning_ar, nonnegative=True)
    e = _num("ending AR", ending_ar, nonnegative=True)
    avg = (b + e) / 2
    if avg == 0:
        raise ValueError("average AR is zero, so turnover is undefined (nothing was owed)")
    return sales / avg


def dso_average(beginning_ar: float, ending_ar: float, credit_sales: float, days: float) -> float:
    """Average-balance DSO = ((beginning AR + ending AR) ÷ 2) ÷ credit sales × days = days ÷ turnover.

    >>> dso_average(180_000, 220_000, 1_200_000, 360)
    60.0
    """
    b = _num("beginning AR", beginning_ar, nonnegative=True)
    e = _num("ending AR", ending_ar, nonnegative=True)
    sales = _num("credit sales", credit_sales, positive=True)
    d = _num("days", days, positive=True)
    return (b + e) / 2 / sales * d


def dso_countback(ending_ar: float, sales: Sequence[float], days: Sequence[float] | float) -> float:
    """Countback (exhaustion) DSO.

    Walks back from the newest period: while the remaining AR is at least the
    period's sales, subtract those sales and add the period's days; then add the
    remainder ÷ that period's sales × its days.

    Parameters
    ----------
    ending_ar : float
        Receivables at the end of the newest period.
    sales : sequence of float
        Credit sales of each period, **newest first**. Every period must have sales > 0.
    days : sequence of float, or one number for periods of equal length
        Length of each period in days, in the same order.

    Examples
    --------
    >>> dso_countback(150_000, [100_000, 80_000, 90_000], [30, 31, 30])
    49.375
    """
    ar = _num("ending AR", ending_ar, nonnegative=True)
    sales = list(sales)
    if not sales:
        raise ValueError("countback DSO needs at least one period of sales")
    if isinstance(days, (int, float)) and not isinstance(days, bool):
        days = [days] * len(sales)
    days = list(days)
    if len(days) != len(sales):
        raise ValueError(f"sales has {len(sales)} periods but days has {len(days)}; give one length per period")
    s = [_num(f"sales of period {i + 1} (newest = 1)", v) for i, v in enumerate(sales)]
    d = [_num(f"days of period {i + 1} (newest = 1)", v, positive=True) for i, v in enumerate(days)]
    for i, v in enumerate(s):
        if v <= 0:
            raise ValueError(f"sales of period {i + 1} (newest = 1) are {v:g}; countback needs sales > 0 in every period")
    remaining, total = ar, 0.0
    for v, n in zip(s, d, strict=False):
        if remaining >= v:
            remaining -= v
            total += n
        else:
            return total + remaining / v * n
    if remaining > 1e-9 * max(1.0, ar):
        raise ValueError(f"ending AR {ar:,.2f} is larger than all the sales given ({sum(s):,.2f}); "
                         "give more periods of sales history")
    return total


def best_possible_dso(current_ar: float, credit_sales: float, days: float) -> float:
    """Best Possible DSO = current (not overdue) AR ÷ credit sales × days.

    >>> best_possible_dso(450_000, 900_000, 90)
    45.0
    """
    ar = _num("current AR", current_ar, nonnegative=True)
    sales = _num("credit sales", credit_sales, positive=True)
    d = _num("days", days, positive=True)
    return ar / sales * d


def average_days_delinquent(dso: float, best_possible_dso: float) -> float:
    """Average Days Delinquent (ADD) = DSO − Best Possible DSO.

    >>> average_days_delinquent(60, 45)
    15.0
    """
    a = _num("DSO", dso, nonnegative=True)
    b = _num("Best Possible DSO", best_possible_dso, nonnegative=True)
    if b > a:
        raise ValueError(f"Best Possible DSO ({b:g}) exceeds DSO ({a:g}); current AR cannot exceed total AR")
    return a - b


def cei(beginning_ar: float, credit_sales: float, ending_total_ar: float, ending_current_ar: float,
        months: float = 1) -> float:
    """Collection Effectiveness Index, in percent (Credit Research Foundation).

    CEI = (beginning AR + credit sales ÷ N − ending total AR) ÷
    (beginning AR + credit sales ÷ N − ending current AR) × 100, where N = ``months``
    (the number of months in the period; sales are the period's total credit sales).

    >>> round(cei(500_000, 300_000, 520_000, 320_000, months=1), 1)
    58.3
    """
    b = _num("beginning AR", beginning_ar, nonnegative=True)
    s = _num("credit sales", credit_sales, nonnegative=True)
    t = _num("ending total AR", ending_total_ar, nonnegative=True)
    c = _num("ending current AR", ending_current_ar, nonnegative=True)
    n = _num("months", months, positive=True)
    if c > t:
        raise ValueError(f"ending current AR ({c:,.2f}) cannot exceed ending total AR ({t:,.2f})")
    denominator = b + s / n - c
    if denominator <= 0:
        raise ValueError("beginning AR + sales ÷ months − ending current AR must be positive; "
                         "there was nothing collectable in the period")
    return (b + s / n - t) / denominator * 100


# -- from a ledger ---------------------------------------------------------------------------
def period_figures(ledger, period_end, days: int = 90) -> dict:
    """The inputs of the DSO family for the period of ``days`` days ending on ``period_end``.

    Returns a dict with ``credit_sales`` (invoiced amounts dated in the period,
    ``period_end`` included), ``beginning_ar`` and ``ending_ar`` (net balances at the
    day before the period and at its end, unapplied credits deducted), and
    ``ending_current_ar`` (not yet overdue at the end).
    """
    import numpy as np

    from .ledger import AsOfError
    from .snapshot import as_day, snapshot

    d = int(_num("days", days, positive=True))
    if not getattr(ledger, "sales_known", True):
        raise ValueError("this ledger was read from open balances only, without invoice amounts, so its credit "
                         "sales are unknown and DSO cannot be computed; export the invoice amounts as well")
    end = as_day(period_end)
    start = end - d
    in_period = (ledger._inv_day > start) & (ledger._inv_day <= end)
    sales = int(ledger._inv_cents[in_period].sum())

    def net(day):
        snap = snapshot(ledger, day)
        issued, balance, credit = snap.issued, snap.balance, snap.credit
        return int(np.maximum(balance, 0).sum() - credit.sum()), issued, balance

    ending, issued, balance = net(end)
    current = int(balance[issued & (balance > 0) & (ledger._due_day >= end)].sum())
    try:
        beginning = net(start)[0] / 100
    except AsOfError:   # an open-item list without receipt dates does not know the balance before its export date
        beginning = None
    return {"period_start": np.datetime64(start + 1, "D").astype("datetime64[s]").item().date(),
            "period_end": np.datetime64(end, "D").astype("datetime64[s]").item().date(),
            "days": d, "credit_sales": sales / 100, "beginning_ar": beginning,
            "ending_ar": ending / 100, "ending_current_ar": current / 100}


def dso_figures(ledger, period_end, days: int = 90):
    """Every figure of the DSO family for the ``days``-day period ending on ``period_end``, each with the
    reason where the ledger cannot give it (an open-item export knows no beginning balance; countback needs
    enough sales history), so that one missing figure never hides the others.

    Returns a DataFrame indexed by ``credit_sales, beginning_ar, ending_ar, ending_current_ar, standard,
    average, countback, best_possible, add`` with ``value`` (NaN where not computable) and ``note``.
    Raises ValueError when the ledger has no known sales at all (see :func:`period_figures`).
    """
    import pandas as pd

    f = period_figures(ledger, period_end, days)
    values = {k: f[k] for k in ("credit_sales", "beginning_ar", "ending_ar", "ending_current_ar")}
    notes = {}
    if f["beginning_ar"] is None:
        values["beginning_ar"] = float("nan")
        notes["beginning_ar"] = f"not known: the ledger is exact only from {ledger.valid_from:%Y-%m-%d}"

    def figure(name, compute):
        try:
            values[name] = compute()
        except ValueError as exc:
            values[name], notes[name] = float("nan"), str(exc)

    figure("standard", lambda: dso(ledger, period_end, days, "standard"))
    if f["beginning_ar"] is None:
        values["average"] = float("nan")
        notes["average"] = "needs the beginning AR, which this export does not give"
    else:
        figure("average", lambda: dso(ledger, period_end, days, "average"))
    figure("countback", lambda: dso(ledger, period_end, days, "countback"))
    figure("best_possible", lambda: best_possible_dso(f["ending_current_ar"], f["credit_sales"], days))
    if values["standard"] == values["standard"] and values["best_possible"] == values["best_possible"]:
        values["add"] = average_days_delinquent(values["standard"], values["best_possible"])
    else:
        values["add"], notes["add"] = float("nan"), "needs the standard and the Best Possible DSO"
    out = pd.DataFrame({"value": pd.Series(values, dtype="float64")})
    out["note"] = [notes.get(k, "") for k in out.index]
    return out


def dso(ledger, period_end, days: int = 90, method: str = "standard", history: int = 36) -> float:
    """DSO computed from a ledger for the ``days``-day period ending on ``period_end``.

    ``method`` is ``"standard"`` (ending AR ÷ sales × days), ``"average"`` (average of
    beginning and ending AR ÷ sales × days) or ``"countback"`` (ending AR exhausted
    against monthly sales walking back from ``period_end``, up to ``history`` months:
    calendar months when ``period_end`` is a month-end).
    Sales are the invoiced amounts dated in the period.
    """
    import pandas as pd

    from .aging import as_day

    f = period_figures(ledger, period_end, days)
    if f["ending_ar"] < 0:
        raise ValueError(f"the ledger's net receivables on {f['period_end']} are negative ({f['ending_ar']:,.2f}); "
                         "DSO is not meaningful")
    if method == "standard":
        return dso_standard(f["ending_ar"], f["credit_sales"], f["days"])
    if method == "average":
        return dso_average(f["beginning_ar"], f["ending_ar"], f["credit_sales"], f["days"])
    if method == "countback":
        end = pd.Timestamp(f["period_end"])
        sales, lengths = [], []
        # calendar months when the period ends on a month-end, else months counted back from the end
        step = (lambda k: end - pd.offsets.MonthEnd(k)) if end.is_month_end else (lambda k: end - pd.DateOffset(months=k))
        for k in range(int(history)):
            hi, lo = step(k), step(k + 1)
            hi_d, lo_d = as_day(hi), as_day(lo)
            mask = (ledger._inv_day > lo_d) & (ledger._inv_day <= hi_d)
            sales.append(ledger._inv_cents[mask].sum() / 100)
            lengths.append(hi_d - lo_d)
        # Only the periods countback actually reaches need sales; trim at the first empty one.
        used, remaining = 0, f["ending_ar"]
        for s in sales:
            used += 1
            if s <= 0 or remaining < s:
                break
            remaining -= s
        return dso_countback(f["ending_ar"], sales[:used], lengths[:used])
    raise ValueError(f"method must be 'standard', 'average' or 'countback', not {method!r}")


def dso_trend(ledger, period_ends, days: int = 90) -> pd.DataFrame:  # noqa: F821
    """DSO three ways, Best Possible DSO and ADD for each period end (e.g. month-ends).

    Each row uses the ``days``-day period ending on that date; see :func:`dso` and
    :func:`period_figures` for the definitions. Values are rounded to 2 decimals.
    """
    import pandas as pd

    rows = []
    for end in period_ends:
        f = period_figures(ledger, end, days)
        std = dso(ledger, end, days, "standard")
        best = best_possible_dso(f["ending_current_ar"], f["credit_sales"], days)
        rows.append({"period_end": pd.Timestamp(end), "standard": std, "average": dso(ledger, end, days, "average"),
                     "countback": dso(ledger, end, days, "countback"), "best_possible": best,
                     "add": average_days_delinquent(std, best)})
    return pd.DataFrame(rows).set_index("period_end").round(2)


def monthly_flows(ledger, month_ends, customer: str | None = None) -> pd.DataFrame:  # noqa: F821
    """Invoicing, cash received, credit notes and the closing balance for each month.

    One row per date of ``month_ends`` (e.g. ``pd.date_range(..., freq="ME")``); each
    row covers the calendar month ending that day, (previous month-end, month-end].
    Columns: ``invoiced`` (invoice amounts dated in the month), ``cash`` (receipts of
    kind ``payment``, applied or not), ``credit_notes`` and ``ar_end`` (net receivables
    at the month-end, unapplied credits deducted, as in :func:`coursekit.aging.aging`).
    For the whole ledger, ``ar_end`` − the previous month's ``ar_end`` = ``invoiced`` −
    ``cash`` − ``credit_notes``. ``customer`` restricts everything to one customer.

    Examples
    --------
    >>> import coursekit as ck, pandas as pd
    >>> ends = pd.date_range("2026-07-31", "2026-10-31", freq="ME")
    >>> list(monthly_flows(ck.sample_ledger(seed=7), ends).columns)
    ['invoiced', 'cash', 'credit_notes', 'ar_end']
    """
    import numpy as np
    import pandas as pd

    from .aging import balances_as_of

    ends = pd.DatetimeIndex(pd.to_datetime(list(month_ends)))
    hi = ends.to_numpy().astype("datetime64[D]").astype(np.int64)
    lo = (ends - pd.offsets.MonthEnd(1)).to_numpy().astype("datetime64[D]").astype(np.int64)
    inv, pay = ledger.invoices, ledger.payments
    mine_inv = np.ones(len(inv), bool) if customer is None else (inv["customer"] == customer).fillna(False).to_numpy()
    mine_pay = np.ones(len(pay), bool) if customer is None else (pay["customer"] == customer).fillna(False).to_numpy()

    def per_month(days, cents, keep):
        d, c = days[keep], cents[keep]
        return np.array([c[(d > a) & (d <= b)].sum() for a, b in zip(lo, hi, strict=True)], dtype=np.int64) / 100

    kind = pay["kind"].to_numpy(dtype=object, na_value="payment")
    out = pd.DataFrame({
        "invoiced": per_month(ledger._inv_day, ledger._inv_cents, mine_inv),
        "cash": per_month(ledger._pay_day, ledger._pay_cents, mine_pay & (kind == "payment")),
        "credit_notes": per_month(ledger._pay_day, ledger._pay_cents, mine_pay & (kind == "credit_note")),
    }, index=pd.Index(ends, name="month_end"))
    balances = [balances_as_of(ledger, d) for d in ends]
    out["ar_end"] = [round(float(b.sum() if customer is None else b.get(customer, 0.0)), 2) for b in balances]
    return out
