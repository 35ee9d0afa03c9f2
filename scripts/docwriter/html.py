"""HTML as exports write it: escaped text, and the old single-byte encodings their meta tags declare."""

from __future__ import annotations


def esc(text: str) -> str:
    """Text for an element's content (quotes are left alone, as exports leave them)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def encode(text: str, encoding: str) -> bytes:
    """The page in ``encoding`` (utf-8, windows-1252/cp1252 or iso-8859-1). ISO-8859-1 pages (Oulu and
    Vantaa Tweb) cannot carry € or typographic dashes and quotes: they print plain ones instead."""
    if encoding.lower() in ("iso-8859-1", "latin-1"):
        text = text.replace("–", "-").replace("€", "euroa").replace("“", '"').replace("”", '"')
    return text.encode(encoding)
