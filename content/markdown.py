"""Markdown to safe HTML for topic pages.

Editors write Markdown; the HTML it produces is cleaned with nh3 against an
allow-list, so raw HTML typed into the editor (scripts, iframes, event handlers,
javascript: links) never reaches a patient's browser.
"""

import re
from dataclasses import dataclass
from html import unescape

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "div", "dl", "dt", "em", "h2", "h3",
    "h4", "hr", "li", "ol", "p", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "th": {"scope"},
}
BLOCK_BOUNDARY = re.compile(r"</?(?:p|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|tr|td|th)\b[^>]*>")


@dataclass(frozen=True)
class Heading:
    id: str
    title: str
    level: int


@dataclass(frozen=True)
class RenderedMarkdown:
    html: str
    headings: list[Heading]


LEFT_OUT_NAMES = {
    "h1": "“#” headings (use ## or ###)",
    "h5": "“#####” headings (use ## to ####)",
    "h6": "“######” headings (use ## to ####)",
    "img": "images",
}
TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")


def _converter():
    return markdown.Markdown(
        extensions=["toc", "attr_list", "sane_lists", "tables"],
        extension_configs={"toc": {"toc_depth": "2-3"}},
        output_format="html",
    )


def left_out(text):
    """What the editor wrote that patients will not see as written, in plain words:
    the HTML elements the allow-list removes (their words stay, as plain text)."""
    tags = {tag.lower() for tag in TAG.findall(_converter().convert(text))} - ALLOWED_TAGS
    return sorted(LEFT_OUT_NAMES.get(tag, f"HTML <{tag}> tags") for tag in tags)


def render(text):
    """Render Markdown to sanitised HTML, with an id on every heading."""
    md = _converter()
    html = md.convert(text)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
    headings = [
        Heading(id=token["id"], title=unescape(token["name"]), level=token["level"])
        for token in _flatten(md.toc_tokens)
    ]
    return RenderedMarkdown(html=clean, headings=headings)


def _flatten(tokens):
    for token in tokens:
        yield token
        yield from _flatten(token["children"])


def plain_text(text):
    """The words of a Markdown text, each block ending as a sentence (for readability)."""
    sentences = []
    for block in BLOCK_BOUNDARY.split(render(text).html):
        words = unescape(nh3.clean(block, tags=set())).strip()
        if words:
            sentences.append(words if words[-1] in ".?!:" else words + ".")
    return " ".join(sentences)
