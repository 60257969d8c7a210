"""A web page saved as one file (.mhtml, .mht: a browser's "save as single file"): a MIME
message whose first text/html part is the page, quoted-printable or base64. The standard
library's email parser takes it apart; the HTML reader does the rest."""

from __future__ import annotations

from ..errors import BinaryInputError

# The headers a saved page opens with (Blink writes From: <Saved by Blink>, others MIME-Version).
_OPENINGS = (b"from:", b"mime-version:", b"content-type:", b"subject:", b"date:", b"snapshot-content-location:",
             b"x-mht-")


def is_mhtml(data: bytes) -> bool:
    head = data[:4096].lower()
    return head.lstrip().startswith(_OPENINGS) and b"multipart/related" in head


def mhtml_page(data: bytes, source: str) -> tuple[bytes, str | None]:
    """The saved page's HTML bytes and the charset its part declares."""
    import email  # the MIME parser loads only for a saved page: every start pays each import
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload, part.get_content_charset()
    raise BinaryInputError(source, "refused: this saved web page (MHTML) holds no HTML page")
