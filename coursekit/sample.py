"""Deterministic sample ledgers of a Chinese distributor.

``sample_ledger(seed=7)`` always returns the same ledger for the same arguments,
on every machine. It has the things real ledgers have and the course teaches:
payment terms of 30/60/90 days, customers who pay on time, late or not at all,
partial payments, a few disputes, a distressed customer, a bankruptcy (dated, with
no invoice after the credit hold that came before it), unapplied
cash, credit notes, an overpayment, an old debt near its limitation date, and
seasonality (busier quarter-ends, a quiet Spring Festival month with slower
payments). Everything is generated with NumPy, so a million invoices take seconds.
"""
from __future__ import annotations

from importlib import resources
from types import SimpleNamespace

import numpy as np
import pandas as pd

from .ledger import Ledger

__all__ = ["sample_ledger", "SCENARIOS", "sample_tables"]

_CITIES = {
    "华东": ["上海", "杭州", "南京", "苏州", "宁波", "合肥", "无锡", "温州", "常州", "嘉兴"],
    "华南": ["广州", "深圳", "东莞", "佛山", "厦门", "南宁", "海口", "珠海"],
    "华北": ["北京", "天津", "石家庄", "太原", "济南", "青岛", "唐山"],
    "华中": ["武汉", "长沙", "郑州", "南昌", "洛阳", "宜昌"],
    "西南": ["成都", "重庆", "昆明", "贵阳", "绵阳"],
    "西北": ["西安", "兰州", "银川", "乌鲁木齐"],
    "东北": ["沈阳", "大连", "长春", "哈尔滨"],
}
_BRANDS = list("恒远鑫盛华泰宏达金诚永安德顺利丰瑞祥兴隆嘉和广源新宇博创天成富康正大汇通中信卓越")
_TRADES = ["商贸", "贸易", "建材", "五金", "电器", "食品", "医疗器械", "汽配", "农资", "日化", "办公用品", "机电"]
_SALES = {
    "华东": ["张伟", "李娜"], "华南": ["王芳", "陈杰"], "华北": ["刘洋", "赵敏"], "华中": ["周强"],
    "西南": ["吴静"], "西北": ["孙磊"], "东北": ["马丽"],
}

#: Named parameter sets, one per notebook topic.
SCENARIOS = {
    "standard": {},
    "tour": {"customers": 12, "months": 12},
    "aging": {"customers": 40},
    "quadrant": {"customers": 80},
    "dso": {"customers": 60, "months": 36, "growth": 0.015},
    "grades": {"customers": 50, "late_share": 0.45},
    "credit": {"customers": 40, "months": 30},
    "provisions": {"customers": 80, "months": 60},
    "legal": {"customers": 30, "months": 48},
    "ar-control": {"customers": 120, "months": 24, "growth": 0.02},
    "capstone": {"customers": 200, "months": 24},
}


def _month_weights(months: pd.DatetimeIndex, growth: float) -> np.ndarray:
    season = np.ones(len(months))
    season[months.month.isin([3, 6, 9, 12])] = 1.3     # quarter-end pushes
    season[months.month == 2] = 0.6                     # Spring Festival month
    season[months.month == 1] = 0.9
    trend = (1 + growth) ** np.arange(len(months))
    w = season * trend
    return w / w.sum()


MIN_CUSTOMERS = 7
_DEFAULTS = {"customers": 60, "months": 24, "growth": 0.0, "late_share": 0.3}


def sample_tables(seed: int = 7, customers: int | None = None, months: int | None = None, end="2026-10-31",
                  invoices: int | None = None, growth: float | None = None, late_share: float | None = None,
                  scenario: str | None = None) -> dict[str, pd.DataFrame]:
    """The raw tables of :func:`sample_ledger`: ``invoices``, ``payments``, ``customers``.

    Parameters left as None take the scenario's value, then the standard default
    (60 customers, 24 months, no growth, 30% late payers); arguments given explicitly
    always win over the scenario.
    """
    if scenario is not None and scenario not in SCENARIOS:
        raise ValueError(f"unknown scenario {scenario!r}; choose one of {', '.join(SCENARIOS)}")
    params = {**_DEFAULTS, **(SCENARIOS[scenario] if scenario else {})}
    given = {"customers": customers, "months": months, "growth": growth, "late_share": late_share}
    params.update({k: v for k, v in given.items() if v is not None})
    customers, months, growth, late_share = (params[k] for k in ("customers", "months", "growth", "late_share"))
    if not MIN_CUSTOMERS <= customers <= 20_000:
        # seven roles are played by distinct customers: bankrupt, distressed, two disputed, a broken promise,
        # an old debt near its limitation date, and a signed balance confirmation
        raise ValueError(f"customers must be between {MIN_CUSTOMERS} and 20,000 (got {customers})")
    if not 3 <= months <= 240:
        raise ValueError("months must be between 3 and 240")
    rng = np.random.default_rng(seed)
    end_day = np.datetime64(pd.Timestamp(end).date(), "D")
    # the draws are made in this order on one generator, so each step must stay where it is
    c = _draw_customers(rng, customers, months, late_share, end_day)
    n_inv = invoices if invoices is not None else int(round(customers * months * 2.2))
    inv = _draw_invoices(rng, c, months, growth, end_day, n_inv)
    pay = _draw_payments(rng, c, inv, end_day)
    loose = _draw_unapplied_cash(rng, customers, end_day)
    inv, pay, loose = _after_credit_hold(c, inv, pay, loose)
    return _frames(c, inv, pay, loose, end_day, id_width=max(6, len(str(n_inv))))


