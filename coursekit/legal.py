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
  cannot be withdrawn. The course then counts a new three-year period from that
  agreement (see :func:`_interrupt` for why).
* art. 194: an obstacle to claiming in the last six months suspends the period, which
  then ends six months after the obstacle ends.
* arts. 201 and 203: a period counted in years starts the day after the event and
  ends at the end of the same-numbered day; when that day is a public holiday the
  period ends on the next working day. This module does not apply the holiday
  rule, so the dates it gives are never later than the true expiry.
  Art. 202 fills in the missing day: when the end month has no same-numbered day
  (a period starting on 29 February), the month's last day is the last day.

:func:`limitation_expiry` is the vectorised view used by :mod:`coursekit.snapshot`
for the risk grades and the plan; :func:`limitation` follows one debt event by event
and explains each step (proceedings, suspension, events after expiry). Both apply one
rule, :func:`_interrupt`, so they cannot disagree.

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
    return _ts(_add_months(_d(day), 12 * years))


def _fmt(day: pd.Timestamp) -> str:
    return f"{day:%Y-%m-%d}"


# -- the one limitation rule ---------------------------------------------------------------------
# Both views of the limitation period — :func:`limitation` (one debt, explained step by step)
# and :func:`limitation_expiry` / the ledger snapshot (every open invoice at once) — call
# :func:`_interrupt` for every demand, agreement to pay and partial payment, and
# :func:`_expiry_from` for every restart, so they cannot disagree.

#: Event groups of the rule (the ``group`` of each kind in :data:`EVENT_KINDS`).
DEMAND, AGREEMENT, PARTIAL = 0, 1, 2
#: What an event did (see :func:`_interrupt`).
BEFORE_DUE, RESTARTED, AFTER_EXPIRY, LATE_AGREEMENT, LATE_AGREEMENT_CAPPED = 0, 1, 2, 3, 4
_GROUP_CODE = {"demand": DEMAND, "agreement": AGREEMENT, "partial": PARTIAL}


