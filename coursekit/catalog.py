"""The catalog of the 92 techniques: the single source of truth.

``coursekit/data/techniques.yaml`` holds, for each technique of
《销售账款催收92招》, its id, chapter, titles in both languages, stage of the
collection process, compliance level, related ids, the risk grades it suits,
the syllabus module and the notebooks that practise it. The site, the
collection plan and the tests all read it from here.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pandas as pd
import yaml

STAGES = ("prevention", "preparation", "communication", "escalation", "legal", "insolvency")
COMPLIANCE = ("recommended", "caution", "lawful-only-if")

COMPLIANCE_LABELS = {
    "zh": {"recommended": "推荐", "caution": "谨慎使用", "lawful-only-if": "仅限合法形式"},
    "en": {"recommended": "Recommended", "caution": "Use with care", "lawful-only-if": "Lawful form only"},
}
STAGE_LABELS = {
    "zh": {"prevention": "事前预防", "preparation": "催收准备", "communication": "沟通",
           "escalation": "升级施压", "legal": "法律途径", "insolvency": "破产处置"},
    "en": {"prevention": "Prevention", "preparation": "Preparation", "communication": "Communication",
           "escalation": "Escalation", "legal": "Legal action", "insolvency": "Insolvency"},
}


@lru_cache(maxsize=1)
def load_catalog() -> dict:
    """Read and check ``techniques.yaml``; return ``{"chapters": [...], "techniques": [...]}``."""
    text = resources.files("coursekit").joinpath("data/techniques.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    _check(data)
    return data


def _check(data: dict) -> None:
    techs = data["techniques"]
    ids = [t["id"] for t in techs]
    if ids != list(range(1, 93)):
        raise ValueError("techniques.yaml: ids must run 1..92 in order")
    chapter_ids = {c["id"] for c in data["chapters"]}
    slugs = set()
    for t in techs:
        where = f"techniques.yaml: technique {t['id']}"
        if t["chapter"] not in chapter_ids:
            raise ValueError(f"{where}: unknown chapter {t['chapter']}")
        if t["stage"] not in STAGES:
            raise ValueError(f"{where}: stage {t['stage']!r} is not one of {STAGES}")
        if t["compliance"] not in COMPLIANCE:
            raise ValueError(f"{where}: compliance {t['compliance']!r} is not one of {COMPLIANCE}")
        if t["slug"] in slugs:
            raise ValueError(f"{where}: slug {t['slug']!r} is used twice")
        slugs.add(t["slug"])
        bad = [r for r in t["related"] if r not in range(1, 93) or r == t["id"]]
        if bad:
            raise ValueError(f"{where}: related ids {bad} do not exist or point to itself")
        if not set(t["grades"]) <= {1, 2, 3, 4, 5}:
            raise ValueError(f"{where}: grades must be among 1-5")


def techniques() -> pd.DataFrame:
    """All 92 techniques, one row each, indexed by ``id``.

    Columns: chapter, slug, title_zh, title_en, stage, compliance, related,
    grades, module, notebooks, page (the site path ``techniques/NN-slug.md``).
    """
    df = pd.DataFrame(load_catalog()["techniques"]).set_index("id")
    df["page"] = [f"techniques/{i:02d}-{s}.md" for i, s in zip(df.index, df["slug"], strict=False)]
    return df


def chapters() -> pd.DataFrame:
    """The 10 chapters, indexed by ``id``, with Chinese and English titles and summaries."""
    return pd.DataFrame(load_catalog()["chapters"]).set_index("id")


def technique_title(tid: int, lang: str = "zh") -> str:
    """``"技巧48 向客户发送催款函"`` or ``"Technique 48 — ..."`` for a technique id."""
    row = techniques().loc[tid]
    return f"技巧{tid} {row.title_zh}" if lang == "zh" else f"Technique {tid} — {row.title_en}"
