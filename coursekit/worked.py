"""Worked numbers for the course pages, computed here so that page and package agree.

A page writes ``[[calc:NAME key=value ...]]`` on a line of its own; the build hook
``hooks/worked_numbers.py`` replaces it with :func:`render` ``(NAME, params, lang)``:
an ``!!! example`` block with the inputs, the formula, the result and where each
figure comes from. Every input on a page is an example figure; the functions that do
the arithmetic are the package's own (:mod:`coursekit.legal`, :mod:`coursekit.metrics`,
:mod:`coursekit.provision`) or the small ones defined here.

>>> early_payment_discount(0.02, 10, 30)["annual_rate"]
0.3724
>>> suit_or_settle(200_000, 0.9, 0.7, 18_000, 12, 0.05, offer=110_000)["expected_pv"]
102857.14
"""
from __future__ import annotations

import shlex
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

__all__ = ["early_payment_discount", "suit_or_settle", "liquidated_damages_check", "deposit_cap",
           "preservation_security", "small_write_off", "render", "CALCS"]


def _d(value, name: str, low: float | None = 0.0, high: float | None = None) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number, not {value!r}")
    try:
        x = Decimal(str(value))
    except Exception:  # noqa: BLE001
        raise ValueError(f"{name} must be a number, not {value!r}") from None
    if not x.is_finite() or (low is not None and x < Decimal(str(low))) or \
            (high is not None and x > Decimal(str(high))):
        raise ValueError(f"{name} out of range: {value!r}")
    return x


