"""PDF with a text layer, through pypdfium2 (PDFium; Apache-2.0/BSD, where PyMuPDF is AGPL).

Pages are joined in order. A page set in columns (a newspaper's page) is read column by
column, and a line across the columns (a headline) between them where it stands. A line
that repeats at the top or the bottom of most pages is a running header or footer, and a line
that is only a page number (3, - 3 -, 第3页) is dropped. Lines are put back into paragraphs by
where they stand in their column, across column and page ends too. A PDF without a text layer
(a scan) is refused with a message that says so."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from ..errors import BinaryInputError

_PAGE_NUMBER = re.compile(r"^[-—–－\s·•]*(第\s*)?[\d一二三四五六七八九十百]{1,4}\s*(页|/\s*\d+)?[-—–－\s·•]*$")
# A page number set off by dashes (— 12 —) is never text, wherever a page put it (a newspaper
# reprinting a report's pages, a column's foot).
_FOLIO = re.compile(r"^[-—–－]+\s*\d{1,4}\s*[-—–－]+$")
_DIGITS = re.compile(r"\d+")
# Fewer characters than this per page, on average, is a scan with no text layer.
MIN_CHARS_PER_PAGE = 20
EDGE_LINES = 2  # how many lines at the top and bottom of a page may be running headers or footers


@dataclass(frozen=True)
class _Line:
    text: str
    left: float  # from its column's left edge
    base: float  # the lowest edge of its text, where the line stands on the page
    height: float  # its characters' height
    at_edge: bool = False  # among the page's top or bottom lines, where running heads stand


def pdf_text(data: bytes, source: str) -> str:
    """The report's text, one paragraph a line (blank lines between), from the PDF's text
    layer and the position of each line: a line indented past its column's margin, or after a
    larger gap than the line spacing, starts a paragraph; any other line, on the same page or
    the next, continues the one before."""
    import pypdfium2 as pdfium  # only for PDF input

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = "it is encrypted" if "password" in str(exc).lower() else f"it is damaged ({exc})"
        raise BinaryInputError(source, f"refused: cannot open this PDF: {reason}") from None
    try:
        runs = [_page_runs(document[index]) for index in range(len(document))]
    finally:
        document.close()
    sizes = [_glyph_size(page) if page else 0.0 for page in runs]
    layouts = [_gutters(page, size) if page else [] for page, size in zip(runs, sizes)]
    # A page too short to show its columns (the last, with a line or two in its last column)
    # is set as the document's other pages are, if its lines keep out of their gutters.
    found = Counter(tuple(layout) for layout in layouts if layout)
    if found:
        common = list(found.most_common(1)[0][0])
        layouts = [layout or (common if page and _fits(page, common) else []) for page, layout in zip(runs, layouts)]
    pages = [_page_lines(page, size, layout) if page else [] for page, size, layout in zip(runs, sizes, layouts)]
    characters = sum(len(line.text) for page in pages for line in page)
    if not pages or characters < MIN_CHARS_PER_PAGE * len(pages):
        raise BinaryInputError(source, "refused: this PDF has no text layer (a scan?); run OCR first, "
                                       "e.g. ocrmypdf in.pdf out.pdf")
    running = _running_lines([[line.text for line in page if line.at_edge] for page in pages])
    body = [[line for line in page
             if not (line.at_edge and (_PAGE_NUMBER.match(line.text) or _DIGITS.sub("#", line.text) in running))
             and not _FOLIO.match(line.text)]
            for page in pages]
    return "\n\n".join(_paragraphs(body))


_Run = tuple[float, float, float, float, str]  # bottom, left, top, right, text


def _page_runs(page: Any) -> list[_Run]:
    """The page's runs of text as the text layer gives them, each with its box."""
    textpage = page.get_textpage()
    runs = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        text = textpage.get_text_bounded(left, bottom, right, top).strip()
        if text:
            runs.append((bottom, left, top, right, text))
    return runs


