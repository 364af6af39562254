"""Credit investigation and rating (资信调查与评级).

Three tools for syllabus module m02 (credit management and credit investigation)
and the warning signs of module m03:

* :func:`ratios` — the textbook financial ratios read from a customer's
  statements (流动比率, 速动比率, 资产负债率 …), each with its formula and the usual
  reference point, labelled as a rule of thumb.
* :func:`scorecard` — a transparent 5C scorecard (品格 character, 能力 capacity,
  资本 capital, 担保/抵押 collateral, 条件 conditions) that gives a total out of
  100, a grade A-E and a suggested credit limit, with every step written out.
* :func:`danger_signals` — the early-warning signs of a customer sliding into
  non-payment: those the ledger can show (slower payment, a growing balance on
  shrinking orders, more partial payments, over the limit …) and those only the
  salesperson can answer (a new contact person, new owners, key staff leaving …).

All weights, bands, factors and thresholds below are **example figures** for
teaching: every company sets its own credit policy. Invalid input raises
:class:`ValueError` with a sentence saying what is wrong; nothing returns NaN.
"""
from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .aging import as_day, balances_as_of, open_items
from .ledger import Ledger
from .metrics import _num

__all__ = [
    "ITEMS", "RATIOS", "ratios",
    "FIVE_C", "DEFAULT_WEIGHTS", "CreditPolicy", "Scorecard", "scorecard",
    "SIGNALS", "CHECKLIST_KEYS", "WarningThresholds", "danger_signals",
]

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


# ---------------------------------------------------------------------------------------
# 5C scorecard and credit limit
# ---------------------------------------------------------------------------------------

#: The five Cs of credit: key -> (Chinese, English).
FIVE_C: dict[str, tuple[str, str]] = {
    "character": ("品格", "character"),
    "capacity": ("能力", "capacity"),
    "capital": ("资本", "capital"),
    "collateral": ("担保/抵押", "collateral"),
    "conditions": ("条件", "conditions"),
}
_C_ALIASES = {**{k: k for k in FIVE_C}, "品格": "character", "品德": "character", "能力": "capacity",
              "偿付能力": "capacity", "资本": "capital", "担保": "collateral", "抵押": "collateral",
              "担保/抵押": "collateral", "担保抵押": "collateral", "抵押品": "collateral",
              "条件": "conditions", "环境": "conditions", "经营环境": "conditions", "condition": "conditions"}

#: Example weights (instructors may change them; they must sum to 1). Character —
#: the willingness to pay — weighs most, because the course treats wilful
#: non-payment as the hardest debt to recover; capacity (cash to pay) comes next;
#: capital is the cushion if trading sours; collateral only matters once things
#: go wrong; conditions (industry, economy) affect all customers alike.
DEFAULT_WEIGHTS: dict[str, float] = {"character": 0.30, "capacity": 0.25, "capital": 0.20,
                                     "collateral": 0.15, "conditions": 0.10}


@dataclass(frozen=True)
class CreditPolicy:
    """Example credit policy for :func:`scorecard` (a company sets its own).

    Attributes
    ----------
    bands : tuple of (grade, lower bound)
        A total at or above a grade's lower bound earns that grade. Default:
        A ≥ 85, B ≥ 70, C ≥ 55, D ≥ 40, E below 40.
    factors : dict
        Share of the base exposure granted per grade: A 1.0, B 0.8, C 0.5,
        D 0.25, E 0 (E: cash or prepayment only).
    grace_months : float
        Months of slack added to the terms for the time between the due date
        and the money arriving (0.5 = half a month).
    equity_share : float
        The limit never exceeds this share of the customer's equity, when equity
        is known (0.10 = 10%).
    """

    bands: tuple[tuple[str, float], ...] = (("A", 85.0), ("B", 70.0), ("C", 55.0), ("D", 40.0), ("E", 0.0))
    factors: dict[str, float] = field(default_factory=lambda: {"A": 1.0, "B": 0.8, "C": 0.5, "D": 0.25, "E": 0.0})
    grace_months: float = 0.5
    equity_share: float = 0.10

    def __post_init__(self):
        lows = [b for _, b in self.bands]
        if not self.bands or lows[-1] != 0 or any(a <= b for a, b in zip(lows, lows[1:], strict=False)) \
                or lows[0] > 100:
            raise ValueError("CreditPolicy.bands must go from the best grade down, with decreasing lower bounds "
                             "within 0-100 and the last band starting at 0")
        names = [g for g, _ in self.bands]
        if set(self.factors) != set(names):
            raise ValueError(f"CreditPolicy.factors must give a factor for each grade {names}")
        fs = [self.factors[g] for g in names]
        if any(not 0 <= f <= 1 for f in fs) or any(a < b for a, b in zip(fs, fs[1:], strict=False)):
            raise ValueError("CreditPolicy.factors must lie within 0-1 and never rise as the grade worsens")
        if not (math.isfinite(self.grace_months) and self.grace_months >= 0):
            raise ValueError("CreditPolicy.grace_months must be zero or more")
        if not 0 < self.equity_share <= 1:
            raise ValueError("CreditPolicy.equity_share must be above 0 and at most 1")

    def grade(self, total: float) -> str:
        """The grade whose band holds ``total`` (lower bounds inclusive)."""
        for name, low in self.bands:
            if total >= low:
                return name
        return self.bands[-1][0]  # pragma: no cover - the last band starts at 0


