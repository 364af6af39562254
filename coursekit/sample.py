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

    # -- customers ------------------------------------------------------------------------
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
    regions = np.array(regions)
    sales_rep = np.array([_SALES[r][i % len(_SALES[r])] for i, r in enumerate(regions)])
    terms = rng.choice([30, 60, 90], size=customers, p=[0.45, 0.35, 0.2])
    size = rng.lognormal(0, 0.8, customers)
    kind = rng.choice(["prompt", "slow", "late"], size=customers, p=[1 - late_share - 0.3, 0.3, late_share])
    mean_delay = np.select([kind == "prompt", kind == "slow"], [rng.uniform(-3, 5, customers), rng.uniform(10, 35, customers)],
                           rng.uniform(45, 130, customers))
    status = np.array(["active"] * customers, dtype=object)
    stop_day = np.full(customers, np.iinfo(np.int64).max)   # from this day on the customer pays nothing
    order = rng.permutation(customers)
    bankrupt, distressed = order[0], order[1]
    disputed_ids, broken_ids = order[2:4], order[4:5]
    status[bankrupt], status[distressed] = "bankrupt", "distressed"
    stop_day[bankrupt] = (end_day - np.timedelta64(int(months * 0.5 * 30), "D")).astype(np.int64)
    stop_day[distressed] = (end_day - np.timedelta64(200, "D")).astype(np.int64)
    stop_day[broken_ids] = (end_day - np.timedelta64(120, "D")).astype(np.int64)
    # the day each status took effect. The bankrupt customer stops paying halfway through, the seller puts it
    # on credit hold three months later (no invoice from then on), and the court accepts its bankruptcy six
    # weeks before the end, so that on the end date the claim period (art. 45) is still running. The
    # distressed customer's difficulties begin when its payments stop.
    status_day = np.full(customers, np.datetime64("NaT"), dtype="datetime64[D]")
    bankrupt_day = max(int(stop_day[bankrupt]), int(end_day.astype(np.int64)) - 45)
    hold_day = min(int(stop_day[bankrupt]) + 90, bankrupt_day)
    status_day[bankrupt] = np.datetime64(bankrupt_day, "D")
    status_day[distressed] = np.datetime64(int(stop_day[distressed]), "D")

    # -- invoices -------------------------------------------------------------------------
    month_starts = pd.date_range(end=pd.Timestamp(end_day).to_period("M").start_time, periods=months, freq="MS")
    n_inv = invoices if invoices is not None else int(round(customers * months * 2.2))
    cust = rng.choice(customers, size=n_inv, p=size / size.sum())
    month = rng.choice(months, size=n_inv, p=_month_weights(month_starts, growth))
    start_day = month_starts.to_numpy().astype("datetime64[D]").astype(np.int64)
    month_len = np.append(np.diff(start_day), end_day.astype(np.int64) - start_day[-1] + 1)
    inv_day = start_day[month] + (rng.random(n_inv) * month_len[month]).astype(np.int64)
    inv_day = np.minimum(inv_day, end_day.astype(np.int64))
    sort = np.lexsort((cust, inv_day))
    cust, inv_day = cust[sort], inv_day[sort]
    due_day = inv_day + terms[cust]
    amount_cents = np.rint(rng.lognormal(np.log(18_000), 0.9, n_inv) * np.sqrt(size[cust]) * 100).astype(np.int64)
    amount_cents = np.maximum(amount_cents, 50_000)  # at least ¥500

    # -- payments -------------------------------------------------------------------------
    delay = mean_delay[cust] + rng.normal(0, 6, n_inv)
    due_month = (due_day.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) % 12) + 1
    delay = delay + np.where(np.isin(due_month, [1, 2]), 12, 0)           # Spring Festival slowdown
    pay_day = np.maximum(due_day + np.rint(delay).astype(np.int64), inv_day + 1)
    paid = pay_day < stop_day[cust]
    disputed_inv = np.zeros(n_inv, dtype=bool)
    for c in disputed_ids:   # one invoice under dispute per disputed customer, left unpaid
        rows = np.flatnonzero((cust == c) & (due_day < end_day.astype(np.int64) - 60))
        if len(rows):
            disputed_inv[rows[-1]] = True
    paid &= ~disputed_inv
    split = paid & (rng.random(n_inv) < 0.15)
    first_share = rng.uniform(0.3, 0.7, n_inv)
    first_cents = np.where(split, np.rint(amount_cents * first_share).astype(np.int64), amount_cents)
    first_day = np.where(split, np.maximum(pay_day - rng.integers(10, 40, n_inv), inv_day + 1), pay_day)
    # credit notes: 2% of invoices get a 2-10% allowance a week or two after the invoice
    credit = rng.random(n_inv) < 0.02
    credit_cents = np.rint(amount_cents * rng.uniform(0.02, 0.10, n_inv)).astype(np.int64)
    credit_day = inv_day + rng.integers(5, 15, n_inv)
    first_cents = np.where(credit & ~split, first_cents - credit_cents, first_cents)
    second_cents = np.where(split, amount_cents - first_cents - np.where(credit, credit_cents, 0), 0)
    # one overpayment: the customer paid ¥100.00 too much on one invoice
    over = np.flatnonzero(paid & ~split & ~credit)
    if len(over):
        first_cents[over[len(over) // 2]] += 10_000

    pay_inv = np.concatenate([np.flatnonzero(paid), np.flatnonzero(split), np.flatnonzero(credit)])
    pay_dates = np.concatenate([first_day[paid], pay_day[split], credit_day[credit]])
    pay_cents = np.concatenate([first_cents[paid], second_cents[split], credit_cents[credit]])
    pay_kind = np.array(["payment"] * (paid.sum() + split.sum()) + ["credit_note"] * int(credit.sum()), dtype=object)
    keep = pay_dates <= end_day.astype(np.int64)
    pay_inv, pay_dates, pay_cents, pay_kind = pay_inv[keep], pay_dates[keep], pay_cents[keep], pay_kind[keep]

    # unapplied cash: a few round-sum receipts with no invoice reference
    n_loose = max(1, customers // 25)
    loose_cust = rng.choice(customers, size=n_loose, replace=False)
    loose_days = end_day.astype(np.int64) - rng.integers(3, 60, n_loose)
    loose_cents = rng.integers(1, 20, n_loose) * 1_000_00
    # on credit hold the customer is no longer invoiced, and it has stopped paying (after the acceptance a
    # payment to one creditor would be void, Enterprise Bankruptcy Law art. 16); drawn above, left out here,
    # so that every other customer's figures stay as they were
    issued = ~((cust == bankrupt) & (inv_day >= hold_day))
    on_issued = issued[pay_inv]
    pay_inv = (np.cumsum(issued) - 1)[pay_inv[on_issued]]
    pay_dates, pay_cents, pay_kind = pay_dates[on_issued], pay_cents[on_issued], pay_kind[on_issued]
    cust, inv_day, due_day, amount_cents = cust[issued], inv_day[issued], due_day[issued], amount_cents[issued]
    solvent = ~((loose_cust == bankrupt) & (loose_days >= stop_day[bankrupt]))   # it pays nothing after it stops
    loose_cust, loose_days, loose_cents = loose_cust[solvent], loose_days[solvent], loose_cents[solvent]
    n_loose = len(loose_cust)
    inv_ids = np.char.add("INV-", np.char.zfill(np.arange(1, len(cust) + 1).astype(str), max(6, len(str(n_inv)))))

    invoices_df = pd.DataFrame({
        "customer": np.array(names, dtype=object)[cust],
        "invoice_id": inv_ids,
        "invoice_date": inv_day.astype("datetime64[D]"),
        "due_date": due_day.astype("datetime64[D]"),
        "amount": amount_cents / 100,
        "terms_days": terms[cust],
        "salesperson": sales_rep[cust],
        "region": regions[cust],
    })
    payments_df = pd.DataFrame({
        "invoice_id": np.concatenate([inv_ids[pay_inv], np.full(n_loose, None, dtype=object)]),
        "customer": np.concatenate([np.array(names, dtype=object)[cust[pay_inv]], np.array(names, dtype=object)[loose_cust]]),
        "payment_date": np.concatenate([pay_dates, loose_days]).astype("datetime64[D]"),
        "amount": np.concatenate([pay_cents, loose_cents]) / 100,
        "kind": np.concatenate([pay_kind, np.array(["payment"] * n_loose, dtype=object)]),
    }).sort_values(["payment_date", "customer"], kind="stable").reset_index(drop=True)

    # an old debt, close to its limitation date: invoiced 35 months before the end, never paid
    old_c = order[5]
    old_day = (end_day - np.timedelta64(35 * 30, "D")).astype("datetime64[D]")
    old = pd.DataFrame({"customer": [names[old_c]], "invoice_id": ["INV-OLD-0001"], "invoice_date": [old_day],
                        "due_date": [old_day + np.timedelta64(int(terms[old_c]), "D")], "amount": [36_800.00],
                        "terms_days": [terms[old_c]], "salesperson": [sales_rep[old_c]], "region": [regions[old_c]]})
    invoices_df = pd.concat([old, invoices_df], ignore_index=True)

    customers_df = pd.DataFrame({
        "customer": names, "region": regions, "salesperson": sales_rep, "status": status,
        "disputed": np.isin(np.arange(customers), disputed_ids),
        "cooperative": np.where(kind == "late", False, True),
        "broken_promise": np.isin(np.arange(customers), broken_ids),
        "credit_limit": np.rint(size * 200_000 / 10_000) * 10_000,
        "last_demand_date": pd.Series(pd.NaT, index=range(customers), dtype="datetime64[s]"),
        "last_acknowledgement_date": pd.Series(pd.NaT, index=range(customers), dtype="datetime64[s]"),
        "status_date": status_day.astype("datetime64[s]"),
    })
    customers_df.loc[distressed, "cooperative"] = False
    customers_df["cooperative"] = customers_df["cooperative"].astype(bool)
    ack = order[6]   # a customer who signed a balance confirmation two months ago
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
