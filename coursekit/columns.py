"""Which source column means what: the header names of real receivables exports.

Learners bring what their system prints (Kingdee 金蝶, Yonyou 用友, SAP FBL5N,
QuickBooks, Xero, Odoo, a hand-kept sheet), not our schema. Each canonical column
has aliases in priority groups: where a file has two columns of the same meaning,
the higher group wins (``客户名称`` beats ``客户编码``; ``Document Date`` beats
``Posting Date``) and the other is reported as not used. Two columns of the same
group, or two identical headers, are refused: coursekit will not choose between
them. Anything else can be mapped explicitly with ``columns={"customer": "往来户"}``
(CLI: ``--columns 'customer=往来户'``).

Headers are compared after Unicode normalisation, lower-casing and removing
spaces, underscores, hyphens, brackets and colons, so ``Net Due Date``,
``net_due_date`` and ``NetDueDate`` are one name. A unit in brackets is read and
removed first: ``金额(万元)`` is ``金额`` in units of 10,000 yuan.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .values import Note

__all__ = ["header_key", "split_unit", "lookup", "map_columns", "ColumnMap", "UNITS", "CANONICAL"]

UNITS = {"元": 1, "千元": 1_000, "万元": 10_000, "百万元": 1_000_000, "亿元": 100_000_000}

# Per table: canonical name -> alias groups, highest priority first.
_INVOICES = {
    "customer": [
        ["customername", "namecustomer", "clientname", "客户名称", "custname", "billtoname", "客户全称", "单位名称", "往来单位名称", "购方名称", "accountname",
         "companyname", "debtorname", "contactname", "partnername", "name1"],
        ["customer", "client", "客户", "客户名", "单位", "购货单位", "购买方", "往来单位", "往来户", "债务人", "付款单位",
         "debtor", "contact", "name", "partner", "billto", "soldto", "soldtoparty"],
        ["customerid", "customerno", "customernumber", "customercode", "custnumber", "custno", "custid", "客户编码",
         "客户编号", "客户代码", "往来单位编码", "accountnumber", "account", "accountno", "customeraccount"],
    ],
    "invoice_id": [
        ["invoiceid", "invoice", "invoiceno", "invoicenumber", "invoicenum", "发票号", "发票号码", "发票编号"],
        ["单据号", "单据编号", "单据号码", "单号", "documentnumber", "documentno", "docno", "docnumber", "docid", "invno",
         "invnumber", "inv", "transno", "transnumber",
         "documentid", "billno", "billnumber", "transactionnumber", "transactionno", "txnno", "num", "number", "no"],
        ["凭证号", "凭证编号", "凭证字号", "订单号", "销售订单号", "合同号", "合同编号"],
        ["ref", "reference", "参考号"],
    ],
    "invoice_date": [
        ["invoicedate", "开票日期", "发票日期", "销售日期", "invdate", "invoicedt"],
        ["单据日期", "业务日期", "documentdate", "docdate", "documentcreatedate", "transactiondate", "txndate",
         "billdate", "dateissued", "issuedate", "issuedon"],
        ["postingdate", "记账日期", "过账日期", "入账日期"],
        ["date", "日期"],
    ],
    "due_date": [
        ["duedate", "due", "netduedate", "dueindate", "paymentduedate", "duedt", "dueon", "paymentdue", "到期日", "到期日期", "应收日期", "应收款到期日",
         "约定付款日", "约定收款日", "付款到期日", "账期到期日", "最后付款日", "收款期限"],
    ],
    # the gross amount owed (价税合计) beats a plain 金额, which on Chinese invoice lists is often net of VAT
    "amount": [
        ["价税合计", "含税金额", "应收金额", "应收款金额", "借方", "借方金额", "本币金额", "invoicetotal", "invoiceamount", "本期应收",
         "本期增加", "应收增加", "invoiceamt", "invamt",
         "amountinlocalcurrency", "amountlocalcurrency", "grossamount", "totalamount", "amountinlc", "amountlc",
         "lcamount"],
        ["amount", "invoicevalue", "金额", "发票金额", "开票金额", "销售金额", "localamount", "originalamount", "amt",
         "originalamt"],
        ["原币金额", "amountindoccurrency", "amountindocumentcurrency"],
        ["total", "totalsigned", "amounttotal", "amounttotalsigned", "合计金额"],
    ],
    "received": [
        ["received", "amountreceived", "receivedamount", "paid", "amountpaid", "paidamount", "payments", "已收金额",
         "已收", "已收款", "已收款金额", "实收金额", "收款金额", "回款金额", "已回款", "已回款金额", "累计收款", "累计已收",
         "已核销金额", "核销金额", "贷方", "贷方金额", "已收回", "本期收回", "本期收款", "收回金额", "amtpaid", "paidamt",
         "totalpaid", "已核销", "已结清金额", "已结清", "已结算金额", "invoiceamountpaid", "amountapplied",
         "paymentamount", "payment", "paymentsreceived", "已付金额", "已付", "collected", "amountcollected"],
    ],
    "credited": [["credited", "creditedamount", "creditnotes", "已折让", "折让金额", "红冲金额"]],
    "outstanding": [
        ["outstanding", "outstandingamount", "outstandingbalance", "openbalance", "openamount", "totalopenamount",
         "openitemamount", "balancedue", "amountdue", "amountresidual", "residual", "residualamount",
         "remaining", "remainingamount", "amountremaining", "未收金额", "未收", "未收款", "未收款金额", "应收余额",
         "未核销金额", "欠款", "欠款金额", "剩余金额", "尚欠金额", "未回款金额", "待收金额",
         "amountoutstanding", "openamt", "openbal", "balanceamt", "未核销", "未回款", "未收回", "未结清金额",
         "open", "lefttopay", "baldue", "amtdue", "dueamount", "amountdueremaining", "remainingamount",
         "invoiceamountdue", "unpaidamount", "unpaid", "未清金额", "未清", "未付金额", "未结余额", "未结金额", "未付",
         "应收未收", "remainingbalance", "netamountdue"],
        # a bare balance may be a customer's running balance: the open amount of each row wins beside it
        ["balance", "余额", "本币余额", "期末余额"],
        ["原币余额"],
    ],
    "settled_date": [
        ["settleddate", "settlementdate", "cleardate", "clearingdate", "paiddate", "datepaid", "paymentdate",
         "receiptdate", "收款日期", "回款日期", "付款日期", "到账日期", "结清日期", "核销日期", "清账日期"],
        ["lastpaymentdate", "最后收款日期", "最近收款日期"],
    ],
    "disputed": [["disputed", "dispute", "indispute", "有争议", "争议", "是否争议", "争议标志"]],
    "kind": [["transactiontype", "documenttype", "doctype", "type", "单据类型", "业务类型"]],
    "currency": [["currency", "币种", "币别", "货币", "localcurrency", "invoicecurrency"],
                 ["documentcurrency", "原币币种"]],
    "salesperson": [["salesperson", "salesrep", "sales", "rep", "业务员", "销售员", "销售人员", "负责人"]],
    "region": [["region", "area", "区域", "地区", "片区", "销售区域"]],
    "terms_days": [["termsdays", "terms", "paymentterms", "custpaymentterms", "customerpaymentterms", "账期",
                    "账期天数", "信用期", "信用天数"]],
}
_PAYMENTS = {
    "payment_date": [["paymentdate", "receiptdate", "paiddate", "date", "收款日期", "回款日期", "付款日期", "到账日期",
                      "日期"]],
    "amount": [["amount", "金额", "收款金额", "付款金额", "回款金额", "本次收款", "实收金额", "金额元", "paidamount",
                "amountpaid", "receivedamount"]],
    "invoice_id": [["invoiceid", "invoice", "invoiceno", "invoicenumber", "发票号", "发票号码", "发票编号", "单据号",
                    "单据编号", "单号"]],
    "customer": [["customer", "customername", "client", "客户", "客户名称", "客户名", "单位", "单位名称", "往来单位",
                  "往来单位名称", "付款单位", "contact", "name"],
                 ["customerid", "customerno", "customernumber", "customercode", "客户编码", "客户编号"]],
    "kind": [["kind", "type", "类型", "单据类型", "收款类型"]],
    "currency": [["currency", "币种", "币别", "货币"]],
    "reference": [["reference", "ref", "memo", "备注", "摘要", "流水号"]],
}
_CUSTOMERS = {
    "customer": [["customer", "customername", "client", "客户", "客户名称", "客户名", "单位", "单位名称", "往来单位",
                  "name"], ["customerid", "customercode", "客户编码", "客户编号"]],
    "status": [["status", "状态", "经营状态", "客户状态"]],
    "status_date": [["statusdate", "statussince", "状态日期", "状态变更日期", "状态生效日期"]],
    "disputed": [["disputed", "dispute", "有争议", "争议", "是否争议"]],
    "cooperative": [["cooperative", "配合", "是否配合", "合作态度"]],
    "broken_promise": [["brokenpromise", "违约承诺", "失信", "承诺未兑现"]],
    "credit_limit": [["creditlimit", "信用额度", "授信额度"]],
    "last_demand_date": [["lastdemanddate", "最近催款日期", "最后催款日期", "催款日期"]],
    "last_acknowledgement_date": [["lastacknowledgementdate", "lastacknowledgmentdate", "最近确认日期", "对账确认日期",
                                   "最后确认日期", "确认日期"]],
    "salesperson": [["salesperson", "salesrep", "业务员", "销售员", "负责人"]],
    "region": [["region", "area", "区域", "地区", "片区"]],
    "contact": [["contact", "联系人"]],
}
CANONICAL = {"invoices": _INVOICES, "payments": _PAYMENTS, "customers": _CUSTOMERS}

_UNIT_RE = re.compile(r"[(（\[【]\s*(?:单位[:：]?\s*)?(人民币)?\s*(百万元|千元|万元|亿元|元|rmb|cny|usd|eur|hkd|gbp|jpy|¥|\$)\s*[)）\]】]\s*$",
                      re.I)


_CURRENCY_TAIL = re.compile(r"^(.+?)(usd|cny|rmb|eur|hkd|gbp|jpy)$")


def header_key(name: object) -> str:
    """A header reduced to what matters for matching: ``'Net Due Date'`` -> ``'netduedate'``."""
    text = unicodedata.normalize("NFKC", str(name)).strip().lower()
    text = _DAY_UNIT.sub("", text)        # '账期(天)', 'Terms (days)': the unit of a number of days
    return re.sub(r"[\s_\-()\[\]（）【】:：/.#*]+", "", text)


_DAY_UNIT = re.compile(r"[(\[【]\s*(天|日|天数|days?)\s*[)\]】]\s*$")
_LOCAL = re.compile(r"本币|本位币|人民币|localcurr|loccurr|lcurr|^lc(amount|amt|bal)|(amount|amt|balance|bal)(in)?lc$|functionalcurr|basecurr|homecurr|"
                    r"companycodecurr|reportingcurr")


def in_local_currency(header: object) -> bool:
    """True when a money header says its amounts are in the local (bookkeeping) currency: 本币金额,
    余额(本币), 人民币金额, Amount in Local Currency, Amt in LC, functional currency. Such a column adds up
    whatever currency the document was written in; a 币别/currency column beside it names the
    document's own currency (原币)."""
    key = header_key(header)
    return bool(_LOCAL.search(key)) and "原币" not in key


