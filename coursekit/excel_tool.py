"""The Excel tool (账龄分析表格): aging, grades and a collection plan as live spreadsheet formulas.

``write_excel_tool(path)`` writes an ``.xlsx`` for learners who work in Excel or WPS and
will never open Python. Every number in it is a formula, so pasting their own invoices
into the ledger sheet updates everything. The sheets (Chinese / English names):

* ``台账`` / ``Ledger``: the paste area, one row per invoice (customer, invoice id,
  invoice date, due date, amount, received to the as-of date, last receipt date), the
  as-of date in cell ``B2``, and grey computed columns: open amount, credit, days overdue,
  bucket, limitation start, expiry and days left;
* ``账龄`` / ``Aging``: the customer list (text, with spare rows) and per customer the
  buckets current, 1-30, 31-60, 61-90, 91+ (due today is current, edges inclusive), the
  credit (unapplied cash and overpayments), totals, shares and a bar chart;
* ``分级`` / ``Grades``: the five-level grade per customer and the earliest limitation
  expiry with the days left;
* ``计划`` / ``Plan``: customers in the order of :func:`coursekit.collection_plan`, with
  文收/武收 and the technique numbers;
* ``设置`` / ``Settings``: bucket edges, grade thresholds, limitation years, plan
  weights and follow-up days, and the action table, all editable;
* ``说明`` / ``Read me``: what each sheet does, and where the tool and coursekit differ.

What the formulas equal, for a ledger with no customer signals (no status, dispute,
broken promise, cooperation, demand or acknowledgement recorded):

* the ``账龄`` columns equal :func:`coursekit.aging` (default buckets);
* the ``分级`` grade, outstanding, overdue, days overdue and expiry equal
  :func:`coursekit.risk_grades`; the ledger's expiry column equals
  :func:`coursekit.legal.limitation_expiry` with ``last_payment`` = the latest receipt on the
  invoice, i.e. ``EDATE(start, 36)`` where ``start`` is that receipt when it falls after the
  due date and within three years of it, else the due date (Civil Code arts. 188, 195);
* the ``计划`` order, approach, techniques and follow-up equal
  :func:`coursekit.collection_plan`, except that ties in (deadline, expected recovery,
  outstanding) are broken by the customer list's order rather than by name.

Only functions that Excel 2010, WPS and LibreOffice all compute are used (SUMIFS, COUNTIFS,
SUMPRODUCT, EXACT, INDEX, MATCH, EDATE, IF, CHOOSE, MIN, MAX, ROUND); no dynamic arrays,
no array (CSE) formulas, no macros. ``tests/test_excel_tool.py`` recalculates the file in
LibreOffice and compares every cell with coursekit.
"""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from .ledger import Ledger

__all__ = ["write_excel_tool", "SHEET_NAMES", "SAMPLE_AS_OF", "FIRST_ROW", "add_parser", "run"]

SAMPLE_AS_OF = "2026-10-31"   # the last trading day of coursekit.sample_ledger()
FIRST_ROW = 6                 # first data row on the ledger, aging, grades and plan sheets

SHEET_NAMES = {
    "zh": {"readme": "说明", "ledger": "台账", "aging": "账龄", "grades": "分级", "plan": "计划", "settings": "设置"},
    "en": {"readme": "Read me", "ledger": "Ledger", "aging": "Aging", "grades": "Grades", "plan": "Plan",
           "settings": "Settings"},
}