@dataclass(frozen=True)
class Scorecard:
    """The result of :func:`scorecard`."""

    table: pd.DataFrame
    total: float
    grade: str
    limit: float | None
    reasoning_zh: list[str]
    reasoning_en: list[str]


def _c_key(name: object, what: str) -> str:
    key = _C_ALIASES.get(str(name).strip().lower()) or _C_ALIASES.get(str(name).strip())
    if key is None:
        raise ValueError(f"{what} {name!r} is not one of the five Cs: {', '.join(FIVE_C)} "
                         "(品格, 能力, 资本, 担保/抵押, 条件)")
    return key


def _five(values: Mapping, what: str) -> dict[str, float]:
    if not isinstance(values, Mapping):
        raise ValueError(f"{what} must be a dict such as {{'character': 80, ...}}, not {type(values).__name__}")
    out: dict[str, float] = {}
    for name, v in values.items():
        key = _c_key(name, what[:-1] if what.endswith("s") else what)
        if key in out:
            raise ValueError(f"{what} give {key!r} twice")
        out[key] = _num(f"{what[:-1]} for {key}", v)
    missing = [k for k in FIVE_C if k not in out]
    if missing:
        raise ValueError(f"{what} lack {', '.join(missing)}: give all five Cs")
    return out


def _money(x: float) -> str:
    return f"¥{x:,.2f}"