def split_unit(name: object) -> tuple[str, str | None]:
    """``'金额(万元)'`` -> ``('金额', '万元')``; a currency in brackets is returned as the unit too."""
    text = unicodedata.normalize("NFKC", str(name)).strip()
    m = _UNIT_RE.search(text)
    if not m:
        return text, None
    return text[: m.start()].strip(), m.group(2).upper() if m.group(2).isascii() else m.group(2)


_INDEX = {
    table: {header_key(a): (canon, rank) for canon, groups in spec.items() for rank, names in enumerate(groups)
            for a in names}
    for table, spec in CANONICAL.items()
}


@dataclass
class ColumnMap:
    """What each source column was read as, for one table."""

    used: dict[str, str] = field(default_factory=dict)       # canonical -> source header
    units: dict[str, str] = field(default_factory=dict)      # canonical -> unit found in its header
    unused: list[str] = field(default_factory=list)          # source headers not read
    passed_over: list[str] = field(default_factory=list)     # sentences: "X not used: Y read as customer"
    problems: list[tuple[str, Note]] = field(default_factory=list)  # (source header, message in en and zh)


_TABLES_ZH = {"invoices": "发票表", "payments": "收款表", "customers": "客户表"}



def lookup(header: object, table: str) -> tuple[str, int, str | None] | None:
    """What a header means in ``table``: ``(canonical name, priority group, unit)``, or None.

    ``'金额(万元)'`` -> ``('amount', 1, '万元')``; ``'invoice_amount_usd'`` -> ``('amount', 0, 'USD')``.
    """
    index = _INDEX[table]
    base, unit = split_unit(header)
    hit = index.get(header_key(base)) or index.get(header_key(header))
    if hit is None:     # invoice_amount_usd, Amount CNY: a currency code at the end of the name
        m = _CURRENCY_TAIL.match(header_key(base))
        if m and m.group(1) in index:
            hit, unit = index[m.group(1)], m.group(2).upper()
    if hit is None:     # 本币已核销 = 已核销 in the local currency; 原币… (the invoice's own currency) ranks below
        tail = _CURRENCY_SUFFIX.match(unicodedata.normalize("NFKC", base).strip())   # 余额(本币) = 本币余额
        m = _CURRENCY_PREFIX.match(header_key(tail.group(2) + tail.group(1)) if tail else header_key(base))
        if m and m.group(2) in index:
            canon, rank = index[m.group(2)]
            hit = (canon, rank + (0 if m.group(1) in ("本币", "人民币") else 10))
    return None if hit is None else (hit[0], hit[1], unit)