def _page_lines(pieces: list[_Run], size: float, gutters: list[tuple[float, float]]) -> list[_Line]:
    """The page's text lines in reading order, each with its left edge, base and height."""
    edges = [min(p[1] for p in pieces)] + [end for _start, end in gutters]
    # Placed by their lowest edge: where a font's metrics are missing (a CJK font the PDF names
    # but does not embed), a run of Chinese has no height and its top is its base, while a run
    # with digits has both; their tops then differ by a line's height, their bases do not.
    pieces.sort(key=lambda p: (-p[0], p[1]))
    lines: list[_Line] = []
    for band in _bands(pieces, gutters, size):
        for column in band:
            column_lines: list[_Line] = []
            for bottom, left, _top, _right, text in column:
                edge = edges[_column(left, gutters)]
                if column_lines and abs(column_lines[-1].base - bottom) < 0.5 * size:
                    last = column_lines[-1]
                    column_lines[-1] = _Line(last.text + text, min(last.left, left - edge), min(last.base, bottom), size)
                else:
                    column_lines.append(_Line(text, left - edge, bottom, size))
            lines += column_lines
    bases = sorted({round(line.base) for line in lines})
    low, high = bases[min(EDGE_LINES, len(bases)) - 1], bases[-min(EDGE_LINES, len(bases))]
    return [replace(line, at_edge=round(line.base) <= low or round(line.base) >= high) for line in lines]


MIN_LINE_CHARS = 3
HEADLINE_SIZE = 1.5  # times the text's: a run set this large is a headline over the columns
MIN_COLUMN_CHARS = 6  # a column of text is at least this many characters wide
MIN_COLUMN_LINES = 5  # per column, on average: fewer is no page set in columns
# A gutter is crossed by no more than this share of the page's runs (a headline, a rule's caption).
MAX_GUTTER_CROSSINGS = 0.1
# Columns of text hold most of their characters in lines that fill the column; a table's
# columns hold short cells, and read down a column they would lose their rows.
MIN_FULL_LINE_CHARS = 0.5


def _gutters(pieces: list[_Run], size: float) -> list[tuple[float, float]]:
    """The blank bands between a page's columns, left to right: bands at least a character
    wide that hardly a run of text crosses, between columns of text whose lines mostly fill
    them (the columns of a table are no columns of text). The last page's last column may
    hold a line or two."""
    lo = int(min(p[1] for p in pieces))
    hi = int(max(p[3] for p in pieces)) + 1
    cover = [0] * (hi - lo + 1)
    for _bottom, left, _top, right, _text in pieces:
        cover[int(left) - lo] += 1
        cover[int(right) + 1 - lo] -= 1
    for x in range(1, len(cover)):
        cover[x] += cover[x - 1]
    limit = MAX_GUTTER_CROSSINGS * len(pieces)
    bands: list[tuple[float, float]] = []
    x = 0
    while x < hi - lo:
        if cover[x] <= limit:
            start = x
            while x < hi - lo and cover[x] <= limit:
                x += 1
            # A column holding few runs is hardly covered either: the gutter ends where its
            # first line begins (a mark hung past a line's end is no line).
            end = min((p[1] for p in pieces if lo + start <= p[1] < lo + x and len(p[4]) >= MIN_LINE_CHARS
                       and not _is_headline(p, size)), default=lo + x)
            if end - (lo + start) >= 0.8 * size and start > 0 and x < hi - lo:
                bands.append((lo + start, end))
        x += 1
    if not bands:
        return []
    edges = [lo] + [b for band in bands for b in band] + [hi]
    chars = full = 0
    for left, right in zip(edges[::2], edges[1::2]):
        inside = [p for p in pieces if p[1] >= left - 1 and p[3] <= right + 1]
        if max((p[3] - p[1] for p in inside), default=0.0) < MIN_COLUMN_CHARS * size:
            return []  # no column at all, or one of page numbers beside a contents page
        chars += sum(len(p[4]) for p in inside)
        full += sum(len(p[4]) for p in inside if p[3] - p[1] >= 0.8 * (right - left))
    if len(pieces) < MIN_COLUMN_LINES * (len(bands) + 1) or full < MIN_FULL_LINE_CHARS * chars:
        return []
    return bands


def _is_headline(piece: _Run, size: float) -> bool:
    return _run_size(piece) >= HEADLINE_SIZE * size


