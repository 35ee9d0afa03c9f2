"""Extractors: pure functions from a document's bytes or text to records."""