_CURRENCY_PREFIX = re.compile(r"^(本币|人民币|原币)(.+)$")
_CURRENCY_SUFFIX = re.compile(r"^(.+?)\s*[(\[【]\s*(本币|人民币|原币)\s*[)\]】]$")


def map_columns(headers: list, table: str, explicit: dict[str, str] | None = None) -> ColumnMap:
    """Decide which header is read as which canonical column of ``table``.

    ``explicit`` maps canonical names to source headers and wins over every alias.
    """
    spec = CANONICAL[table]
    result = ColumnMap()
    explicit = dict(explicit or {})
    names = [str(h) for h in headers]
    seen: dict[str, int] = {}
    for h in names:
        seen[h] = seen.get(h, 0) + 1
    for h, n in seen.items():
        if n > 1 and h.strip() and not h.startswith("Unnamed"):
            result.problems.append((h, Note(f"the header '{h}' appears {n} times; rename or delete the extra columns",
                                            f"表头“{h}”出现了 {n} 次：请给多出的列改名，或删掉多余的列")))
    for canon, src in explicit.items():
        if canon not in spec:
            result.problems.append((src, Note(f"'{canon}' is not a column coursekit reads in {table} "
                                              f"(choose from: {', '.join(spec)})",
                                              f"“{canon}”不是 coursekit 在{_TABLES_ZH.get(table, table)}里读取的列"
                                              f"（可选：{'、'.join(spec)}）")))
        elif src not in names:
            found = [n for n in names if n.strip()]
            result.problems.append((src, Note(f"the column '{src}' given for '{canon}' is not in the file "
                                              f"(columns found: {', '.join(found) or 'none'})",
                                              f"为“{canon}”指定的列“{src}”不在文件里"
                                              f"（文件里的列：{'、'.join(found) or '无'}）")))
        else:
            result.used[canon] = src
    taken = set(result.used.values())
    candidates: dict[str, list[tuple[int, str]]] = {}
    header_units: dict[str, str] = {}
    for h in names:
        if h in taken or not h.strip():
            continue
        hit = lookup(h, table)
        if hit is None:
            result.unused.append(h)
            continue
        canon, rank, unit = hit
        if canon in result.used:
            result.unused.append(h)
            result.passed_over.append(Note(f"'{h}' not used: '{result.used[canon]}' was named for {canon}",
                                           f"“{h}”未使用：已指定“{result.used[canon]}”作为 {canon}"))
            continue
        candidates.setdefault(canon, []).append((rank, h))
        if unit:
            header_units[h] = unit
    # Xero and others print both "Due Date" and "Due" (the amount still due).
    if table == "invoices" and "due_date" in candidates:
        plain_due = [c for c in candidates["due_date"] if header_key(c[1]) == "due"]
        if plain_due and len(candidates["due_date"]) > 1:
            candidates["due_date"] = [c for c in candidates["due_date"] if c not in plain_due]
            candidates.setdefault("outstanding", []).extend(plain_due)
    for canon, found in candidates.items():
        found.sort()
        best = found[0][0]
        top = [h for r, h in found if r == best]
        if len(top) > 1:
            result.problems.append((top[1], Note(f"columns {', '.join(repr(t) for t in top)} all mean '{canon}'; "
                                                 f"keep one, or name it with --columns '{canon}=…'",
                                                 f"列{'、'.join(f'“{t}”' for t in top)}都表示“{canon}”："
                                                 f"请只保留一列，或用 --columns '{canon}=…' 指定用哪一列")))
            continue
        result.used[canon] = top[0]
        if top[0] in header_units:
            result.units[canon] = header_units[top[0]]
        for _, h in found[1:]:
            result.unused.append(h)
            result.passed_over.append(Note(f"'{h}' not used: '{top[0]}' is read as {canon}",
                                           f"“{h}”未使用：按“{top[0]}”读取 {canon}"))
    if table == "invoices":
        _money_left_unread(result)
        if "amount" not in explicit:
            _tax_left_out(result)
    return result