_T = {
    "zh": {
        "title": "账龄分析表格 · 回款实战课堂",
        "as_of": "统计日（改这里）",
        "as_of_note": "← 所有账龄、等级和时效都按这一天计算。已收金额应为截至这一天的收款。",
        "ledger_note": "从第{row}行起粘贴发票（白色列），共 {n} 行可用；灰色列是公式，不要改。"
                       "未核销的收款：金额填 0，已收金额填收款额。",
        "ledger_cols": ["客户名称", "发票号", "开票日期", "到期日", "金额", "已收金额（截至统计日）", "最后收款日（可空）",
                        "客户行号", "未收余额", "贷方（多收/未核销）", "逾期天数", "账龄段", "时效起算日", "时效届满日",
                        "时效剩余天数", "检查", "仍欠（贷方先冲最早到期的）"],
        "not_listed": "客户不在账龄表的客户列表中",
        "no_due": "缺到期日",
        "bad_date": "日期不是日期（可能是文本）",
        "bad_amount": "金额不是数字（可能是文本）",
        "unapplied_id": "（未核销收款）",
        "problem_count": "“检查”列有提示的行数：",
        "aging_note": "客户列表（A列）是文本，可在空行继续粘贴客户名称；台账里的每个客户都必须在这里出现一次。",
        "customer": "客户名称",
        "current": "未到期",
        "unapplied": "贷方（未核销）",
        "total": "合计",
        "overdue": "逾期合计",
        "share": "占应收合计",
        "totals": "合计",
        "shares": "占比（各段 ÷ 各段合计）",
        "chart": "各账龄段余额",
        "grades_cols": ["客户名称", "未结发票数", "未收余额", "逾期金额", "最长逾期天数", "最早时效届满日", "时效剩余天数",
                        "等级", "等级名称", "原因", "", "时效预警(1=是)", "预计可收回", "参与排序", "优先级", "未收余额(数值)"],
        "grades_note": "等级按最长逾期天数（阈值见“设置”），任何一张未结发票时效已届满则为 1 死账。右侧灰色列供“计划”排序使用。",
        "reason_expired": "诉讼时效已届满且无中断记录",
        "reason_none": "没有逾期发票",
        "reason_days": "最长逾期 {d} 天",
        "plan_cols": ["优先级", "客户名称", "等级", "等级名称", "未收余额", "逾期金额", "预计可收回", "时效预警",
                      "最长逾期天数", "方式", "下一步", "对应技巧", "跟进日期", "时效届满日", "时效剩余天数",
                      "分级表行", "情形", "方式代码"],
        "plan_note": "顺序：时效预警的客户在前，其余按预计可收回（逾期金额 × 等级回收权重）从大到小，再按未收余额；"
                     "仍相同时按客户列表顺序。",
        "yes": "是", "no": "否",
        "settings_rows": {
            "buckets": "账龄分段上限（天，含）", "grades": "等级阈值：逾期天数上限（含）",
            "g4": "4 催收款 至", "g3": "3 准呆账 至", "g2": "2 呆账 至（超过为 1 死账）",
            "years": "诉讼时效（年，《民法典》第188条）", "warn": "时效预警天数（计划）",
            "table": ["等级", "名称", "英文名称", "回收权重", "跟进天数"],
            "actions": ["情形|方式", "下一步", "对应技巧"],
        },
    },
    "en": {
        "title": "Aging analysis spreadsheet · Receivables Collection Course",
        "as_of": "As-of date (change this)",
        "as_of_note": "← Every age, grade and limitation date is computed for this day. Received amounts must be "
                      "those received up to this day.",
        "ledger_note": "Paste invoices from row {row} (white columns); {n} rows are available. Grey columns are "
                       "formulas: do not edit them. Unapplied cash: amount 0, the cash under received.",
        "ledger_cols": ["Customer", "Invoice id", "Invoice date", "Due date", "Amount", "Received (to the as-of date)",
                        "Last receipt date (optional)", "Customer row", "Open amount", "Credit (overpaid / unapplied)",
                        "Days overdue", "Bucket", "Limitation runs from", "Limitation expiry", "Days left", "Check",
                        "Still owed (credit to the earliest due first)"],
        "not_listed": "customer is not in the Aging sheet's list",
        "no_due": "due date missing",
        "bad_date": "a date is not a date (text?)",
        "bad_amount": "an amount is not a number (text?)",
        "unapplied_id": "(unapplied cash)",
        "problem_count": "Rows flagged in the Check column:",
        "aging_note": "The customer list (column A) is text: paste more names into the empty rows. Every customer "
                      "of the ledger must appear here once.",
        "customer": "Customer",
        "current": "current",
        "unapplied": "credit (unapplied)",
        "total": "total",
        "overdue": "overdue",
        "share": "share of total AR",
        "totals": "Total",
        "shares": "Share (bucket ÷ all buckets)",
        "chart": "Balance by aging bucket",
        "grades_cols": ["Customer", "Open invoices", "Outstanding", "Overdue", "Max days overdue", "Earliest expiry",
                        "Days left", "Grade", "Grade name", "Reason", "", "Deadline (1 = yes)", "Expected recovery",
                        "Ranked", "Priority", "Outstanding (number)"],
        "grades_note": "The grade follows the maximum days overdue (thresholds on Settings); any open invoice whose "
                       "limitation period has expired makes it 1 dead. The grey columns on the right rank the plan.",
        "reason_expired": "limitation expired with no interruption recorded",
        "reason_none": "no invoice is overdue",
        "reason_days": "{d} days overdue at most",
        "plan_cols": ["Priority", "Customer", "Grade", "Grade name", "Outstanding", "Overdue", "Expected recovery",
                      "Deadline", "Max days overdue", "Approach", "Next action", "Techniques", "Follow up on",
                      "Limitation expiry", "Days left", "Grades row", "Situation", "Approach code"],
        "plan_note": "Order: customers with a limitation deadline first, then by expected recovery (overdue × the "
                     "grade's recovery weight), largest first, then by outstanding; remaining ties by list order.",
        "yes": "yes", "no": "no",
        "settings_rows": {
            "buckets": "Aging bucket upper edges (days, inclusive)", "grades": "Grade thresholds: days overdue up to",
            "g4": "4 in collection up to", "g3": "3 doubtful up to", "g2": "2 bad up to (beyond: 1 dead)",
            "years": "Limitation period (years, Civil Code art. 188)", "warn": "Limitation warning (days, plan)",
            "table": ["Grade", "Name (zh)", "Name (en)", "Recovery weight", "Follow-up days"],
            "actions": ["situation|approach", "Next action", "Techniques"],
        },
    },
}

