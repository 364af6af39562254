"""Workbook pages: one language per reader, links that resolve, charts as image files.

* A notebook holds both languages: a markdown cell tagged ``lang-zh`` or ``lang-en``
  belongs to one language, an untagged cell to both. Before mkdocs-jupyter renders a
  notebook, this hook writes the reader's language version to ``.cache/notebooks/<lang>/``
  and points the page at it, so the page, its navigation title and its "download"
  file are all in one language (``notebook_for``, shared with tools/student_copies.py).
* Links in markdown cells are written as in the notebook folder
  (``../techniques/17-….md``, ``04-….ipynb#anchor``); nbconvert leaves them as they are,
  so they are rewritten here to the built page of the reader's language, relative to
  the page (the site then works under any sub-path).
* Headings get the same slugs as the Markdown pages (``pymdownx.slugs``), and the table of
  contents is rebuilt from them, so the anchors in the sidebar exist on the page.
* Code and prompts are left out of the search index (``data-search-exclude``).
* Charts stored as base64 PNG are written as files beside the page, loaded lazily, and
  open full size when tapped (their labels are small on a phone).
"""
import base64
import hashlib
import json
import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("zh", "en")
ZOOM = {"zh": "点击查看大图", "en": "Open the chart full size"}


def lang_of_build(config) -> str:
    return "en" if config["theme"]["language"] == "en" else "zh"


def notebook_for(nb: dict, lang: str) -> dict:
    """A copy of the notebook ``nb`` (as JSON) that keeps only the cells of ``lang``."""
    other = {f"lang-{x}" for x in LANGS if x != lang}
    out = dict(nb)
    out["cells"] = [c for c in nb["cells"] if not other & set(c.get("metadata", {}).get("tags", []))]
    meta = dict(nb.get("metadata", {}))
    meta["language_info"] = dict(meta.get("language_info", {}))
    meta["coursekit"] = {"lang": lang}
    out["metadata"] = meta
    return out


def _cache_dir(lang: str) -> Path:
    return ROOT / ".cache" / "notebooks" / lang


@event_priority(50)  # before mkdocs-jupyter (0) reads the notebook path
def on_pre_page(page, config, files, **kwargs):
    src = page.file.abs_src_path
    if not src or not src.endswith(".ipynb"):
        return page
    lang = lang_of_build(config)
    nb = json.loads(Path(src).read_text(encoding="utf-8"))
    text = json.dumps(notebook_for(nb, lang), ensure_ascii=False, indent=1) + "\n"
    target = _cache_dir(lang) / Path(src).name
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    page.file.abs_src_path = str(target)
    page.ck_notebook_src = src
    return page


def _page_url(src: str, lang: str) -> str | None:
    """The URL (from the site root, directory style) of the docs file ``src``, in ``lang``."""
    docs = ROOT / "docs"
    if not (docs / src).exists():
        return None
    stem = src.rsplit(".", 1)[0]
    if stem == "index" or stem.endswith("/index"):
        url = stem[: -len("index")]
    else:
        url = stem + "/"
    return ("en/" if lang == "en" else "") + url


_HREF = re.compile(r'(<a\s[^>]*?href=")([^"#:]*\.(?:md|ipynb))(#[^"]*)?(")')
_HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)<a class="anchor-link" href="#[^"]*">¶</a></h\1>', re.S)
_IMG = re.compile(r'<img ([^>]*?)src="data:image/png;base64,([^"]+)"([^>]*)>')


def _slugify():
    from pymdownx.slugs import slugify

    return slugify(case="lower")


def on_page_content(html, page, config, files, **kwargs):
    if not getattr(page, "ck_notebook_src", None):
        return html
    lang = lang_of_build(config)
    here = page.url  # e.g. "en/notebooks/03-dso/"
    slug = _slugify()

    # headings: Markdown-style slugs, and the table of contents rebuilt from them
    seen, tokens, stack = {}, [], []
    renamed = {}

    def heading(m):
        level, old, inner = int(m.group(1)), m.group(2), m.group(3)
        text = re.sub(r"<[^>]+>", "", inner).strip()
        new = slug(text, "-") or "section"
        if new in seen:
            seen[new] += 1
            new = f"{new}_{seen[new]}"
        else:
            seen[new] = 0
        renamed[old] = new
        token = {"level": level, "id": new, "name": text, "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else tokens).append(token)
        stack.append(token)
        return (f'<h{level} id="{new}">{inner}<a class="headerlink" href="#{new}" '
                f'title="Permanent link">¶</a></h{level}>')

    html = _HEADING.sub(heading, html)
    page.toc = get_toc(tokens)

    # links to other pages and notebooks, in the reader's language, relative to this page
    def link(m):
        target = posixpath.normpath(posixpath.join("notebooks", m.group(2)))
        url = _page_url(target, lang)
        if url is None:
            return m.group(0)  # left for the crawler test to report
        frag = m.group(3) or ""
        rel = posixpath.relpath(url, here.rstrip("/") or ".") + "/"
        if rel == "./":
            rel = ""
        if frag and target == posixpath.normpath(posixpath.join("notebooks", Path(page.ck_notebook_src).name)):
            frag = "#" + renamed.get(frag[1:], frag[1:])
        return f"{m.group(1)}{rel}{frag}{m.group(4)}"

    html = _HREF.sub(link, html)
    html = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{renamed.get(m.group(1), m.group(1))}"', html)

    # charts as files next to the page, loaded when scrolled to
    out_dir = Path(page.file.abs_dest_path).parent

    def image(m):
        data = base64.b64decode(m.group(2))
        name = f"chart-{hashlib.sha1(data).hexdigest()[:12]}.png"
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / name).write_bytes(data)
        # the chart opens full size when tapped: its labels are small on a phone
        return (f'<a class="ck-chart" href="{name}" title="{ZOOM[lang]}">'
                f'<img {m.group(1)}loading="lazy" src="{name}"{m.group(3)}></a>')

    html = _IMG.sub(image, html)
    # search finds a workbook page by its prose and results, not by its code and prompts
    # (on the innermost elements: Material's search parser ends an exclusion at the first
    # closing tag of the same name)
    html = _CODE_PRE.sub(r"\1<pre data-search-exclude>", html)
    return _PROMPT_DIV.sub(r"\1 data-search-exclude", html)


_CODE_PRE = re.compile(r'(<div class="highlight-ipynb hl-[a-z0-9]+">)<pre>')
_PROMPT_DIV = re.compile(r'(<div class="(?:jp-InputPrompt|jp-OutputPrompt|clipboard-copy-txt)[^"]*"|<span class="notice")')


_JUPYTER_CSS = re.compile(r'<style type="text/css">\s*(@charset "UTF-8";\.jupyter-wrapper\{.*?)</style>', re.S)


def on_post_page(output, page, config, **kwargs):
    """Move the 570 kB of notebook CSS that nbconvert inlines into every workbook page
    into one stylesheet, which the browser then caches for all of them."""
    m = _JUPYTER_CSS.search(output)
    if not m:
        return output
    css = m.group(1)
    name = f"jupyter-{hashlib.sha1(css.encode()).hexdigest()[:10]}.css"
    target = Path(config["site_dir"]) / "assets" / "stylesheets" / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(css, encoding="utf-8")
    href = posixpath.relpath(f"assets/stylesheets/{name}", page.url.rstrip("/") or ".")
    return output[: m.start()] + f'<link rel="stylesheet" href="{href}">' + output[m.end():]
