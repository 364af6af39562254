"""Blank templates learners use the next day, generated from the code so they never drift.

``write_templates(folder)`` writes, in Chinese and English:

* ``collection-plan-<lang>.xlsx`` — the collection table (债务催收表), with the columns
  of :func:`coursekit.collection_plan` and one example row from the sample ledger;
* ``aging-record-<lang>.xlsx`` — the aging record table (账龄记录表), with the columns of
  :func:`coursekit.open_items`, an example row and a per-customer summary sheet;
* ``credit-investigation-<lang>.xlsx`` — a customer credit-investigation form
  (客户资信调查表) ending in the 5C scores;
* the letters in ``coursekit/data/letters/``: a polite reminder, a formal demand letter
  and a balance confirmation letter (对账函), as UTF-8 text any editor opens.
"""
from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pandas as pd

from .export import with_headers

__all__ = ["write_templates", "TEMPLATES"]

AS_OF = "2026-10-31"
LETTERS = ("reminder", "demand-letter", "balance-confirmation")

CREDIT_FORM = {
    "zh": [
        ("基本信息", ["企业全称", "统一社会信用代码", "成立日期", "注册资本", "法定代表人", "实际控制人", "注册地址与实际经营地址",
                  "主营业务", "员工人数", "联系人及职务", "国家企业信用信息公示系统查询日期与结果"]),
        ("经营状况", ["近两年销售额", "主要客户与供应商", "行业地位与竞争", "经营场所（自有/租赁）", "近期重大变化（股东、地址、负责人）"]),
        ("财务状况", ["流动比率", "速动比率", "资产负债率", "利息保障倍数", "经营活动现金流量净额", "报表来源（审计/自报）"]),
        ("信用记录", ["与我司交易年限", "历史平均付款天数", "最长逾期天数", "承诺未兑现次数", "涉诉与被执行记录（查询日期）",
                  "其他供应商评价（来源）"]),
        ("担保与增信", ["可提供的担保方式（保证/抵押/质押/定金）", "担保人名称与资信", "抵押/质押物及登记情况"]),
        ("5C 评分（0-100）", ["品格 Character", "能力 Capacity", "资本 Capital", "担保 Collateral", "条件 Conditions",
                          "建议信用等级", "建议信用额度与账期", "调查人 / 日期", "审批人 / 日期"]),
    ],
    "en": [
        ("Basic information", ["Full registered name", "Unified social credit code", "Date of establishment", "Registered capital",
                               "Legal representative", "Actual controller", "Registered and operating addresses",
                               "Main business", "Employees", "Contact person and title",
                               "National enterprise credit information system: date checked and result"]),
        ("Business", ["Sales in the last two years", "Main customers and suppliers", "Market position and competition",
                      "Premises (owned / leased)", "Recent major changes (shareholders, address, managers)"]),
        ("Finances", ["Current ratio", "Quick ratio", "Debt-to-asset ratio", "Interest cover",
                      "Net operating cash flow", "Source of statements (audited / self-reported)"]),
        ("Credit record", ["Years trading with us", "Average days to pay", "Longest delay (days)", "Broken promises to pay",
                           "Lawsuits and enforcement records (date checked)", "Other suppliers' views (source)"]),
        ("Security", ["Security offered (surety / mortgage / pledge / deposit)", "Guarantor and its standing",
                      "Mortgaged or pledged assets and registration"]),
        ("5C scores (0-100)", ["Character", "Capacity", "Capital", "Collateral", "Conditions", "Proposed credit grade",
                               "Proposed credit limit and terms", "Investigated by / date", "Approved by / date"]),
    ],
}
SHEETS = {"zh": {"plan": "债务催收表", "items": "账龄记录表", "summary": "按客户汇总", "credit": "客户资信调查表"},
          "en": {"plan": "Collection plan", "items": "Aging record", "summary": "By customer", "credit": "Credit investigation"}}

#: Every file write_templates produces, by language.
TEMPLATES = {lang: [f"collection-plan-{lang}.xlsx", f"aging-record-{lang}.xlsx", f"credit-investigation-{lang}.xlsx"]
             + [f"{name}-{lang}.txt" for name in LETTERS] for lang in ("zh", "en")}


def _example_row(df: pd.DataFrame) -> pd.DataFrame:
    return df.head(1) if len(df) else df


def _write_sheet(xw, df: pd.DataFrame, name: str) -> None:
    df.to_excel(xw, sheet_name=name, index=False)
    ws = xw.sheets[name]
    ws.freeze_panes = "A2"
    for col in ws.columns:
        width = max(len(str(c.value or "")) for c in col)
        ws.column_dimensions[col[0].column_letter].width = min(max(12, width * 1.7), 48)


def write_templates(folder: str | Path) -> list[Path]:
    """Write every template into ``folder``; return the paths written."""
    import coursekit as ck

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    ledger = ck.load_ledger(ck.sample.sample_path())
    written = []
    for lang in ("zh", "en"):
        s = SHEETS[lang]
        plan = with_headers(_example_row(ck.collection_plan(ledger, AS_OF, lang=lang)), lang)
        path = folder / f"collection-plan-{lang}.xlsx"
        with pd.ExcelWriter(path) as xw:
            _write_sheet(xw, plan, s["plan"])
        written.append(path)

        items = ck.open_items(ledger, AS_OF)
        path = folder / f"aging-record-{lang}.xlsx"
        with pd.ExcelWriter(path) as xw:
            _write_sheet(xw, with_headers(_example_row(items), lang), s["items"])
            _write_sheet(xw, with_headers(_example_row(ck.aging(ledger, AS_OF)), lang), s["summary"])
        written.append(path)

        rows = [(section, field, "") for section, fields in CREDIT_FORM[lang] for field in fields]
        cols = ["部分", "项目", "内容 / 证据来源"] if lang == "zh" else ["Section", "Item", "Finding / source of evidence"]
        path = folder / f"credit-investigation-{lang}.xlsx"
        with pd.ExcelWriter(path) as xw:
            _write_sheet(xw, pd.DataFrame(rows, columns=cols), s["credit"])
        written.append(path)

        for name in LETTERS:
            src = resources.files("coursekit").joinpath(f"data/letters/{name}-{lang}.txt")
            dest = folder / f"{name}-{lang}.txt"
            with resources.as_file(src) as real:
                shutil.copyfile(real, dest)
            written.append(dest)
    return written
