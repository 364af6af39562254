"""The course's five-level risk scale by days overdue (风险等级), with no overrides.

Kept apart from :mod:`coursekit.risk` so that the open items (:mod:`coursekit.aging`)
can carry each invoice's grade by age while the dependencies still run one way:
``ledger → scale → snapshot → aging → risk → plan → report``. The customer-level
grades with their overrides (bankruptcy, disputes, limitation) are in
:func:`coursekit.risk.risk_grades`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["GRADES", "RiskScale", "DEFAULT_SCALE", "grade_for_days", "grade_name"]

GRADES = {
    5: {"zh": "未收款", "en": "not yet due"},
    4: {"zh": "催收款", "en": "in collection"},
    3: {"zh": "准呆账", "en": "doubtful"},
    2: {"zh": "呆账", "en": "bad"},
    1: {"zh": "死账", "en": "dead"},
}


def grade_name(grade: int, lang: str = "zh") -> str:
    """The name of a grade: ``grade_name(3)`` → ``"准呆账"``, ``grade_name(3, "en")`` → ``"doubtful"``."""
    return GRADES[int(grade)][lang]


@dataclass(frozen=True)
class RiskScale:
    """Upper edges, in days overdue, of grades 4 (催收款), 3 (准呆账) and 2 (呆账)."""

    collecting: int = 90
    doubtful: int = 180
    bad: int = 365

    def __post_init__(self):
        if not 0 < self.collecting < self.doubtful < self.bad:
            raise ValueError("RiskScale needs 0 < collecting < doubtful < bad (days overdue)")


DEFAULT_SCALE = RiskScale()


def grade_for_days(days_overdue, scale: RiskScale = DEFAULT_SCALE) -> np.ndarray:
    """Grade 5..1 from days overdue alone (no overrides). Never improves as days grow."""
    d = np.asarray(days_overdue)
    edges = np.array([0, scale.collecting, scale.doubtful, scale.bad])
    return (5 - np.searchsorted(edges, d, side="left")).astype(np.int64)