def _cent(x: Decimal) -> float:
    return float(x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _pct4(x: Decimal) -> float:
    """A rate rounded half-up to 4 decimals (0.3724 = 37.24 %)."""
    return float(x.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def early_payment_discount(discount, discount_days, net_days, day_basis: int = 365) -> dict:
    """The yearly cost of a cash discount such as "2/10, net 30".

    .. math:: \\text{annual rate} = \\frac{d}{1-d} \\times \\frac{\\text{day basis}}{\\text{net days} - \\text{discount days}}

    A customer who skips the discount keeps ``1 − d`` of the money for the extra
    days at the price of ``d``: this is the simple annual rate of that loan. Offer a
    discount only when this rate is below what late money costs you. Definition:
    the usual trade-credit formula (simple interest, no compounding).
    """
    d = _d(discount, "discount", 0, 0.5)
    a, b = _d(discount_days, "discount_days"), _d(net_days, "net_days")
    if b <= a:
        raise ValueError("net_days must be later than discount_days")
    rate = d / (1 - d) * Decimal(day_basis) / (b - a)
    return {"discount": float(d), "discount_days": int(a), "net_days": int(b), "day_basis": day_basis,
            "annual_rate": _pct4(rate)}


def suit_or_settle(amount, win_prob, collect_rate, costs, months, annual_rate, offer=None) -> dict:
    """Expected value of suing now, in today's money, against a settlement offer.

    .. math:: \\text{expected} = \\text{amount} \\times p_{win} \\times r_{collect} - \\text{costs}

    .. math:: \\text{expected (today)} = \\frac{\\text{expected}}{1 + \\text{rate} \\times \\text{months} / 12}

    ``win_prob`` and ``collect_rate`` are your own estimates (evidence strength; the
    debtor's assets), ``costs`` the fees you expect to pay and not recover, ``months``
    how long until the money arrives, ``annual_rate`` your cost of money. Simple
    discounting, no compounding.
    """
    amt, p, r = _d(amount, "amount"), _d(win_prob, "win_prob", 0, 1), _d(collect_rate, "collect_rate", 0, 1)
    c, m, i = _d(costs, "costs"), _d(months, "months"), _d(annual_rate, "annual_rate", 0, 1)
    expected = amt * p * r - c
    pv = expected / (1 + i * m / 12)
    out = {"amount": float(amt), "win_prob": float(p), "collect_rate": float(r), "costs": float(c),
           "months": float(m), "annual_rate": float(i), "expected": _cent(expected), "expected_pv": _cent(pv),
           "offer": None, "better": None}
    if offer is not None:
        o = _d(offer, "offer")
        out["offer"] = float(o)
        out["better"] = "offer" if o >= pv else "suit"
    return out


def liquidated_damages_check(loss, agreed) -> dict:
    """Whether agreed liquidated damages are "excessively high": more than 30 % above the loss.

    法释〔2023〕13号 art. 65: damages exceeding the loss by more than 30 % are generally
    excessively high, and a court may reduce them (Civil Code art. 585).
    """
    lo, ag = _d(loss, "loss"), _d(agreed, "agreed")
    limit = lo * Decimal("1.3")
    return {"loss": float(lo), "agreed": float(ag), "threshold": _cent(limit), "excessive": ag > limit}


def deposit_cap(price, deposit) -> dict:
    """A deposit (定金) is capped at 20 % of the contract price (Civil Code art. 586)."""
    p, d = _d(price, "price"), _d(deposit, "deposit")
    cap = p * Decimal("0.2")
    return {"price": float(p), "deposit": float(d), "cap": _cent(cap), "effective": _cent(min(d, cap)),
            "excess": _cent(max(d - cap, Decimal(0)))}


def preservation_security(amount, before_suit: bool = False) -> dict:
    """Most security a court asks for property preservation (法释〔2016〕22号 art. 5).

    During a suit at most 30 % of the amount to be preserved; before suit, security
    equal to the amount.
    """
    a = _d(amount, "amount")
    share = Decimal(1) if before_suit else Decimal("0.3")
    return {"amount": float(a), "before_suit": bool(before_suit), "share": float(share), "security": _cent(a * share)}


def small_write_off(amount, revenue, years_overdue) -> dict:
    """Whether a receivable meets the tax write-off tests of 国家税务总局公告2011年第25号 arts. 23-24.

    Over 3 years overdue; or over 1 year overdue and small: at most ¥50,000, or at
    most 1/10,000 of the year's revenue. Evidence rules (art. 22) still apply.
    """
    a, rev, y = _d(amount, "amount"), _d(revenue, "revenue"), _d(years_overdue, "years_overdue")
    limit = max(Decimal(50_000), rev / 10_000)
    small = a <= limit
    return {"amount": float(a), "revenue": float(rev), "years_overdue": float(y), "small_limit": _cent(limit),
            "qualifies": bool(y > 3 or (y > 1 and small)), "small": bool(small)}


# -- rendering ---------------------------------------------------------------------------------
def _money(x, lang: str) -> str:
    return f"{x:,.2f} 元" if lang == "zh" else f"CNY {x:,.2f}"


def _pct(x: float, nd: int = 2) -> str:
    return f"{x * 100:.{nd}f}%"


def _date(s: str) -> str:
    return f"{pd.Timestamp(s):%Y-%m-%d}"


EXAMPLE = {"zh": "（示例数字）", "en": " (example figures)"}
COMPUTED = {"zh": "由 `coursekit.{fn}` 在构建网站时计算，与工作簿、命令行结果一致。",
            "en": "Computed by `coursekit.{fn}` when the site is built, so it matches the workbook and the CLI."}
HEAD = {"zh": ("已知", "公式", "结果", "依据"), "en": ("Given", "Formula", "Result", "Basis")}


def _block(lang, title, given, formula, result, basis, fn) -> str:
    h = HEAD[lang]
    body = [f"**{h[0]}**{EXAMPLE[lang]}{'：' if lang == 'zh' else ': '}{given}",
            f"**{h[1]}**{'：' if lang == 'zh' else ': '}{formula}",
            f"**{h[2]}**{'：' if lang == 'zh' else ': '}{result}",
            f"*{h[3]}{'：' if lang == 'zh' else ': '}{basis} {COMPUTED[lang].format(fn=fn)}*"]
    word = "算一算" if lang == "zh" else "Worked example"
    sep = "：" if lang == "zh" else ": "
    return f'!!! example "{word}{sep}{title}"\n\n' + "\n\n".join("    " + line for line in body) + "\n"


def _late_damages(p, lang):
    from .legal import late_payment_damages

    amount, due, paid = float(p["amount"]), p["due"], p["paid"]
    if "rate" in p:
        r = late_payment_damages(amount, due, paid, rate=float(p["rate"]), lang=lang)
        rate_txt = _pct(r["rate_low"])
        src = {"zh": f"合同约定年利率 {rate_txt}", "en": f"an agreed annual rate of {rate_txt}"}[lang]
        res = _money(r["damages_low"], lang)
        formula = {"zh": f"金额 × 年利率 × 逾期天数 ÷ 365 = {amount:,.2f} × {rate_txt} × {r['days_overdue']} ÷ 365",
                   "en": f"amount × annual rate × days late ÷ 365 = {amount:,.2f} × {rate_txt} × {r['days_overdue']} ÷ 365"}
    else:
        lpr = float(p["lpr"])
        r = late_payment_damages(amount, due, paid, lpr=lpr, lang=lang)
        src = {"zh": f"未约定违约金；一年期LPR取示例值 {_pct(lpr)}（实际使用时查违约发生时公布的数值）",
               "en": f"no rate agreed; one-year LPR taken as an example {_pct(lpr)} (use the rate published for "
                     f"the month the breach began)"}[lang]
        res = f"{_money(r['damages_low'], lang)} – {_money(r['damages_high'], lang)}"
        formula = {"zh": f"金额 × LPR ×（1+30% 至 1+50%）× 逾期天数 ÷ 365；年利率 {_pct(r['rate_low'])} – "
                         f"{_pct(r['rate_high'])}，逾期 {r['days_overdue']} 天",
                   "en": f"amount × LPR × (1.3 to 1.5) × days late ÷ 365; annual rate {_pct(r['rate_low'])} – "
                         f"{_pct(r['rate_high'])}, {r['days_overdue']} days late"}
    if p.get("until") == "bankruptcy":  # interest stops when the court accepts the case (Bankruptcy Law art. 46)
        given = {"zh": f"欠款 {_money(amount, lang)}，{_date(due)} 到期；法院 {_date(paid)} 受理破产申请，利息和违约金"
                       f"只算到这一天（《企业破产法》第46条）；{src}",
                 "en": f"{_money(amount, lang)} due {_date(due)}; the court accepted the bankruptcy case on {_date(paid)}, "
                       f"and interest and damages stop on that day (Enterprise Bankruptcy Law art. 46); {src}"}[lang]
    else:
        given = {"zh": f"欠款 {_money(amount, lang)}，{_date(due)} 到期，{_date(paid)} 付清；{src}",
                 "en": f"{_money(amount, lang)} due {_date(due)}, paid {_date(paid)}; {src}"}[lang]
    title = {"zh": "逾期付款违约金", "en": "late-payment damages"}[lang]
    return _block(lang, title, given, formula[lang], res, r["basis"], "legal.late_payment_damages")


def _sme(p, lang):
    from .legal import sme_overdue_interest

    amount = float(p["amount"])
    r = sme_overdue_interest(amount, p["due"], p["paid"], lang=lang)
    given = {"zh": f"大型企业欠中小企业 {_money(amount, lang)}，{_date(p['due'])} 到期，{_date(p['paid'])} 付清，未约定逾期利率",
             "en": f"a large enterprise owes an SME {_money(amount, lang)}, due {_date(p['due'])}, paid "
                   f"{_date(p['paid'])}; no overdue rate agreed"}[lang]
    formula = {"zh": f"金额 × 0.05% × 逾期天数 = {amount:,.2f} × 0.0005 × {r['days_overdue']}",
               "en": f"amount × 0.05% × days late = {amount:,.2f} × 0.0005 × {r['days_overdue']}"}[lang]
    title = {"zh": "中小企业逾期利息", "en": "overdue interest owed to an SME"}[lang]
    return _block(lang, title, given, formula, _money(r["interest"], lang), r["basis"], "legal.sme_overdue_interest")


def _waiting(p, lang):
    from .provision import cost_of_waiting

    amount, age, wait, rate = float(p["amount"]), int(p["age"]), int(p["wait"]), float(p["rate"])
    r = cost_of_waiting(amount, age, wait, rate).iloc[0]
    given = {"zh": f"欠款 {_money(amount, lang)}，已逾期 {age} 天，打算再等 {wait} 天；资金成本年 {_pct(rate)}",
             "en": f"{_money(amount, lang)}, {age} days overdue, you consider waiting {wait} more days; cost of money "
                   f"{_pct(rate)} a year"}[lang]
    formula = {"zh": f"回收率下降 = 金额 ×（r({age}) − r({age + wait})）= {amount:,.2f} ×（{_pct(r.recovery_now, 1)} − "
                     f"{_pct(r.recovery_later, 1)}）；资金成本 = 金额 × 年利率 × {wait} ÷ 365",
               "en": f"recovery lost = amount × (r({age}) − r({age + wait})) = {amount:,.2f} × ({_pct(r.recovery_now, 1)} − "
                     f"{_pct(r.recovery_later, 1)}); financing = amount × rate × {wait} ÷ 365"}[lang]
    result = {"zh": f"回收率损失 {_money(r.recovery_lost, lang)} + 资金成本 {_money(r.financing_cost, lang)} = "
                    f"{_money(r.total_cost, lang)}",
              "en": f"recovery lost {_money(r.recovery_lost, lang)} + financing {_money(r.financing_cost, lang)} = "
                    f"{_money(r.total_cost, lang)}"}[lang]
    basis = {"zh": "回收率曲线 r 是教学假设，依据课程大纲的现场观察（两年以内的欠款约80%能收回，更久的约20%）。",
             "en": "the recovery curve r is a teaching assumption shaped by the course outline's field observation "
                   "(debts under two years ≈80% recovered, older ones ≈20%)."}[lang]
    title = {"zh": "再等一等要花多少钱", "en": "what waiting costs"}[lang]
    return _block(lang, title, given, formula, result, basis, "provision.cost_of_waiting")


def _dso(p, lang):
    from . import metrics

    ar, sales, days = float(p["ar"]), float(p["sales"]), float(p["days"])
    std = metrics.dso_standard(ar, sales, days)
    parts_zh = [f"标准DSO = {ar:,.0f} ÷ {sales:,.0f} × {days:g} = {std:.1f} 天"]
    parts_en = [f"standard DSO = {ar:,.0f} ÷ {sales:,.0f} × {days:g} = {std:.1f} days"]
    given_zh = f"期末应收 {_money(ar, 'zh')}，本期 {days:g} 天赊销收入 {_money(sales, 'zh')}"
    given_en = f"ending AR {_money(ar, 'en')}, credit sales {_money(sales, 'en')} over {days:g} days"
    if "begin" in p:
        b = float(p["begin"])
        avg = metrics.dso_average(b, ar, sales, days)
        parts_zh.append(f"平均余额DSO =（{b:,.0f} + {ar:,.0f}）÷ 2 ÷ {sales:,.0f} × {days:g} = {avg:.1f} 天")
        parts_en.append(f"average-balance DSO = ({b:,.0f} + {ar:,.0f}) ÷ 2 ÷ {sales:,.0f} × {days:g} = {avg:.1f} days")
        given_zh += f"，期初应收 {_money(b, 'zh')}"
        given_en += f", beginning AR {_money(b, 'en')}"
    if "current" in p:
        c = float(p["current"])
        best = metrics.best_possible_dso(c, sales, days)
        add = metrics.average_days_delinquent(std, best)
        parts_zh.append(f"最佳DSO = {c:,.0f} ÷ {sales:,.0f} × {days:g} = {best:.1f} 天；平均逾期天数 ADD = {add:.1f} 天")
        parts_en.append(f"Best Possible DSO = {c:,.0f} ÷ {sales:,.0f} × {days:g} = {best:.1f} days; "
                        f"Average Days Delinquent = {add:.1f} days")
        given_zh += f"，其中未到期 {_money(c, 'zh')}"
        given_en += f", of which not yet due {_money(c, 'en')}"
    formula = {"zh": "应收 ÷ 赊销收入 × 天数（各指标定义见工作簿 `03-dso`）",
               "en": "receivables ÷ credit sales × days (each measure is defined in the workbook `03-dso`)"}[lang]
    basis = {"zh": "DSO 家族的定义（期末法、平均余额法、最佳DSO 与 ADD）。", "en": "the definitions of the DSO family."}[lang]
    title = {"zh": "应收账款周转天数（DSO）", "en": "days sales outstanding (DSO)"}[lang]
    return _block(lang, title, {"zh": given_zh, "en": given_en}[lang], formula,
                  "；".join(parts_zh) if lang == "zh" else "; ".join(parts_en), basis, "metrics")


def _discount(p, lang):
    pct, a, b = float(p["pct"]), int(p["discount_days"]), int(p["net_days"])
    r = early_payment_discount(pct, a, b)
    given = {"zh": f"“{pct * 100:g}/{a}，n/{b}”：{a} 天内付款减 {pct * 100:g}%，否则 {b} 天付全款",
             "en": f"\"{pct * 100:g}/{a}, net {b}\": {pct * 100:g}% off if paid within {a} days, otherwise full price "
                   f"at {b} days"}[lang]
    formula = {"zh": f"折扣 ÷（1 − 折扣）× 365 ÷（{b} − {a}）", "en": f"d ÷ (1 − d) × 365 ÷ ({b} − {a})"}[lang]
    result = {"zh": f"相当于年利率 {_pct(r['annual_rate'])}：高于你的资金成本和逾期损失时，这个折扣就给贵了",
              "en": f"an annual rate of {_pct(r['annual_rate'])}: if that is above your cost of money and of late "
                    f"payment, the discount is too generous"}[lang]
    basis = {"zh": "商业信用成本的通用公式（单利，不复利）。", "en": "the usual trade-credit cost formula (simple interest)."}[lang]
    title = {"zh": "提前付款折扣的真实成本", "en": "the real cost of an early-payment discount"}[lang]
    return _block(lang, title, given, formula, result, basis, "worked.early_payment_discount")


def _sue(p, lang):
    r = suit_or_settle(float(p["amount"]), float(p["p"]), float(p["collect"]), float(p["costs"]),
                       float(p["months"]), float(p["rate"]), offer=float(p["offer"]) if "offer" in p else None)
    given = {"zh": f"欠款 {_money(r['amount'], lang)}；估计胜诉概率 {_pct(r['win_prob'], 0)}，胜诉后能执行到 "
                   f"{_pct(r['collect_rate'], 0)}；预计自担费用 {_money(r['costs'], lang)}，{r['months']:g} 个月后到账，"
                   f"资金成本年 {_pct(r['annual_rate'])}",
             "en": f"{_money(r['amount'], lang)} owed; estimated chance of winning {_pct(r['win_prob'], 0)}, share "
                   f"collectable after judgment {_pct(r['collect_rate'], 0)}; costs you will bear "
                   f"{_money(r['costs'], lang)}; money arrives in {r['months']:g} months; cost of money "
                   f"{_pct(r['annual_rate'])} a year"}[lang]
    if r["offer"] is not None:
        given += {"zh": f"；对方现在提出一次性付 {_money(r['offer'], lang)}",
                  "en": f"; the debtor now offers {_money(r['offer'], lang)} in one payment"}[lang]
    formula = {"zh": "金额 × 胜诉概率 × 执行到位率 − 费用，再按资金成本折回今天：÷（1 + 年利率 × 月数 ÷ 12）",
               "en": "amount × chance of winning × share collected − costs, discounted to today: ÷ (1 + rate × months ÷ 12)"}[lang]
    result = {"zh": f"起诉的期望回收 {_money(r['expected'], lang)}，折合今天 {_money(r['expected_pv'], lang)}",
              "en": f"expected recovery from suing {_money(r['expected'], lang)}, worth {_money(r['expected_pv'], lang)} "
                    f"today"}[lang]
    if r["better"]:
        result += {"zh": "；和解方案" + ("更划算" if r["better"] == "offer" else "低于起诉的期望值，可以还价"),
                   "en": "; the offer is " + ("the better deal" if r["better"] == "offer"
                                              else "below the expected value of suing: counter-offer")}[lang]
    basis = {"zh": "期望值的定义；概率和费用都是你自己的估计，不是法定数字。",
             "en": "the definition of an expected value; the probabilities and costs are your own estimates, not legal "
                   "figures."}[lang]
    title = {"zh": "起诉还是和解", "en": "sue or settle"}[lang]
    return _block(lang, title, given, formula, result, basis, "worked.suit_or_settle")


def _limitation(p, lang):
    from .legal import limitation

    due = p["due"]
    events = [(d, k) for k in ("demand", "acknowledgement", "partial_payment", "instalment_promise")
              for d in p.get(k, "").split(",") if d]
    as_of = p.get("as_of") or max([pd.Timestamp(due)] + [pd.Timestamp(d) for d, _ in events])
    base = limitation(due, (), as_of=as_of, lang=lang)
    r = limitation(due, events, as_of=as_of, lang=lang)
    names = {"zh": {"demand": "催款函签收", "acknowledgement": "对方盖章确认欠款", "partial_payment": "部分付款",
                    "instalment_promise": "书面承诺分期付款"},
             "en": {"demand": "demand letter signed for", "acknowledgement": "debt confirmed under seal",
                    "partial_payment": "part payment", "instalment_promise": "written instalment promise"}}[lang]
    ev = ("，" if lang == "zh" else ", ").join(f"{_date(d)} {names[k]}" for d, k in sorted(events))
    given = {"zh": f"货款 {_date(due)} 到期未付；" + (f"之后：{ev}" if ev else "之后从未催告"),
             "en": f"payment due {_date(due)} and unpaid; " + (f"then: {ev}" if ev else "never demanded since")}[lang]
    formula = {"zh": "三年从到期日起算（《民法典》第188条）；每次催告或对方同意履行，从该日重新计算三年（第195条）",
               "en": "three years from the due date (Civil Code art. 188); each demand or agreement to pay restarts "
                     "three years from that day (art. 195)"}[lang]
    result = {"zh": f"从不催告：{_date(base.expiry)} 届满；按上面的记录：{_date(r.expiry)} 届满，"
                    f"最后六个月从 {_date(r.expiry - pd.DateOffset(months=6))} 开始",
              "en": f"never demanded: expires {_date(base.expiry)}; with the events above: expires {_date(r.expiry)}, "
                    f"the last six months begin {_date(r.expiry - pd.DateOffset(months=6))}"}[lang]
    basis = {"zh": "《民法典》第188条、第195条、第201-203条；法释〔2008〕11号第8条、第14条（未计节假日顺延）。",
             "en": "Civil Code arts. 188, 195, 201-203; Fa Shi [2008] No. 11 arts. 8 and 14 (holiday extensions not "
                   "applied)."}[lang]
    title = {"zh": "诉讼时效哪天到期", "en": "when the limitation period ends"}[lang]
    return _block(lang, title, given, formula, result, basis, "legal.limitation")


def _payment_order(p, lang):
    from .legal import payment_order_timeline

    t = payment_order_timeline(p["filed"], p.get("served"), lang=lang)
    rows = ("；" if lang == "zh" else "; ").join(f"{_date(d)} {s}" for d, s in zip(t["date"], t["step"], strict=True))
    given = {"zh": f"{_date(p['filed'])} 向法院申请支付令" + (f"，{_date(p['served'])} 送达债务人" if "served" in p else ""),
             "en": f"payment order applied for on {_date(p['filed'])}" +
                   (f", served on the debtor {_date(p['served'])}" if "served" in p else "")}[lang]
    formula = {"zh": "受理 ≤ 5 日，发出 ≤ 受理后15日，债务人收到后15日内清偿或异议",
               "en": "acceptance within 5 days, order within 15 days of acceptance, debtor pays or objects within "
                     "15 days of receipt"}[lang]
    basis = {"zh": "《民事诉讼法》第225-228条（最晚日期，不是预测；未计节假日）。",
             "en": "Civil Procedure Law arts. 225-228 (latest dates allowed, not predictions; holidays not applied)."}[lang]
    title = {"zh": "支付令时间表", "en": "payment order timetable"}[lang]
    return _block(lang, title, given, formula, rows, basis, "legal.payment_order_timeline")


def _liquidated(p, lang):
    r = liquidated_damages_check(float(p["loss"]), float(p["agreed"]))
    given = {"zh": f"对方逾期给你造成的实际损失 {_money(r['loss'], lang)}，合同约定违约金 {_money(r['agreed'], lang)}",
             "en": f"actual loss from the delay {_money(r['loss'], lang)}; liquidated damages agreed "
                   f"{_money(r['agreed'], lang)}"}[lang]
    formula = {"zh": "损失 × 130% = 一般认定“过分高于”的界线", "en": "loss × 130% = the usual line for \"excessively high\""}[lang]
    verdict = {"zh": ("超过界线，对方请求调减时很可能被调减" if r["excessive"] else "在界线以内，通常不会被认定过高"),
               "en": ("above the line: likely to be reduced if the debtor asks" if r["excessive"]
                      else "within the line: not usually held excessive")}[lang]
    result = f"{_money(r['threshold'], lang)}{'：' if lang == 'zh' else ': '}{verdict}"
    basis = {"zh": "法释〔2023〕13号第65条；《民法典》第585条。", "en": "Fa Shi [2023] No. 13 art. 65; Civil Code art. 585."}[lang]
    title = {"zh": "违约金会不会被调减", "en": "will the liquidated damages be cut"}[lang]
    return _block(lang, title, given, formula, result, basis, "worked.liquidated_damages_check")


def _deposit(p, lang):
    r = deposit_cap(float(p["price"]), float(p["deposit"]))
    given = {"zh": f"合同价款 {_money(r['price'], lang)}，约定定金 {_money(r['deposit'], lang)}",
             "en": f"contract price {_money(r['price'], lang)}, deposit (定金) agreed {_money(r['deposit'], lang)}"}[lang]
    formula = {"zh": "定金上限 = 价款 × 20%", "en": "deposit cap = price × 20%"}[lang]
    result = {"zh": f"上限 {_money(r['cap'], lang)}；按定金规则起作用的 {_money(r['effective'], lang)}，超出的 "
                    f"{_money(r['excess'], lang)} 不产生定金效力",
              "en": f"cap {_money(r['cap'], lang)}; {_money(r['effective'], lang)} works as a deposit, the excess "
                    f"{_money(r['excess'], lang)} does not"}[lang]
    basis = {"zh": "《民法典》第586条。", "en": "Civil Code art. 586."}[lang]
    title = {"zh": "定金最多能约定多少", "en": "how large a deposit can be"}[lang]
    return _block(lang, title, given, formula, result, basis, "worked.deposit_cap")


def _preservation(p, lang):
    amount = float(p["amount"])
    during, before = preservation_security(amount), preservation_security(amount, before_suit=True)
    given = {"zh": f"申请保全对方银行存款 {_money(amount, lang)}", "en": f"freezing {_money(amount, lang)} of the debtor's "
             f"bank deposits"}[lang]
    formula = {"zh": "诉中担保 ≤ 金额 × 30%；诉前担保 = 金额", "en": "during suit security ≤ amount × 30%; before suit = amount"}[lang]
    result = {"zh": f"诉中最多 {_money(during['security'], lang)}；诉前 {_money(before['security'], lang)}",
              "en": f"during suit at most {_money(during['security'], lang)}; before suit {_money(before['security'], lang)}"}[lang]
    basis = {"zh": "法释〔2016〕22号第5条；《民事诉讼法》第103-104条。",
             "en": "Fa Shi [2016] No. 22 art. 5; Civil Procedure Law arts. 103-104."}[lang]
    title = {"zh": "财产保全要准备多少担保", "en": "how much security preservation needs"}[lang]
    return _block(lang, title, given, formula, result, basis, "worked.preservation_security")


def _write_off(p, lang):
    r = small_write_off(float(p["amount"]), float(p["revenue"]), float(p["years"]))
    given = {"zh": f"一笔 {_money(r['amount'], lang)} 的应收款已逾期 {r['years_overdue']:g} 年，公司当年收入 {_money(r['revenue'], lang)}",
             "en": f"a receivable of {_money(r['amount'], lang)}, {r['years_overdue']:g} years overdue; the company's revenue "
                   f"for the year {_money(r['revenue'], lang)}"}[lang]
    formula = {"zh": "逾期超过3年；或逾期超过1年且金额 ≤ max(5万元, 收入 ÷ 10,000)",
               "en": "over 3 years overdue; or over 1 year and amount ≤ max(CNY 50,000, revenue ÷ 10,000)"}[lang]
    result = {"zh": f"小额界线 {_money(r['small_limit'], lang)}；" + ("可以作为坏账损失在税前扣除（仍需留存证据）"
                                                                     if r["qualifies"] else "尚不满足条件"),
              "en": f"small-debt line {_money(r['small_limit'], lang)}; " + ("deductible as a bad-debt loss (evidence "
                                                                             "still required)" if r["qualifies"]
                                                                             else "does not qualify yet")}[lang]
    basis = {"zh": "国家税务总局公告2011年第25号第22-24条。", "en": "SAT Announcement [2011] No. 25 arts. 22-24."}[lang]
    title = {"zh": "能不能税前核销", "en": "can it be written off for tax"}[lang]
    return _block(lang, title, given, formula, result, basis, "worked.small_write_off")


def _cei(p, lang):
    from . import metrics

    b, s, t, c, n = (float(p[k]) for k in ("begin", "sales", "total", "current", "months"))
    v = metrics.cei(b, s, t, c, months=n)
    given = {"zh": f"期初应收 {_money(b, lang)}，{n:g} 个月赊销 {_money(s, lang)}，期末应收 {_money(t, lang)}（其中未到期 {_money(c, lang)}）",
             "en": f"beginning AR {_money(b, lang)}, credit sales over {n:g} month{'s' if n != 1 else ''} {_money(s, lang)}, ending AR "
                   f"{_money(t, lang)} (not yet due {_money(c, lang)})"}[lang]
    formula = {"zh": "（期初 + 赊销 ÷ N − 期末总额）÷（期初 + 赊销 ÷ N − 期末未到期）× 100",
               "en": "(beginning + sales ÷ N − ending total) ÷ (beginning + sales ÷ N − ending current) × 100"}[lang]
    basis = {"zh": "收款有效性指数 CEI 的定义（Credit Research Foundation）。",
             "en": "the definition of the Collection Effectiveness Index (Credit Research Foundation)."}[lang]
    title = {"zh": "收款有效性指数（CEI）", "en": "Collection Effectiveness Index (CEI)"}[lang]
    return _block(lang, title, given, formula, f"CEI = {v:.1f}", basis, "metrics.cei")


#: name -> (renderer, required parameters)
CALCS = {
    "late-damages": (_late_damages, ("amount", "due", "paid")),
    "sme-interest": (_sme, ("amount", "due", "paid")),
    "waiting": (_waiting, ("amount", "age", "wait", "rate")),
    "dso": (_dso, ("ar", "sales", "days")),
    "discount": (_discount, ("pct", "discount_days", "net_days")),
    "sue": (_sue, ("amount", "p", "collect", "costs", "months", "rate")),
    "limitation": (_limitation, ("due",)),
    "payment-order": (_payment_order, ("filed",)),
    "liquidated": (_liquidated, ("loss", "agreed")),
    "deposit": (_deposit, ("price", "deposit")),
    "preservation": (_preservation, ("amount",)),
    "write-off": (_write_off, ("amount", "revenue", "years")),
    "cei": (_cei, ("begin", "sales", "total", "current", "months")),
}


def parse(spec: str) -> tuple[str, dict]:
    """``"late-damages amount=1 due=2025-01-01"`` -> ``("late-damages", {"amount": "1", ...})``."""
    name, *rest = shlex.split(spec)
    params = {}
    for item in rest:
        key, sep, value = item.partition("=")
        if not sep:
            raise ValueError(f"[[calc:{spec}]]: {item!r} is not key=value")
        params[key] = value
    return name, params


def render(name: str, params: dict, lang: str = "zh") -> str:
    """The Markdown ``!!! example`` block for one worked calculation."""
    if name not in CALCS:
        raise ValueError(f"unknown calculation {name!r}; known: {', '.join(CALCS)}")
    fn, required = CALCS[name]
    missing = [k for k in required if k not in params]
    if missing:
        raise ValueError(f"[[calc:{name}]] needs {', '.join(missing)}")
    return fn(params, lang)
