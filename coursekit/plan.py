"""The collection plan (债务催收表): who to chase first, how, and by when.

Built from the risk grades. For each customer with an open balance the plan gives

* a **priority** (1 = first). Deadlines come first: customers whose limitation
  period expires within ``PlanSettings.limitation_warning_days`` (a delivered demand
  or a signed acknowledgement restarts it, Civil Code art. 195, and missing the date
  can cost the whole debt) and bankrupt customers (claims must be filed within the
  period the court announces, 30 days to 3 months, Enterprise Bankruptcy Law art. 45).
  The rest are ordered by ``expected_recovery`` = overdue amount × the recovery
  weight of the grade (a teaching assumption, based on the outline's observation
  that about 80% of debts under two years old are recovered and about 20% of older
  ones), larger first. The order measures what can still come back, so a doubtful
  debt ranks below a fresher one of the same size; the ``approach`` and
  ``next_action`` are what make a bad-faith debtor's treatment firmer.
* the **approach**: 文收 (soft: reminders, visits, helping the customer sell) for
  customers who cooperate, 武收 (firm: stopping supply, lawyer's letters, payment
  orders, suit) for those acting in bad faith — the rule in the 2-day course
  outline. Where cooperation is not recorded, grades 5-3 start soft and grades 2-1
  firm; a broken promise makes it firm.
* the **next action**, the technique ids of the 92-technique catalog it applies,
  a follow-up date and the limitation expiry of the oldest open debt.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .ledger import Ledger
from .risk import DEFAULT_SCALE, RiskScale, risk_grades
from .snapshot import snapshot

__all__ = ["PlanSettings", "collection_plan", "ACTIONS"]


@dataclass(frozen=True)
class PlanSettings:
    """Knobs of the plan, all stated in days or as fractions."""

    limitation_warning_days: int = 180
    recovery_weight: dict = field(default_factory=lambda: {5: 1.0, 4: 0.9, 3: 0.7, 2: 0.5, 1: 0.2})
    follow_up_days: dict = field(default_factory=lambda: {5: 14, 4: 7, 3: 5, 2: 3, 1: 7})


# (situation, approach) -> (zh, en, technique ids)
ACTIONS = {
    ("not_due", "soft"): ("到期前一周发友好提醒并核对对账单", "Send a friendly reminder a week before the due date and confirm the statement", [15, 48]),
    ("not_due", "firm"): ("到期前书面确认付款日期，超出信用额度的新订单先收款后发货", "Confirm the payment date in writing before it falls due; ship orders beyond the credit limit only against payment", [48, 10, 65]),
    ("collect", "soft"): ("电话跟进并发送书面催款提醒，约定具体付款日期", "Call, send a written reminder and agree a specific payment date", [36, 48, 25]),
    ("collect", "firm"): ("发出正式催款函（要求签收），暂停新的赊销发货", "Send a formal demand letter (signed for) and pause new credit shipments", [49, 51, 52]),
    ("doubtful", "soft"): ("约见决策人，签订书面还款计划和对账确认", "Meet the decision-maker; sign a written repayment plan and balance confirmation", [19, 54, 57]),
    ("doubtful", "firm"): ("委托律师发函，整理合同、送货单和对账单等证据", "Have a lawyer send a letter; assemble contract, delivery notes and statements as evidence", [50, 52, 53]),
    ("bad", "soft"): ("协商分期或以物抵债，取得书面确认以中断时效", "Negotiate instalments or settlement in goods, in writing, which also interrupts limitation", [57, 90, 81]),
    ("bad", "firm"): ("无争议的申请支付令，否则起诉并申请财产保全", "Apply for a payment order if undisputed; otherwise sue and apply for property preservation", [85, 86, 80]),
    ("dead", "soft"): ("争取书面还款承诺；无法收回的按规定核销", "Seek a written promise to pay; write off what cannot be recovered, following the rules", [57, 66]),
    ("dead", "firm"): ("评估诉讼或仲裁的成本与可执行财产，决定起诉或核销", "Weigh the cost of suit or arbitration against assets to enforce on; sue or write off", [80, 82, 66]),
    ("dispute", "soft"): ("先解决争议：逐笔核对单据，必要时申请调解", "Settle the dispute first: reconcile each document and, if needed, mediate", [52, 53, 81]),
    ("dispute", "firm"): ("先解决争议：固定证据，调解不成再起诉", "Settle the dispute first: secure the evidence, mediate, then sue if that fails", [52, 81, 80]),
    ("bankrupt", "firm"): ("在法院公告的期限内申报债权并附证据", "File the claim with evidence within the period the court announces", [88, 53]),
    ("bankrupt_late", "firm"): ("受理破产已超过三个月，申报期可能已过：向管理人核实；已过的，在破产财产最后分配前补充申报"
                                "（企业破产法第56条：已进行的分配不再补分，审查费用由补充申报人承担）",
                                "The bankruptcy was accepted more than three months ago, so the claim period may be over: "
                                "ask the administrator; if it is, file a late claim before the final distribution "
                                "(Enterprise Bankruptcy Law art. 56: no share of distributions already made, and you bear "
                                "the cost of reviewing it)", [88, 53]),
    ("deregistered", "firm"): ("核查清算责任人与股东责任，咨询律师后决定起诉或核销", "Check who was responsible for liquidation; take legal advice before suing or writing off", [80, 66]),
    ("expired", "soft"): ("争取债务人书面同意还款（时效届满后同意还款不得反悔），否则核销", "Seek the debtor's written agreement to pay (binding even after expiry); otherwise write off", [57, 84, 66]),
    ("limitation", "soft"): ("时效即将届满：立即取得对账确认或送达催款函以中断时效", "Limitation expires soon: get a signed balance confirmation or deliver a demand now", [84, 49, 57]),
    ("limitation", "firm"): ("时效即将届满：立即送达催款函（留存签收凭证）或起诉", "Limitation expires soon: deliver a demand now (keep proof of delivery) or sue", [84, 49, 80]),
}
_SITUATION = {5: "not_due", 4: "collect", 3: "doubtful", 2: "bad", 1: "dead"}
_APPROACH_WORD = {"zh": {"soft": "文收", "firm": "武收"}, "en": {"soft": "soft", "firm": "firm"}}


def collection_plan(ledger: Ledger, as_of, lang: str = "zh", scale: RiskScale = DEFAULT_SCALE,
                    settings: PlanSettings | None = None) -> pd.DataFrame:
    """The collection plan as of ``as_of``, one row per customer with an open balance.

    Returns
    -------
    DataFrame with ``priority, customer, grade, grade_name, outstanding, overdue,
    expected_recovery, deadline, max_days_overdue, approach, next_action, techniques,
    follow_up, limitation_expiry, days_to_limitation, reason``; ``deadline`` marks the
    customers ranked first because a legal deadline is near. ``techniques`` lists technique ids from the catalog
    (:func:`coursekit.techniques`); text columns are in ``lang`` (``"zh"`` or ``"en"``).
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    settings = settings or PlanSettings()
    snap = snapshot(ledger, as_of)
    grades = risk_grades(ledger, as_of, scale)
    grades = grades[grades["outstanding"] > 0]
    if grades.empty:
        return pd.DataFrame(columns=_COLUMNS)
    info = snap.customer_info().reindex(grades.index)
    today = snap.date
    grade = grades["grade"].to_numpy()
    days_left = (grades["limitation_expiry"] - today).dt.days.to_numpy()
    situation, approach = _situations(grades, info, days_left, settings, today)
    urgent = np.isin(situation, ["limitation", "bankrupt", "bankrupt_late"])
    follow_days = np.array([settings.follow_up_days[g] for g in grade])
    follow_days = np.where(urgent, np.minimum(follow_days, np.maximum(days_left, 1)), follow_days)
    actions = [ACTIONS[(s, a)] for s, a in zip(situation, approach, strict=True)]
    text = 0 if lang == "zh" else 1
    weight = np.array([settings.recovery_weight[g] for g in grade])
    plan = pd.DataFrame({
        "customer": grades.index.to_numpy(dtype=object), "grade": grade,
        "grade_name": grades["grade_zh" if lang == "zh" else "grade_en"].to_numpy(),
        "outstanding": grades["outstanding"].to_numpy(), "overdue": grades["overdue"].to_numpy(),
        "max_days_overdue": grades["max_days_overdue"].to_numpy().astype(np.int64),
        "approach": [_APPROACH_WORD[lang][a] for a in approach], "next_action": [a[text] for a in actions],
        "techniques": [list(a[2]) for a in actions],
        "follow_up": (today + pd.to_timedelta(follow_days, unit="D")).date,
        "limitation_expiry": grades["limitation_expiry"].dt.date.to_numpy(), "days_to_limitation": days_left,
        "reason": grades["reason_zh" if lang == "zh" else "reason_en"].to_numpy(),
        "deadline": urgent, "expected_recovery": np.round(grades["overdue"].to_numpy() * weight, 2),
    })
    plan = plan.sort_values(["deadline", "expected_recovery", "outstanding", "customer"],
                            ascending=[False, False, False, True], kind="stable").reset_index(drop=True)
    plan.insert(0, "priority", np.arange(1, len(plan) + 1))
    return plan[_COLUMNS]


