"""Danger signals (危险信号): the early-warning signs of a customer sliding into non-payment.

See :func:`danger_signals`. Part of :mod:`coursekit.credit`.
"""
from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .aging import balances_as_of, open_items
from .ledger import Ledger
from .scorecard import _money
from .snapshot import as_day

__all__ = ["SIGNAL_TABLE", "Signal", "SIGNALS", "CHECKLIST_KEYS", "WarningThresholds", "danger_signals"]

# ---------------------------------------------------------------------------------------
# Danger signals
# ---------------------------------------------------------------------------------------

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
    min_partial_gap : float
        ... and the share of partial payments must have risen by at least this much
        (0.15 = 15 percentage points), so that one more part payment among many does
        not fire the signal.
    round_unit : float
        A receipt that is a multiple of this amount (¥1,000) and leaves its
        invoice open counts as a round-sum receipt.
    """

    window_days: int = 90
    slower_by_days: float = 10.0
    min_partial: int = 2
    min_partial_gap: float = 0.15
    round_unit: float = 1000.0

    def __post_init__(self):
        if not (isinstance(self.window_days, int) and self.window_days > 0):
            raise ValueError("WarningThresholds.window_days must be a positive whole number of days")
        if not self.slower_by_days > 0 or not self.round_unit > 0:
            raise ValueError("WarningThresholds.slower_by_days and round_unit must be positive")
        if not (isinstance(self.min_partial, int) and self.min_partial >= 1):
            raise ValueError("WarningThresholds.min_partial must be a whole number of at least 1")
        if not 0 <= self.min_partial_gap < 1:
            raise ValueError("WarningThresholds.min_partial_gap must be a share between 0 and 1 (0.15 = 15 points)")


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
    Each ledger signal is one small function registered in :data:`SIGNAL_TABLE` with
    its source and a description; adding a signal is adding one function and one row.

    Windows, with W = ``window_days`` (90) and t = as_of: recent = (t − W, t];
    earlier = (t − 3W, t − W] for payment habits, (t − 2W, t − W] for invoicing.

    * slower_payment: amount-weighted mean of (payment date − due date) over
      receipts applied to invoices, recent vs earlier; triggered when it grew by
      ``slower_by_days`` or more, or when nothing was received in the recent
      window while an amount is overdue.
    * balance_up_orders_down: net balance at t > net balance at t − W, and
      invoiced in the recent window < invoiced in the W days before.
    * more_partial_payments: a partial payment leaves its invoice still open;
      triggered when the recent window has at least ``min_partial`` of them and the
      share of the payments applied to invoices that are partial rose by at least
      ``min_partial_gap`` (15 points) over the earlier window.
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
    _check_customer(ledger, customer)
    facts = _gather(ledger, customer, as_day(as_of), thresholds or WarningThresholds(), _checked(checklist))
    col = 1 if lang == "zh" else 2
    rows = []
    for key, sig in SIGNAL_TABLE.items():
        status, *evidence = sig.check(facts, key)
        rows.append({"key": key, "signal": (sig.zh, sig.en)[col - 1], "source": sig.source, "status": status,
                     "evidence": evidence[col - 1]})
    out = pd.DataFrame(rows).set_index("key")
    out.index.name = "signal_key"
    return out


def _check_customer(ledger: Ledger, customer: str) -> None:
    known = list(ledger._customers)
    if customer not in known:
        close = difflib.get_close_matches(str(customer), [str(c) for c in known], n=3)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        raise ValueError(f"customer {customer!r} is not in the ledger.{hint}")


def _checked(checklist) -> dict:
    checklist = dict(checklist or {})
    for k, v in checklist.items():
        if k not in CHECKLIST_KEYS:
            raise ValueError(f"checklist key {k!r} is not one of {', '.join(CHECKLIST_KEYS)}")
        if v is not None and not isinstance(v, (bool, np.bool_)):
            raise ValueError(f"checklist answer for {k!r} must be True, False or None, not {v!r}")
    return checklist


@dataclass(frozen=True)
class _Facts:
    """What the signal functions read about one customer as of ``day`` (W = window days)."""

    ledger: Ledger
    customer: str
    day: int
    th: WarningThresholds
    checklist: dict
    recent: pd.DataFrame      # receipts in (day − W, day]
    earlier: pd.DataFrame     # receipts in (day − 3W, day − W]
    r_app: pd.DataFrame       # recent payments applied to invoices
    e_app: pd.DataFrame       # earlier payments applied to invoices
    bal_now: float
    overdue: float
    info: pd.Series
    listed: bool

    @property
    def W(self) -> int:  # noqa: N802 (the W of the docstring)
        return self.th.window_days


def _gather(ledger: Ledger, customer: str, day: int, th: WarningThresholds, checklist: dict) -> _Facts:
    W = th.window_days
    receipts = _receipts(ledger, customer, day)
    recent = receipts[receipts["day"] > day - W]
    earlier = receipts[(receipts["day"] > day - 3 * W) & (receipts["day"] <= day - W)]
    items = open_items(ledger, _day_str(day))
    overdue = float(items.loc[(items["customer"] == customer) & (items["days_overdue"] > 0), "outstanding"].sum())
    listed = ledger.customers is not None and customer in set(ledger.customers["customer"].dropna())
    return _Facts(ledger, customer, day, th, checklist, recent, earlier, _applied(recent), _applied(earlier),
                  float(balances_as_of(ledger, _day_str(day)).get(customer, 0.0)), overdue,
                  ledger.customer_info(_day_str(day)).loc[customer], listed)


def _applied(receipts: pd.DataFrame) -> pd.DataFrame:
    """Payments (not credit notes) applied to an invoice."""
    return receipts[receipts["invoice_id"].notna() & (receipts["kind"] == "payment")]


def _answer(key: str, note_zh: str = "", note_en: str = "") -> tuple[str, str, str]:
    q_zh, q_en = _QUESTIONS[key]
    return ("answer", f"{note_zh}请根据你掌握的情况回答：{q_zh}", f"{note_en}Answer from what you know: {q_en}")


# -- one function per signal: (facts, key) -> (status, evidence_zh, evidence_en) -------------------
def _slower_payment(f: _Facts, key: str) -> tuple[str, str, str]:
    W, r_app, e_app = f.W, f.r_app, f.e_app
    if r_app.empty:
        if f.overdue > 0:
            return ("triggered", f"最近 {W} 天没有收到任何货款，而已逾期金额为 {_money(f.overdue)}。",
                    f"No payment received in the last {W} days while {_money(f.overdue)} is overdue.")
        return ("clear", f"最近 {W} 天没有回款记录，但目前没有逾期欠款。",
                f"No payments in the last {W} days, but nothing is overdue.")
    if e_app.empty:
        return _answer(key, f"账上只有最近 {W} 天的回款，无法与之前比较。",
                       f"The ledger only has payments from the last {W} days, so there is nothing to compare. ")
    a_r, a_e = _weighted_days(r_app), _weighted_days(e_app)
    diff = a_r - a_e
    return ("triggered" if diff >= f.th.slower_by_days else "clear",
            f"最近 {W} 天的回款平均在到期日后 {a_r:.1f} 天到账（{len(r_app)} 笔，按金额加权），"
            f"此前 {2 * W} 天为 {a_e:.1f} 天（{len(e_app)} 笔），{'慢了' if diff >= 0 else '快了'} {abs(diff):.1f} 天。",
            f"In the last {W} days payments arrived on average {a_r:.1f} days after the due date ({len(r_app)} payments, "
            f"weighted by amount), against {a_e:.1f} days in the {2 * W} days before ({len(e_app)} payments): "
            f"{abs(diff):.1f} days {'slower' if diff >= 0 else 'faster'}.")


def _balance_up_orders_down(f: _Facts, key: str) -> tuple[str, str, str]:
    W, day, customer, bal_now = f.W, f.day, f.customer, f.bal_now
    bal_then = float(balances_as_of(f.ledger, _day_str(day - W)).get(customer, 0.0))
    inv = f.ledger.invoices
    inv_day = inv["invoice_date"].to_numpy().astype("datetime64[D]").astype(np.int64)
    mine = (inv["customer"] == customer).fillna(False).to_numpy()
    billed_recent = float(inv.loc[mine & (inv_day > day - W) & (inv_day <= day), "amount"].sum())
    billed_before = float(inv.loc[mine & (inv_day > day - 2 * W) & (inv_day <= day - W), "amount"].sum())
    up, down = bal_now > bal_then, billed_recent < billed_before
    return ("triggered" if up and down else "clear",
            f"欠款余额由 {W} 天前的 {_money(bal_then)} {'增至' if up else '变为'} {_money(bal_now)}；"
            f"最近 {W} 天开票 {_money(billed_recent)}，再往前 {W} 天为 {_money(billed_before)}。",
            f"The balance went from {_money(bal_then)} {W} days ago to {_money(bal_now)} now; invoiced "
            f"{_money(billed_recent)} in the last {W} days against {_money(billed_before)} in the {W} days before.")


def _more_partial_payments(f: _Facts, key: str) -> tuple[str, str, str]:
    W, r_pay, e_pay = f.W, f.r_app, f.e_app   # unapplied cash cannot be partial or not
    n_r, n_e = int(r_pay["partial"].sum()), int(e_pay["partial"].sum())
    sh_r = n_r / len(r_pay) if len(r_pay) else 0.0
    sh_e = n_e / len(e_pay) if len(e_pay) else 0.0
    fired = n_r >= f.th.min_partial and sh_r - sh_e >= f.th.min_partial_gap - 1e-12
    return ("triggered" if fired else "clear",
            f"最近 {W} 天核销到发票的 {len(r_pay)} 笔回款中有 {n_r} 笔只付了发票的一部分（{sh_r:.0%}）；"
            f"此前 {2 * W} 天 {len(e_pay)} 笔中有 {n_e} 笔（{sh_e:.0%}）。",
            f"{n_r} of {len(r_pay)} payments applied to invoices in the last {W} days paid only part of an invoice ({sh_r:.0%}); "
            f"{n_e} of {len(e_pay)} in the {2 * W} days before ({sh_e:.0%}).")


def _over_credit_limit(f: _Facts, key: str) -> tuple[str, str, str]:
    limit = f.info.get("credit_limit", np.nan) if f.listed else np.nan
    if limit is None or pd.isna(limit):
        return _answer(key, "账上没有这个客户的信用额度。", "The ledger has no credit limit for this customer. ")
    limit, bal_now = float(limit), f.bal_now
    over = bal_now > limit
    return ("triggered" if over else "clear",
            f"当前欠款 {_money(bal_now)}，信用额度 {_money(limit)}，"
            + (f"超出 {_money(bal_now - limit)}。" if over else f"尚余 {_money(limit - bal_now)}。"),
            f"The balance is {_money(bal_now)} against a credit limit of {_money(limit)}: "
            + (f"{_money(bal_now - limit)} over." if over else f"{_money(limit - bal_now)} to spare."))


def _unlisted(check):
    """Customer-table signals: the question to answer when the customer is not listed."""
    def wrapped(f: _Facts, key: str) -> tuple[str, str, str]:
        if not f.listed:
            return _answer(key, "客户资料表中没有这个客户。", "The customer table does not list this customer. ")
        return check(f, key)
    wrapped.__doc__ = check.__doc__
    return wrapped


@_unlisted
def _broken_promise(f: _Facts, key: str) -> tuple[str, str, str]:
    if bool(f.info["broken_promise"]):
        return ("triggered", "客户资料记录：对方的付款承诺未兑现。", "The customer record says a promise to pay was broken.")
    return ("clear", "客户资料中没有承诺未兑现的记录。", "The customer record shows no broken promise.")


@_unlisted
def _disputed(f: _Facts, key: str) -> tuple[str, str, str]:
    if bool(f.info["disputed"]):
        return ("triggered", "客户资料记录：存在未解决的争议。", "The customer record shows an open dispute.")
    return ("clear", "客户资料中没有争议记录。", "The customer record shows no dispute.")


_STATUS_WORDS = {"active": ("正常经营", "active"), "distressed": ("经营困难", "in difficulty"),
                 "bankrupt": ("已进入破产程序", "in bankruptcy"), "deregistered": ("已注销", "deregistered")}


@_unlisted
def _status(f: _Facts, key: str) -> tuple[str, str, str]:
    st = str(f.info["status"])
    words = _STATUS_WORDS[st]
    since = f.info.get("status_date")
    zh_since, en_since = ("", "") if st == "active" or pd.isna(since) else \
        (f"（自 {since:%Y-%m-%d}）", f" (since {since:%Y-%m-%d})")
    return ("clear" if st == "active" else "triggered",
            f"客户资料中的经营状态：{words[0]}{zh_since}。", f"Business status in the customer record: {words[1]}{en_since}.")


def _irregular_receipts(f: _Facts, key: str) -> tuple[str, str, str]:
    W, th, recent = f.W, f.th, f.recent
    unit = round(th.round_unit * 100)
    loose = recent[recent["invoice_id"].isna()]
    rounds = recent[recent["partial"] & (recent["cents"] % unit == 0)]
    return ("triggered" if len(loose) or len(rounds) else "clear",
            f"最近 {W} 天有 {len(loose)} 笔未对应发票的回款（合计 {_money(loose['amount'].sum())}），"
            f"{len(rounds)} 笔 {th.round_unit:,.0f} 元整数倍的部分付款。",
            f"In the last {W} days: {len(loose)} receipts not applied to any invoice (total "
            f"{_money(loose['amount'].sum())}) and {len(rounds)} partial payments in round multiples of "
            f"¥{th.round_unit:,.0f}.")


def _from_checklist(f: _Facts, key: str) -> tuple[str, str, str]:
    v = f.checklist.get(key)
    q_zh, q_en = _QUESTIONS[key]
    if v is None:
        return _answer(key)
    if v:
        return ("triggered", f"清单回答“是”：{q_zh}", f"Checklist answer 'yes': {q_en}")
    return ("clear", f"清单回答“否”：{q_zh}", f"Checklist answer 'no': {q_en}")


@dataclass(frozen=True)
class Signal:
    """One danger signal: where it comes from, its names, what triggers it, and the function that checks it."""

    source: str          # "ledger" (computed) or "checklist" (answered by whoever knows the customer)
    zh: str
    en: str
    description: str
    check: Callable[[_Facts, str], tuple[str, str, str]] = _from_checklist


#: Every signal, in the order :func:`danger_signals` lists them.
SIGNAL_TABLE: dict[str, Signal] = {
    "slower_payment": Signal("ledger", "付款越来越慢", "Paying later than before",
                             "amount-weighted days late grew by slower_by_days, or nothing paid lately while overdue",
                             _slower_payment),
    "balance_up_orders_down": Signal("ledger", "欠款增加而进货减少", "Balance growing while orders shrink",
                                     "balance higher than W days ago and less invoiced than in the W days before",
                                     _balance_up_orders_down),
    "more_partial_payments": Signal("ledger", "部分付款增多", "More partial payments",
                                    "at least min_partial part payments lately, share up by min_partial_gap",
                                    _more_partial_payments),
    "over_credit_limit": Signal("ledger", "超出信用额度", "Over the credit limit",
                                "net balance above the customer's credit_limit", _over_credit_limit),
    "broken_promise": Signal("ledger", "付款承诺未兑现", "Broke a promise to pay",
                             "the customer table's broken_promise", _broken_promise),
    "disputed": Signal("ledger", "存在争议", "A dispute is open", "the customer table's disputed", _disputed),
    "status": Signal("ledger", "经营状态异常", "Trouble in the business status",
                     "status distressed, bankrupt or deregistered", _status),
    "irregular_receipts": Signal("ledger", "未核销或整数金额的零星回款", "Unapplied or round-sum receipts",
                                 "unapplied cash or round-sum part payments in the last W days", _irregular_receipts),
    "contact_changed": Signal("checklist", "联系人更换", "New contact person", "checklist answer"),
    "ownership_changed": Signal("checklist", "股东或法定代表人变更", "Change of owners or legal representative",
                                "checklist answer"),
    "address_changed": Signal("checklist", "经营地址变更或人去楼空", "Change of address, or premises empty",
                              "checklist answer"),
    "dispute_when_asked": Signal("checklist", "一催款就提出异议", "Raises disputes only when asked to pay",
                                 "checklist answer"),
    "key_staff_leaving": Signal("checklist", "关键人员离职", "Key staff leaving", "checklist answer"),
    "legal_cases": Signal("checklist", "涉诉或有被执行记录", "Lawsuits or enforcement records", "checklist answer"),
    "asks_longer_terms": Signal("checklist", "要求延长账期", "Asks for longer terms", "checklist answer"),
}
#: key -> (source, Chinese name, English name), derived from :data:`SIGNAL_TABLE`.
SIGNALS: dict[str, tuple[str, str, str]] = {k: (s.source, s.zh, s.en) for k, s in SIGNAL_TABLE.items()}
CHECKLIST_KEYS = tuple(k for k, s in SIGNAL_TABLE.items() if s.source == "checklist")


def _day_str(day: int) -> str:
    """A day number (days since 1970-01-01) as ``YYYY-MM-DD``."""
    return str(np.datetime64(int(day), "D"))
