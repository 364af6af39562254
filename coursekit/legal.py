"""PRC legal deadlines for receivables.

Limitation period (诉讼时效), Civil Code (民法典):

* art. 188: three years from when the creditor knew or should have known that its
  right was harmed — for an invoice, the day it fell due unpaid; never more than
  twenty years from that day.
* art. 195: the period is interrupted, and starts again in full, by a demand for
  payment, by the debtor agreeing to pay, by suit or arbitration, or equivalent acts.
  Under the SPC limitation rules (法释〔2008〕11号, amended 2020) a demand counts on
  the day it is delivered or signed for (art. 8), and a partial payment, an
  instalment promise or a repayment plan is an agreement to pay (art. 14).
* art. 192: after expiry the debtor may refuse to pay, but a later agreement to pay
  cannot be withdrawn.
* arts. 201 and 203: a period counted in years starts the day after the event and
  ends at the end of the same-numbered day; when that day is a public holiday the
  period ends on the next working day. This module does not apply the holiday
  rule, so the dates it gives are never later than the true expiry.
  Art. 202 fills in the missing day: when the end month has no same-numbered day
  (a period starting on 29 February), the month's last day is the last day.

:func:`limitation_expiry` is the quick, vectorised view used by
:mod:`coursekit.risk`; :func:`limitation` follows one debt event by event and
explains each step (proceedings, events after expiry, art. 192).

Money owed for paying late:

* :func:`late_payment_damages`: an agreed rate (the contract; Civil Code art. 585
  lets a court adjust an excessive amount) or, where none was agreed, the one-year
  LPR at the time of breach plus 30-50 % (买卖合同解释, 法释〔2020〕17号, art. 18).
* :func:`sme_overdue_interest`: 0.05 % a day where a public body or large enterprise
  pays an SME late and no rate was agreed (《保障中小企业款项支付条例》, State
  Council Order 802, in force 2025-06-01, art. 17).

:func:`payment_order_timeline` lays out the payment-order (支付令) deadlines of the
Civil Procedure Law (2023 amendment) arts. 225-228.

This module ships no table of LPR values: the rate in force on the day that
matters is an input, so every figure says where it came from.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from numbers import Real

import numpy as np
import pandas as pd

__all__ = [
    "limitation_expiry", "LIMITATION_YEARS", "MAX_YEARS",
    "limitation", "LimitationResult", "EVENT_KINDS",
    "late_payment_damages", "LPR_RULE_FROM", "sme_overdue_interest", "SME_REGULATION_FROM",
    "payment_order_timeline",
]

LIMITATION_YEARS = 3
MAX_YEARS = 20


def _dates(values, index=None) -> pd.Series:
    if values is None:
        return pd.Series(pd.NaT, index=index, dtype="datetime64[s]")
    s = pd.Series(values, index=index) if not isinstance(values, pd.Series) else values
    return pd.to_datetime(s).astype("datetime64[s]")


def limitation_expiry(due_date, last_payment=None, last_demand=None, last_acknowledgement=None) -> pd.DataFrame:
    """Limitation expiry for each debt, restarted by interruptions made in time.

    Parameters
    ----------
    due_date : Series of dates
        The day each debt fell due (the period runs from then, Civil Code art. 188).
    last_payment, last_demand, last_acknowledgement : Series of dates, optional
        The latest partial payment, delivered demand and written acknowledgement for each
        debt (NaT where none). An event made while the period is running interrupts it
        (art. 195) and the period runs three years from that day. Events before the due
        date do not move it. A demand or payment after the period has expired does not
        revive it; a written acknowledgement after expiry binds the debtor, who can no
        longer plead the expiry (art. 192), so it is treated as restarting the period.

    Returns
    -------
    DataFrame with ``runs_from`` (the day the current period started), ``expiry``
    (``runs_from`` + 3 years, capped at due date + 20 years) and ``cause``
    (``due``, ``payment``, ``demand`` or ``acknowledgement``).
    """
    due = _dates(due_date)
    empty = pd.Series(pd.NaT, index=due.index, dtype="datetime64[s]")
    events = {name: (_dates(value, due.index) if value is not None else empty)
              for name, value in (("payment", last_payment), ("demand", last_demand),
                                  ("acknowledgement", last_acknowledgement))}
    cap = due + pd.DateOffset(years=MAX_YEARS)

    def expiry_from(start):
        e = start + pd.DateOffset(years=LIMITATION_YEARS)
        return e.where(e <= cap, cap)

    runs_from, cause = due.copy(), pd.Series("due", index=due.index, dtype=object)
    expiry = expiry_from(runs_from)
    # Each pass lets an event restart the period if it falls inside the running one; three
    # events need at most three passes to settle, in whatever order they happened.
    for _ in range(len(events)):
        for name, when in events.items():
            hit = when.notna() & (when > runs_from) & (when <= expiry)
            runs_from, cause = runs_from.where(~hit, when), cause.where(~hit, name)
            expiry = expiry_from(runs_from)
    late_ack = events["acknowledgement"]
    binding = late_ack.notna() & (late_ack > expiry)
    runs_from, cause = runs_from.where(~binding, late_ack), cause.where(~binding, "acknowledgement")
    expiry = expiry_from(runs_from)
    return pd.DataFrame({"runs_from": runs_from, "expiry": expiry, "cause": cause})


# -- shared helpers ---------------------------------------------------------------------------
_LANGS = ("zh", "en")


def _check_lang(lang: str) -> None:
    if lang not in _LANGS:
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")


def _date(value, name: str) -> pd.Timestamp:
    """A date-like value as a midnight Timestamp; a clear ValueError for anything else."""
    if value is None or isinstance(value, (bool, Real, np.number)):
        raise ValueError(f"{name} must be a date such as '2026-06-30', not {value!r}")
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise ValueError(f"{name}: cannot read {value!r} as a date (use YYYY-MM-DD)") from None
    if pd.isna(ts):
        raise ValueError(f"{name} is empty; give a date such as '2026-06-30'")
    if ts.tz is not None:
        ts = ts.tz_localize(None)
    return ts.normalize()


def _number(value, name: str, low: float = 0.0, high: float | None = None) -> Decimal:
    """A finite real number in [low, high] as an exact Decimal (via its shortest repr)."""
    if isinstance(value, bool) or not isinstance(value, (Real, np.number, Decimal)):
        raise ValueError(f"{name} must be a number, not {value!r}")
    f = float(value)
    if not math.isfinite(f):
        raise ValueError(f"{name} must be a finite number, not {value!r}")
    if f < low or (high is not None and f > high):
        span = f"at least {low:g}" if high is None else f"between {low:g} and {high:g}"
        raise ValueError(f"{name} must be {span}; got {value!r}")
    return value if isinstance(value, Decimal) else Decimal(str(f))


def _money(x: Decimal) -> float:
    """Round half-up to the cent (四舍五入到分)."""
    return float(x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _years_after(day: pd.Timestamp, years: int) -> pd.Timestamp:
    """The last day of a period of ``years`` years that starts after ``day``.

    Civil Code art. 201: the starting day is not counted; art. 202: the period ends on
    the same-numbered day of the end month, or the month's last day when there is none
    (29 February → 28 February); art. 203: it ends at 24:00 of that day. The holiday
    rule of art. 203 is not applied (no holiday calendar here).
    """
    return day + pd.DateOffset(years=years)


def _fmt(day: pd.Timestamp) -> str:
    return f"{day:%Y-%m-%d}"


# -- limitation, event by event ----------------------------------------------------------------
@dataclass(frozen=True)
class _Kind:
    group: str          # "demand" | "agreement" | "partial" | "proceedings"
    zh: str
    en: str
    article_zh: str
    article_en: str
    noun_zh: str = ""   # what ends, for proceedings: 诉讼, 仲裁 …
    noun_en: str = ""


_A195 = ("民法典第195条", "Civil Code art. 195")
_SPC = ("法释〔2008〕11号", "SPC limitation rules")


def _cite(spc_article: int | None) -> tuple[str, str]:
    if spc_article is None:
        return _A195
    return (f"{_A195[0]}；{_SPC[0]}第{spc_article}条", f"{_A195[1]}; {_SPC[1]} art. {spc_article}")


_KINDS: dict[str, _Kind] = {
    "demand": _Kind("demand", "催款通知送达或签收", "demand delivered or signed for", *_cite(8)),
    "partial_payment": _Kind("partial", "部分还款", "partial payment", *_cite(14)),
    "instalment_promise": _Kind("agreement", "承诺分期付款", "promise to pay in instalments", *_cite(14)),
    "repayment_plan": _Kind("agreement", "达成还款计划", "repayment plan agreed", *_cite(14)),
    "acknowledgement": _Kind("agreement", "同意履行（确认欠款）", "agreement to pay (debt acknowledged)", *_cite(14)),
    "suit": _Kind("proceedings", "提起诉讼", "suit filed", *_cite(10), "诉讼", "the suit"),
    "arbitration": _Kind("proceedings", "申请仲裁", "arbitration applied for", *_cite(None), "仲裁", "the arbitration"),
    "payment_order": _Kind("proceedings", "申请支付令", "payment order applied for", *_cite(11),
                           "督促程序", "the payment-order procedure"),
    "bankruptcy_claim": _Kind("proceedings", "申请破产或申报破产债权", "bankruptcy petition or proof of claim filed",
                              *_cite(11), "破产程序", "the bankruptcy proceedings"),
    "pre_suit_preservation": _Kind("proceedings", "申请诉前保全", "pre-suit preservation applied for", *_cite(11),
                                   "诉前保全程序", "the pre-suit preservation"),
    "enforcement": _Kind("proceedings", "申请强制执行", "enforcement applied for", *_cite(11),
                         "执行程序", "the enforcement proceedings"),
}

#: The event kinds :func:`limitation` understands, each with what it is in law.
EVENT_KINDS: tuple[str, ...] = tuple(_KINDS)

_EFFECT = {
    "starts": ("起算", "starts"),
    "restarts": ("中断，重新计算", "interrupted, restarts"),
    "interrupted": ("中断（程序进行中）", "interrupted (proceedings)"),
    "proceedings_end": ("程序终结，重新计算", "proceedings ended, restarts"),
    "none": ("无影响", "no effect"),
    "ignored": ("不计入", "ignored"),
    "binding": ("不得以时效抗辩", "binding: no limitation defence"),
}
_STATUS = {
    "running": ("进行中", "running"),
    "warning": ("即将届满", "warning"),
    "expired": ("已届满", "expired"),
    "suspended": ("程序中，暂不计算", "suspended (proceedings)"),
}
_TEXT = {
    "start": ("到期未付，权利人自此知道权利受到损害，诉讼时效起算（开始当日不计入），三年期间至{expiry}届满；"
              "最长保护期限至{cap}（自到期日起二十年）。",
              "Unpaid on its due date, the creditor knows its right is harmed, so the period runs from this day "
              "(the day itself is not counted) and the three years end on {expiry}; the absolute cap is {cap} "
              "(20 years from the due date)."),
    "before_due": ("发生在到期日之前，诉讼时效尚未起算，不产生中断效果。",
                   "Happened before the due date, when the period had not started, so it interrupts nothing."),
    "after_as_of": ("晚于计算基准日{as_of}，不予计入。", "After the as-of date {as_of}, so not counted."),
    "restart": ("诉讼时效中断，自本日起重新计算三年，至{expiry}届满。",
                "Interrupts the period, which starts again in full from this day and now ends on {expiry}."),
    "on_due": ("与到期日同日，重新计算后届满日不变，仍为{expiry}。",
               "Falls on the due date itself, so restarting from this day leaves the end at {expiry}."),
    "capped": ("受二十年最长期限限制，届满日为{cap}。", "Held back by the 20-year cap, the period ends on {cap}."),
    "proceedings": ("诉讼时效中断；程序进行期间不计算，自程序终结之日起重新计算三年。",
                    "Interrupts the period; it does not run while the proceedings last and starts again in full "
                    "on the day they end."),
    "pending": ("截至{as_of}程序尚未终结。", "The proceedings had not ended by {as_of}."),
    "pending_no_end": ("未提供终结日期，视为截至{as_of}仍在进行。",
                       "No end date was given, so they are taken as still pending on {as_of}."),
    "ended": ("{what}终结，诉讼时效自本日起重新计算三年，至{expiry}届满。",
              "{what} ended; the period starts again in full from this day and ends on {expiry}."),
    "ended_others": ("{what}终结，但仍有其他程序在进行，诉讼时效继续暂不计算。",
                     "{what} ended, but other proceedings are still pending, so the period still does not run."),
    "during": ("已有程序在进行，诉讼时效处于中断状态，本事项不另行改变期间。",
               "The period is already interrupted by pending proceedings, so this changes nothing."),
    "during_proceedings": ("已有程序在进行，诉讼时效处于中断状态；本程序同样不计算时效，全部程序终结后重新计算三年。",
                           "The period is already interrupted by pending proceedings; it does not run during these "
                           "either, and starts again in full once all of them have ended."),
    "after_expiry": ("发生在诉讼时效于{expiry}届满之后，不能使时效重新计算；债务人可以提出不履行义务的抗辩。",
                     "Came after the period expired on {expiry}; it does not revive the period, and the debtor may "
                     "refuse to pay on that ground."),
    "after_expiry_agreement": ("诉讼时效已于{expiry}届满，债务人此后同意履行，不得再以时效届满为由抗辩。"
                               "是否由此重新起算三年，所引条文未作规定，请咨询律师。",
                               "The period expired on {expiry}, but the debtor has since agreed to pay, so it can no "
                               "longer rely on the expiry. Whether a new three-year period runs from this agreement "
                               "is not settled by the provisions cited here; take legal advice."),
    "after_expiry_payment": ("诉讼时效已于{expiry}届满；债务人自愿付款后不得请求返还，但仅凭付款本身不视为同意偿还余款，"
                             "时效不因此重新计算。",
                             "The period expired on {expiry}; the debtor cannot reclaim what it paid, but the payment "
                             "alone is not treated as agreeing to pay the rest, and the period does not restart."),
    "status_running": ("诉讼时效进行中，还剩{days}天，于{expiry}届满。",
                       "Running: {days} days left; the period ends on {expiry}."),
    "status_not_due": ("尚未到期，诉讼时效尚未起算；若到期不付，将于{expiry}届满。",
                       "Not yet due, so the period has not started; if unpaid it will end on {expiry}."),
    "status_warning": ("诉讼时效将于{expiry}届满，仅剩{days}天：尽快送达催款通知并保留签收证据、取得还款确认，或提起诉讼。",
                       "The period ends on {expiry}, only {days} days away: deliver a demand and keep proof of "
                       "receipt, obtain an agreement to pay, or file suit now."),
    "status_expired": ("诉讼时效已于{expiry}届满：债务人可以拒绝履行；但其自愿履行或同意履行后不得反悔。",
                       "The period expired on {expiry}: the debtor may refuse to pay, but cannot take back a payment "
                       "made or an agreement to pay given afterwards."),
    "status_bound": ("债务人已于{date}同意履行，不得再以时效届满为由抗辩。",
                     "The debtor agreed to pay on {date}, so it can no longer rely on the expiry."),
    "status_suspended": ("程序进行中，诉讼时效中断、暂不计算；程序终结后重新计算三年（上限{cap}）。",
                         "Proceedings are pending: the period is interrupted and does not run; it starts again in "
                         "full when they end (cap {cap})."),
}


def _t(key: str, lang: str, **values) -> str:
    text = _TEXT[key][0 if lang == "zh" else 1]
    return text.format(**values)


def _join(lang: str, *parts: str) -> str:
    return ("" if lang == "zh" else " ").join(p for p in parts if p)


@dataclass(frozen=True)
class LimitationResult:
    """The limitation period of one debt as of a date (see :func:`limitation`).

    Attributes
    ----------
    runs_from : Timestamp or None
        The day the current three-year period started (the due date or the latest
        interruption); ``None`` while proceedings are pending.
    expiry : Timestamp or None
        The last day of the period (``runs_from`` + 3 years, never after ``cap``);
        ``None`` while proceedings are pending.
    cap : Timestamp
        Due date + 20 years (Civil Code art. 188).
    status : str
        ``'running'``, ``'warning'`` (``expiry`` is at most ``warning_days`` away),
        ``'expired'`` (``as_of`` is after ``expiry``) or ``'suspended'`` (proceedings
        pending: legally an interruption whose restart waits for the end of the
        proceedings, Civil Code art. 195).
    steps : DataFrame
        ``date, event, kind, effect, article, explanation``: the due date, each event
        in date order, the end of each proceedings, and a last row with the status.
    as_of : Timestamp
    days_left : int or None
        ``expiry − as_of`` in days (0 on the last day, negative once expired).
    binding_agreement : Timestamp or None
        The first agreement to pay made after expiry (Civil Code art. 192): from then
        on the debtor cannot rely on the expiry.
    """

    runs_from: pd.Timestamp | None
    expiry: pd.Timestamp | None
    cap: pd.Timestamp
    status: str
    steps: pd.DataFrame
    as_of: pd.Timestamp
    days_left: int | None = None
    binding_agreement: pd.Timestamp | None = None


def _events(events) -> list[tuple[pd.Timestamp, str, pd.Timestamp | None, int]]:
    """Validate events: (date, kind) or (date, kind, end); returns them with their input order."""
    if isinstance(events, pd.DataFrame):
        cols = ["date", "kind"] + (["end"] if "end" in events.columns else [])
        missing = [c for c in ("date", "kind") if c not in events.columns]
        if missing:
            raise ValueError(f"an events DataFrame needs columns 'date' and 'kind' (optional 'end'); missing {missing}")
        events = [tuple(None if (c == "end" and pd.isna(v)) else v for c, v in zip(cols, row, strict=True))
                  for row in events[cols].itertuples(index=False, name=None)]
    if isinstance(events, (str, bytes)) or not isinstance(events, Iterable):
        raise ValueError("events must be a list of (date, kind) or (date, kind, end_date) tuples")
    out = []
    for i, event in enumerate(events):
        if isinstance(event, (str, bytes)) or not isinstance(event, (tuple, list)) or len(event) not in (2, 3):
            raise ValueError(f"event {i} must be (date, kind) or (date, kind, end_date), not {event!r}")
        day = _date(event[0], f"event {i} date")
        kind = event[1]
        if not isinstance(kind, str) or kind not in _KINDS:
            raise ValueError(f"event {i}: unknown kind {kind!r}; valid kinds are {', '.join(EVENT_KINDS)}")
        end = None
        if len(event) == 3 and event[2] is not None:
            if _KINDS[kind].group != "proceedings":
                raise ValueError(f"event {i}: only proceedings ({', '.join(k for k, v in _KINDS.items() if v.group == 'proceedings')}) "
                                 f"take an end date; {kind!r} does not")
            end = _date(event[2], f"event {i} end date")
            if end < day:
                raise ValueError(f"event {i}: the proceedings end ({_fmt(end)}) before they start ({_fmt(day)})")
        out.append((day, kind, end, i))
    return out


def limitation(due_date, events=(), as_of=None, lang: str = "zh", warning_days: int = 180) -> LimitationResult:
    """Follow the limitation period (诉讼时效) of one debt through its events.

    Parameters
    ----------
    due_date : date-like
        The day the debt fell due unpaid. The period runs from it (Civil Code art. 188:
        from when the creditor knew or should have known its right was harmed).
    events : iterable of tuples, or DataFrame with columns date, kind[, end]
        ``(date, kind)`` or, for proceedings, ``(date, kind, end_date)``. ``kind`` is
        one of :data:`EVENT_KINDS`:

        * ``demand`` — a demand for payment, dated the day it was delivered or signed
          for (letters and electronic data that reach the debtor count), Civil Code
          art. 195; SPC limitation rules (法释〔2008〕11号) art. 8.
        * ``partial_payment``, ``instalment_promise``, ``repayment_plan``,
          ``acknowledgement`` — the debtor agreeing to pay, art. 195; SPC art. 14.
        * ``suit`` (from filing, SPC art. 10), ``arbitration`` (art. 195, dated the
          application), ``payment_order``, ``bankruptcy_claim`` (a bankruptcy petition
          or a proof of claim), ``pre_suit_preservation``, ``enforcement`` (SPC art. 11:
          these interrupt like a suit).
    as_of : date-like, optional
        The day to judge on. Events (and ends of proceedings) after it are ignored.
        Default: today's date — pass a fixed date in notebooks and tests.
    lang : {"zh", "en"}
        Language of ``steps``.
    warning_days : int
        ``status`` is ``'warning'`` when ``0 <= expiry − as_of <= warning_days``. The
        default 180 days matches the last six months of art. 194 (suspension, e.g.
        for force majeure, which this function does not model).

    Returns
    -------
    LimitationResult

    Notes
    -----
    The rules applied, in date order (events on the same day in the order given;
    the end of proceedings after the day's other events):

    1. The period runs from the due date and ends on the same-numbered day three
       years later, at 24:00 (arts. 188, 201-203). No public-holiday calendar is
       applied (art. 203 moves a last day that falls on a holiday to the next working
       day), so the expiry given is never later than the true one.
    2. An event before the due date has no effect: the period has not started.
       An event on the due date restarts from that same day (no change).
    3. An event on or before the expiry day interrupts the period, which starts again
       in full — three years from the event's date (art. 195). The new expiry never
       goes past the cap, due date + 20 years (art. 188; the cap itself is not
       interrupted).
    4. Proceedings (suit, arbitration, payment order, bankruptcy, pre-suit
       preservation, enforcement) interrupt from their date and the period does not
       run while they last; it starts again in full from their end date (art. 195:
       "from the end of the relevant proceedings"). Give the end date as the third
       tuple element: the day the judgment or award took effect, the suit was
       withdrawn, the payment order lapsed, and so on. Without an end date, or with
       one after ``as_of``, they are pending and ``status`` is ``'suspended'``
       (``runs_from`` and ``expiry`` are then ``None``). Other events during pending
       proceedings change nothing. After a judgment, the time limit for applying for
       enforcement is a separate rule this function does not model.
    5. An event after expiry does not revive the period: the debtor has a defence
       (art. 192). But an agreement to pay made after expiry (``acknowledgement``,
       ``instalment_promise``, ``repayment_plan``) binds the debtor, who can no longer
       rely on the expiry (art. 192); it is recorded in ``binding_agreement``. Whether
       a fresh three-year period then runs is not settled by the provisions cited
       here, so the expiry is left unchanged. A ``partial_payment`` after expiry
       cannot be reclaimed (art. 192), but is not treated as agreeing to pay the rest
       (a conservative choice: courts differ).

    Adding an event can therefore never make the period end sooner.

    Examples
    --------
    >>> r = limitation("2023-03-31", [("2025-01-10", "demand")], as_of="2026-06-30", lang="en")
    >>> r.expiry.date(), r.status
    (datetime.date(2028, 1, 10), 'running')
    """
    _check_lang(lang)
    if isinstance(warning_days, bool) or not isinstance(warning_days, (int, np.integer)) or warning_days < 0:
        raise ValueError(f"warning_days must be a whole number of days >= 0, not {warning_days!r}")
    due = _date(due_date, "due_date")
    day = _date(pd.Timestamp.today() if as_of is None else as_of, "as_of")
    z = 0 if lang == "zh" else 1
    cap = _years_after(due, MAX_YEARS)
    runs_from: pd.Timestamp | None = due
    expiry: pd.Timestamp | None = _years_after(due, LIMITATION_YEARS)
    pending = 0
    binding: pd.Timestamp | None = None
    rows: list[dict] = []

    def row(when, kind_code, label, effect, article, text):
        rows.append({"date": when, "event": label, "kind": kind_code,
                     "effect": _EFFECT[effect][z] if effect in _EFFECT else effect,
                     "article": article, "explanation": text})

    start_article = ("民法典第188条、第201条、第203条", "Civil Code arts. 188, 201, 203")[z]
    row(due, "due", ("到期未付", "due date, unpaid")[z], "starts", start_article,
        _t("start", lang, expiry=_fmt(expiry), cap=_fmt(cap)))

    # Timeline: (date, order, ...) — events first on a day, then ends of proceedings.
    timeline = []
    for when, kind, end, i in _events(events):
        timeline.append((when, 0, i, kind, end))
    timeline.sort(key=lambda t: (t[0], t[1], t[2]))
    queue = list(timeline)
    while queue:
        when, order, i, kind, end = queue.pop(0)
        k = _KINDS[kind]
        label, article = (k.zh, k.article_zh) if lang == "zh" else (k.en, k.article_en)
        if order == 1:  # the end of proceedings started earlier
            pending -= 1
            what = (k.noun_zh, k.noun_en[0].upper() + k.noun_en[1:])[z]
            label = (f"{k.noun_zh}终结", f"{what} ended")[z]
            if pending == 0:
                runs_from = when
                expiry = min(_years_after(when, LIMITATION_YEARS), cap)
                text = _t("ended", lang, what=what, expiry=_fmt(expiry))
                if _years_after(when, LIMITATION_YEARS) > cap:
                    text = _join(lang, text, _t("capped", lang, cap=_fmt(cap)))
                row(when, kind, label, "proceedings_end", article, text)
            else:
                row(when, kind, label, "none", article, _t("ended_others", lang, what=what))
            continue
        if when > day:
            row(when, kind, label, "ignored", article, _t("after_as_of", lang, as_of=_fmt(day)))
            continue
        if when < due:
            row(when, kind, label, "none", article, _t("before_due", lang))
            continue
        if pending:
            if k.group == "proceedings":
                pending += 1
                text = _join(lang, _t("during_proceedings", lang), _proceedings_end(queue, when, i, kind, end, day, lang))
                row(when, kind, label, "interrupted", article, text)
            else:
                row(when, kind, label, "none", article, _t("during", lang))
            continue
        if when > expiry:
            art192 = ("民法典第192条", "Civil Code art. 192")[z]
            if k.group == "agreement":
                if binding is None:
                    binding = when
                row(when, kind, label, "binding", art192, _t("after_expiry_agreement", lang, expiry=_fmt(expiry)))
            elif k.group == "partial":
                row(when, kind, label, "none", art192, _t("after_expiry_payment", lang, expiry=_fmt(expiry)))
            else:
                row(when, kind, label, "none", art192, _t("after_expiry", lang, expiry=_fmt(expiry)))
            continue
        if k.group == "proceedings":
            pending += 1
            runs_from = expiry = None
            text = _join(lang, _t("proceedings", lang), _proceedings_end(queue, when, i, kind, end, day, lang))
            row(when, kind, label, "interrupted", article, text)
            continue
        full = _years_after(when, LIMITATION_YEARS)
        runs_from, expiry = when, min(full, cap)
        if when == due:
            text = _t("on_due", lang, expiry=_fmt(expiry))
        else:
            text = _t("restart", lang, expiry=_fmt(expiry))
            if full > cap:
                text = _join(lang, text, _t("capped", lang, cap=_fmt(cap)))
        row(when, kind, label, "restarts", article, text)

    days_left = None if expiry is None else int((expiry - day).days)
    if pending:
        status, text = "suspended", _t("status_suspended", lang, cap=_fmt(cap))
        article = _A195[z]
    elif days_left < 0:
        status, text = "expired", _t("status_expired", lang, expiry=_fmt(expiry))
        if binding is not None:
            text = _join(lang, text, _t("status_bound", lang, date=_fmt(binding)))
        article = ("民法典第192条", "Civil Code art. 192")[z]
    else:
        status = "warning" if days_left <= warning_days else "running"
        key = "status_not_due" if day < due else f"status_{status}"
        text = _t(key, lang, days=days_left, expiry=_fmt(expiry))
        article = (_A195 if status == "warning" else ("民法典第188条", "Civil Code art. 188"))[z]
    row(day, "status", ("基准日状态", "status on the as-of date")[z], _STATUS[status][z], article, text)
    steps = pd.DataFrame(rows, columns=["date", "event", "kind", "effect", "article", "explanation"])
    steps["date"] = pd.to_datetime(steps["date"])
    return LimitationResult(runs_from=runs_from, expiry=expiry, cap=cap, status=status, steps=steps, as_of=day,
                            days_left=days_left, binding_agreement=binding)


def _proceedings_end(queue: list, when, i, kind, end, day, lang) -> str:
    """Schedule the end of proceedings that ended by ``day``; otherwise say they are pending."""
    if end is not None and end <= day:
        queue.append((end, 1, i, kind, None))
        queue.sort(key=lambda t: (t[0], t[1], t[2]))
        return ""
    return _t("pending" if end is not None else "pending_no_end", lang, as_of=_fmt(day))


# -- damages and interest for late payment -------------------------------------------------------
#: First breach day on which 法释〔2020〕17号 art. 18 measures damages by the one-year LPR.
LPR_RULE_FROM = pd.Timestamp("2019-08-20")
#: The day 《保障中小企业款项支付条例》 (State Council Order 802) took effect.
SME_REGULATION_FROM = pd.Timestamp("2025-06-01")
_DAY_BASES = (360, 365)


def _late_days(due_date, paid_date) -> tuple[pd.Timestamp, pd.Timestamp, int]:
    due, paid = _date(due_date, "due_date"), _date(paid_date, "paid_date")
    return due, paid, max(int((paid - due).days), 0)


def _uplift_range(uplift) -> tuple[Decimal, Decimal]:
    if isinstance(uplift, (tuple, list)):
        if len(uplift) != 2:
            raise ValueError(f"uplift must be a number or a (low, high) pair, not {uplift!r}")
        low, high = (_number(u, "uplift", 0.3, 0.5) for u in uplift)
        if low > high:
            raise ValueError(f"uplift range must be (low, high) with low <= high; got {tuple(uplift)!r}")
        return low, high
    u = _number(uplift, "uplift (art. 18 allows 30%-50%, i.e. 0.3-0.5)", 0.3, 0.5)
    return u, u


def late_payment_damages(amount, due_date, paid_date, rate=None, lpr=None, uplift=(0.3, 0.5),
                         day_basis: int = 365, lang: str = "zh") -> dict:
    """Damages for paying late (逾期付款损失/违约金): simple interest on the amount.

    .. math:: \\text{damages} = \\text{amount} \\times \\text{annual rate} \\times
              \\frac{\\text{days overdue}}{\\text{day basis}}

    Parameters
    ----------
    amount : float
        The sum paid late, in yuan (≥ 0).
    due_date, paid_date : date-like
        Days overdue = ``paid_date − due_date`` (0 if paid on or before the due date):
        the due date itself is not late, the payment day is counted.
    rate : float, optional
        The agreed annual rate as a fraction (0.12 for 12 %). Basis: the contract; a
        court may reduce an amount excessively above the loss, or raise one below it
        (Civil Code art. 585). A daily rate (e.g. 0.05 %/day) converts to annual as
        daily × day basis. Rates above 1 (100 % a year) are refused as a likely
        percentage typo.
    lpr : float, optional
        Where no rate was agreed: the one-year LPR (贷款市场报价利率, published monthly
        by the National Interbank Funding Center) in force when the breach began, as a
        fraction (0.0345 for 3.45 %). Look it up for the breach date; this package
        ships no table of LPR values.
    uplift : float or (low, high)
        The LPR is raised by 30-50 % (买卖合同解释, 法释〔2020〕17号, art. 18): the
        annual rate is ``lpr × (1 + uplift)``. Give one value the court chose, or the
        range (default ``(0.3, 0.5)``) for low and high amounts. Values outside
        0.3-0.5 raise ValueError.
    day_basis : {365, 360}
        Days in the interest year. Default 365, the usual basis for an annual rate
        applied to calendar days; 360 is offered for contracts that say so.
    lang : {"zh", "en"}
        Language of ``basis``.

    Returns
    -------
    dict
        ``amount, due_date, paid_date, breach_date`` (the first day late, due date + 1,
        or None if paid on time), ``days_overdue, day_basis, rate_low, rate_high``
        (annual), ``damages_low, damages_high`` (yuan, rounded half-up to the cent;
        equal when one rate applies) and ``basis`` (the legal basis in words).

    Raises
    ------
    ValueError
        Neither or both of ``rate`` and ``lpr``; a rate, LPR or uplift out of range;
        unreadable dates; or an LPR claim for a breach that began before 2019-08-20
        (art. 18 then uses the People's Bank of China benchmark lending rate and the
        overdue-penalty rate, which is not implemented here).

    Notes
    -----
    The breach is taken to begin on the first day late (due date + 1): a debt due on
    2019-08-19 and unpaid is in breach from 2019-08-20, so the LPR rule applies; one
    due on 2019-08-18 is not. Interest is simple, not compounded.

    Examples
    --------
    >>> d = late_payment_damages(100_000, "2025-03-31", "2025-06-29", lpr=0.031)
    >>> d["days_overdue"], d["damages_low"], d["damages_high"]
    (90, 993.7, 1146.58)
    """
    _check_lang(lang)
    principal = _number(amount, "amount", 0.0)
    if day_basis not in _DAY_BASES or isinstance(day_basis, bool):
        raise ValueError(f"day_basis must be 365 or 360, not {day_basis!r}")
    if (rate is None) == (lpr is None):
        raise ValueError("give either rate= (the annual rate agreed in the contract) or lpr= (the one-year LPR "
                         "at the time of breach, where no rate was agreed), not both or neither")
    due, paid, days = _late_days(due_date, paid_date)
    breach = due + pd.Timedelta(days=1) if days > 0 else None
    if rate is not None:
        r = _number(rate, "rate (annual, as a fraction: 0.12 for 12%)", 0.0, 1.0)
        low = high = r
        basis = ("合同约定的逾期付款违约金利率；约定过分高于或低于损失的，法院可以调整（民法典第585条）。",
                 "The late-payment rate agreed in the contract; a court may adjust an amount excessively above or "
                 "below the loss (Civil Code art. 585).")
    else:
        lp = _number(lpr, "lpr (the one-year LPR as a fraction: 0.0345 for 3.45%)", 0.0, 1.0)
        if lp == 0:
            raise ValueError("lpr must be above 0: give the one-year LPR in force when the breach began, e.g. 0.0345")
        u_low, u_high = _uplift_range(uplift)
        if breach is not None and breach < LPR_RULE_FROM:
            raise ValueError(f"the breach began on {_fmt(breach)}, before 2019-08-20: for such breaches 法释〔2020〕17号 "
                             "art. 18 uses the People's Bank of China benchmark lending rate with the overdue-penalty "
                             "uplift, which is not implemented here")
        low, high = lp * (1 + u_low), lp * (1 + u_high)
        basis = ("未约定逾期付款违约金：以违约行为发生时的一年期LPR为基础加计30%-50%（法释〔2020〕17号第18条，"
                 "适用于2019年8月20日以后发生的违约）。",
                 "No late-payment rate agreed: the one-year LPR at the time of breach plus 30-50% (法释〔2020〕17号 "
                 "art. 18, for breaches from 2019-08-20).")
    per_day = principal * days / Decimal(day_basis)
    return {
        "amount": float(principal), "due_date": due, "paid_date": paid, "breach_date": breach,
        "days_overdue": days, "day_basis": day_basis,
        "rate_low": float(low), "rate_high": float(high),
        "damages_low": _money(per_day * low), "damages_high": _money(per_day * high),
        "basis": basis[0 if lang == "zh" else 1],
    }


def sme_overdue_interest(amount, due_date, paid_date, daily_rate: float = 0.0005, lang: str = "zh") -> dict:
    """Overdue interest owed to an SME paid late, at the statutory default daily rate.

    .. math:: \\text{interest} = \\text{amount} \\times \\text{daily rate} \\times \\text{days overdue}

    《保障中小企业款项支付条例》 (State Council Order 802, in force 2025-06-01) art. 17:
    where a public body (机关、事业单位) or a large enterprise pays a small or medium-sized
    enterprise late, it owes overdue interest. An agreed rate may not be below the
    one-year LPR; where none was agreed the rate is 0.05 % a day (``daily_rate=0.0005``,
    about 18.25 % a year). The function does not check who is paying whom: use it only
    where the regulation applies.

    Parameters
    ----------
    amount : float
        The sum paid late, in yuan (≥ 0).
    due_date, paid_date : date-like
        Days overdue = ``paid_date − due_date`` (0 if paid on time).
    daily_rate : float
        0.0005 by default (the regulation's rate where none was agreed). Pass an agreed
        rate converted to a daily one; it must lie between 0 and 0.01.
    lang : {"zh", "en"}
        Language of ``basis`` and ``note``.

    Returns
    -------
    dict
        ``amount, due_date, paid_date, days_overdue, daily_rate, interest`` (rounded
        half-up to the cent), ``basis`` and ``note``: None, or a warning when the
        delay began before 2025-06-01 (the earlier version of the regulation governed
        those days; check its terms — this function applies the rate unchanged).

    Examples
    --------
    >>> sme_overdue_interest(200_000, "2025-07-31", "2025-09-29")["interest"]
    6000.0
    """
    _check_lang(lang)
    principal = _number(amount, "amount", 0.0)
    rate = _number(daily_rate, "daily_rate (a fraction per day: 0.0005 for 0.05%)", 0.0, 0.01)
    due, paid, days = _late_days(due_date, paid_date)
    z = 0 if lang == "zh" else 1
    basis = ("《保障中小企业款项支付条例》（国务院令第802号）第17条：未约定逾期利息利率的，按每日万分之五支付；"
             "约定利率不得低于一年期LPR。",
             "《保障中小企业款项支付条例》 (State Council Order 802) art. 17: 0.05% a day where no rate was "
             "agreed; an agreed rate may not be below the one-year LPR.")[z]
    note = None
    if days > 0 and due + pd.Timedelta(days=1) < SME_REGULATION_FROM:
        note = ("逾期始于2025年6月1日之前：此前的逾期天数适用条例修订前的版本，请核对其规定。",
                "The delay began before 2025-06-01: the earlier version of the regulation governed the days "
                "before then; check its terms.")[z]
    return {
        "amount": float(principal), "due_date": due, "paid_date": paid, "days_overdue": days,
        "daily_rate": float(rate), "interest": _money(principal * rate * days),
        "basis": basis, "note": note,
    }


# -- payment order ------------------------------------------------------------------------------
def payment_order_timeline(filed_on, served_on=None, lang: str = "zh") -> pd.DataFrame:
    """The deadlines of a payment order (支付令), Civil Procedure Law (2023) arts. 225-228.

    ======================  ========================================  =========
    step                    date                                      article
    ======================  ========================================  =========
    application filed       ``filed_on``                              225
    acceptance decided      by ``filed_on`` + 5 days                  226
    order issued            by acceptance + 15 days (≤ filed + 20)    227
    order served            ``served_on``                             227
    pay or object           by ``served_on`` + 15 days                227, 228
    enforcement possible    from ``served_on`` + 16 days              227
    ======================  ========================================  =========

    Parameters
    ----------
    filed_on : date-like
        The day the creditor applied. The application also interrupts the limitation
        period (法释〔2008〕11号 art. 11; see :func:`limitation`, kind ``payment_order``).
    served_on : date-like, optional
        The day the order reached the debtor. If None, service is assumed on the latest
        day the order can be issued (``filed_on`` + 20), and the row says so; replace it
        with the real date as soon as you know it.
    lang : {"zh", "en"}

    Returns
    -------
    DataFrame
        ``date, step, article, note``, one row per step.

    Notes
    -----
    Days are counted as in :func:`limitation`: the starting day is not counted, so
    "within 5 days of filing on 1 March" ends on 6 March. The Civil Procedure Law
    counts its periods the same way and moves a last day that falls on a public
    holiday to the next working day; no holiday calendar is applied here, so check
    the calendar before relying on a last day. The court's two deadlines are the
    latest dates allowed, not predictions. The order applies only to a debt of money
    or securities with no other dispute between the parties, and only if it can be
    served on the debtor (art. 225).
    """
    _check_lang(lang)
    filed = _date(filed_on, "filed_on")
    accept_by = filed + pd.Timedelta(days=5)
    issue_by = accept_by + pd.Timedelta(days=15)
    assumed = served_on is None
    served = issue_by if assumed else _date(served_on, "served_on")
    if served < filed:
        raise ValueError(f"served_on ({_fmt(served)}) is before the application was filed ({_fmt(filed)})")
    answer_by = served + pd.Timedelta(days=15)
    enforce_from = answer_by + pd.Timedelta(days=1)
    z = 0 if lang == "zh" else 1
    law = ("民事诉讼法第{}条", "Civil Procedure Law art. {}")[z]
    laws = ("民事诉讼法第{}条、第{}条", "Civil Procedure Law arts. {} and {}")[z]
    rows = [
        (filed, ("申请支付令", "application for a payment order filed"), law.format(225),
         ("适用于给付金钱或有价证券、双方没有其他债务纠纷且支付令能够送达债务人的情形；申请同时中断诉讼时效（法释〔2008〕11号第11条）。",
          "For a debt of money or securities with no other dispute between the parties, where the order can be "
          "served on the debtor; the application also interrupts the limitation period (法释〔2008〕11号 art. 11).")),
        (accept_by, ("法院决定是否受理的最后一日", "last day for the court to decide whether to accept"), law.format(226),
         ("申请后五日内通知是否受理（申请当日不计入）。",
          "Within 5 days of the application (the filing day is not counted).")),
        (issue_by, ("发出支付令的最后一日", "last day to issue the order"), law.format(227),
         ("受理之日起十五日内发出；此处按最迟受理日推算，实际受理更早则相应提前。",
          "Within 15 days of acceptance; counted here from the latest possible acceptance, so an earlier "
          "acceptance brings it forward.")),
        (served, ("支付令送达债务人", "order served on the debtor"), law.format(227),
         ("未提供送达日期，假定在最迟发出日当天送达；请以实际送达日期替换。",
          "No service date given: assumed served on the latest issue date; replace with the real date of "
          "service.") if assumed else ("实际送达日期。", "The actual date of service.")),
        (answer_by, ("债务人清偿或提出书面异议的最后一日", "debtor's last day to pay or object in writing"),
         laws.format(227, 228),
         ("收到支付令之日起十五日内。异议成立的，法院裁定终结督促程序，支付令自行失效，转入诉讼程序，"
          "但申请人不同意起诉的除外。",
          "Within 15 days of receiving the order. If a written objection is upheld, the court ends the "
          "procedure, the order lapses and the case moves to suit unless the applicant does not agree to sue.")),
        (enforce_from, ("可以申请强制执行", "creditor may apply for enforcement"), law.format(227),
         ("债务人在期间内既不提出异议又不履行支付令的，债权人可以向法院申请执行。",
          "If the debtor neither objected nor paid within the period, the creditor may apply to the court "
          "for enforcement.")),
    ]
    return pd.DataFrame({
        "date": pd.to_datetime([r[0] for r in rows]),
        "step": [r[1][z] for r in rows],
        "article": [r[2] for r in rows],
        "note": [r[3][z] for r in rows],
    })
