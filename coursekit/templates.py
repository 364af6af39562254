"""Blank templates learners use the next day, generated from the code so they never drift.

``write_templates(folder)`` writes, in Chinese and English:

* ``collection-plan-<lang>.xlsx`` — the collection table (债务催收表), with the columns
  of :func:`coursekit.collection_plan` and one example row from the sample ledger;
* ``aging-record-<lang>.xlsx`` — the aging record table (账龄记录表), with the columns of
  :func:`coursekit.open_items`, an example row and a per-customer summary sheet;
* ``credit-investigation-<lang>.xlsx`` — a customer credit-investigation form
  (客户资信调查表) ending in the 5C scores;
* the letters in ``coursekit/data/letters/``: a polite reminder, a formal demand letter
  and a balance confirmation letter (对账函), as UTF-8 text any editor opens;
* ``statement-<lang>.xlsx`` — a balance statement (对账单) listing one sample customer's
  open invoices, ending in a signature block whose confirmation interrupts the limitation
  period (Civil Code art. 195; 法释〔2008〕11号 art. 14);
* ``call-log-<lang>.xlsx`` — a collection call log (催收记录), one row per contact;
* ``excel-tool-<lang>.xlsx`` — the Excel tool (账龄分析表格, :mod:`coursekit.excel_tool`):
  aging, grades, limitation and plan as live formulas, pre-filled with the sample ledger;
* further letters: a repayment undertaking with an optional guarantor clause (还款承诺书),
  a payment-order application (支付令申请书), a bankruptcy proof of claim (债权申报书) and
  a notice of lien (留置通知书), a notice suspending performance (中止履行通知书) and a notice of
  assignment of a claim (债权转让通知书).

Every form ends with notes naming the articles that make its clauses work.
``LABELS`` gives each template's link text for ``[[tpl:NAME]]``.
"""
from __future__ import annotations

import contextlib
import shutil
from importlib import resources
from pathlib import Path

import pandas as pd

from .excel_tool import write_excel_tool
from .export import with_headers

__all__ = ["write_templates", "TEMPLATES", "LABELS"]

AS_OF = "2026-10-31"
LETTERS = ("reminder", "demand-letter", "balance-confirmation", "repayment-undertaking",
           "payment-order-application", "claim-filing", "lien-notice", "suspension-notice", "assignment-notice")
SHEETS_EXTRA = ("statement", "call-log")

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
             + [f"{name}-{lang}.txt" for name in LETTERS]
             + [f"{name}-{lang}.xlsx" for name in SHEETS_EXTRA] + [f"excel-tool-{lang}.xlsx"] for lang in ("zh", "en")}

#: Link text of each template, by language (used for ``[[tpl:NAME]]`` links).
LABELS = {
    "zh": {"collection-plan": "债务催收表（Excel）", "aging-record": "账龄记录表（Excel）",
           "credit-investigation": "客户资信调查表（Excel）", "reminder": "付款提醒函（文本）",
           "demand-letter": "催款函（文本）", "balance-confirmation": "对账函（文本）",
           "repayment-undertaking": "还款承诺书（文本）", "payment-order-application": "支付令申请书（文本）",
           "claim-filing": "债权申报书（文本）", "lien-notice": "留置通知书（文本）",
           "suspension-notice": "中止履行通知书（文本）", "assignment-notice": "债权转让通知书（文本）",
           "statement": "对账单（Excel）", "call-log": "催收记录表（Excel）",
           "excel-tool": "账龄分析表格（Excel 公式版）"},
    "en": {"collection-plan": "Collection plan (Excel)", "aging-record": "Aging record table (Excel)",
           "credit-investigation": "Credit investigation form (Excel)", "reminder": "Payment reminder (text)",
           "demand-letter": "Demand letter (text)", "balance-confirmation": "Balance confirmation letter (text)",
           "repayment-undertaking": "Repayment undertaking (text)",
           "payment-order-application": "Payment order application (text)",
           "claim-filing": "Bankruptcy proof of claim (text)", "lien-notice": "Notice of lien (text)",
           "suspension-notice": "Notice of suspension of performance (text)",
           "assignment-notice": "Notice of assignment of a claim (text)",
           "statement": "Balance statement (Excel)", "call-log": "Collection call log (Excel)",
           "excel-tool": "Aging analysis spreadsheet (Excel, live formulas)"},
}

