"""Financial ratios read from a customer's statements (资信调查: 流动比率, 速动比率, 资产负债率 …).

Each ratio has its formula and the usual reference point, labelled as a rule of thumb;
see :func:`ratios`. Part of :mod:`coursekit.credit`.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

__all__ = ["ITEMS", "RATIOS", "ratios"]

# ---------------------------------------------------------------------------------------
# Financial ratios
# ---------------------------------------------------------------------------------------

#: Statement items :func:`ratios` understands: canonical key -> (Chinese name, English name, aliases).
ITEMS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "current_assets": ("流动资产", "current assets", ("流动资产合计",)),
    "current_liabilities": ("流动负债", "current liabilities", ("流动负债合计",)),
    "inventory": ("存货", "inventory", ("inventories", "存货净额")),
    "cash": ("货币资金", "cash", ("cash and cash equivalents", "现金")),
    "accounts_receivable": ("应收账款", "accounts receivable", ("ar", "receivables", "trade receivables",
                                                          "应收帐款", "应收账款净额")),
    "accounts_receivable_begin": ("期初应收账款", "accounts receivable at the start of the period",
                                  ("ar begin", "opening accounts receivable", "应收账款期初", "应收账款年初数")),
    "inventory_begin": ("期初存货", "inventory at the start of the period",
                        ("opening inventory", "存货期初", "存货年初数")),
    "total_assets": ("资产总计", "total assets", ("资产总额", "资产合计")),
    "total_liabilities": ("负债合计", "total liabilities", ("负债总额", "负债总计")),
    "equity": ("所有者权益", "equity", ("shareholders equity", "total equity", "所有者权益合计",
                                    "股东权益", "股东权益合计", "净资产")),
    "revenue": ("营业收入", "revenue", ("sales", "turnover", "营业总收入", "主营业务收入", "销售收入")),
    "cost_of_sales": ("营业成本", "cost of sales", ("cogs", "cost of goods sold", "主营业务成本", "销售成本")),
    "ebit": ("息税前利润", "EBIT", ("earnings before interest and tax",)),
    "interest_expense": ("利息费用", "interest expense", ("interest", "利息支出")),
    "net_profit": ("净利润", "net profit", ("net income",)),
    "operating_cash_flow": ("经营活动现金流量净额", "operating cash flow",
                            ("cash flow from operations", "经营活动产生的现金流量净额", "经营现金流")),
}

# Items that cannot be negative on a balance sheet or income statement.
_NONNEGATIVE = {"current_assets", "current_liabilities", "inventory", "cash", "accounts_receivable",
                "accounts_receivable_begin", "inventory_begin", "total_assets", "total_liabilities",
                "revenue", "cost_of_sales", "interest_expense"}


@dataclass(frozen=True)
class _Ratio:
    key: str
    name_zh: str
    name_en: str
    needs: tuple[str, ...]
    reading_zh: str
    reading_en: str


#: The ratios computed by :func:`ratios`, in output order. Readings are the usual
#: textbook reference points: rules of thumb, not standards; compare with the
#: customer's industry and its own history.
RATIOS: tuple[_Ratio, ...] = (
    _Ratio("current_ratio", "流动比率", "Current ratio", ("current_assets", "current_liabilities"),
           "经验参考值（非标准）：约 2 倍；低于 1 说明流动资产不足以覆盖一年内到期的债务",
           "rule of thumb (not a standard): about 2; below 1 the current assets do not cover the debts due within a year"),
    _Ratio("quick_ratio", "速动比率", "Quick ratio", ("current_assets", "inventory", "current_liabilities"),
           "经验参考值（非标准）：约 1 倍；存货难以变现的行业应更看重此比率",
           "rule of thumb (not a standard): about 1; weigh it more where stock is slow to turn into cash"),
    _Ratio("cash_ratio", "现金比率", "Cash ratio", ("cash", "current_liabilities"),
           "经验参考值（非标准）：0.2 倍左右或以上；过低说明付款要靠收回应收款或卖出存货",
           "rule of thumb (not a standard): about 0.2 or more; much lower and paying you depends on collecting or selling first"),
    _Ratio("debt_to_assets", "资产负债率", "Debt-to-asset ratio", ("total_liabilities", "total_assets"),
           "经验参考值（非标准）：40%-60%；超过 70% 宜提高警惕，超过 100% 即资不抵债",
           "rule of thumb (not a standard): 40%-60%; above 70% calls for caution, above 100% liabilities exceed assets"),
    _Ratio("debt_to_equity", "产权比率", "Debt-to-equity ratio", ("total_liabilities", "equity"),
           "经验参考值（非标准）：1 倍左右或以下；越高，债权人承担的风险越大",
           "rule of thumb (not a standard): about 1 or less; the higher it is, the more of the risk creditors carry"),
    _Ratio("interest_cover", "利息保障倍数", "Interest cover", ("ebit", "interest_expense"),
           "经验参考值（非标准）：3 倍以上较稳妥；低于 1 说明经营利润付不起利息",
           "rule of thumb (not a standard): 3 or more is comfortable; below 1 operating profit does not pay the interest"),
    _Ratio("net_margin", "销售净利率", "Net profit margin", ("net_profit", "revenue"),
           "无通用标准：与同行业及该客户往年比较；为负即亏损",
           "no general norm: compare with the industry and the customer's own past years; negative means a loss"),
    _Ratio("roe", "净资产收益率", "Return on equity (ROE)", ("net_profit", "equity"),
           "无通用标准：与同行业比较；持续为负会侵蚀净资产",
           "no general norm: compare with the industry; persistent losses eat into equity"),
    _Ratio("ar_turnover", "应收账款周转率", "Receivables turnover", ("revenue", "accounts_receivable"),
           "无通用标准：与同行业及该客户往年比较；越高回款越快",
           "no general norm: compare with the industry and the customer's past years; higher means faster collection"),
    _Ratio("dso", "应收账款周转天数", "Days sales outstanding (DSO)", ("revenue", "accounts_receivable"),
           "无通用标准：若明显长于它给客户的账期，说明它自己也收款困难，付你的钱可能也会慢",
           "no general norm: well above the terms it gives its own customers means it struggles to collect, and may pay you late too"),
    _Ratio("inventory_turnover", "存货周转率", "Inventory turnover", ("cost_of_sales", "inventory"),
           "无通用标准：因行业差异很大，与同行业及往年比较；下降说明存货积压",
           "no general norm: varies widely by industry, compare with peers and past years; a fall means stock is piling up"),
    _Ratio("ocf_to_current_liabilities", "现金流动负债比", "Operating cash flow to current liabilities",
           ("operating_cash_flow", "current_liabilities"),
           "无通用标准：越高越好；为负说明经营本身在消耗现金",
           "no general norm: higher is better; negative means the business itself is consuming cash"),
)

_RESERVED_COLUMNS = ("name_zh", "name_en", "formula", "reading")


def _norm(name: object) -> str:
    text = unicodedata.normalize("NFKC", str(name)).strip().lower()
    return re.sub(r"[\s_\-()\[\]（）【】:：/'’]+", "", text)


_ITEM_INDEX = {_norm(alias): key for key, (zh, en, aliases) in ITEMS.items()
               for alias in (key, zh, en, *aliases)}


def _statements(financials) -> pd.DataFrame:
    """Financial items as a float DataFrame: rows = canonical item keys, columns = periods."""
    if isinstance(financials, pd.Series):
        df = financials.to_frame(name=financials.name if financials.name is not None else "value")
    elif isinstance(financials, pd.DataFrame):
        df = financials.copy()
    elif isinstance(financials, Mapping):
        if not financials:
            raise ValueError("financials is empty: give items such as current_assets and current_liabilities")
        nested = [isinstance(v, (Mapping, pd.Series)) for v in financials.values()]
        if all(nested):
            df = pd.DataFrame({k: pd.Series(v) for k, v in financials.items()}).T
        elif not any(nested):
            df = pd.DataFrame({"value": pd.Series(financials, dtype=object)})
        else:
            raise ValueError("financials mixes single values and per-period values; give every item the same shape")
    else:
        raise ValueError("financials must be a dict or a DataFrame with one row per item and one column per period, "
                         f"not {type(financials).__name__}")
    if df.shape[1] == 0:
        raise ValueError("financials has no period columns")
    for col in df.columns:
        if col in _RESERVED_COLUMNS:
            raise ValueError(f"a period cannot be called {col!r}: that name is used by the output table")
    if df.columns.duplicated().any():
        raise ValueError(f"period {df.columns[df.columns.duplicated()][0]!r} appears twice")

    rows: dict[str, pd.Series] = {}
    seen: dict[str, object] = {}
    for label, values in df.iterrows():
        key = _ITEM_INDEX.get(_norm(label))
        if key is None:
            typo = _typo_of(_norm(label))
            if typo:
                raise ValueError(f"item {label!r} is not recognised; did you mean {typo!r}?")
            continue  # other lines of the statements (固定资产, 营业外收入 …) are not used
        if key in seen:
            raise ValueError(f"items {seen[key]!r} and {label!r} both mean {key!r}; keep one")
        seen[key] = label
        rows[key] = pd.Series([_number(v, label, p) for p, v in values.items()], index=df.columns, dtype="float64")
        if key in _NONNEGATIVE:
            for period, x in rows[key].items():
                if x < 0:
                    raise ValueError(f"{label} is negative ({x:,.2f}) for period {period!r}; it cannot be")
    return pd.DataFrame(rows).T if rows else pd.DataFrame(columns=df.columns, dtype="float64")


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _typo_of(label: str) -> str | None:
    """The item an English label is a likely misspelling of (one or two letters off), if any.

    Chinese labels are never guessed at: real statements hold lines one character
    away from the items used here (营业外收入 vs 营业收入, 营业总成本 vs 营业成本).
    """
    if not label.isascii() or len(label) < 6:
        return None
    for alias, key in _ITEM_INDEX.items():
        if alias.isascii() and len(alias) >= 6 and _edit_distance(label, alias) <= 2 \
                and not label.startswith("non"):
            return key
    return None


def _number(value, item, period) -> float:
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{item} for period {period!r} is {value!r}, not a number")
    if isinstance(value, str):
        text = re.sub(r"[¥,，\s元]", "", unicodedata.normalize("NFKC", value))
        try:
            x = float(text)
        except ValueError:
            raise ValueError(f"cannot read {value!r} as a number ({item}, period {period!r})") from None
    else:
        try:
            x = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"cannot read {value!r} as a number ({item}, period {period!r})") from None
    if not math.isfinite(x):
        raise ValueError(f"{item} is blank or not a finite number for period {period!r}; "
                         "fill it in, or drop the row to leave out the ratios that need it")
    return x


def _divide(num: pd.Series, den: pd.Series, ratio: str, den_name: str, positive: bool = False) -> pd.Series:
    for period, d in den.items():
        if d == 0:
            raise ValueError(f"{ratio}: {den_name} is zero for period {period!r}, so the ratio is undefined")
        if positive and d < 0:
            raise ValueError(f"{ratio}: {den_name} is negative ({d:,.2f}) for period {period!r}, so the ratio has "
                             "no meaning; the debt-to-asset ratio above 100% already shows the deficit — "
                             "leave out 'equity' to skip this ratio")
    return num / den


def _ratio_values(r: _Ratio, st: pd.DataFrame, avg, days: float) -> tuple[pd.Series, str]:
    """One ratio's values per period and its formula in words (both languages)."""
    name = f"{r.name_en} ({r.name_zh})"
    g = st.loc
    if r.key == "current_ratio":
        values, formula = _divide(g["current_assets"], g["current_liabilities"], name, "current liabilities"), \
            "流动资产 ÷ 流动负债 / current assets ÷ current liabilities"
    elif r.key == "quick_ratio":
        values = _divide(g["current_assets"] - g["inventory"], g["current_liabilities"], name, "current liabilities")
        formula = "(流动资产 − 存货) ÷ 流动负债 / (current assets − inventory) ÷ current liabilities"
    elif r.key == "cash_ratio":
        values = _divide(g["cash"], g["current_liabilities"], name, "current liabilities")
        formula = "货币资金 ÷ 流动负债 / cash ÷ current liabilities"
    elif r.key == "debt_to_assets":
        values = _divide(g["total_liabilities"], g["total_assets"], name, "total assets")
        formula = "负债合计 ÷ 资产总计 / total liabilities ÷ total assets"
    elif r.key == "debt_to_equity":
        values = _divide(g["total_liabilities"], g["equity"], name, "equity", positive=True)
        formula = "负债合计 ÷ 所有者权益 / total liabilities ÷ equity"
    elif r.key == "interest_cover":
        values = _divide(g["ebit"], g["interest_expense"], name, "interest expense")
        formula = "息税前利润 ÷ 利息费用 / EBIT ÷ interest expense"
    elif r.key == "net_margin":
        values = _divide(g["net_profit"], g["revenue"], name, "revenue")
        formula = "净利润 ÷ 营业收入 / net profit ÷ revenue"
    elif r.key == "roe":
        values = _divide(g["net_profit"], g["equity"], name, "equity", positive=True)
        formula = "净利润 ÷ 期末所有者权益 / net profit ÷ closing equity"
    elif r.key in ("ar_turnover", "dso"):
        ar, averaged = avg("accounts_receivable")
        ar_zh = "平均应收账款" if averaged else "期末应收账款"
        ar_en = "average AR" if averaged else "closing AR"
        turnover = _divide(g["revenue"], ar, "Receivables turnover (应收账款周转率)", ar_en)
        if r.key == "ar_turnover":
            values, formula = turnover, f"营业收入 ÷ {ar_zh} / revenue ÷ {ar_en}"
        else:
            values = _divide(ar, g["revenue"], name, "revenue") * float(days)
            formula = (f"{days:g} ÷ 应收账款周转率 = {ar_zh} ÷ 营业收入 × {days:g} / "
                       f"{days:g} ÷ AR turnover = {ar_en} ÷ revenue × {days:g}")
    elif r.key == "inventory_turnover":
        inv, averaged = avg("inventory")
        inv_zh, inv_en = ("平均存货", "average inventory") if averaged else ("期末存货", "closing inventory")
        values = _divide(g["cost_of_sales"], inv, name, inv_en)
        formula = f"营业成本 ÷ {inv_zh} / cost of sales ÷ {inv_en}"
    else:  # ocf_to_current_liabilities
        values = _divide(g["operating_cash_flow"], g["current_liabilities"], name, "current liabilities")
        formula = "经营活动现金流量净额 ÷ 流动负债 / operating cash flow ÷ current liabilities"
    return values, formula