_README = {
    "zh": [
        ("这是什么", "一份不需要安装任何软件的账龄分析表格：把 ERP 导出的发票粘进“台账”，账龄、风险等级、诉讼时效和催收顺序"
                   "全部由公式自动算出。Excel 2010 及以上、WPS、LibreOffice 都能打开和计算；没有宏。"),
        ("台账", "每行一张发票。统计日在 B2。“已收金额”填截至统计日的收款（含红字冲减）；“最后收款日”可空，填了就按部分还款"
               "中断时效（《民法典》第195条）。未核销收款：金额填 0、已收金额填收款额。灰色列是公式。"),
        ("账龄", "按客户分段：未到期（到期当天仍算未到期）、1-30、31-60、61-90、91+（上限含本数，可在“设置”改）；贷方列是未核销"
               "收款和多收款，以负数列示，从不悄悄冲抵发票。下方是合计、占比和柱状图。"),
        ("分级", "课程的五级风险等级（教学用，不是会计或法律分类）：5 未收款、4 催收款（逾期1-90天）、3 准呆账（91-180）、"
               "2 呆账（181-365）、1 死账（超过365天，或诉讼时效已届满）。时效：到期日起三年（《民法典》第188条），"
               "到期后的部分还款使其重新计算（第195条）。"),
        ("计划", "催收顺序与 coursekit 的 collection_plan 相同：时效180天内到期的客户排最前；其余按预计可收回"
               "（逾期金额 × 等级回收权重）从大到小。方式：等级5-3文收、2-1武收；时效已届满的，争取书面同意还款。"),
        ("设置", "可以修改账龄分段、等级阈值、时效年数、预警天数、回收权重、跟进天数和动作表，所有表随之重算。"),
        ("与 coursekit 的差别", "本表只认识发票和收款。coursekit 还会用客户信息：破产或注销直接为死账，有争议或承诺未兑现至少为"
                             "准呆账，配合与否决定文收武收，催款通知送达和书面确认会中断时效。有这些信息时请以 coursekit 的结果为准，"
                             "或在“计划”里人工调整。排序完全相同时，本表按客户列表顺序，coursekit 按客户名称。"
                             "预计可收回按四舍五入到分（ROUND），恰逢半分时可能与 coursekit 差一分。"
                             "二十年最长期限和节假日顺延没有计算。"),
        ("相关技巧", "{t13}；{t17}；{t11}；{t84}。网站“92招”栏目有每一招的做法和话术。"),
        ("核对", "本表由 coursekit.excel_tool 生成，测试用 LibreOffice 重算后与 coursekit 的计算逐格比对（到分、到天）。"),
    ],
    "en": [
        ("What this is", "An aging spreadsheet that needs nothing installed: paste the invoices your system exports "
                         "into Ledger and the aging, risk grades, limitation dates and collection order are all "
                         "computed by formulas. It opens and calculates in Excel 2010 or later, WPS and LibreOffice; "
                         "it has no macros."),
        ("Ledger", "One row per invoice. The as-of date is in B2. 'Received' is what came in up to the as-of date "
                   "(credit notes included); 'last receipt date' may be blank, and when given it restarts the "
                   "limitation period as a partial payment (Civil Code art. 195). Unapplied cash: amount 0, the "
                   "cash under received. Grey columns are formulas."),
        ("Aging", "Buckets per customer: current (due today is still current), 1-30, 31-60, 61-90, 91+ (upper edges "
                  "inclusive, editable on Settings); the credit column holds unapplied cash and overpayments as "
                  "negative amounts, never set against an invoice silently. Totals, shares and a bar chart below."),
        ("Grades", "The course's five-level scale (a teaching scale, not an accounting or legal category): 5 not yet "
                   "due, 4 in collection (1-90 days overdue), 3 doubtful (91-180), 2 bad (181-365), 1 dead (over 365 "
                   "days, or limitation expired). Limitation: three years from the due date (Civil Code art. 188), "
                   "restarted by a partial payment after the due date (art. 195)."),
        ("Plan", "The order of coursekit's collection_plan: customers whose limitation expires within 180 days first, "
                 "the rest by expected recovery (overdue × the grade's recovery weight), largest first. Approach: "
                 "grades 5-3 soft (文收), 2-1 firm (武收); expired debts: seek a written agreement to pay."),
        ("Settings", "Change the bucket edges, grade thresholds, limitation years, warning days, recovery weights, "
                     "follow-up days and the action table; every sheet recalculates."),
        ("Where it differs from coursekit", "This spreadsheet knows invoices and receipts only. coursekit also uses "
                                            "customer facts: bankrupt or deregistered means dead, a dispute or a "
                                            "broken promise means at least doubtful, cooperation decides soft or "
                                            "firm, and delivered demands and written acknowledgements restart the "
                                            "limitation period. Where you have those facts, follow coursekit or "
                                            "adjust the plan by hand. Exact ties are ordered by the customer list "
                                            "here and by name in coursekit. Expected recovery is rounded half up "
                                            "to the cent (ROUND), so on an exact half cent it may differ from "
                                            "coursekit by one cent. The 20-year cap and the holiday rule are not "
                                            "applied."),
        ("Techniques", "{t13}; {t17}; {t11}; {t84}. The site's technique pages give the steps and scripts."),
        ("Checked", "Written by coursekit.excel_tool; a test recalculates it in LibreOffice and compares every cell "
                    "with coursekit's results, to the cent and the day."),
    ],
}

# Column letters of the ledger sheet.
_L = dict(zip(["cust", "inv", "inv_date", "due", "amount", "received", "last_pay", "row", "open", "credit", "days",
               "bucket", "runs_from", "expiry", "days_left", "check", "owed"], "ABCDEFGHIJKLMNOPQ", strict=True))
# Columns of the grades sheet.
_G = dict(zip(["cust", "n", "outstanding", "overdue", "max_days", "expiry", "days_left", "grade", "name", "reason",
               "gap", "deadline", "recovery", "ranked", "priority", "out_num"], "ABCDEFGHIJKLMNOP", strict=True))
# Columns of the plan sheet.
_P = dict(zip(["priority", "cust", "grade", "name", "outstanding", "overdue", "recovery", "deadline", "max_days",
               "approach", "action", "techniques", "follow_up", "expiry", "days_left", "row", "situation",
               "approach_code"], "ABCDEFGHIJKLMNOPQR", strict=True))

_SITUATION_ORDER = ("not_due", "collect", "doubtful", "bad", "dead")


