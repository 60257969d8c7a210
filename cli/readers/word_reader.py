"""Word .docx, through python-docx.

The body is read in document order: heading styles (Title, Heading 1-6, 标题 1-6) become
Markdown headings, so the segmenter knows them for what they are; tables become one sentence per
row (cells joined by ，, ending 。, so a row reads as the statement it is); the text of text boxes follows the paragraph that
anchors them; footnotes come at the end. An old binary .doc is refused with a way forward."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any, Iterator

from ..errors import BinaryInputError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:Heading|标题)\s*(\d)$", re.IGNORECASE)
CELL_SEPARATOR = "，"
_ENDS = "。！？；：.!?;:"


def is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def doc_refusal(source: str) -> BinaryInputError:
    return BinaryInputError(source, "refused: this is an old binary Word or Excel file (.doc, .xls); convert it to .docx "
                              "first, e.g. libreoffice --headless --convert-to docx FILE")


def docx_text(data: bytes, source: str) -> str:
    import docx  # python-docx, only for Word input

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds for a bad package
        raise BinaryInputError(source, f"refused: cannot read this Word file ({type(exc).__name__}: {exc})") from None
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag == f"{_W}p":
            lines.extend(_paragraph_lines(block, document))
        elif block.tag == f"{_W}tbl":
            lines.extend(_table_lines(block))
    lines.extend(_footnotes(document))
    return "\n\n".join(line for line in lines if line.strip())


def _text(element: Any) -> str:
    """The text of a w:p without the text boxes it anchors."""
    parts = []
    for node in element.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}txbxContent"):
        if node.tag == f"{_W}txbxContent":
            continue
        if any(parent.tag == f"{_W}txbxContent" for parent in node.iterancestors()):
            continue
        parts.append(node.text or "" if node.tag == f"{_W}t" else " ")
    return "".join(parts).strip()


def _style_name(element: Any, document: Any) -> str:
    style = element.find(f"{_W}pPr/{_W}pStyle")
    if style is None:
        return ""
    style_id = style.get(f"{_W}val") or ""
    try:
        return document.styles.get_by_id(style_id, 1).name or style_id  # 1: WD_STYLE_TYPE.PARAGRAPH
    except Exception:  # noqa: BLE001 - an unknown style id is just a name
        return style_id


def _paragraph_lines(element: Any, document: Any) -> Iterator[str]:
    text = _text(element)
    name = _style_name(element, document)
    heading = _HEADING_STYLE.match(name)
    if text:
        if name.lower() == "title":
            yield f"# {text}"
        elif heading:
            yield "#" * min(int(heading.group(1)) + 1, 6) + f" {text}"
        else:
            yield text
    for box in element.iter(f"{_W}txbxContent"):
        for inner in box.iter(f"{_W}p"):
            inner_text = _text(inner)
            if inner_text:
                yield inner_text


def _table_lines(element: Any) -> Iterator[str]:
    for row in element.iter(f"{_W}tr"):
        cells = []
        for cell in row.iter(f"{_W}tc"):
            cells.append(" ".join(_text(p) for p in cell.iter(f"{_W}p") if _text(p)))
        line = CELL_SEPARATOR.join(c for c in cells if c)
        if line:
            yield line if line[-1] in _ENDS else line + "。"


def _footnotes(document: Any) -> Iterator[str]:
    for relation in document.part.rels.values():
        if relation.reltype.endswith("/footnotes"):
            from lxml import etree

            root = etree.fromstring(relation.target_part.blob)
            for note in root.iter(f"{_W}footnote"):
                if note.get(f"{_W}type") in ("separator", "continuationSeparator"):
                    continue
                text = " ".join(_text(p) for p in note.iter(f"{_W}p") if _text(p))
                if text:
                    yield f"注：{text}"
