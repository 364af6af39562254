"""Write the student copy of every notebook: solution cells removed, outputs cleared.

    python tools/student_copies.py          # writes notebooks/student/*.ipynb (Chinese)
                                            # and notebooks/student/en/*.ipynb (English)
    python tools/student_copies.py --check  # exit 1 if any student copy is missing or stale

A cell is a solution when it has the tag ``solution``. Markdown cells tagged ``lang-zh``
or ``lang-en`` go only into that language's copy (the same rule as the site, from
hooks/notebook_pages.py). tests/test_notebooks.py runs the check, so a student copy can
never drift from its notebook.
"""
import argparse
import json
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "notebooks"
OUT = {"zh": SRC / "student", "en": SRC / "student" / "en"}
NOTE = {"zh": "> 学生版：答案单元格已移除，输出已清空。完成后用 `check(...)` 自查。",
        "en": "> Student copy: solution cells removed and outputs cleared. Check yourself with `check(...)`."}
sys.path.insert(0, str(ROOT))
from hooks.notebook_pages import notebook_for  # noqa: E402  (one rule for the site and the copies)


def student_copy(nb: nbformat.NotebookNode, lang: str = "zh") -> nbformat.NotebookNode:
    nb = nbformat.from_dict(notebook_for(nb, lang))
    out = nbformat.v4.new_notebook(metadata=nb.metadata)
    out.cells = [nbformat.v4.new_markdown_cell(NOTE[lang])]
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


def render(path: Path, lang: str = "zh") -> str:
    return nbformat.writes(student_copy(nbformat.read(path, as_version=4), lang)) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    stale, orphans = [], []
    names = {p.name for p in SRC.glob("*.ipynb")}
    for lang, out in OUT.items():
        out.mkdir(exist_ok=True)
        for path in sorted(SRC.glob("*.ipynb")):
            target, text = out / path.name, render(path, lang)
            if args.check:
                if not target.exists() or target.read_text(encoding="utf-8") != text:
                    stale.append(str(target.relative_to(SRC)))
            else:
                target.write_text(text, encoding="utf-8")
        orphans += [str(p.relative_to(SRC)) for p in out.glob("*.ipynb") if p.name not in names]
    if args.check and (stale or orphans):
        print("stale or missing student copies:", ", ".join(stale + orphans), "- run: python tools/student_copies.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
