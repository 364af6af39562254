"""Credit investigation and rating (资信调查与评级).

Three tools for syllabus module m02 (credit management and credit investigation)
and the warning signs of module m03:

* :func:`ratios` — the textbook financial ratios read from a customer's
  statements (流动比率, 速动比率, 资产负债率 …), each with its formula and the usual
  reference point, labelled as a rule of thumb.
* :func:`scorecard` — a transparent 5C scorecard (品格 character, 能力 capacity,
  资本 capital, 担保/抵押 collateral, 条件 conditions) that gives a total out of
  100, a grade A-E and a suggested credit limit, with every step written out.
* :func:`danger_signals` — the early-warning signs of a customer sliding into
  non-payment: those the ledger can show (slower payment, a growing balance on
  shrinking orders, more partial payments, over the limit …) and those only the
  salesperson can answer (a new contact person, new owners, key staff leaving …).

All weights, bands, factors and thresholds below are **example figures** for
teaching: every company sets its own credit policy. Invalid input raises
:class:`ValueError` with a sentence saying what is wrong; nothing returns NaN.
"""
from __future__ import annotations

from .ratios import ITEMS, RATIOS, ratios
from .scorecard import DEFAULT_WEIGHTS, FIVE_C, CreditPolicy, Scorecard, scorecard
from .signals import CHECKLIST_KEYS, SIGNALS, WarningThresholds, danger_signals

__all__ = [
    "ITEMS", "RATIOS", "ratios",
    "FIVE_C", "DEFAULT_WEIGHTS", "CreditPolicy", "Scorecard", "scorecard",
    "SIGNALS", "CHECKLIST_KEYS", "WarningThresholds", "danger_signals",
]
