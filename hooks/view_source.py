"""Publish each page's Markdown source beside the site, for the "view source" button,
and the student copies of the notebooks, for their download button.

The site has no third-party host to link to (it must work offline), so the
source of every page is copied to ``<site>/_source/<path>`` at the end of each
language's build and ``overrides/main.html`` links to it.
"""
import shutil
from pathlib import Path


def on_post_build(config, **kwargs):
    docs, out = Path(config["docs_dir"]), Path(config["site_dir"]) / "_source"
    for src in docs.rglob("*.md"):
        rel = src.relative_to(docs)
        if rel.parts[0] in ("overrides",):
            continue
        dest = out / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
    students = Path(config["docs_dir"]).resolve().parent / "notebooks" / "student"
    for nb in students.glob("*.ipynb"):
        dest = Path(config["site_dir"]) / "notebooks" / "student" / nb.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(nb, dest)
