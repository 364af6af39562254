"""Worked numbers, calculators and template links computed by coursekit at build time.

* ``[[calc:NAME key=value ...]]`` on a line of its own becomes an ``!!! example`` block
  rendered by :func:`coursekit.worked.render`, so the page and the package cannot disagree;
* ``[[calculator:NAME]]`` becomes a small form that ``javascripts/calculators.js``
  computes in the browser (the browser test checks it against coursekit);
* ``[[tpl:NAME]]`` links every template in :data:`coursekit.templates.LABELS`
  (runs before hooks/catalog.py, which links the same way).
"""
import re

from mkdocs.plugins import event_priority

from coursekit import worked
from coursekit.templates import LABELS, TEMPLATES

CALC = re.compile(r"^\[\[calc:([^\]]+)\]\]\s*$", re.M)
CALCULATOR = re.compile(r"^\[\[calculator:([a-z-]+)\]\]\s*$", re.M)
TPL = re.compile(r"\[\[tpl:([a-z-]+)\]\]")

FIELDS = {  # name -> [(input name, type, default, zh label, en label)], results: [(key, zh, en)]
    "late-damages": ([("amount", "number", "100000", "欠款金额（元）", "Amount (CNY)"),
                      ("due", "date", "2025-03-31", "到期日", "Due date"),
                      ("paid", "date", "2025-06-29", "付款日（或今天）", "Paid on (or today)"),
                      ("lpr", "number", "3.1", "一年期LPR（%，查违约当月公布值）", "One-year LPR (%, for the month of breach)")],
                     [("days", "逾期天数", "Days late"), ("low", "按LPR×1.3", "At LPR × 1.3"),
                      ("high", "按LPR×1.5", "At LPR × 1.5")]),
    "sme-interest": ([("amount", "number", "200000", "欠款金额（元）", "Amount (CNY)"),
                      ("due", "date", "2025-07-31", "到期日", "Due date"),
                      ("paid", "date", "2025-09-29", "付款日（或今天）", "Paid on (or today)")],
                     [("days", "逾期天数", "Days late"), ("interest", "逾期利息（每日0.05%）", "Interest (0.05% a day)")]),
    "discount": ([("pct", "number", "2", "折扣（%）", "Discount (%)"),
                  ("discount_days", "number", "10", "折扣期（天）", "Discount period (days)"),
                  ("net_days", "number", "30", "全款账期（天）", "Net term (days)")],
                 [("annual", "折合年利率", "Annual rate")]),
    "dso": ([("ar", "number", "600000", "期末应收（元）", "Ending AR (CNY)"),
             ("sales", "number", "900000", "本期赊销收入（元）", "Credit sales in the period (CNY)"),
             ("days", "number", "90", "本期天数", "Days in the period")],
            [("dso", "标准DSO（天）", "Standard DSO (days)")]),
    "limitation": ([("due", "date", "2025-03-31", "到期日", "Due date"),
                    ("demand", "date", "", "最近一次催款函签收日（可空）", "Latest demand signed for (optional)"),
                    ("ack", "date", "", "最近一次对方书面确认欠款或承诺付款的日期（可空）",
                     "Latest written confirmation or promise to pay (optional)")],
                   [("expiry", "时效届满日", "Limitation ends"), ("warn", "最后六个月开始", "Last six months begin")]),
}
NOTE = {"zh": "默认值是示例数字。在浏览器里计算，不上传任何数据；公式与上面的算例相同（由 coursekit 测试核对）。",
        "en": "The default values are example figures. Computed in your browser; nothing is sent anywhere. Same formula "
              "as the worked example (checked against coursekit by a test)."}
SEP = {"zh": "：", "en": ": "}
TITLE = {"zh": "计算器：填入你的数字", "en": "Calculator: try your own numbers"}
INPUT_STYLE = ("font:inherit;color:inherit;background:transparent;padding:.15em .4em;"
               "border:1px solid var(--md-default-fg-color--lighter);border-radius:.2em;max-width:100%")


def _lang(page) -> str:
    return "en" if page.file.src_uri.endswith(".en.md") else "zh"


def calculator_html(name: str, lang: str) -> str:
    if name not in FIELDS:
        raise ValueError(f"[[calculator:{name}]] is not a calculator; known: {', '.join(FIELDS)}")
    inputs, results = FIELDS[name]
    i = 3 if lang == "zh" else 4
    step = ' step="any"'
    rows = "".join(f'<label style="display:block;margin:.4em 0">{f[i]} <input name="{f[0]}" type="{f[1]}" '
                   f'value="{f[2]}"{step if f[1] == "number" else ""} style="{INPUT_STYLE}"></label>' for f in inputs)
    j = 1 if lang == "zh" else 2
    outs = "".join(f'<div><span>{r[j]}{SEP[lang]}</span><output data-out="{r[0]}" style="font-weight:700"></output></div>' for r in results)
    return (f'<div class="ck-calc admonition tip" data-calc="{name}" data-lang="{lang}">'
            f'<p class="admonition-title">{TITLE[lang]}</p>'
            f'<div class="ck-calc__inputs">{rows}</div><div class="ck-calc__results">{outs}</div>'
            f'<p class="ck-calc__note">{NOTE[lang]}</p></div>')


@event_priority(50)  # before hooks/catalog.py, so new template names are already links
def on_page_markdown(markdown, page, config, files, **kwargs):
    lang = _lang(page)

    def calc(m):
        name, params = worked.parse(m.group(1))
        try:
            return worked.render(name, params, lang)
        except ValueError as exc:
            raise ValueError(f"{page.file.src_uri}: {exc}") from None

    def tpl(m):
        name = m.group(1)
        if name not in LABELS[lang]:
            return m.group(0)
        files_ = [f for f in TEMPLATES[lang] if f.rsplit("-", 1)[0] == name]
        if not files_:
            raise ValueError(f"{page.file.src_uri}: [[tpl:{name}]] is not a template")
        root = "../" * page.url.count("/")
        return f'<a class="md-button" href="{root}templates/{files_[0]}" download>{LABELS[lang][name]}</a>'

    markdown = CALC.sub(calc, markdown)
    markdown = CALCULATOR.sub(lambda m: "\n" + calculator_html(m.group(1), lang) + "\n", markdown)
    return TPL.sub(tpl, markdown)
