"""Tables out: Chinese or English headers, and CSV / JSON / Excel files."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["HEADERS_ZH", "with_headers", "write_table"]

HEADERS_ZH = {
    "customer": "客户", "invoice_id": "发票号", "invoice_date": "开票日期", "due_date": "到期日", "amount": "金额",
    "paid": "已收", "outstanding": "未收金额", "days_overdue": "逾期天数", "age_days": "账龄天数", "bucket": "账龄段",
    "risk_grade": "风险等级", "salesperson": "业务员", "region": "区域", "current": "未到期", "unapplied": "未核销收款",
    "total": "合计", "grade": "风险等级", "grade_zh": "等级名称", "grade_en": "等级（英文）", "grade_name": "等级名称",
    "overdue": "逾期金额", "max_days_overdue": "最长逾期天数", "worst_invoice": "最久逾期发票",
    "limitation_expiry": "诉讼时效届满日", "reason_zh": "原因", "reason_en": "原因（英文）", "reason": "原因",
    "priority": "优先级", "approach": "方式", "next_action": "下一步", "techniques": "对应技巧",
    "follow_up": "跟进日期", "expected_recovery": "预计可收回", "weighted_days": "加权逾期天数", "quadrant": "象限", "label": "象限说明", "deadline": "有法定期限", "days_to_limitation": "距时效届满天数", "metric": "指标", "value": "数值",
    "runs_from": "时效起算日", "cause": "起算原因", "expiry": "时效届满日", "days_left": "剩余天数",
}


def with_headers(df: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """A copy of ``df`` with Chinese column names (``lang="zh"``) or as it is (``"en"``)."""
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    out = df.reset_index() if df.index.name else df.copy()
    if "techniques" in out:
        out["techniques"] = out["techniques"].map(lambda ids: ", ".join(map(str, ids)))
    return out.rename(columns=HEADERS_ZH) if lang == "zh" else out


def write_table(df: pd.DataFrame, path: str | Path, fmt: str | None = None, lang: str = "zh",
                sheet: str = "table") -> Path:
    """Write ``df`` to ``path`` as CSV (UTF-8 with BOM, so Excel shows Chinese), JSON or XLSX."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    out = with_headers(df, lang)
    if fmt == "csv":
        out.to_csv(path, index=False, encoding="utf-8-sig")
    elif fmt == "json":
        out.to_json(path, orient="records", force_ascii=False, date_format="iso", indent=2)
    elif fmt == "xlsx":
        with pd.ExcelWriter(path) as xw:
            out.to_excel(xw, sheet_name=sheet, index=False)
            ws = xw.sheets[sheet]
            for i, col in enumerate(out.columns, start=1):
                width = max([len(str(col)) * 2] + [len(str(v)) for v in out[col].head(200)]) + 2
                ws.column_dimensions[ws.cell(1, i).column_letter].width = min(width, 60)
            ws.freeze_panes = "A2"
    else:
        raise ValueError(f"unknown format {fmt!r}; use csv, json or xlsx")
    return path
