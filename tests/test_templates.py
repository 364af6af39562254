"""Templates are generated from the code, so their columns follow the API's tables."""
import pandas as pd

import coursekit as ck
from coursekit.export import with_headers
from coursekit.templates import TEMPLATES, write_templates


def test_every_template_is_written_and_in_step_with_the_api(tmp_path):
    written = {p.name for p in write_templates(tmp_path)}
    assert written == set(TEMPLATES["zh"]) | set(TEMPLATES["en"])
    ledger = ck.load_ledger(ck.sample.sample_path())
    for lang in ("zh", "en"):
        plan = pd.read_excel(tmp_path / f"collection-plan-{lang}.xlsx")
        api = with_headers(ck.collection_plan(ledger, "2026-10-31", lang=lang), lang)
        assert list(plan.columns) == list(api.columns)
        record = pd.read_excel(tmp_path / f"aging-record-{lang}.xlsx", sheet_name=None)
        assert list(next(iter(record.values())).columns) == list(with_headers(ck.open_items(ledger, "2026-10-31"), lang).columns)


def test_letters_cite_the_law_they_rely_on(tmp_path):
    write_templates(tmp_path)
    assert "第195条" in (tmp_path / "demand-letter-zh.txt").read_text(encoding="utf-8")
    assert "art. 195" in (tmp_path / "balance-confirmation-en.txt").read_text(encoding="utf-8")
    for lang in ("zh", "en"):
        text = (tmp_path / f"demand-letter-{lang}.txt").read_text(encoding="utf-8")
        assert "后果自负" not in text.split("——")[0] and "consequences" not in text.split("--")[0]