STATEMENT = {
    "zh": {"sheet": "对账单", "notes_sheet": "使用说明",
           "title": "往来对账单（截至 {as_of}，示例客户：{customer}）",
           "columns": ["发票号", "开票日期", "到期日", "发票金额", "已收金额", "未收金额", "累计未收"],
           "total": "合计未收",
           "block": ["———— 以下由贵司填写并盖章 ————",
                     "□ 确认：截至＿＿＿＿年＿＿月＿＿日，我司尚欠贵司人民币＿＿＿＿元，数额无误，将于＿＿＿＿年＿＿月＿＿日前支付。",
                     "□ 不符：差异金额人民币＿＿＿＿元，原因及凭证：＿＿＿＿＿＿＿＿",
                     "债务人（盖章）：＿＿＿＿＿＿公司    经办人签字：＿＿＿＿    日期：＿＿＿＿"],
           "notes": ["请对方在“确认”栏写明付款日期后盖章：写明了何时付款，属于同意履行义务，诉讼时效从确认之日起"
                     "重新计算三年（《民法典》第195条；《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》"
                     "第14条）。只确认余额、不写付款安排的，各地法院认定不一；对账单附有付款要求并已送达的，至少可作为"
                     "一次催告（《民法典》第195条）。",
                     "“确认”栏写了付款日期，就同时是一份还款承诺；时效已届满的旧账，对方确认并同意支付后不能再以时效抗辩"
                     "（《民法典》第192条）。",
                     "只列双方都有单据的发票和收款；有争议的发票单独列明，不要混入确认金额。",
                     "用能证明送达的方式寄出并保存签收记录（法释〔2008〕11号第8条），回收的原件交财务存档，"
                     "签章日期记入台账“最近一次确认”栏。",
                     "表中示例行来自课程样例台账，使用前替换为你的数据。"]},
    "en": {"sheet": "Statement", "notes_sheet": "How to use",
           "title": "Balance statement (as of {as_of}; sample customer: {customer})",
           "columns": ["Invoice no.", "Invoice date", "Due date", "Invoice amount", "Paid", "Unpaid", "Running unpaid"],
           "total": "Total unpaid",
           "block": ["---- To be completed and sealed by your company ----",
                     "[ ] Confirmed: as of ________ we owe your company CNY ________; the amount is correct and we "
                     "will pay it by ________.",
                     "[ ] Not agreed: difference CNY ________; reason and documents: ________",
                     "Debtor (company seal): ________ Co., Ltd.   Signed by: ________   Date: ________"],
           "notes": ["Ask the customer to fill in the payment date before sealing: a confirmation that says when it will "
                     "pay is the debtor agreeing to perform, so the three years run again from that date (PRC Civil "
                     "Code art. 195; SPC rules on limitation, Fa Shi [2008] No. 11, art. 14). Courts differ on a seal "
                     "under the balance alone; a statement that asks for payment and is delivered counts at least as "
                     "a demand (Civil Code art. 195).",
                     "With a payment date filled in, the confirmation is also a promise to pay; on an old debt whose "
                     "period had expired, a debtor who confirms and agrees to pay cannot then plead expiry (Civil Code "
                     "art. 192).",
                     "List only invoices and payments both sides have documents for; list disputed invoices "
                     "separately, never inside the confirmed amount.",
                     "Send it in a way that proves delivery and keep the receipt (Fa Shi [2008] No. 11, art. 8); file "
                     "the returned original with finance and record the date in the ledger's \"last acknowledgement\" "
                     "column.",
                     "The example rows come from the course's sample ledger: replace them with your own data."]},
}