def _q(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def _text_cell(ws, ref: str, value) -> None:
    """Write ``value`` as text, never as a formula, whatever its first character."""
    cell = ws[ref]
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return
    cell.value = str(value)
    cell.data_type = "s"
    if str(value)[:1] in ("=", "+", "-", "@"):
        cell.quotePrefix = True


def _ledger_rows(ledger: Ledger, day: int, all_invoices: bool) -> pd.DataFrame:
    """Rows of the paste area: one per invoice (receipts to ``day``), one per customer's unapplied cash."""
    from .snapshot import _applied_cents

    applied, unapplied = _applied_cents(ledger, day)
    inv = ledger.invoices
    issued = ledger._inv_day <= day
    keep = np.ones(len(inv), dtype=bool) if all_invoices else issued & (ledger._inv_cents != applied)
    pay = ledger.payments
    cutoff = np.datetime64(day, "D")
    recent = pay[(pay["payment_date"].to_numpy() <= cutoff) & pay["invoice_id"].notna().to_numpy()]
    last = recent.groupby("invoice_id")["payment_date"].max()
    rows = pd.DataFrame({
        "customer": inv["customer"].to_numpy(dtype=object),
        "invoice_id": inv["invoice_id"].to_numpy(dtype=object),
        "invoice_date": pd.to_datetime(inv["invoice_date"]).to_numpy(),
        "due_date": pd.to_datetime(inv["due_date"]).to_numpy(),
        "amount": ledger._inv_cents / 100,
        "received": applied / 100,
        "last_payment": pd.to_datetime(last.reindex(inv["invoice_id"]).to_numpy()),
    })[keep]
    loose = np.flatnonzero(unapplied != 0)
    if len(loose):
        rows = pd.concat([rows, pd.DataFrame({
            "customer": ledger._customers[loose].astype(object), "invoice_id": None,
            "invoice_date": pd.NaT, "due_date": pd.NaT, "amount": 0.0, "received": unapplied[loose] / 100,
            "last_payment": pd.NaT})], ignore_index=True)
    return rows.sort_values(["customer", "due_date", "invoice_id"], kind="stable", na_position="last").reset_index(drop=True)


def write_excel_tool(path: str | Path, ledger: Ledger | None = None, as_of=None, lang: str = "zh",
                     spare_customers: int = 50, ledger_rows: int | None = None,
                     all_invoices: bool = False) -> Path:
    """Write the Excel tool (账龄分析表格) to ``path``, pre-filled with ``ledger``.

    Parameters
    ----------
    path : str or Path
        The ``.xlsx`` file to write.
    ledger : Ledger, optional
        The invoices and receipts to fill in; default :func:`coursekit.sample_ledger` (seed 7).
        Customer facts (status, disputes, demands…) are not carried over: see the module notes.
    as_of : date-like, optional
        The as-of date put in the ledger sheet's ``B2``; required with a ledger of your own,
        ``2026-10-31`` (the sample's last day) for the sample. Received amounts and last
        receipt dates are those dated on or before it.
    lang : {"zh", "en"}
        Language of sheet names, headers and notes.
    spare_customers : int
        Empty rows left in the customer list for pasting more customers.
    ledger_rows : int, optional
        Rows of the paste area (at least the rows filled in; default: those rows + 1,000,
        at least 2,000).
    all_invoices : bool
        Write every invoice; by default only those dated on or before ``as_of`` that are not
        exactly settled (open or overpaid), plus one row of unapplied cash per customer.

    Returns
    -------
    Path
        ``path``.
    """
    from openpyxl import Workbook

    from .aging import aging, as_day
    from .sample import sample_ledger

    if lang not in _T:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    if ledger is None:
        ledger = sample_ledger(seed=7)
        as_of = SAMPLE_AS_OF if as_of is None else as_of
    elif as_of is None:
        raise ValueError("give as_of, the date the aging is computed for, e.g. '2026-10-31'")
    if spare_customers < 0:
        raise ValueError("spare_customers must be 0 or more")
    day = as_day(as_of)
    rows = _ledger_rows(ledger, day, all_invoices)
    n_rows = max(len(rows) + 1000, 2000) if ledger_rows is None else ledger_rows
    if n_rows < len(rows):
        raise ValueError(f"ledger_rows={ledger_rows} is fewer than the {len(rows)} rows to write")
    ordered = list(aging(ledger, as_of).index)
    customers = ordered + [c for c in ledger._customers if c not in set(ordered)]
    n_cust = len(customers) + spare_customers

    names = SHEET_NAMES[lang]
    wb = Workbook()
    wb.active.title = names["readme"]
    sheets = {key: wb.create_sheet(names[key]) for key in ("ledger", "aging", "grades", "plan", "settings")}
    sheets["readme"] = wb[names["readme"]]
    layout = _Layout(names, n_rows, n_cust)
    _settings(sheets["settings"], lang)
    _ledger(sheets["ledger"], lang, layout, rows, day)
    _aging(sheets["aging"], lang, layout, customers)
    _grades(sheets["grades"], lang, layout)
    _plan(sheets["plan"], lang, layout)
    _readme(sheets["readme"], lang)
    wb.active = wb.sheetnames.index(names["aging"])
    from .export import safe_output

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with safe_output(path, ".xlsx") as tmp:    # complete or not at all
        wb.save(tmp)
    return path


class _Layout:
    """Absolute references shared by the sheets' formulas."""

    def __init__(self, names: dict, n_rows: int, n_cust: int):
        self.n_rows, self.n_cust = n_rows, n_cust
        self.last = FIRST_ROW + n_rows - 1          # last ledger row
        self.cust_last = FIRST_ROW + n_cust - 1     # last customer row
        self.L, self.A, self.G, self.P, self.S = (_q(names[k]) for k in ("ledger", "aging", "grades", "plan", "settings"))
        self.as_of = f"{self.L}!$B$2"

    def lcol(self, key: str) -> str:
        c = _L[key]
        return f"{self.L}!${c}${FIRST_ROW}:${c}${self.last}"

    def gcol(self, key: str) -> str:
        c = _G[key]
        return f"{self.G}!${c}${FIRST_ROW}:${c}${self.cust_last}"

    def s(self, ref: str) -> str:
        return f"{self.S}!{ref}"


# Settings cells (absolute).
_EDGES = ("$B$4", "$B$5", "$B$6")
_SCALE = ("$B$9", "$B$10", "$B$11")
_YEARS = "$B$13"
_WARN = "$B$14"
_GRADE_TABLE = (17, 21)      # rows of grades 5..1 in columns A:E
_ACTION_FIRST = 25


def _style():
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="999999")
    return {
        "head": Font(bold=True), "title": Font(bold=True, size=14),
        "head_fill": PatternFill("solid", fgColor="D9EAD3"), "calc_fill": PatternFill("solid", fgColor="EEEEEE"),
        "asof_fill": PatternFill("solid", fgColor="FFF2CC"), "box": Border(left=thin, right=thin, top=thin, bottom=thin),
        "wrap": Alignment(wrap_text=True, vertical="top"),
    }


def _header(ws, row: int, labels, fills=None) -> None:
    st = _style()
    for i, label in enumerate(labels, start=1):
        if label == "":
            continue
        cell = ws.cell(row=row, column=i, value=label)
        cell.font, cell.fill, cell.alignment = st["head"], st["head_fill"], st["wrap"]


def _begin(ws, lang: str, note: str, columns: str | None = None) -> tuple[dict, dict]:
    """Title in A1, a note in A3 and, when given, the header row above FIRST_ROW."""
    t, st = _T[lang], _style()
    ws["A1"], ws["A1"].font = t["title"], st["title"]
    ws["A3"] = t[note]
    if columns:
        _header(ws, FIRST_ROW - 1, t[columns])
    return t, st


def _finish(ws, freeze: str, widths: dict[str, int], default: int, others: str) -> None:
    """Freeze the header and the customer column; set column widths."""
    ws.freeze_panes = f"{freeze}{FIRST_ROW}"
    for col in others:
        ws.column_dimensions[col].width = default
    for col, width in widths.items():
        ws.column_dimensions[col].width = width


