"""The main content of a web page, through lxml: the article, without the site around it.

Government and newspaper pages put the report in one container among navigation, share
widgets, related-article lists and footers. Each block is scored by the Chinese text it holds
outside links (a navigation bar is nearly all links), less the blocks whose class or id names
a page part (nav, footer, share, related …); the best container and its headings are kept,
with the page's headline (its h1, else its <title>) above them. The stdlib reader remains the
fallback for a page lxml cannot parse."""

from __future__ import annotations

import re
from typing import Any

_NOISE = re.compile(
    r"nav|menu|footer|foot|header|head|breadcrumb|crumb|share|related|relate|comment|sidebar|side|toolbar|"
    r"tool|copyright|bottom|banner|advert|\bad\b|print|font|pager|pagination|login|search|qrcode|erweima|weixin",
    re.IGNORECASE,
)
_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "object", "form", "nav", "footer", "aside",
         "header", "select", "button", "input")
_BLOCKS = frozenset("address article blockquote dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 li main ol p pre "
                    "section table tbody td th thead tr ul".split())
_HANZI = re.compile("[\u4e00-\u9fff]")
MIN_MAIN_CHARS = 200
_LISTS = frozenset("ul ol dl div p table section".split())


def _link_density(element: Any) -> float:
    total = len(element.text_content().strip()) or 1
    return sum(len(a.text_content().strip()) for a in element.iter("a")) / total  # a container with less Chinese text than this is no article


def main_content_text(html: str) -> str | None:
    """The article's text, one block a line, headings as Markdown; None when no container
    holds an article (the caller then reads the whole page)."""
    try:
        from lxml import html as lxml_html
    except ImportError:
        return None
    try:
        root = lxml_html.fromstring(html)
    except (ValueError, TypeError, Exception):  # noqa: BLE001 - lxml raises ParserError and others
        return None
    headline = _headline(root)
    for element in list(root.iter(*_DROP)):
        if element.getparent() is not None:
            element.drop_tree()
    best, best_score = None, 0.0
    for element in root.iter("article", "main", "div", "section", "td", "body"):
        score = _score(element)
        if score >= best_score and score > 0:  # on a tie the inner container wins: less page around it
            best, best_score = element, score
    if best is None or best_score < MIN_MAIN_CHARS:
        return None
    lines = _lines(best)
    if headline:
        stated = next((i for i, line in enumerate(lines[:5]) if line.lstrip("# ").strip() == headline), None)
        if stated is None:
            lines.insert(0, f"# {headline}")
        else:
            lines[stated] = f"# {headline}"  # the article's own h2 that the page's <title> names is its headline
    return "\n".join(lines)


_TITLE_MARK = re.compile(r"title|biaoti", re.IGNORECASE)
MAX_HEADLINE_CHARS = 80


def _headline(root: Any) -> str | None:
    """The page's headline: its h1; else a block the page marks as its title (class="title",
    an old site's table cell) that says what its <title> says, or more; else the <title>
    without the site's name after it."""
    for h1 in root.iter("h1"):
        text = " ".join(h1.text_content().split())
        if text:
            return text
    page_title = None
    for title in root.iter("title"):
        text = " ".join(title.text_content().split())
        if text:
            page_title = re.split(r"\s*[-_|｜—]\s*", text)[0] or text
            break
    for element in root.iter("div", "td", "span", "p", "h2", "h3", "strong"):
        marks = f"{element.get('class', '')} {element.get('id', '')}"
        if not _TITLE_MARK.search(marks) or _NOISE.search(marks):  # a header's title is the site's name
            continue
        text = " ".join(element.text_content().split())
        if (text and len(text) <= MAX_HEADLINE_CHARS and _HANZI.search(text)
                and (page_title is None or page_title in text)):
            return text
    return page_title


def _is_noise(element: Any) -> bool:
    marks = f"{element.get('class', '')} {element.get('id', '')}"
    return bool(marks.strip()) and bool(_NOISE.search(marks))


def _score(element: Any) -> float:
    """Chinese characters of the element's own paragraphs, outside links and noisy blocks;
    a container is worth what its direct article text is worth."""
    if _is_noise(element):
        return 0.0
    total = len(_HANZI.findall(element.text_content()))
    linked = sum(len(_HANZI.findall(a.text_content())) for a in element.iter("a"))
    noisy = sum(len(_HANZI.findall(child.text_content())) for child in element.iter() if child is not element
                and _is_noise(child))
    return max(total - linked - noisy, 0) * (0.7 if element.tag == "body" else 1.0)


_WRITTEN_INDENT = re.compile(r"^[ \t\r\n]*[\u3000\u00a0]{2,}")


def _lines(container: Any) -> list[str]:
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        raw = "".join(buffer)
        text = " ".join(raw.split())
        if text:
            # An indent the page writes (　　, &nbsp;&nbsp;) opens a paragraph: where a page breaks
            # its lines at a width with <br>, it is all that tells a paragraph's first line.
            lines.append("\u3000\u3000" + text if _WRITTEN_INDENT.match(raw) else text)
        buffer.clear()

    def walk(element: Any) -> None:
        if not isinstance(element.tag, str) or (element is not container and _is_noise(element)):
            return
        if element is not container and element.tag in _LISTS and _link_density(element) > 0.6:
            return  # a list of links: related articles, a menu
        block = element.tag in _BLOCKS
        if block:
            flush()
        if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = " ".join(element.text_content().split())
            if text:
                lines.append("#" * int(element.tag[1]) + " " + text)
            return
        if element.tag == "br":
            flush()
        if element.text:
            buffer.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                buffer.append(child.tail)
        if block:
            flush()

    walk(container)
    flush()
    return lines
