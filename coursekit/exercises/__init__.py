"""Checks for the workbook's exercises: say "right", or what is off, without giving the answer away.

Each notebook ``NN-topic`` has a module ``coursekit.exercises.nbNN`` with a dict
``CHECKS`` of exercise id → function(answer) → :class:`Feedback`. Learners call

>>> from coursekit.exercises import check
>>> check("01.2", my_answer)          # doctest: +SKIP
✅ 正确 · Correct

The expected answers are computed with coursekit itself on the notebook's sample
ledger, so they can never drift from the code.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["Feedback", "check", "expect_number", "expect_items", "expect_table", "expect_choice"]


@dataclass(frozen=True)
class Feedback:
    """The result of a check: ``ok`` and a bilingual message."""

    ok: bool
    message: str

    def __repr__(self) -> str:
        return self.message

    def __bool__(self) -> bool:
        return self.ok


def _right() -> Feedback:
    return Feedback(True, "✅ 正确 · Correct")


def _wrong(zh: str, en: str) -> Feedback:
    return Feedback(False, f"❌ 还不对：{zh} · Not yet: {en}")


def check(exercise: str, answer) -> Feedback:
    """Check ``answer`` for exercise ``"NN.k"`` (notebook NN, exercise k)."""
    nb = exercise.split(".")[0]
    try:
        module = importlib.import_module(f"{__name__}.nb{nb}")
    except ModuleNotFoundError:
        raise ValueError(f"there is no exercise {exercise!r}") from None
    if exercise not in module.CHECKS:
        raise ValueError(f"there is no exercise {exercise!r}; this notebook has {', '.join(module.CHECKS)}")
    return module.CHECKS[exercise](answer)


def _as_number(answer):
    if isinstance(answer, (pd.Series, pd.DataFrame)) and answer.size == 1:
        answer = answer.to_numpy().ravel()[0]
    try:
        return float(answer)
    except (TypeError, ValueError):
        return None


def expect_number(answer, expected: float, *, tol: float = 0.01, hint_zh: str = "", hint_en: str = "") -> Feedback:
    """Right when ``answer`` is within ``tol`` of ``expected``; otherwise say too high / too low."""
    x = _as_number(answer)
    if x is None:
        return _wrong("请给出一个数字。", "give a single number.")
    if abs(x - expected) <= tol:
        return _right()
    direction = ("偏大", "too high") if x > expected else ("偏小", "too low")
    return _wrong(f"你的结果{direction[0]}。{hint_zh}", f"your result is {direction[1]}. {hint_en}".strip())


def expect_items(answer, expected, *, ordered: bool = False, hint_zh: str = "", hint_en: str = "") -> Feedback:
    """Right when ``answer`` holds exactly the ``expected`` items (in order if ``ordered``)."""
    try:
        got = list(answer.index if isinstance(answer, pd.DataFrame) else answer)
    except TypeError:
        return _wrong("请给出一个列表。", "give a list.")
    want = list(expected)
    if (got == want) if ordered else (sorted(map(str, got)) == sorted(map(str, want))):
        return _right()
    missing = len(set(map(str, want)) - set(map(str, got)))
    extra = len(set(map(str, got)) - set(map(str, want)))
    if not missing and not extra:
        return _wrong(f"内容对了，顺序不对。{hint_zh}", f"the right items in the wrong order. {hint_en}".strip())
    return _wrong(f"少了 {missing} 项，多了 {extra} 项。{hint_zh}",
                  f"{missing} missing and {extra} that should not be there. {hint_en}".strip())


def expect_table(answer, expected: pd.DataFrame, *, tol: float = 0.01, hint_zh: str = "", hint_en: str = "") -> Feedback:
    """Right when ``answer`` has the expected rows and columns and the numbers agree within ``tol``."""
    if not isinstance(answer, pd.DataFrame):
        return _wrong("请给出一个 DataFrame 表格。", "give a DataFrame.")
    if set(map(str, answer.columns)) != set(map(str, expected.columns)):
        return _wrong(f"列不对，应有：{', '.join(map(str, expected.columns))}。", f"the columns should be: {', '.join(map(str, expected.columns))}.")
    if set(map(str, answer.index)) != set(map(str, expected.index)):
        return _wrong(f"行数或行名不对（应有 {len(expected)} 行）。{hint_zh}", f"the rows are not right (expect {len(expected)}). {hint_en}".strip())
    a = answer.loc[expected.index, expected.columns]
    num = expected.select_dtypes("number").columns
    off = (np.abs(a[num].to_numpy(dtype=float) - expected[num].to_numpy(dtype=float)) > tol).sum() if len(num) else 0
    if off:
        return _wrong(f"有 {off} 个数不对。{hint_zh}", f"{off} numbers are off. {hint_en}".strip())
    return _right()


def expect_choice(answer, expected, *, hint_zh: str = "", hint_en: str = "") -> Feedback:
    """Right when ``answer`` equals ``expected`` (a choice such as "武收" or a grade)."""
    if str(answer).strip().lower() == str(expected).strip().lower():
        return _right()
    return _wrong(hint_zh or "再想想。", hint_en or "think again.")