_TAX = re.compile(r"^(税额|税金|增值税|增值税额|销项税|销项税额|tax|taxamount|vat|vatamount|gst|salestax)$")
_WITH_TAX = re.compile(r"价税合计|含税|应收|gross|total|due|outstanding|balance|余额|借方")


def _tax_left_out(result: ColumnMap) -> None:
    """On a Chinese VAT invoice 金额 is before tax and the customer owes 价税合计 = 金额 + 税额. An amount column
    that does not say it includes tax, next to a tax column, may be short by the tax: stop and ask which."""
    amount = result.used.get("amount")
    if amount is None or _WITH_TAX.search(header_key(amount)):
        return
    tax = next((h for h in result.unused if _TAX.match(header_key(split_unit(h)[0]))), None)
    if tax is not None:
        result.problems.append((amount, Note(
            f"the amount '{amount}' stands next to a tax column '{tax}': on a VAT invoice the amount is before tax "
            f"and the customer owes amount + tax (价税合计). If '{amount}' already includes the tax, say so with "
            f"--columns 'amount={amount}'; otherwise add the 价税合计 (gross) column to the export",
            f"金额列“{amount}”旁边有税额列“{tax}”：增值税发票上的“金额”不含税，客户应付的是价税合计（金额 + 税额）。"
            f"如果“{amount}”已经含税，加上 --columns 'amount={amount}' 确认；否则请在导出中加上价税合计列")))