def scorecard(scores: Mapping, weights: Mapping | None = None, *, monthly_purchases: float | None = None,
              terms_days: float = 30, equity: float | None = None,
              policy: CreditPolicy | None = None) -> Scorecard:
    """A transparent 5C credit scorecard with a grade and a suggested credit limit.

    Parameters
    ----------
    scores : dict
        A score from 0 to 100 for each of the five Cs: ``character`` 品格
        (willingness to pay: payment record, reputation, honesty), ``capacity``
        能力 (cash to pay: cash flow, ratios), ``capital`` 资本 (equity cushion),
        ``collateral`` 担保/抵押 (guarantees, mortgages, pledges) and
        ``conditions`` 条件 (industry and economy). Chinese names work as keys.
    weights : dict, optional
        A weight per C, summing to 1 (within 1e-9). Default :data:`DEFAULT_WEIGHTS`
        (character .30, capacity .25, capital .20, collateral .15, conditions .10;
        example figures).
    monthly_purchases : float, optional
        The customer's expected purchases per month on credit. Without it no
        limit is suggested (``limit`` is None).
    terms_days : float
        Payment terms in days (30 by default).
    equity : float, optional
        The customer's equity (所有者权益); when given, the limit is capped at
        ``policy.equity_share`` of it. Zero or negative equity gives a limit of 0.
    policy : CreditPolicy, optional
        Grade bands, grade factors, grace and equity cap (:class:`CreditPolicy`).

    Returns
    -------
    Scorecard
        ``table`` (one row per C: name_zh, name_en, score, weight, weighted),
        ``total`` (0-100), ``grade`` ('A'..'E'), ``limit`` and the reasoning, one
        sentence per step, in Chinese and English.

    Notes
    -----
    The 5C model of credit analysis (character, capacity, capital, collateral,
    conditions) is the classic bankers' checklist; the scoring is the course's.

    * total = Σ weightᶜ × scoreᶜ, rounded to 6 decimals (a weighted average, so it
      lies between the lowest and the highest score).
    * grade: the first band whose lower bound the total reaches
      (default A ≥ 85, B ≥ 70, C ≥ 55, D ≥ 40, E < 40).
    * base limit = monthly purchases × (terms_days ÷ 30 + grace_months) × grade
      factor (default factors A 1.0, B 0.8, C 0.5, D 0.25, E 0). The bracket is
      the months of purchases outstanding when the customer pays on time, plus
      the grace.
    * limit = min(base limit, equity_share × equity) when equity is given.

    Raises
    ------
    ValueError
        For an unknown C, a missing C, a score outside 0-100, a negative weight,
        weights that do not sum to 1, or a negative or non-numeric amount.

    Examples
    --------
    >>> card = scorecard({"character": 90, "capacity": 80, "capital": 70, "collateral": 60, "conditions": 50},
    ...                  monthly_purchases=100_000, terms_days=60, equity=1_000_000)
    >>> card.total, card.grade, card.limit
    (75.0, 'B', 100000.0)
    """
    policy = policy or CreditPolicy()
    if isinstance(terms_days, bool) or not isinstance(terms_days, (int, float)) \
            or not math.isfinite(terms_days) or terms_days <= 0:
        raise ValueError(f"terms_days must be a positive number of days, not {terms_days!r}")
    s = _five(scores, "scores")
    for k, x in s.items():
        if not 0 <= x <= 100:
            raise ValueError(f"score for {k} is {x:g}; scores run from 0 to 100")
    w = _five(DEFAULT_WEIGHTS if weights is None else weights, "weights")
    for k, x in w.items():
        if x < 0:
            raise ValueError(f"weight for {k} is {x:g}; weights cannot be negative")
    total_w = math.fsum(w.values())
    if abs(total_w - 1) > 1e-9:
        raise ValueError(f"weights sum to {total_w:.10g}, not 1; adjust them so they add up to 1")

    weighted = {k: w[k] * s[k] for k in FIVE_C}
    total = round(math.fsum(weighted.values()), 6)
    grade = policy.grade(total)
    table = pd.DataFrame({
        "name_zh": [FIVE_C[k][0] for k in FIVE_C], "name_en": [FIVE_C[k][1] for k in FIVE_C],
        "score": [s[k] for k in FIVE_C], "weight": [w[k] for k in FIVE_C], "weighted": [weighted[k] for k in FIVE_C],
    }, index=pd.Index(list(FIVE_C), name="c"))

    terms = " + ".join(f"{w[k]:g}×{s[k]:g}" for k in FIVE_C)
    zh = [f"加权总分 = {terms} = {total:g} 分（满分 100）。"]
    en = [f"Weighted total = {terms} = {total:g} out of 100."]
    bounds = dict(policy.bands)
    names = [g for g, _ in policy.bands]
    i = names.index(grade)
    upper = f"，低于 {bounds[names[i - 1]]:g}" if i > 0 else ""
    upper_en = f" and below {bounds[names[i - 1]]:g}" if i > 0 else ""
    zh.append(f"{total:g} 分不低于 {bounds[grade]:g}{upper}，评为 {grade} 级。")
    en.append(f"{total:g} is at least {bounds[grade]:g}{upper_en}, so the grade is {grade}.")

    limit = None
    if monthly_purchases is None:
        zh.append("未提供月赊购额，因此不给出建议额度。")
        en.append("No monthly purchases were given, so no credit limit is suggested.")
    else:
        mp = _num("monthly_purchases", monthly_purchases, nonnegative=True)
        months = terms_days / 30 + policy.grace_months
        factor = policy.factors[grade]
        base = round(mp * months * factor, 2)
        zh.append(f"基础额度 = 月赊购额 {_money(mp)} × (账期 {terms_days:g} 天 ÷ 30 + 宽限 {policy.grace_months:g} 个月) "
                  f"× {grade} 级系数 {factor:g} = {_money(base)}。")
        en.append(f"Base limit = monthly purchases {_money(mp)} × (terms {terms_days:g} days ÷ 30 + grace "
                  f"{policy.grace_months:g} months) × grade {grade} factor {factor:g} = {_money(base)}.")
        if factor == 0:
            zh.append(f"{grade} 级系数为 0：不建议赊销，宜采用现款现货或预付款。")
            en.append(f"Grade {grade} has a factor of 0: sell for cash on delivery or prepayment, not on credit.")
        limit = base
        if equity is not None:
            eq = _num("equity", equity)
            cap = round(max(eq, 0.0) * policy.equity_share, 2)
            share = f"{policy.equity_share:.0%}"
            if eq <= 0:
                zh.append(f"所有者权益为 {_money(eq)}，没有净资产作缓冲，按权益 {share} 计算的上限为 ¥0.00。")
                en.append(f"Equity is {_money(eq)}: with no net assets as a cushion, the cap at {share} of equity is ¥0.00.")
            else:
                zh.append(f"上限 = 所有者权益 {_money(eq)} × {share} = {_money(cap)}。")
                en.append(f"Cap = equity {_money(eq)} × {share} = {_money(cap)}.")
            if cap < base:
                limit = cap
                zh.append(f"上限低于基础额度，建议信用额度取上限 {_money(cap)}。")
                en.append(f"The cap is below the base limit, so the suggested credit limit is the cap, {_money(cap)}.")
            else:
                zh.append(f"基础额度未超过上限，建议信用额度为 {_money(base)}。")
                en.append(f"The base limit is within the cap, so the suggested credit limit is {_money(base)}.")
        else:
            zh.append(f"未提供所有者权益，不做权益上限检查；建议信用额度为 {_money(base)}。")
            en.append(f"No equity was given, so there is no equity cap; the suggested credit limit is {_money(base)}.")
    return Scorecard(table=table, total=total, grade=grade, limit=limit, reasoning_zh=zh, reasoning_en=en)


