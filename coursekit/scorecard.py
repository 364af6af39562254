"""The 5C credit scorecard and the suggested credit limit (信用评级与授信额度).

See :func:`scorecard`. Part of :mod:`coursekit.credit`; all weights, bands and factors
are example figures for teaching.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from .metrics import _num

__all__ = ["FIVE_C", "DEFAULT_WEIGHTS", "CreditPolicy", "Scorecard", "scorecard"]

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


def _checked_scores(scores: Mapping, weights: Mapping | None) -> tuple[dict[str, float], dict[str, float]]:
    """Scores in 0-100 and non-negative weights summing to 1, by C."""
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
    return s, w


def _limit(grade: str, monthly_purchases, terms_days: float, equity, policy: CreditPolicy,
           zh: list[str], en: list[str]) -> float | None:
    """The suggested credit limit (None without monthly purchases), explaining each step into ``zh``/``en``."""
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
    return limit


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
    s, w = _checked_scores(scores, weights)

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

    limit = _limit(grade, monthly_purchases, terms_days, equity, policy, zh, en)
    return Scorecard(table=table, total=total, grade=grade, limit=limit, reasoning_zh=zh, reasoning_en=en)