CALL_LOG = {
    "zh": {"sheet": "催收记录", "notes_sheet": "使用说明",
           "columns": ["日期时间", "客户", "联系人及职务", "方式（电话/微信/邮件/面谈）", "号码或地址（对方确认过的）",
                       "涉及发票与金额", "谈话要点", "对方承诺（金额/日期）", "证据（录音/截图/邮件文件名）",
                       "下次跟进日期", "记录人"],
           "example": ["2026-11-03 10:20", "示例：华东某机电公司", "财务经理 王女士", "电话", "021-5xxxxxxx（合同所载）",
                       "INV-000099 等3张，合计26,459.85元（样例台账数字）", "对方称月底资金紧张，未对金额提出异议",
                       "11月20日前付13,000元，余款12月10日前付清", "20261103-1020-王.m4a；当日发邮件确认",
                       "2026-11-21", "李明"],
           "notes": ["每次联系都记一行，当天记完：日后证明“一直在催”、时效中断，靠的就是这张表和其中列明的证据文件。",
                     "催告以到达对方为准（《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第8条）："
                     "电话催告后当天用邮件或微信把要点和对方承诺发给对方确认，保留回复。",
                     "对方承诺分期付款或请求延期，属于同意履行义务，中断诉讼时效（同上规定第14条；《民法典》第195条）；"
                     "在“对方承诺”栏写清金额和日期，到期次日跟进。",
                     "只记录与这笔债务有关、必要的信息（《个人信息保护法》第6条）；不记录、不打听对方员工的家庭住址和亲属信息。",
                     "联系只在工作时间、通过对方确认过的工作渠道进行；示例行是虚构的，使用前删除。"]},
    "en": {"sheet": "Call log", "notes_sheet": "How to use",
           "columns": ["Date and time", "Customer", "Contact and title", "Channel (phone / WeChat / email / visit)",
                       "Number or address (confirmed by the customer)", "Invoices and amount", "What was said",
                       "Promise (amount / date)", "Evidence (recording / screenshot / email file name)",
                       "Next follow-up", "Logged by"],
           "example": ["2026-11-03 10:20", "Example: an East China machinery company", "Ms Wang, finance manager",
                       "Phone", "021-5xxxxxxx (from the contract)", "INV-000099 and 2 others, CNY 26,459.85 (sample-ledger figures)",
                       "Says cash is tight until month end; no dispute about the amount",
                       "CNY 13,000 by 20 Nov, the rest by 10 Dec", "20261103-1020-wang.m4a; confirmed by email the same day",
                       "2026-11-21", "Li Ming"],
           "notes": ["Log every contact, the same day: this sheet and the evidence files it names are how you later "
                     "prove you kept demanding and that the limitation period was interrupted.",
                     "A demand counts once it reaches the debtor (SPC rules on limitation, Fa Shi [2008] No. 11, art. 8): "
                     "after a call, send the main points and any promise by email or WeChat the same day and keep the "
                     "reply.",
                     "A promise to pay in instalments or a request for more time is the debtor agreeing to perform and "
                     "interrupts the limitation period (same rules, art. 14; PRC Civil Code art. 195): write the amount "
                     "and date in the promise column and follow up the day after.",
                     "Record only what this debt needs (PIPL art. 6): never record or ask about employees' home "
                     "addresses or relatives.",
                     "Contact only in working hours through channels the customer has confirmed; the example row is "
                     "invented: delete it before use."]},
}


