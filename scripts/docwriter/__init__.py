"""One library for every document we write ourselves: the samples in data/raw, the layout variants,
the follow-up variants and the test fixtures.

Each generator keeps only its content and its layout; what they all need is here once:
``people`` (invented persons and how their names are printed), ``fonts`` (DejaVu, from one place),
``pdf`` (``DocPdf``: pages, wrapped lines, headings in a margin column, ruled table rows with fills,
coloured balls, page totals from a first pass), ``html`` (escaping and the old encodings exports
declare), ``printed`` (dates and file-name slugs) and ``deadline`` (a generator that does not finish
in time raises instead of hanging its caller).

Importable from the scripts (they put the repository root on ``sys.path``) and from the tests
(pytest does) as ``scripts.docwriter``.
"""
