"""The workbook holds both languages: each markdown cell tagged ``lang-zh`` is followed by
its English twin tagged ``lang-en``, so the two cannot drift apart, and the site and the
student copies keep one language each (hooks/notebook_pages.notebook_for)."""
import re
from pathlib import Path

import nbformat
import pytest

from hooks.notebook_pages import notebook_for

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def _lang(cell):
    tags = [t for t in cell.get("metadata", {}).get("tags", []) if t.startswith("lang-")]
    return tags[0][5:] if tags else None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_chinese_cell_has_its_english_twin(path):
    cells = nbformat.read(path, as_version=4).cells
    for i, cell in enumerate(cells):
        if _lang(cell) == "zh":
            assert i + 1 < len(cells) and _lang(cells[i + 1]) == "en", f"{path.name} cell {i}: no English twin after it"
        if _lang(cell) == "en":
            assert i and _lang(cells[i - 1]) == "zh", f"{path.name} cell {i}: an English cell without its Chinese one"
        if cell.cell_type == "markdown" and _lang(cell) is None:
            prose = re.sub(r"`[^`]*`|\$[^$]*\$|\]\([^)]*\)", "", cell.source)
            assert not re.search(r"[\u3400-\u9fff]{2}", prose) or not re.search(r"[A-Za-z]{4} [A-Za-z]{4}", prose), \
                f"{path.name} cell {i}: untagged prose in both languages; split it into lang-zh and lang-en cells"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_language_keeps_its_own_cells_and_all_code(path):
    nb = nbformat.read(path, as_version=4)
    for lang, other in (("zh", "en"), ("en", "zh")):
        kept = notebook_for(nb, lang)["cells"]
        assert not [c for c in kept if _lang(c) == other]
        assert len([c for c in kept if _lang(c) == lang]) == len([c for c in nb.cells if _lang(c) == lang])
        untagged_code = [c for c in nb.cells if c.cell_type == "code" and _lang(c) is None]
        assert [c for c in kept if c.cell_type == "code" and _lang(c) is None] == untagged_code