def _settings(ws, lang: str) -> None:
    from .plan import ACTIONS, PlanSettings
    from .risk import DEFAULT_SCALE, GRADES

    t, st = _T[lang]["settings_rows"], _style()
    ws["A1"], ws["A1"].font = _T[lang]["title"], st["title"]
    ws["A3"], ws["A3"].font = t["buckets"], st["head"]
    for ref, edge in zip(_EDGES, (30, 60, 90), strict=True):
        ws[ref.replace("$", "")] = edge
    ws["A4"], ws["A5"], ws["A6"] = "1", "2", "3"
    ws["A8"], ws["A8"].font = t["grades"], st["head"]
    for label, ref, value in zip((t["g4"], t["g3"], t["g2"]), _SCALE,
                                 (DEFAULT_SCALE.collecting, DEFAULT_SCALE.doubtful, DEFAULT_SCALE.bad), strict=True):
        ws[ref.replace("$", "")] = value
        ws[ref.replace("$", "").replace("B", "A")] = label
    ws["A13"], ws["B13"] = t["years"], 3
    ws["A14"], ws["B14"] = t["warn"], PlanSettings().limitation_warning_days
    _header(ws, _GRADE_TABLE[0] - 1, t["table"])
    ps = PlanSettings()
    for r, g in zip(range(_GRADE_TABLE[0], _GRADE_TABLE[1] + 1), (5, 4, 3, 2, 1), strict=True):
        ws.cell(row=r, column=1, value=g)
        ws.cell(row=r, column=2, value=GRADES[g]["zh"])
        ws.cell(row=r, column=3, value=GRADES[g]["en"])
        ws.cell(row=r, column=4, value=ps.recovery_weight[g])
        ws.cell(row=r, column=5, value=ps.follow_up_days[g])
    _header(ws, _ACTION_FIRST - 1, t["actions"])
    for i, ((situation, approach), (zh, en, techs)) in enumerate(ACTIONS.items()):
        r = _ACTION_FIRST + i
        ws.cell(row=r, column=1, value=f"{situation}|{approach}")
        ws.cell(row=r, column=2, value=zh if lang == "zh" else en)
        _text_cell(ws, f"C{r}", ", ".join(str(x) for x in techs))
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 60
    for c in "CDE":
        ws.column_dimensions[c].width = 16


def _action_range(col: str) -> str:
    from .plan import ACTIONS

    return f"${col}${_ACTION_FIRST}:${col}${_ACTION_FIRST + len(ACTIONS) - 1}"


def _ledger_styles(wb) -> list[tuple[str, str]]:
    """Named styles for the ledger's cells (one lookup per cell: thousands of rows stay quick to write)."""
    from openpyxl.styles import NamedStyle

    formats = {"date": "yyyy-mm-dd;;", "money": "#,##0.00", "plain": "General"}
    kinds = {"inv_date": "date", "due": "date", "last_pay": "date", "amount": "money", "received": "money",
             "row": "calc-plain", "open": "calc-money", "credit": "calc-money", "owed": "calc-money", "days": "calc-plain",
             "bucket": "calc-plain", "runs_from": "calc-date", "expiry": "calc-date", "days_left": "calc-plain",
             "check": "calc-plain"}
    for kind in sorted(set(kinds.values())):
        name = f"ck-{kind}"
        if name not in wb.named_styles:
            style = NamedStyle(name=name, number_format=formats[kind.removeprefix("calc-")])
            if kind.startswith("calc-"):
                style.fill = _style()["calc_fill"]
            wb.add_named_style(style)
    return [(key, f"ck-{kind}") for key, kind in kinds.items()]


def _ledger(ws, lang: str, lay: _Layout, rows: pd.DataFrame, day: int) -> None:
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    t, st = _T[lang], _style()
    ws["A1"], ws["A1"].font = t["title"], st["title"]
    ws["A2"] = t["as_of"]
    ws["A2"].font = Font(bold=True, color="C00000")
    ws["B2"] = pd.Timestamp(np.datetime64(day, "D")).date()
    ws["B2"].number_format = "yyyy-mm-dd"
    ws["B2"].fill, ws["B2"].border, ws["B2"].font = st["asof_fill"], st["box"], Font(bold=True, size=13)
    ws["C2"] = t["as_of_note"]
    ws["A3"] = t["ledger_note"].format(row=FIRST_ROW, n=lay.n_rows)
    ws["A4"] = t["problem_count"]
    ws["C4"] = f'=SUMPRODUCT((LEN({lay.lcol("check")})>0)*1)'
    _header(ws, FIRST_ROW - 1, t["ledger_cols"])
    f, last = FIRST_ROW, lay.last
    cust_list = f"{lay.A}!$A${FIRST_ROW}:$A${lay.cust_last}"
    years = f"12*{lay.s(_YEARS)}"
    e1, e2, e3 = (lay.s(e) for e in _EDGES)
    labels = [f"{lay.A}!${c}${FIRST_ROW - 1}" for c in "BCDEF"]
    cell_styles = _ledger_styles(ws.parent)
    for i in range(lay.n_rows):
        r = f + i
        A, C, D, E, F, G, H, I_, K, M, N = (f"{_L[k]}{r}" for k in
                                            ("cust", "inv_date", "due", "amount", "received", "last_pay", "row",
                                             "open", "days", "runs_from", "expiry"))
        ws[H] = f'=IF({A}="",0,SUMPRODUCT(MAX(EXACT({cust_list},{A})*ROW({cust_list}))))'
        # a row whose dates or amounts are not numbers (text pasted from a CSV) is flagged and left out
        typed = ",".join([f"ISNUMBER({E})"] + [f'OR({x}="",ISNUMBER({x}))' for x in (F, C, D, G)])
        skip = f'OR({A}="",NOT(AND({typed})),{C}>{lay.as_of})'
        ws[I_] = f'=IF({skip},0,MAX(0,ROUND({E}-{F},2)))'
        ws[f"J{r}"] = f'=IF({skip},0,MAX(0,ROUND({F}-{E},2)))'
        ws[K] = f'=IF(OR({A}="",NOT(ISNUMBER({D}))),0,{lay.as_of}-{D})'
        ws[f"L{r}"] = (f'=IF({I_}<=0,"",IF({K}<=0,{labels[0]},IF({K}<={e1},{labels[1]},IF({K}<={e2},{labels[2]},'
                       f'IF({K}<={e3},{labels[3]},{labels[4]})))))')
        ws[M] = (f'=IF(OR({A}="",NOT(ISNUMBER({D}))),0,'
                 f'IF(AND(ISNUMBER({G}),{G}>{D},{G}<=EDATE({D},{years})),{G},{D}))')
        ws[N] = f'=IF({M}=0,0,EDATE({M},{years}))'
        ws[f"O{r}"] = f'=IF({N}=0,"",{N}-{lay.as_of})'
        not_date = ",".join(f'AND({x}<>"",NOT(ISNUMBER({x})))' for x in (C, D, G))
        not_amount = f'NOT(ISNUMBER({E})),AND({F}<>"",NOT(ISNUMBER({F})))'
        ws[f"P{r}"] = (f'=IF({A}="","",IF({H}=0,"{t["not_listed"]}",IF(OR({not_date}),"{t["bad_date"]}",'
                       f'IF(OR({not_amount}),"{t["bad_amount"]}",IF(AND({I_}>0,{D}=""),"{t["no_due"]}","")))))')
        # still owed once the customer's credit is applied to its open invoices, the earliest due first and,
        # on the same due date, in row order (Civil Code art. 560: an unassigned payment goes to what fell due first)
        rows_, opn_, due_ = (f"${_L[k]}${f}:${_L[k]}${last}" for k in ("row", "open", "due"))
        before = f'SUMIFS({opn_},{rows_},{H},{due_},"<"&{D})'
        if r > f:     # the rows above with the same due date come first
            o, w, d = (f"${_L[k]}${f}:${_L[k]}${r - 1}" for k in ("open", "row", "due"))
            before += f'+SUMIFS({o},{w},{H},{d},{D})'
        credit_ = f'SUMIFS(${_L["credit"]}${f}:${_L["credit"]}${last},{rows_},{H})'
        ws[f"Q{r}"] = f'=IF({I_}<=0,0,ROUND(MAX(0,{I_}-MAX(0,{credit_}-({before}))),2))'
        for key, name in cell_styles:
            ws[f"{_L[key]}{r}"].style = name
    for i, row in enumerate(rows.itertuples(index=False)):
        r = f + i
        _text_cell(ws, f"A{r}", row.customer)
        _text_cell(ws, f"B{r}", t["unapplied_id"] if row.invoice_id is None else row.invoice_id)
        for col, value in (("C", row.invoice_date), ("D", row.due_date), ("G", row.last_payment)):
            if not pd.isna(value):
                ws[f"{col}{r}"] = pd.Timestamp(value).date()
        ws[f"E{r}"] = float(row.amount)
        ws[f"F{r}"] = float(row.received)
    dates = DataValidation(type="date", operator="between", formula1="32874", formula2="73050", allow_blank=True,
                           showErrorMessage=True, errorTitle="日期 / date",
                           error="请输入 1990-01-01 至 2099-12-31 之间的日期 / enter a date between 1990 and 2099")
    money = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           showErrorMessage=True, errorTitle="金额 / amount",
                           error="金额不能为负数 / amounts cannot be negative")
    for dv in (dates, money):
        ws.add_data_validation(dv)
    dates.add(f"C{f}:D{last}")
    dates.add(f"G{f}:G{last}")
    dates.add("B2")
    money.add(f"E{f}:F{last}")
    ws.freeze_panes = f"B{f}"
    for c, w in zip("ABCDEFGHIJKLMNOPQ", (30, 16, 12, 12, 14, 16, 14, 8, 14, 14, 9, 9, 12, 12, 9, 22, 16), strict=True):
        ws.column_dimensions[c].width = w


