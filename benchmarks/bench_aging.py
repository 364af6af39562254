"""Open items + aging as of a date on ~1,000,000 invoices and ~1,000,000 payments,
side by side with the same computation as one DuckDB SQL query on the same data.

Run: .venv/bin/python benchmarks/bench_aging.py [--invoices N] [--repeat K]
Prints the best of K runs for each, their ratio, and peak memory (RSS).
"""
import argparse
import resource
import time

import numpy as np

import coursekit as ck

SQL = """
WITH paid AS (
    SELECT invoice_id, SUM(amount_cents) AS cents FROM pay
    WHERE invoice_id IS NOT NULL AND payment_date <= DATE '{as_of}' GROUP BY invoice_id
), items AS (
    SELECT i.customer, i.amount_cents - COALESCE(p.cents, 0) AS balance,
           DATE '{as_of}' - i.due_date AS days_overdue
    FROM inv i LEFT JOIN paid p USING (invoice_id)
    WHERE i.invoice_date <= DATE '{as_of}'
)
SELECT customer,
  SUM(CASE WHEN days_overdue <= 0 THEN balance ELSE 0 END) AS "current",
  SUM(CASE WHEN days_overdue BETWEEN 1 AND 30 THEN balance ELSE 0 END) AS "1-30",
  SUM(CASE WHEN days_overdue BETWEEN 31 AND 60 THEN balance ELSE 0 END) AS "31-60",
  SUM(CASE WHEN days_overdue BETWEEN 61 AND 90 THEN balance ELSE 0 END) AS "61-90",
  SUM(CASE WHEN days_overdue > 90 THEN balance ELSE 0 END) AS "91+"
FROM items WHERE balance > 0 GROUP BY customer
"""


def duckdb_tables(ledger):
    """A DuckDB connection holding the ledger as tables ``inv`` and ``pay`` (amounts in integer cents)."""
    import duckdb

    con = duckdb.connect()
    inv = ledger.invoices[["customer", "invoice_id", "invoice_date", "due_date"]].assign(amount_cents=ledger._inv_cents)
    pay = ledger.payments[["invoice_id", "payment_date"]].assign(amount_cents=ledger._pay_cents)
    con.register("inv_df", inv)
    con.register("pay_df", pay)
    con.execute("CREATE TABLE inv AS SELECT customer, invoice_id, CAST(invoice_date AS DATE) AS invoice_date, "
                "CAST(due_date AS DATE) AS due_date, amount_cents FROM inv_df")
    con.execute("CREATE TABLE pay AS SELECT invoice_id, CAST(payment_date AS DATE) AS payment_date, amount_cents FROM pay_df")
    return con


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--invoices", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--as-of", default="2026-06-30")
    a = ap.parse_args()

    t = time.perf_counter()
    ledger = ck.sample_ledger(seed=1, customers=2000, months=24, invoices=a.invoices)
    build = time.perf_counter() - t
    print(f"sample ledger: {len(ledger.invoices):,} invoices, {len(ledger.payments):,} payments, "
          f"generated and validated in {build:.2f} s")

    def coursekit_run():
        items = ck.open_items(ledger, a.as_of)
        table = ck.aging(ledger, a.as_of)
        return items, table

    ck_time, (items, table) = best(coursekit_run, a.repeat)

    import duckdb

    con = duckdb_tables(ledger)
    sql = SQL.format(as_of=a.as_of)
    db_time, db = best(lambda: con.execute(sql).df(), a.repeat)

    # same answer?
    db = db.set_index("customer").sort_index()
    ours = table.drop(columns=["unapplied", "total"]).sort_index()
    ours = ours[(ours != 0).any(axis=1)]
    assert np.array_equal(np.rint(ours.to_numpy() * 100).astype(np.int64),
                          db.loc[ours.index, ours.columns].to_numpy().astype(np.int64)), "results differ"
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"open items + aging (coursekit): {ck_time * 1000:7.0f} ms  ({len(items):,} open items)")
    print(f"same as one DuckDB SQL query:   {db_time * 1000:7.0f} ms  (duckdb {duckdb.__version__})")
    print(f"ratio coursekit / DuckDB:        {ck_time / db_time:7.2f}x")
    print(f"peak memory (RSS, whole run):    {rss:7.0f} MiB")


if __name__ == "__main__":
    main()