def ratios(financials, *, days: float = 365) -> pd.DataFrame:
    """The textbook financial ratios of a customer, one row per ratio.

    Parameters
    ----------
    financials : dict, Series or DataFrame
        Statement items as rows and one column per period (or per company):
        ``{"current_assets": 500, ...}`` for one period (the column is then called
        ``value``), ``{"current_assets": {"2024": 450, "2025": 500}, ...}`` or a
        DataFrame indexed by item. Items are matched by their English keys or
        their Chinese names — ``current_assets`` 流动资产(合计),
        ``current_liabilities`` 流动负债(合计), ``inventory`` 存货, ``cash`` 货币资金,
        ``accounts_receivable`` 应收账款, ``total_assets`` 资产总计,
        ``total_liabilities`` 负债合计, ``equity`` 所有者权益, ``revenue`` 营业收入,
        ``cost_of_sales`` 营业成本, ``ebit`` 息税前利润, ``interest_expense`` 利息费用,
        ``net_profit`` 净利润, ``operating_cash_flow`` 经营活动现金流量净额, and
        optionally ``accounts_receivable_begin`` 期初应收账款 and
        ``inventory_begin`` 期初存货 (see :data:`ITEMS` for all aliases). Other
        rows (固定资产, 营业外收入 …) are ignored; an English name one or two
        letters away from a known item (``curent_assets``) is an error, so a typo
        does not silently drop a ratio. Strings such as ``"1,234.5"``
        are read as numbers.
    days : float
        Days in the period, for DSO (365 by default; some textbooks use 360).

    Returns
    -------
    DataFrame
        Indexed by ratio key, with columns ``name_zh``, ``name_en``, ``formula``,
        one float column per period, and ``reading`` (the usual reference
        point, in Chinese and English, labelled as a rule of thumb). Ratios whose
        inputs are not all given are left out. Percentages are fractions
        (0.45 = 45%); turnovers are times per period; DSO is in days.

    Notes
    -----
    Definitions as in Chinese financial-analysis textbooks (财务报表分析):

    * 流动比率 current ratio = current assets ÷ current liabilities
    * 速动比率 quick ratio = (current assets − inventory) ÷ current liabilities
    * 现金比率 cash ratio = cash ÷ current liabilities
    * 资产负债率 debt-to-asset = total liabilities ÷ total assets
    * 产权比率 debt-to-equity = total liabilities ÷ equity
    * 利息保障倍数 interest cover = EBIT ÷ interest expense
    * 销售净利率 net margin = net profit ÷ revenue
    * 净资产收益率 ROE = net profit ÷ equity (period-end equity; textbooks often
      use the average of opening and closing equity)
    * 应收账款周转率 AR turnover = revenue ÷ AR, where AR is the average of
      opening and closing AR when ``accounts_receivable_begin`` is given and the
      closing AR otherwise (the formula column says which). Revenue stands in for
      credit sales, which outsiders cannot see (compare :mod:`coursekit.metrics`).
    * 应收账款周转天数 DSO = days ÷ AR turnover
    * 存货周转率 inventory turnover = cost of sales ÷ inventory (average when
      ``inventory_begin`` is given)
    * 现金流动负债比 = operating cash flow ÷ current liabilities

    Raises
    ------
    ValueError
        If no ratio can be computed (naming the items each ratio still needs),
        if a denominator is zero (naming the ratio and period), if equity is
        negative where it is a denominator, if a value is blank or unreadable, or
        if two rows mean the same item.

    Examples
    --------
    >>> t = ratios({"current_assets": 600, "current_liabilities": 300, "inventory": 200})
    >>> float(t.loc["current_ratio", "value"]), float(t.loc["quick_ratio", "value"])
    (2.0, 1.3333333333333333)
    """
    if isinstance(days, bool) or not isinstance(days, (int, float)) or not math.isfinite(days) or days <= 0:
        raise ValueError(f"days must be a positive number, such as 365 or 360 (got {days!r})")
    st = _statements(financials)
    periods = list(st.columns)
    have = set(st.index)

    def avg(item: str) -> tuple[pd.Series, bool]:
        if f"{item}_begin" in have:
            return (st.loc[item] + st.loc[f"{item}_begin"]) / 2, True
        return st.loc[item], False

    rows, missing = [], {}
    for r in RATIOS:
        lacking = [i for i in r.needs if i not in have]
        if lacking:
            missing[r.key] = lacking
            continue
        values, formula = _ratio_values(r, st, avg, days)
        rows.append({"key": r.key, "name_zh": r.name_zh, "name_en": r.name_en, "formula": formula,
                     **{p: float(values[p]) for p in periods}, "reading": f"{r.reading_zh} / {r.reading_en}"})
    if not rows:
        given = ", ".join(map(str, st.index)) or "none"
        needs = "; ".join(f"{k} needs {', '.join(v)}" for k, v in missing.items())
        raise ValueError(f"no ratio can be computed from the items given (recognised: {given}). {needs}. "
                         "Rows must be statement items (as the index) and columns periods; if yours are the other "
                         "way round, pass df.T, and if the item names are in a column, pass df.set_index(that column)")
    out = pd.DataFrame(rows).set_index("key")
    out.index.name = "ratio"
    return out[["name_zh", "name_en", "formula", *periods, "reading"]]

