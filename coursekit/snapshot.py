"""One as-of snapshot of a ledger: the open state computed once per as-of date.

Everything that asks "what is open on this date" — :func:`coursekit.aging.aging`,
:func:`~coursekit.aging.open_items`, :func:`~coursekit.aging.balances_as_of`, the
quadrant, the DSO figures, the provisions, :func:`coursekit.risk.risk_grades`,
:func:`~coursekit.risk.limitation_deadlines`, :func:`coursekit.plan.collection_plan`
and the report — reads :func:`snapshot`, which computes the state with
:func:`_open_state` only the first time a date is asked for and keeps it on the ledger
(the last :data:`KEEP` dates). Derived tables (the open items in order, the limitation
dates, the grades for a scale) are memoised on the snapshot the same way.

The dependencies run one way: ``ledger → scale → snapshot → aging → risk → plan →
report``. The cache is dropped when the ledger's tables are replaced (it is keyed by
the identity of its arrays and tables); a ledger is not meant to be edited in place.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .ledger import Ledger

__all__ = ["Snapshot", "snapshot", "as_day", "KEEP"]

#: How many as-of dates a ledger keeps (a report uses about 14: the date, the DSO
#: period start and twelve month-ends for the trend).
KEEP = 32
_ATTR = "_coursekit_snapshots"


def as_day(value) -> int:
    """A date-like value as a day number (days since 1970-01-01)."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        raise TypeError("give a date such as '2026-06-30', not a number")
    ts = pd.Timestamp(value)
    if pd.isna(ts):
        raise ValueError(f"{value!r} is not a date")
    return int(np.datetime64(ts.date(), "D").astype(np.int64))


def _applied_cents(ledger: Ledger, day: int) -> tuple[np.ndarray, np.ndarray]:
    """Receipts to date: cents applied to each invoice, and unapplied cents per customer."""
    paid = ledger._pay_day <= day
    inv = ledger._pay_inv
    applied_mask = paid & (inv >= 0)
    applied = np.bincount(inv[applied_mask], weights=ledger._pay_cents[applied_mask],
                          minlength=len(ledger._inv_cents)).astype(np.int64)
    loose = paid & (inv < 0)
    unapplied = np.bincount(ledger._pay_cust[loose], weights=ledger._pay_cents[loose],
                            minlength=len(ledger._customers)).astype(np.int64)
    return applied, unapplied


def _open_state(ledger: Ledger, day: int):
    """The open state on ``day``: issued mask, balance per invoice and credit per customer (cents)."""
    ledger.check_as_of(np.datetime64(day, "D"))   # an open-item list without receipt dates: export date or later
    issued = ledger._inv_day <= day
    applied, unapplied = _applied_cents(ledger, day)
    balance = np.where(issued, ledger._inv_cents - applied, 0)
    # An invoice paid more than its amount leaves a credit for the customer.
    over = np.minimum(balance, 0)
    credit = unapplied + np.bincount(ledger._inv_cust, weights=-over, minlength=len(ledger._customers)).astype(np.int64)
    return issued, balance, credit


