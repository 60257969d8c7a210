"""Readers: a path or bytes in, decoded text out, whatever the file's format.

Each format is one module; this package's ``read_bytes`` sniffs the bytes and sends them to
the right one. New formats (PDF, Word) join here as a module and a line in ``read_bytes``.
Readers never clean: they hand the text on exactly as the file has it."""

from __future__ import annotations

from ..document import RawText
from ..errors import BinaryInputError
from .decode import decode_bytes
from .html import extract_html_text, html_charset, looks_like_html
from .main_content import main_content_text
from .mhtml import is_mhtml, mhtml_page
from .sniff import OLE_SIGNATURE, detect_binary


def read_text(text: str, encoding: str = "utf-8") -> RawText:
    """Text already decoded: an HTML page becomes the text of its main content (or, when no
    container holds an article, all its visible text)."""
    if looks_like_html(text):
        main = main_content_text(text)
        return RawText(main if main is not None else extract_html_text(text), encoding, html=True)
    return RawText(text, encoding)


def read_bytes(data: bytes, source: str = "<input>") -> RawText:
    """Bytes of a report file: text (any of the encodings devzone reads), HTML (also saved as
    one .mhtml file), PDF with a text layer, or Word .docx; anything else is refused with a
    named error."""
    # The PDF and Word readers (and zipfile) load only for such files: most reports are text,
    # and every import is paid at each start.
    if data.startswith(b"%PDF-"):
        from .pdf_reader import pdf_text

        return RawText(pdf_text(data, source), "pdf")
    if data.startswith((b"PK", OLE_SIGNATURE)):
        from .word_reader import doc_refusal, docx_text, is_docx

        if is_docx(data):
            return RawText(docx_text(data, source), "docx")
        if data.startswith(OLE_SIGNATURE):
            raise doc_refusal(source)
    if data[:64].lstrip()[:5] == b"{\\rtf":
        # RTF is text, but its words are escapes (\\'d5\\'fe for 政): read raw, it is noise
        raise BinaryInputError(source, "refused: this is a Rich Text (RTF) document; convert it to .docx first, "
                                       "e.g. libreoffice --headless --convert-to docx FILE")
    declared = None
    if is_mhtml(data):  # a saved page: its HTML part is read as a page would be
        data, declared = mhtml_page(data, source)
    what = detect_binary(data)
    if what:
        raise BinaryInputError(source, f"refused: this looks like {what}, not a text report")
    text, encoding, warnings = decode_bytes(data, source, declared or html_charset(data))
    raw = read_text(text, encoding)
    return RawText(raw.text, raw.encoding, raw.html, raw.warnings + warnings)
