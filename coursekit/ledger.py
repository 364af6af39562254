"""The receivables ledger: invoices, payments and customer attributes, validated.

A :class:`Ledger` is built from pandas DataFrames or read from a file with
:func:`load_ledger` (see :mod:`coursekit.reading` for what files it reads). It
accepts the headers of real exports (:mod:`coursekit.columns`), the value formats
of :mod:`coursekit.values`, and three shapes of invoice list:

* **invoices + payments**: one row per invoice and one per receipt;
* **an open-item list**: one row per invoice with what was received or what is
  still open (``已收金额`` / ``未收金额`` / ``余额``, ``Paid`` / ``Open Balance`` /
  ``Due``). Receipts are then derived from those columns. Where the list has no
  receipt dates, the ledger is exact only as of the day the file was exported
  (:attr:`Ledger.valid_from`) and refuses an earlier as-of date;
* **an invoice list with a settled date** (``SettledDate``, ``Clearing Date``,
  ``收款日期`` on the invoice row): the settlement becomes a receipt on that date.

Rows with a negative amount (or typed as a payment or credit memo) in a list
without a separate payments table are credits of their customer. Every problem
is reported at once in a :class:`LedgerError` that names the file, sheet, row
and the user's own column header; nothing is dropped or guessed silently, and
everything that was inferred is written to :attr:`Ledger.notes` and
:meth:`Ledger.summary`.

Amounts are kept exactly, in integer cents, so that balances add up to the cent.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import values as V
from .columns import UNITS, ColumnMap, in_local_currency, map_columns
from .values import Note

__all__ = ["Ledger", "LedgerError", "AsOfError", "load_ledger", "Problem", "Note"]

INVOICE_REQUIRED = ("customer", "invoice_id", "invoice_date", "due_date", "amount")
PAYMENT_REQUIRED = ("payment_date", "amount")
CUSTOMER_REQUIRED = ("customer",)
STATUSES = ("active", "distressed", "bankrupt", "deregistered")
PAYMENT_KINDS = ("payment", "credit_note")

_STATUS_WORDS = {
    "active": "active", "正常": "active", "存续": "active", "在业": "active", "": "active",
    "distressed": "distressed", "困难": "distressed", "经营困难": "distressed", "异常": "distressed",
    "bankrupt": "bankrupt", "破产": "bankrupt", "破产清算": "bankrupt", "破产重整": "bankrupt",
    "deregistered": "deregistered", "注销": "deregistered", "已注销": "deregistered",
    # a revoked licence (吊销) ends trading but the company still exists and still owes: not 注销
    "吊销": "distressed", "吊销营业执照": "distressed",
}
_KIND_WORDS = {"payment": "payment", "": "payment", "收款": "payment", "回款": "payment",
               "credit_note": "credit_note", "creditnote": "credit_note", "credit note": "credit_note",
               "红字发票": "credit_note", "红冲": "credit_note", "折让": "credit_note", "退货": "credit_note"}
# Document types on an invoice list: what is an invoice, what is a receipt or a credit.
_ROW_KINDS = {
    "invoice": "invoice", "inv": "invoice", "发票": "invoice", "销售发票": "invoice", "应收单": "invoice",
    "其他应收单": "invoice", "销售出库单": "invoice", "rv": "invoice", "dr": "invoice", "debit note": "invoice",
    "bill": "invoice", "sales invoice": "invoice", "charge": "invoice", "statement charge": "invoice",
    "payment": "payment", "receipt": "payment", "收款": "payment", "收款单": "payment", "回款": "payment",
    "dz": "payment", "customer payment": "payment", "预收": "payment", "预收款": "payment",
    "credit memo": "credit_note", "credit note": "credit_note", "credit": "credit_note", "红字发票": "credit_note",
    "退货": "credit_note", "折让": "credit_note", "dg": "credit_note", "credit_note": "credit_note",
}
_MAX_LISTED = 20
_CENT = 0.005
_EMPTY = Note("is empty", "是空的")
_STATUS_HEADER = re.compile(r"状态|是否|结清|收款情况|回款情况|status|paid|settled|closed", re.I)
_PAID_WORDS = re.compile(r"已收|已收款|已收回|已结清|结清|已核销|已付|已付款|已回款|全部收回|paid|paid in full|fully paid|"
                         r"closed|settled|cleared")
_INDICATOR_HEADER = re.compile(r"debit.?credit|d\s*/\s*c\b|s\s*/\s*h\b|dr\s*/\s*cr|借贷|借/贷|借贷方向|借贷标志|"
                               r"shkzg|dc\s*ind", re.I)
_DEBIT, _CREDIT = {"s", "d", "dr", "debit", "借"}, {"h", "c", "cr", "credit", "贷"}
_VOID_WORDS = re.compile(r"draft|void|voided|cancelled|canceled|deleted|作废|已作废|草稿|已取消|取消|撤销|已撤销")
_PAID_HEADER = re.compile(r"结清|收款|回款|付款|核销|paid|settled|closed", re.I)
_YES = re.compile(r"是|yes|y|true|√|✓")
_AGING_BUCKET = re.compile(r"^\s*(未到期|未逾期|current|not\s*due|逾期)?\s*(\d+\s*[-–~至]\s*\d+|\d+\s*\+|"
                           r"(over|>)\s*\d+|\d+\s*(天|日)?\s*以上)\s*(天|日|days?)?\s*$|^\s*(未到期|current|not\s*due)\s*$",
                           re.I)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as possible.

    ``count`` is how many rows the problem stands for (a line that sums up the
    rows not listed one by one stands for all of them).
    """

    table: str
    message: str
    row: object = None
    column: str | None = None
    count: int = 1

    def describe(self, where: dict[str, str], headers: dict[str, dict[str, str]] | None = None,
                 lang: str = "en") -> str:
        """Where the problem is (file or table, row, the column as the file names it) and what it is."""
        source = (headers or {}).get(self.table, {}).get(self.column) if self.column is not None else None
        column = source or self.column
        if lang == "zh":
            name = V.say(where.get(self.table, self.table), "zh")
            parts = [_TABLES_ZH.get(name, name)]
            if self.row is not None:
                parts.append(f"第 {self.row} 行")
            if column is not None:
                parts.append(f"“{column}”列")
            return "，".join(parts) + "：" + V.say(self.message, "zh")
        parts = [where.get(self.table, self.table)]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if column is not None:
            parts.append(f"column '{column}'")
        return ", ".join(parts) + ": " + str(self.message)


_TABLES_ZH = {"invoices": "发票表", "payments": "收款表", "customers": "客户表"}


def _flag(problems: list[Problem], mask, table: str, column: str | None, rows, message) -> None:
    """Add a problem for each row where ``mask`` is true: the first ones one by one, the rest summed up.

    ``message`` is a sentence, or a function of the row position that returns one;
    ``rows`` gives the row names users see (spreadsheet rows or DataFrame index).
    """
    hits = np.flatnonzero(np.asarray(mask, dtype=bool))
    for i in hits[:_MAX_LISTED]:
        problems.append(Problem(table, message(i) if callable(message) else message, rows[i], column))
    if len(hits) > _MAX_LISTED:
        rest, first, last = len(hits) - _MAX_LISTED, rows[hits[_MAX_LISTED]], rows[hits[-1]]
        problems.append(Problem(table, Note(f"the same in {rest:,} more rows (rows {first} to {last})",
                                            f"另有 {rest:,} 行同样的问题（第 {first} 行至第 {last} 行）"),
                                None, column, count=rest))


class LedgerError(ValueError):
    """The ledger cannot be used as given. ``problems`` lists each problem found."""

    def __init__(self, problems: list[Problem], where: dict[str, str] | None = None,
                 headers: dict[str, dict[str, str]] | None = None):
        self.problems = problems
        self.where, self.headers = where or {}, headers
        super().__init__(self.describe("en"))

    def describe(self, lang: str = "en") -> str:
        """The whole list in ``lang`` (``"en"`` or ``"zh"``); ``str(error)`` is the English one."""
        total = sum(p.count for p in self.problems)
        lines = [p.describe(self.where, self.headers, lang) for p in self.problems[: 3 * _MAX_LISTED]]
        more = sum(p.count for p in self.problems[3 * _MAX_LISTED:])
        if lang == "zh":
            if more:
                lines.append(f"……另有 {more:,} 处")
            return f"台账有 {total:,} 处问题：\n  " + "\n  ".join(lines)
        if more:
            lines.append(f"... and {more:,} more")
        head = "The ledger has a problem" if total == 1 else f"The ledger has {total:,} problems"
        return head + ":\n  " + "\n  ".join(lines)


class AsOfError(ValueError):
    """The ledger cannot answer for that as-of date (e.g. before the export date of an open-item list)."""


def _status_columns(df: pd.DataFrame, cmap: ColumnMap):
    """Each unread invoice column named like a status (状态, Status, 是否结清 …) with its text in lower case."""
    for h in cmap.unused:
        if h in df.columns and _STATUS_HEADER.search(str(h)):
            yield h, V.text(df[h]).str.lower()


def _not_yes_no(value) -> Note:
    return Note(f"{value!r} is not yes/no (是/否)", f"{value!r} 不是“是”或“否”")


def _row_labels(df: pd.DataFrame, file_rows: bool) -> np.ndarray:
    """Row names users can find: the spreadsheet row (header is row 1) or the DataFrame index."""
    if file_rows:
        return np.arange(2, len(df) + 2)
    return df.index.to_numpy()


def _words(s: pd.Series, words: dict) -> tuple[pd.Series, np.ndarray]:
    """A column of few distinct words (kinds, statuses) mapped through ``words``, case and spaces ignored,
    and where a cell's word is not known (missing in the result). A missing cell reads as the blank word
    ``words[""]`` when there is one. Decided once per distinct value."""
    codes, uniques = V.factorize(s)
    mapped = pd.Series(uniques, dtype=object).astype("string").str.strip().str.lower().map(words).astype("string")
    if "" in words:
        mapped = pd.concat([mapped, pd.Series([words[""]], dtype="string")], ignore_index=True)
        codes = np.where(codes < 0, len(mapped) - 1, codes)
    unknown = np.append(mapped.isna().to_numpy(), True)[codes]      # code -1 (missing, no blank word) -> last
    return V.spread(codes, mapped, s.index), unknown


def _stamp(value) -> pd.Timestamp | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    ts = pd.Timestamp(value)
    if pd.isna(ts):
        raise ValueError(f"{value!r} is not a date")
    return ts.normalize()


def _money(x: float) -> str:
    return f"{x:,.2f}"