def _draw_customers(rng, customers: int, months: int, late_share: float, end_day) -> SimpleNamespace:
    """Names, regions, terms, size and payment habits, and the customers who play the teaching roles."""
    cities = [(r, c) for r, cs in _CITIES.items() for c in cs]
    combos = len(cities) * len(_BRANDS) * (len(_BRANDS) - 1) * len(_TRADES)
    picks = rng.choice(combos, size=customers, replace=False)
    names, regions = [], []
    for k in picks:
        k, t = divmod(int(k), len(_TRADES))
        k, b2 = divmod(k, len(_BRANDS) - 1)
        ci, b1 = divmod(k, len(_BRANDS))
        b2 = b2 + (b2 >= b1)
        region, city = cities[ci]
        names.append(f"{city}{_BRANDS[b1]}{_BRANDS[b2]}{_TRADES[t]}有限公司")
        regions.append(region)
    c = SimpleNamespace(n=customers, names=np.array(names, dtype=object), regions=np.array(regions))
    c.sales_rep = np.array([_SALES[r][i % len(_SALES[r])] for i, r in enumerate(c.regions)])
    c.terms = rng.choice([30, 60, 90], size=customers, p=[0.45, 0.35, 0.2])
    c.size = rng.lognormal(0, 0.8, customers)
    c.kind = rng.choice(["prompt", "slow", "late"], size=customers, p=[1 - late_share - 0.3, 0.3, late_share])
    c.mean_delay = np.select([c.kind == "prompt", c.kind == "slow"],
                             [rng.uniform(-3, 5, customers), rng.uniform(10, 35, customers)],
                             rng.uniform(45, 130, customers))
    c.status = np.array(["active"] * customers, dtype=object)
    c.stop_day = np.full(customers, np.iinfo(np.int64).max)   # from this day on the customer pays nothing
    c.order = order = rng.permutation(customers)
    c.bankrupt, c.distressed = order[0], order[1]
    c.disputed, c.broken = order[2:4], order[4:5]
    c.status[c.bankrupt], c.status[c.distressed] = "bankrupt", "distressed"
    end = int(end_day.astype(np.int64))
    c.stop_day[c.bankrupt] = end - int(months * 0.5 * 30)
    c.stop_day[c.distressed] = end - 200
    c.stop_day[c.broken] = end - 120
    # the day each status took effect. The bankrupt customer stops paying halfway through, the seller puts it
    # on credit hold three months later (no invoice from then on), and the court accepts its bankruptcy six
    # weeks before the end, so that on the end date the claim period (art. 45) is still running. The
    # distressed customer's difficulties begin when its payments stop.
    c.status_day = np.full(customers, np.datetime64("NaT"), dtype="datetime64[D]")
    c.bankrupt_day = max(int(c.stop_day[c.bankrupt]), end - 45)
    c.hold_day = min(int(c.stop_day[c.bankrupt]) + 90, c.bankrupt_day)
    c.status_day[c.bankrupt] = np.datetime64(c.bankrupt_day, "D")
    c.status_day[c.distressed] = np.datetime64(int(c.stop_day[c.distressed]), "D")
    return c


def _draw_invoices(rng, c: SimpleNamespace, months: int, growth: float, end_day, n_inv: int) -> SimpleNamespace:
    """Who is invoiced when and for how much, in date order; bigger customers buy more often and more."""
    month_starts = pd.date_range(end=pd.Timestamp(end_day).to_period("M").start_time, periods=months, freq="MS")
    cust = rng.choice(c.n, size=n_inv, p=c.size / c.size.sum())
    month = rng.choice(months, size=n_inv, p=_month_weights(month_starts, growth))
    start_day = month_starts.to_numpy().astype("datetime64[D]").astype(np.int64)
    month_len = np.append(np.diff(start_day), end_day.astype(np.int64) - start_day[-1] + 1)
    inv_day = start_day[month] + (rng.random(n_inv) * month_len[month]).astype(np.int64)
    inv_day = np.minimum(inv_day, end_day.astype(np.int64))
    sort = np.lexsort((cust, inv_day))
    cust, inv_day = cust[sort], inv_day[sort]
    amount = np.rint(rng.lognormal(np.log(18_000), 0.9, n_inv) * np.sqrt(c.size[cust]) * 100).astype(np.int64)
    return SimpleNamespace(cust=cust, day=inv_day, due=inv_day + c.terms[cust],
                           cents=np.maximum(amount, 50_000))   # at least ¥500


