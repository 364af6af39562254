import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SOURCES = ROOT.parent / "shared" / "sources"


def split_front_matter(text: str) -> tuple[dict, str]:
    import yaml

    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, flags=re.S)
    if not m:
        return {}, text
    return yaml.safe_load(m.group(1)) or {}, m.group(2)


@pytest.fixture(scope="session")
def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Build the whole site once per test run (strict), into a temporary folder."""
    import subprocess
    import sys

    prebuilt = os.environ.get("COURSEKIT_SITE_DIR")
    if prebuilt:  # reuse a site built by hand, for quick iterations on the site tests
        return Path(prebuilt)
    out = tmp_path_factory.mktemp("site")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    proc = subprocess.run([str(mkdocs), "build", "--strict", "--quiet", "-d", str(out)], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}"
    return out


def copied_runs(text: str, grams: set[str]) -> list[str]:
    """Runs of 20 characters of ``text`` (whitespace ignored; technique and chapter titles,
    which are facts, allowed) that also stand in the source documents."""
    from coursekit import catalog

    titles = {re.sub(r"\s+", "", t) for t in list(catalog.techniques().title_zh) + list(catalog.chapters().title_zh)}
    text = re.sub(r"\s+", "", text)
    for t in titles:
        text = text.replace(t, "|")
    return [text[i:i + 20] for i in range(len(text) - 19) if text[i:i + 20] in grams]


@pytest.fixture(scope="session")
def source_grams() -> set[str]:
    """Every run of 20 characters (whitespace removed) of ../shared/sources/*.txt."""
    if not SOURCES.is_dir():
        pytest.skip("../shared/sources is not next to this checkout")
    text = "".join(re.sub(r"\s+", "", p.read_text(encoding="utf-8")) for p in sorted(SOURCES.glob("*.txt")))
    return {text[i:i + 20] for i in range(len(text) - 19)}
