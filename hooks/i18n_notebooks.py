"""Keep notebook pages when mkdocs-static-i18n sorts files by language.

mkdocs-static-i18n only treats Markdown files as pages, so it drops the pages
mkdocs-jupyter makes from ``.ipynb`` files (mkdocs-static-i18n issue #198).
"""
import logging

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
