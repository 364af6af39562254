"""`coursekit report` on ~1,000,000 invoices: the Ledger build, the report's tables, the
HTML and Excel files, peak memory, and one DuckDB query computing the same aging, grade and
plan columns on the same data.

Run: .venv/bin/python benchmarks/bench_report_1m.py [--invoices N]
     /usr/bin/time -v .venv/bin/python benchmarks/bench_report_1m.py   # "Maximum resident set size"
Each report figure is a cold run: the ledger's as-of snapshots are dropped before it.
"""
import argparse
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
from bench_aging import duckdb_tables

import coursekit as ck
from coursekit.report import build_report, write_report

# Aging buckets, outstanding, overdue, worst days, grade by age and expected recovery per
# customer, sorted as the plan sorts the customers without a legal deadline.
SQL = """
WITH paid AS (
    SELECT invoice_id, SUM(amount_cents) AS cents FROM pay
    WHERE invoice_id IS NOT NULL AND payment_date <= DATE '{as_of}' GROUP BY invoice_id
), items AS (
    SELECT i.customer, i.amount_cents - COALESCE(p.cents, 0) AS balance, DATE '{as_of}' - i.due_date AS days
    FROM inv i LEFT JOIN paid p USING (invoice_id)
    WHERE i.invoice_date <= DATE '{as_of}'
), per AS (
    SELECT customer,
      SUM(CASE WHEN days <= 0 THEN balance ELSE 0 END) AS "current",
      SUM(CASE WHEN days BETWEEN 1 AND 30 THEN balance ELSE 0 END) AS "1-30",
      SUM(CASE WHEN days BETWEEN 31 AND 60 THEN balance ELSE 0 END) AS "31-60",
      SUM(CASE WHEN days BETWEEN 61 AND 90 THEN balance ELSE 0 END) AS "61-90",
      SUM(CASE WHEN days > 90 THEN balance ELSE 0 END) AS "91+",
      SUM(balance) AS outstanding, SUM(CASE WHEN days > 0 THEN balance ELSE 0 END) AS overdue,
      MAX(days) AS max_days_overdue,
      MIN(CASE WHEN days <= 0 THEN 5 WHEN days <= 90 THEN 4 WHEN days <= 180 THEN 3 WHEN days <= 365 THEN 2 ELSE 1 END)
        AS grade
    FROM items WHERE balance > 0 GROUP BY customer
)
SELECT *, overdue * CASE grade WHEN 5 THEN 1.0 WHEN 4 THEN 0.9 WHEN 3 THEN 0.7 WHEN 2 THEN 0.5 ELSE 0.2 END
          AS expected_recovery
FROM per ORDER BY expected_recovery DESC, outstanding DESC, customer
"""


def cold(ledger, fn):
    ledger.__dict__.pop("_coursekit_snapshots", None)
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--invoices", type=int, default=1_000_000)
    ap.add_argument("--as-of", default="2026-10-31")
    a = ap.parse_args()

    t = time.perf_counter()
    tables = ck.sample.sample_tables(seed=1, customers=2000, months=24, invoices=a.invoices)
    made = time.perf_counter() - t
    t = time.perf_counter()
    ledger = ck.Ledger(tables["invoices"], tables["payments"], tables["customers"])
    built = time.perf_counter() - t
    print(f"sample: {len(ledger.invoices):,} invoices, {len(ledger.payments):,} payments, "
          f"{len(ledger._customers):,} customers; generated in {made:.2f} s, Ledger built in {built:.2f} s")

    t_tables, report = cold(ledger, lambda: build_report(ledger, a.as_of, charts=False))
    with tempfile.TemporaryDirectory() as tmp:
        t_html, html = cold(ledger, lambda: write_report(ledger, a.as_of, Path(tmp) / "r.html"))
        t_xlsx, xlsx = cold(ledger, lambda: write_report(ledger, a.as_of, Path(tmp) / "r.xlsx"))
        sizes = html.stat().st_size / 2**20, xlsx.stat().st_size / 2**20

    import duckdb

    con = duckdb_tables(ledger)
    sql = SQL.format(as_of=a.as_of)
    times = []
    for _ in range(3):
        t = time.perf_counter()
        db = con.execute(sql).df()
        times.append(time.perf_counter() - t)
    t_db = min(times)

    # the same numbers: aging buckets to the cent, and each customer's worst days overdue
    db = db.set_index("customer").sort_index()
    aging = report.tables["aging"].drop(columns=["unapplied", "total"]).sort_index()
    aging = aging[(aging != 0).any(axis=1)]
    assert np.array_equal(np.rint(aging.to_numpy() * 100).astype(np.int64),
                          db.loc[aging.index, aging.columns].to_numpy().astype(np.int64)), "aging differs"
    grades = report.tables["grades"]
    assert (grades["max_days_overdue"] == db.loc[grades.index, "max_days_overdue"]).all(), "days overdue differ"
    assert (grades["grade"] <= db.loc[grades.index, "grade"]).all(), "an override never improves a grade"

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"report tables (aging, DSO, grades, plan, deadlines): {t_tables:6.2f} s")
    print(f"report.html with four charts:                        {t_html:6.2f} s  ({sizes[0]:.1f} MiB)")
    print(f"report.xlsx, every row:                              {t_xlsx:6.2f} s  ({sizes[1]:.1f} MiB)")
    print(f"one DuckDB query, same aging/grade/plan columns:     {t_db:6.2f} s  (duckdb {duckdb.__version__}, best of 3)")
    print(f"ratio report tables / DuckDB:                        {t_tables / t_db:6.1f}x")
    print(f"peak memory (RSS, whole run incl. DuckDB):           {rss:6.0f} MiB")


if __name__ == "__main__":
    main()
