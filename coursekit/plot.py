"""Charts with Chinese labels that render on any machine.

Matplotlib's default font has no Chinese glyphs. :func:`use_chinese_font` registers
the OFL font bundled in ``coursekit/data`` (a GB2312 subset of Noto Sans CJK SC,
renamed CourseKit Sans SC) and puts it in the font list after any full CJK font
already installed, so charts show real glyphs everywhere and print nothing.
"""
from __future__ import annotations

from importlib import resources

import matplotlib
import pandas as pd

__all__ = ["use_chinese_font", "aging_bar", "risk_mix", "aging_trend_chart", "quadrant_chart", "dso_trend_chart",
           "recovery_chart", "FONT_NAME"]

FONT_NAME = "CourseKit Sans SC"
_SYSTEM_CJK = ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei")
_done = False

LABELS = {
    "zh": {"current": "未到期", "unapplied": "未核销收款", "customer": "客户", "amount": "金额",
           "aging_title": "各客户账龄结构", "risk_title": "风险等级分布（客户余额按其最差等级归类）", "grade": "风险等级",
           "trend_title": "账龄结构变化", "as_of": "统计日", "share": "占应收总额比例",
           "quadrant_title": "账龄二维象限图", "weighted_days": "加权逾期天数", "overdue": "逾期金额",
           "dso_title": "DSO 趋势", "days": "天数", "standard": "标准 DSO", "average": "平均余额 DSO",
           "countback": "倒推法 DSO", "best_possible": "最佳 DSO", "period_end": "期末",
           "recovery_title": "账龄越长，收回越难", "age_years": "逾期年数", "recovery": "预计收回比例",
           "reference": "课程大纲观察：两年内约80%，两年以上约20%"},
    "en": {"current": "Current", "unapplied": "Unapplied", "customer": "Customer", "amount": "Amount (CNY)",
           "aging_title": "Aging by customer", "risk_title": "Risk-grade mix (each balance under its customer's worst grade)", "grade": "Risk grade",
           "trend_title": "Aging structure over time", "as_of": "As of", "share": "Share of total receivables",
           "quadrant_title": "Aging quadrant chart", "weighted_days": "Weighted days overdue", "overdue": "Overdue (CNY)",
           "dso_title": "DSO trend", "days": "Days", "standard": "Standard DSO", "average": "Average-balance DSO",
           "countback": "Countback DSO", "best_possible": "Best Possible DSO", "period_end": "Period end",
           "recovery_title": "The older the debt, the less comes back", "age_years": "Years overdue",
           "recovery": "Expected share recovered",
           "reference": "Course outline: ~80% under two years, ~20% beyond"},
}
BUCKET_COLOURS = ["#2a9d8f", "#8ab17d", "#e9c46a", "#f4a261", "#e76f51", "#b5403a", "#7a1f1a"]


def use_chinese_font() -> str:
    """Register the bundled CJK font and make it the sans-serif font. Returns the families in use."""
    global _done
    from matplotlib import font_manager

    if not _done:
        path = resources.files("coursekit").joinpath("data/CourseKitSansSC-Regular.otf")
        font_manager.fontManager.addfont(str(path))
        _done = True
    installed = {f.name for f in font_manager.fontManager.ttflist}
    families = [f for f in _SYSTEM_CJK if f in installed] + [FONT_NAME, "DejaVu Sans"]
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = families
    matplotlib.rcParams["axes.unicode_minus"] = False
    return ", ".join(families)


def _money_axis(axis, lang: str) -> None:
    """Amounts on an axis as 万 (10,000 CNY) in Chinese, thousands in English."""
    if lang == "zh":
        axis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda x, _: f"{x / 10_000:,.0f}万"))
    else:
        axis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda x, _: f"{x / 1000:,.0f}k"))


def _label(lang: str, key: str) -> str:
    if lang not in LABELS:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    return LABELS[lang].get(key, key)


def aging_bar(table: pd.DataFrame, lang: str = "zh", top: int = 10, ax=None):
    """Stacked horizontal bars of the aging table's buckets for the ``top`` largest customers."""
    import matplotlib.pyplot as plt

    use_chinese_font()
    buckets = [c for c in table.columns if c not in ("unapplied", "total")]
    data = table.sort_values("total", ascending=False).head(top)[buckets][::-1]
    data = data.rename(columns={"current": _label(lang, "current")})
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 0.45 * len(data) + 1.6))
    data.plot.barh(stacked=True, ax=ax, color=BUCKET_COLOURS[: len(buckets)], width=0.75)
    ax.set_title(_label(lang, "aging_title"))
    ax.set_xlabel(_label(lang, "amount"))
    ax.set_ylabel("")
    _money_axis(ax.xaxis, lang)
    ax.set_xlim(0, float(data.sum(axis=1).max()) * 1.04 or 1)   # zero-width segments defeat margins()
    ax.legend(loc="lower right", fontsize="small", frameon=False)
    ax.figure.tight_layout()
    return ax


def risk_mix(grades: pd.DataFrame, lang: str = "zh", ax=None):
    """Bar chart of outstanding amount by risk grade (5 未收款 … 1 死账)."""
    import matplotlib.pyplot as plt

    from .risk import GRADES

    use_chinese_font()
    sums = grades.groupby("grade")["outstanding"].sum().reindex([5, 4, 3, 2, 1], fill_value=0)
    names = [GRADES[g][lang] for g in sums.index]
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3.6))
    ax.bar(names, sums.to_numpy(), color=BUCKET_COLOURS[:5])
    ax.set_title(_label(lang, "risk_title"))
    ax.set_xlabel(_label(lang, "grade"))
    ax.set_ylabel(_label(lang, "amount"))
    _money_axis(ax.yaxis, lang)
    ax.figure.tight_layout()
    return ax


