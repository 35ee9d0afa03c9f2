"""`minutes enrich`: entities in proposal and decision texts, as a writer step after ingest.

Ingest stays as fast as it is: this runs afterwards (by hand, or by the nightly harvest once its
ingest is published), on its own private copy published when it ends (`pipeline.publish.writing`),
so readers are never blocked. It reads the sections of items not enriched yet, parses them with
spaCy's Finnish model (loaded once per process, texts batched through `nlp.pipe`) and writes
`decision_entities` plus one `enriched_items` row per item, a batch of items per transaction: a
re-run skips what is done, `--force` redoes everything, and a document ingested again loses its
rows with the rest of its rows (storage.delete_documents), so its items are enriched anew.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from extractors.minutes.entities import section_entities
from extractors.records import DecisionEntity, EnrichedItem, ItemSection
from extractors.vocab import ENTITY_SECTION_KINDS
from pipeline.publish import writing
from pipeline.storage import connect, insert_rows

MODEL = "spacy_fi_experimental_web_md"
MODEL_PIPES_LEFT_OUT = ("parser",)  # the entity recogniser and the lemmatiser do not need it
ITEMS_PER_TRANSACTION = 200
PIPE_BATCH = 64


class ModelMissing(RuntimeError):
    """spaCy or its Finnish model is not installed: one line saying how to install it."""


@functools.cache
def load_model():
    """spaCy's Finnish pipeline, loaded once per process (≈ 1.5 s, ≈ 450 MB)."""
    try:
        import spacy

        return spacy.load(MODEL, exclude=list(MODEL_PIPES_LEFT_OUT))
    except (ImportError, OSError) as exc:
        raise ModelMissing(f"the spaCy model {MODEL} is not installed ({exc}); install the entities extra: "
                           "pip install -e '.[entities]'") from None


def model_name() -> str:
    """The model and its version, as `enriched_items.model` records it."""
    nlp = load_model()
    return f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', MODEL)} {nlp.meta.get('version', '?')}"


@dataclass
class EnrichReport:
    items: int = 0
    sections: int = 0
    entities: int = 0
    skipped: int = 0  # items already enriched
    seconds: float = 0.0
    by_kind: dict[str, int] = field(default_factory=dict)


# Items with a proposal or decision section in a Finnish (or unknown-language) document.
_SECTIONS_SQL = f"""
    SELECT s.item_id, s.doc_id, s.ordinal, s.kind, s.heading_raw, s.text, s.page
    FROM item_sections s JOIN documents d USING (doc_id)
    WHERE s.kind IN ({", ".join(f"'{k}'" for k in ENTITY_SECTION_KINDS)})
      AND coalesce(d.language, 'fi') = 'fi' AND length(trim(s.text)) > 0
      {{extra}}
    ORDER BY s.doc_id, s.item_id, s.ordinal"""
_NOT_DONE = "AND (s.item_id, s.doc_id) NOT IN (SELECT item_id, doc_id FROM enriched_items)"


def pending_sections(con: duckdb.DuckDBPyConnection, force: bool = False) -> list[ItemSection]:
    """The proposal and decision sections of items not enriched yet (all of them with force)."""
    rows = con.execute(_SECTIONS_SQL.format(extra="" if force else _NOT_DONE)).fetchall()
    return [ItemSection(item_id=r[0], doc_id=r[1], ordinal=r[2], kind=r[3], heading_raw=r[4], text=r[5], page=r[6])
            for r in rows]


def _by_item(sections: list[ItemSection], size: int) -> Iterator[list[ItemSection]]:
    """Sections in batches of whole items."""
    batch: list[ItemSection] = []
    items: set[tuple[str, str]] = set()
    for s in sections:
        key = (s.item_id, s.doc_id)
        if key not in items and len(items) >= size:
            yield batch
            batch, items = [], set()
        items.add(key)
        batch.append(s)
    if batch:
        yield batch


def entities_of(sections: list[ItemSection], nlp=None) -> list[DecisionEntity]:
    """Entities of these sections, parsed in batches by the model."""
    nlp = nlp or load_model()
    docs = nlp.pipe((s.text for s in sections), batch_size=PIPE_BATCH)
    return [e for s, doc in zip(sections, docs, strict=True) for e in section_entities(s, doc)]


def enrich_into(db_path: Path | str, force: bool = False,
                progress: Callable[[int, int], None] | None = None) -> EnrichReport:
    """Enrich the database at `db_path` itself (a writer's private copy); see enrich()."""
    started = time.monotonic()
    report = EnrichReport()
    con = connect(db_path)
    try:
        if force:
            con.execute("BEGIN TRANSACTION")
            con.execute(f"DELETE FROM {DecisionEntity.TABLE}")
            con.execute(f"DELETE FROM {EnrichedItem.TABLE}")
            con.execute("COMMIT")
        sections = pending_sections(con)
        total = len({(s.item_id, s.doc_id) for s in sections})
        report.skipped = con.execute(f"SELECT count(*) FROM {EnrichedItem.TABLE}").fetchone()[0]
        if sections:
            nlp, model = load_model(), model_name()
        for batch in _by_item(sections, ITEMS_PER_TRANSACTION):
            found = entities_of(batch, nlp)
            now = dt.datetime.now()
            counts: dict[tuple[str, str], int] = {}
            for s in batch:
                counts.setdefault((s.item_id, s.doc_id), 0)
            for e in found:
                counts[(e.item_id, e.doc_id)] += 1
                report.by_kind[e.kind] = report.by_kind.get(e.kind, 0) + 1
            done = [EnrichedItem(item_id=i, doc_id=d, model=model, entities=n, enriched_at=now)
                    for (i, d), n in counts.items()]
            con.execute("BEGIN TRANSACTION")
            try:
                insert_rows(con, [*found, *done])
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            report.items += len(done)
            report.sections += len(batch)
            report.entities += len(found)
            if progress:
                progress(report.items, total)
    finally:
        con.close()
    report.seconds = time.monotonic() - started
    return report


def enrich(db_path: Path | str, force: bool = False,
           progress: Callable[[int, int], None] | None = None) -> EnrichReport:
    """Find the entities of every item not enriched yet (all items with `force`) and write them.

    Works on a private copy published when the run ends (also on Ctrl-C: every batch of items is
    its own transaction), like ingest; a second writer is refused with DatabaseBusy.
    """
    with writing(db_path) as private:
        return enrich_into(private, force=force, progress=progress)
