"""Cell values as real exports write them: dates, amounts, yes/no flags, text.

Every parser here is vectorised over the *distinct* values of a column (ledger
columns repeat a lot), returns NaN/NaT where it cannot read a cell, and says why
in a parallel array of reasons, so the caller can report the file, row and column.
Nothing is guessed: a date such as ``03/04/2026`` is read only when the rest of the
column (or an explicit ``date_format``) settles whether it is day-first or
month-first, and ``12,34`` is refused unless the decimal comma is declared.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

import numpy as np
import pandas as pd

__all__ = ["Note", "say", "per_unique", "blank", "text", "names", "parse_bools", "parse_amounts", "parse_dates", "infer_date_order",
           "MAX_AMOUNT", "DATE_RANGE", "to_cents"]

MAX_AMOUNT = 1e11          # one line of more than 100 billion is a typing or export error, not an invoice
DATE_RANGE = (1950, 2099)  # dates outside these years are flagged as implausible
_TRUE = {"true", "yes", "y", "1", "是", "有", "t", "x", "√", "disputed", "争议"}
_FALSE = {"false", "no", "n", "0", "否", "无", "f", "", "-"}
_EXCEL_EPOCH = np.datetime64("1899-12-30")
_SERIAL_RANGE = (18264, 73050)   # 1950-01-01 .. 2099-12-31 as Excel day numbers


class Note(str):
    """A sentence in English (the string itself) with its Chinese in ``zh``: import-summary lines,
    problems found in a ledger and the reasons a cell cannot be read are all written this way."""

    zh: str

    def __new__(cls, en: str, zh: str | None = None):
        obj = super().__new__(cls, en)
        obj.zh = zh or en
        return obj

    def say(self, lang: str) -> str:
        return self.zh if lang == "zh" else str(self)


_YES_NO = Note("is yes/no, not an amount", "是“是/否”，不是金额")
_INFINITE = Note("is not a finite amount", "不是有限的金额")


def say(text, lang: str) -> str:
    """``text`` in ``lang`` when it is a :class:`Note`, else as it is."""
    return text.say(lang) if isinstance(text, Note) else str(text)


def factorize(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize`` of the cells (-1 = missing). A text column is factorized through its array of
    Python strings, which hashes them directly (a third faster than the string dtype's own path)."""
    cells = s.to_numpy(dtype=object) if isinstance(s.dtype, pd.StringDtype) else s
    return pd.factorize(cells, use_na_sentinel=True)


def per_unique(s: pd.Series, fn, na_value=None) -> pd.Series:
    """Apply a vectorised ``fn`` to the distinct non-missing values of ``s`` only, then
    spread the results back; missing values become ``na_value``."""
    codes, uniques = factorize(s)
    return spread(codes, fn(pd.Series(uniques, dtype=object)), s.index, na_value)


def present_where(s: pd.Series, where: np.ndarray) -> np.ndarray:
    """``where & s.notna()``, looking only at the cells where ``where`` is set: checking a million text
    cells for blanks costs more than the few rows usually asked about."""
    out = np.array(where, dtype=bool)
    if out.any():
        out[out] = pd.notna(s.to_numpy(dtype=object)[out])
    return out


def missing_where(s: pd.Series, where: np.ndarray) -> np.ndarray:
    """``where & s.isna()``, looking only at the cells where ``where`` is set."""
    out = np.array(where, dtype=bool)
    if out.any():
        out[out] = pd.isna(s.to_numpy(dtype=object)[out])
    return out


def spread(codes: np.ndarray, done: pd.Series, index: pd.Index, na_value=None) -> pd.Series:
    """The per-distinct results ``done`` laid out along ``codes`` (-1 = missing -> ``na_value``)."""
    missing = codes < 0
    if na_value is None and isinstance(done.dtype, pd.api.extensions.ExtensionDtype) and len(done):
        # text and other extension results: one take, no detour through Python objects
        return pd.Series(done.array.take(codes, allow_fill=True), index=index)
    values = done.to_numpy(dtype=object).take(np.where(missing, 0, codes)) if len(done) else \
        np.full(len(codes), na_value, dtype=object)
    if missing.any():
        values[missing] = na_value
    result = pd.Series(values, index=index)
    if na_value is not None or not missing.any():
        try:
            return result.astype(done.dtype)
        except (TypeError, ValueError):
            return result
    return result