def _aging(ws, lang: str, lay: _Layout, customers: list) -> None:
    from openpyxl.chart import BarChart, Reference
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import PatternFill

    t, st = _begin(ws, lang, "aging_note")
    ws["A2"] = t["as_of"].split("（")[0].split(" (")[0]
    ws["B2"] = f"={lay.as_of}"
    ws["B2"].number_format = "yyyy-mm-dd"
    e1, e2, e3 = (lay.s(e) for e in _EDGES)
    h = FIRST_ROW - 1
    ws[f"A{h}"] = t["customer"]
    ws[f"B{h}"] = t["current"]
    ws[f"C{h}"] = f'="1-"&{e1}'
    ws[f"D{h}"] = f'=({e1}+1)&"-"&{e2}'
    ws[f"E{h}"] = f'=({e2}+1)&"-"&{e3}'
    ws[f"F{h}"] = f'=({e3}+1)&"+"'
    ws[f"G{h}"], ws[f"H{h}"], ws[f"I{h}"], ws[f"J{h}"] = t["unapplied"], t["total"], t["overdue"], t["share"]
    for c in "ABCDEFGHIJ":
        ws[f"{c}{h}"].font, ws[f"{c}{h}"].fill = st["head"], st["head_fill"]
    opn, row_, days, credit = (lay.lcol(k) for k in ("open", "row", "days", "credit"))
    last = lay.cust_last
    tot = last + 1
    for i in range(lay.n_cust):
        r = FIRST_ROW + i
        if i < len(customers):
            _text_cell(ws, f"A{r}", customers[i])
        me = f"ROW($A{r})"
        blank = f'$A{r}=""'
        ws[f"B{r}"] = f'=IF({blank},"",SUMIFS({opn},{row_},{me},{days},"<=0"))'
        ws[f"C{r}"] = f'=IF({blank},"",SUMIFS({opn},{row_},{me},{days},">0",{days},"<="&{e1}))'
        ws[f"D{r}"] = f'=IF({blank},"",SUMIFS({opn},{row_},{me},{days},">"&{e1},{days},"<="&{e2}))'
        ws[f"E{r}"] = f'=IF({blank},"",SUMIFS({opn},{row_},{me},{days},">"&{e2},{days},"<="&{e3}))'
        ws[f"F{r}"] = f'=IF({blank},"",SUMIFS({opn},{row_},{me},{days},">"&{e3}))'
        ws[f"G{r}"] = f'=IF({blank},"",-SUMIFS({credit},{row_},{me}))'
        ws[f"H{r}"] = f'=IF({blank},"",SUM(B{r}:G{r}))'
        ws[f"I{r}"] = f'=IF({blank},"",SUM(C{r}:F{r}))'
        ws[f"J{r}"] = f'=IF(OR({blank},$H${tot}=0),"",H{r}/$H${tot})'
        for c in "BCDEFGHI":
            ws[f"{c}{r}"].number_format = "#,##0.00"
        ws[f"J{r}"].number_format = "0.0%"
    ws[f"A{tot}"], ws[f"A{tot + 1}"] = t["totals"], t["shares"]
    for c in "BCDEFGHI":
        ws[f"{c}{tot}"] = f"=SUM({c}{FIRST_ROW}:{c}{last})"
        ws[f"{c}{tot}"].number_format = "#,##0.00"
        ws[f"{c}{tot}"].font = st["head"]
    for c in "BCDEFI":
        ws[f"{c}{tot + 1}"] = f'=IF(SUM($B${tot}:$F${tot})=0,"",{c}{tot}/SUM($B${tot}:$F${tot}))'
        ws[f"{c}{tot + 1}"].number_format = "0.0%"
    shades = ("FCE4D6", "F8CBAD", "F4B183", "E06666")
    for c, colour in zip("CDEF", shades, strict=True):
        # an expression, not "cell value > 0": Excel counts the "" of an empty row as greater than any number
        ws.conditional_formatting.add(f"{c}{FIRST_ROW}:{c}{last}",
                                      FormulaRule(formula=[f"AND(ISNUMBER({c}{FIRST_ROW}),{c}{FIRST_ROW}>0)"],
                                                  fill=PatternFill("solid", fgColor=colour, bgColor=colour)))
    chart = BarChart()
    chart.type, chart.title, chart.legend = "col", t["chart"], None
    chart.add_data(Reference(ws, min_col=2, max_col=6, min_row=tot, max_row=tot), from_rows=True, titles_from_data=False)
    chart.set_categories(Reference(ws, min_col=2, max_col=6, min_row=h, max_row=h))
    chart.y_axis.numFmt = "#,##0"
    chart.height, chart.width = 8, 16
    ws.add_chart(chart, "L5")
    _finish(ws, "B", {"A": 30}, 14, "BCDEFGHIJ")


