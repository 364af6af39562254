"""A synthetic ledger with many customers and few invoices each (the shape of issue 11's
200,000-customer report), written as a folder of CSV files the CLI can read.

Run: .venv/bin/python benchmarks/many_customers.py OUT_DIR [--customers N]
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd


def tables(customers: int = 200_000, per_customer: int = 2, seed: int = 1, end: str = "2026-10-31") -> dict:
    rng = np.random.default_rng(seed)
    n = customers * per_customer
    names = np.array([f"客户{i:06d}" for i in range(customers)], dtype=object)
    cust = np.repeat(np.arange(customers), per_customer)
    end_day = np.datetime64(end, "D")
    inv_day = end_day - rng.integers(0, 900, n).astype("timedelta64[D]")
    terms = rng.choice([30, 60, 90], n)
    amount = np.round(rng.lognormal(9, 1, n), 2)
    invoices = pd.DataFrame({"customer": names[cust], "invoice_id": [f"INV-{i:08d}" for i in range(n)],
                             "invoice_date": inv_day, "due_date": inv_day + terms.astype("timedelta64[D]"),
                             "amount": amount})
    paid = rng.random(n) < 0.8
    lag = rng.integers(0, 200, n).astype("timedelta64[D]")
    pay_day = np.minimum(inv_day + terms.astype("timedelta64[D]") + lag - 20, end_day)
    pay_day = np.maximum(pay_day, inv_day)
    part = np.where(rng.random(n) < 0.1, np.round(amount * 0.5, 2), amount)
    payments = pd.DataFrame({"invoice_id": invoices["invoice_id"][paid].to_numpy(), "payment_date": pay_day[paid],
                             "amount": part[paid]})
    status = np.where(rng.random(customers) < 0.002, "bankrupt", "active")
    demand = np.where(rng.random(customers) < 0.05, end_day - rng.integers(0, 700, customers).astype("timedelta64[D]"),
                      np.datetime64("NaT"))
    customers_df = pd.DataFrame({"customer": names, "status": status, "disputed": rng.random(customers) < 0.01,
                                 "last_demand_date": demand})
    return {"invoices": invoices, "payments": payments, "customers": customers_df}


def write(folder: Path, **kw) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, df in tables(**kw).items():
        df.to_csv(folder / f"{name}.csv", index=False)
    return folder


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--customers", type=int, default=200_000)
    a = ap.parse_args()
    print(write(a.out, customers=a.customers))
