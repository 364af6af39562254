"""The workbook: stored outputs present, lesson structure, correct solutions, fresh student copies.

nbval (run by `make test`) re-executes every notebook and compares the outputs; these
tests check what nbval does not.
"""
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
LESSONS = [p for p in NOTEBOOKS if not p.name.startswith("00-")]


def cells(path):
    return nbformat.read(path, as_version=4).cells


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_outputs_are_stored(path):
    code = [c for c in cells(path) if c.cell_type == "code"]
    not_run = [i for i, c in enumerate(code) if c.execution_count is None]
    assert not not_run, f"{path.name}: code cells {not_run} were never run; execute the notebook and commit it"
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1)), f"{path.name}: run it top to bottom in a fresh kernel"
    assert any("image/png" in o.get("data", {}) for c in code for o in c.outputs), f"{path.name}: no chart"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_solutions_pass_their_checks(path):
    for c in cells(path):
        if "solution" in tags(c) and "check(" in c.source:
            text = "".join(str(o.get("data", {}).get("text/plain", o.get("text", ""))) for o in c.outputs)
            assert "✅" in text, f"{path.name}: a solution does not pass its own check:\n{c.source}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_noise_in_outputs(path):
    for c in cells(path):
        for o in c.get("outputs", []):
            assert o.get("name") != "stderr", f"{path.name}: stderr output (warnings or font messages): {o.get('text', '')[:200]}"
            assert o.output_type != "error", f"{path.name}: an error is stored"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_structure(path):
    cs = cells(path)
    text = "\n".join(c.source for c in cs if c.cell_type == "markdown")
    for heading in ("你将学到", "练习的技巧", "小结", "用你自己的数据"):
        assert heading in text, f"{path.name}: missing the '{heading}' part of the lesson template"
    assert re.search(r"\[\[t:\d+\]\]|techniques/\d{2}-", text), f"{path.name}: link the techniques it practises"
    solutions = [c for c in cs if "solution" in tags(c)]
    assert len(solutions) >= 3, f"{path.name}: at least three exercises with solution cells tagged 'solution'"
    checks = set(re.findall(r'check\("(\d\d\.\d+)"', "\n".join(c.source for c in cs)))
    assert len(checks) >= 3, f"{path.name}: each exercise needs a check the learner can run"


def test_student_copies_are_fresh():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "student_copies.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_student_copy_has_no_solutions_and_no_outputs():
    sys.path.insert(0, str(ROOT / "tools"))
    from student_copies import student_copy

    for path in NOTEBOOKS:
        nb = student_copy(nbformat.read(path, as_version=4))
        assert not any("solution" in tags(c) for c in nb.cells)
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_checks_say_what_is_off_without_the_answer():
    from coursekit.exercises import check, expect_number

    fb = expect_number(120, 100)
    assert not fb.ok and "too high" in fb.message and "100" not in fb.message
    assert check("00.1", None).ok is False
    with pytest.raises(ValueError, match="no exercise"):
        check("00.9", 1)
