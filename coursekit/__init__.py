"""coursekit: the computations behind the Receivables Collection Course (回款实战课堂).

>>> import coursekit as ck
>>> ledger = ck.sample_ledger(seed=7)
>>> table = ck.aging(ledger, "2026-10-31")
"""
from . import (
    catalog,
    credit,
    export,
    legal,
    metrics,
    negotiation,
    provision,
    report,
    sample,
    templates,
    worked,
)
from .aging import aging, open_items
from .catalog import chapters, techniques
from .excel_tool import write_excel_tool  # noqa: F401 (public: the Excel tool, 账龄分析表格)
from .ledger import AsOfError, Ledger, LedgerError, load_ledger
from .metrics import dso
from .plan import PlanSettings, collection_plan
from .risk import GRADES, RiskScale, grade_name, risk_grades
from .sample import SCENARIOS, sample_ledger

__version__ = "0.1.0"

__all__ = [
    "Ledger", "LedgerError", "AsOfError", "load_ledger", "sample_ledger", "SCENARIOS",
    "open_items", "aging", "dso", "metrics", "legal", "catalog",
    "risk_grades", "RiskScale", "GRADES", "grade_name",
    "collection_plan", "PlanSettings", "techniques", "chapters", "export", "sample", "plot",
    "credit", "provision", "negotiation", "report", "templates", "worked",
]


def __getattr__(name):
    # ck.plot imports matplotlib, which is slow: load it only when asked for.
    if name == "plot":
        import importlib

        return importlib.import_module(".plot", __name__)
    raise AttributeError(f"module 'coursekit' has no attribute {name!r}")
