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

__all__ = ["use_chinese_font", "aging_bar", "risk_mix", "FONT_NAME"]

FONT_NAME = "CourseKit Sans SC"
_SYSTEM_CJK = ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei")
_done = False

LABELS = {
    "zh": {"current": "未到期", "unapplied": "未核销收款", "customer": "客户", "amount": "金额（元）",
           "aging_title": "各客户账龄结构", "risk_title": "风险等级分布（按未收金额）", "grade": "风险等级"},
    "en": {"current": "Current", "unapplied": "Unapplied", "customer": "Customer", "amount": "Amount (CNY)",
           "aging_title": "Aging by customer", "risk_title": "Risk-grade mix (by amount outstanding)", "grade": "Risk grade"},
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
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda x, _: f"{x / 10_000:,.0f}万" if lang == "zh" else f"{x / 1000:,.0f}k"))
    ax.margins(x=0.04)
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
    ax.figure.tight_layout()
    return ax
