"""The receivables ledger: invoices, payments and customer attributes, validated.

A :class:`Ledger` is built from pandas DataFrames or read from a file with
:func:`load_ledger`. It accepts the column names of common Chinese ERP exports
(``客户名称``, ``发票号``, ``到期日`` …), amounts written as ``"¥1,234.50"``,
dates written as ``2026-01-05``, ``2026/1/5`` or ``2026年1月5日``, and CSV files in
UTF-8 (with or without BOM) or GBK. Every problem it finds is reported at once
in a :class:`LedgerError` that names the file, sheet, row and column; nothing
is dropped or guessed silently.

Amounts are kept exactly, in integer cents, so that balances add up to the cent.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["Ledger", "LedgerError", "load_ledger", "Problem"]

INVOICE_REQUIRED = ("customer", "invoice_id", "invoice_date", "due_date", "amount")
INVOICE_OPTIONAL = ("currency", "salesperson", "region", "terms_days")
PAYMENT_REQUIRED = ("payment_date", "amount")
PAYMENT_OPTIONAL = ("invoice_id", "customer", "kind", "currency", "reference")
CUSTOMER_REQUIRED = ("customer",)
CUSTOMER_OPTIONAL = (
    "status", "disputed", "cooperative", "broken_promise", "credit_limit",
    "last_demand_date", "last_acknowledgement_date", "salesperson", "region", "contact",
)
STATUSES = ("active", "distressed", "bankrupt", "deregistered")
PAYMENT_KINDS = ("payment", "credit_note")

# Header aliases, compared after lower-casing and removing spaces, underscores and brackets.
_ALIASES = {
    "customer": ["customer", "customername", "client", "客户", "客户名称", "客户名", "单位", "单位名称",
                 "购货单位", "购买方", "往来单位", "往来单位名称", "债务人"],
    "invoice_id": ["invoiceid", "invoice", "invoiceno", "invoicenumber", "发票号", "发票号码", "单据号",
                   "单据编号", "单号", "发票编号", "凭证号", "订单号"],
    "invoice_date": ["invoicedate", "date", "开票日期", "发票日期", "单据日期", "日期", "业务日期", "销售日期"],
    "due_date": ["duedate", "due", "到期日", "到期日期", "应收日期", "约定付款日", "付款到期日", "账期到期日"],
    "amount": ["amount", "invoiceamount", "金额", "应收金额", "发票金额", "价税合计", "含税金额", "收款金额",
               "付款金额", "回款金额", "本次收款", "金额元"],
    "currency": ["currency", "币种", "币别", "货币"],
    "salesperson": ["salesperson", "salesrep", "sales", "业务员", "销售员", "销售人员", "负责人"],
    "region": ["region", "area", "区域", "地区", "片区", "销售区域"],
    "terms_days": ["termsdays", "terms", "paymentterms", "账期", "账期天数", "信用期", "信用天数"],
    "payment_date": ["paymentdate", "receiptdate", "paiddate", "收款日期", "回款日期", "付款日期", "到账日期"],
    "kind": ["kind", "type", "类型", "单据类型", "收款类型"],
    "reference": ["reference", "ref", "memo", "备注", "摘要", "流水号"],
    "status": ["status", "状态", "经营状态", "客户状态"],
    "disputed": ["disputed", "dispute", "有争议", "争议", "是否争议"],
    "cooperative": ["cooperative", "配合", "是否配合", "合作态度"],
    "broken_promise": ["brokenpromise", "违约承诺", "失信", "承诺未兑现"],
    "credit_limit": ["creditlimit", "信用额度", "授信额度"],
    "last_demand_date": ["lastdemanddate", "最近催款日期", "最后催款日期", "催款日期"],
    "last_acknowledgement_date": ["lastacknowledgementdate", "lastacknowledgmentdate", "最近确认日期",
                                  "对账确认日期", "最后确认日期", "确认日期"],
    "contact": ["contact", "联系人"],
}
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
_TRUE = {"true", "yes", "y", "1", "是", "有", "t", "x", "√"}
_FALSE = {"false", "no", "n", "0", "否", "无", "f", ""}
_MAX_LISTED = 20


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as possible."""

    table: str
    message: str
    row: object = None
    column: str | None = None

    def describe(self, where: dict[str, str]) -> str:
        parts = [where.get(self.table, self.table)]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts) + ": " + self.message


