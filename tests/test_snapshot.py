"""One snapshot per as-of date: the open state is computed once, and the modules depend one way."""
import ast
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import coursekit as ck
from coursekit import snapshot as snapshot_module
from coursekit.report import build_report
from coursekit.risk import limitation_deadlines


@pytest.fixture
def counted(monkeypatch):
    """Count the days for which the open state is computed."""
    days = Counter()
    real = snapshot_module._open_state

    def spy(ledger, day):
        days[day] += 1
        return real(ledger, day)

    monkeypatch.setattr(snapshot_module, "_open_state", spy)
    return days


def test_a_report_computes_the_open_state_once_per_as_of_date(counted):
    ledger = ck.sample_ledger(seed=11)
    build_report(ledger, "2026-10-31", charts=True)
    assert counted, "the report did not go through the snapshot"
    assert max(counted.values()) == 1, {d: n for d, n in counted.items() if n > 1}
    as_of = snapshot_module.as_day("2026-10-31")
    assert counted[as_of] == 1
    # aging, the DSO period start and the month-ends of the trend chart: nothing else
    assert len(counted) <= 2 + 12


def test_every_consumer_reads_the_same_snapshot(counted):
    ledger = ck.sample_ledger(seed=5)
    day = "2026-06-30"
    ck.aging(ledger, day)
    ck.open_items(ledger, day)
    ck.risk_grades(ledger, day)
    ck.collection_plan(ledger, day)
    limitation_deadlines(ledger, day)
    from coursekit.aging import aging_quadrant, balances_as_of

    aging_quadrant(ledger, day)
    balances_as_of(ledger, day)
    ck.provision.provision_matrix(ledger, day)
    ck.provision.aging_by_years(ledger, day)
    assert counted == Counter({snapshot_module.as_day(day): 1})


def test_a_new_ledger_or_replaced_table_gets_a_fresh_snapshot(counted):
    tables = ck.sample.sample_tables(seed=5)
    a = ck.Ledger(tables["invoices"], tables["payments"], tables["customers"])
    before = ck.risk_grades(a, "2026-06-30")
    customers = tables["customers"].copy()
    who = before.index[-1]
    customers.loc[customers["customer"] == who, "status"] = "bankrupt"
    b = ck.Ledger(tables["invoices"], tables["payments"], customers)
    after = ck.risk_grades(b, "2026-06-30")
    assert after.loc[who, "grade"] == 1 and before.loc[who, "grade"] != 1
    assert sum(counted.values()) == 2


def test_results_are_copies_so_callers_cannot_corrupt_the_cache():
    ledger = ck.sample_ledger(seed=5)
    g = ck.risk_grades(ledger, "2026-06-30")
    g["grade"] = 0
    assert (ck.risk_grades(ledger, "2026-06-30")["grade"] > 0).all()
    items = ck.open_items(ledger, "2026-06-30")
    items.loc[:, "outstanding"] = 0.0
    assert ck.open_items(ledger, "2026-06-30")["outstanding"].gt(0).all()


def _imports(module: Path) -> set[str]:
    """The coursekit modules ``module`` imports, at the top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.add((node.module or "").split(".")[0])
    return found


ORDER = ["ledger", "scale", "legal", "snapshot", "aging", "metrics", "provision", "risk", "plan", "report"]


def test_dependencies_run_one_way():
    root = Path(ck.__file__).parent
    for i, name in enumerate(ORDER):
        later = set(ORDER[i + 1:])
        wrong = _imports(root / f"{name}.py") & later
        assert not wrong, f"{name} imports {wrong}, which come after it in {ORDER}"


def test_open_items_keep_their_order_and_columns():
    ledger = ck.sample_ledger(seed=7)
    items = ck.open_items(ledger, "2026-06-30")
    assert items.equals(items.sort_values(["customer", "due_date", "invoice_id"], kind="stable").reset_index(drop=True))
    assert "_row" not in items.columns
    assert (items["outstanding"] > 0).all() and (items["invoice_date"] <= pd.Timestamp("2026-06-30")).all()