@contextlib.contextmanager
def _workbook(path: Path):
    """An Excel writer on a temporary file that replaces ``path`` only when the workbook is complete."""
    from .export import safe_output

    with safe_output(path, ".xlsx") as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as xw:
        yield xw


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

    from .export import safe_output

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    ledger = ck.load_ledger(ck.sample.sample_path())
    written = []
    for lang in ("zh", "en"):
        s = SHEETS[lang]
        plan = with_headers(_example_row(ck.collection_plan(ledger, AS_OF, lang=lang)), lang)
        path = folder / f"collection-plan-{lang}.xlsx"
        with _workbook(path) as xw:
            _write_sheet(xw, plan, s["plan"])
        written.append(path)

        items = ck.open_items(ledger, AS_OF)
        path = folder / f"aging-record-{lang}.xlsx"
        with _workbook(path) as xw:
            _write_sheet(xw, with_headers(_example_row(items), lang), s["items"])
            _write_sheet(xw, with_headers(_example_row(ck.aging(ledger, AS_OF)), lang), s["summary"])
        written.append(path)

        rows = [(section, field, "") for section, fields in CREDIT_FORM[lang] for field in fields]
        cols = ["部分", "项目", "内容 / 证据来源"] if lang == "zh" else ["Section", "Item", "Finding / source of evidence"]
        path = folder / f"credit-investigation-{lang}.xlsx"
        with _workbook(path) as xw:
            _write_sheet(xw, pd.DataFrame(rows, columns=cols), s["credit"])
        written.append(path)

        for name in LETTERS:
            src = resources.files("coursekit").joinpath(f"data/letters/{name}-{lang}.txt")
            dest = folder / f"{name}-{lang}.txt"
            with resources.as_file(src) as real, safe_output(dest, ".txt") as tmp:
                shutil.copyfile(real, tmp)
            written.append(dest)

        written.append(_write_statement(folder / f"statement-{lang}.xlsx", items, lang))
        written.append(_write_call_log(folder / f"call-log-{lang}.xlsx", lang))
        written.append(write_excel_tool(folder / f"excel-tool-{lang}.xlsx", lang=lang))
    return written


def _notes_sheet(xw, notes: list[str], name: str) -> None:
    _write_sheet(xw, pd.DataFrame({name: notes}), name)
    xw.sheets[name].column_dimensions["A"].width = 120


def _write_statement(path: Path, items: pd.DataFrame, lang: str) -> Path:
    """对账单: the open invoices of the sample ledger's first customer, then the signature block."""
    t = STATEMENT[lang]
    customer = items["customer"].iloc[0] if len(items) else ""
    rows = items[items["customer"] == customer].head(5)
    table = pd.DataFrame({
        t["columns"][0]: rows["invoice_id"].to_numpy(),
        t["columns"][1]: rows["invoice_date"].dt.strftime("%Y-%m-%d").to_numpy(),
        t["columns"][2]: rows["due_date"].dt.strftime("%Y-%m-%d").to_numpy(),
        t["columns"][3]: rows["amount"].round(2).to_numpy(),
        t["columns"][4]: rows["paid"].round(2).to_numpy(),
        t["columns"][5]: rows["outstanding"].round(2).to_numpy(),
        t["columns"][6]: rows["outstanding"].cumsum().round(2).to_numpy(),
    })
    with _workbook(path) as xw:
        table.to_excel(xw, sheet_name=t["sheet"], index=False, startrow=2)
        ws = xw.sheets[t["sheet"]]
        ws.cell(row=1, column=1, value=t["title"].format(as_of=AS_OF, customer=customer))
        end = len(table) + 4
        ws.cell(row=end, column=5, value=t["total"])
        ws.cell(row=end, column=6, value=round(float(rows["outstanding"].sum()), 2))
        for i, line in enumerate(t["block"]):
            ws.cell(row=end + 2 + i, column=1, value=line)
        for letter in "ABCDEFG":
            ws.column_dimensions[letter].width = 16
        _notes_sheet(xw, t["notes"], t["notes_sheet"])
    return path


def _write_call_log(path: Path, lang: str) -> Path:
    """催收记录: one row per contact, with an invented example row and the notes."""
    t = CALL_LOG[lang]
    with _workbook(path) as xw:
        _write_sheet(xw, pd.DataFrame([t["example"]], columns=t["columns"]), t["sheet"])
        _notes_sheet(xw, t["notes"], t["notes_sheet"])
    return path