def _crosses(piece: _Run, gutters: list[tuple[float, float]]) -> bool:
    return any(piece[1] < start and piece[3] > end for start, end in gutters)


def _column(left: float, gutters: list[tuple[float, float]]) -> int:
    """Which column a run beginning at ``left`` stands in, counted from 0."""
    return sum(1 for _start, end in gutters if left >= end - 1)


def _fits(pieces: list[_Run], gutters: list[tuple[float, float]]) -> bool:
    """Whether hardly a run of the page crosses these gutters."""
    return sum(1 for p in pieces if _crosses(p, gutters)) <= max(1, MAX_GUTTER_CROSSINGS * len(pieces))


def _bands(pieces: list[_Run], gutters: list[tuple[float, float]],
           size: float) -> list[list[list[_Run]]]:
    """Runs, top to bottom, cut into bands at each headline (a run across a gutter, or one set
    large over a column): each band its columns left to right, each column top to bottom; a
    headline stands alone."""
    if not gutters:
        return [[pieces]]
    bands: list[list[list[_Run]]] = []
    columns: list[list[_Run]] = [[] for _ in range(len(gutters) + 1)]
    for piece in pieces:
        if _is_headline(piece, size) or _crosses(piece, gutters):
            bands.append([c for c in columns if c])
            bands.append([[piece]])
            columns = [[] for _ in range(len(gutters) + 1)]
            continue
        columns[_column(piece[1], gutters)].append(piece)
    bands.append([c for c in columns if c])
    return [band for band in bands if band]


def _glyph_size(pieces: list[_Run]) -> float:
    """The size of the page's characters: the runs' common size, each run's the larger of its
    height and its width per character. Where a font's metrics are missing (a CJK font the PDF
    names but does not embed) a run of Chinese has no height, but a Chinese character is as wide
    as tall; a run of digits or Latin letters is narrower, and its marks (, .) lower."""
    sizes = sorted(_run_size(piece) for piece in pieces)
    return max(sizes[len(sizes) // 2], 1.0)


def _run_size(piece: _Run) -> float:
    bottom, left, top, right, text = piece
    return max(top - bottom, (right - left) / len(text))


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
    margin = EDGE_BUCKET * min((left for left, count in lefts.items() if count >= max(2, MARGIN_SHARE * most)),
                               default=min(lefts))
    pitches = sorted(a.base - b.base for page in pages for a, b in zip(page, page[1:]) if a.base > b.base)
    pitch = pitches[len(pitches) // 2] if pitches else 1.6 * height
    paragraphs: list[str] = []
    current = ""
    for page in pages:
        for k, line in enumerate(page):
            indented = line.left > margin + 0.8 * height
            gap = k > 0 and page[k - 1].base - line.base > 1.3 * pitch
            if current and (indented or gap):
                paragraphs.append(current.replace(_LINE_END_HYPHEN, "-"))
                current = ""
            current = _glue(current, line.text)
    if current:
        paragraphs.append(current.replace(_LINE_END_HYPHEN, "-"))
    return paragraphs


# PDFium marks a hyphen that ends a line as a soft hyphen: a Latin word broken in two, or a
# hyphen Chinese text set at the line's end (郑州- / 墨西哥城), which Chinese never breaks a word with.
_LINE_END_HYPHEN = "\x02"


def _glue(left: str, right: str) -> str:
    """Two lines of one paragraph: Latin words keep a space between them; Chinese text and
    numbers (42.9 / 7亿元) are one run the line width cut."""
    if left.endswith(_LINE_END_HYPHEN):
        left = left[:-1]
        return left + right if _latin(left[-1:]) and _latin(right[:1]) else f"{left}-{right}"
    if _latin(left[-1:]) and _latin(right[:1]):
        return f"{left} {right}"
    return left + right


def _latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _running_lines(edges: list[list[str]]) -> set[str]:
    """Lines (numbers folded) found at the top or bottom of at least half of the pages
    (``edges``: each page's lines there)."""
    if len(edges) < 3:
        return set()
    seen: Counter[str] = Counter()
    for page in edges:
        seen.update({_DIGITS.sub("#", line) for line in page if line and len(line) <= 40})
    return {line for line, n in seen.items() if n >= max(2, len(edges) // 2)}
