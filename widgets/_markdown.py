"""Markdown in the data becomes safe HTML here, once, at build time.

markdown-it renders with raw HTML switched off, so any tag an author types is shown as text;
nh3 then keeps only a short list of tags and attributes, as a second line of defence.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})

_TAGS = {"p", "em", "strong", "code", "a", "ul", "ol", "li", "br", "blockquote"}
_ATTRIBUTES = {"a": {"href", "title"}}


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def inline(text: str) -> str:
    """One line of inline Markdown (emphasis, links, code) as safe HTML."""
    return _clean(_md.renderInline(text))


def blocks(text: str) -> str:
    """Paragraphs and lists as safe HTML."""
    return _clean(_md.render(text))