def _flag(problems: list[Problem], mask, table: str, column: str | None, rows, message) -> None:
    """Add a problem for each row where ``mask`` is true, up to one more than are listed.

    ``message`` is a sentence, or a function of the row position that returns one;
    ``rows`` gives the row names users see (spreadsheet rows or DataFrame index).
    """
    for i in np.flatnonzero(np.asarray(mask, dtype=bool))[: _MAX_LISTED + 1]:
        problems.append(Problem(table, message(i) if callable(message) else message, rows[i], column))


class LedgerError(ValueError):
    """The ledger cannot be used as given. ``problems`` lists each problem found."""

    def __init__(self, problems: list[Problem], where: dict[str, str] | None = None):
        self.problems = problems
        where = where or {}
        lines = [p.describe(where) for p in problems[:_MAX_LISTED]]
        if len(problems) > _MAX_LISTED:
            lines.append(f"... and {len(problems) - _MAX_LISTED} more problems of the same kinds")
        head = "The ledger has a problem" if len(problems) == 1 else f"The ledger has {len(problems)} problems"
        super().__init__(head + ":\n  " + "\n  ".join(lines))


def _key(name: object) -> str:
    text = unicodedata.normalize("NFKC", str(name)).strip().lower()
    return re.sub(r"[\s_\-()\[\]（）【】:：/]+", "", text)


_ALIAS_INDEX = {_key(a): canon for canon, names in _ALIASES.items() for a in names}


def _canonical_columns(df: pd.DataFrame, table: str, wanted: tuple[str, ...]) -> tuple[pd.DataFrame, list[Problem]]:
    """Rename alias headers to canonical names; report two headers meaning the same column."""
    problems, rename, seen = [], {}, {}
    for col in df.columns:
        canon = _ALIAS_INDEX.get(_key(col))
        if table == "payments" and _key(col) in {"金额", "amount"}:
            canon = "amount"
        if canon in wanted:
            if canon in seen:
                problems.append(Problem(table, f"columns '{seen[canon]}' and '{col}' both mean '{canon}'; keep one", None, str(col)))
                continue
            seen[canon] = col
            rename[col] = canon
    return df.rename(columns=rename), problems


def _row_labels(df: pd.DataFrame, file_rows: bool) -> np.ndarray:
    """Row names users can find: the spreadsheet row (header is row 1) or the DataFrame index."""
    if file_rows:
        return np.arange(2, len(df) + 2)
    return df.index.to_numpy()


def _per_unique(s: pd.Series, fn, na_value=None) -> pd.Series:
    """Apply a vectorised ``fn`` to the distinct non-missing values of ``s`` only, then
    spread the results back; missing values become ``na_value``.

    Ledger columns repeat a lot (customers, dates, terms), so this makes string
    cleaning of a million-row export take a fraction of a second.
    """
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    done = fn(pd.Series(uniques, dtype=object))
    missing = codes < 0
    values = done.to_numpy(dtype=object).take(np.where(missing, 0, codes)) if len(done) else \
        np.full(len(s), na_value, dtype=object)
    if missing.any():
        values[missing] = na_value
    result = pd.Series(values, index=s.index)
    if na_value is not None or not missing.any():
        try:
            return result.astype(done.dtype)
        except (TypeError, ValueError):
            return result
    return result


def _blank(s: pd.Series) -> np.ndarray:
    if s.dtype == object or pd.api.types.is_string_dtype(s):
        return _per_unique(s, lambda u: u.isna() | (u.astype(str).str.strip() == ""), na_value=True).to_numpy(dtype=bool)
    return s.isna().to_numpy()


def _text(s: pd.Series) -> pd.Series:
    def clean(u):
        t = u.astype("string").str.strip()
        return t.where(t != "", None)
    return _per_unique(s, clean).astype("string")


_DATE_CLEAN = [(re.compile(r"[年月/.]"), "-"), (re.compile(r"日"), "")]


def _parse_dates(s: pd.Series) -> pd.Series:
    """Parse dates written year-first; return datetime64 with NaT where unreadable or blank."""
    if pd.api.types.is_datetime64_any_dtype(s):
        return s.dt.tz_localize(None).dt.normalize() if getattr(s.dt, "tz", None) else s.dt.normalize()
    return pd.to_datetime(_per_unique(s, _parse_date_strings))