# ---------------------------------------------------------------------------------------
# Danger signals
# ---------------------------------------------------------------------------------------

#: Every signal: key -> (source, Chinese name, English name). ``ledger`` signals are
#: computed from the ledger; ``checklist`` signals are answered by whoever knows
#: the customer (pass them in ``checklist``).
SIGNALS: dict[str, tuple[str, str, str]] = {
    "slower_payment": ("ledger", "付款越来越慢", "Paying later than before"),
    "balance_up_orders_down": ("ledger", "欠款增加而进货减少", "Balance growing while orders shrink"),
    "more_partial_payments": ("ledger", "部分付款增多", "More partial payments"),
    "over_credit_limit": ("ledger", "超出信用额度", "Over the credit limit"),
    "broken_promise": ("ledger", "付款承诺未兑现", "Broke a promise to pay"),
    "disputed": ("ledger", "存在争议", "A dispute is open"),
    "status": ("ledger", "经营状态异常", "Trouble in the business status"),
    "irregular_receipts": ("ledger", "未核销或整数金额的零星回款", "Unapplied or round-sum receipts"),
    "contact_changed": ("checklist", "联系人更换", "New contact person"),
    "ownership_changed": ("checklist", "股东或法定代表人变更", "Change of owners or legal representative"),
    "address_changed": ("checklist", "经营地址变更或人去楼空", "Change of address, or premises empty"),
    "dispute_when_asked": ("checklist", "一催款就提出异议", "Raises disputes only when asked to pay"),
    "key_staff_leaving": ("checklist", "关键人员离职", "Key staff leaving"),
    "legal_cases": ("checklist", "涉诉或有被执行记录", "Lawsuits or enforcement records"),
    "asks_longer_terms": ("checklist", "要求延长账期", "Asks for longer terms"),
}
CHECKLIST_KEYS = tuple(k for k, v in SIGNALS.items() if v[0] == "checklist")

