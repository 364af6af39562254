"""Write the small sample ledger shipped in coursekit/data/sample/ (Chinese headers, UTF-8 with BOM)."""
from pathlib import Path

from coursekit.sample import sample_tables

OUT = Path(__file__).resolve().parent.parent / "coursekit" / "data" / "sample"
HEADERS = {
    "invoices": {"customer": "客户名称", "invoice_id": "发票号", "invoice_date": "开票日期", "due_date": "到期日",
                 "amount": "应收金额", "terms_days": "账期", "salesperson": "业务员", "region": "区域"},
    "payments": {"invoice_id": "发票号", "customer": "客户名称", "payment_date": "收款日期", "amount": "收款金额",
                 "kind": "类型"},
    "customers": {"customer": "客户名称", "region": "区域", "salesperson": "业务员", "status": "状态",
                  "disputed": "有争议", "cooperative": "是否配合", "broken_promise": "承诺未兑现",
                  "credit_limit": "信用额度", "last_demand_date": "最近催款日期",
                  "last_acknowledgement_date": "对账确认日期", "status_date": "状态日期"},
}
WORDS = {"status": {"active": "正常", "distressed": "经营困难", "bankrupt": "破产"},
         "kind": {"payment": "收款", "credit_note": "红冲"}}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    tables = sample_tables(seed=7, scenario="tour")
    for name, df in tables.items():
        df = df.copy()
        for col in df.columns:
            if col in WORDS:
                df[col] = df[col].map(WORDS[col])
            elif df[col].dtype == bool:
                df[col] = df[col].map({True: "是", False: "否"})
            elif str(df[col].dtype).startswith("datetime"):
                df[col] = df[col].dt.strftime("%Y-%m-%d")
        df.rename(columns=HEADERS[name]).to_csv(OUT / f"{name}.csv", index=False, encoding="utf-8-sig")


if __name__ == "__main__":
    main()