@dataclass
class Ledger:
    """A validated receivables ledger.

    Parameters
    ----------
    invoices : DataFrame
        One row per invoice: ``customer``, ``invoice_id``, ``invoice_date``, ``due_date``,
        ``amount``; optional ``currency``, ``salesperson``, ``region``, ``terms_days``
        (where ``due_date`` is blank, due = ``invoice_date + terms_days``), ``disputed``
        (per invoice), and for an open-item list ``received``, ``credited``,
        ``outstanding`` and ``settled_date``. Headers of real exports are recognised
        (:mod:`coursekit.columns`).
    payments : DataFrame, optional
        One row per receipt: ``payment_date``, ``amount``, ``invoice_id`` (blank means
        unapplied cash, which then needs ``customer``), ``customer``, ``kind``
        (``payment`` or ``credit_note``).
    customers : DataFrame, optional
        Customer attributes: ``customer`` and any of ``status`` (active, distressed,
        bankrupt, deregistered), ``disputed``, ``cooperative``, ``broken_promise``,
        ``credit_limit``, ``last_demand_date``, ``last_acknowledgement_date``.
    currency : str, optional
        Required when the ledger mixes currencies: keep only rows in this currency.
    source : dict, optional
        Where each table came from (``{"invoices": "ar.xlsx, sheet 'invoices'"}``);
        error messages use it. ``file_rows=True`` counts rows as a spreadsheet does
        (header = row 1); otherwise the DataFrame index names the rows.
    columns : dict, optional
        Explicit header mapping, ``{"customer": "往来户", "amount": "本币金额"}`` for the
        invoices, or ``{"payments": {...}}`` per table. Wins over the built-in names.
    date_format : str, optional
        A strptime format (``"%m/%d/%Y"``) for dates the file writes day/month-first.
    decimal : {".", ","}, optional
        The decimal separator of amounts written as text. Left out, it is settled from the
        whole file (:func:`coursekit.values.infer_decimal`: ``1.234,50`` or ``99,90`` can only be
        read with a decimal comma), and is the point when nothing decides.
    unit : str, optional
        The unit of every amount column (``"万元"``); a unit in a header wins.
    terms : int, optional
        Payment terms in days for every invoice, when the file has neither due dates nor a
        terms column (a ledger statement, 明细账): due = invoice date + ``terms``.
    export_date : date-like, optional
        The day the file was exported. Needed when received or open amounts have no
        receipt dates; the ledger is then exact as of that day and later only.

    After validation ``assigns_receipts`` tells whether the file says which invoice each
    receipt paid. It is false for a statement of every movement (receipts on rows of their
    own, a running balance) and for a receipts table with no invoice column: the as-of
    snapshot then sets each customer's receipts against its invoices in the order they fell
    due (Civil Code art. 560), and a note says so.

    Raises
    ------
    LedgerError
        Listing every problem found, each with row and the user's column header.
    """

    invoices: pd.DataFrame
    payments: pd.DataFrame | None = None
    customers: pd.DataFrame | None = None
    currency: str | None = None
    source: dict[str, str] = field(default_factory=dict)
    file_rows: bool = False
    columns: dict | None = None
    date_format: str | None = None
    decimal: str | None = None
    unit: str | None = None
    export_date: object = None
    terms: int | None = None
    notes: list[str] = field(default_factory=list, init=False)
    valid_from: pd.Timestamp | None = field(default=None, init=False)
    sales_known: bool = field(default=True, init=False)   # False when the file gives open balances only

    def __post_init__(self) -> None:
        where = {"invoices": "invoices", "payments": "payments", "customers": "customers", **self.source}
        problems: list[Problem] = []
        if self.decimal not in (None, ".", ","):
            raise ValueError(f"decimal must be '.' or ',' (or None: settled from the file), not {self.decimal!r}")
        if self.unit is not None and self.unit not in UNITS:
            raise ValueError(f"unit must be one of {', '.join(UNITS)}, not {self.unit!r}")
        self.export_date = _stamp(self.export_date)
        if self.terms is not None and not (isinstance(self.terms, (int, np.integer)) and 0 <= self.terms <= 3650):
            raise ValueError(f"terms must be a whole number of days from 0 to 3650, not {self.terms!r}")
        tables = {"invoices": pd.DataFrame(self.invoices),
                  "payments": None if self.payments is None else pd.DataFrame(self.payments),
                  "customers": None if self.customers is None else pd.DataFrame(self.customers)}
        explicit = self.columns or {}
        if explicit and not any(k in ("invoices", "payments", "customers") for k in explicit):
            explicit = {"invoices": explicit}
        self._maps: dict[str, ColumnMap] = {}
        for name, df in tables.items():
            if df is None:
                continue
            cmap = map_columns(list(df.columns), name, explicit.get(name))
            self._maps[name] = cmap
            for _header, message in cmap.problems:
                problems.append(Problem(name, message, None, None))
        self.headers = {name: dict(m.used) for name, m in self._maps.items()}
        if problems:
            raise LedgerError(problems, where, self.headers)
        self._running = self._statement = self._receipts_unreferenced = False
        self._date_order(tables, problems)
        self._decimal(tables)
        inv, derived = self._clean_invoices(tables["invoices"], problems, has_payments=tables["payments"] is not None)
        pay = self._clean_payments(tables["payments"], problems)
        cus = self._clean_customers(tables["customers"], problems)
        if not problems:
            known = pd.Index(self._customer_codes(inv)[1], dtype="string") if isinstance(inv, pd.DataFrame) and \
                "customer" in inv else pd.Index([])   # the invoices' customers, once for the three checks
            pay, cus = self._same_names(known, pay, cus)
            # receipts that name a customer and no invoice (unapplied cash), once for the two checks
            loose = pd.Series(V.present_where(pay["customer"], self._unreferenced(pay)), index=pay.index) \
                if "customer" in pay and len(pay) else None
            self._check_customer_table(known, pay, loose, cus, problems)
            self._check_payment_customers(known, inv, pay, loose, problems)
        if not problems and derived is not None and len(derived):
            pay = pd.concat([pay, derived], ignore_index=True) if len(pay) else derived.reset_index(drop=True)
        if not problems and isinstance(inv, pd.DataFrame) and "_row" in inv and inv.empty:
            every = derived is not None
            problems.append(Problem("invoices", Note("has no invoice rows" + (" (every row is a credit or a receipt)"
                                                                              if every else ""),
                                                     "没有发票行" + ("（每一行都是贷项或收款）" if every else ""))))
        if not problems:
            inv, pay = self._choose_currency(inv, pay, problems)
        if not problems:
            pay = self._link_payments(inv, pay, problems)
        if problems:
            raise LedgerError(problems, where, self.headers)
        self.invoices, self.payments, self.customers = inv, pay, cus
        self._where = where
        self._index()
        if not self.assigns_receipts:
            self._note_once("the file does not say which invoice each receipt paid: each customer's receipts and credits "
                            "are set against its invoices in the order they fell due (Civil Code art. 560), in the aging "
                            "table too",
                            "文件没有说明每笔收款付的是哪张发票：每个客户的收款和贷项按发票到期先后冲抵"
                            "（《民法典》第五百六十条），账龄表也按此计算")

    # -- helpers ------------------------------------------------------------------------------
    def _col(self, df: pd.DataFrame, table: str, canon: str) -> pd.Series | None:
        src = self._maps[table].used.get(canon)
        return None if src is None else df[src]

    def _scale(self, table: str, canon: str) -> float:
        unit = self._maps[table].units.get(canon)
        if unit in UNITS:
            if canon in ("amount", "received", "credited", "outstanding"):
                src = self._maps[table].used[canon]
                self._note_once(f"amounts in '{src}' are in {unit} (from its header): multiplied by {UNITS[unit]:,}",
                                f"“{src}”的金额单位是{unit}（见表头）：已乘以 {UNITS[unit]:,}")
            return float(UNITS[unit])
        return float(UNITS[self.unit]) if self.unit else 1.0

    def _note_once(self, text: str, zh: str | None = None) -> None:
        if text not in self.notes:
            self.notes.append(Note(text, zh))

    def _missing(self, df, table, required, problems) -> bool:
        missing = [c for c in required if c not in self._maps[table].used]
        if missing:
            from .columns import CANONICAL

            names = [str(c) for c in df.columns if str(c).strip()]
            found, found_zh = ", ".join(names) or "none", "、".join(names) or "无"
            buckets = [n for n in names if _AGING_BUCKET.search(n)]
            if table == "invoices" and len(buckets) >= 2 and {"invoice_date", "due_date"} & set(missing):
                shown, shown_zh = ", ".join(buckets[:4]), "、".join(buckets[:4])
                problems.append(Problem(table, Note(
                    f"is an aging summary (its columns {shown} are aging buckets), not a list of invoices: coursekit "
                    "ages each invoice from its own dates, so it cannot start from buckets already added up. Export "
                    "the invoice detail instead (open items: customer, invoice number, invoice date, due date, "
                    "amount and what was received)",
                    f"这是一张账龄汇总表（“{shown_zh}”这些列是账龄段），不是发票明细：coursekit 按每张发票自己的日期"
                    "计算账龄，不能从已经汇总好的账龄段开始。请改为导出发票明细（未核销明细：客户、单据号、开票日期、"
                    "到期日、金额和已收金额）")))
                return True
            for c in missing:
                known = [n for group in CANONICAL[table][c] for n in group][:6]
                terms = (" If the file has no due dates at all, give the payment terms of every invoice with "
                         "--terms 30 (days)", "。如果文件里根本没有到期日，可以用 --terms 30 给出所有发票的账期（天）") \
                    if c == "due_date" else ("", "")
                problems.append(Problem(table, Note(
                    f"required column is missing: coursekit reads it from a header such "
                    f"as {', '.join(known)} (columns found: {found}). If your file calls "
                    f"it something else, add --columns '{c}=YOUR HEADER'; if the header "
                    f"is not the first row, --header-row N" + terms[0],
                    f"缺少必需的列：coursekit 从 {'、'.join(known)} 这类表头读取它（文件里的列：{found_zh}）。"
                    f"如果你的文件用别的名字，加上 --columns '{c}=你的表头'；如果表头不在第一行，加上 --header-row N"
                    + terms[1]), None, c))
        return bool(missing)

    def _amounts(self, raw, table, column, labels, problems, required=True, skip=None) -> pd.Series:
        values, reasons = V.parse_amounts(raw, self.decimal, self._scale(table, column))
        skip = np.zeros(len(raw), dtype=bool) if skip is None else skip
        empty = V.blank(raw)
        odd = reasons.notna().to_numpy() & ~skip
        _flag(problems, odd, table, column, labels, lambda i: Note(f"{raw.iloc[i]!r} {reasons.iloc[i]}",
                                                                   f"{raw.iloc[i]!r} {V.say(reasons.iloc[i], 'zh')}"))
        bad = values.isna().to_numpy() & ~empty & ~odd & ~skip
        _flag(problems, bad, table, column, labels, lambda i: Note(f"cannot read {raw.iloc[i]!r} as an amount",
                                                                   f"无法把 {raw.iloc[i]!r} 读成金额"))
        if required:
            _flag(problems, empty & ~skip, table, column, labels, _EMPTY)
        return values

    def _dates(self, raw, table, column, labels, problems, required=True, skip=None) -> pd.Series:
        values, reasons = V.parse_dates(raw, self._order, self.date_format)
        skip = np.zeros(len(raw), dtype=bool) if skip is None else skip
        empty = V.blank(raw)
        odd = reasons.notna().to_numpy() & ~skip
        _flag(problems, odd, table, column, labels, lambda i: reasons.iloc[i])
        pending = self._order_pending & (raw.astype("string").str.match(V._DMY).fillna(False).to_numpy()
                                         if not pd.api.types.is_datetime64_any_dtype(raw) else False)
        bad = values.isna().to_numpy() & ~empty & ~odd & ~skip & ~pending
        _flag(problems, bad, table, column, labels, lambda i: Note(
            f"cannot read {raw.iloc[i]!r} as a date (write it as YYYY-MM-DD, or give --date-format)",
            f"无法把 {raw.iloc[i]!r} 读成日期（请写成 YYYY-MM-DD，或用 --date-format 指定格式）"))
        if required:
            _flag(problems, empty & ~skip, table, column, labels, _EMPTY)
        return values

    def _decimal(self, tables) -> None:
        """Decide the decimal separator once for the whole file when it was not given, from every amount column."""
        if self.decimal is not None:
            return
        money = {"invoices": ("amount", "received", "credited", "outstanding"), "payments": ("amount",),
                 "customers": ("credit_limit",)}
        cols = [self._col(df, t, c) for t, df in tables.items() if df is not None for c in money[t]
                if c in self._maps[t].used]
        decimal, example = V.infer_decimal(cols)
        self.decimal = decimal or "."
        if decimal == ",":
            self._note_once(f"amounts read with a decimal comma (such as {example!r}, which cannot be read otherwise, "
                            "and no amount has a decimal point): 1.234,50 = 1,234.50",
                            f"金额按逗号作小数点读取（如 {example!r} 只能这样读，且没有金额用小数点）：1.234,50 即 1,234.50")

    def _date_order(self, tables, problems) -> None:
        """Decide day-first or month-first once for the whole file, from every date column."""
        self._order, self._order_pending = None, False
        date_columns = {"invoices": ("invoice_date", "due_date", "settled_date"), "payments": ("payment_date",),
                        "customers": ("last_demand_date", "last_acknowledgement_date", "status_date")}
        cols = [self._col(df, t, c) for t, df in tables.items() if df is not None for c in date_columns[t]]
        cols = [c for c in cols if c is not None]
        if self.date_format:
            self._note_once(f"dates read with the format {self.date_format} as given",
                            f"日期按指定的格式 {self.date_format} 读取")
            return
        order, problem = V.infer_date_order(cols)
        if problem:
            self._order_pending = True
            problems.append(Problem("invoices", problem))
        elif order:
            self._order = order
            if order == "mdy":
                self._note_once("dates written n/n/yyyy read month-first (US, e.g. 1/26/2013 = 26 January 2013): a "
                                "second field over 12 settles it",
                                "n/n/yyyy 形式的日期按“月/日/年”读取（如 1/26/2013 是 2013年1月26日）：有日期的第二段大于 12")
            else:
                self._note_once("dates written n/n/yyyy read day-first (e.g. 26/1/2013 = 26 January 2013): a first "
                                "field over 12 settles it",
                                "n/n/yyyy 形式的日期按“日/月/年”读取（如 26/1/2013 是 2013年1月26日）：有日期的第一段大于 12")

    # -- invoices -----------------------------------------------------------------------------
    def _clean_invoices(self, df: pd.DataFrame, problems: list[Problem], has_payments: bool):
        table, cmap = "invoices", self._maps["invoices"]
        df = self._without_void(df, cmap)
        labels = _row_labels(df, self.file_rows)
        required = [c for c in INVOICE_REQUIRED
                    if not (c == "due_date" and ("terms_days" in cmap.used or self.terms is not None))]
        if "amount" not in cmap.used and "outstanding" in cmap.used and not has_payments and \
                not ({"received", "credited", "settled_date"} & set(cmap.used)):
            self._open_balances_only(cmap, problems)
        if self._missing(df, table, required, problems):
            return df, None
        self._paid_flags_unread(df, cmap, has_payments, problems)
        given = [cmap.used[c] for c in ("received", "credited", "settled_date") if c in cmap.used]
        if has_payments and given and not self._running_columns(cmap):
            problems.append(Problem("invoices", Note(
                f"says what was received on each invoice ({', '.join(given)}) and there is also a table of receipts: "
                "the same money would be counted twice. Keep one of the two: delete the receipts sheet or file, or "
                "these columns",
                f"发票表里已有每张发票的收款（{'、'.join(given)}），另外又有一张收款表：同一笔钱会被算两次。"
                "请只保留一种：删掉收款表，或删掉这些列")))
        amount = self._amounts(self._col(df, table, "amount"), table, "amount", labels, problems, required=False)
        amount = self._signed_by_indicator(df, cmap, amount)
        marks = V.currencies_in(self._col(df, table, "amount"))
        if len(marks) > 1:        # EUR 1,000.00 and USD 2,000.00 in one column must not be added up
            src, shown = cmap.used["amount"], ", ".join(sorted(marks))
            problems.append(Problem(table, Note(
                f"the amounts in '{src}' are in several currencies ({shown}): they cannot be added up. Export one "
                "currency at a time, or add a currency column and choose one with --currency",
                f"“{src}”中的金额有多种币种（{shown}），不能相加：请按币种分别导出，或加上币种列并用 --currency 选择一种"),
                None, "amount"))
        money = {c: self._amounts(self._col(df, table, c), table, c, labels, problems, required=False)
                 for c in ("received", "credited", "outstanding") if c in cmap.used}
        credit, kind = self._credit_rows(df, amount, money, labels, problems, has_payments)
        inv_row = ~credit
        _flag(problems, V.blank(self._col(df, table, "amount")) & inv_row & ~self._receipt_only(amount, money),
              table, "amount", labels, _EMPTY)
        out = pd.DataFrame(index=df.index)
        out["customer"], variants = V.names(self._col(df, table, "customer"))
        if variants:
            self._note_once(f"{variants:,} customer names differ from another only in full-width/half-width "
                            "characters or spaces (（集团） and (集团)): each such pair is read as one customer",
                            f"{variants:,} 个客户名称与另一个只差全角/半角或空格（如“（集团）”和“(集团)”）：按同一客户处理")
        out["invoice_id"] = V.text(self._col(df, table, "invoice_id"))
        _flag(problems, out["customer"].isna().to_numpy(), table, "customer", labels, _EMPTY)
        _flag(problems, out["invoice_id"].isna().to_numpy() & inv_row, table, "invoice_id", labels, _EMPTY)
        out["invoice_date"] = self._dates(self._col(df, table, "invoice_date"), table, "invoice_date", labels,
                                          problems, required=False)
        _flag(problems, out["invoice_date"].isna().to_numpy() & V.blank(self._col(df, table, "invoice_date")) & inv_row,
              table, "invoice_date", labels, _EMPTY)
        out["due_date"] = self._due_dates(df, out, labels, problems, skip=credit)
        out["amount"] = amount
        early = (out["due_date"] < out["invoice_date"]).to_numpy() & inv_row
        _flag(problems, early, table, "due_date", labels, lambda i: Note(
            f"due date {out['due_date'].iloc[i]:%Y-%m-%d} is before the invoice date {out['invoice_date'].iloc[i]:%Y-%m-%d}",
            f"到期日 {out['due_date'].iloc[i]:%Y-%m-%d} 早于开票日 {out['invoice_date'].iloc[i]:%Y-%m-%d}"))
        for col in ("currency", "salesperson", "region"):
            if col in cmap.used:
                out[col] = (V.currency_codes if col == "currency" else V.text)(self._col(df, table, col))
        if "disputed" in cmap.used:
            flags, bad = V.parse_bools(self._col(df, table, "disputed"))
            _flag(problems, bad, table, "disputed", labels, lambda i: _not_yes_no(self._col(df, table, 'disputed').iloc[i]))
            out["disputed"] = flags.to_numpy()
        else:
            out["disputed"] = False
        out["_row"] = labels
        inv = out[inv_row].reset_index(drop=True)
        if not has_payments:
            settled = self._col(df, table, "settled_date") if "settled_date" in cmap.used else None
            repeat = self._receipt_rows(inv, money, settled, inv_row)
            inv = self._instalments(inv)
            # the receipts derived below come from the same rows: each instalment keeps its own (X#2 …)
            out.loc[inv_row, "invoice_id"] = inv["invoice_id"].to_numpy()
            if repeat.any():
                inv = inv[~repeat].reset_index(drop=True)
        self._check_ids(inv, problems)
        if problems:
            return out, None
        derived = self._receipts(df, out, money, credit, labels, problems)
        open_credit = credit
        if "settled_date" in cmap.used and credit.any():
            # a payment or credit line with a clearing date was cleared against invoices, which carry that date
            # too and count as paid on it: the line itself is no longer a credit of the customer
            cleared = credit & ~V.blank(self._col(df, table, "settled_date"))
            if cleared.any():
                open_credit = credit & ~cleared
                self._note_once(f"{int(cleared.sum()):,} payment or credit lines are cleared ('{cmap.used['settled_date']}' "
                                "filled): their money is in the invoices cleared on the same date, not counted again",
                                f"{int(cleared.sum()):,} 行收款或贷项已清账（“{cmap.used['settled_date']}”有日期）：这笔钱已计入同日"
                                "清账的发票，不再重复计算")
        credits = self._credits(out, money, open_credit, kind, labels, problems)
        zero = int((inv["amount"] == 0).sum())
        if zero:
            inv.loc[inv["amount"] == 0, "amount"] = 0.0
            self._note_once(f"{zero:,} invoice rows have the amount 0: kept, they owe nothing",
                            f"{zero:,} 行发票金额为 0：保留，不欠款")
        parts = [p for p in (derived, credits) if p is not None and len(p)]
        return inv, (pd.concat(parts, ignore_index=True) if parts else None)

    def _signed_by_indicator(self, df: pd.DataFrame, cmap: ColumnMap, amount: pd.Series) -> pd.Series:
        """Unsigned amounts with a debit/credit indicator column (SAP's S/H, D/C, Dr/Cr, 借/贷): a credit is
        negative. Only a column named as such an indicator and holding nothing else is read this way."""
        for h in cmap.unused:
            if h not in df.columns or not _INDICATOR_HEADER.search(str(h)):
                continue
            values = V.text(df[h]).str.lower().str.strip(". ")
            known = values.dropna()
            if known.empty or not known.isin(_DEBIT | _CREDIT).all():
                continue
            credit = values.isin(_CREDIT).fillna(False).to_numpy()
            if credit.any():
                self._note_once(f"'{h}' marks debits and credits: {int(credit.sum()):,} credit rows read as negative "
                                "amounts", f"“{h}”列标明借贷：{int(credit.sum()):,} 行贷方按负数读取")
                return amount.where(~credit, -amount.abs())
        return amount

    def _without_void(self, df: pd.DataFrame, cmap: ColumnMap) -> pd.DataFrame:
        """Invoices a status column calls draft, void or cancelled (Draft, Voided, 作废, 草稿) were never owed:
        left out, and counted in the summary."""
        for h, values in _status_columns(df, cmap):
            void = values.str.fullmatch(_VOID_WORDS).fillna(False).to_numpy()
            if void.any():
                n = int(void.sum())
                self._note_once(f"{n:,} invoices marked draft, void or cancelled in '{h}' left out (they are not owed)",
                                f"“{h}”列中标为草稿、作废或取消的 {n:,} 张发票未计入（不构成欠款）")
                return df[~void]
        return df

    @staticmethod
    def _running_columns(cmap: ColumnMap) -> bool:
        """借方/贷方 columns of a statement name debits and credits, not receipts of their own invoices."""
        return any(str(cmap.used.get(c, "")).strip().startswith("贷方") for c in ("received",))

    @staticmethod
    def _paid_flags_unread(df, cmap: ColumnMap, has_payments: bool, problems: list[Problem]) -> None:
        """A status column saying invoices are paid (已结清, Paid), in a file that gives no receipts at all, would
        have every paid invoice counted as owed: stop and say what to give instead."""
        if has_payments or {"received", "credited", "outstanding", "settled_date"} & set(cmap.used):
            return
        for h, values in _status_columns(df, cmap):
            values = values.dropna()
            said = values.str.fullmatch(_PAID_WORDS).fillna(False)
            if _PAID_HEADER.search(str(h)):   # 是否结清: 是 / Paid?: yes
                said |= values.str.fullmatch(_YES).fillna(False)
            paid = values[said]
            if len(paid):
                n, word = len(paid), paid.iloc[0]
                problems.append(Problem("invoices", Note(
                    f"the column '{h}' marks {n:,} invoices as paid ({word!r}), but the file gives no amounts received "
                    "or settled dates, so coursekit would count them as owed. Add the received amount or the settled "
                    f"date (--columns received=… or settled_date=…), or leave the paid invoices out of the export",
                    f"“{h}”列把 {n:,} 张发票标为已收（{word!r}），但文件里没有已收金额或结清日期，coursekit 会把它们算成"
                    "仍然欠款。请加上已收金额或结清日期（--columns received=… 或 settled_date=…），"
                    "或导出时去掉已结清的发票")))
                return

    def _open_balances_only(self, cmap: ColumnMap, problems: list[Problem]) -> None:
        """A list of open balances with no invoice amount: aged as it stands on the export date. What the
        invoices first came to, and so the credit sales, is unknown: DSO refuses such a ledger."""
        src = cmap.used.pop("outstanding")
        cmap.used["amount"] = src
        self.sales_known = False
        if self.export_date is None:
            problems.append(Problem("invoices", Note(
                f"gives only open balances ('{src}') and no invoice amounts, so it says what was owed on the day it "
                "was exported and nothing earlier. Give that day with --export-date YYYY-MM-DD (Python: export_date=…)",
                f"只有未收余额（“{src}”），没有发票原金额，所以它只说明导出那天欠多少，说明不了更早的情况。"
                "请用 --export-date YYYY-MM-DD 给出导出日期（Python：export_date=…）")))
            return
        self.valid_from = self.export_date
        self._note_once(f"'{src}' holds open balances and there is no invoice amount: each row is aged at its open "
                        f"balance as of the export date {self.export_date:%Y-%m-%d}; credit sales are unknown, so DSO "
                        "cannot be computed from this file",
                        f"“{src}”是未收余额，文件里没有发票原金额：每行按导出日 {self.export_date:%Y-%m-%d} 的余额计算账龄；"
                        "赊销额未知，不能计算 DSO")

    def _receipt_rows(self, inv: pd.DataFrame, money: dict, settled: pd.Series | None, inv_row: np.ndarray) -> np.ndarray:
        """Rows that repeat an invoice printed once per receipt (核销明细: every invoice column the same, the
        amount received or its date different on each row): True on every row of such an invoice but its
        first. Each row still gives its own receipt. Rows that repeat every column, receipts that add up to
        more than the invoice, and rows that differ in an invoice column as well are not taken this way:
        they are a repeated export or instalments."""
        repeat = np.zeros(len(inv), dtype=bool)
        if not ({"received", "credited"} & set(money)):
            return repeat
        ids = inv["invoice_id"]
        dup = (ids.duplicated(keep=False) & ids.notna()).to_numpy()
        if not dup.any():
            return repeat
        rows = inv[dup].drop(columns=["_row"]).astype(str)
        got = sum(np.nan_to_num(money[c].to_numpy()) for c in ("received", "credited") if c in money)[inv_row][dup]
        when = settled.to_numpy(dtype=object)[inv_row][dup].astype(str) if settled is not None else np.zeros(len(rows))
        by_id = rows["invoice_id"]
        alike = rows.groupby("invoice_id", sort=False).transform("nunique").eq(1).all(axis=1).to_numpy()
        twice = rows.assign(_got=got, _when=when).duplicated(keep=False).groupby(by_id, sort=False).transform("any")
        amount = inv["amount"].to_numpy()[dup]
        fits = pd.Series(got).groupby(by_id.to_numpy(), sort=False).transform("sum").to_numpy() <= amount + _CENT
        one = alike & fits & ~twice.to_numpy()
        if not one.any():
            return repeat
        repeat[np.flatnonzero(dup)[one]] = by_id[one].duplicated().to_numpy()
        n_inv = int(by_id[one].nunique())
        self._note_once(f"{n_inv:,} invoices are printed once per receipt ({int(one.sum()):,} rows with the same number, "
                        "customer, dates and amount): each is one invoice, and each row's amount received is a receipt "
                        "of its own", f"{n_inv:,} 张发票每笔收款印一行（{int(one.sum()):,} 行的单据号、客户、日期和金额都相同）："
                        "各算一张发票，每行的已收金额各算一笔收款")
        return repeat

    def _instalments(self, inv: pd.DataFrame) -> pd.DataFrame:
        """In an export with no payments table, rows that share an invoice number, customer and invoice date
        but differ in due date or amount are instalments or line items: each is its own open item (``X``,
        ``X#2`` …). Rows the same in every column, or one number on two customers, stay refused."""
        ids = inv["invoice_id"]
        dup = ids.duplicated(keep=False) & ids.notna()
        if not dup.any():
            return inv
        same = inv.drop(columns=["_row"]).astype(str).duplicated(keep=False)
        groups = inv[dup].groupby("invoice_id", sort=False)
        one_invoice = ((groups["customer"].transform("nunique", dropna=False) == 1)
                       & (groups["invoice_date"].transform("nunique", dropna=False) == 1))
        split = dup & ~same & one_invoice.reindex(inv.index, fill_value=False)
        if not split.any():
            return inv
        inv = inv.copy()
        nth = inv[split].groupby("invoice_id", sort=False).cumcount()
        suffix = np.where(nth.to_numpy() == 0, "", "#" + (nth + 1).astype(str).to_numpy())
        inv.loc[split, "invoice_id"] = (inv.loc[split, "invoice_id"].astype(str) + suffix).astype("string")
        self._note_once(f"{int(split.sum()):,} rows share an invoice number with another row but differ in due date "
                        f"or amount (instalments or line items): each is aged on its own, numbered X, X#2 …",
                        f"{int(split.sum()):,} 行与另一行单据号相同、但到期日或金额不同（分期或多行明细）：各自计算账龄，"
                        "编号为 X、X#2 …")
        return inv

    def _check_payment_customers(self, known, inv, pay, named, problems) -> None:
        """Receipts that name a customer no invoice has (``named``: a customer and no invoice number) become
        credits of a customer of their own: refuse when no named customer matches (the payments are keyed
        another way), warn when some do not."""
        if named is None or not isinstance(inv, pd.DataFrame):
            return
        if not named.any():
            return
        strange = named.copy()
        strange[named] = ~pay.loc[named, "customer"].isin(known).to_numpy()
        if strange.all() and named.sum() > 1 and not pay["invoice_id"].notna().any():
            n, first = int(named.sum()), pay.loc[strange, "customer"].iloc[0]
            problems.append(Problem("payments", Note(
                f"none of the {n:,} receipts names a customer that is on the invoices (e.g. {first!r}): name "
                "customers the same way in both tables",
                f"{n:,} 笔收款的客户没有一个出现在发票表里（如 {first!r}）：两张表里的客户名称要写法一致"),
                None, "customer"))
        elif strange.any():
            n, first = int(strange.sum()), pay.loc[strange, "customer"].iloc[0]
            self._note_once(f"WARNING: {n:,} receipts name a customer with no invoice (first: {first!r}): they are "
                            "shown as that customer's credit; check the spelling if it is one of the invoiced customers",
                            f"警告：{n:,} 笔收款的客户没有任何发票（第一个：{first!r}）：作为该客户的贷方列示；"
                            "如果其实是某个开票客户，请核对名称写法")

    def _check_customer_table(self, known, pay, loose, cus, problems) -> None:
        """A customers table keyed another way (codes where the invoices have names) would silently lose every
        status and flag: refuse it when none of its customers is on the invoices, and say how many match."""
        if not isinstance(cus, pd.DataFrame) or "customer" not in cus or cus.empty or not len(known):
            return
        if loose is not None:   # a customer with receipts only (unapplied cash) is known too
            known = known.append(pd.Index(pd.unique(pay.loc[loose, "customer"])))
        listed = cus["customer"].dropna()
        matched = listed.isin(known)
        if not matched.any():
            problems.append(Problem("customers", Note(
                f"none of its {len(listed):,} customers appears on the invoices (it lists {listed.iloc[0]!r}; the "
                f"invoices have {known[0]!r}): name customers the same way in both, or map the right column with "
                "--columns",
                f"表中 {len(listed):,} 个客户没有一个出现在发票表里（它写的是 {listed.iloc[0]!r}，发票表里是 "
                f"{known[0]!r}）：两张表的客户名称要写法一致，或用 --columns 指定正确的列"), None, "customer"))
        elif not matched.all():
            n = int((~matched).sum())
            self._note_once(f"{n:,} customers in the customers table have no invoice or receipt (first: "
                            f"{listed[~matched].iloc[0]!r}); their details are not used",
                            f"客户表中有 {n:,} 个客户没有发票或收款（第一个：{listed[~matched].iloc[0]!r}），其信息未使用")

    @staticmethod
    def _same_names(known, pay, cus):
        """Payments and customer rows take the invoices' spelling of a name that differs only in width or spaces."""
        if not len(known):
            return pay, cus
        shown = None
        for df in (pay, cus):
            if not (isinstance(df, pd.DataFrame) and "customer" in df and len(df)):
                continue
            other = V.present_where(df["customer"], ~df["customer"].isin(known).to_numpy())
            if not other.any():          # the usual case: every name is spelt as on the invoices
                continue
            if shown is None:
                shown = pd.Series(known.to_numpy(), index=V.name_key(pd.Series(known)).to_numpy())
                shown = shown[~shown.index.duplicated()]
            mapped = V.name_key(df.loc[other, "customer"]).map(shown)
            df.loc[other, "customer"] = mapped.fillna(df.loc[other, "customer"]).astype("string")
        return pay, cus

    def _check_ids(self, inv, problems) -> None:
        ids = inv["invoice_id"]
        index = pd.Index(ids)
        if index.is_unique:     # the usual case; the same hash table then links the receipts
            self._id_index = index
            return
        dupes = ids.duplicated(keep=False).to_numpy() & ids.notna().to_numpy()
        if dupes.any():
            rows_by_id: dict[str, list] = {}
            for i in np.flatnonzero(dupes):
                rows_by_id.setdefault(ids.iloc[i], []).append(inv["_row"].iloc[i])
            for inv_id, rows in list(rows_by_id.items())[:_MAX_LISTED]:
                listed = ", ".join(map(str, rows[:10]))
                problems.append(Problem("invoices", Note(f"invoice id {inv_id!r} appears more than once (rows {listed})",
                                                         f"单据号 {inv_id!r} 出现了不止一次（第 {listed.replace(', ', '、')} 行）"),
                                        rows[1], "invoice_id"))
            if len(rows_by_id) > _MAX_LISTED:
                more = len(rows_by_id) - _MAX_LISTED
                problems.append(Problem("invoices", Note(f"and {more:,} more invoice ids appear more than once",
                                                         f"另有 {more:,} 个单据号重复出现"), None, "invoice_id", more))

    def _due_dates(self, df, out, labels, problems, skip) -> pd.Series:
        table, used = "invoices", self._maps["invoices"].used
        if "due_date" not in used and "terms_days" not in used:      # --terms N for every invoice
            self._note_once(f"due dates are the invoice dates + {self.terms} days (--terms {self.terms}): the file has "
                            "neither due dates nor payment terms",
                            f"到期日 = 开票日 + {self.terms} 天（--terms {self.terms}）：文件里既没有到期日也没有账期")
            return out["invoice_date"] + pd.Timedelta(days=int(self.terms))
        terms = None
        if "terms_days" in used:
            raw_terms = self._col(df, table, "terms_days")
            terms, month_end, readable = V.parse_terms(raw_terms)
            bad = ~readable.to_numpy() & ~skip
            if "due_date" in used and bad.any():
                # the due dates are given: terms that are codes (Z001) are simply not needed
                self._maps[table].unused.append(used.pop("terms_days"))
                terms = None
            else:
                _flag(problems, bad, table, "terms_days", labels, lambda i: Note(
                    f"cannot read {raw_terms.iloc[i]!r} as payment terms (a number of days, Net 30, 2/10 net 30, "
                    "Due on receipt, 月结30天): give the due dates instead, or map the days with --columns terms_days=…",
                    f"无法把 {raw_terms.iloc[i]!r} 读成账期（天数、Net 30、2/10 net 30、Due on receipt、月结30天）："
                    "请改为给出到期日，或用 --columns terms_days=… 指定天数列"))
                out["terms_days"] = terms.astype("Int64")
                derived = self._due_from_terms(out["invoice_date"], terms, month_end & ~pd.Series(skip, index=terms.index))
        if "due_date" not in used:
            _flag(problems, terms.isna().to_numpy() & ~skip, table, "terms_days", labels, _EMPTY)
            return derived
        raw = self._col(df, table, "due_date")
        due = self._dates(raw, table, "due_date", labels, problems, required=False, skip=skip)
        empty = V.blank(raw)
        if terms is not None:
            due = due.where(~empty, derived)
        elif self.terms is not None:         # --terms fills the due dates the file leaves blank
            fill = empty & ~skip
            if fill.any():
                due = due.where(~fill, out["invoice_date"] + pd.Timedelta(days=int(self.terms)))
                self._note_once(f"{int(fill.sum()):,} blank due dates are the invoice date + {self.terms} days (--terms)",
                                f"{int(fill.sum()):,} 个空白到期日按开票日 + {self.terms} 天填补（--terms）")
        _flag(problems, due.isna().to_numpy() & empty & ~skip, table, "due_date", labels,
              Note("is empty and there is no terms_days to derive it from", "是空的，也没有账期天数可以推算")
              if terms is not None else Note("is empty (give --terms N to count it from the invoice date)",
                                             "是空的（可用 --terms N 从开票日推算）"))
        return due

    def _due_from_terms(self, invoice_date: pd.Series, days: pd.Series, month_end: pd.Series) -> pd.Series:
        """Due = invoice date + days, or for month-end terms (Net 30 EOM, 月结30天) the last day of the
        invoice's month + days; a note says when the month-end rule was used."""
        start = invoice_date.where(~month_end.to_numpy(), invoice_date + pd.offsets.MonthEnd(0))
        if month_end.any():
            self._note_once(f"{int(month_end.sum()):,} invoices have month-end terms (EOM, 月结): due = the last day of "
                            "the invoice's month + the days", f"{int(month_end.sum()):,} 张发票是月结账期（EOM、月结）："
                            "到期日 = 开票当月最后一天 + 天数")
        return start + pd.to_timedelta(days, unit="D")

    def _row_kinds(self, df, labels, problems) -> np.ndarray:
        raw = self._col(df, "invoices", "kind")
        if raw is None:
            return np.full(len(df), "invoice", dtype=object)
        key = raw.astype("string").str.strip().str.lower().fillna("")
        kind = key.map(_ROW_KINDS).fillna("invoice").to_numpy(dtype=object)
        other = sorted(set(raw[key.map(_ROW_KINDS).isna() & (key != "")].astype(str)))
        if other:
            kinds, src = ", ".join(other[:8]), self._maps["invoices"].used["kind"]
            self._note_once(f"document types {kinds} in '{src}' read as invoices", f"“{src}”中的单据类型 {kinds} 按发票读取")
        return kind

    @staticmethod
    def _receipt_only(amount, money) -> np.ndarray:
        """Rows of a debit/credit statement that only record a receipt (贷方 filled, 借方 blank)."""
        if "received" not in money:
            return np.zeros(len(amount), dtype=bool)
        return ((amount.isna() | (amount == 0)) & (money["received"] > 0)).to_numpy()

    def _credit_rows(self, df, amount, money, labels, problems, has_payments) -> tuple[np.ndarray, np.ndarray | None]:
        """Rows that are not invoices (negative amounts, payments and credit memos, receipt-only rows), and
        each row's document kind."""
        table = "invoices"
        if has_payments:
            _flag(problems, (amount < 0).to_numpy(), table, "amount", labels, lambda i: Note(
                f"amount {amount.iloc[i]:,.2f} is negative; record credit notes as payments with kind 'credit_note'",
                f"金额 {amount.iloc[i]:,.2f} 是负数；红字发票请记在收款表里，类型写 credit_note（红冲）"))
            return np.zeros(len(df), dtype=bool), None     # no credit rows, so no kinds are asked for
        kind = self._row_kinds(df, labels, problems)
        credit = (amount < 0).to_numpy() | (kind != "invoice") | self._receipt_only(amount, money)
        return credit, kind

    def _credits(self, out, money, credit, kind, labels, problems) -> pd.DataFrame | None:
        """Credit rows become unapplied credits of their customer, dated by their own date."""
        if not credit.any():
            return None
        rows = np.flatnonzero(credit)
        amount = out["amount"].to_numpy()[rows]
        value = np.abs(np.nan_to_num(amount))
        if "outstanding" in money and not self._running:
            open_part = money["outstanding"].to_numpy()[rows]
            value = np.where(np.isnan(open_part), value, np.abs(open_part))
        receipt_only = np.zeros(len(rows), dtype=bool)
        if "received" in money:
            rec = money["received"].to_numpy()[rows]
            receipt_only = (np.isnan(amount) | (amount == 0)) & (rec > 0)
            value = np.where(receipt_only, np.nan_to_num(rec), value)
        # receipts on lines of their own among the sales (贷方 only), or a running balance: a statement of
        # every movement, which never says which invoice a receipt paid
        self._statement = self._running or bool(receipt_only.any())
        dates = out["invoice_date"].to_numpy()[rows]
        undated = pd.isna(dates)
        if undated.any():
            if self.export_date is None:
                _flag(problems, undated, "invoices", "invoice_date", labels[rows], Note(
                    "a credit or receipt row has no date; add it, or give the export date with --export-date YYYY-MM-DD",
                    "贷项或收款行没有日期：请补上，或用 --export-date YYYY-MM-DD 给出导出日期"))
                return None
            dates = np.where(undated, np.datetime64(self.export_date.date()), dates)
        kind = kind[rows]
        keep = value > 0
        credits = pd.DataFrame({
            "invoice_id": pd.Series([None] * int(keep.sum()), dtype="string"),
            "customer": out["customer"].to_numpy()[rows][keep],
            "payment_date": pd.to_datetime(dates[keep]),
            "amount": value[keep],
            "kind": np.where(kind[keep] == "credit_note", "credit_note", "payment"),
            "_row": labels[rows][keep],
        })
        credits["customer"] = credits["customer"].astype("string")
        credits["kind"] = credits["kind"].astype("string")
        n, total, applied = int(keep.sum()), _money(value[keep].sum()), int((~keep).sum())
        use = ("set against their customer's invoices in the order they fell due", "按到期先后冲抵该客户的发票") \
            if self._statement else ("shown as unapplied credits of their customers, never set against an invoice",
                                     "作为客户的未核销收款列示，不会自动冲抵任何发票")
        if not n:        # every payment or credit row is already in the open amounts of the invoices
            self._note_once(f"{applied:,} payment or credit rows are fully applied (nothing left open on them): "
                            "they add nothing", f"{applied:,} 行收款或贷项已全部核销（没有未核销余额），不再计入")
            return credits
        self._note_once(f"{n:,} rows are credits, not invoices (negative amount, a payment or credit memo, or a "
                        f"receipt-only line), {total} in all: {use[0]}"
                        + (f"; {applied:,} fully applied credit rows add nothing" if applied else ""),
                        f"{n:,} 行是贷方而不是发票（负数金额、收款或红字单据、只有贷方的行），共 {total}：{use[1]}"
                        + (f"；另有 {applied:,} 行已全部核销，不再计入" if applied else ""))
        return credits

    def _receipts(self, df, out, money, credit, labels, problems) -> pd.DataFrame | None:
        """Receipts derived from received / open amounts and a settled date on invoice rows."""
        table, used = "invoices", self._maps["invoices"].used
        inv_row = ~credit
        settled = None
        if "settled_date" in used:
            settled = self._dates(self._col(df, table, "settled_date"), table, "settled_date", labels, problems,
                                  required=False, skip=credit).to_numpy()
        received, how = self._received(out, money, credit, settled, labels, problems)
        if received is None:
            return None
        got = inv_row & (received > _CENT)
        if not got.any():
            return None
        dates = np.full(len(out), np.datetime64("NaT"), dtype="datetime64[s]")
        if settled is not None:
            dates = settled.astype("datetime64[s]")
            late = got & ~pd.isna(dates) & (dates < out["invoice_date"].to_numpy())
            _flag(problems, late, table, "settled_date", labels, lambda i: Note(
                f"settled on {pd.Timestamp(dates[i]):%Y-%m-%d}, before the invoice date "
                f"{out['invoice_date'].iloc[i]:%Y-%m-%d}",
                f"结清日 {pd.Timestamp(dates[i]):%Y-%m-%d} 早于开票日 {out['invoice_date'].iloc[i]:%Y-%m-%d}"))
        undated = got & pd.isna(dates)
        if undated.any():
            if not self._date_undated(out, undated, labels, problems, how):
                return None
            dates = np.where(undated, np.datetime64(self.export_date.date(), "s"), dates)
        pay = pd.DataFrame({
            "invoice_id": out["invoice_id"].to_numpy()[got], "customer": out["customer"].to_numpy()[got],
            "payment_date": pd.to_datetime(dates[got]), "amount": received[got],
            "kind": "payment", "_row": labels[got]})
        for col in ("invoice_id", "customer", "kind"):
            pay[col] = pay[col].astype("string")
        dated = int((got & ~undated).sum())
        n, total, n_undated = int(got.sum()), _money(received[got].sum()), int(undated.sum())
        self._note_once(f"{n:,} receipts derived from {how}, {total} in all"
                        + (f"; {dated:,} dated by '{used['settled_date']}'" if dated else "")
                        + (f"; {n_undated:,} without a date, counted as received by the export date "
                           f"{self.export_date:%Y-%m-%d}" if n_undated else ""),
                        f"由{getattr(how, 'zh', how)}推出 {n:,} 笔收款，共 {total}"
                        + (f"；其中 {dated:,} 笔按“{used['settled_date']}”记日期" if dated else "")
                        + (f"；{n_undated:,} 笔没有日期，视为导出日 {self.export_date:%Y-%m-%d} 前已收到" if n_undated else ""))
        return pay

    def _received(self, out, money, credit, settled, labels, problems):
        """What each invoice row says was received, and a phrase naming the columns it came from."""
        table, used = "invoices", self._maps["invoices"].used
        amount = out["amount"].to_numpy()
        inv_row = ~credit
        src = [f"'{used[c]}'" for c in ("received", "credited", "outstanding") if c in money]  # for the summary
        rec = None
        if "received" in money or "credited" in money:
            rec = sum(np.nan_to_num(money[c].to_numpy()) for c in ("received", "credited") if c in money)
            _flag(problems, inv_row & (rec < -_CENT), table, "received" if "received" in money else "credited", labels,
                  lambda i: Note(f"a received amount of {rec[i]:,.2f} is negative", f"已收金额 {rec[i]:,.2f} 是负数"))
        self._running = False
        if "outstanding" in money:
            bal = money["outstanding"].to_numpy()
            expected = amount - (rec if rec is not None else 0)
            off = inv_row & ~np.isnan(bal) & (np.abs(bal - expected) > _CENT)
            if rec is not None and off.any():
                if self._is_running_balance(out, money, credit):
                    self._running = True
                    self._note_once(f"'{used['outstanding']}' is a running balance per customer (each row = the row "
                                    "before + debit − credit), so it is not read as each invoice's open amount",
                                    f"“{used['outstanding']}”是按客户逐行滚动的余额（本行 = 上行 + 借方 − 贷方），"
                                    "不作为每张发票的未收金额")
                    src_rec = used.get("received", used.get("credited"))
                    return rec, Note(f"'{src_rec}'", f"“{src_rec}”")
                _flag(problems, off, table, "outstanding", labels, lambda i: Note(
                    f"{bal[i]:,.2f} is not the amount {amount[i]:,.2f} less the {rec[i]:,.2f} received",
                    f"{bal[i]:,.2f} 不等于金额 {amount[i]:,.2f} 减去已收 {rec[i]:,.2f}"))
                return None, ""
            if rec is None:
                if off.any() and self._is_running_balance(out, money, credit):
                    self._running = True
                    self._note_once(f"'{used['outstanding']}' is a running balance per customer, not each invoice's "
                                    "open amount: not used",
                                    f"“{used['outstanding']}”是按客户滚动的余额，不是每张发票的未收金额：未使用")
                    rec = np.zeros(len(out))
                else:
                    rec = np.where(np.isnan(bal), 0.0, amount - bal)
                    too_big = inv_row & (bal > amount + _CENT)
                    _flag(problems, too_big, table, "outstanding", labels, lambda i: Note(
                        f"open amount {bal[i]:,.2f} is more than the invoice amount {amount[i]:,.2f}",
                        f"未收金额 {bal[i]:,.2f} 大于发票金额 {amount[i]:,.2f}"))
        if rec is None:
            if settled is None:
                return None, ""
            rec = np.where(pd.isna(settled), 0.0, amount)
            return rec, Note(f"'{used['settled_date']}' (a settled invoice is paid in full on that date)",
                             f"“{used['settled_date']}”（结清的发票视为当天全额收款）")
        if settled is not None:
            nothing = inv_row & ~pd.isna(settled) & (rec <= _CENT) & (amount > 0)
            _flag(problems, nothing, table, "settled_date", labels, Note(
                "has a settled date but nothing was received (the open amount equals the invoice amount); correct one "
                "of the two", "有结清日期，却没有收到任何款项（未收金额等于发票金额）：请改正其中一个"))
        return rec, Note(" and ".join(src), "、".join(f"“{s[1:-1]}”" for s in src))

    def _date_undated(self, out, undated, labels, problems, how) -> bool:
        """Undated receipts are counted by the export date; without one, stop and say what to add."""
        if self.export_date is None:
            n = int(undated.sum())
            problems.append(Problem("invoices", Note(
                f"{n:,} invoices have amounts received ({how}) but no date of receipt, so coursekit can say what was "
                "open only on the day the file was exported. Give that day with --export-date YYYY-MM-DD (Python: "
                "export_date=…), or add a column with the receipt or settled dates",
                f"{n:,} 张发票有已收金额（{V.say(how, 'zh')}），却没有收款日期，所以只能说明文件导出那天还欠多少。"
                "请用 --export-date YYYY-MM-DD 给出导出日期（Python：export_date=…），或加上收款日期或结清日期的列"),
                None, None, n))
            return False
        before = undated & (out["invoice_date"].to_numpy() > np.datetime64(self.export_date.date()))
        _flag(problems, before, "invoices", "invoice_date", labels, lambda i: Note(
            f"dated {out['invoice_date'].iloc[i]:%Y-%m-%d}, after the export date {self.export_date:%Y-%m-%d}",
            f"日期 {out['invoice_date'].iloc[i]:%Y-%m-%d} 晚于导出日 {self.export_date:%Y-%m-%d}"))
        self.valid_from = self.export_date
        return not before.any()

    @staticmethod
    def _is_running_balance(out, money, credit) -> bool:
        """True when the balance column is each customer's running total in file order."""
        amount = np.nan_to_num(out["amount"].to_numpy())
        amount = np.where(credit & (amount > 0), 0.0, amount)
        delta = amount - sum(np.nan_to_num(money[c].to_numpy()) for c in ("received", "credited") if c in money)
        bal = pd.Series(money["outstanding"].to_numpy())
        cust = out["customer"].reset_index(drop=True)
        step = bal.groupby(cust, sort=False).diff()
        later = step.notna() & bal.notna()
        if later.sum() == 0:
            return False
        return bool((np.abs(step[later] - delta[later.to_numpy()]) <= _CENT).all())
    def _clean_payments(self, df: pd.DataFrame | None, problems: list[Problem]) -> pd.DataFrame:
        columns = ["invoice_id", "customer", "payment_date", "amount", "kind"]
        if df is None:
            return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(columns, ["string", "string", "datetime64[us]", "float64", "string"], strict=False)}).assign(_row=pd.Series(dtype=object))
        labels = _row_labels(df, self.file_rows)
        if self._missing(df, "payments", PAYMENT_REQUIRED, problems):
            return df
        df = self._renamed(df, "payments")
        if "invoice_id" not in df.columns and "customer" not in df.columns:
            problems.append(Problem("payments", Note("needs an 'invoice_id' column, a 'customer' column, or both",
                                                     "需要单据号（invoice_id）列或客户（customer）列，或两者都有"),
                                    None, "invoice_id"))
            return df
        out = pd.DataFrame(index=df.index)
        self._receipts_unreferenced = "invoice_id" not in df.columns
        out["invoice_id"] = self._payment_refs(df["invoice_id"]) if "invoice_id" in df.columns else pd.Series(None, index=df.index, dtype="string")
        out["customer"] = V.names(df["customer"])[0] if "customer" in df.columns else pd.Series(None, index=df.index, dtype="string")
        out["payment_date"] = self._dates(df["payment_date"], "payments", "payment_date", labels, problems)
        out["amount"] = self._amounts(df["amount"], "payments", "amount", labels, problems)
        given = out["amount"].notna() & (out["amount"] != 0)
        if given.sum() > 1 and (out.loc[given, "amount"] < 0).all():
            # every receipt written negative: the export's sign convention (a cash journal's credits), not refunds
            out["amount"] = -out["amount"]
            self._note_once(f"all {int(given.sum()):,} receipt amounts in '{self._maps['payments'].used['amount']}' are "
                            "negative: read as receipts of the same size (the export writes receipts as credits)",
                            f"“{self._maps['payments'].used['amount']}”中的 {int(given.sum()):,} 笔收款金额都是负数："
                            "按同样大小的收款读取（导出把收款记为贷方负数）")
        _flag(problems, (out["amount"] < 0).to_numpy(), "payments", "amount", labels, lambda i: Note(
            f"amount {out['amount'].iloc[i]:,.2f} is negative; a refund reduces an earlier receipt, so correct that row "
            "instead", f"金额 {out['amount'].iloc[i]:,.2f} 是负数；退款冲减的是以前的一笔收款，请改正那一行"))
        if "kind" in df.columns:
            kind, unknown = _words(df["kind"], _KIND_WORDS)
            _flag(problems, unknown, "payments", "kind", labels, lambda i: Note(
                f"kind {df['kind'].iloc[i]!r} is not one of {', '.join(PAYMENT_KINDS)}",
                f"类型 {df['kind'].iloc[i]!r} 不是收款（payment）或红冲（credit_note）"))
            out["kind"] = kind
        else:
            out["kind"] = pd.Series("payment", index=df.index, dtype="string")
        unapplied = V.missing_where(out["customer"], self._unreferenced(out))
        _flag(problems, unapplied, "payments", "invoice_id", labels, Note(
            "has neither an invoice id nor a customer, so it cannot be credited to anyone",
            "既没有单据号也没有客户，无法记到任何人名下"))
        if "currency" in df.columns:
            out["currency"] = V.currency_codes(df["currency"])
        out["_row"] = labels
        return out.reset_index(drop=True)

    def _payment_refs(self, raw: pd.Series) -> pd.Series:
        """The invoice numbers on the receipts, trimmed like the invoices' own. A cell that is exactly one of
        the (already trimmed) invoice numbers needs no cleaning, so the invoices' hash table is tried first
        and only the other cells are trimmed and looked up again; where each receipt points is kept for
        :meth:`_link_payments`."""
        index = getattr(self, "_id_index", None)
        if index is None or not pd.api.types.is_string_dtype(raw.dtype):
            return V.text(raw)
        refs = raw.astype("string")
        pos = index.get_indexer(refs)       # the index's own dtype: no conversion inside the lookup
        rest = V.present_where(refs, pos < 0)      # named, not found as written (receipts of no invoice: blank)
        if rest.any():
            cleaned = V.text(raw[rest])
            refs[rest] = cleaned
            pos[rest] = index.get_indexer(cleaned)
        self._ref_pos = (index, pos)
        return refs

    def _unreferenced(self, pay: pd.DataFrame) -> np.ndarray:
        """True where a receipt names no invoice. A receipt found in the invoices' hash table while it was
        read names one; only the others are looked at cell by cell."""
        cached = getattr(self, "_ref_pos", None)
        if cached is None or len(cached[1]) != len(pay):
            return pay["invoice_id"].isna().to_numpy()
        return V.missing_where(pay["invoice_id"], cached[1] < 0)

    def _clean_customers(self, df: pd.DataFrame | None, problems: list[Problem]) -> pd.DataFrame | None:
        if df is None:
            return None
        labels = _row_labels(df, self.file_rows)
        if self._missing(df, "customers", CUSTOMER_REQUIRED, problems):
            return df
        df = self._renamed(df, "customers")
        out = pd.DataFrame(index=df.index)
        out["customer"] = V.names(df["customer"])[0]
        _flag(problems, out["customer"].duplicated().to_numpy() & out["customer"].notna().to_numpy(), "customers",
              "customer", labels, lambda i: Note(f"customer {out['customer'].iloc[i]!r} is listed twice",
                                                 f"客户 {out['customer'].iloc[i]!r} 列了两次"))
        if "status" in df.columns:
            status, unknown = _words(df["status"], _STATUS_WORDS)
            _flag(problems, unknown, "customers", "status", labels, lambda i: Note(
                f"status {df['status'].iloc[i]!r} is not one of {', '.join(STATUSES)}",
                f"状态 {df['status'].iloc[i]!r} 不是正常、经营困难、破产、注销之一"))
            out["status"] = status
        else:
            out["status"] = "active"
        for col in ("disputed", "cooperative", "broken_promise"):
            if col in df.columns:
                values, bad = V.parse_bools(df[col])
                _flag(problems, bad, "customers", col, labels, lambda i, col=col: _not_yes_no(df[col].iloc[i]))
                if col == "cooperative":
                    # blank means "not known", which is different from "not cooperative"
                    values = values.astype("boolean").where(~pd.Series(V.blank(df[col]), index=df.index), pd.NA)
                out[col] = values
            else:
                out[col] = pd.NA if col == "cooperative" else False
        out["cooperative"] = out["cooperative"].astype("boolean")
        if "credit_limit" in df.columns:
            out["credit_limit"] = self._amounts(df["credit_limit"], "customers", "credit_limit", labels, problems,
                                                required=False)
        for col in ("last_demand_date", "last_acknowledgement_date", "status_date"):
            if col in df.columns:
                out[col] = self._dates(df[col], "customers", col, labels, problems, required=False)
            else:
                out[col] = pd.Series(pd.NaT, index=df.index, dtype="datetime64[us]")
        for col in ("salesperson", "region", "contact"):
            if col in df.columns:
                out[col] = V.text(df[col])
        return out.reset_index(drop=True)

    def _choose_currency(self, inv, pay, problems):
        if "currency" not in inv.columns:
            if self.currency is not None:
                problems.append(Problem("invoices", Note(
                    f"--currency {self.currency} was given, but the invoices have no currency column; leave the option out",
                    f"给了 --currency {self.currency}，但发票表没有币种列：去掉这个选项即可")))
            return inv, pay
        found = sorted(set(inv["currency"].dropna()) | set(pay["currency"].dropna() if "currency" in pay else []))
        if self.currency is None:
            if len(found) > 1 and not self._local_amounts(found, "currency" in pay, problems):
                problems.append(Problem("invoices", Note(
                    f"the ledger mixes currencies ({', '.join(found)}); choose one with currency=… (CLI: --currency)",
                    f"台账里混有多种币种（{', '.join(found)}）：用 --currency 选一种（Python：currency=…）"),
                    None, "currency"))
            return inv, pay
        want = V.currency_code(self.currency)
        if want not in found:
            problems.append(Problem("invoices", Note(
                f"no rows in currency {self.currency!r} (found: {', '.join(found) or 'none'})",
                f"没有币种为 {self.currency!r} 的行（文件里有：{', '.join(found) or '无'}）"), None, "currency"))
            return inv, pay
        self.currency = want
        keep_inv = inv["currency"].isna() | (inv["currency"] == self.currency)
        dropped = int((~keep_inv).sum())
        self._id_index = self._ref_pos = None     # the invoices and receipts change: look them up afresh
        inv = inv[keep_inv].reset_index(drop=True)
        if "currency" in pay:
            keep_pay = pay["currency"].isna() | (pay["currency"] == self.currency)
        else:
            keep_pay = pay["invoice_id"].isna() | pay["invoice_id"].isin(inv["invoice_id"])
        dropped_pay = int((~keep_pay).sum())
        pay = pay[keep_pay].reset_index(drop=True)
        if dropped or dropped_pay:
            local = in_local_currency(self._maps["invoices"].used.get("amount", ""))
            self._note_once(f"kept currency {self.currency}: set aside {dropped} invoices and {dropped_pay} payments in "
                            "other currencies" + ("; the amounts stay in the local currency, as the file gives them"
                                                  if local else ""),
                            f"只保留币种 {self.currency}：另有 {dropped} 张发票和 {dropped_pay} 笔收款是其他币种，未计入"
                            + ("；金额仍按文件给出的本币计" if local else ""))
        return inv, pay

    _MONEY = {"invoices": ("amount", "received", "credited", "outstanding"), "payments": ("amount",)}

    def _local_amounts(self, found: list[str], pay_currency: bool, problems: list[Problem]) -> bool:
        """True when every amount read is in the local (bookkeeping) currency, 本币金额 or Amount in Local
        Currency: the currency column then names each document's own currency (原币) and the amounts add
        up as they are. A money column beside them that does not say so is refused: its amounts may be in
        the documents' own currencies."""
        tables = ["invoices"] + (["payments"] if pay_currency else [])
        used = [(t, canon, self._maps[t].used[canon]) for t in tables for canon in self._MONEY[t]
                if canon in self._maps[t].used]
        local = [header for _t, _c, header in used if in_local_currency(header)]
        if not local:
            return False
        codes = ", ".join(found)
        for table, canon, header in used:
            if header not in local:
                problems.append(Problem(table, Note(
                    f"the amounts are read in the local currency ({', '.join(local)}) but '{header}' does not say it "
                    f"is, and the currency column names {codes}: map its local-currency column with --columns "
                    f"{canon}=… or export one currency at a time",
                    f"金额按本币读取（{'、'.join(local)}），但“{header}”没有写明是本币，而币种列里有 {codes}："
                    f"用 --columns {canon}=… 指定它的本币列，或按币种分别导出"), None, canon))
        if len(local) == len(used):
            self._note_once(f"amounts read from {', '.join(local)}, in the local currency on every row; the currency "
                            f"column names each document's own currency ({codes}) and does not split the ledger",
                            f"金额取自{'、'.join(local)}，每一行都是本币；币种列只说明单据的原币（{codes}），不据此拆分台账")
        return True

    def _link_payments(self, inv, pay, problems):
        pos = self._positions(inv, pay)
        has_ref = pos >= 0
        has_ref[~has_ref] = pay["invoice_id"][~has_ref].notna().to_numpy()   # named, but perhaps not found
        unknown = has_ref & (pos < 0)

        def several(ref: str) -> bool:       # 'INV-1, INV-2': one receipt for several invoices
            parts = [p.strip() for p in re.split(r"[,;/、，；\s]+", str(ref)) if p.strip()]
            return len(parts) > 1 and bool(pd.Index(parts).isin(inv["invoice_id"]).all())

        _flag(problems, unknown, "payments", "invoice_id", pay["_row"].to_numpy(), lambda i: Note(
            f"names several invoices ({pay['invoice_id'].iloc[i]}): coursekit cannot tell how much paid each; "
            "give one row per invoice with its own amount", f"一笔收款写了几张发票（{pay['invoice_id'].iloc[i]}），"
            "无法判断每张各付了多少：请每张发票一行，各写各的金额")
            if several(pay["invoice_id"].iloc[i]) else Note(
            f"refers to invoice {pay['invoice_id'].iloc[i]!r}, which is not in the invoices",
            f"对应的单据 {pay['invoice_id'].iloc[i]!r} 不在发票表里"))
        ok = has_ref & (pos >= 0)
        inv_cust = np.where(ok, inv["customer"].to_numpy(dtype=object)[np.where(ok, pos, 0)], None)  # never blank
        pay_cust = pay["customer"].to_numpy(dtype=object, na_value=None)
        given = pay_cust != None  # noqa: E711 (element-wise)
        clash = ok & given & (pay_cust != inv_cust)
        _flag(problems, clash, "payments", "customer", pay["_row"].to_numpy(), lambda i: Note(
            f"customer {pay_cust[i]!r} does not match invoice {pay['invoice_id'].iloc[i]!r}, which belongs to "
            f"{inv_cust[i]!r}", f"客户 {pay_cust[i]!r} 与单据 {pay['invoice_id'].iloc[i]!r} 不符，该单据属于 {inv_cust[i]!r}"))
        inv_dates = inv["invoice_date"].to_numpy()
        early = ok & (pay["payment_date"].to_numpy() < inv_dates[np.where(ok, pos, 0)])
        _flag(problems, early, "payments", "payment_date", pay["_row"].to_numpy(), lambda i: Note(
            f"dated {pay['payment_date'].iloc[i]:%Y-%m-%d}, before invoice {pay['invoice_id'].iloc[i]!r} was issued on "
            f"{inv['invoice_date'].iloc[pos[i]]:%Y-%m-%d}",
            f"收款日 {pay['payment_date'].iloc[i]:%Y-%m-%d} 早于单据 {pay['invoice_id'].iloc[i]!r} 的开票日 "
            f"{inv['invoice_date'].iloc[pos[i]]:%Y-%m-%d}"))
        if not given.all():
            pay = pay.copy()
            pay["customer"] = pd.Series(np.where(given, pay_cust, inv_cust), index=pay.index).astype("string")
        self._linked = pos      # which invoice each receipt pays: _index reuses it
        return pay

    def _positions(self, inv, pay) -> np.ndarray:
        """Which invoice row each receipt names (-1: none), from the lookup made while the receipts were read
        when the invoices are still the ones it was made on; receipts derived from the invoice rows come last."""
        index = pd.Index(inv["invoice_id"])
        cached = getattr(self, "_ref_pos", None)
        if cached is None or len(cached[0]) != len(inv) or len(cached[1]) > len(pay) or \
                getattr(self, "_id_index", None) is not cached[0]:
            return index.get_indexer(pay["invoice_id"])
        done = cached[1]
        if len(done) == len(pay):
            return done
        return np.concatenate([done, cached[0].get_indexer(pay["invoice_id"].iloc[len(done):])])

    # -- fast arrays for the computations --------------------------------------------------
    def _customer_codes(self, inv: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        """The invoices' customers factorized (order of first appearance), once per invoices frame: the
        name checks and :meth:`_index` both need them, and the frame is only replaced, never changed."""
        cached = getattr(self, "_factorized", None)
        if cached is None or cached[0] is not inv:
            cached = self._factorized = (inv, *V.factorize(inv["customer"]))
        return cached[1], cached[2]

    def _index(self) -> None:
        inv, pay = self.invoices, self.payments
        linked = getattr(self, "_linked", None)
        self._pay_inv = linked if linked is not None and len(linked) == len(pay) else \
            pd.Index(inv["invoice_id"]).get_indexer(pay["invoice_id"])
        # customers in order of first appearance, invoices first; a receipt that pays an invoice has that
        # invoice's customer (a clash is refused), so only the receipts of no invoice are looked up by name
        codes, names = self._customer_codes(inv)
        inv_codes = codes.astype(np.int64)
        pay_codes = np.where(self._pay_inv >= 0, inv_codes[np.where(self._pay_inv >= 0, self._pay_inv, 0)]
                             if len(inv) else -1, -1)
        loose = V.present_where(pay["customer"], self._pay_inv < 0)
        if loose.any():
            more, extra = V.factorize(pay["customer"][loose])
            known = pd.Index(names).get_indexer(extra)
            new = known < 0
            known[new] = len(names) + np.arange(int(new.sum()))
            names = np.concatenate([np.asarray(names, dtype=object), np.asarray(extra, dtype=object)[new]])
            pay_codes[loose] = known[more]
        self._customers = pd.Index(names, dtype="string")
        self._inv_cust = inv_codes
        self.__dict__.pop("_factorized", None)         # no second reference to the invoices
        self._inv_cents = V.to_cents(inv["amount"])
        self._inv_day = inv["invoice_date"].to_numpy().astype("datetime64[D]").astype(np.int64)
        self._due_day = inv["due_date"].to_numpy().astype("datetime64[D]").astype(np.int64)
        self._pay_cust = pay_codes.astype(np.int64)
        self._pay_cents = V.to_cents(pay["amount"])
        self._pay_day = pay["payment_date"].to_numpy().astype("datetime64[D]").astype(np.int64)
        # a statement of every movement, or receipts with no invoice column, never says which invoice a receipt
        # paid: its credits are set against the invoices in the order they fell due (Civil Code art. 560)
        self.assigns_receipts = not (self._statement or self._receipts_unreferenced) or not len(pay)

    def customer_info(self, as_of=None) -> pd.DataFrame:
        """Customer attributes for every customer in the ledger, with defaults where none were given.

        A status with a ``status_date`` holds from that day: as of an earlier date the customer is
        ``active`` (a customer that went bankrupt in March was an ordinary debtor in January)."""
        base = pd.DataFrame({"customer": pd.Series(self._customers, dtype="string")})
        if self.customers is None:
            info = base
        else:
            info = base.merge(self.customers, on="customer", how="left")
        defaults = {"status": "active", "disputed": False, "broken_promise": False}
        for col, value in defaults.items():
            info[col] = info[col].fillna(value) if col in info else value
        if "cooperative" not in info:
            info["cooperative"] = pd.array([pd.NA] * len(info), dtype="boolean")
        for col in ("last_demand_date", "last_acknowledgement_date", "status_date"):
            if col not in info:
                info[col] = pd.Series(pd.NaT, index=info.index, dtype="datetime64[us]")
        if as_of is not None:
            later = (info["status_date"] > _stamp(as_of)).to_numpy()
            if later.any():
                info.loc[later, "status"] = "active"
        return info.set_index("customer")

    def __repr__(self) -> str:
        return (f"Ledger({len(self.invoices):,} invoices, {len(self.payments):,} payments, "
                f"{len(self._customers):,} customers)")



    # -- what was read, and for which dates it holds --------------------------------------------
    def _renamed(self, df: pd.DataFrame, table: str) -> pd.DataFrame:
        used = self._maps[table].used
        return pd.DataFrame({canon: df[src] for canon, src in used.items()}, index=df.index, copy=False)

    def check_as_of(self, as_of) -> None:
        """Raise :class:`AsOfError` when the ledger cannot say what was open on ``as_of``.

        An open-item list without receipt dates is exact only as of its export date
        and later: what it shows as received may have come in on any earlier day.
        """
        if self.valid_from is None:
            return
        day = pd.Timestamp(np.datetime64(as_of, "D")) if isinstance(as_of, (int, np.integer)) else pd.Timestamp(as_of)
        if day < self.valid_from:
            raise AsOfError(Note(f"this ledger gives amounts received without their dates, so it is exact only as of "
                                 f"its export date {self.valid_from:%Y-%m-%d} and later; it cannot say what was open on "
                                 f"{day:%Y-%m-%d}. Use --as-of {self.valid_from:%Y-%m-%d} or later, or load an export "
                                 "that has the receipt dates",
                                 f"这份台账的已收金额没有收款日期，只对导出日 {self.valid_from:%Y-%m-%d} 及以后准确，"
                                 f"说不出 {day:%Y-%m-%d} 那天还有哪些未收。请用 --as-of {self.valid_from:%Y-%m-%d} "
                                 "或更晚的日期，或换一份带收款日期的导出文件"))

    @property
    def import_notes(self) -> list[str]:
        """Everything inferred while reading: header row, units, date order, derived receipts, rows left out."""
        return list(self.notes)

    def columns_read(self) -> pd.DataFrame:
        """One row per source column: table, header as in the file, and what it was read as (or 'not used')."""
        rows = []
        for table, cmap in self._maps.items():
            rows += [(table, src, canon) for canon, src in cmap.used.items()]
            rows += [(table, src, "not used") for src in cmap.unused]
        return pd.DataFrame(rows, columns=["table", "header", "read_as"])

    def summary(self, lang: str = "en") -> str:
        """The import summary: where the data came from, how each column was read, what was inferred."""
        zh = lang == "zh"
        lines = ["导入摘要" if zh else "Import summary"]
        for table, cmap in self._maps.items():
            where = V.say(self._where.get(table, table), lang)
            read = ", ".join(f"{' '.join(str(src).split())} → {canon}" for canon, src in cmap.used.items()
                             if src != canon)
            same = [canon for canon, src in cmap.used.items() if src == canon]
            lines.append(f"  {where}: " + "; ".join(x for x in (read, ", ".join(same)) if x))
            if cmap.unused:
                lines.append(("    未使用的列：" if zh else "    not used: ") + ", ".join(cmap.unused))
            lines += [f"    （{V.say(why, 'zh')}）" if zh else f"    ({why})" for why in cmap.passed_over]
        for note in self.notes:
            lines.append(f"  - {note.say(lang) if isinstance(note, Note) else note}")
        lines.append(("  结果：" if zh else "  result: ") + repr(self))
        if self.valid_from is not None:
            lines.append(f"  仅对导出日 {self.valid_from:%Y-%m-%d} 及以后的统计日准确" if zh else
                          f"  exact as of the export date {self.valid_from:%Y-%m-%d} and later only")
        return "\n".join(lines)


def load_ledger(path: str | Path, currency: str | None = None, **options) -> Ledger:
    """Read a ledger from a file or folder; see :func:`coursekit.reading.load_ledger`."""
    from .reading import load_ledger as _load

    return _load(path, currency=currency, **options)