_QUESTIONS = {
    "contact_changed": ("最近对方的对接人（采购、财务）是否换人，或原联系人不再接电话？",
                        "Has the customer's contact (buyer or accounts) changed lately, or stopped answering?"),
    "ownership_changed": ("工商登记中股东、法定代表人是否有变更？",
                          "Does the business register show a change of shareholders or legal representative?"),
    "address_changed": ("对方是否搬迁、变更注册地址，或上门时发现无人办公？",
                        "Has the customer moved, changed its registered address, or been absent when you visited?"),
    "dispute_when_asked": ("对方是否平时不提问题，一到催款时才说货有问题或账不对？",
                           "Does the customer raise quality or billing complaints only when you ask for payment?"),
    "key_staff_leaving": ("对方的老板、财务负责人或骨干是否离职或联系不上？",
                          "Have the owner, the finance head or other key people left or become unreachable?"),
    "legal_cases": ("在裁判文书网或执行信息公开网上，对方是否有被起诉、被执行或失信记录？",
                    "Do the court judgment and enforcement databases show lawsuits, enforcement or defaulter records?"),
    "asks_longer_terms": ("对方最近是否要求延长账期或改为分期付款？",
                          "Has the customer recently asked for longer terms or to pay in instalments?"),
    "slower_payment": ("这个客户付款是否比以前拖得更久？",
                       "Has this customer been paying later than it used to?"),
    "over_credit_limit": ("给这个客户的信用额度是多少，目前欠款是否超过？",
                          "What credit limit does this customer have, and is the balance above it?"),
    "broken_promise": ("对方最近是否答应过付款日期却没有兑现？",
                       "Has the customer lately promised a payment date and missed it?"),
    "disputed": ("这个客户目前是否对货物、服务或账目提出了争议？",
                 "Has the customer raised a dispute about goods, service or the account?"),
    "status": ("对方是否停产、经营困难、进入破产程序或已注销？",
               "Has the customer stopped production, fallen into difficulty, entered bankruptcy or been deregistered?"),
}


@dataclass(frozen=True)
class WarningThresholds:
    """Example thresholds for :func:`danger_signals` (course defaults; adjust to your trade).

    Attributes
    ----------
    window_days : int
        Length of the recent window (90): payments and invoices in the last
        ``window_days`` are compared with the ``2 × window_days`` before them
        (for payment speed and partial payments) or the ``window_days`` before
        them (for invoicing and the balance).
    slower_by_days : float
        Payment is "slower" when the average days from due date to payment grew
        by at least this many days (10).
    min_partial : int
        "More partial payments" needs at least this many in the recent window (2).
    round_unit : float
        A receipt that is a multiple of this amount (¥1,000) and leaves its
        invoice open counts as a round-sum receipt.
    """

    window_days: int = 90
    slower_by_days: float = 10.0
    min_partial: int = 2
    round_unit: float = 1000.0

    def __post_init__(self):
        if not (isinstance(self.window_days, int) and self.window_days > 0):
            raise ValueError("WarningThresholds.window_days must be a positive whole number of days")
        if not self.slower_by_days > 0 or not self.round_unit > 0:
            raise ValueError("WarningThresholds.slower_by_days and round_unit must be positive")
        if not (isinstance(self.min_partial, int) and self.min_partial >= 1):
            raise ValueError("WarningThresholds.min_partial must be a whole number of at least 1")


def _receipts(ledger: Ledger, customer: str, day: int) -> pd.DataFrame:
    """The customer's receipts up to ``day`` with days late and whether each was partial."""
    pay = ledger.payments
    mine = pay[(pay["customer"] == customer).fillna(False).to_numpy()].copy()
    mine["day"] = mine["payment_date"].to_numpy().astype("datetime64[D]").astype(np.int64)
    mine = mine[mine["day"] <= day]
    inv = ledger.invoices.set_index("invoice_id")
    mine["cents"] = np.rint(mine["amount"].to_numpy(dtype="float64") * 100).astype(np.int64)
    applied = mine["invoice_id"].notna()
    due = inv["due_date"].reindex(mine["invoice_id"]).to_numpy().astype("datetime64[D]").astype(np.int64)
    amount = np.rint(inv["amount"].reindex(mine["invoice_id"]).to_numpy(dtype="float64") * 100)
    mine["days_late"] = np.where(applied, mine["day"].to_numpy() - due, 0)
    mine["invoice_cents"] = np.where(applied, amount, 0)
    mine = mine.sort_values(["day"], kind="stable")
    mine["paid_so_far"] = mine.groupby("invoice_id", dropna=False)["cents"].cumsum()
    mine["partial"] = applied & (mine["kind"] == "payment") & (mine["paid_so_far"] < mine["invoice_cents"])
    return mine