def _parse_date_strings(s: pd.Series) -> pd.Series:
    if s.map(lambda v: isinstance(v, (pd.Timestamp, datetime, date))).all() and len(s):
        return pd.to_datetime(s).dt.normalize()
    values = s.map(lambda v: v.strftime("%Y-%m-%d") if isinstance(v, (datetime, date)) else v)
    values = values.astype("string").str.strip()
    values = values.str.replace(r"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$", "", regex=True)
    values = values.str.replace(r"^(\d{4})(\d{2})(\d{2})$", r"\1-\2-\3", regex=True)
    for pattern, repl in _DATE_CLEAN:
        values = values.str.replace(pattern, repl, regex=True)
    values = values.str.replace(r"-+$", "", regex=True)
    return pd.to_datetime(values, format="%Y-%m-%d", errors="coerce")


def _parse_amounts(s: pd.Series) -> pd.Series:
    """Parse amounts such as 1234.5, "1,234.50", "¥1,234.50", "(500.00)" into floats (NaN if unreadable)."""
    if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        return s.astype("float64")
    return _per_unique(s, _parse_amount_strings).astype("float64")


def _parse_amount_strings(s: pd.Series) -> pd.Series:
    if pd.api.types.is_bool_dtype(s):
        return pd.Series(np.nan, index=s.index)
    text = s.astype("string").str.normalize("NFKC").str.strip()
    negative = text.str.match(r"^\(.*\)$").fillna(False)
    text = text.str.replace(r"[¥$€,\s元]|RMB|CNY|^\(|\)$", "", regex=True)
    out = pd.to_numeric(text, errors="coerce").astype("float64")
    return out.where(~negative, -out)


def _to_cents(amounts: pd.Series) -> np.ndarray:
    return np.rint(amounts.to_numpy(dtype="float64") * 100).astype(np.int64)


def _parse_bools(s: pd.Series) -> tuple[pd.Series, np.ndarray]:
    if pd.api.types.is_bool_dtype(s):
        return s.astype(bool), np.zeros(len(s), dtype=bool)
    text = s.astype("string").str.strip().str.lower().fillna("")
    out = pd.Series(np.where(text.isin(_TRUE), True, False), index=s.index)
    bad = ~(text.isin(_TRUE) | text.isin(_FALSE))
    return out, bad.to_numpy()


