"""Telling HTML from everything else before extraction: content types and binary sniffing."""
from __future__ import annotations

HTML_TYPES = ("text/html", "application/xhtml+xml")
SNIFF_BYTES = 1024
# Leading bytes of formats that servers sometimes label text/html.
MAGIC = {
    b"%PDF": "PDF", b"\x89PNG": "PNG image", b"GIF8": "GIF image", b"\xff\xd8\xff": "JPEG image",
    b"PK\x03\x04": "ZIP archive", b"\x1f\x8b": "gzip data", b"RIFF": "RIFF media",
    b"\x00\x00\x01\x00": "icon", b"OggS": "Ogg media", b"ID3": "MP3 audio",
}


def is_html_type(content_type: str) -> bool:
    """True for HTML content types, and for a missing one (the body decides then)."""
    content_type = content_type.strip().lower()
    return not content_type or content_type.startswith(HTML_TYPES)


def binary_reason(body: bytes) -> str | None:
    """Why `body` is not a web page despite its content type, or None when it may be one."""
    head = body[:SNIFF_BYTES]
    for magic, kind in MAGIC.items():
        if head.startswith(magic):
            return f"binary content ({kind}) served as HTML"
    if b"\x00" in head:
        return "binary content (NUL bytes) served as HTML"
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and controls > len(head) // 10:
        return "binary content (control bytes) served as HTML"
    return None