@dataclass(eq=False)
class Snapshot:
    """The open state of ``ledger`` on ``day`` (days since 1970-01-01), all in integer cents.

    Attributes
    ----------
    issued : bool array, one per invoice (dated on or before ``day``)
    balance : int64 array, one per invoice (amount − receipts to date; 0 if not issued)
    credit : int64 array, one per customer (unapplied cash and overpayments)
    open_rows : invoice positions still open (issued, balance > 0), in ledger order
    """

    ledger: Ledger
    day: int
    issued: np.ndarray
    balance: np.ndarray
    credit: np.ndarray
    open_rows: np.ndarray
    _memo: dict = field(default_factory=dict, repr=False)

    @property
    def date(self) -> pd.Timestamp:
        return pd.Timestamp(np.datetime64(self.day, "D"))

    def memo(self, key, compute: Callable):
        """``compute()`` the first time ``key`` is asked for on this snapshot; the stored result after."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @property
    def sorted_rows(self) -> np.ndarray:
        """Open invoice positions sorted by customer, due date and invoice id (the open items' order)."""
        def order():
            inv = self.ledger.invoices
            rows = self.open_rows
            keys = pd.DataFrame({"c": inv["customer"].to_numpy()[rows], "d": self.ledger._due_day[rows],
                                 "i": inv["invoice_id"].to_numpy()[rows]})
            return rows[keys.sort_values(["c", "d", "i"], kind="stable").index.to_numpy()]
        return self.memo("sorted_rows", order)

    def customer_info(self) -> pd.DataFrame:
        return self.memo("customer_info", lambda: self.ledger.customer_info(self.date))

    @property
    def owed(self) -> np.ndarray:
        """Cents still owed on each invoice of :attr:`sorted_rows` once the customer's credit (unapplied cash,
        overpayments) is applied to its own open invoices, the earliest due first.

        A payment the debtor did not assign goes first to the debts already due and, among those, by the
        order in which they fell due (Civil Code art. 560; the article's finer steps, least security and
        heavier burden first, are not in a ledger and are taken as equal). Invoices due on the same day share
        what reaches them in proportion to their balances, as the article says (按照债务比例履行), to the
        cent: the shares are rounded cumulatively, so they add up to exactly what was applied. When the file assigns its
        receipts to invoices, the aging table keeps the credit it left unassigned in its own column, as
        booked; grades, the plan and the limitation warnings use what is still owed, so that a customer
        whose cash only waits to be applied is not chased for it. When no receipt names an invoice (a
        running-balance statement), the snapshot itself is built this way (:meth:`credits_set_against`)."""
        def apply():
            rows = self.sorted_rows
            if not len(rows):
                return np.zeros(0, np.int64)
            cents = self.balance[rows]
            cust, due = self.ledger._inv_cust[rows], self.ledger._due_day[rows]
            credit = np.maximum(self.credit, 0)[cust]
            total = np.cumsum(cents)

            def runs(edge):        # each row's run: the run's first row, and the run's total cents
                first = np.r_[0, np.flatnonzero(edge) + 1]
                lengths = np.diff(np.r_[first, len(rows)])
                return np.repeat(first, lengths), np.repeat(np.add.reduceat(cents, first), lengths)
            new_customer = cust[1:] != cust[:-1]
            cust_first, _ = runs(new_customer)
            group_first, size = runs(new_customer | (due[1:] != due[:-1]))
            # cents of the customer's invoices due earlier, and of this due date's group up to this row
            before = total[group_first] - cents[group_first] - (total[cust_first] - cents[cust_first])
            within = total - (total[group_first] - cents[group_first])
            reach = np.clip(credit - before, 0, size)             # what reaches the group, shared pro rata
            upto = np.rint(reach * (within / size)).astype(np.int64)
            prior = np.where(np.arange(len(rows)) == group_first, 0, np.r_[0, upto[:-1]])
            return cents - (upto - prior)
        return self.memo("owed", apply)

    def credits_set_against(self) -> Snapshot:
        """This snapshot with each customer's credit set against its open invoices as :attr:`owed` does:
        the balances are what is still owed, and the credit is what is left once every open invoice of
        the customer is covered. For ledgers whose receipts name no invoice (``Ledger.assigns_receipts``
        false), where nothing else says which invoice a receipt paid."""
        rows, owed = self.sorted_rows, self.owed
        balance = self.balance.copy()
        balance[rows] = owed
        used = np.bincount(self.ledger._inv_cust[rows], weights=self.balance[rows] - owed,
                           minlength=len(self.credit))
        credit = self.credit - np.rint(used).astype(np.int64)
        return Snapshot(self.ledger, self.day, self.issued, balance, credit,
                        np.flatnonzero(self.issued & (balance > 0)))

    def limitation(self) -> pd.DataFrame:
        """Limitation per open invoice in :attr:`sorted_rows` order: ``runs_from, expiry, cause``."""
        return self.memo("limitation", self._limitation)

    def _limitation(self) -> pd.DataFrame:
        from .legal import _CAUSES, _run_events

        ledger, day, rows = self.ledger, self.day, self.sorted_rows
        due = ledger._due_day[rows].astype("datetime64[D]")
        # every payment the debtor made on the invoice (a credit note is the seller's act, not the debtor's)
        position = np.full(len(ledger._inv_cents), -1, dtype=np.int64)
        position[rows] = np.arange(len(rows))
        kinds = ledger.payments["kind"].to_numpy(dtype=object, na_value="payment")
        pays = (ledger._pay_inv >= 0) & (ledger._pay_day <= day) & (kinds == "payment")
        pays &= position[np.where(ledger._pay_inv >= 0, ledger._pay_inv, 0)] >= 0
        item = [position[ledger._pay_inv[pays]]]
        when = [ledger._pay_day[pays].astype("datetime64[D]")]
        cause = [np.full(int(pays.sum()), 1)]
        info = self.customer_info()
        info = info[~info.index.duplicated()].reindex(ledger._customers)   # row k = customer code k
        cust = ledger._inv_cust[rows]
        for code, col in ((2, "last_demand_date"), (3, "last_acknowledgement_date")):
            dates = info[col].to_numpy().astype("datetime64[D]")[cust]
            dates = np.where(dates <= np.datetime64(day, "D"), dates, np.datetime64("NaT"))
            item.append(np.arange(len(rows)))
            when.append(dates)
            cause.append(np.full(len(rows), code))
        runs_from, expiry, code = _run_events(due, np.concatenate(item), np.concatenate(when), np.concatenate(cause))
        return pd.DataFrame({"runs_from": runs_from.astype("datetime64[s]"), "expiry": expiry.astype("datetime64[s]"),
                             "cause": _CAUSES[code]})


def _token(ledger: Ledger) -> tuple:
    return (id(ledger._inv_cents), id(ledger._pay_cents), id(ledger._pay_day), id(ledger.invoices),
            id(ledger.payments), id(ledger.customers), len(ledger._inv_cents), len(ledger._pay_cents))


def snapshot(ledger: Ledger, as_of) -> Snapshot:
    """The :class:`Snapshot` of ``ledger`` on ``as_of``, computed once per date and kept on the ledger."""
    day = as_of if isinstance(as_of, int) and not isinstance(as_of, bool) else as_day(as_of)
    token = _token(ledger)
    cache = ledger.__dict__.get(_ATTR)
    if cache is None or cache[0] != token:
        cache = (token, OrderedDict())
        ledger.__dict__[_ATTR] = cache
    kept: OrderedDict = cache[1]
    snap = kept.get(day)
    if snap is None:
        issued, balance, credit = _open_state(ledger, day)
        snap = Snapshot(ledger, day, issued, balance, credit, np.flatnonzero(issued & (balance > 0)))
        if not getattr(ledger, "assigns_receipts", True):
            snap = snap.credits_set_against()
        kept[day] = snap
        while len(kept) > KEEP:
            kept.popitem(last=False)
    else:
        kept.move_to_end(day)
    return snap