def _draw_payments(rng, c: SimpleNamespace, inv: SimpleNamespace, end_day) -> SimpleNamespace:
    """Receipts: each customer's habitual delay, a Spring Festival slowdown, split payments, credit notes,
    one overpayment, a disputed invoice per disputed customer left unpaid, nothing after a customer stops."""
    n_inv, end = len(inv.cust), int(end_day.astype(np.int64))
    delay = c.mean_delay[inv.cust] + rng.normal(0, 6, n_inv)
    due_month = (inv.due.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) % 12) + 1
    delay = delay + np.where(np.isin(due_month, [1, 2]), 12, 0)           # Spring Festival slowdown
    pay_day = np.maximum(inv.due + np.rint(delay).astype(np.int64), inv.day + 1)
    paid = pay_day < c.stop_day[inv.cust]
    disputed_inv = np.zeros(n_inv, dtype=bool)
    for who in c.disputed:   # one invoice under dispute per disputed customer, left unpaid
        rows = np.flatnonzero((inv.cust == who) & (inv.due < end - 60))
        if len(rows):
            disputed_inv[rows[-1]] = True
    paid &= ~disputed_inv
    split = paid & (rng.random(n_inv) < 0.15)
    first_share = rng.uniform(0.3, 0.7, n_inv)
    first_cents = np.where(split, np.rint(inv.cents * first_share).astype(np.int64), inv.cents)
    first_day = np.where(split, np.maximum(pay_day - rng.integers(10, 40, n_inv), inv.day + 1), pay_day)
    # credit notes: 2% of invoices get a 2-10% allowance a week or two after the invoice
    credit = rng.random(n_inv) < 0.02
    credit_cents = np.rint(inv.cents * rng.uniform(0.02, 0.10, n_inv)).astype(np.int64)
    credit_day = inv.day + rng.integers(5, 15, n_inv)
    first_cents = np.where(credit & ~split, first_cents - credit_cents, first_cents)
    second_cents = np.where(split, inv.cents - first_cents - np.where(credit, credit_cents, 0), 0)
    # one overpayment: the customer paid ¥100.00 too much on one invoice
    over = np.flatnonzero(paid & ~split & ~credit)
    if len(over):
        first_cents[over[len(over) // 2]] += 10_000
    pay = SimpleNamespace(
        inv=np.concatenate([np.flatnonzero(paid), np.flatnonzero(split), np.flatnonzero(credit)]),
        day=np.concatenate([first_day[paid], pay_day[split], credit_day[credit]]),
        cents=np.concatenate([first_cents[paid], second_cents[split], credit_cents[credit]]),
        kind=np.array(["payment"] * (paid.sum() + split.sum()) + ["credit_note"] * int(credit.sum()), dtype=object))
    return _subset(pay, pay.day <= end)


def _draw_unapplied_cash(rng, customers: int, end_day) -> SimpleNamespace:
    """A few round-sum receipts with no invoice reference, in the last two months."""
    n = max(1, customers // 25)
    who = rng.choice(customers, size=n, replace=False)
    return SimpleNamespace(cust=who, day=int(end_day.astype(np.int64)) - rng.integers(3, 60, n),
                           cents=rng.integers(1, 20, n) * 1_000_00)


def _after_credit_hold(c: SimpleNamespace, inv: SimpleNamespace, pay: SimpleNamespace, loose: SimpleNamespace):
    """On credit hold the bankrupt customer is no longer invoiced, and it has stopped paying (after the
    acceptance a payment to one creditor would be void, Enterprise Bankruptcy Law art. 16). Drawn like the
    rest and left out here, so that every other customer's figures stay as they were."""
    issued = ~((inv.cust == c.bankrupt) & (inv.day >= c.hold_day))
    pay = _subset(pay, issued[pay.inv])
    pay.inv = (np.cumsum(issued) - 1)[pay.inv]
    loose = _subset(loose, ~((loose.cust == c.bankrupt) & (loose.day >= c.stop_day[c.bankrupt])))
    return _subset(inv, issued), pay, loose


def _subset(arrays: SimpleNamespace, keep: np.ndarray) -> SimpleNamespace:
    return SimpleNamespace(**{k: v[keep] for k, v in vars(arrays).items()})


def _frames(c, inv, pay, loose, end_day, id_width: int) -> dict[str, pd.DataFrame]:
    """The three tables, with the old debt near its limitation date and a signed balance confirmation."""
    inv_ids = np.char.add("INV-", np.char.zfill(np.arange(1, len(inv.cust) + 1).astype(str), id_width))
    invoices_df = pd.DataFrame({
        "customer": c.names[inv.cust], "invoice_id": inv_ids,
        "invoice_date": inv.day.astype("datetime64[D]"), "due_date": inv.due.astype("datetime64[D]"),
        "amount": inv.cents / 100, "terms_days": c.terms[inv.cust],
        "salesperson": c.sales_rep[inv.cust], "region": c.regions[inv.cust],
    })
    n_loose = len(loose.cust)
    payments_df = pd.DataFrame({
        "invoice_id": np.concatenate([inv_ids[pay.inv], np.full(n_loose, None, dtype=object)]),
        "customer": np.concatenate([c.names[inv.cust[pay.inv]], c.names[loose.cust]]),
        "payment_date": np.concatenate([pay.day, loose.day]).astype("datetime64[D]"),
        "amount": np.concatenate([pay.cents, loose.cents]) / 100,
        "kind": np.concatenate([pay.kind, np.array(["payment"] * n_loose, dtype=object)]),
    }).sort_values(["payment_date", "customer"], kind="stable").reset_index(drop=True)

    # an old debt, close to its limitation date: invoiced 35 months before the end, never paid
    old_c = c.order[5]
    old_day = (end_day - np.timedelta64(35 * 30, "D")).astype("datetime64[D]")
    old = pd.DataFrame({"customer": [c.names[old_c]], "invoice_id": ["INV-OLD-0001"], "invoice_date": [old_day],
                        "due_date": [old_day + np.timedelta64(int(c.terms[old_c]), "D")], "amount": [36_800.00],
                        "terms_days": [c.terms[old_c]], "salesperson": [c.sales_rep[old_c]],
                        "region": [c.regions[old_c]]})
    invoices_df = pd.concat([old, invoices_df], ignore_index=True)

    customers_df = pd.DataFrame({
        "customer": list(c.names), "region": c.regions, "salesperson": c.sales_rep, "status": c.status,
        "disputed": np.isin(np.arange(c.n), c.disputed),
        "cooperative": np.where(c.kind == "late", False, True),
        "broken_promise": np.isin(np.arange(c.n), c.broken),
        "credit_limit": np.rint(c.size * 200_000 / 10_000) * 10_000,
        "last_demand_date": pd.Series(pd.NaT, index=range(c.n), dtype="datetime64[s]"),
        "last_acknowledgement_date": pd.Series(pd.NaT, index=range(c.n), dtype="datetime64[s]"),
        "status_date": c.status_day.astype("datetime64[s]"),
    })
    customers_df.loc[c.distressed, "cooperative"] = False
    customers_df["cooperative"] = customers_df["cooperative"].astype(bool)
    ack = c.order[6]   # a customer who signed a balance confirmation two months ago
    customers_df.loc[ack, "last_acknowledgement_date"] = pd.Timestamp(end_day - np.timedelta64(60, "D"))
    return {"invoices": invoices_df, "payments": payments_df, "customers": customers_df}


def sample_ledger(seed: int = 7, customers: int | None = None, months: int | None = None, end="2026-10-31",
                  invoices: int | None = None, growth: float | None = None, late_share: float | None = None,
                  scenario: str | None = None) -> Ledger:
    """A deterministic sample ledger of a distributor.

    Parameters
    ----------
    seed : int
        The same seed and arguments always give the same ledger.
    customers : int, optional
        Number of customers (7 to 20,000); default 60, or the scenario's.
    months : int, optional
        Months of trading, ending with the month of ``end``; default 24, or the scenario's.
    end : date-like
        The last day of trading; no invoice or receipt is dated after it.
    invoices : int, optional
        Number of invoices drawn (default about 2.2 per customer per month); those the bankrupt
        customer would have received after it was put on credit hold, three months after its last
        payment and before its bankruptcy (``status_date``), are then left out.
    growth : float
        Monthly growth of sales (0.02 = 2% a month).
    late_share : float
        Share of customers who habitually pay late.
    scenario : str, optional
        A named set of the parameters above, one per notebook topic: see :data:`SCENARIOS`.
        Arguments given explicitly override the scenario's values.
    """
    t = sample_tables(seed, customers, months, end, invoices, growth, late_share, scenario)
    return Ledger(t["invoices"], t["payments"], t["customers"])


def sample_path():
    """The folder of the small sample ledger shipped with the package.

    ``coursekit/data/sample/`` holds ``invoices.csv``, ``payments.csv`` and
    ``customers.csv`` with Chinese column names, as a Chinese ERP would export them:
    ``ck.load_ledger(ck.sample.sample_path())`` reads it.
    """
    return resources.files("coursekit").joinpath("data/sample")
