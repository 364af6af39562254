"""Bad-debt provisions (坏账准备): the aging method, the provision matrix and ECL.

Two ways to size the allowance for doubtful receivables are taught side by side:

* **The aging method** (账龄分析法): open receivables are grouped by age in whole
  years from the invoice date — 1年以内, 1-2年, 2-3年, 3-4年, 4-5年, 5年以上 (within
  1 year, 1-2 years, …, over 5 years) — and each band is provided for at a rate.
  This is the statutory view of the course's GUIDE ("Aging").
* **Expected credit loss** (预期信用损失, ECL): CAS 22 (企业会计准则第22号——金融工具
  确认和计量, revised 2017) requires the allowance on trade receivables to equal
  lifetime expected credit losses (the "simplified approach"); a provision matrix by
  days overdue is the usual practical way to estimate it, with customers assessed
  individually where their own evidence says more (a bankruptcy, a lawsuit).
  <!-- verify: CAS 22 article numbers for the simplified approach -->

Rates are each company's own choice, set from its own loss history and approved
as accounting policy. :data:`EXAMPLE_RATES_YEARS` and :data:`EXAMPLE_MATRIX_RATES`
are **example figures** for the exercises, not prescribed or typical rates.

Conventions shared by every function here:

* Balances come from the same state as :func:`coursekit.aging.open_items`: invoices
  and receipts dated on or before ``as_of``; only positive open balances are
  provided for. Unapplied cash and overpayments are credits of the customer: they
  are shown on their own (as negative amounts) and never netted against
  receivables, so the balances always add up to the open items.
* Amounts are exact to the cent: each provision is the balance in cents times the
  rate, rounded half-up (四舍五入) to the cent once, at the end; totals are sums of
  the rounded rows, so every table adds up.

The teaching curve :func:`recovery_curve` and :func:`cost_of_waiting` put a price
on delay, using the course outline's field observation that debts under two years
old are mostly recovered (≈80 %) and older ones rarely (≈20 %).
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from numbers import Real
from types import MappingProxyType

import numpy as np
import pandas as pd

from .aging import _check_buckets, bucket_labels
from .ledger import Ledger
from .snapshot import as_day, snapshot

__all__ = [
    "YEAR_BANDS", "YEAR_BANDS_EN", "EXAMPLE_RATES_YEARS", "EXAMPLE_MATRIX_RATES",
    "year_band", "aging_by_years", "provision_aging_method", "provision_matrix", "expected_credit_loss",
    "journal_entry", "write_off_entry", "recovery_curve", "cost_of_waiting",
]

#: Year bands of the aging method, youngest first (Chinese labels, used as keys).
YEAR_BANDS: tuple[str, ...] = ("1年以内", "1-2年", "2-3年", "3-4年", "4-5年", "5年以上")
#: The same bands in English.
YEAR_BANDS_EN: tuple[str, ...] = ("within 1 year", "1-2 years", "2-3 years", "3-4 years", "4-5 years",
                                  "over 5 years")

#: Example figures only (each company sets its own rates): aging-method rates by year band.
EXAMPLE_RATES_YEARS: Mapping[str, float] = MappingProxyType(
    {"1年以内": 0.05, "1-2年": 0.10, "2-3年": 0.30, "3-4年": 0.50, "4-5年": 0.80, "5年以上": 1.00})

#: Example figures only (each company sets its own rates): provision-matrix rates by days overdue,
#: keyed by the labels of :func:`coursekit.aging.bucket_labels` for the default edges (30, 60, 90).
EXAMPLE_MATRIX_RATES: Mapping[str, float] = MappingProxyType(
    {"current": 0.01, "1-30": 0.03, "31-60": 0.08, "61-90": 0.15, "91+": 0.40})

_TOTAL = {"zh": "合计", "en": "total"}
_CREDITS = {"zh": "贷方余额（不计提）", "en": "credits (no provision)"}
_CENT = Decimal("0.01")


# -- small helpers ------------------------------------------------------------------------------
def _check_lang(lang: str) -> None:
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")


def _rate(value, name: str) -> Decimal:
    """A rate in [0, 1] as an exact Decimal (from the float's shortest repr)."""
    if isinstance(value, bool) or not isinstance(value, (Real, np.number, Decimal)):
        raise ValueError(f"the rate for {name} must be a number between 0 and 1, not {value!r}")
    f = float(value)
    if not math.isfinite(f) or not 0.0 <= f <= 1.0:
        raise ValueError(f"the rate for {name} must be between 0 and 1 (a fraction: 0.05 for 5%); got {value!r}")
    return value if isinstance(value, Decimal) else Decimal(str(f))


def _amount(value, name: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (Real, np.number, Decimal)):
        raise ValueError(f"{name} must be a number, not {value!r}")
    f = float(value)
    if not math.isfinite(f) or f < 0:
        raise ValueError(f"{name} must be a finite amount of at least 0; got {value!r}")
    return value if isinstance(value, Decimal) else Decimal(str(f))


def _cents_times(cents: int, rate: Decimal) -> int:
    """``cents × rate`` rounded half-up to a whole cent."""
    return int((Decimal(int(cents)) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _yuan(x: Decimal) -> float:
    return float(x.quantize(_CENT, rounding=ROUND_HALF_UP))


def _rates_for(rates, labels: Sequence[str], what: str, aliases: Sequence[str] | None = None) -> list[Decimal]:
    """Rates for each label, from a mapping (keys = labels or aliases) or a sequence in label order."""
    if isinstance(rates, Mapping):
        lookup = dict(zip(labels, labels, strict=True))
        if aliases is not None:
            lookup.update(zip(aliases, labels, strict=True))
        unknown = [k for k in rates if k not in lookup]
        if unknown:
            raise ValueError(f"{what} rates have unknown keys {unknown}; the keys are {list(labels)}")
        given = {}
        for k, v in rates.items():
            if lookup[k] in given:
                raise ValueError(f"{what} rates give the band {lookup[k]!r} twice (as {k!r})")
            given[lookup[k]] = v
        missing = [lab for lab in labels if lab not in given]
        if missing:
            raise ValueError(f"{what} rates must cover every band; missing {missing}")
        return [_rate(given[lab], lab) for lab in labels]
    if isinstance(rates, (str, bytes)) or not isinstance(rates, Sequence):
        raise ValueError(f"{what} rates must be a dict keyed by band or a list in band order, not {rates!r}")
    if len(rates) != len(labels):
        raise ValueError(f"{what} rates must give one rate per band ({len(labels)}: {list(labels)}); got {len(rates)}")
    return [_rate(v, lab) for v, lab in zip(rates, labels, strict=True)]


def _is_leap(year: np.ndarray | int) -> np.ndarray | bool:
    return (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))


def _ymd(days: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    d = np.asarray(days, dtype=np.int64).astype("datetime64[D]")
    y = d.astype("datetime64[Y]").astype(np.int64) + 1970
    m = d.astype("datetime64[M]").astype(np.int64) % 12 + 1
    dd = (d - d.astype("datetime64[M]")).astype(np.int64) + 1
    return y, m, dd


def _year_band_codes(invoice_days: np.ndarray, day: int) -> np.ndarray:
    """Band index 0..5 for invoices dated ``invoice_days`` (day numbers) as of ``day``."""
    y, m, d = _ymd(invoice_days)
    ay, am, ad = (int(v[0]) for v in _ymd(np.array([day])))
    # The anniversary in year ``ay``: 29 February becomes 28 February in a common year (art. 202).
    d_adj = np.where((m == 2) & (d == 29) & ~_is_leap(np.int64(ay)), 28, d)
    before = (am < m) | ((am == m) & (ad < d_adj))
    completed = ay - y - before.astype(np.int64)          # whole years elapsed
    exact = (am == m) & (ad == d_adj) & (completed >= 1)  # today is an anniversary
    return np.clip(completed - exact.astype(np.int64), 0, len(YEAR_BANDS) - 1)


def year_band(invoice_date, as_of, lang: str = "zh") -> str:
    """The aging-method band of one invoice: ``year_band("2025-03-01", "2026-03-01")`` → ``"1年以内"``.

    Age is counted in calendar years from the invoice date, and each band includes its
    upper end, as in the usual disclosure "1年以内（含1年）": an invoice dated D is
    *within 1 year* up to and including D + 1 year (the same day and month a year
    later; for 29 February, 28 February — Civil Code art. 202's rule for periods in
    years), and in *1-2 years* from the day after. No year is taken as 365 days.
    """
    _check_lang(lang)
    inv, day = as_day(invoice_date), as_day(as_of)
    if inv > day:
        raise ValueError(f"the invoice date {invoice_date} is after the as-of date {as_of}")
    code = int(_year_band_codes(np.array([inv]), day)[0])
    return (YEAR_BANDS if lang == "zh" else YEAR_BANDS_EN)[code]


# -- balances by age --------------------------------------------------------------------------
def _open_by(ledger: Ledger, as_of, codes_of, n_codes: int):
    """Positive open balances per (customer, code) in cents, and each customer's credits in cents."""
    day = as_day(as_of)
    snap = snapshot(ledger, day)
    issued, balance, credit = snap.issued, snap.balance, snap.credit
    rows = np.flatnonzero(issued & (balance > 0))
    codes = codes_of(rows, day)
    n_cust = len(ledger._customers)
    flat = ledger._inv_cust[rows] * n_codes + codes
    cents = np.bincount(flat, weights=balance[rows], minlength=n_cust * n_codes).reshape(n_cust, n_codes)
    return np.rint(cents).astype(np.int64), credit.astype(np.int64)


def _by_years(ledger: Ledger, as_of):
    return _open_by(ledger, as_of, lambda rows, day: _year_band_codes(ledger._inv_day[rows], day), len(YEAR_BANDS))


def _by_days(ledger: Ledger, as_of, edges: list[int]):
    def codes(rows, day):
        age = day - ledger._due_day[rows]
        return np.where(age <= 0, 0, np.searchsorted(np.asarray(edges), age, side="left") + 1)
    return _open_by(ledger, as_of, codes, len(edges) + 2)


def aging_by_years(ledger: Ledger, as_of, lang: str = "zh") -> pd.DataFrame:
    """The aging in year bands (账龄分析法), one row per customer with a balance or a credit.

    Parameters
    ----------
    ledger : Ledger
    as_of : date-like
        Only invoices and receipts dated on or before it count.
    lang : {"zh", "en"}
        Column labels: :data:`YEAR_BANDS` or :data:`YEAR_BANDS_EN`.

    Returns
    -------
    DataFrame indexed by customer: the six bands (positive open balances, aged from
    the invoice date by the rule of :func:`year_band`), ``unapplied`` (unapplied cash
    and overpayments, as negative amounts, as in :func:`coursekit.aging.aging`) and
    ``total`` = their sum. Sorted by total, largest first.
    """
    _check_lang(lang)
    cents, credit = _by_years(ledger, as_of)
    labels = list(YEAR_BANDS if lang == "zh" else YEAR_BANDS_EN)
    table = np.column_stack([cents, -credit, cents.sum(axis=1) - credit])
    keep = (cents.sum(axis=1) != 0) | (credit != 0)
    out = pd.DataFrame(table[keep] / 100, columns=labels + ["unapplied", "total"],
                       index=pd.Index(ledger._customers[keep], name="customer"))
    return out.sort_values("total", ascending=False, kind="stable")


def _band_table(labels: list[str], cents: np.ndarray, credit_cents: int, rates: list[Decimal], lang: str,
                index_name: str) -> pd.DataFrame:
    provision = [_cents_times(c, r) for c, r in zip(cents, rates, strict=True)]
    bal_total, prov_total = int(cents.sum()), int(sum(provision))
    eff = prov_total / bal_total if bal_total else 0.0
    index = pd.Index(labels + [_TOTAL[lang], _CREDITS[lang]], name=index_name)
    return pd.DataFrame({
        "balance": np.array([*cents, bal_total, -credit_cents], dtype=np.int64) / 100,
        "rate": [float(r) for r in rates] + [eff, 0.0],
        "provision": np.array([*provision, prov_total, 0], dtype=np.int64) / 100,
    }, index=index)


def provision_aging_method(ledger: Ledger, as_of, rates=None, lang: str = "zh") -> pd.DataFrame:
    """Provision by the aging method (账龄分析法): balance × rate for each year band.

    .. math:: \\text{provision}_b = \\text{balance}_b \\times \\text{rate}_b, \\qquad
              \\text{total} = \\sum_b \\text{provision}_b

    Parameters
    ----------
    ledger : Ledger
    as_of : date-like
    rates : mapping or sequence, optional
        A rate in [0, 1] for every band, keyed by :data:`YEAR_BANDS` or
        :data:`YEAR_BANDS_EN` labels, or six numbers youngest first. Default
        :data:`EXAMPLE_RATES_YEARS` (example figures, not prescribed rates).
    lang : {"zh", "en"}
        Row labels.

    Returns
    -------
    DataFrame indexed by band with ``balance, rate, provision``; then a total row
    (``合计``/``total``, its rate the effective rate provision ÷ balance) and a row of
    the customers' credits (unapplied cash, overpayments; negative, not provided for
    and not in the total). The band balances add up to the positive open balances of
    :func:`coursekit.aging.open_items` on ``as_of``. Each band's provision is rounded
    half-up to the cent.

    Raises
    ------
    ValueError
        A rate outside 0..1, a missing band or an unknown key.
    """
    _check_lang(lang)
    labels = list(YEAR_BANDS if lang == "zh" else YEAR_BANDS_EN)
    r = _rates_for(EXAMPLE_RATES_YEARS if rates is None else rates, list(YEAR_BANDS), "aging-method",
                   aliases=YEAR_BANDS_EN)
    cents, credit = _by_years(ledger, as_of)
    return _band_table(labels, cents.sum(axis=0), int(credit.sum()), r, lang, "band")


def _matrix_rates(rates, edges: list[int]) -> tuple[list[str], list[Decimal]]:
    labels = bucket_labels(edges)
    if rates is None:
        if list(EXAMPLE_MATRIX_RATES) != labels:
            raise ValueError(f"the example matrix rates are for buckets (30, 60, 90); give rates for your buckets "
                             f"{labels}")
        rates = EXAMPLE_MATRIX_RATES
    return labels, _rates_for(rates, labels, "provision-matrix")


def provision_matrix(ledger: Ledger, as_of, rates=None, buckets: Sequence[int] = (30, 60, 90),
                     lang: str = "zh") -> pd.DataFrame:
    """Provision by a provision matrix: balance × rate for each days-overdue bucket.

    Buckets follow :func:`coursekit.aging.aging`: days overdue = as-of date − due date,
    due today is ``current``, upper edges inclusive (``current, 1-30, 31-60, 61-90,
    91+`` for the default edges).

    Parameters
    ----------
    ledger : Ledger
    as_of : date-like
    rates : mapping or sequence, optional
        A rate in [0, 1] for every bucket, keyed by the bucket labels or in bucket
        order. Default :data:`EXAMPLE_MATRIX_RATES` (example figures; only for the
        default buckets).
    buckets : sequence of int
        Inclusive upper edges in days overdue.
    lang : {"zh", "en"}
        Labels of the total and credits rows.

    Returns
    -------
    DataFrame indexed by bucket with ``balance, rate, provision``, a total row and a
    credits row, laid out as in :func:`provision_aging_method`.
    """
    _check_lang(lang)
    edges = _check_buckets(buckets)
    labels, r = _matrix_rates(rates, edges)
    cents, credit = _by_days(ledger, as_of, edges)
    return _band_table(labels, cents.sum(axis=0), int(credit.sum()), r, lang, "bucket")


def expected_credit_loss(ledger: Ledger, as_of, matrix_rates=None, individual: Mapping[str, float] | None = None,
                         buckets: Sequence[int] = (30, 60, 90), lang: str = "zh") -> pd.DataFrame:
    """Lifetime expected credit loss per customer: provision matrix plus individual assessment.

    CAS 22 (企业会计准则第22号——金融工具确认和计量, revised 2017) measures the
    allowance on trade receivables at lifetime expected credit losses (the simplified
    approach); a provision matrix by days overdue is a practical estimate. A customer
    with evidence of its own (bankruptcy, a lawsuit, a settlement) is assessed
    individually: its whole balance is provided for at the rate given, replacing the
    matrix for that customer.

    .. math:: \\text{ECL}_c = \\sum_b \\text{balance}_{c,b} \\times \\text{rate}_b
              \\quad\\text{or}\\quad \\text{balance}_c \\times \\text{individual}_c

    Parameters
    ----------
    ledger : Ledger
    as_of : date-like
    matrix_rates : mapping or sequence, optional
        As ``rates`` in :func:`provision_matrix`; default :data:`EXAMPLE_MATRIX_RATES`.
    individual : mapping, optional
        Customer → rate in [0, 1], e.g. ``{"某某商贸有限公司": 1.0}`` for a bankrupt
        customer. Every name must be a customer of the ledger.
        ``ledger.customer_info()`` lists statuses to start from.
    buckets : sequence of int
        Inclusive upper edges of the days-overdue buckets.
    lang : {"zh", "en"}
        Label of the total row.

    Returns
    -------
    DataFrame indexed by customer (those with a balance or a credit, largest balance
    first) with the bucket balances, ``balance`` (their sum), ``unapplied`` (credits,
    negative, not netted), ``method`` (``matrix`` or ``individual``), ``rate`` (the
    effective rate, provision ÷ balance) and ``provision``; then a total row. Each
    customer's provision is rounded half-up to the cent once, so it never exceeds the
    balance; the total is the sum of the rows (it may differ from
    :func:`provision_matrix`, which rounds per bucket, by a few cents).
    """
    _check_lang(lang)
    edges = _check_buckets(buckets)
    labels, r = _matrix_rates(matrix_rates, edges)
    individual = {} if individual is None else individual
    if not isinstance(individual, Mapping):
        raise ValueError("individual must be a dict of customer -> rate, e.g. {'某某商贸有限公司': 1.0}")
    known = set(ledger._customers)
    unknown = [c for c in individual if c not in known]
    if unknown:
        raise ValueError(f"individual names customers not in the ledger: {unknown}")
    ind = {c: _rate(v, f"customer {c!r}") for c, v in individual.items()}
    total_label = _TOTAL[lang]
    if total_label in known:
        raise ValueError(f"a customer is named {total_label!r}, which is the label of the total row; "
                         f"use lang={'en' if lang == 'zh' else 'zh'!r}")
    cents, credit = _by_days(ledger, as_of, edges)
    balance = cents.sum(axis=1)
    keep = np.flatnonzero((balance != 0) | (credit != 0))
    method, provision = [], []
    for i in keep:
        name = ledger._customers[i]
        if name in ind:
            method.append("individual")
            provision.append(_cents_times(balance[i], ind[name]))
        else:
            method.append("matrix")
            exact = sum((Decimal(int(c)) * rate for c, rate in zip(cents[i], r, strict=True)), Decimal(0))
            provision.append(int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)))
    prov = np.array(provision, dtype=np.int64)
    bal = balance[keep]
    out = pd.DataFrame(cents[keep] / 100, columns=labels, index=pd.Index(ledger._customers[keep], name="customer"))
    out["balance"] = bal / 100
    out["unapplied"] = -credit[keep] / 100
    out["method"] = method
    out["rate"] = np.divide(prov, bal, out=np.zeros(len(bal)), where=bal != 0)
    out["provision"] = prov / 100
    out = out.sort_values("balance", ascending=False, kind="stable")
    total_bal = int(bal.sum())
    total = {**{lab: int(cents[keep, j].sum()) / 100 for j, lab in enumerate(labels)},
             "balance": total_bal / 100, "unapplied": -int(credit[keep].sum()) / 100, "method": "",
             "rate": int(prov.sum()) / total_bal if total_bal else 0.0, "provision": int(prov.sum()) / 100}
    return pd.concat([out, pd.DataFrame([total], index=pd.Index([total_label], name="customer"))])


# -- journal entries -----------------------------------------------------------------------------
_ACCOUNTS = {
    "loss": {"zh": "信用减值损失", "en": "Credit impairment loss (信用减值损失)"},
    "allowance": {"zh": "坏账准备", "en": "Allowance for bad debts (坏账准备)"},
    "receivable": {"zh": "应收账款", "en": "Accounts receivable (应收账款)"},
}


def _entry(debit: str, credit: str, amount: float, lang: str) -> pd.DataFrame:
    return pd.DataFrame({"account": [_ACCOUNTS[debit][lang], _ACCOUNTS[credit][lang]],
                         "debit": [amount, 0.0], "credit": [0.0, amount]})


def journal_entry(required, existing=0.0, lang: str = "zh") -> pd.DataFrame:
    """The entry that brings the allowance for bad debts from ``existing`` to ``required``.

    * ``required > existing``: 借 信用减值损失 / 贷 坏账准备 (Dr credit impairment loss,
      Cr allowance for bad debts) for the difference.
    * ``required < existing``: the reversal, 借 坏账准备 / 贷 信用减值损失.
    * equal: nothing to book — an empty table with the same columns.

    Under CAS 22 (revised 2017) impairment of receivables is reported as 信用减值损失
    (credit impairment loss); before it, as 资产减值损失 (asset impairment loss).

    Parameters
    ----------
    required : float
        The allowance the receivables need now (e.g. the total of
        :func:`expected_credit_loss`), ≥ 0.
    existing : float
        The allowance already on the books (credit balance of 坏账准备), ≥ 0.
    lang : {"zh", "en"}
        Account names.

    Returns
    -------
    DataFrame with ``account, debit, credit``; the amount is ``|required − existing|``
    rounded half-up to the cent.
    """
    _check_lang(lang)
    diff = _amount(required, "required") - _amount(existing, "existing")
    amount = _yuan(abs(diff))
    if amount == 0:
        return pd.DataFrame({"account": pd.Series(dtype=object), "debit": pd.Series(dtype=float),
                             "credit": pd.Series(dtype=float)})
    if diff > 0:
        return _entry("loss", "allowance", amount, lang)
    return _entry("allowance", "loss", amount, lang)


def write_off_entry(amount, lang: str = "zh") -> pd.DataFrame:
    """Writing off a receivable against the allowance: 借 坏账准备 / 贷 应收账款.

    (Dr allowance for bad debts, Cr accounts receivable.) The write-off removes the
    debt from the books; it does not extinguish the claim, so keep collecting. A later
    recovery reverses it (借 应收账款 / 贷 坏账准备) and is then booked as cash received.
    For tax, a written-off receivable is a deductible bad-debt loss when overdue more
    than 3 years, or more than 1 year and small (≤ ¥50,000 or ≤ 1/10,000 of revenue),
    with the evidence required (国家税务总局公告2011年第25号 arts. 23-24).

    Parameters
    ----------
    amount : float
        The amount written off, > 0, rounded half-up to the cent.
    lang : {"zh", "en"}

    Returns
    -------
    DataFrame with ``account, debit, credit``.
    """
    _check_lang(lang)
    value = _yuan(_amount(amount, "amount"))
    if value <= 0:
        raise ValueError(f"the amount written off must be above 0; got {amount!r}")
    return _entry("allowance", "receivable", value, lang)


# -- the price of waiting --------------------------------------------------------------------------
def _curve_params(ceiling: float, floor: float, midpoint_days: float, width_days: float) -> None:
    for name, v in (("ceiling", ceiling), ("floor", floor), ("midpoint_days", midpoint_days),
                    ("width_days", width_days)):
        if isinstance(v, bool) or not isinstance(v, (Real, np.number)) or not math.isfinite(float(v)):
            raise ValueError(f"{name} must be a finite number, not {v!r}")
    if not 0.0 <= floor <= ceiling <= 1.0:
        raise ValueError(f"the curve needs 0 <= floor <= ceiling <= 1; got floor={floor}, ceiling={ceiling}")
    if midpoint_days <= 0 or width_days <= 0:
        raise ValueError("midpoint_days and width_days must be above 0")


def _nonneg(values, name: str, hint: str = "") -> np.ndarray:
    """Finite numbers >= 0 as a float array; a clear ValueError otherwise."""
    try:
        a = np.asarray(values, dtype="float64")
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be numbers, not {values!r}") from None
    if np.asarray(values).dtype == bool:
        raise ValueError(f"{name} must be numbers, not booleans")
    if not np.isfinite(a).all():
        raise ValueError(f"{name} must be finite numbers (no NaN or infinity)")
    if (a < 0).any():
        raise ValueError(f"{name} must be >= 0{hint}")
    return a


def recovery_curve(age_days, ceiling: float = 0.8, floor: float = 0.2, midpoint_days: float = 730,
                   width_days: float = 60):
    """Expected share of a debt that will still be recovered, by its age: a teaching curve.

    .. math:: r(a) = \\text{floor} + \\frac{\\text{ceiling} - \\text{floor}}
              {1 + e^{(a - \\text{midpoint}) / \\text{width}}}

    An assumption, not a measurement: a smooth, non-increasing logistic step shaped by
    the course outline's field observation that debts under two years old are mostly
    recovered (≈80 %) and older ones rarely (≈20 %). With the defaults it is ≈0.80 for
    young debts, 0.50 at exactly two years (730 days) and ≈0.20 for old ones; its mean
    over ages 0-730 days is about 0.77 and over 731-1,825 days about 0.22. Fit the
    parameters to your own collection history where you have one.

    Parameters
    ----------
    age_days : number, array-like or Series
        Age of the debt in days since it fell due (days overdue), ≥ 0.
    ceiling, floor : float
        Recovery rates for very young and very old debts, 0 <= floor <= ceiling <= 1.
    midpoint_days : float
        Age at which the curve is halfway between ceiling and floor.
    width_days : float
        How gradual the fall is: the curve makes 76 % of its drop within ±2 widths of the midpoint.

    Returns
    -------
    float for a number, Series (same index) for a Series, ndarray otherwise.
    """
    _curve_params(ceiling, floor, midpoint_days, width_days)
    a = _nonneg(age_days, "age_days", " days (use 0 for a debt not yet overdue)")
    z = (a - midpoint_days) / width_days
    # 1 / (1 + e^z) written with tanh: no overflow for very old debts, monotone in z.
    r = floor + (ceiling - floor) * 0.5 * (1.0 - np.tanh(z / 2.0))
    r = np.clip(r, floor, ceiling)
    if isinstance(age_days, pd.Series):
        return pd.Series(r, index=age_days.index, name="recovery_rate")
    if np.ndim(age_days) == 0:
        return float(r)
    return r


def cost_of_waiting(amount, age_days, wait_days, annual_rate, day_basis: int = 365,
                    curve: Mapping[str, float] | None = None) -> pd.DataFrame:
    """What it costs to wait ``wait_days`` before collecting a debt ``age_days`` old.

    .. math:: \\text{recovery lost} = \\text{amount} \\times (r(\\text{age}) - r(\\text{age} + \\text{wait}))

    .. math:: \\text{financing cost} = \\text{amount} \\times \\text{annual rate} \\times
              \\frac{\\text{wait}}{\\text{day basis}}

    ``r`` is :func:`recovery_curve` (a teaching assumption). The financing cost is the
    simple interest on the money while it stays with the customer, at a rate you
    choose (your cost of borrowing, for instance); no market rate is built in.

    Parameters
    ----------
    amount, age_days, wait_days : number or array-like
        Broadcast together; amounts in yuan ≥ 0, days ≥ 0.
    annual_rate : float
        Your annual cost of money as a fraction (0.04 for 4 %), between 0 and 1.
    day_basis : {365, 360}
        Days in the interest year.
    curve : mapping, optional
        Parameters for :func:`recovery_curve` (``ceiling, floor, midpoint_days,
        width_days``).

    Returns
    -------
    DataFrame with ``amount, age_days, wait_days, recovery_now, recovery_later,
    recovery_lost, financing_cost, total_cost``. Money columns are rounded half-up
    to the cent; ``total_cost`` is the sum of the two rounded parts.
    """
    rate = _rate(annual_rate, "annual_rate (as a fraction: 0.04 for 4%)")
    if day_basis not in (360, 365) or isinstance(day_basis, bool):
        raise ValueError(f"day_basis must be 365 or 360, not {day_basis!r}")
    curve = dict(curve or {})
    unknown = set(curve) - {"ceiling", "floor", "midpoint_days", "width_days"}
    if unknown:
        raise ValueError(f"unknown recovery_curve parameters: {sorted(unknown)}")
    amt = _nonneg(amount, "amount")
    age = _nonneg(age_days, "age_days", " days (use 0 for a debt not yet overdue)")
    wait = _nonneg(wait_days, "wait_days", " days")
    try:
        amt, age, wait = np.broadcast_arrays(np.atleast_1d(amt), np.atleast_1d(age), np.atleast_1d(wait))
    except ValueError:
        raise ValueError("amount, age_days and wait_days must have the same length (or be single numbers)") from None
    now = recovery_curve(age, **curve)
    later = recovery_curve(age + wait, **curve)
    lost, financing = [], []
    for a, n, lt, w in zip(amt, now, later, wait, strict=True):
        money = Decimal(str(float(a)))
        lost.append(_yuan(money * (Decimal(str(float(n))) - Decimal(str(float(lt))))))
        financing.append(_yuan(money * rate * Decimal(str(float(w))) / Decimal(day_basis)))
    out = pd.DataFrame({"amount": amt, "age_days": age, "wait_days": wait, "recovery_now": now,
                        "recovery_later": later, "recovery_lost": lost, "financing_cost": financing})
    out["total_cost"] = [_yuan(Decimal(str(x)) + Decimal(str(y))) for x, y in zip(lost, financing, strict=True)]
    return out
