"""Stage 1, text: a document's bytes -> page lines with positions (PDF, HTML, OCR), and their repair."""
