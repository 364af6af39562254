"""Write the student copy of every notebook: solution cells removed, outputs cleared.

    python tools/student_copies.py          # writes notebooks/student/*.ipynb
    python tools/student_copies.py --check  # exit 1 if any student copy is missing or stale

A cell is a solution when it has the tag ``solution``. tests/test_notebooks.py runs
the check, so a student copy can never drift from its notebook.
"""
import argparse
import json
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "notebooks"
OUT = SRC / "student"
NOTE_ZH = "> 学生版：答案单元格已移除，输出已清空。完成后用 `check(...)` 自查。"
NOTE_EN = "> Student copy: solution cells removed and outputs cleared. Check yourself with `check(...)`."


def student_copy(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    out = nbformat.v4.new_notebook(metadata=nb.metadata)
    out.cells = [nbformat.v4.new_markdown_cell(f"{NOTE_ZH}\n>\n{NOTE_EN}")]
    for cell in nb.cells:
        if "solution" in cell.get("metadata", {}).get("tags", []):
            continue
        cell = nbformat.from_dict(json.loads(json.dumps(cell)))
        cell.pop("id", None)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        out.cells.append(cell)
    for i, cell in enumerate(out.cells):
        cell["id"] = f"cell-{i:03d}"
    return out


def render(path: Path) -> str:
    return nbformat.writes(student_copy(nbformat.read(path, as_version=4))) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    stale = []
    for path in sorted(SRC.glob("*.ipynb")):
        target, text = OUT / path.name, render(path)
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(target.name)
        else:
            target.write_text(text, encoding="utf-8")
    names = {p.name for p in SRC.glob("*.ipynb")}
    orphans = [p.name for p in OUT.glob("*.ipynb") if p.name not in names]
    if args.check and (stale or orphans):
        print("stale or missing student copies:", ", ".join(stale + orphans), "- run: python tools/student_copies.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