def aging_trend_chart(trend: pd.DataFrame, lang: str = "zh", ax=None):
    """Stacked area of each bucket's share of receivables over time (from ``aging.aging_trend``)."""
    import matplotlib.pyplot as plt

    use_chinese_font()
    buckets = [c for c in trend.columns if c not in ("unapplied", "total")]
    positive = trend[buckets].clip(lower=0)
    share = positive.div(positive.sum(axis=1).where(lambda s: s > 0), axis=0).fillna(0)
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4))
    labels = [_label(lang, b) if b == "current" else b for b in buckets]
    ax.stackplot(share.index, share.T.to_numpy(), labels=labels, colors=BUCKET_COLOURS[: len(buckets)], alpha=0.9)
    ax.set_title(_label(lang, "trend_title"))
    ax.set_ylabel(_label(lang, "share"))
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_ylim(0, 1)
    ax.set_xticks(share.index)
    ax.set_xticklabels([f"{d:%Y-%m}" for d in share.index])
    ax.legend(loc="upper left", bbox_to_anchor=(1, 1), fontsize="small", frameon=False)
    ax.figure.autofmt_xdate()
    ax.figure.tight_layout()
    return ax


def quadrant_chart(quadrant: pd.DataFrame, lang: str = "zh", label_top: int = 8, ax=None):
    """The aging two-dimensional quadrant chart (from ``aging.aging_quadrant``)."""
    import matplotlib.pyplot as plt

    from .aging import QUADRANTS

    use_chinese_font()
    if ax is None:
        _, ax = plt.subplots(figsize=(8.5, 6))
    colours = {"HH": "#b5403a", "HL": "#f4a261", "LH": "#8ab17d", "LL": "#2a9d8f"}
    for code, group in quadrant.groupby("quadrant"):
        ax.scatter(group["weighted_days"], group["overdue"], s=40, color=colours[code], label=QUADRANTS[lang][code], alpha=0.85)
    days, amount = quadrant.attrs.get("days_split", 60), quadrant.attrs.get("amount_split", quadrant["overdue"].median())
    ax.axvline(days, color="grey", lw=1, ls="--")
    ax.axhline(amount, color="grey", lw=1, ls="--")
    # name the customers to attack first (then the largest others), without the legal-form suffix
    order = quadrant.assign(_hh=quadrant["quadrant"] != "HH").sort_values(["_hh", "overdue"], ascending=[True, False])
    for name, row in order.head(label_top).iterrows():
        short = str(name).replace("有限责任公司", "").replace("有限公司", "")[:10]
        ax.annotate(short, (row["weighted_days"], row["overdue"]), fontsize=8, xytext=(4, 3), textcoords="offset points")
    ax.set_title(_label(lang, "quadrant_title"))
    ax.set_xlabel(_label(lang, "weighted_days"))
    ax.set_ylabel(_label(lang, "overdue"))
    _money_axis(ax.yaxis, lang)
    ax.legend(loc="upper right", fontsize="small", frameon=False)
    ax.figure.tight_layout()
    return ax


def dso_trend_chart(trend: pd.DataFrame, lang: str = "zh", ax=None):
    """Lines of standard, average-balance and countback DSO with Best Possible DSO (from ``metrics.dso_trend``)."""
    import matplotlib.pyplot as plt

    use_chinese_font()
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4))
    styles = {"standard": "-", "average": "--", "countback": "-.", "best_possible": ":"}
    for col, style in styles.items():
        if col in trend:
            ax.plot(trend.index, trend[col], style, marker="o", ms=3, label=_label(lang, col))
    ax.set_xticks(trend.index)
    ax.set_xticklabels([f"{d:%Y-%m}" for d in trend.index])
    ax.set_title(_label(lang, "dso_title"))
    ax.set_ylabel(_label(lang, "days"))
    ax.legend(fontsize="small", frameon=False)
    ax.figure.autofmt_xdate()
    ax.figure.tight_layout()
    return ax


def recovery_chart(curve: pd.Series, lang: str = "zh", ax=None):
    """Expected recovery rate by age of debt, with the course outline's ≈80% / ≈20% reference.

    ``curve`` is indexed by days overdue (e.g. ``provision.recovery_curve`` evaluated on a range).
    """
    import matplotlib.pyplot as plt

    use_chinese_font()
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4))
    years = curve.index.to_numpy() / 365
    ax.plot(years, curve.to_numpy(), lw=2, color="#2a9d8f")
    ax.hlines([0.8, 0.2], [0, 2], [2, max(years.max(), 2.5)], colors="#e76f51", linestyles="--", label=_label(lang, "reference"))
    ax.axvline(2, color="grey", lw=1, ls=":")
    ax.set_ylim(0, 1.02)
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_title(_label(lang, "recovery_title"))
    ax.set_xlabel(_label(lang, "age_years"))
    ax.set_ylabel(_label(lang, "recovery"))
    ax.legend(fontsize="small", frameon=False)
    ax.figure.tight_layout()
    return ax
