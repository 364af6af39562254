"""PRC legal deadlines for receivables.

Limitation period (诉讼时效), Civil Code (民法典):

* art. 188: three years from when the creditor knew or should have known that its
  right was harmed — for an invoice, the day it fell due unpaid; never more than
  twenty years from that day.
* art. 195: the period is interrupted, and starts again in full, by a demand for
  payment, by the debtor agreeing to pay, by suit or arbitration, or equivalent acts.
  Under the SPC limitation rules (法释〔2008〕11号, amended 2020) a demand counts on
  the day it is delivered or signed for (art. 8), and a partial payment, an
  instalment promise or a repayment plan is an agreement to pay (art. 14).
* art. 192: after expiry the debtor may refuse to pay, but a later agreement to pay
  cannot be withdrawn.
* arts. 201 and 203: a period counted in years starts the day after the event and
  ends at the end of the same-numbered day; when that day is a public holiday the
  period ends on the next working day. This module does not apply the holiday
  rule, so the dates it gives are never later than the true expiry.
"""
from __future__ import annotations

import pandas as pd

__all__ = ["limitation_expiry", "LIMITATION_YEARS", "MAX_YEARS"]

LIMITATION_YEARS = 3
MAX_YEARS = 20


def _dates(values, index=None) -> pd.Series:
    if values is None:
        return pd.Series(pd.NaT, index=index, dtype="datetime64[s]")
    s = pd.Series(values, index=index) if not isinstance(values, pd.Series) else values
    return pd.to_datetime(s).astype("datetime64[s]")


def limitation_expiry(due_date, last_payment=None, last_demand=None, last_acknowledgement=None) -> pd.DataFrame:
    """Limitation expiry for each debt, restarted by the latest interruption.

    Parameters
    ----------
    due_date : Series of dates
        The day each debt fell due (the period runs from then, Civil Code art. 188).
    last_payment, last_demand, last_acknowledgement : Series of dates, optional
        The latest partial payment, delivered demand and written acknowledgement for each
        debt (NaT where none). Each interrupts the period (art. 195), which then runs
        three years from that day. Events before the due date do not move it.

    Returns
    -------
    DataFrame with ``runs_from`` (the day the current period started), ``expiry``
    (``runs_from`` + 3 years, capped at due date + 20 years) and ``cause``
    (``due``, ``payment``, ``demand`` or ``acknowledgement``).
    """
    due = _dates(due_date)
    starts = pd.DataFrame({"due": due}, index=due.index)
    for name, value in (("payment", last_payment), ("demand", last_demand), ("acknowledgement", last_acknowledgement)):
        starts[name] = _dates(value, due.index) if value is not None else pd.Series(pd.NaT, index=due.index, dtype="datetime64[s]")
    runs_from = starts.max(axis=1)
    cause = starts.fillna(pd.Timestamp("1900-01-01")).idxmax(axis=1)
    cause = cause.where(runs_from > due, "due")
    expiry = runs_from + pd.DateOffset(years=LIMITATION_YEARS)
    cap = due + pd.DateOffset(years=MAX_YEARS)
    expiry = expiry.where(expiry <= cap, cap)
    return pd.DataFrame({"runs_from": runs_from, "expiry": expiry, "cause": cause})
