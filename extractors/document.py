"""One document's bytes -> an `Extraction` (all its rows). The chain, in order:

    read text (PDF text layer | CaseM embedded HTML | HTML | plain text | OCR)
    -> repair damaged OCR text -> drop running headers -> meeting header -> split items
    -> split sections -> roles, decisions, votes, recusals -> goals / follow-ups

Pure: no file or database access. OCR is passed in as a callable by `pipeline/`, because it runs
an external program and keeps a cache on disk.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from extractors.records import Document, Extraction, IngestError, PageText

OcrFunc = Callable[[bytes, list[int], str], list[PageText]]


@dataclass(frozen=True)
class Source:
    """Where the bytes came from: a path or URL, and the file name used for format sniffing."""

    source: str
    file_name: str
    municipality_hint: str | None = None


def doc_id_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sniff_format(data: bytes, file_name: str) -> str:
    """pdf | html | text, from the bytes first (wrongly named files exist) and the name second."""
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head or b"<body" in head:
        return "html"
    if b"\x00" in data[:4096]:
        return "binary"
    if file_name.lower().endswith((".htm", ".html", ".xhtml")) and b"<" in data[:4096]:
        return "html"  # a fragment without <html>/<body>, as some exports are
    return "text"


_MAGIC = ((b"PK\x03\x04", "ZIP archive"), (b"PK\x05\x06", "ZIP archive"), (b"\x89PNG", "PNG image"),
          (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"), (b"II*\x00", "TIFF image"),
          (b"MM\x00*", "TIFF image"), (b"\xd0\xcf\x11\xe0", "Office 97 document"), (b"{\\rtf", "RTF document"),
          (b"\x1f\x8b", "gzip archive"))


def describe_content(data: bytes, fmt: str) -> str:
    """What bytes that are not a PDF are, for the error a user reads ('HTML page', 'ZIP archive')."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name if fmt != "binary" else f"{name} (unsupported file type)"
    if fmt == "html":
        return "HTML page"
    if fmt == "text":
        return "text file"
    return "binary data (unsupported file type)"


def failed(data: bytes, src: Source, reason: str, stage: str = "read", doc_id: str | None = None) -> Extraction:
    """An extraction that records the failure and nothing else; `doc_id` when the caller hashed
    the file without holding its bytes (one too big to read)."""
    doc_id = doc_id or doc_id_of(data)
    doc = Document(doc_id=doc_id, source=src.source, file_name=src.file_name, municipality=None,
                   municipality_code=None, kind="other", language=None, pages=None, ocr=False,
                   ocr_repaired=False, status="failed", error=reason)
    return Extraction(document=doc, rows=[IngestError(doc_id=doc_id, stage=stage, message=reason)])


def extract_document(data: bytes, src: Source, ocr: OcrFunc | None = None,
                     prefer_embedded_html: bool = True) -> Extraction:
    """Extract every record from one document. Failures become a 'failed' or 'partial' document.

    ``prefer_embedded_html=False`` ignores CaseM's embedded source HTML and reads the page text,
    which `minutes eval` uses to score the page-text path against the HTML one.
    """
    from extractors.chain import extract_minutes  # the chain lives there; this is the entry point
    from extractors.minutes.ahjo import ahjo_shape, extract_ahjo

    if not data:
        return failed(data, src, "empty file")
    ahjo = ahjo_shape(data)
    if ahjo is not None:  # a saved API response is read as the harvest reads the API
        return extract_ahjo(*ahjo, doc_id_of(data), src.source, src.file_name, src.municipality_hint, None)
    fmt = sniff_format(data, src.file_name)
    if fmt != "pdf" and src.file_name.lower().endswith(".pdf"):
        # a download that went wrong: the server's error page, a text export or an archive
        return failed(data, src, f"not a PDF: {describe_content(data, fmt)}")
    if fmt == "binary":
        return failed(data, src, f"unsupported file type ({src.file_name})")
    return extract_minutes(data, fmt, src, ocr=ocr, prefer_embedded_html=prefer_embedded_html)
