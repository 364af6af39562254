"""Make every site-internal URL in a built page relative to that page.

mkdocs-static-i18n writes its language links (``/``, ``/en/``) and mkdocs-jupyter its
``nb_url`` from the site root; on a site served under a sub-path
(``https://host/course/``) those would leave the site. Only ``href``/``src`` values that
start with a single ``/`` change; ``//host`` and ``https://…`` stay as they are.
"""
import posixpath
import re

_ROOTED = re.compile(r'\b(href|src)="/(?!/)([^"]*)"')


def relative(url_path: str, page_url: str) -> str:
    """``url_path`` (from the site root, without the leading slash) seen from ``page_url``."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    rel = posixpath.relpath("/" + url_path, "/" + base)
    if url_path.endswith("/") or url_path == "":
        rel = rel.rstrip("/") + "/" if rel != "." else "./"
    return rel


def on_post_page(output, page, config, **kwargs):
    return _ROOTED.sub(lambda m: f'{m.group(1)}="{relative(m.group(2), page.url)}"', output)
