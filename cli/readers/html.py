"""Visible text of an HTML page, one line per block element, headings as Markdown."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td th "
    "thead tr ul title".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg head nav iframe object".split())


class _TextExtractor(HTMLParser):
    """Collect visible text, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title = ""
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIP_TAGS:
            self.skip_depth += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and not self.skip_depth:
            self.parts.append("#" * int(tag[1]) + " ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in _SKIP_TAGS and self.skip_depth:
            self.skip_depth -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # <![foo]> and other marked sections the stdlib parser asserts on: skip to the next >
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return len(self.rawdata) if end < 0 else end + 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skip_depth:
            self.parts.append(data.replace("\n", " "))


_HTML_HINT = re.compile(r"<(!doctype\s+html|html|body|div|p|br|head|meta|table|span)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    head = text[:4096].lstrip()
    if head.lower().startswith(("<!doctype html", "<html")):
        return True
    return len(_HTML_HINT.findall(text[:20000])) >= 3


def extract_html_text(text: str) -> str:
    """Visible text of an HTML page, block elements as separate lines."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    body = "".join(parser.parts)
    has_h1 = "\n# " in "\n" + body
    title = parser.title.strip()
    if title and not has_h1:
        body = f"# {title}\n" + body
    return body


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag within its first 4 KB, or None."""
    head = data[:4096]
    if b"<" not in head:
        return None
    m = _META_CHARSET.search(head)
    return m.group(1).decode("ascii") if m else None
