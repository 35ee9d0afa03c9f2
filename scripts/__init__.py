"""Generators of the documents we write ourselves (samples, variants) and their shared library, docwriter."""
