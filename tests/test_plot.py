"""Charts render with real Chinese glyphs and print nothing (no warnings, no font messages)."""
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import coursekit as ck  # noqa: E402
from coursekit import plot  # noqa: E402
from coursekit.aging import aging_quadrant, aging_trend  # noqa: E402

LEDGER = ck.sample_ledger(seed=7)
AS_OF = "2026-10-31"
MONTHS = pd.date_range("2026-01-31", AS_OF, freq="ME")


def charts(lang):
    yield "aging_bar", lambda: plot.aging_bar(ck.aging(LEDGER, AS_OF), lang=lang)
    yield "risk_mix", lambda: plot.risk_mix(ck.risk_grades(LEDGER, AS_OF), lang=lang)
    yield "trend", lambda: plot.aging_trend_chart(aging_trend(LEDGER, MONTHS), lang=lang)
    yield "quadrant", lambda: plot.quadrant_chart(aging_quadrant(LEDGER, AS_OF, lang=lang), lang=lang)
    yield "dso", lambda: plot.dso_trend_chart(ck.metrics.dso_trend(LEDGER, MONTHS[-4:]), lang=lang)
    curve = pd.Series([1.0, 0.9, 0.8, 0.5, 0.2], index=[0, 180, 730, 900, 1400])
    yield "recovery", lambda: plot.recovery_chart(curve, lang=lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_chart_renders_without_warnings_or_output(lang, capsys):
    for name, draw in charts(lang):
        with warnings.catch_warnings():
            warnings.simplefilter("error")   # "Glyph missing" and findfont warnings become failures
            ax = draw()
            ax.figure.canvas.draw()
        assert ax.get_title(), name
        plt.close(ax.figure)
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""


def test_bundled_font_has_the_glyphs_used_in_titles():
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    plot.use_chinese_font()
    path = next(f.fname for f in font_manager.fontManager.ttflist if f.name == plot.FONT_NAME)
    font = FT2Font(path)
    chars = set("".join(v for v in plot.LABELS["zh"].values())) - set(" ()（）：:，,%~")
    missing = [c for c in chars if font.get_char_index(ord(c)) == 0]
    assert not missing, f"the bundled font lacks {missing}"


def test_chinese_is_drawn_with_a_cjk_font():
    families = plot.use_chinese_font()
    assert plot.FONT_NAME in families
    assert matplotlib.rcParams["axes.unicode_minus"] is False
