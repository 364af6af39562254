"""Tables out: Chinese or English headers, and CSV / JSON / Excel files written safely.

Every file coursekit writes goes through :func:`safe_output`: it is written to a
temporary file in the same folder and renamed over the target only when complete,
so a crash never leaves half a file, and :func:`check_output` refuses a target that
is one of the inputs. Text cells that a spreadsheet would run as a formula (a
customer named ``=1+1``, ``+86…``, ``@SUM(…)``) are written as text
(:func:`defuse`), and money is rounded to the cent.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["HEADERS_ZH", "with_headers", "write_table", "safe_output", "check_output", "defuse", "OutputError"]

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
    "disputed": "有争议",
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class OutputError(ValueError):
    """The output path would destroy an input, or cannot be written."""


def defuse(value):
    """A text value that a spreadsheet would read as a formula, made inert with a leading apostrophe.

    >>> defuse("=1+1"), defuse("杭州恒远"), defuse(-5)
    ("'=1+1", '杭州恒远', -5)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _defused(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if s.dtype == object or pd.api.types.is_string_dtype(s):
            text = s.astype("string")
            risky = text.str.startswith(_FORMULA_START).fillna(False).to_numpy()
            if risky.any():
                out[col] = s.astype(object).where(~risky, "'" + text.astype(object))
    return out


def _cents(df: pd.DataFrame) -> pd.DataFrame:
    """Floats rounded to the cent, so a total reads 4936.32, not 4936.320000000001."""
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].round(2)
    return out


def check_output(output: str | Path, inputs: list[str | Path]) -> Path:
    """Refuse an output that is an input, or lies inside an input folder; return it resolved."""
    out = Path(output).expanduser().resolve()
    for given in inputs:
        src = Path(given).expanduser().resolve()
        if out == src or (src.is_dir() and src in out.parents):
            raise OutputError(f"the output {output} would overwrite the input {given}; choose another file name "
                              "(nothing was written)")
        if src.exists() and out.exists() and os.path.samefile(out, src):
            raise OutputError(f"the output {output} is the same file as the input {given}; nothing was written")
    if out.exists() and out.is_dir():
        raise OutputError(f"the output {output} is a folder; give a file name")
    if not out.parent.exists():
        raise OutputError(f"the folder {out.parent} does not exist; create it or choose another place")
    return out


@contextlib.contextmanager
def safe_output(path: str | Path, suffix: str | None = None):
    """Yield a temporary path next to ``path``; rename it over ``path`` only if the block succeeds."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix or path.suffix or ".tmp", dir=path.parent or ".")
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.replace(tmp_path, path)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def with_headers(df: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """A copy of ``df`` with Chinese column names (``lang="zh"``) or as it is (``"en"``)."""
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    out = df.reset_index() if df.index.name else df.copy()
    out = out.drop(columns=[c for c in out.columns if str(c).startswith("_")])
    if "techniques" in out:
        out["techniques"] = out["techniques"].map(lambda ids: ", ".join(map(str, ids)) if isinstance(ids, (list, tuple, np.ndarray)) else ids)
    return out.rename(columns=HEADERS_ZH) if lang == "zh" else out


def write_table(df: pd.DataFrame, path: str | Path, fmt: str | None = None, lang: str = "zh",
                sheet: str = "table") -> Path:
    """Write ``df`` to ``path`` as CSV (UTF-8 with BOM, so Excel shows Chinese), JSON or XLSX, safely."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    out = _cents(with_headers(df, lang))
    if fmt == "csv":
        with safe_output(path) as tmp:
            _defused(out).to_csv(tmp, index=False, encoding="utf-8-sig")
    elif fmt == "json":
        with safe_output(path) as tmp:
            out.to_json(tmp, orient="records", force_ascii=False, date_format="iso", indent=2)
    elif fmt == "xlsx":
        from .xlsx import write_tables  # streamed; text stays text, frozen header, widths set

        write_tables(path, {sheet: out})
    else:
        raise ValueError(f"unknown format {fmt!r}; use csv, json or xlsx")
    return path