def _add_months(days, months: int) -> np.ndarray:
    """``days`` (datetime64[D], any shape) plus whole months, clipped to the month's last day.

    Civil Code arts. 201-202: a period of months or years ends on the same-numbered day,
    or on the last day of the month when it has none (29 February + 1 year → 28 February).
    """
    d = np.asarray(days, dtype="datetime64[D]")
    month = d.astype("datetime64[M]")
    day_of_month = (d - month.astype("datetime64[D]")).astype(np.int64)
    target = month + np.timedelta64(months, "M")
    length = ((target + np.timedelta64(1, "M")).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(np.int64)
    return target.astype("datetime64[D]") + np.minimum(day_of_month, length - 1).astype("timedelta64[D]")


def _expiry_from(start, cap) -> np.ndarray:
    """Last day of a three-year period starting after ``start`` (art. 188), never after ``cap``."""
    return np.minimum(_add_months(start, 12 * LIMITATION_YEARS), np.asarray(cap, dtype="datetime64[D]"))


def _interrupt(due, runs_from, expiry, cap, when, group):
    """THE limitation rule for a demand, an agreement to pay or a partial payment.

    Works element-wise on datetime64[D] arrays (or scalars): each ``when`` is applied to
    the period described by ``runs_from``/``expiry``; ``group`` is :data:`DEMAND`,
    :data:`AGREEMENT` or :data:`PARTIAL`.

    * ``when < due``: the period has not started, nothing to interrupt (``BEFORE_DUE``).
    * ``due <= when <= expiry``: interrupted; a full three years run again from ``when``
      (Civil Code art. 195; SPC limitation rules arts. 8, 14), never past the 20-year
      ``cap`` (art. 188) (``RESTARTED``).
    * ``when > expiry``, a demand or a partial payment: no revival; the debtor has a
      defence (art. 192). A payment made cannot be reclaimed, but it is not taken as
      agreeing to pay the rest (``AFTER_EXPIRY``).
    * ``when > expiry``, an agreement to pay (acknowledgement, instalment promise,
      repayment plan): binding, the debtor can no longer plead the expiry (art. 192).
      **The course's decision:** a new three-year period runs from the agreement, still
      capped at due date + 20 years (``LATE_AGREEMENT``; ``LATE_AGREEMENT_CAPPED`` when
      the agreement comes after the cap, which it cannot move). Art. 192 says only that
      the defence is lost; it does not say whether, or from when, a new period runs.
      Counting three years from the agreement gives the creditor a date to act by, and
      the earliest one a court could hold it to (not from the later payment date the
      agreement may set), in keeping with the rest of this module, whose dates are
      never later than the true ones. A creditor that acts before it is safe either way.

    Returns ``(runs_from, expiry, effect)``; missing ``when`` (NaT) leaves the period as
    it was, with effect ``-1``.
    """
    due, runs_from, expiry, cap, when = (np.asarray(x, dtype="datetime64[D]") for x in (due, runs_from, expiry, cap, when))
    group = np.asarray(group)
    given = ~np.isnat(when)
    before = given & (when < due)
    inside = given & ~before & (when <= expiry)
    late = given & ~before & (when > expiry)
    late_agree = late & (group == AGREEMENT)
    capped = late_agree & (when > cap)
    restart = inside | (late_agree & ~capped)
    effect = np.select([before, inside, capped, late_agree, late], [BEFORE_DUE, RESTARTED, LATE_AGREEMENT_CAPPED,
                                                                    LATE_AGREEMENT, AFTER_EXPIRY], -1)
    new_from = np.where(restart, when, runs_from)
    new_expiry = np.where(restart, _expiry_from(np.where(restart, when, runs_from), cap), expiry)
    return new_from, new_expiry, effect


def _suspend(expiry, start, end, cap):
    """Art. 194: an obstacle in the last six months suspends the period.

    The obstacle (force majeure, no legal representative, the creditor controlled by the
    debtor, …) counts when it lasts into the last six months of the period (it starts on
    or before ``expiry`` and ends after ``expiry`` − 6 months); the period then ends six
    months after the obstacle ends, never past the 20-year ``cap`` (art. 188: the cap is
    neither suspended nor interrupted) and never earlier than before. Returns
    ``(expiry, applied)``.
    """
    expiry, start, end, cap = (np.asarray(x, dtype="datetime64[D]") for x in (expiry, start, end, cap))
    applied = (start <= expiry) & (end > _add_months(expiry, -6))
    extended = np.maximum(expiry, np.minimum(_add_months(end, 6), cap))
    return np.where(applied, extended, expiry), applied


_CAUSES = np.array(["due", "payment", "demand", "acknowledgement"], dtype=object)
_CAUSE_GROUP = np.array([-1, PARTIAL, DEMAND, AGREEMENT])


def _run_events(due, item, when, cause) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Apply :func:`_interrupt` to many debts at once, each debt's events in date order.

    ``due`` is one datetime64[D] per debt; ``item`` (index into ``due``), ``when`` and
    ``cause`` (1 payment, 2 demand, 3 acknowledgement) describe the events. Returns
    ``runs_from``, ``expiry`` and the cause code of the current period for each debt.
    """
    due = np.asarray(due, dtype="datetime64[D]")
    cap = _add_months(due, 12 * MAX_YEARS)
    runs_from, expiry = due.copy(), _expiry_from(due, cap)
    started = np.zeros(len(due), dtype=np.int64)
    item, when, cause = np.asarray(item, dtype=np.int64), np.asarray(when, dtype="datetime64[D]"), np.asarray(cause)
    keep = ~np.isnat(when)
    item, when, cause = item[keep], when[keep], cause[keep]
    order = np.lexsort((cause, when, item))
    item, when, cause = item[order], when[order], cause[order]
    first = np.r_[0, np.flatnonzero(np.diff(item)) + 1] if len(item) else np.array([], dtype=np.int64)
    rank = np.arange(len(item)) - np.repeat(first, np.diff(np.r_[first, len(item)]))
    for r in range(int(rank.max()) + 1 if len(rank) else 0):
        at = rank == r
        i = item[at]
        new_from, new_exp, effect = _interrupt(due[i], runs_from[i], expiry[i], cap[i], when[at], _CAUSE_GROUP[cause[at]])
        moved = (effect == RESTARTED) | (effect == LATE_AGREEMENT)
        runs_from[i], expiry[i] = new_from, new_exp
        started[i[moved]] = cause[at][moved]
    return runs_from, expiry, started


def limitation_expiry(due_date, last_payment=None, last_demand=None, last_acknowledgement=None) -> pd.DataFrame:
    """Limitation expiry for each debt, by the same rule as :func:`limitation`.

    Parameters
    ----------
    due_date : Series of dates
        The day each debt fell due (the period runs from then, Civil Code art. 188).
    last_payment, last_demand, last_acknowledgement : Series of dates, optional
        A partial payment, a delivered demand and a written acknowledgement for each debt
        (NaT where none), applied in date order by :func:`_interrupt`: inside the period
        each restarts it (art. 195); before the due date none has an effect; after expiry
        a demand or payment revives nothing, while an acknowledgement binds the debtor
        (art. 192) and, as the course decides, starts a new three-year period (see
        :func:`_interrupt`). Give every payment, not only the last, when earlier ones
        kept the period alive: :func:`coursekit.risk.limitation_deadlines` does.

    Returns
    -------
    DataFrame with ``runs_from`` (the day the current period started), ``expiry``
    (``runs_from`` + 3 years, capped at due date + 20 years) and ``cause``
    (``due``, ``payment``, ``demand`` or ``acknowledgement``).
    """
    due = _dates(due_date)
    n = len(due)
    items, whens, causes = [np.array([], dtype=np.int64)], [np.array([], dtype="datetime64[D]")], [np.array([], dtype=np.int64)]
    for code, value in ((1, last_payment), (2, last_demand), (3, last_acknowledgement)):
        if value is not None:
            items.append(np.arange(n))
            whens.append(_dates(value, due.index).to_numpy().astype("datetime64[D]"))
            causes.append(np.full(n, code))
    runs_from, expiry, cause = _run_events(due.to_numpy().astype("datetime64[D]"), np.concatenate(items),
                                           np.concatenate(whens), np.concatenate(causes))
    return pd.DataFrame({"runs_from": runs_from.astype("datetime64[s]"), "expiry": expiry.astype("datetime64[s]"),
                         "cause": _CAUSES[cause]}, index=due.index)


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
    "obstacle": _Kind("obstacle", "不能行使请求权的障碍（不可抗力等）", "obstacle to claiming (force majeure etc.)",
                      "民法典第194条", "Civil Code art. 194", "障碍", "the obstacle"),
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
    "binding_restarts": ("不得以时效抗辩，重新计算", "binding: no limitation defence, restarts"),
    "noted": ("记录", "noted"),
    "suspends": ("时效中止", "suspended (art. 194)"),
}
_STATUS = {
    "running": ("进行中", "running"),
    "warning": ("即将届满", "warning"),
    "expired": ("已届满", "expired"),
    "suspended": ("程序中，暂不计算", "suspended (proceedings)"),
    "obstacle": ("时效中止（障碍未消除）", "suspended (art. 194 obstacle)"),
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
    "after_expiry_agreement": ("诉讼时效已于{expiry}届满，债务人此后同意履行，不得再以时效届满为由抗辩（民法典第192条）。"
                               "法律没有规定届满后同意履行是否、自何时重新起算；本课程自同意之日起重新计算三年，至{new_expiry}"
                               "届满——这是法院可能认定的最早日期，在此之前行动最稳妥。",
                               "The period expired on {expiry}, but the debtor has since agreed to pay, so it can no "
                               "longer rely on the expiry (art. 192). The law does not say whether, or from when, a new "
                               "period runs; the course counts three years from this agreement, to {new_expiry}, the "
                               "earliest date a court could hold the creditor to, so act before it."),
    "after_expiry_agreement_capped": ("诉讼时效已于{expiry}届满，债务人此后同意履行，不得再以时效届满为由抗辩；"
                                      "但已超过自到期日起二十年的最长期限（{cap}），不再重新计算。",
                                      "The period expired on {expiry}; the debtor has since agreed to pay and can no "
                                      "longer rely on the expiry, but the 20-year cap ({cap}) has passed, so no new "
                                      "period runs."),
    "obstacle": ("出现不能行使请求权的障碍；若延续到诉讼时效期间的最后六个月内（{six}之后），时效中止。",
                 "An obstacle to claiming begins; if it lasts into the last six months of the period (after {six}), "
                 "the period is suspended."),
    "obstacle_late": ("发生在诉讼时效于{expiry}届满之后，不发生中止。",
                      "Began after the period expired on {expiry}, so nothing is suspended."),
    "obstacle_applied": ("障碍消除。障碍延续到诉讼时效期间的最后六个月内，时效中止：自障碍消除之日起满六个月届满，至{expiry}。",
                         "The obstacle ended. It lasted into the last six months of the period, which was suspended "
                         "and now ends six months after the obstacle ended, on {expiry}."),
    "obstacle_outside": ("障碍消除。它没有延续到诉讼时效期间的最后六个月内，时效不中止。",
                         "The obstacle ended before the last six months of the period, so nothing is suspended."),
    "status_obstacle": ("诉讼时效中止：最后六个月内的障碍尚未消除；自消除之日起满六个月届满（上限{cap}）。",
                        "Suspended: an obstacle in the last six months has not ended; the period ends six months "
                        "after it does (cap {cap})."),
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
        interruption); ``None`` while proceedings are pending (unchanged during an obstacle).
    expiry : Timestamp or None
        The last day of the period (``runs_from`` + 3 years, never after ``cap``);
        ``None`` while proceedings are pending or an obstacle is under way (status ``'suspended'``).
    cap : Timestamp
        Due date + 20 years (Civil Code art. 188).
    status : str
        ``'running'``, ``'warning'`` (``expiry`` is at most ``warning_days`` away),
        ``'expired'`` (``as_of`` is after ``expiry``) or ``'suspended'`` (proceedings
        pending: legally an interruption whose restart waits for the end of the
        proceedings, Civil Code art. 195; or an art. 194 obstacle still under way in
        the last six months).
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
            if _KINDS[kind].group not in ("proceedings", "obstacle"):
                takes = ", ".join(k for k, v in _KINDS.items() if v.group in ("proceedings", "obstacle"))
                raise ValueError(f"event {i}: only proceedings and obstacles ({takes}) take an end date; {kind!r} does not")
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
        * ``obstacle`` — an obstacle to claiming in the last six months (art. 194),
          with its end date as the third element.
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
       rely on the expiry (art. 192); it is recorded in ``binding_agreement``, and —
       the course's decision, the same in :func:`limitation_expiry`, the risk grades and
       the plan, all of which call :func:`_interrupt` — a new three-year period runs
       from it (never past the 20-year cap). The provisions do not say whether or from
       when a new period runs; counting from the agreement gives the earliest date a
       court could hold the creditor to. A ``partial_payment`` after expiry cannot be
       reclaimed (art. 192), but is not treated as agreeing to pay the rest (a
       conservative choice: courts differ).
    6. An ``obstacle`` (force majeure and the other obstacles of art. 194), given as
       ``(start, "obstacle", end)``, suspends the period when it lasts into the period's
       last six months: the period then ends six months after the obstacle ends (never
       past the cap). One still under way on ``as_of`` inside the last six months makes
       the status ``'suspended'``. Events during an obstacle are judged against the
       period as it stood.

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
    walk = _Walk(due, _date(pd.Timestamp.today() if as_of is None else as_of, "as_of"), lang)
    walk.run(events)
    return walk.result(warning_days)


def _ts(x) -> pd.Timestamp:
    return pd.Timestamp(np.asarray(x, dtype="datetime64[D]")[()])


def _d(ts: pd.Timestamp) -> np.datetime64:
    return np.datetime64(ts.date(), "D")


class _Walk:
    """One debt's period, followed event by event; every decision is :func:`_interrupt`'s
    or :func:`_suspend`'s, this class only keeps the state and writes the explanations."""

    def __init__(self, due: pd.Timestamp, day: pd.Timestamp, lang: str):
        self.due, self.day, self.lang, self.z = due, day, lang, 0 if lang == "zh" else 1
        self.cap = _years_after(due, MAX_YEARS)
        self.runs_from: pd.Timestamp | None = due
        self.expiry: pd.Timestamp | None = _years_after(due, LIMITATION_YEARS)
        self.pending = 0                       # proceedings under way
        self.obstacles: list[pd.Timestamp] = []  # art. 194 obstacles not yet ended (their start)
        self.binding: pd.Timestamp | None = None
        self.rows: list[dict] = []
        self.queue: list[tuple] = []
        self.row(due, "due", ("到期未付", "due date, unpaid")[self.z], "starts",
                 ("民法典第188条、第201条、第203条", "Civil Code arts. 188, 201, 203")[self.z],
                 self.t("start", expiry=_fmt(self.expiry), cap=_fmt(self.cap)))

    def t(self, key: str, **values) -> str:
        return _t(key, self.lang, **values)

    def row(self, when, kind_code, label, effect, article, text) -> None:
        self.rows.append({"date": when, "event": label, "kind": kind_code,
                          "effect": _EFFECT[effect][self.z] if effect in _EFFECT else effect,
                          "article": article, "explanation": text})

    def schedule(self, when, order, i, kind, end) -> None:
        self.queue.append((when, order, i, kind, end))
        self.queue.sort(key=lambda q: (q[0], q[1], q[2]))

    def run(self, events) -> None:
        for when, kind, end, i in _events(events):
            self.schedule(when, 0, i, kind, end)
        while self.queue:
            when, order, i, kind, end = self.queue.pop(0)
            k = _KINDS[kind]
            label, article = (k.zh, k.article_zh) if self.z == 0 else (k.en, k.article_en)
            if order == 1:
                self.proceedings_end(when, kind, k, article)
            elif order == 2:
                self.obstacle_end(when, kind, end, article)
            elif when > self.day:
                self.row(when, kind, label, "ignored", article, self.t("after_as_of", as_of=_fmt(self.day)))
            elif k.group == "obstacle":
                self.obstacle(when, i, kind, end, label, article)
            elif self.pending:
                self.during_proceedings(when, i, kind, end, k, label, article)
            else:
                self.event(when, i, kind, end, k, label, article)

    def _end_text(self, i, kind, end, order: int, start=None) -> str:
        """Schedule the end of proceedings (order 1) or of an obstacle that began on ``start``
        (order 2) if it ended by the as-of date; otherwise say it is still pending."""
        if end is not None and end <= self.day:
            self.schedule(end, order, i, kind, start)
            return ""
        return self.t("pending" if end is not None else "pending_no_end", as_of=_fmt(self.day))

    def event(self, when, i, kind, end, k, label, article) -> None:
        group = DEMAND if k.group == "proceedings" else _GROUP_CODE[k.group]
        runs_from, expiry, effect = _interrupt(_d(self.due), _d(self.runs_from), _d(self.expiry), _d(self.cap),
                                               _d(when), group)
        effect = int(effect)
        if effect == BEFORE_DUE:
            self.row(when, kind, label, "none", article, self.t("before_due"))
        elif effect in (AFTER_EXPIRY, LATE_AGREEMENT, LATE_AGREEMENT_CAPPED):
            self.late(when, kind, k, label, effect, _ts(expiry))
        elif k.group == "proceedings":
            self.pending += 1
            self.runs_from = self.expiry = None
            self.row(when, kind, label, "interrupted", article,
                     _join(self.lang, self.t("proceedings"), self._end_text(i, kind, end, 1)))
        else:
            self.restarted(when, kind, label, article, _ts(runs_from), _ts(expiry))

    def restarted(self, when, kind, label, article, runs_from, expiry) -> None:
        self.runs_from, self.expiry = runs_from, expiry
        if when == self.due:
            text = self.t("on_due", expiry=_fmt(expiry))
        else:
            text = self.t("restart", expiry=_fmt(expiry))
            if _years_after(when, LIMITATION_YEARS) > self.cap:
                text = _join(self.lang, text, self.t("capped", cap=_fmt(self.cap)))
        self.row(when, kind, label, "restarts", article, text)

    def late(self, when, kind, k, label, effect, new_expiry) -> None:
        art192 = ("民法典第192条", "Civil Code art. 192")[self.z]
        old = _fmt(self.expiry)
        if effect == AFTER_EXPIRY:
            key = "after_expiry_payment" if k.group == "partial" else "after_expiry"
            self.row(when, kind, label, "none", art192, self.t(key, expiry=old))
            return
        if self.binding is None:
            self.binding = when
        if effect == LATE_AGREEMENT_CAPPED:
            self.row(when, kind, label, "binding", ("民法典第188条、第192条", "Civil Code arts. 188, 192")[self.z], self.t("after_expiry_agreement_capped", expiry=old, cap=_fmt(self.cap)))
            return
        self.runs_from, self.expiry = when, new_expiry
        self.row(when, kind, label, "binding_restarts", art192,
                 self.t("after_expiry_agreement", expiry=old, new_expiry=_fmt(new_expiry)))

    def during_proceedings(self, when, i, kind, end, k, label, article) -> None:
        if k.group == "proceedings":
            self.pending += 1
            text = _join(self.lang, self.t("during_proceedings"), self._end_text(i, kind, end, 1))
            self.row(when, kind, label, "interrupted", article, text)
        else:
            self.row(when, kind, label, "none", article, self.t("during"))

    def proceedings_end(self, when, kind, k, article) -> None:
        self.pending -= 1
        what = (k.noun_zh, k.noun_en[0].upper() + k.noun_en[1:])[self.z]
        label = (f"{k.noun_zh}终结", f"{what} ended")[self.z]
        if self.pending:
            self.row(when, kind, label, "none", article, self.t("ended_others", what=what))
            return
        self.runs_from, self.expiry = when, _ts(_expiry_from(_d(when), _d(self.cap)))
        text = self.t("ended", what=what, expiry=_fmt(self.expiry))
        if _years_after(when, LIMITATION_YEARS) > self.cap:
            text = _join(self.lang, text, self.t("capped", cap=_fmt(self.cap)))
        self.row(when, kind, label, "proceedings_end", article, text)

    def obstacle(self, when, i, kind, end, label, article) -> None:
        if self.expiry is not None and when > self.expiry:
            self.row(when, kind, label, "none", article, self.t("obstacle_late", expiry=_fmt(self.expiry)))
            return
        self.obstacles.append(when)
        six = _fmt(_ts(_add_months(_d(self.expiry), -6))) if self.expiry is not None else "—"
        text = _join(self.lang, self.t("obstacle", six=six), self._end_text(i, kind, end, 2, start=when))
        self.row(when, kind, label, "noted", article, text)

    def obstacle_end(self, when, kind, start, article) -> None:
        self.obstacles.remove(start)
        label = ("障碍消除", "obstacle ended")[self.z]
        if self.expiry is None:      # proceedings pending: the period is not running anyway
            self.row(when, kind, label, "none", article, self.t("during"))
            return
        expiry, applied = _suspend(_d(self.expiry), _d(start), _d(when), _d(self.cap))
        if bool(applied):
            self.expiry = _ts(expiry)
            self.row(when, kind, label, "suspends", article, self.t("obstacle_applied", expiry=_fmt(self.expiry)))
        else:
            self.row(when, kind, label, "none", article, self.t("obstacle_outside"))

    def result(self, warning_days: int) -> LimitationResult:
        day, z = self.day, self.z
        in_window = [s for s in self.obstacles if self.expiry is not None and s <= self.expiry
                     and day > _ts(_add_months(_d(self.expiry), -6))]
        if self.pending or in_window:
            status = "suspended"
            text = self.t("status_suspended" if self.pending else "status_obstacle", cap=_fmt(self.cap))
            article = (_A195 if self.pending else ("民法典第194条", "Civil Code art. 194"))[z]
            self.runs_from = self.runs_from if not self.pending else None
            self.expiry = None
            days_left = None
        else:
            days_left = int((self.expiry - day).days)
            status, text, article = self._status(days_left, warning_days)
        label = _STATUS["obstacle" if status == "suspended" and not self.pending else status][z]
        self.row(day, "status", ("基准日状态", "status on the as-of date")[z], label, article, text)
        steps = pd.DataFrame(self.rows, columns=["date", "event", "kind", "effect", "article", "explanation"])
        steps["date"] = pd.to_datetime(steps["date"])
        return LimitationResult(runs_from=self.runs_from, expiry=self.expiry, cap=self.cap, status=status, steps=steps,
                                as_of=day, days_left=days_left, binding_agreement=self.binding)

    def _status(self, days_left: int, warning_days: int) -> tuple[str, str, str]:
        z = self.z
        if days_left < 0:
            text = self.t("status_expired", expiry=_fmt(self.expiry))
            if self.binding is not None:
                text = _join(self.lang, text, self.t("status_bound", date=_fmt(self.binding)))
            return "expired", text, ("民法典第192条", "Civil Code art. 192")[z]
        status = "warning" if days_left <= warning_days else "running"
        key = "status_not_due" if self.day < self.due else f"status_{status}"
        text = self.t(key, days=days_left, expiry=_fmt(self.expiry))
        if self.binding is not None:
            text = _join(self.lang, text, self.t("status_bound", date=_fmt(self.binding)))
        return status, text, (_A195 if status == "warning" else ("民法典第188条", "Civil Code art. 188"))[z]


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
