"""The hand-judged outcome gold on real decisions (tests/gold/real/outcomes.csv) is well formed.

The gold was made by reading the decisions, never by running our parser; these checks only make
sure every row points at a real decision in ../shared/real and speaks the outcome vocabulary, so
that `minutes eval` scores against keys that exist.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extractors.vocab import OUTCOMES
from tests.conftest import ROOT, require_shared

GOLD = ROOT / "tests" / "gold" / "real" / "outcomes.csv"
HEADER = ["source", "document", "item", "outcome", "reason"]
SOURCES = ("lapua", "helsinki", "tampere", "mikkeli", "espoo", "turku")


def rows() -> list[dict[str, str]]:
    with GOLD.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def real_dir() -> Path:
    return require_shared() / "real"


@cache
def pdf_text_and_bookmarks(path: Path) -> tuple[str, frozenset[int]]:
    """Page text of a PDF and the § numbers of its bookmarks (CaseM writes one per item)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
        marks = frozenset(int(m.group(1)) for mark in pdf.get_toc()
                          if (m := re.match(r"§\s*(\d+)", mark.get_title().replace("\u200b", ""))))
    finally:
        pdf.close()
    return text.replace("\u200b", ""), marks


def test_header_vocabulary_and_reasons() -> None:
    with GOLD.open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == HEADER
    data = rows()
    assert len(data) >= 200
    for row in data:
        assert row["source"] in SOURCES, row
        assert row["outcome"] in OUTCOMES, row
        assert row["document"].startswith(row["source"] + "/") or row["source"] in {
            "tampere", "mikkeli", "espoo", "turku"} and row["document"].startswith(
            "systems/" + row["source"] + "/"), row
        assert len(row["reason"].split()) >= 3, row
        assert "\n" not in row["reason"], row
        if row["source"] != "helsinki":
            assert row["item"].isdigit(), row


def test_keys_are_unique() -> None:
    keys = Counter((r["source"], r["document"], r["item"]) for r in rows())
    assert [k for k, n in keys.items() if n > 1] == []


def test_every_document_exists() -> None:
    real = real_dir()
    missing = sorted({r["document"] for r in rows() if not (real / r["document"]).is_file()})
    assert missing == []


def test_no_agenda_is_judged() -> None:
    assert [r for r in rows() if "Esityslista" in r["document"]] == []


def test_lapua_items_are_the_documents_items() -> None:
    """Each Lapua § is printed in its PDF, and each minutes PDF is judged item for item."""
    real = real_dir()
    by_doc: dict[str, set[int]] = {}
    for row in rows():
        if row["source"] == "lapua":
            by_doc.setdefault(row["document"], set()).add(int(row["item"]))
    minutes = sorted(p.name for p in (real / "lapua").glob("Pöytäkirja-*.pdf"))
    assert sorted(d.removeprefix("lapua/") for d in by_doc) == minutes
    for document, items in by_doc.items():
        text, marks = pdf_text_and_bookmarks(real / document)
        absent = [n for n in items if not re.search(rf"§\s*{n}(?!\d)", text)]
        assert absent == [], document
        assert items == set(marks), document


@pytest.mark.parametrize("source", ["espoo", "turku"])
def test_item_pages_print_their_number(source: str) -> None:
    real = real_dir()
    for row in rows():
        if row["source"] != source:
            continue
        raw = (real / row["document"]).read_bytes()
        text = raw.decode("windows-1252" if source == "espoo" else "utf-8", errors="replace")
        assert re.search(rf"§\s*{row['item']}(?!\d)", text), row
        if source == "espoo":  # Dynasty prints 'Esityslista <date>' on agenda pages: those have no outcome
            assert re.search(r"Pöytäkirja \d", text) and not re.search(r"Esityslista \d", text), row


@pytest.mark.parametrize("source", ["tampere", "mikkeli"])
def test_casem_items_name_their_contents_file(source: str) -> None:
    real = real_dir()
    for row in rows():
        if row["source"] == source:
            assert row["document"] == f"systems/{source}/casem/contents_{row['item']}_extended_properties.json"
            fields = {p["Name"]: p["Text"] for p in json.loads(
                (real / row["document"]).read_text(encoding="utf-8"))["value"]}
            # an agenda-stage record (empty Decision) has no outcome to judge
            assert re.sub(r"<[^>]+>|&nbsp;|\s", "", fields.get("Decision") or ""), row


def test_helsinki_ids_exist_and_voted_decisions_are_judged() -> None:
    data = json.loads((real_dir() / "helsinki" / "decisions_latest.json").read_text(encoding="utf-8"))
    decisions = data if isinstance(data, list) else next(v for v in data.values() if isinstance(v, list))
    ids = {str(d["NativeId"]) for d in decisions}
    judged = [r for r in rows() if r["source"] == "helsinki"]
    assert len(judged) >= 100
    assert all(r["document"] == "helsinki/decisions_latest.json" for r in judged)
    assert [r["item"] for r in judged if r["item"] not in ids] == []
    voted = {str(d["NativeId"]) for d in decisions if d.get("VotingResults")}
    assert voted and voted <= {r["item"] for r in judged}


HELDOUT = GOLD.with_name("outcomes_heldout.csv")


def test_heldout_judgements_are_apart_and_scored_apart() -> None:
    """The held-out file shares the header, never repeats a tuning item, names real decisions, and
    its items are scored as decision.outcome.heldout, not in the tuning figure."""
    from pipeline.evaluate import score_document
    from pipeline.realgold import load_real_gold
    from pipeline.realgold import outcomes as hand

    with HELDOUT.open(encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == HEADER
    held = hand.load(HELDOUT, heldout=True)
    assert len(held) >= 100 and all(j.heldout and len(j.reason.split()) >= 3 for j in held.values())
    assert set(held).isdisjoint(hand.load(GOLD))
    docs = load_real_gold(real_dir())
    marked = [d for d in docs if any((i.get("decision") or {}).get("heldout") for i in d.gold.get("items", []))]
    assert len(marked) == len(held)
    doc = marked[0]
    item = doc.gold["items"][0]
    wrong = "hylatty" if item["decision"]["outcome"] != "hylatty" else "hyvaksytty"
    pred = {"items": [dict(item, decision={"outcome": wrong})]}
    scores = score_document(doc.gold, pred)
    assert "decision.outcome" not in scores and scores["decision.outcome.heldout"].value == 0.0


def test_an_item_in_both_gold_files_is_an_error(tmp_path: Path) -> None:
    from pipeline.realgold import load_real_gold
    from pipeline.realgold import outcomes as hand

    first = next(iter(hand.load(GOLD).values()))
    twice = tmp_path / "heldout.csv"
    with twice.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([HEADER, [first.source, first.document, first.item, first.outcome,
                                           "judged again by mistake"]])
    with pytest.raises(hand.OutcomeFileError, match="also in"):
        load_real_gold(real_dir(), heldout=twice)