def blank(s: pd.Series) -> np.ndarray:
    """True where a cell is empty or only white space."""
    if s.dtype == object or pd.api.types.is_string_dtype(s):
        return per_unique(s, lambda u: u.isna() | (u.astype(str).str.strip() == ""), na_value=True).to_numpy(dtype=bool)
    return s.isna().to_numpy()


def _clean_text(u: pd.Series) -> pd.Series:
    """Distinct cell values trimmed, blanks missing, whole numbers read from Excel without ``.0``."""
    if pd.api.types.infer_dtype(u, skipna=True) not in ("string", "empty"):
        u = u.map(lambda v: str(int(v)) if isinstance(v, float) and v.is_integer() else v)
    t = u.astype("string").str.strip()
    return t.where(t != "", None)


def text(s: pd.Series) -> pd.Series:
    """Trimmed text, missing where blank. Whole numbers read from Excel lose their ``.0``."""
    if len(s) > 10_000 and pd.api.types.infer_dtype(s, skipna=True) in ("string", "empty"):
        sample = s.iloc[:: len(s) // 2000]
        if sample.nunique() > 0.9 * len(sample):
            return _strip_all(s)   # nearly all distinct (invoice numbers): factorizing first would only add work
    return per_unique(s, _clean_text).astype("string")


_LEADING = re.compile(r"\x00\s")   # a literal first, so the search is a fast scan


_ASCII_SPACES = [chr(i) for i in range(128) if chr(i).isspace()]


def _untrimmed(joined: str, cells: int) -> bool:
    """Whether any of the cells joined by NUL starts or ends with white space, or is empty."""
    if not joined:
        return cells > 0
    if joined.isascii() and not any(c in joined for c in _ASCII_SPACES):   # no white space at all (ids)
        return joined.startswith("\x00") or joined.endswith("\x00") or "\x00\x00" in joined
    return (joined[0].isspace() or joined[-1].isspace() or joined.startswith("\x00") or joined.endswith("\x00")
            or "\x00\x00" in joined or bool(_LEADING.search(joined)) or bool(_LEADING.search(joined[::-1])))


def _strip_all(s: pd.Series) -> pd.Series:
    """Trim a column of strings; one regex over the joined column first tells whether any cell needs it."""
    present = s.notna().to_numpy()
    arr = s.to_numpy(dtype=object)
    if not _untrimmed("\x00".join(arr[present]), int(present.sum())):
        if pd.api.types.is_string_dtype(s.dtype) and s.dtype != object:
            return s.astype("string")          # already text with nothing to trim: no copy cell by cell
        return pd.Series(np.where(present, arr, None), index=s.index, dtype=object).astype("string")
    arr = s.astype(object).str.strip().to_numpy(dtype=object)
    empty = pd.isna(arr) | (arr == "")
    if empty.any():
        arr = arr.copy()
        arr[empty] = None
    return pd.Series(arr, index=s.index).astype("string")


def name_key(s: pd.Series) -> pd.Series:
    """The form of a name used to compare spellings: NFKC, single spaces."""
    def norm(u):
        return u.map(lambda v: re.sub(r"\s+", " ", unicodedata.normalize("NFKC", v)).strip() if isinstance(v, str) else v)

    return per_unique(s.astype("string"), norm).astype("string")


def names(s: pd.Series) -> tuple[pd.Series, int]:
    """Customer names with typographic variants made one: full-width and half-width brackets and
    letters (NFKC) and runs of spaces. Returns the names and how many spellings were merged.

    Everything is decided on the distinct cells (a few thousand names for a million rows) and
    laid out once at the end."""
    codes, uniques = factorize(s)
    cleaned = _clean_text(pd.Series(uniques, dtype=object)).reset_index(drop=True)
    spelling, code_of = pd.factorize(cleaned, use_na_sentinel=True)      # raw cell -> trimmed spelling
    spellings = pd.Series(code_of, dtype="string")
    keys = name_key(spellings)
    variants = int(len(spellings) - keys.nunique())
    if variants:
        # show each customer under its most frequent spelling in the file (the first seen on a tie)
        counts = np.bincount(spelling[codes[codes >= 0]], minlength=len(spellings)) if len(spellings) else []
        by_count = pd.DataFrame({"key": keys.to_numpy(), "count": counts, "order": np.arange(len(spellings))})
        best = by_count.sort_values(["count", "order"], ascending=[False, True]).drop_duplicates("key")
        shown = pd.Series(spellings.to_numpy()[best["order"].to_numpy()], index=best["key"].to_numpy())
        spellings = pd.Series(keys.map(shown).to_numpy(), dtype="string")
    per_cell = np.where(codes >= 0, spelling.take(np.where(codes >= 0, codes, 0)) if len(spelling) else -1, -1)
    return spread(per_cell, spellings, s.index), variants


def parse_bools(s: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Yes/no cells (是/否, Yes/No, 1/0, TRUE/FALSE); the second array marks unreadable cells."""
    if pd.api.types.is_bool_dtype(s):
        return s.astype(bool), np.zeros(len(s), dtype=bool)
    t = s.map(lambda v: str(int(v)) if isinstance(v, float) and v == v and v.is_integer() else v)
    t = t.astype("string").str.strip().str.lower().fillna("")
    out = pd.Series(np.where(t.isin(_TRUE), True, False), index=s.index)
    bad = ~(t.isin(_TRUE) | t.isin(_FALSE))
    return out, bad.to_numpy()


# -- amounts --------------------------------------------------------------------------------
_DEBIT_CREDIT = re.compile(r"^(.*\d)\s*(dr|cr|借|贷)\.?$", re.I)
_SCALE_WORDS = [("亿", 1e8), ("万", 1e4), ("千", 1e3)]
# with a decimal point, thousands are grouped by commas, apostrophes (Swiss 1'234.50) or spaces (1 234.50)
_GROUPED_DOT = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d{1,3}('\d{3})+(\.\d+)?$|^\d{1,3}( \d{3})+(\.\d+)?$"
                          r"|^\d+(\.\d+)?([eE][+-]?\d+)?$|^\.\d+$")
_GROUPED_COMMA = re.compile(r"^\d{1,3}([.\s']\d{3})+(,\d+)?$|^\d+(,\d+)?$|^,\d+$")


def parse_amounts(s: pd.Series, decimal: str = ".", scale: float = 1.0) -> tuple[pd.Series, pd.Series]:
    """Amounts such as ``1234.5``, ``"1,234.50"``, ``"¥1,234.50"``, ``"(500.00)"``, ``"3.5万元"``.

    Returns the floats (NaN where unreadable) and a Series of reasons (None where
    fine). ``decimal`` is ``"."`` (then ``,`` may only group thousands) or ``","``
    (then ``.``, spaces and apostrophes group thousands). ``scale`` multiplies every
    amount (10,000 for a column in 万元); a value that carries its own unit
    (``3.5万``) is scaled by that unit instead. Non-finite amounts and amounts of
    :data:`MAX_AMOUNT` or more are refused with a reason.
    """
    if pd.api.types.is_bool_dtype(s):
        return pd.Series(np.nan, index=s.index), pd.Series([_YES_NO] * len(s), index=s.index, dtype=object)
    if pd.api.types.is_numeric_dtype(s):
        values = s.astype("float64") * scale
        reasons = pd.Series(None, index=s.index, dtype=object)
    else:
        codes, uniques = pd.factorize(s, use_na_sentinel=True)
        u_values, u_reasons = _amount_uniques(pd.Series(uniques, dtype=object), decimal, scale)
        values = pd.Series(u_values[codes], index=s.index)
        reasons = pd.Series(u_reasons[codes], index=s.index, dtype=object)
    if decimal == "." and not pd.api.types.is_numeric_dtype(s):
        reasons = _dot_thousands(s, reasons)
    finite = np.isfinite(values.to_numpy())
    present = values.notna().to_numpy()
    reasons = _with_reason(reasons, present & ~finite, _INFINITE)
    big = present & finite & (np.abs(np.nan_to_num(values.to_numpy())) >= MAX_AMOUNT)
    reasons = _with_reason(reasons, big, Note(f"is too large to be an amount (limit {MAX_AMOUNT:,.0f})",
                                              f"太大，不可能是一笔金额（上限 {MAX_AMOUNT:,.0f}）"))
    values = values.where(reasons.isna(), np.nan)
    return values, reasons


_DOT_GROUPS = re.compile(r"^[-(]?\s*[¥$€]?\s*\d{1,3}(\.\d{3})+\s*\)?-?$")
_TWO_DECIMALS = re.compile(r"\.\d{1,2}\s*\)?-?$")


_NUMBER = re.compile(r"\d(?:[\d.,']|[ \u2019](?=\d{3}))*")
_EUROPEAN = re.compile(r"^\d{1,3}([.' ]\d{3})+,\d+$")             # 1.234,50 (1'234,50): nothing else writes this
_COMMA_DECIMAL = re.compile(r"^\d+,(\d{1,2}|\d{4,})$")                # 99,90: not a thousands comma
_DOT_DECIMAL = re.compile(r"^\d{1,3}([,' ]\d{3})+\.\d+$|^\d+\.(\d{1,2}|\d{4,})$")


_CODES = "USD|EUR|CNY|RMB|HKD|GBP|JPY|SGD|AUD|CAD|CHF"
_CURRENCY_MARK = re.compile(rf"\b({_CODES})\b|([€£$¥￥])", re.I)
_SAME = {"RMB": "CNY", "€": "EUR", "£": "GBP", "$": "USD", "¥": "CNY", "￥": "CNY"}


_CURRENCY_NAMES = {
    "CNY": ("cny", "rmb", "人民币", "元", "¥", "￥", "rmb¥"), "USD": ("usd", "美元", "美金", "us$", "$"),
    "EUR": ("eur", "欧元", "€"), "HKD": ("hkd", "港币", "港元", "hk$"), "JPY": ("jpy", "日元", "円"),
    "GBP": ("gbp", "英镑", "£"), "SGD": ("sgd", "新加坡元", "新币", "s$"), "AUD": ("aud", "澳元", "a$"),
    "CAD": ("cad", "加元", "加拿大元", "c$"), "CHF": ("chf", "瑞士法郎"), "TWD": ("twd", "ntd", "新台币"),
    "KRW": ("krw", "韩元"), "MOP": ("mop", "澳门元"),
}
_CURRENCY_CODE = {name: code for code, names in _CURRENCY_NAMES.items() for name in names}


def currency_codes(s: pd.Series) -> pd.Series:
    """A currency column with each currency named one way: ``美元``, ``USD``, ``usd`` and ``US$`` are all
    ``USD``; ``人民币``, ``RMB`` and ``¥`` are ``CNY`` (ISO 4217 codes). Names not known are kept as written,
    trimmed."""
    t = text(s)
    key = t.map(lambda v: v if pd.isna(v) else _CURRENCY_CODE.get(unicodedata.normalize("NFKC", v).strip().lower()),
                na_action="ignore")
    return key.fillna(t).astype("string")


def currency_code(name: str) -> str:
    """One currency name as :func:`currency_codes` writes it: ``currency_code("美元") == "USD"``."""
    return str(currency_codes(pd.Series([name])).iloc[0])


def currencies_in(s: pd.Series) -> set[str]:
    """The currencies written inside amount cells ('EUR 1,000.00', '¥500', '$12'), as ISO codes."""
    if pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
        return set()
    found = set()
    for v in pd.unique(s.dropna()):
        if isinstance(v, str):
            for code, sign in _CURRENCY_MARK.findall(v):
                mark = (code or sign).upper() if code else sign
                found.add(_SAME.get(mark, mark))
    return found


def infer_decimal(columns: list[pd.Series]) -> tuple[str | None, str | None]:
    """Settle the decimal separator of amounts written as text from whole columns, like the date order.

    A value such as ``1.234,50``, ``99,90`` or ``0,5`` can only be read with a decimal comma (a thousands
    comma is followed by exactly three digits), and ``1,234.50`` or ``99.90`` only with a decimal point.
    Returns ``(",", example)`` when no amount can only be read with a point and the comma is shown by a
    value written the European way (``1.234,50``) or by at least three distinct values such as ``99,90``
    (one such value alone may be a typing slip: it is refused with its reason instead); ``(".", None)``
    when the file shows the point; ``(None, None)`` when nothing decides (``1234``, ``1,234``: the point)."""
    comma = dot = None
    european, commas = False, 0
    for s in columns:
        if s is None or pd.api.types.is_numeric_dtype(s) or pd.api.types.is_bool_dtype(s):
            continue
        for v in pd.unique(s.dropna()):
            if not isinstance(v, str):
                continue
            m = _NUMBER.search(unicodedata.normalize("NFKC", v))
            token = m.group(0).replace("\u2019", "'").rstrip(".,") if m else ""
            eu = bool(_EUROPEAN.match(token))
            if eu or _COMMA_DECIMAL.match(token):
                if comma is None or (eu and not european):     # a European-written value is the best example
                    comma = v.strip()
                european, commas = european or eu, commas + 1
            elif dot is None and _DOT_DECIMAL.match(token):
                dot = v.strip()
            if comma is not None and dot is not None:
                return ".", None      # both kinds: read with the point; the comma ones are refused with a reason
    if comma is not None and dot is None and (european or commas >= 3):
        return ",", comma
    return (".", None) if dot is not None else (None, None)


def _with_reason(reasons: pd.Series, mask: np.ndarray, reason: Note) -> pd.Series:
    """``reasons`` with ``reason`` where ``mask`` holds (kept as a :class:`Note`: ``Series.where`` would turn it
    into a plain string and lose the Chinese)."""
    if not np.any(mask):
        return reasons
    out = reasons.to_numpy(dtype=object).copy()
    out[np.asarray(mask, dtype=bool)] = reason
    return pd.Series(out, index=reasons.index, dtype=object)


def _dot_thousands(s: pd.Series, reasons: pd.Series) -> pd.Series:
    """'1.234' or '12.500' in a column where no amount has one or two decimals is most likely a European
    thousands separator (1,234 / 12,500), not three decimals of a yuan: refuse it rather than read 1.234."""
    u = pd.Series(pd.unique(s.dropna()), dtype=object)
    t = u.astype("string").str.strip()
    grouped = t.str.match(_DOT_GROUPS).fillna(False).to_numpy()
    if not grouped.any() or t.str.contains(_TWO_DECIMALS).fillna(False).any() or t.str.contains(",").fillna(False).any():
        return reasons
    odd = set(u[grouped])
    hit = s.isin(odd).to_numpy() & reasons.isna().to_numpy()
    return _with_reason(reasons, hit, Note("could be a thousands separator written as a dot (European 1.234 = 1,234); if "
                                    "so add --decimal , (Python: decimal=','), otherwise write the decimals as 1.234 "
                                    "in a column that also has cents",
                                    "里的点可能是千位分隔符（欧式写法 1.234 = 1,234）：如果是，加上 --decimal ,"
                                    "（Python：decimal=','）；如果真是三位小数，这一列里要有带两位小数的金额"))


def _amount_uniques(u: pd.Series, decimal: str, scale: float) -> tuple[np.ndarray, np.ndarray]:
    """Values and reasons for distinct cells (plus a trailing NaN for missing): plain numbers in bulk,
    the rest (currency signs, units, brackets, suspicious commas) one by one."""
    values = np.full(len(u) + 1, np.nan)
    reasons = np.full(len(u) + 1, None, dtype=object)
    t = u.astype("string").str.strip()
    if decimal == ".":
        simple = t.str.fullmatch(r"-?\d+(\.\d+)?|-?\d{1,3}(,\d{3})+(\.\d+)?").fillna(False).to_numpy()
        cleaned = t.str.replace(",", "", regex=False)
    else:
        simple = t.str.fullmatch(r"-?\d+(,\d+)?").fillna(False).to_numpy()
        cleaned = t.str.replace(",", ".", regex=False)
    if pd.api.types.infer_dtype(u, skipna=True) in ("string", "empty"):
        numeric = np.zeros(len(u), dtype=bool)
    else:
        numeric = u.map(lambda v: isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)).to_numpy(bool)
    bulk = simple & ~numeric
    if bulk.any():
        values[:-1][bulk] = pd.to_numeric(cleaned[bulk], errors="coerce").to_numpy(dtype="float64") * scale
    rest = ~bulk
    if rest.any():
        pairs = _amount_strings(u[rest], decimal, scale).tolist()
        values[:-1][rest] = [p[0] for p in pairs]
        reasons[:-1][rest] = [p[1] for p in pairs]
    return values, reasons


_CODE_MARK = re.compile(rf"^({_CODES})\s*|\s*({_CODES})$", re.I)
_QUOTE_GROUPS = re.compile(r"(?<=\d)[\u2019\u02bc](?=\d{3})")     # 1’234.50 written with a typographic apostrophe


def _unmarked(t: str) -> str:
    """``t`` without the currency code or sign it starts or ends with."""
    t = _CODE_MARK.sub("", t)
    return _QUOTE_GROUPS.sub("'", re.sub("[¥$€£￥]", "", t)).strip()


def _amount_strings(u: pd.Series, decimal: str, scale: float) -> pd.Series:
    def one(v):
        if isinstance(v, bool):
            return (np.nan, _YES_NO)
        if isinstance(v, (int, float, np.integer, np.floating)):
            return (float(v) * scale, None)
        t = str(v)
        t = unicodedata.normalize("NFKC", t).strip().replace("\u2212", "-")
        if t == "":
            return (np.nan, None)
        if t in ("-", "--", "—", "–", "——", "-."):     # the accounting number format shows zero as a dash
            return (0.0, None)
        negative = False
        t = _unmarked(t)
        if t.startswith("(") and t.endswith(")"):      # (500.00), ¥(500.00), (¥500.00): a credit
            negative, t = True, _unmarked(t[1:-1])
        if t.startswith("-"):
            negative, t = not negative, t[1:].strip()
        elif t.startswith("+"):
            t = t[1:].strip()
        if t.endswith("-"):       # SAP prints credits as 1,234.50-
            negative, t = not negative, t[:-1].strip()
        side = _DEBIT_CREDIT.match(t)
        if side:                  # 1,000.00 DR / 200.00 CR (借/贷): a credit is money owed to the customer
            t = side.group(1).strip()
            negative = negative != (side.group(2).lower() in ("cr", "贷"))
        own = None
        t = re.sub(r"元$", "", t).strip()
        for word, factor in _SCALE_WORDS:
            if t.endswith(word):
                own, t = factor, t[: -len(word)].strip()
                break
        core = t
        if core.lower() in ("inf", "infinity", "nan", "#num!", "#value!", "#div/0!", "#ref!", "#n/a"):
            if core.lower().startswith("inf"):
                return (np.nan, _INFINITE)
            if core.lower() == "nan":
                return (np.nan, Note("is not a number (NaN)", "不是数字（NaN）"))
            return (np.nan, Note("is an error value of the sheet it came from, not an amount: fix the formula there",
                                 "是原表格里的错误值，不是金额：请到原表里改正公式"))
        if decimal == ".":
            if not _GROUPED_DOT.match(core):
                if re.match(r"^\d+,\d{1,2}$|^\d{1,3}(\.\d{3})+,\d+$", core):
                    return (np.nan, Note("looks like a decimal comma; if so, add --decimal , (Python: decimal=',')",
                                         "像是用逗号作小数点：如果是，加上 --decimal ,（Python：decimal=','）"))
                return (np.nan, None)
            core = re.sub(r"[,' ]", "", core)
        else:
            if not _GROUPED_COMMA.match(core):
                return (np.nan, None)
            core = re.sub(r"[.\s']", "", core).replace(",", ".")
        try:
            x = float(core)
        except ValueError:
            return (np.nan, None)
        x = x * (own if own is not None else scale)
        return (-x if negative else x, None)

    return u.map(one)


# -- payment terms ---------------------------------------------------------------------------
_TERMS_NOW = re.compile(r"^(due\s+(on|upon)\s+receipt|(up)?on\s+receipt|c\.?o\.?d\.?|cash(\s+on\s+delivery)?|"
                        r"immediate(ly)?|prepaid|现结|现款|现金|款到发货|货到付款|即期|见票即付|即付)$")
_TERMS_DAYS = [
    re.compile(r"^(?:net|nt|n)\s*/?\s*(\d+)(?:\s*days?)?$"),                      # Net 30, NT30, n/30
    re.compile(r"^(\d+)\s*(?:days?|d|天|日|天内(?:付款|付清|结清)?)?$"),             # 30, 30 days, 30天
    re.compile(r"^(?:账期|信用期|付款期)\s*[:：]?\s*(\d+)\s*(?:天|日)?$"),
    # early-payment discount, then the net days: 2/10 net 30, 1% 10 Net 30, 2/10, n/30
    re.compile(r"^\d+(?:\.\d+)?\s*%?\s*/?\s*\d+\s*(?:days?)?\s*,?\s*(?:net|n)\s*/?\s*(\d+)(?:\s*days?)?$"),
]
_TERMS_MONTH_END = [
    re.compile(r"^(?:net\s*)?(\d+)\s*(?:days?)?\s*(?:eom|end\s+of\s+(?:the\s+)?month)$"),   # Net 30 EOM
    re.compile(r"^(?:eom|月结)\s*(\d+)\s*(?:天|日|days?)?$"),                                 # 月结30天, EOM 30
    re.compile(r"^(?:net\s*)?eom()$"),                                                     # EOM: the month's end
]


def parse_terms(s: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Payment terms as written in a terms column: ``(days, from_month_end, readable)``.

    ``30``, ``Net 30``, ``NT30``, ``30天``, ``2/10 net 30`` (the discount is not the due date: 30) give
    30 days from the invoice date; ``Due on receipt``, ``COD``, ``现结``, ``货到付款`` give 0;
    ``Net 30 EOM``, ``月结30天`` and ``EOM`` count from the end of the invoice's month. Anything else
    (``Z001``, ``30/60/90``, ``月结``) is not read: a code's digits are not a number of days."""
    if pd.api.types.is_numeric_dtype(s):
        days = s.astype("float64")
        return days, pd.Series(False, index=s.index), days.notna() | s.isna()

    def one(v):
        if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
            return (float(v), False, True) if np.isfinite(v) else (np.nan, False, False)
        t = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", str(v)).strip().lower())
        if _TERMS_NOW.match(t):
            return (0.0, False, True)
        for rx in _TERMS_DAYS:
            m = rx.match(t)
            if m:
                return (float(m.group(1)), False, True)
        for rx in _TERMS_MONTH_END:
            m = rx.match(t)
            if m:
                return (float(m.group(1) or 0), True, True)
        return (np.nan, False, False)

    codes, uniques = factorize(s)
    done = [one(u) if str(u).strip() else (np.nan, False, True) for u in uniques] + [(np.nan, False, True)]
    at = np.where(codes < 0, len(done) - 1, codes)      # the last entry: a blank cell
    days, month_end, readable = (np.array([d[k] for d in done])[at] for k in range(3))
    return (pd.Series(days, index=s.index, dtype="float64"), pd.Series(month_end, index=s.index, dtype=bool),
            pd.Series(readable, index=s.index, dtype=bool))


def to_cents(amounts: pd.Series) -> np.ndarray:
    """Amounts as integer cents (exact sums; no 4936.320000000001)."""
    return np.rint(amounts.to_numpy(dtype="float64") * 100).astype(np.int64)


# -- dates ----------------------------------------------------------------------------------
_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(AM|PM)?)?\s*$", re.I)
_NAMED = ["%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y", "%d-%b-%Y", "%d-%b-%y", "%d %b %y"]


def infer_date_order(columns: list[pd.Series]) -> tuple[str | None, str | None]:
    """Settle day-first or month-first for dates written ``n/n/yyyy`` from whole columns.

    Returns ``(order, problem)``: ``order`` is ``"mdy"``, ``"dmy"`` or None (no such
    dates); ``problem`` is a sentence when the columns cannot decide or contradict
    each other. A first field over 12 means day-first; a second field over 12 means
    month-first.
    """
    firsts, seconds, example = [], [], None
    for s in columns:
        if pd.api.types.is_datetime64_any_dtype(s) or pd.api.types.is_numeric_dtype(s):
            continue
        u = pd.Series(pd.unique(s.dropna().astype(str)))
        m = u.str.extract(_DMY)
        ok = m[0].notna()
        if ok.any():
            example = example or u[ok].iloc[0]
            firsts.append(m.loc[ok, 0].astype(int))
            seconds.append(m.loc[ok, 1].astype(int))
    if not firsts:
        return None, None
    f, s = pd.concat(firsts), pd.concat(seconds)
    day_first, month_first = bool((f > 12).any()), bool((s > 12).any())
    if day_first and month_first:
        return None, Note("dates are written both day-first (a first field over 12) and month-first (a second field "
                          "over 12); make them consistent, or give --date-format",
                          "日期有的按“日/月/年”写（第一段大于 12），有的按“月/日/年”写（第二段大于 12）："
                          "请统一写法，或用 --date-format 指定")
    if day_first:
        return "dmy", None
    if month_first:
        return "mdy", None
    return None, Note(f"dates such as {example!r} can be read day-first or month-first, and no date in the file "
                      "settles it; add --date-format %m/%d/%Y (US) or --date-format %d/%m/%Y (Python: date_format=…)",
                      f"{example!r} 这样的日期既可以读成“日/月/年”，也可以读成“月/日/年”，文件里没有哪个日期能确定是哪种："
                      "请加上 --date-format %m/%d/%Y（美式）或 --date-format %d/%m/%Y（Python：date_format=…）")


def parse_dates(s: pd.Series, order: str | None = None, date_format: str | None = None) -> tuple[pd.Series, pd.Series]:
    """Dates written year-first (``2026-01-05``, ``2026/1/5``, ``2026年1月5日``, ``20260105``),
    day/month-first with a known ``order``, with month names (``26 Jan 2026``), as
    Excel serial numbers (``46082``), as real date cells, or in an explicit
    ``date_format``. Returns datetime64 (NaT where unreadable or blank) and reasons.
    """
    reasons = pd.Series(None, index=s.index, dtype=object)
    if pd.api.types.is_datetime64_any_dtype(s):
        out = s.dt.tz_localize(None) if getattr(s.dt, "tz", None) else s
        out = out.dt.normalize()
    elif pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        x = s.astype("float64")
        ymd = x.notna() & (x >= 19500101) & (x <= 20991231) & (x == np.floor(x.fillna(0)))
        out = _serials(x)
        if ymd.any():   # 20260105 stored as a number (often 20260105.0 after a round trip through pandas)
            text = x[ymd].astype("int64").astype(str)
            out[ymd] = pd.to_datetime(text, format="%Y%m%d", errors="coerce")
    else:
        out = pd.to_datetime(per_unique(s, lambda u: _date_strings(u, order, date_format)))
    years = out.dt.year
    odd = out.notna() & ((years < DATE_RANGE[0]) | (years > DATE_RANGE[1]))
    if odd.any():
        reasons = reasons.where(~odd, out.dt.strftime("%Y-%m-%d").map(
            lambda d: Note(f"{d} is not a plausible date (outside {DATE_RANGE[0]}-{DATE_RANGE[1]}); check the cell",
                           f"{d} 不像是真实的日期（不在 {DATE_RANGE[0]}-{DATE_RANGE[1]} 年之间）：请检查这一格")))
        out = out.where(~odd, pd.NaT)
    return out, reasons


def _serials(x: pd.Series) -> pd.Series:
    ok = x.notna() & (x >= _SERIAL_RANGE[0]) & (x <= _SERIAL_RANGE[1])
    days = np.floor(x.where(ok, 0).to_numpy()).astype("int64")
    out = pd.Series((_EXCEL_EPOCH + days.astype("timedelta64[D]")).astype("datetime64[s]"), index=x.index)
    return out.where(ok, pd.NaT)


def _date_strings(s: pd.Series, order: str | None, date_format: str | None) -> pd.Series:
    if len(s) and s.map(lambda v: isinstance(v, (pd.Timestamp, datetime, date))).all():
        return pd.to_datetime(s).dt.normalize()
    values = s.map(lambda v: v.strftime("%Y-%m-%d") if isinstance(v, (datetime, date)) else
                   (str(int(v)) if isinstance(v, float) and v == v and v.is_integer() else v))
    values = values.astype("string").str.strip()
    result = pd.Series(pd.NaT, index=s.index, dtype="datetime64[s]")
    if date_format:
        result = pd.to_datetime(values, format=date_format, errors="coerce")
    todo = result.isna() & values.notna()
    # Excel serial numbers that arrived as text (CSV saved from a sheet with unformatted dates)
    serial = todo & values.str.fullmatch(r"\d{5}(\.\d+)?").fillna(False)
    if serial.any():
        result[serial] = _serials(pd.to_numeric(values[serial], errors="coerce"))
    todo = result.isna() & values.notna()
    ymd = values[todo].str.replace(r"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*$", "", regex=True)
    ymd = ymd.str.replace(r"^(\d{4})(\d{2})(\d{2})$", r"\1-\2-\3", regex=True)
    ymd = ymd.str.replace(r"[年月/.]", "-", regex=True).str.replace("日", "", regex=False).str.replace(r"-+$", "", regex=True)
    got = pd.to_datetime(ymd.where(ymd.str.match(r"^\d{4}-").fillna(False)), format="%Y-%m-%d", errors="coerce")
    result[todo] = got
    todo = result.isna() & values.notna()
    if order and todo.any():
        m = values[todo].str.extract(_DMY)
        ok = m[0].notna()
        if ok.any():
            d, mth = (m[0], m[1]) if order == "dmy" else (m[1], m[0])
            year = m[2].where(m[2].str.len() == 4, "20" + m[2])
            iso = year + "-" + mth.str.zfill(2) + "-" + d.str.zfill(2)
            result[todo] = pd.to_datetime(iso.where(ok), format="%Y-%m-%d", errors="coerce")
    todo = result.isna() & values.notna()
    if todo.any():
        named = values[todo].str.replace(",", " ", regex=False).str.replace(r"\s+", " ", regex=True).str.strip()
        for fmt in _NAMED:
            got = pd.to_datetime(named, format=fmt, errors="coerce")
            result[got.index[got.notna()]] = got[got.notna()]
            named = named[got.isna()]
            if named.empty:
                break
    return result
