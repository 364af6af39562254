"""Keep notebook pages when mkdocs-static-i18n sorts files by language.

mkdocs-static-i18n only treats Markdown files as pages, so it drops the pages
mkdocs-jupyter makes from ``.ipynb`` files (mkdocs-static-i18n issue #198).
"""
import json
import logging
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

_is_page = File.is_documentation_page
File.is_documentation_page = lambda self: _is_page(self) or self.src_uri.endswith(".ipynb")


class _InstantNavNote(logging.Filter):
    """Drop mkdocs-static-i18n's warning that its contextual language links do not follow
    instant navigation. Material itself keeps the switcher contextual under instant
    navigation (it maps the page through the other language's sitemap), and the
    browser test checks that switching language works; the warning would otherwise
    fail every strict build."""

    def filter(self, record):
        return "not compatible with theme.features = navigation.instant" not in record.getMessage()


logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(_InstantNavNote())


@event_priority(-200)  # after mkdocs-static-i18n (-100) has written the merged index
def on_post_build(config, **kwargs):
    """Keep one search index for both languages, tokenised for English.

    mkdocs-static-i18n (``reconfigure_search: true``) merges the pages of every language
    into one index, which Chinese search needs; it also adds ``zh`` to the index's
    languages, which makes the browser load a Chinese lunr pipeline that breaks
    search. Chinese text is already segmented with jieba at build time, so the
    English pipeline and the separator in mkdocs.yml serve both languages.
    """
    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.exists():
        data = json.loads(index.read_text(encoding="utf-8"))
        data["config"]["lang"] = ["en"]
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
