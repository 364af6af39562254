"""One snapshot per as-of date: the open state is computed once, and the modules depend one way."""
import ast
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _owed_by_invoice(invoices, credit):
    """What each invoice still owes once ``credit`` of unapplied cash (customer 甲) is set against them."""
    inv = pd.DataFrame(invoices, columns=["customer", "invoice_id", "invoice_date", "due_date", "amount"])
    pay = pd.DataFrame({"customer": ["甲"], "invoice_id": [None], "payment_date": ["2026-06-01"], "amount": [credit]})
    snap = snapshot_module.snapshot(ck.Ledger(inv, pay), "2026-06-30")
    ids = ck.Ledger(inv, pay).invoices["invoice_id"].to_numpy()
    return dict(zip(ids[snap.sorted_rows], snap.owed / 100, strict=True))


@pytest.mark.parametrize("credit,owed", [
    # B1 and B2 fall due the same day: what reaches them is shared 600 : 400 (Civil Code art. 560)
    (500.0, {"A": 0.0, "B1": 600.0 - 0.6 * 300, "B2": 400.0 - 0.4 * 300, "C": 50.0}),
    (100.0, {"A": 100.0, "B1": 600.0, "B2": 400.0, "C": 50.0}),           # the earlier invoice first
    (1200.0, {"A": 0.0, "B1": 0.0, "B2": 0.0, "C": 50.0}),
    (1230.0, {"A": 0.0, "B1": 0.0, "B2": 0.0, "C": 20.0}),
])
def test_invoices_due_the_same_day_share_the_cash_pro_rata(credit, owed):
    rows = [["甲", "C", "2026-01-01", "2026-05-01", 50.0], ["甲", "B2", "2026-01-01", "2026-03-01", 400.0],
            ["甲", "A", "2026-01-01", "2026-02-01", 200.0], ["甲", "B1", "2026-01-01", "2026-03-01", 600.0]]
    assert _owed_by_invoice(rows, credit) == pytest.approx(owed, abs=0.001)


def test_pro_rata_shares_add_up_to_the_cent():
    rows = [["甲", f"X{i}", "2026-01-01", "2026-03-01", 100.0] for i in range(3)]
    owed = _owed_by_invoice(rows, 100.0)
    assert round(sum(owed.values()), 2) == 200.0
    assert sorted(owed.values()) == [66.66, 66.67, 66.67]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 10**6)), min_size=1, max_size=12),
       st.integers(0, 4 * 10**6))
def test_cash_set_against_invoices_never_overpays_one_and_adds_up(items, cash_cents):
    rows = [["甲", f"I{i}", "2026-01-01", f"2026-0{due}-01", cents / 100] for i, (due, cents) in enumerate(items)]
    owed = _owed_by_invoice(rows, cash_cents / 100)
    amount = {f"I{i}": cents / 100 for i, (_due, cents) in enumerate(items)}
    assert all(-0.001 <= owed[k] <= amount[k] + 0.001 for k in owed)
    assert round(sum(owed.values()), 2) == round(max(sum(amount.values()) - cash_cents / 100, 0), 2)
    # nothing stays owed on an invoice due earlier while a later one received cash
    by_due = {}
    for i, (due, _c) in enumerate(items):
        by_due.setdefault(due, []).append(f"I{i}")
    dues = sorted(by_due)
    for a, b in zip(dues, dues[1:], strict=False):
        if any(owed[k] > 0.001 for k in by_due[a]):
            assert all(abs(owed[k] - amount[k]) < 0.001 for k in by_due[b])
