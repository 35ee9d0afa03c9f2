"""Meeting header extraction against the dev corpus gold and the real Lapua minutes."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html
from rapidfuzz import fuzz

from extractors.minutes.meeting import (
    MeetingInfo,
    extract_meeting,
    match_heading,
    normalise_names,
    parse_date,
    parse_entry,
    parse_times,
)
from extractors.records import Line, PageText, Segment
from extractors.text.fold import ascii_lower
from extractors.text.pdftext import read_pdf

HTML_COLUMN = 100.0  # the HTML reader's convention: table cells become segments at x0 = 0, 100, 200...


def html_pages(data: bytes) -> list[PageText]:
    """HTML -> one page of lines, standing in for the project's HTML reader in these tests.

    Table rows become lines with one segment per cell; a <BR> or <p> inside a cell starts a new line
    whose segment keeps the cell's column.
    """
    head = data[:2048].decode("ascii", "ignore")
    m = re.search(r"charset=[\"']?([\w-]+)", head, re.I)
    text = data.decode(m.group(1) if m else "utf-8", "replace")
    root = lxml_html.fromstring(text)
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for p in root.iter("p"):
        p.tail = "\n" + (p.tail or "")
    rows: list[list[tuple[float, str]]] = []
    for el in root.iter("h1", "h2", "h3", "tr"):
        if el.tag == "tr":
            cells = el.findall("td") + el.findall("th")
            split = [(i * HTML_COLUMN, [t for t in c.text_content().split("\n") if t.strip()])
                     for i, c in enumerate(cells)]
            depth = max((len(parts) for _, parts in split), default=0)
            for k in range(depth):
                row = [(x, " ".join(parts[k].split())) for x, parts in split if k < len(parts)]
                rows.append([r for r in row if r[1]])
        elif el.getparent() is None or el.getparent().tag != "td":
            rows.append([(0.0, " ".join(el.text_content().split()))])
    lines = []
    for n, row in enumerate(r for r in rows if r):
        segs = tuple(Segment(x, x + HTML_COLUMN - 1, t) for x, t in row)
        lines.append(Line(page=1, y=float(n * 10), x0=segs[0].x0, text=" ".join(s.text for s in segs),
                          segments=segs))
    return [PageText(number=1, lines=tuple(lines))]


# --- the tests ----------------------------------------------------------------------------------

FIELDS = ("body", "date", "number", "place", "start", "end")


def dev_meetings(corpus: Path) -> list[tuple[Path, dict]]:
    """Dev documents with a meeting header and a text layer (d04 is a scan: OCR is another stage)."""
    out = []
    for gold_path in sorted(corpus.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("meeting") and not gold.get("needs_ocr"):
            out.append((corpus / gold["file"], gold))
    return out


def pages_of(path: Path) -> list[PageText]:
    data = path.read_bytes()
    return read_pdf(data).pages if path.suffix == ".pdf" else html_pages(data)


def field_values(info: MeetingInfo) -> dict[str, str | None]:
    values = {f: getattr(info, f) for f in FIELDS}
    values["date"] = info.date.isoformat() if info.date else None
    return values


def same(got: str | None, want: str | None, damaged: bool) -> bool:
    """Exact, or for the OCR-damaged text layer (d05) at least 90 % alike after folding."""
    if got == want:
        return True
    return damaged and bool(got and want) and fuzz.ratio(ascii_lower(got), ascii_lower(want)) >= 90


def attendee_matches(info: MeetingInfo, gold: dict) -> tuple[int, int, int]:
    """(matched, extracted, gold) attendees, matching on name (order free, >= 90 %) and role_norm."""
    want = [(ascii_lower(a["name"]), a["role_norm"]) for a in gold["meeting"]["attendees"]]
    got = [(ascii_lower(a.name), a.role_norm) for a in info.attendees]
    matched = sum(1 for g in got if any(fuzz.token_sort_ratio(g[0], w[0]) >= 90 and g[1] == w[1]
                                        for w in want))
    return matched, len(got), len(want)


def test_dev_corpus_meeting_fields(dev_corpus: Path) -> None:
    """Per-field accuracy over the dev corpus; body and date must be right everywhere."""
    hits = dict.fromkeys(FIELDS, 0)
    docs = dev_meetings(dev_corpus)
    assert len(docs) >= 6
    wrong = []
    for path, gold in docs:
        info = extract_meeting(pages_of(path), gold["language"])
        for field, value in field_values(info).items():
            if same(value, gold["meeting"][field], gold["ocr_damaged_text_layer"]):
                hits[field] += 1
            else:
                wrong.append((path.name, field, value, gold["meeting"][field]))
    accuracy = {f: hits[f] / len(docs) for f in FIELDS}
    assert accuracy["body"] >= 0.98 and accuracy["date"] >= 0.98, wrong
    assert wrong == []


@pytest.mark.parametrize("stem", ["d01", "d02", "d03", "d05", "d07", "d08"])
def test_dev_corpus_attendees(dev_corpus: Path, stem: str) -> None:
    path, gold = next((p, g) for p, g in dev_meetings(dev_corpus) if p.name.startswith(stem))
    info = extract_meeting(pages_of(path), gold["language"])
    matched, extracted, wanted = attendee_matches(info, gold)
    assert (matched, extracted) == (wanted, wanted)
    if not gold["ocr_damaged_text_layer"]:  # printed role, title and note as well
        want = [(a["name"], a["role"], a.get("title"), a.get("note")) for a in gold["meeting"]["attendees"]]
        assert [(a.name, a.role, a.title, a.note) for a in info.attendees] == want


def test_poytakirjanote_has_no_form(dev_corpus: Path) -> None:
    """d07 is an extract of one item: body, date and number from the headers, nothing else."""
    path, gold = next((p, g) for p, g in dev_meetings(dev_corpus) if p.name.startswith("d07"))
    info = extract_meeting(pages_of(path))
    assert (info.body, info.date, info.number) == ("Hyvinvointilautakunta", dt.date(2025, 10, 14), "8/2025")
    assert (info.place, info.start, info.end, info.attendees) == (None, None, None, ())


LAPUA_NAME = re.compile(r"^(?P<kind>Pöytäkirja|Esityslista)-(?P<body>.+) - (?P<date>\d\d\.\d\d\.\d{4}), klo")


def test_real_lapua_minutes(shared_dir: Path) -> None:
    """Real CaseM PDFs: body and date as in the file name; attendee lists parse into sensible people."""
    files = sorted((shared_dir / "real" / "lapua").glob("*.pdf"))
    assert len(files) == 8
    for path in files:
        m = LAPUA_NAME.match(path.name)
        assert m, path.name
        info = extract_meeting(read_pdf(path.read_bytes()).pages)
        assert info.body == m.group("body"), path.name
        assert info.date == parse_date(m.group("date")), path.name
        assert info.start and info.place, path.name
        names = [a.name for a in info.attendees]
        assert len(names) >= 6 and len(set(names)) == len(names), path.name
        assert all(re.fullmatch(r"[A-ZÅÄÖ][\w'-]+( [A-ZÅÄÖ][\w'-]+)+", n) for n in names), names
        chairs = [a for a in info.attendees if a.role_norm == "puheenjohtaja"]
        assert len(chairs) == 1, path.name
        if m.group("kind") == "Pöytäkirja":
            assert re.fullmatch(r"\d{1,2}/20\d\d", info.number or ""), path.name
            assert any(a.role_norm == "poytakirjanpitaja" for a in info.attendees), path.name


def test_real_lapua_absent_and_signatures_excluded(shared_dir: Path) -> None:
    path = next((shared_dir / "real" / "lapua").glob("Pöytäkirja-Hyvinvointilautakunta*.pdf"))
    info = extract_meeting(read_pdf(path.read_bytes()).pages)
    names = {a.name for a in info.attendees}
    assert {"Sami Kuula", "Marlena Tuomela", "Antti-Jussi Kivistö"}.isdisjoint(names)  # 'Poissa'
    assert len(info.attendees) == 13
    assert (info.number, info.start, info.end) == ("3/2025", "16:45", "17:43")
    savinainen = next(a for a in info.attendees if a.name == "Niko Savinainen")
    assert savinainen.title == "Liikunta- ja nuorisotoimenpäällikkö"
    assert savinainen.note == "saapui 16:48, poistui 16:53"


def _form_line(n: int, *cells: tuple[float, str]) -> Line:
    segs = tuple(Segment(x, x + 6 * len(t), t) for x, t in cells)
    return Line(page=1, y=100.0 + 14 * n, x0=segs[0].x0, text=" ".join(s.text for s in segs),
                segments=segs, height=9.0)


def test_swedish_form_two_columns() -> None:
    """A Swedish KTweb-style form: heading column, surname-first names, roles in a third column."""
    rows = [
        [(50, "Närpes stad"), (300, "PROTOKOLL"), (420, "3/2025")],
        [(50, "Stadsstyrelsen"), (300, "10.3.2025")],
        [(50, "Tid"), (160, "10.3.2025 kl. 18.00–20.15")],
        [(50, "Plats"), (160, "Stadshuset, sammanträdesrummet")],
        [(50, "Närvarande"), (160, "Lindqvist Anna"), (310, "ordförande")],
        [(160, "Berg Johan"), (310, "vice ordförande")],
        [(160, "Holm Maria")],
        [(160, "Nyström Erik"), (310, "ersättare")],
        [(50, "Övriga närvarande"), (160, "Sjöberg Karin"), (310, "stadsdirektör, föredragande")],
        [(50, "Frånvarande"), (160, "Ek Lars")],
        [(50, "Underskrifter")],
        [(160, "Anna Lindqvist"), (350, "Karin Sjöberg")],
        [(160, "ordförande"), (350, "protokollförare")],
    ]
    page = PageText(number=1, lines=tuple(_form_line(n, *r) for n, r in enumerate(rows)),
                    width=595, height=842)
    info = extract_meeting([page], "sv")
    assert (info.body, info.date, info.number) == ("Stadsstyrelsen", dt.date(2025, 3, 10), "3/2025")
    assert (info.place, info.start, info.end) == ("Stadshuset, sammanträdesrummet", "18:00", "20:15")
    got = [(a.name, a.role, a.role_norm, a.title) for a in info.attendees]
    assert got == [
        ("Anna Lindqvist", "ordförande", "puheenjohtaja", None),
        ("Johan Berg", "vice ordförande", "varapuheenjohtaja", None),
        ("Maria Holm", "ledamot", "jasen", None),
        ("Erik Nyström", "ersättare", "varajasen", None),
        ("Karin Sjöberg", "föredragande", "esittelija", "stadsdirektör"),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("18.11.2025 klo 17:00 - 18:40", ("17:00", "18:40")),
    ("12.06.2024 klo 17.00 - 19.05", ("17:00", "19:05")),
    ("kl. 18.00–20.15", ("18:00", "20:15")),
    ("19.11.2025, klo 15:00", ("15:00", None)),
    ("klo 17–18.40", ("17:00", "18:40")),
])
def test_parse_times(text: str, expected: tuple[str | None, str | None]) -> None:
    assert parse_times(text) == expected


def test_parse_date_short_year() -> None:
    assert parse_date("Kunnanhallitus 8.4.25") == dt.date(2025, 4, 8)
    assert parse_date("18.11.2025") == dt.date(2025, 11, 18)
    assert parse_date("31.2.2025") is None


def test_entries_and_name_order() -> None:
    a = parse_entry("member", "Riikka Mäenpää, jäsen, poistui klo 18:25, § 91")
    assert (a.name, a.role, a.role_norm, a.note) == ("Riikka Mäenpää", "jäsen", "jasen", "poistui klo 18:25, § 91")
    b = parse_entry("other", "Marjo Alanko, varhaiskasvatusjohtaja, asiantuntija, § 89")
    assert (b.role, b.role_norm, b.title, b.note) == ("asiantuntija", "muu", "varhaiskasvatusjohtaja", "§ 89")
    c = parse_entry("other", "Seppo Koskela, kunnanvaltuuston puheenjohtaja")
    assert (c.role, c.role_norm) == ("kunnanvaltuuston puheenjohtaja", "muu")
    d = parse_entry("member", "Pirjo Laaksonen, 1. varapuheenjohtaja")
    assert (d.role, d.role_norm) == ("1. varapuheenjohtaja", "varapuheenjohtaja")
    assert parse_entry("member", "Puheenjohtaja") is None  # a signature label, not a person
    people = [parse_entry("member", t) for t in ("Lehtinen Markku", "Tiihonen Paivi", "Ala-Honkola Pekka")]
    assert [p.name for p in normalise_names(people)] == ["Markku Lehtinen", "Paivi Tiihonen", "Pekka Ala-Honkola"]


def test_headings_tolerate_ocr_and_wrapping() -> None:
    assert match_heading("Poytakirjan tarkastus") == "stop"
    assert match_heading("Saapuvilla olleet jasenet") == "member"
    assert match_heading("Muut saapuvilla") == "other"
    assert match_heading("Frånvarande") == "absent"
    assert match_heading("Hyvinvointilautakunta") is None
