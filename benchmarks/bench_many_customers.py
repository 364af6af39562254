"""`coursekit report` on 200,000 customers (issue 11): target under 30 s.

Times, on the synthetic ledger of many_customers.py (200,000 customers, 400,000 invoices):
building the Ledger from DataFrames, then write_report to HTML (first 1,000 rows of each
table, four charts) and to XLSX (every row), each cold. With --cli it also writes the
ledger as CSV files and times the whole command line, reading and validation included.

Run: .venv/bin/python benchmarks/bench_many_customers.py [--customers N] [--cli]
"""
import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import many_customers

import coursekit as ck
from coursekit.report import write_report

AS_OF = "2026-10-31"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--customers", type=int, default=200_000)
    ap.add_argument("--cli", action="store_true")
    a = ap.parse_args()
    tables = many_customers.tables(customers=a.customers)
    t = time.perf_counter()
    ledger = ck.Ledger(tables["invoices"], tables["payments"], tables["customers"])
    print(f"{ledger!r}: Ledger built in {time.perf_counter() - t:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in ("html", "xlsx"):
            ledger.__dict__.pop("_coursekit_snapshots", None)
            t = time.perf_counter()
            path = write_report(ledger, AS_OF, Path(tmp) / f"report.{suffix}")
            print(f"report.{suffix}: {time.perf_counter() - t:6.2f} s  ({path.stat().st_size / 2**20:.1f} MiB)")
        print(f"peak memory (RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
        if a.cli:
            folder = many_customers.write(Path(tmp) / "ledger", customers=a.customers)
            exe = str(Path(sys.executable).with_name("coursekit"))
            for args in (["aging", str(folder), "--as-of", AS_OF, "-o", str(Path(tmp) / "a.csv")],
                         ["report", str(folder), "--as-of", AS_OF, "-o", str(Path(tmp) / "r.html")],
                         ["report", str(folder), "--as-of", AS_OF, "-o", str(Path(tmp) / "r.xlsx")]):
                t = time.perf_counter()
                subprocess.run([exe, *args], check=True, capture_output=True)
                print(f"coursekit {args[0]} … {Path(args[-1]).name}: {time.perf_counter() - t:6.2f} s (reading the CSV files included)")


if __name__ == "__main__":
    main()