_LOOKS_LIKE = {   # in this order: 未核销 (open) also contains 核销 (received)
    "outstanding": re.compile(r"未收|未核销|未回款|未付|未结|未清|欠款|余额|尚欠|待收|^open$|open\s*(amount|amt|bal)|"
                              r"outstanding|balance|amount\s*due|amt\s*due|bal\s*due|due\s*amount|remaining|"
                              r"residual|left\s*to\s*pay|unpaid", re.I),
    "credited": re.compile(r"折让|红冲|credit\s*notes?|credited", re.I),
    "received": re.compile(r"已收|已核销|已回款|已付|已结|实收|收回|核销|冲销|收款|回款金额|paid|received|collected|"
                           r"applied|payment", re.I),
}
_NOT_MONEY = re.compile(r"日期|时间|天|次数|方式|方向|账龄|状态|条件|单号|编号|date|day|age|aging|count|method|type|status|"
                        r"terms|no\.?$|number|#|ref", re.I)
_MEANS = {"received": ("amounts received", "已收金额"), "outstanding": ("amounts still open", "未收金额"),
          "credited": ("amounts credited", "折让或红冲金额")}


def _money_left_unread(result: ColumnMap) -> None:
    """An invoice column that looks like money received, credited or still open, when nothing of the kind was
    read, would leave every invoice counted as wholly unpaid: stop and say how to read it, never guess."""
    if {"received", "credited", "outstanding", "settled_date"} & set(result.used):
        return
    for h in result.unused:
        if _NOT_MONEY.search(h):
            continue
        for canon, rx in _LOOKS_LIKE.items():
            if rx.search(h):
                en, zh = _MEANS[canon]
                result.problems.append((h, Note(
                    f"the column '{h}' looks like {en}, which change what is owed, but coursekit does not know it "
                    f"by that name: add --columns '{canon}={h}' if it is, or delete the column if it is not",
                    f"“{h}”列看起来是{zh}，会改变欠款金额，但 coursekit 不认识这个列名：如果是，加上 "
                    f"--columns '{canon}={h}'；如果不是，请删掉这一列")))
                break