def _grades(ws, lang: str, lay: _Layout) -> None:
    t, st = _begin(ws, lang, "grades_note", "grades_cols")
    # grades and the plan chase what is still owed once the customer's own credit is applied (column Q)
    opn, row_, days, expiry = (lay.lcol(k) for k in ("owed", "row", "days", "expiry"))
    c4, c3, c2 = (lay.s(e) for e in _SCALE)
    g0, g1 = _GRADE_TABLE
    grade_col = lay.s(f"$A${g0}:$A${g1}")
    name_col = lay.s(f"${'B' if lang == 'zh' else 'C'}${g0}:${'B' if lang == 'zh' else 'C'}${g1}")
    weight_col = lay.s(f"$D${g0}:$D${g1}")
    warn = lay.s(_WARN)
    ranked, deadline, recovery, out_num = (lay.gcol(k) for k in ("ranked", "deadline", "recovery", "out_num"))
    rows = f"ROW({lay.gcol('cust')})"
    for i in range(lay.n_cust):
        r = FIRST_ROW + i
        c = {k: f"{v}{r}" for k, v in _G.items()}
        me = f"ROW({lay.A}!$A{r})"
        ws[c["cust"]] = f'=IF({lay.A}!$A{r}="","",{lay.A}!$A{r})'
        blank = f'{c["cust"]}=""'
        none = f'OR({blank},{c["n"]}=0)'
        ws[c["n"]] = f'=IF({blank},"",COUNTIFS({row_},{me},{opn},">0"))'
        ws[c["outstanding"]] = f'=IF({none},"",SUMIFS({opn},{row_},{me}))'
        ws[c["overdue"]] = f'=IF({none},"",SUMIFS({opn},{row_},{me},{days},">0"))'
        ws[c["max_days"]] = (f'=IF({none},"",SUMPRODUCT(MAX(({row_}={me})*({opn}>0)*({days}+100000)))-100000)')
        ws[c["expiry"]] = (f'=IF({none},"",SUMPRODUCT(MIN({expiry}+({row_}<>{me})*10000000+({opn}<=0)*10000000)))')
        ws[c["days_left"]] = f'=IF({none},"",{c["expiry"]}-{lay.as_of})'
        ws[c["grade"]] = (f'=IF({none},"",IF({c["days_left"]}<0,1,IF({c["max_days"]}<=0,5,IF({c["max_days"]}<={c4},4,'
                          f'IF({c["max_days"]}<={c3},3,IF({c["max_days"]}<={c2},2,1))))))')
        ws[c["name"]] = f'=IF({none},"",INDEX({name_col},MATCH({c["grade"]},{grade_col},0)))'
        reason_days = t["reason_days"].split("{d}")
        ws[c["reason"]] = (f'=IF({none},"",IF({c["days_left"]}<0,"{t["reason_expired"]}",IF({c["max_days"]}<=0,'
                           f'"{t["reason_none"]}","{reason_days[0]}"&{c["max_days"]}&"{reason_days[1]}")))')
        ws[c["ranked"]] = f'=IF({none},0,IF({c["outstanding"]}>0,1,0))'
        ws[c["deadline"]] = (f'=IF({c["ranked"]}=0,0,IF(AND({c["overdue"]}>0,{c["days_left"]}>=0,'
                             f'{c["days_left"]}<={warn}),1,0))')
        ws[c["recovery"]] = (f'=IF({c["ranked"]}=0,0,ROUND({c["overdue"]}*INDEX({weight_col},'
                             f'MATCH({c["grade"]},{grade_col},0)),2))')
        ws[c["out_num"]] = f'=IF({c["ranked"]}=0,0,{c["outstanding"]})'
        ws[c["priority"]] = (f'=IF({c["ranked"]}=0,"",1+SUMPRODUCT({ranked}*(({deadline}>{c["deadline"]})'
                             f'+({deadline}={c["deadline"]})*(({recovery}>{c["recovery"]})+({recovery}={c["recovery"]})'
                             f'*(({out_num}>{c["out_num"]})+({out_num}={c["out_num"]})*({rows}<ROW({c["cust"]})))))))')
        for k in ("outstanding", "overdue", "recovery", "out_num"):
            ws[c[k]].number_format = "#,##0.00"
        ws[c["expiry"]].number_format = "yyyy-mm-dd"
        for k in ("deadline", "recovery", "ranked", "priority", "out_num"):
            ws[c[k]].fill = st["calc_fill"]
    _finish(ws, "B", {"A": 30, "J": 26}, 12, "BCDEFGHIKLMNOP")


