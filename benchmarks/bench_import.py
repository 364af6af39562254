"""Reading a real-export shape against reading today's invoices + payments form, on the same invoices.

Writes the sample ledger of N invoices twice, as a folder (invoices.csv + payments.csv) and as one
open-item export with Chinese headers, a title block, 已收金额 / 未收金额 / 收款日期 on each invoice row
and a 合计 row, then times load_ledger on each (best of K). The goal (issue 10): the export within 2x.

Run: .venv/bin/python benchmarks/bench_import.py [--invoices N] [--repeat K]
"""
import argparse
import resource
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from bench_aging import best

import coursekit as ck

# best: the same best-of-K timer as bench_aging (benchmarks/ is on the path when run as a script)


def write_both(ledger, folder: Path) -> tuple[Path, Path]:
    inv, pay = ledger.invoices, ledger.payments
    plain = folder / "plain"
    plain.mkdir()
    inv.drop(columns=["_row", "disputed"]).to_csv(plain / "invoices.csv", index=False)
    pay.drop(columns=["_row"]).to_csv(plain / "payments.csv", index=False)
    applied = pay[pay["invoice_id"].notna()].groupby("invoice_id").agg(received=("amount", "sum"),
                                                                          last=("payment_date", "max"))
    rec = applied.reindex(inv["invoice_id"])
    received = rec["received"].fillna(0).to_numpy()
    received = np.minimum(received, inv["amount"].to_numpy())
    settled = rec["last"].where(received > 0)
    export = pd.DataFrame({
        "客户名称": inv["customer"], "发票号": inv["invoice_id"], "开票日期": inv["invoice_date"].dt.strftime("%Y-%m-%d"),
        "到期日": inv["due_date"].dt.strftime("%Y-%m-%d"), "价税合计": inv["amount"].round(2),
        "已收金额": received.round(2), "未收金额": (inv["amount"].to_numpy() - received).round(2),
        "收款日期": settled.dt.strftime("%Y-%m-%d").to_numpy(),
    })
    path = folder / "export.csv"
    with open(path, "w", encoding="utf-8-sig") as f:
        f.write("应收账款明细表\n编制单位：示例公司,,,日期：2026-10-31\n单位：元\n")
        export.to_csv(f, index=False)
        total = export[["价税合计", "已收金额", "未收金额"]].sum().round(2)
        f.write(f"合计,,,,{total.iloc[0]},{total.iloc[1]},{total.iloc[2]},\n")
    return plain, path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--invoices", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    ledger = ck.sample_ledger(seed=1, customers=2000, months=24, invoices=a.invoices)
    with tempfile.TemporaryDirectory() as tmp:
        plain, export = write_both(ledger, Path(tmp))
        t_plain, l1 = best(lambda: ck.load_ledger(plain), a.repeat)
        t_export, l2 = best(lambda: ck.load_ledger(export), a.repeat)
    print(f"invoices + payments form: {len(l1.invoices):,} invoices, {len(l1.payments):,} payments in {t_plain:.2f} s")
    print(f"open-item export:         {len(l2.invoices):,} invoices, {len(l2.payments):,} derived receipts in "
          f"{t_export:.2f} s")
    print(f"ratio export / plain: {t_export / t_plain:.2f} (goal: at most 2.0)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
