"""The `Ledger` build (every validation check) on ~1,000,000 invoices and ~1,030,000 receipts.

Run: .venv/bin/python benchmarks/bench_ledger.py [--invoices N] [--repeat K]

Two figures, because Python caches a string's hash on the string itself:
- best of K builds on the same sample tables (the figure issue 15 set its goal on: under 1.5 s);
- builds on fresh copies of the tables (unpickled, so no string has been hashed yet), closer to
  a ledger built once from frames just read from files.
A small ledger is built first so that pandas' lazy imports are not counted.
"""
import argparse
import pickle
import time

import coursekit as ck
from coursekit.sample import sample_tables

GOAL_S = 1.5


def build(tables) -> tuple[float, ck.Ledger]:
    t = time.perf_counter()
    ledger = ck.Ledger(tables["invoices"], tables["payments"], tables["customers"])
    return time.perf_counter() - t, ledger


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--invoices", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()

    build(sample_tables(seed=1, customers=50, months=24, invoices=5_000))
    t = time.perf_counter()
    tables = sample_tables(seed=1, customers=2000, months=24, invoices=a.invoices)
    made = time.perf_counter() - t
    frozen = pickle.dumps(tables)
    fresh = []
    for _ in range(a.repeat):
        copy = pickle.loads(frozen)
        fresh.append(build(copy)[0])
        del copy
    same = [build(tables)[0] for _ in range(a.repeat)]
    _, ledger = build(tables)
    print(f"sample: {len(ledger.invoices):,} invoices, {len(ledger.payments):,} payments, "
          f"{len(ledger._customers):,} customers; generated in {made:.2f} s")
    print(f"Ledger build, same tables (best of {a.repeat}):   {min(same):.2f} s   "
          f"(goal under {GOAL_S} s: {'met' if min(same) < GOAL_S else 'NOT met'})")
    print(f"Ledger build, fresh copies:               {', '.join(f'{x:.2f}' for x in fresh)} s")


if __name__ == "__main__":
    main()