def _plan(ws, lang: str, lay: _Layout) -> None:
    t, st = _begin(ws, lang, "plan_note", "plan_cols")
    g0, g1 = _GRADE_TABLE
    grade_col = lay.s(f"$A${g0}:$A${g1}")
    follow_col = lay.s(f"$E${g0}:$E${g1}")
    keys, actions, techs = (lay.s(_action_range(c)) for c in "ABC")
    pri = lay.gcol("priority")
    word = {"zh": ("文收", "武收"), "en": ("soft", "firm")}[lang]
    situations = ",".join(f'"{s}"' for s in _SITUATION_ORDER)
    for i in range(lay.n_cust):
        r = FIRST_ROW + i
        c = {k: f"{v}{r}" for k, v in _P.items()}
        k = i + 1
        blank = f'{c["priority"]}=""'

        def pick(key, c=c):
            return f'INDEX({lay.gcol(key)},{c["row"]})'

        ws[c["priority"]] = f'=IF({k}>COUNT({pri}),"",{k})'
        ws[c["row"]] = f'=IF({blank},"",MATCH({c["priority"]},{pri},0))'
        for key, gkey in (("cust", "cust"), ("grade", "grade"), ("name", "name"), ("outstanding", "outstanding"),
                          ("overdue", "overdue"), ("recovery", "recovery"), ("max_days", "max_days"),
                          ("expiry", "expiry"), ("days_left", "days_left")):
            ws[c[key]] = f'=IF({blank},"",{pick(gkey)})'
        ws[c["deadline"]] = f'=IF({blank},"",IF({pick("deadline")}=1,"{t["yes"]}","{t["no"]}"))'
        ws[c["situation"]] = (f'=IF({blank},"",IF({c["days_left"]}<0,"expired",IF({pick("deadline")}=1,"limitation",'
                              f'CHOOSE(6-{c["grade"]},{situations}))))')
        ws[c["approach_code"]] = (f'=IF({blank},"",IF({c["situation"]}="expired","soft",'
                                  f'IF({c["grade"]}>=3,"soft","firm")))')
        ws[c["approach"]] = f'=IF({blank},"",IF({c["approach_code"]}="soft","{word[0]}","{word[1]}"))'
        key = f'{c["situation"]}&"|"&{c["approach_code"]}'
        ws[c["action"]] = f'=IF({blank},"",INDEX({actions},MATCH({key},{keys},0)))'
        ws[c["techniques"]] = f'=IF({blank},"",INDEX({techs},MATCH({key},{keys},0)))'
        follow = f'INDEX({follow_col},MATCH({c["grade"]},{grade_col},0))'
        ws[c["follow_up"]] = (f'=IF({blank},"",{lay.as_of}+IF({c["situation"]}="limitation",'
                              f'MIN({follow},MAX({c["days_left"]},1)),{follow}))')
        for key in ("outstanding", "overdue", "recovery"):
            ws[c[key]].number_format = "#,##0.00"
        for key in ("follow_up", "expiry"):
            ws[c[key]].number_format = "yyyy-mm-dd"
        for key in ("row", "situation", "approach_code"):
            ws[c[key]].fill = st["calc_fill"]
    _finish(ws, "C", {"B": 30, "K": 48}, 12, "ACDEFGHIJLMNOPQR")


def _readme(ws, lang: str) -> None:
    from .catalog import technique_title

    st = _style()
    ws["A1"], ws["A1"].font = _T[lang]["title"], st["title"]
    titles = {f"t{n}": technique_title(n, lang) for n in (11, 13, 17, 84)}
    for i, (head, text) in enumerate(_README[lang]):
        r = 3 + i
        ws[f"A{r}"], ws[f"A{r}"].font = head, st["head"]
        ws[f"B{r}"] = text.format(**titles)
        ws[f"B{r}"].alignment = st["wrap"]
        ws[f"A{r}"].alignment = st["wrap"]
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 100


# -- the `coursekit excel` subcommand ----------------------------------------------------------------
def add_parser(subparsers) -> argparse.ArgumentParser:
    """Add ``coursekit excel OUT.xlsx [--as-of DATE] [--lang zh|en] [--ledger FILE]``."""
    p = subparsers.add_parser(
        "excel", help="账龄分析表格（Excel 公式版）/ the Excel tool with live formulas",
        description="写出账龄分析表格：台账、账龄、分级、计划全部是公式，Excel、WPS、LibreOffice 都能计算。"
                    "Write the Excel tool: ledger, aging, grades and plan as live formulas.")
    p.add_argument("output", help="输出 .xlsx 文件 / output .xlsx file")
    p.add_argument("--ledger", default=None,
                   help="用自己的台账预填（默认样例台账）/ pre-fill with your ledger (default: the sample ledger)")
    p.add_argument("--as-of", default=None,
                   help=f"统计日 / as-of date, YYYY-MM-DD (default: {SAMPLE_AS_OF} for the sample, today for --ledger)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="表格语言 / language of the sheets")
    p.add_argument("--currency", default=None, help="台账含多种币种时选择一种 / pick one currency in a mixed ledger")
    return p


def run(args) -> int:
    """Run ``coursekit excel``; 0 on success, 2 with a one-line message on a bad input."""
    import sys

    from .export import check_output
    from .ledger import LedgerError, load_ledger

    try:
        check_output(args.output, [args.ledger] if args.ledger else [])
        ledger = None
        as_of = args.as_of
        if args.ledger:
            ledger = load_ledger(args.ledger, currency=args.currency)
            as_of = as_of or (ledger.export_date or pd.Timestamp(date.today())).date().isoformat()
            ledger.check_as_of(as_of)   # an open-item export answers only for its export date and later
        if as_of is not None:
            try:
                as_of = pd.Timestamp(as_of)
            except (ValueError, TypeError):
                raise ValueError(f"--as-of {args.as_of!r} is not a date; write it as YYYY-MM-DD") from None
        if not str(args.output).lower().endswith(".xlsx"):
            raise ValueError(f"the output must be an .xlsx file, not {args.output!r}")
        write_excel_tool(args.output, ledger, as_of, lang=args.lang)   # written through safe_output
    except (LedgerError, ValueError, OSError) as exc:
        print(f"coursekit: {exc}", file=sys.stderr)
        return 2
    print(f"{'已写入' if args.lang == 'zh' else 'wrote'} {args.output}", file=sys.stderr)
    return 0
