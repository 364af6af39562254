"""Time `coursekit report` on a 100,000-invoice ledger (target: under 10 s, HTML with charts).

Run: .venv/bin/python benchmarks/bench_report.py [--invoices N]
"""
import argparse
import tempfile
import time
from pathlib import Path

import coursekit as ck
from coursekit.report import write_report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--invoices", type=int, default=100_000)
    a = ap.parse_args()
    ledger = ck.sample_ledger(seed=3, customers=800, months=24, invoices=a.invoices)
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in ("html", "xlsx"):
            ledger.__dict__.pop("_coursekit_snapshots", None)   # cold: no as-of snapshot kept from the last run
            t = time.perf_counter()
            path = write_report(ledger, "2026-10-31", Path(tmp) / f"report.{suffix}")
            took = time.perf_counter() - t
            print(f"report.{suffix}: {len(ledger.invoices):,} invoices, {path.stat().st_size / 1024:,.0f} KiB in {took:.2f} s")


if __name__ == "__main__":
    main()
