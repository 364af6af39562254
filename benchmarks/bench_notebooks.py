"""Time each workbook notebook run top to bottom in a fresh kernel.

Targets: each notebook under 20 s, the whole workbook under 2 minutes.
Run: .venv/bin/python benchmarks/bench_notebooks.py
"""
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def main():
    total = 0.0
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        t = time.perf_counter()
        NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
        took = time.perf_counter() - t
        total += took
        print(f"{path.stem:28s} {took:6.1f} s{'  (over 20 s!)' if took > 20 else ''}")
    print(f"{'whole workbook':28s} {total:6.1f} s{'  (over 2 minutes!)' if total > 120 else ''}")


if __name__ == "__main__":
    main()