def _weighted_days(df: pd.DataFrame) -> float:
    return float(np.average(df["days_late"], weights=df["cents"])) if df["cents"].sum() > 0 \
        else float(df["days_late"].mean())


def danger_signals(ledger: Ledger, customer: str, as_of, checklist: Mapping[str, bool | None] | None = None,
                   lang: str = "zh", *, thresholds: WarningThresholds | None = None) -> pd.DataFrame:
    """The early-warning signs for one customer, one row per sign.

    Parameters
    ----------
    ledger : Ledger
    customer : str
        A customer in the ledger.
    as_of : date-like
        Only invoices and receipts dated on or before it count.
    checklist : dict, optional
        Answers for the signs the ledger cannot show, ``{key: True/False}``
        (None = not known), with keys from :data:`CHECKLIST_KEYS`:
        ``contact_changed``, ``ownership_changed``, ``address_changed``,
        ``dispute_when_asked``, ``key_staff_leaving``, ``legal_cases``,
        ``asks_longer_terms``.
    lang : {"zh", "en"}
        Language of the ``signal`` and ``evidence`` columns.
    thresholds : WarningThresholds, optional
        Windows and thresholds (default: 90-day window, 10 days slower, 2 partial
        payments, ¥1,000 round sums).

    Returns
    -------
    DataFrame
        Indexed by signal key (see :data:`SIGNALS`), with columns ``signal``,
        ``source`` ('ledger' or 'checklist'), ``status`` and ``evidence``.
        ``status`` is 'triggered', 'clear' or 'answer'; 'answer' means the data
        cannot tell, and ``evidence`` then holds the question to answer from
        your own knowledge of the customer.

    Notes
    -----
    Windows, with W = ``window_days`` (90) and t = as_of: recent = (t − W, t];
    earlier = (t − 3W, t − W] for payment habits, (t − 2W, t − W] for invoicing.

    * slower_payment: amount-weighted mean of (payment date − due date) over
      receipts applied to invoices, recent vs earlier; triggered when it grew by
      ``slower_by_days`` or more, or when nothing was received in the recent
      window while an amount is overdue.
    * balance_up_orders_down: net balance at t > net balance at t − W, and
      invoiced in the recent window < invoiced in the W days before.
    * more_partial_payments: a partial payment leaves its invoice still open;
      triggered when the recent window has at least ``min_partial`` of them and a
      larger share of the payments applied to invoices is partial than in the
      earlier window.
    * over_credit_limit: net balance at t > the customer's ``credit_limit``.
    * broken_promise, disputed, status: the customer attributes of the ledger
      (status distressed, bankrupt or deregistered triggers).
    * irregular_receipts: in the recent window, any receipt not applied to an
      invoice, or a round-sum (multiple of ``round_unit``) partial payment.

    Raises
    ------
    ValueError
        If the customer is not in the ledger, ``lang`` is not 'zh' or 'en', or
        ``checklist`` has an unknown key or a value that is not True, False or None.
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    th = thresholds or WarningThresholds()
    known = list(ledger._customers)
    if customer not in known:
        close = difflib.get_close_matches(str(customer), [str(c) for c in known], n=3)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        raise ValueError(f"customer {customer!r} is not in the ledger.{hint}")
    checklist = dict(checklist or {})
    for k, v in checklist.items():
        if k not in CHECKLIST_KEYS:
            raise ValueError(f"checklist key {k!r} is not one of {', '.join(CHECKLIST_KEYS)}")
        if v is not None and not isinstance(v, (bool, np.bool_)):
            raise ValueError(f"checklist answer for {k!r} must be True, False or None, not {v!r}")

    day = as_day(as_of)
    W = th.window_days
    zh_en: dict[str, tuple[str, str, str]] = {}  # key -> (status, evidence_zh, evidence_en)

    def answer(key: str, note_zh: str = "", note_en: str = "") -> tuple[str, str, str]:
        q_zh, q_en = _QUESTIONS[key]
        return ("answer", f"{note_zh}请根据你掌握的情况回答：{q_zh}", f"{note_en}Answer from what you know: {q_en}")

    receipts = _receipts(ledger, customer, day)
    recent = receipts[receipts["day"] > day - W]
    earlier = receipts[(receipts["day"] > day - 3 * W) & (receipts["day"] <= day - W)]
    bal_now = float(balances_as_of(ledger, _day_str(day)).get(customer, 0.0))
    items = open_items(ledger, _day_str(day))
    overdue = float(items.loc[(items["customer"] == customer) & (items["days_overdue"] > 0), "outstanding"].sum())

    # -- payment speed --------------------------------------------------------------------
    r_app = recent[recent["invoice_id"].notna() & (recent["kind"] == "payment")]
    e_app = earlier[earlier["invoice_id"].notna() & (earlier["kind"] == "payment")]
    if r_app.empty:
        if overdue > 0:
            zh_en["slower_payment"] = ("triggered", f"最近 {W} 天没有收到任何货款，而已逾期金额为 {_money(overdue)}。",
                                       f"No payment received in the last {W} days while {_money(overdue)} is overdue.")
        else:
            zh_en["slower_payment"] = ("clear", f"最近 {W} 天没有回款记录，但目前没有逾期欠款。",
                                       f"No payments in the last {W} days, but nothing is overdue.")
    elif e_app.empty:
        zh_en["slower_payment"] = answer("slower_payment", f"账上只有最近 {W} 天的回款，无法与之前比较。",
                                         f"The ledger only has payments from the last {W} days, so there is nothing to compare. ")
    else:
        a_r, a_e = _weighted_days(r_app), _weighted_days(e_app)
        diff = a_r - a_e
        status = "triggered" if diff >= th.slower_by_days else "clear"
        zh_en["slower_payment"] = (
            status,
            f"最近 {W} 天的回款平均在到期日后 {a_r:.1f} 天到账（{len(r_app)} 笔，按金额加权），"
            f"此前 {2 * W} 天为 {a_e:.1f} 天（{len(e_app)} 笔），{'慢了' if diff >= 0 else '快了'} {abs(diff):.1f} 天。",
            f"In the last {W} days payments arrived on average {a_r:.1f} days after the due date ({len(r_app)} payments, "
            f"weighted by amount), against {a_e:.1f} days in the {2 * W} days before ({len(e_app)} payments): "
            f"{abs(diff):.1f} days {'slower' if diff >= 0 else 'faster'}.")

    # -- balance vs invoicing -------------------------------------------------------------
    bal_then = float(balances_as_of(ledger, _day_str(day - W)).get(customer, 0.0))
    inv = ledger.invoices
    inv_day = inv["invoice_date"].to_numpy().astype("datetime64[D]").astype(np.int64)
    mine = (inv["customer"] == customer).fillna(False).to_numpy()
    billed_recent = float(inv.loc[mine & (inv_day > day - W) & (inv_day <= day), "amount"].sum())
    billed_before = float(inv.loc[mine & (inv_day > day - 2 * W) & (inv_day <= day - W), "amount"].sum())
    up, down = bal_now > bal_then, billed_recent < billed_before
    zh_en["balance_up_orders_down"] = (
        "triggered" if up and down else "clear",
        f"欠款余额由 {W} 天前的 {_money(bal_then)} {'增至' if up else '变为'} {_money(bal_now)}；"
        f"最近 {W} 天开票 {_money(billed_recent)}，再往前 {W} 天为 {_money(billed_before)}。",
        f"The balance went from {_money(bal_then)} {W} days ago to {_money(bal_now)} now; invoiced "
        f"{_money(billed_recent)} in the last {W} days against {_money(billed_before)} in the {W} days before.")

    # -- partial payments -----------------------------------------------------------------
    r_pay, e_pay = r_app, e_app  # payments applied to invoices (unapplied cash cannot be partial or not)
    n_r, n_e = int(r_pay["partial"].sum()), int(e_pay["partial"].sum())
    sh_r = n_r / len(r_pay) if len(r_pay) else 0.0
    sh_e = n_e / len(e_pay) if len(e_pay) else 0.0
    zh_en["more_partial_payments"] = (
        "triggered" if n_r >= th.min_partial and sh_r > sh_e else "clear",
        f"最近 {W} 天核销到发票的 {len(r_pay)} 笔回款中有 {n_r} 笔只付了发票的一部分（{sh_r:.0%}）；"
        f"此前 {2 * W} 天 {len(e_pay)} 笔中有 {n_e} 笔（{sh_e:.0%}）。",
        f"{n_r} of {len(r_pay)} payments applied to invoices in the last {W} days paid only part of an invoice ({sh_r:.0%}); "
        f"{n_e} of {len(e_pay)} in the {2 * W} days before ({sh_e:.0%}).")

    # -- customer attributes --------------------------------------------------------------
    info = ledger.customer_info().loc[customer]
    listed = ledger.customers is not None and customer in set(ledger.customers["customer"].dropna())
    limit = info.get("credit_limit", np.nan) if listed else np.nan
    if limit is None or pd.isna(limit):
        zh_en["over_credit_limit"] = answer("over_credit_limit", "账上没有这个客户的信用额度。",
                                            "The ledger has no credit limit for this customer. ")
    else:
        limit = float(limit)
        over = bal_now > limit
        zh_en["over_credit_limit"] = (
            "triggered" if over else "clear",
            f"当前欠款 {_money(bal_now)}，信用额度 {_money(limit)}，"
            + (f"超出 {_money(bal_now - limit)}。" if over else f"尚余 {_money(limit - bal_now)}。"),
            f"The balance is {_money(bal_now)} against a credit limit of {_money(limit)}: "
            + (f"{_money(bal_now - limit)} over." if over else f"{_money(limit - bal_now)} to spare."))
    if not listed:
        for key in ("broken_promise", "disputed", "status"):
            zh_en[key] = answer(key, "客户资料表中没有这个客户。", "The customer table does not list this customer. ")
    else:
        zh_en["broken_promise"] = ("triggered", "客户资料记录：对方的付款承诺未兑现。",
                                   "The customer record says a promise to pay was broken.") \
            if bool(info["broken_promise"]) else ("clear", "客户资料中没有承诺未兑现的记录。",
                                                   "The customer record shows no broken promise.")
        zh_en["disputed"] = ("triggered", "客户资料记录：存在未解决的争议。",
                             "The customer record shows an open dispute.") \
            if bool(info["disputed"]) else ("clear", "客户资料中没有争议记录。", "The customer record shows no dispute.")
        st = str(info["status"])
        words = {"active": ("正常经营", "active"), "distressed": ("经营困难", "in difficulty"),
                 "bankrupt": ("已进入破产程序", "in bankruptcy"), "deregistered": ("已注销", "deregistered")}[st]
        zh_en["status"] = ("clear" if st == "active" else "triggered",
                           f"客户资料中的经营状态：{words[0]}。", f"Business status in the customer record: {words[1]}.")

    # -- irregular receipts ---------------------------------------------------------------
    unit = round(th.round_unit * 100)
    loose = recent[recent["invoice_id"].isna()]
    rounds = recent[recent["partial"] & (recent["cents"] % unit == 0)]
    zh_en["irregular_receipts"] = (
        "triggered" if len(loose) or len(rounds) else "clear",
        f"最近 {W} 天有 {len(loose)} 笔未对应发票的回款（合计 {_money(loose['amount'].sum())}），"
        f"{len(rounds)} 笔 {th.round_unit:,.0f} 元整数倍的部分付款。",
        f"In the last {W} days: {len(loose)} receipts not applied to any invoice (total "
        f"{_money(loose['amount'].sum())}) and {len(rounds)} partial payments in round multiples of "
        f"¥{th.round_unit:,.0f}.")

    # -- checklist ------------------------------------------------------------------------
    for key in CHECKLIST_KEYS:
        v = checklist.get(key)
        q_zh, q_en = _QUESTIONS[key]
        if v is None:
            zh_en[key] = answer(key)
        elif v:
            zh_en[key] = ("triggered", f"清单回答“是”：{q_zh}", f"Checklist answer 'yes': {q_en}")
        else:
            zh_en[key] = ("clear", f"清单回答“否”：{q_zh}", f"Checklist answer 'no': {q_en}")

    col = 1 if lang == "zh" else 2
    rows = [{"key": k, "signal": SIGNALS[k][col], "source": SIGNALS[k][0], "status": zh_en[k][0],
             "evidence": zh_en[k][col]} for k in SIGNALS]
    out = pd.DataFrame(rows).set_index("key")
    out.index.name = "signal_key"
    return out


def _day_str(day: int) -> str:
    """A day number (days since 1970-01-01) as ``YYYY-MM-DD``."""
    return str(np.datetime64(int(day), "D"))