@dataclass
class Ledger:
    """A validated receivables ledger.

    Parameters
    ----------
    invoices : DataFrame
        One row per invoice: ``customer``, ``invoice_id``, ``invoice_date``, ``due_date``,
        ``amount``; optional ``currency``, ``salesperson``, ``region``, ``terms_days``. Where
        ``due_date`` is blank and ``terms_days`` is given, the due date is
        ``invoice_date + terms_days``.
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
        The number of rows set aside is recorded in :attr:`notes`.
    source : dict, optional
        Where each table came from (``{"invoices": "ar.xlsx, sheet 'invoices'"}``);
        error messages use it. ``file_rows=True`` makes errors count rows as a
        spreadsheet does (header = row 1) instead of using the DataFrame index.

    Raises
    ------
    LedgerError
        Listing every problem found: missing columns, unreadable dates or amounts,
        duplicate invoice ids, due dates before invoice dates, payments for unknown
        invoices or dated before their invoice, negative amounts, mixed currencies.
    """

    invoices: pd.DataFrame
    payments: pd.DataFrame | None = None
    customers: pd.DataFrame | None = None
    currency: str | None = None
    source: dict[str, str] = field(default_factory=dict)
    file_rows: bool = False
    notes: list[str] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        where = {"invoices": "invoices", "payments": "payments", "customers": "customers", **self.source}
        problems: list[Problem] = []
        inv = self._clean_invoices(self.invoices, problems)
        pay = self._clean_payments(self.payments, problems)
        cus = self._clean_customers(self.customers, problems)
        if not problems:
            inv, pay = self._choose_currency(inv, pay, problems)
        if not problems:
            pay = self._link_payments(inv, pay, problems)
        if problems:
            raise LedgerError(problems, where)
        self.invoices, self.payments, self.customers = inv, pay, cus
        self._index()

    # -- cleaning -------------------------------------------------------------------------
    def _missing(self, df, table, required, problems) -> bool:
        missing = [c for c in required if c not in df.columns]
        if missing:
            found = ", ".join(map(str, df.columns)) or "none"
            for c in missing:
                problems.append(Problem(table, f"required column is missing (columns found: {found})", None, c))
        return bool(missing)

    def _check_parsed(self, raw, parsed, table, column, what, labels, problems, required=True):
        blank = _blank(raw)
        bad = parsed.isna().to_numpy() & ~blank
        _flag(problems, bad, table, column, labels, lambda i: f"cannot read {raw.iloc[i]!r} as {what}")
        if required:
            _flag(problems, blank, table, column, labels, "is empty")

    def _clean_invoices(self, df: pd.DataFrame, problems: list[Problem]) -> pd.DataFrame:
        df, dup = _canonical_columns(pd.DataFrame(df), "invoices", INVOICE_REQUIRED + INVOICE_OPTIONAL)
        problems += dup
        labels = _row_labels(df, self.file_rows)
        required = [c for c in INVOICE_REQUIRED if not (c == "due_date" and "terms_days" in df.columns)]
        if self._missing(df, "invoices", required, problems):
            return df
        out = pd.DataFrame(index=df.index)
        out["customer"] = _text(df["customer"])
        out["invoice_id"] = _text(df["invoice_id"])
        for col in ("customer", "invoice_id"):
            _flag(problems, out[col].isna().to_numpy(), "invoices", col, labels, "is empty")
        out["invoice_date"] = _parse_dates(df["invoice_date"])
        self._check_parsed(df["invoice_date"], out["invoice_date"], "invoices", "invoice_date", "a date (use YYYY-MM-DD)", labels, problems)
        if "terms_days" in df.columns:
            terms = _per_unique(df["terms_days"], lambda u: pd.to_numeric(
                u.astype("string").str.extract(r"(-?\d+)")[0], errors="coerce").astype("float64"))
            self._check_parsed(df["terms_days"], terms, "invoices", "terms_days", "a number of days", labels, problems,
                               required="due_date" not in df.columns)
            out["terms_days"] = terms.astype("Int64")
        if "due_date" in df.columns:
            due = _parse_dates(df["due_date"])
            blank_due = _blank(df["due_date"])
            if "terms_days" in df.columns:
                derived = out["invoice_date"] + pd.to_timedelta(out["terms_days"].astype("float64"), unit="D")
                due = due.where(~blank_due, derived)
                self._check_parsed(df["due_date"], due, "invoices", "due_date", "a date (use YYYY-MM-DD)", labels, problems, required=False)
                _flag(problems, due.isna().to_numpy() & blank_due, "invoices", "due_date", labels, "is empty and there is no terms_days to derive it from")
            else:
                self._check_parsed(df["due_date"], due, "invoices", "due_date", "a date (use YYYY-MM-DD)", labels, problems)
            out["due_date"] = due
        else:
            out["due_date"] = out["invoice_date"] + pd.to_timedelta(out["terms_days"].astype("float64"), unit="D")
        out["amount"] = _parse_amounts(df["amount"])
        self._check_parsed(df["amount"], out["amount"], "invoices", "amount", "an amount", labels, problems)
        _flag(problems, (out["amount"] < 0).to_numpy(), "invoices", "amount", labels, lambda i: f"amount {out['amount'].iloc[i]:,.2f} is negative; record credit notes as payments with kind 'credit_note'")
        early = (out["due_date"] < out["invoice_date"]).to_numpy()
        _flag(problems, early, "invoices", "due_date", labels, lambda i: f"due date {out['due_date'].iloc[i]:%Y-%m-%d} is before the invoice date {out['invoice_date'].iloc[i]:%Y-%m-%d}")
        ids = out["invoice_id"]
        dupes = ids.duplicated(keep=False).to_numpy() & ids.notna().to_numpy()
        if dupes.any():
            rows_by_id: dict[str, list] = {}
            for i in np.flatnonzero(dupes):
                rows_by_id.setdefault(ids.iloc[i], []).append(labels[i])
            for inv_id, rows in list(rows_by_id.items())[: _MAX_LISTED + 1]:
                problems.append(Problem("invoices", f"invoice id {inv_id!r} appears more than once (rows {', '.join(map(str, rows))})", rows[1], "invoice_id"))
        for col in ("currency", "salesperson", "region"):
            if col in df.columns:
                out[col] = _text(df[col])
        out["_row"] = labels
        return out.reset_index(drop=True)

    def _clean_payments(self, df: pd.DataFrame | None, problems: list[Problem]) -> pd.DataFrame:
        columns = ["invoice_id", "customer", "payment_date", "amount", "kind"]
        if df is None:
            return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(columns, ["string", "string", "datetime64[us]", "float64", "string"], strict=False)}).assign(_row=pd.Series(dtype=object))
        df, dup = _canonical_columns(pd.DataFrame(df), "payments", PAYMENT_REQUIRED + PAYMENT_OPTIONAL)
        problems += dup
        labels = _row_labels(df, self.file_rows)
        if self._missing(df, "payments", PAYMENT_REQUIRED, problems):
            return df
        if "invoice_id" not in df.columns and "customer" not in df.columns:
            problems.append(Problem("payments", "needs an 'invoice_id' column, a 'customer' column, or both", None, "invoice_id"))
            return df
        out = pd.DataFrame(index=df.index)
        out["invoice_id"] = _text(df["invoice_id"]) if "invoice_id" in df.columns else pd.Series(None, index=df.index, dtype="string")
        out["customer"] = _text(df["customer"]) if "customer" in df.columns else pd.Series(None, index=df.index, dtype="string")
        out["payment_date"] = _parse_dates(df["payment_date"])
        self._check_parsed(df["payment_date"], out["payment_date"], "payments", "payment_date", "a date (use YYYY-MM-DD)", labels, problems)
        out["amount"] = _parse_amounts(df["amount"])
        self._check_parsed(df["amount"], out["amount"], "payments", "amount", "an amount", labels, problems)
        _flag(problems, (out["amount"] < 0).to_numpy(), "payments", "amount", labels, lambda i: f"amount {out['amount'].iloc[i]:,.2f} is negative; a refund reduces an earlier receipt, so correct that row instead")
        if "kind" in df.columns:
            raw = df["kind"].astype("string").str.strip().str.lower().fillna("")
            kind = raw.map(_KIND_WORDS)
            _flag(problems, kind.isna().to_numpy(), "payments", "kind", labels, lambda i: f"kind {df['kind'].iloc[i]!r} is not one of {', '.join(PAYMENT_KINDS)}")
            out["kind"] = kind.astype("string")
        else:
            out["kind"] = pd.Series("payment", index=df.index, dtype="string")
        unapplied = out["invoice_id"].isna() & out["customer"].isna()
        _flag(problems, unapplied.to_numpy(), "payments", "invoice_id", labels, "has neither an invoice id nor a customer, so it cannot be credited to anyone")
        if "currency" in df.columns:
            out["currency"] = _text(df["currency"])
        out["_row"] = labels
        return out.reset_index(drop=True)

    def _clean_customers(self, df: pd.DataFrame | None, problems: list[Problem]) -> pd.DataFrame | None:
        if df is None:
            return None
        df, dup = _canonical_columns(pd.DataFrame(df), "customers", CUSTOMER_REQUIRED + CUSTOMER_OPTIONAL)
        problems += dup
        labels = _row_labels(df, self.file_rows)
        if self._missing(df, "customers", CUSTOMER_REQUIRED, problems):
            return df
        out = pd.DataFrame(index=df.index)
        out["customer"] = _text(df["customer"])
        _flag(problems, out["customer"].duplicated().to_numpy() & out["customer"].notna().to_numpy(), "customers", "customer", labels, lambda i: f"customer {out['customer'].iloc[i]!r} is listed twice")
        if "status" in df.columns:
            raw = df["status"].astype("string").str.strip().str.lower().fillna("")
            status = raw.map(_STATUS_WORDS)
            _flag(problems, status.isna().to_numpy(), "customers", "status", labels, lambda i: f"status {df['status'].iloc[i]!r} is not one of {', '.join(STATUSES)}")
            out["status"] = status.astype("string")
        else:
            out["status"] = "active"
        for col in ("disputed", "cooperative", "broken_promise"):
            if col in df.columns:
                values, bad = _parse_bools(df[col])
                _flag(problems, bad, "customers", col, labels, lambda i, col=col: f"{df[col].iloc[i]!r} is not yes/no (是/否)")
                if col == "cooperative":
                    # blank means "not known", which is different from "not cooperative"
                    values = values.astype("boolean").where(~pd.Series(_blank(df[col]), index=df.index), pd.NA)
                out[col] = values
            else:
                out[col] = pd.NA if col == "cooperative" else False
        out["cooperative"] = out["cooperative"].astype("boolean")
        if "credit_limit" in df.columns:
            limit = _parse_amounts(df["credit_limit"])
            self._check_parsed(df["credit_limit"], limit, "customers", "credit_limit", "an amount", labels, problems, required=False)
            out["credit_limit"] = limit
        for col in ("last_demand_date", "last_acknowledgement_date"):
            if col in df.columns:
                dates = _parse_dates(df[col])
                self._check_parsed(df[col], dates, "customers", col, "a date (use YYYY-MM-DD)", labels, problems, required=False)
                out[col] = dates
            else:
                out[col] = pd.Series(pd.NaT, index=df.index, dtype="datetime64[us]")
        for col in ("salesperson", "region", "contact"):
            if col in df.columns:
                out[col] = _text(df[col])
        return out.reset_index(drop=True)

    def _choose_currency(self, inv, pay, problems):
        if "currency" not in inv.columns:
            return inv, pay
        found = sorted(set(inv["currency"].dropna()) | set(pay["currency"].dropna() if "currency" in pay else []))
        if self.currency is None:
            if len(found) > 1:
                problems.append(Problem("invoices", f"the ledger mixes currencies ({', '.join(found)}); choose one with currency=… (CLI: --currency)", None, "currency"))
            return inv, pay
        if self.currency not in found:
            problems.append(Problem("invoices", f"no rows in currency {self.currency!r} (found: {', '.join(found) or 'none'})", None, "currency"))
            return inv, pay
        keep_inv = inv["currency"].isna() | (inv["currency"] == self.currency)
        dropped = int((~keep_inv).sum())
        inv = inv[keep_inv].reset_index(drop=True)
        if "currency" in pay:
            keep_pay = pay["currency"].isna() | (pay["currency"] == self.currency)
        else:
            keep_pay = pay["invoice_id"].isna() | pay["invoice_id"].isin(inv["invoice_id"])
        dropped_pay = int((~keep_pay).sum())
        pay = pay[keep_pay].reset_index(drop=True)
        if dropped or dropped_pay:
            self.notes.append(f"kept currency {self.currency}: set aside {dropped} invoices and {dropped_pay} payments in other currencies")
        return inv, pay

    def _link_payments(self, inv, pay, problems):
        pos = pd.Index(inv["invoice_id"]).get_indexer(pay["invoice_id"])
        has_ref = pay["invoice_id"].notna().to_numpy()
        unknown = has_ref & (pos < 0)
        _flag(problems, unknown, "payments", "invoice_id", pay["_row"].to_numpy(), lambda i: f"refers to invoice {pay['invoice_id'].iloc[i]!r}, which is not in the invoices")
        ok = has_ref & (pos >= 0)
        inv_cust = np.where(ok, inv["customer"].to_numpy(dtype=object, na_value=None)[np.where(ok, pos, 0)], None)
        pay_cust = pay["customer"].to_numpy(dtype=object, na_value=None)
        given = pay_cust != None  # noqa: E711 (element-wise)
        clash = ok & given & (pay_cust != inv_cust)
        _flag(problems, clash, "payments", "customer", pay["_row"].to_numpy(), lambda i: f"customer {pay_cust[i]!r} does not match invoice {pay['invoice_id'].iloc[i]!r}, which belongs to {inv_cust[i]!r}")
        inv_dates = inv["invoice_date"].to_numpy()
        early = ok & (pay["payment_date"].to_numpy() < inv_dates[np.where(ok, pos, 0)])
        _flag(problems, early, "payments", "payment_date", pay["_row"].to_numpy(), lambda i: f"dated {pay['payment_date'].iloc[i]:%Y-%m-%d}, before invoice {pay['invoice_id'].iloc[i]!r} was issued on {inv['invoice_date'].iloc[pos[i]]:%Y-%m-%d}")
        pay = pay.copy()
        pay["customer"] = pd.Series(np.where(given, pay_cust, inv_cust), index=pay.index).astype("string")
        return pay

    # -- fast arrays for the computations --------------------------------------------------
    def _index(self) -> None:
        inv, pay = self.invoices, self.payments
        customers = pd.Index(pd.unique(pd.concat([inv["customer"], pay["customer"]], ignore_index=True).dropna()))
        self._customers = customers
        self._inv_cust = customers.get_indexer(inv["customer"])
        self._inv_cents = _to_cents(inv["amount"])
        self._inv_day = inv["invoice_date"].to_numpy().astype("datetime64[D]").astype(np.int64)
        self._due_day = inv["due_date"].to_numpy().astype("datetime64[D]").astype(np.int64)
        self._pay_inv = pd.Index(inv["invoice_id"]).get_indexer(pay["invoice_id"])
        self._pay_cust = customers.get_indexer(pay["customer"])
        self._pay_cents = _to_cents(pay["amount"])
        self._pay_day = pay["payment_date"].to_numpy().astype("datetime64[D]").astype(np.int64)

    def customer_info(self) -> pd.DataFrame:
        """Customer attributes for every customer in the ledger, with defaults where none were given."""
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
        for col in ("last_demand_date", "last_acknowledgement_date"):
            if col not in info:
                info[col] = pd.Series(pd.NaT, index=info.index, dtype="datetime64[us]")
        return info.set_index("customer")

    def __repr__(self) -> str:
        return (f"Ledger({len(self.invoices):,} invoices, {len(self.payments):,} payments, "
                f"{len(self._customers):,} customers)")