_COLUMNS = ["priority", "customer", "grade", "grade_name", "outstanding", "overdue", "expected_recovery", "deadline",
            "max_days_overdue", "approach", "next_action", "techniques", "follow_up", "limitation_expiry",
            "days_to_limitation", "reason"]


def _situations(grades: pd.DataFrame, info: pd.DataFrame, days_left: np.ndarray, settings: PlanSettings,
                today: pd.Timestamp):
    """Each customer's situation (a key of :data:`ACTIONS`) and approach (``soft`` or ``firm``).

    Approach: a broken promise or recorded non-cooperation is firm, recorded cooperation
    soft, otherwise grades 5-3 soft and 2-1 firm. Situation, first that applies:
    bankrupt or deregistered (firm; a bankruptcy accepted more than three months ago,
    the longest claim period the court can set under Enterprise Bankruptcy Law art. 45,
    is ``bankrupt_late``: a late claim under art. 56); limitation expired (soft: seek an agreement to pay);
    overdue with the limitation date within ``limitation_warning_days``; disputed; else by grade.
    """
    grade = grades["grade"].to_numpy()
    coop = info["cooperative"].astype("boolean")
    known = coop.notna().to_numpy()
    cooperative = coop.fillna(False).to_numpy(dtype=bool)
    broken = info["broken_promise"].fillna(False).to_numpy(dtype=bool)
    firm = broken | (known & ~cooperative) | (~known & (grade < 3))
    approach = np.where(firm, "firm", "soft").astype(object)
    status = info["status"].to_numpy(dtype=object)
    gone = np.isin(status, ["bankrupt", "deregistered"])
    expired = ~gone & (days_left < 0)
    near = ~gone & ~expired & (grades["overdue"].to_numpy() > 0) & (days_left <= settings.limitation_warning_days)
    disputed = ~gone & ~expired & ~near & info["disputed"].fillna(False).to_numpy(dtype=bool)
    by_grade = np.array([_SITUATION[g] for g in grade], dtype=object)
    situation = np.select([gone, expired, near, disputed], [status, "expired", "limitation", "dispute"], by_grade)
    approach = np.where(gone, "firm", np.where(expired, "soft", approach))
    late = (status == "bankrupt") & (info["status_date"] + pd.DateOffset(months=3) < today).to_numpy()
    situation = np.where(late, "bankrupt_late", situation)
    return situation.astype(object), approach.astype(object)
