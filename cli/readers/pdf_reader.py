"""PDF with a text layer, through pypdfium2 (PDFium; Apache-2.0/BSD, where PyMuPDF is AGPL).

Pages are joined in order. A line that repeats at the top or the bottom of most pages is a
running header or footer, and a line that is only a page number (3, - 3 -, 第3页) is dropped.
Lines are put back into paragraphs by where they stand on the page, across page ends too. A
PDF without a text layer (a scan) is refused with a message that says so."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..errors import BinaryInputError

_PAGE_NUMBER = re.compile(r"^[-—–－\s·•]*(第\s*)?[\d一二三四五六七八九十百]{1,4}\s*(页|/\s*\d+)?[-—–－\s·•]*$")
_DIGITS = re.compile(r"\d+")
# Fewer characters than this per page, on average, is a scan with no text layer.
MIN_CHARS_PER_PAGE = 20
EDGE_LINES = 2  # how many lines at the top and bottom of a page may be running headers or footers


@dataclass(frozen=True)
class _Line:
    text: str
    left: float
    base: float  # the lowest edge of its text, where the line stands on the page
    height: float  # its characters' height


def pdf_text(data: bytes, source: str) -> str:
    """The report's text, one paragraph a line (blank lines between), from the PDF's text
    layer and the position of each line: a line indented past the page's margin, or after a
    larger gap than the line spacing, starts a paragraph; any other line, on the same page or
    the next, continues the one before."""
    import pypdfium2 as pdfium  # only for PDF input

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = "it is encrypted" if "password" in str(exc).lower() else f"it is damaged ({exc})"
        raise BinaryInputError(source, f"refused: cannot open this PDF: {reason}") from None
    try:
        pages = [_page_lines(document[index]) for index in range(len(document))]
    finally:
        document.close()
    characters = sum(len(line.text) for page in pages for line in page)
    if not pages or characters < MIN_CHARS_PER_PAGE * len(pages):
        raise BinaryInputError(source, "refused: this PDF has no text layer (a scan?); run OCR first, "
                                       "e.g. ocrmypdf in.pdf out.pdf")
    running = _running_lines([[line.text for line in page] for page in pages])
    body: list[list[_Line]] = []
    for page in pages:
        kept = []
        for k, line in enumerate(page):
            at_edge = k < EDGE_LINES or k >= len(page) - EDGE_LINES
            if at_edge and (_PAGE_NUMBER.match(line.text) or _DIGITS.sub("#", line.text) in running):
                continue
            kept.append(line)
        body.append(kept)
    return "\n\n".join(_paragraphs(body))


def _page_lines(page: Any) -> list[_Line]:
    """The page's text lines, top to bottom, each with its left edge, base and height."""
    textpage = page.get_textpage()
    pieces = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = textpage.get_text_bounded(left, bottom, right, top).strip()
        if text:
            pieces.append((bottom, left, top, right, text))
    if not pieces:
        return []
    size = _glyph_size(pieces)
    # Placed by their lowest edge: where a font's metrics are missing (a CJK font the PDF names
    # but does not embed), a run of Chinese has no height and its top is its base, while a run
    # with digits has both; their tops then differ by a line's height, their bases do not.
    pieces.sort(key=lambda p: (-p[0], p[1]))
    lines: list[_Line] = []
    for bottom, left, _top, _right, text in pieces:
        if lines and abs(lines[-1].base - bottom) < 0.5 * size:
            last = lines[-1]
            lines[-1] = _Line(last.text + text, min(last.left, left), min(last.base, bottom), last.height)
        else:
            lines.append(_Line(text, left, bottom, size))
    return lines


MIN_GLYPH_HEIGHT = 2.0  # points: a run less tall has lost its font's metrics


def _glyph_size(pieces: list[tuple[float, float, float, float, str]]) -> float:
    """The height of the page's characters: the runs' common height, or, where the text layer
    gives none, their common width per character (a Chinese character is as wide as tall)."""
    heights = sorted(top - bottom for bottom, _left, top, _right, _text in pieces if top - bottom >= MIN_GLYPH_HEIGHT)
    if len(heights) * 2 >= len(pieces):
        return heights[len(heights) // 2]
    widths = sorted((right - left) / len(text) for _bottom, left, _top, right, text in pieces)
    return max(widths[len(widths) // 2], 1.0)


MARGIN_SHARE = 0.15
EDGE_BUCKET = 2.0  # points


def _paragraphs(pages: list[list[_Line]]) -> list[str]:
    lines = [line for page in pages for line in page]
    if not lines:
        return []
    height = sorted(line.height for line in lines)[len(lines) // 2]
    # The margin is the leftmost edge many lines share: in a report of long paragraphs the most
    # common one, but where most paragraphs are one line long (a list of targets, a contents
    # page) most lines start indented, and the margin is the edge their second lines share.
    lefts = Counter(round(line.left / EDGE_BUCKET) for line in lines)  # 72.0 and 72.6 are one edge
    most = lefts.most_common(1)[0][1]
    margin = EDGE_BUCKET * min(left for left, count in lefts.items() if count >= max(2, MARGIN_SHARE * most))
    pitches = sorted(a.base - b.base for page in pages for a, b in zip(page, page[1:]) if a.base > b.base)
    pitch = pitches[len(pitches) // 2] if pitches else 1.6 * height
    paragraphs: list[str] = []
    current = ""
    for page in pages:
        for k, line in enumerate(page):
            indented = line.left > margin + 0.8 * height
            gap = k > 0 and page[k - 1].base - line.base > 1.3 * pitch
            if current and (indented or gap):
                paragraphs.append(current)
                current = ""
            current = _glue(current, line.text)
    if current:
        paragraphs.append(current)
    return paragraphs


def _glue(left: str, right: str) -> str:
    """Two lines of one paragraph: Latin words keep a space between them; Chinese text and
    numbers (42.9 / 7亿元) are one run the line width cut."""
    if left and right and left[-1].isascii() and left[-1].isalpha() and right[0].isascii() and right[0].isalpha():
        return f"{left} {right}"
    return left + right


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines (numbers folded) found at the top or bottom of at least half of the pages."""
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        body = [line for line in page if line]
        edges = {_DIGITS.sub("#", line) for line in body[:EDGE_LINES] + body[-EDGE_LINES:] if len(line) <= 40}
        seen.update(edges)
    return {line for line, n in seen.items() if n >= max(2, len(pages) // 2)}