# -- reading files --------------------------------------------------------------------------
_SHEETS = {
    "invoices": ("invoices", "invoice", "发票", "应收", "应收明细", "销售发票"),
    "payments": ("payments", "payment", "收款", "回款", "收款明细", "回款明细"),
    "customers": ("customers", "customer", "客户", "客户信息", "客户档案"),
}


def _read_csv(path: Path) -> pd.DataFrame:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise LedgerError([Problem(str(path), "is neither UTF-8 nor GBK text")])
    from io import StringIO

    return pd.read_csv(StringIO(text), dtype=str, keep_default_na=False, skipinitialspace=True)


def load_ledger(path: str | Path, currency: str | None = None) -> Ledger:
    """Read a ledger from ``path``.

    ``path`` may be an Excel workbook (sheets ``invoices`` and ``payments``, optional
    ``customers``; Chinese sheet names such as 应收/收款/客户 work too, and a workbook
    with a single sheet is read as invoices), a folder holding ``invoices.csv`` and
    optionally ``payments.csv`` and ``customers.csv``, or one CSV/XLSX of invoices.
    CSV files may be UTF-8, UTF-8 with BOM, or GBK.

    Raises
    ------
    LedgerError
        If the file cannot be found or read, or its contents do not validate.
    """
    path = Path(path)
    if not path.exists():
        raise LedgerError([Problem(str(path), "no such file or folder")])
    tables: dict[str, pd.DataFrame | None] = {"invoices": None, "payments": None, "customers": None}
    where: dict[str, str] = {}
    if path.is_dir():
        for name in tables:
            f = path / f"{name}.csv"
            if f.exists():
                tables[name] = _read_csv(f)
                where[name] = str(f)
        if tables["invoices"] is None:
            raise LedgerError([Problem(str(path), "the folder has no invoices.csv")])
    elif path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        try:
            sheets = pd.read_excel(path, sheet_name=None, dtype=object)
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise LedgerError([Problem(str(path), f"cannot be read as an Excel workbook ({exc})")]) from None
        names = {_key(n): n for n in sheets}
        for table, options in _SHEETS.items():
            for option in options:
                if _key(option) in names:
                    sheet = names[_key(option)]
                    tables[table] = sheets[sheet]
                    where[table] = f"{path.name}, sheet '{sheet}'"
                    break
        if tables["invoices"] is None:
            if len(sheets) == 1:
                sheet, df = next(iter(sheets.items()))
                tables["invoices"] = df
                where["invoices"] = f"{path.name}, sheet '{sheet}'"
            else:
                raise LedgerError([Problem(path.name, f"has no sheet named 'invoices' (sheets: {', '.join(sheets)})")])
    elif path.suffix.lower() in (".csv", ".txt"):
        tables["invoices"] = _read_csv(path)
        where["invoices"] = path.name
    else:
        raise LedgerError([Problem(path.name, "is not a .xlsx workbook, a .csv file or a folder of CSV files")])
    return Ledger(tables["invoices"], tables["payments"], tables["customers"], currency=currency,
                  source=where, file_rows=True)
