"""Minutes in layout families the parser was never tuned on, with gold: an honest unseen estimate.

Why: scripts/make_variants.py imitates the layouts the parser was developed against, so its score
(sections 0.99) says little about a municipality whose system or template we have not seen. The
families here reuse that generator's content records (topics, people, handlings, gold) and print
them the ways other real minutes do:

- ``word_table``: a municipality's own Word template saved as PDF (small towns and joint
  authorities without a case system): every § a two-column table, the '§ n' header a shaded row,
  the title in a row of its own, each part a row 'heading cell | text cell'.
- ``runin``: headings run in at the start of their paragraph ('Päätösehdotus: Kunnanhallitus
  päättää …', 'Beslut: Godkändes.'), as Word-written minutes and some KuntaToimisto prints do.
- ``council``: valtuusto minutes: no presenter, the board's earlier handling and then
  '<Board>n ehdotus', a long Käsittely with a pöydällepanoehdotus voted on by roll call, a seconded
  counter-proposal, one that 'raukesi kannattamattomana' and a roll-call vote printing JAA/EI/TYHJÄÄ/
  POISSA with names.
- ``history_after``: the current handling printed first and the earlier handling by another body
  after the current decision (case systems that print the history newest first).
- ``caps``: an older Word template with the part headings in capitals on their own line
  ('PÄÄTÖSEHDOTUS', 'KÄSITTELY', 'BESLUT'), the title in ordinary case.

Seeds are their own: the family is ``seed % 5`` and every third seed of word_table, runin and caps
is a Swedish protocol. scripts/make_variants.py's own seeds are not touched.

Run:
    .venv/bin/python scripts/make_unseen_variants.py --n 48 --report
    .venv/bin/python scripts/make_unseen_variants.py --n 8 --out /tmp/unseen
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# after the path is set for a direct run
from scripts import make_variants as mv  # noqa: E402
from scripts.docwriter.deadline import deadline  # noqa: E402
from scripts.docwriter.pdf import with_page_total  # noqa: E402
from scripts.docwriter.people import Person, fi_genitive_surname, invent_person  # noqa: E402
from scripts.docwriter.printed import fi_date  # noqa: E402

UNSEEN_PLAN = ("word_table", "runin", "council", "history_after", "caps")
SHADE = (217, 217, 217)  # Word's 'White, Background 1, Darker 15%' header shading


def plan_unseen(seed: int, rng: random.Random) -> mv.Features:
    """The family by seed, Swedish for every third word_table/runin document, the rest drawn."""
    layout = UNSEEN_PLAN[seed % len(UNSEEN_PLAN)]
    lang = "sv" if layout in ("word_table", "runin", "caps") and (seed // len(UNSEEN_PLAN)) % 3 == 2 else "fi"
    f = mv.Features(layout=layout, lang=lang)
    f.header_shape = "body_para_date" if lang == "sv" else rng.choice(("cloudnc3", "body_para_date", "para_only"))
    f.running = rng.choice(("cloudnc", "sivu", "logo"))
    f.roles_inline = layout == "runin"
    f.page1_list = rng.choice(("lines", "range", "none"))
    f.footer = rng.choice(("none", "initials"))
    f.trailer = rng.choice(("none", "oikaisu", "valitusosoitus")) if lang == "fi" else rng.choice(("none", "besvar"))
    f.signature_end = rng.random() < 0.5
    return f


def make_unseen_doc(seed: int) -> mv.Doc:
    doc = mv.make_doc(seed, plan=plan_unseen)
    rng = random.Random(seed * 104729 + 3)
    if doc.feats.layout == "council":
        _as_council(doc, rng)
    elif doc.feats.layout == "history_after":
        _history_after(doc, rng)
    elif doc.feats.layout == "caps":
        for item in doc.items:
            for s in item.sections:
                s.heading = s.heading.upper() if s.heading else None
                s.inline = False
    return doc


# --- council ---------------------------------------------------------------------------------------------


def _as_council(doc: mv.Doc, rng: random.Random) -> None:
    """Make the meeting a valtuusto: 21-35 councillors, the items the board's proposals to it."""
    board = "Kaupunginhallitus" if "kaupunki" in doc.printed_municipality else "Kunnanhallitus"
    council = "Kaupunginvaltuusto" if board == "Kaupunginhallitus" else "Kunnanvaltuusto"
    used = {p.last for p in doc.members + doc.others + doc.absent}
    chair = Person(doc.chair.first, doc.chair.last, "puheenjohtaja", "puheenjohtaja")
    members = [chair] + [invent_person(rng, "fi", used, role=None) for _ in range(rng.randint(20, 34))]
    secretary = Person(doc.secretary.first, doc.secretary.last, "pöytäkirjanpitäjä", "poytakirjanpitaja",
                       "hallintojohtaja")
    mayor = invent_person(rng, "fi", used, role="kunnanjohtaja" if council == "Kunnanvaltuusto" else
                          "kaupunginjohtaja", role_norm="muu")
    drawn = doc.body
    doc.stem = doc.stem.replace(mv.slug(drawn), mv.slug(council))
    doc.body, doc.body_genitive = council, council.replace("valtuusto", "valtuuston")
    doc.members, doc.others, doc.chair, doc.secretary = members, [mayor, secretary], chair, secretary
    kinds = ["opening"] + [rng.choice(("kept", "changed", "tabled", "kept")) for _ in doc.items[1:]]
    for item, kind in zip(doc.items, kinds, strict=True):
        _council_item(doc, item, kind, drawn, board, rng)


def _council_item(doc: mv.Doc, item: mv.Item, kind: str, drawn: str, board: str, rng: random.Random) -> None:
    """One council item: the board's handling (history), then the council's own with its votes."""
    desc = [p for s in item.sections if s.kind == "selostus" and not s.handling for p in s.paras]
    proposal = next(s for s in item.sections if s.kind == "paatosehdotus" and not s.handling).paras
    council = doc.body
    board_gen = board.replace("hallitus", "hallituksen")
    if kind == "opening":
        item.sections = [mv.Sec("selostus", None, desc),
                         mv.Sec("paatosehdotus", "Puheenjohtajan ehdotus", proposal),
                         mv.Sec("paatos", "Päätös", ["Hyväksyttiin."])]
        item.roles, item.outcome, item.history, item.votes, item.recusals = [], "hyvaksytty", [], [], []
        item.earlier_line = item.current_line = None
        return
    b_date = doc.date - dt.timedelta(days=rng.randint(12, 40))
    b_num = rng.randint(20, 300)
    hist = f"{'Kh' if board == 'Kaupunginhallitus' else 'Khall'} {fi_date(b_date, padded=False)} § {b_num}"
    used = {p.last for p in doc.members + doc.others}
    prep = invent_person(rng, "fi", used, title=rng.choice(mv.PREPARER_TITLES))
    board_prop = [p.replace(drawn, council) for p in proposal]  # 'Kunnanvaltuusto päättää …'
    to_council = [f"{board} esittää {council.lower()}lle, että {council.lower()} {p[len(council) + 1:]}"
                  if p.startswith(council + " ") else p for p in board_prop]
    earlier = [mv.Sec("valmistelija", "Valmistelija", [f"{prep.title} {prep.name()}, puh. 040 123 4567"], hist),
               mv.Sec("selostus", None, desc, hist),
               mv.Sec("paatosehdotus", f"{mv.FI_BODIES[4][4] if board == 'Kunnanhallitus' else 'Kaupunginjohtajan'} "
                      "ehdotus", to_council, hist),
               mv.Sec("paatos", "Päätös", ["Hyväksyttiin."], hist)]
    a, b, c, d, e = rng.sample(doc.members[1:], 5)
    gb, gd = fi_genitive_surname(b.last), fi_genitive_surname(d.last)
    kasittely: list[str] = []
    votes: list[dict] = []

    def roll_call(jaa: list[Person], ei: list[Person], blank: list[Person], away: list[Person]) -> str:
        votes.append({"jaa": len(jaa), "ei": len(ei), "tyhja": len(blank), "poissa": len(away),
                      "jaa_names": [p.name() for p in jaa], "ei_names": [p.name() for p in ei]})
        names = lambda ps: ", ".join(p.name() for p in ps) or "-"  # noqa: E731
        return (f"Nimenhuutoäänestyksen tulos: JAA {len(jaa)} ääntä ({names(jaa)}), EI {len(ei)} ääntä "
                f"({names(ei)}), TYHJÄÄ {len(blank)} ({names(blank)}), POISSA {len(away)} ({names(away)}).")

    def split(yes_share: float) -> tuple[list, list, list, list]:
        voters = list(doc.members)
        rng.shuffle(voters)
        away, blank = voters[:1], voters[1:2]
        rest = voters[2:]
        k = max(1, min(len(rest) - 1, round(len(rest) * yes_share)))
        return rest[:k], rest[k:], blank, away

    kasittely.append(f"Valtuutettu {a.name()} teki valtuutettu {b.first} {gb} kannattamana "
                     "pöydällepanoehdotuksen: asia jätetään pöydälle seuraavaan kokoukseen.")
    kasittely.append("Puheenjohtaja totesi, että oli tehty kannatettu pöydällepanoehdotus, josta on äänestettävä "
                     "ennen asian käsittelyn jatkamista. Puheenjohtaja ehdotti, että äänestys toimitetaan "
                     "nimenhuutoäänestyksenä ja että asian käsittelyn jatkamista kannattavat äänestävät JAA ja "
                     "pöydällepanoehdotusta kannattavat EI. Äänestystapa hyväksyttiin.")
    tabled = kind == "tabled"
    jaa, ei, blank, away = split(0.35 if tabled else 0.65)
    kasittely.append(roll_call(jaa, ei, blank, away))
    if tabled:
        kasittely.append(f"Puheenjohtaja totesi, että {council.lower()} on päättänyt äänin {len(ei)}–{len(jaa)} "
                         "jättää asian pöydälle.")
        decision = [f"{council} päätti jättää asian pöydälle seuraavaan kokoukseen."]
        outcome = "poydatty"
    else:
        kasittely.append(f"Puheenjohtaja totesi, että {council.lower()} on päättänyt äänin {len(jaa)}–{len(ei)} "
                         "jatkaa asian käsittelyä.")
        kasittely.append(f"Keskustelun kuluessa valtuutettu {c.name()} teki valtuutettu {d.first} {gd} "
                         "kannattamana muutosehdotuksen: päätökseen lisätään, että hankkeen vaikutukset "
                         "arvioidaan ja raportoidaan valtuustolle vuoden 2026 aikana.")
        kasittely.append(f"Valtuutettu {e.name()} ehdotti, että asia palautetaan uudelleen valmisteltavaksi. "
                         "Ehdotusta ei kannatettu, joten se raukesi kannattamattomana.")
        kasittely.append(f"Puheenjohtaja totesi, että oli tehty kannatettu muutosehdotus, joten asiasta on "
                         f"äänestettävä. {board_gen} ehdotusta kannattavat äänestävät JAA ja valtuutettu "
                         f"{fi_genitive_surname(c.last)} muutosehdotusta kannattavat EI.")
        changed = kind == "changed"
        jaa, ei, blank, away = split(0.4 if changed else 0.6)
        kasittely.append(roll_call(jaa, ei, blank, away))
        if changed:
            decision = [f"{council} hyväksyi {board_gen.lower()} ehdotuksen valtuutettu "
                        f"{fi_genitive_surname(c.last)} muutosehdotuksella muutettuna äänin {len(ei)}–{len(jaa)}."]
            outcome = "hyvaksytty_muutettuna"
        else:
            decision = [f"{council} hyväksyi {board_gen.lower()} ehdotuksen äänin {len(jaa)}–{len(ei)}."]
            # accepting a proposal to note something notes it (the rule of make_variants' gold)
            outcome = "merkitty_tiedoksi" if proposal[-1].endswith("tiedoksi.") else "hyvaksytty"
    current = [mv.Sec("paatosehdotus", f"{board_gen} ehdotus", board_prop),
               mv.Sec("kasittely", "Käsittely", kasittely),
               mv.Sec("paatos", "Päätös", decision)]
    if rng.random() < 0.5:
        current.append(mv.Sec("tiedoksi", "Tiedoksi", ["Kunnanhallitus, talouspalvelut"]))
    item.sections = earlier + current
    item.history = [hist]
    item.earlier_line = f"{board} {fi_date(b_date, padded=False)} § {b_num}"
    item.current_line = f"{council} {fi_date(doc.date, padded=False)} § {item.number}"
    item.roles = []  # the preparer belongs to the board's handling; a council has no presenter
    item.outcome, item.votes, item.recusals = outcome, votes, []


# --- history after the current decision ---------------------------------------------------------------------


def _history_after(doc: mv.Doc, rng: random.Random) -> None:
    """Every item with a diary number gets an earlier handling by a lautakunta, printed after the
    current decision under its own handling line (newest first)."""
    for item in doc.items:
        if not item.diary or item.number is None:
            continue
        current = [s for s in item.sections if not s.handling]
        earlier = [s for s in item.sections if s.handling]
        if not earlier:
            e_body, _, e_abbr, e_title, _ = rng.choice(mv.FI_BODIES[:4])
            e_date = doc.date - dt.timedelta(days=rng.randint(14, 60))
            e_num = rng.randint(10, 150)
            hist = f"{e_abbr} {fi_date(e_date, padded=False)} § {e_num}"
            prep = invent_person(rng, "fi", {p.last for p in doc.members + doc.others + doc.absent}, title=e_title)
            desc = next(s for s in current if s.kind == "selostus").paras
            earlier = [mv.Sec("valmistelija", "Valmistelija", [f"{prep.title} {prep.name()}"], hist),
                       mv.Sec("selostus", None, [desc[0]], hist),
                       mv.Sec("paatosehdotus", "Päätösehdotus",
                              [f"{e_body} esittää {doc.body_genitive.lower()} hyväksyttäväksi liitteen mukaisen "
                               "esityksen."], hist),
                       mv.Sec("paatos", "Päätös", ["Hyväksyttiin."], hist)]
            item.history = [hist]
            item.earlier_line = f"{e_body} {fi_date(e_date, padded=False)} § {e_num}"
        item.current_line = f"{doc.body} {fi_date(doc.date, padded=False)} § {item.number}"
        item.sections = current + earlier


# --- rendering ------------------------------------------------------------------------------------------------


def render_word_table_once(doc: mv.Doc, total: int) -> mv.MinutesPdf:
    """Page 1 as the other PDFs, then each § as a table: a shaded '<Body> § n | date' row, the title
    row, the diary number row and one 'heading | text' row per paragraph (a continuation row leaves
    the heading cell empty), so a part may run over a page break between its rows."""
    pdf = mv.MinutesPdf(doc, total)
    pdf.add_page()
    mv._page1(pdf, 50, 200)
    pdf.add_page()
    x, widths = 50.0, (120.0, pdf.w - 100 - 120.0)
    pages: dict[int, list[int]] = {}
    for idx, item in enumerate(doc.items):
        pdf.need(pdf.leading * 8)
        start = pdf.page_no()
        pdf.table_row(x, (sum(widths) * 0.7, sum(widths) * 0.3), [f"{doc.body} § {item.number}", fi_date(doc.date)],
                      line_height=13, pad=3, bold=True, fills=[SHADE, SHADE])
        pdf.table_row(x, (sum(widths),), [item.title], line_height=13, pad=3, bold=True)
        if item.diary or item.history:
            pdf.table_row(x, widths, ["Dnro" if doc.feats.lang == "fi" else "Dnr",
                                      "\n".join(([item.diary] if item.diary else []) + item.history)],
                          line_height=13, pad=3)
        for s in item.sections:
            if s is mv._first_earlier(item) and item.earlier_line:
                pdf.table_row(x, (sum(widths),), [item.earlier_line], line_height=13, pad=3, fills=[SHADE])
            if s is mv._first_current(item):
                pdf.table_row(x, (sum(widths),), [item.current_line or ""], line_height=13, pad=3, fills=[SHADE])
            for k, para in enumerate(s.paras):
                pdf.table_row(x, widths, [(s.heading or "") if k == 0 else "", para], line_height=13, pad=3)
        pages[idx] = [start, pdf.page_no()]
        pdf.gap(20)
    mv._trailer_and_signature(pdf, 85.0)
    pdf.item_pages = pages
    return pdf


def render_runin_once(doc: mv.Doc, total: int) -> mv.MinutesPdf:
    """The text at one left edge; a headed part's first paragraph starts with its bold heading and a
    colon on the same line ('Päätösehdotus: …'), its later paragraphs follow as plain paragraphs."""
    pdf = mv.MinutesPdf(doc, total)
    pdf.add_page()
    mv._page1(pdf, 50, 200)
    pdf.add_page()
    width = pdf.w - 100
    pages: dict[int, list[int]] = {}
    for idx, item in enumerate(doc.items):
        pdf.need(pdf.leading * 7)
        start = pdf.page_no()
        mv._pdf_item_header(pdf, doc, item)
        for s in item.sections:
            handling = item.earlier_line if s is mv._first_earlier(item) else \
                item.current_line if s is mv._first_current(item) else None
            if handling:
                pdf.gap(6)
                pdf.lines(50, width, handling)
                pdf.gap(4)
            for k, para in enumerate(s.paras):
                lead = f"{s.heading}: " if s.heading and k == 0 else ""
                lines = pdf.wrap(width, lead + para)
                for n, line in enumerate(lines):
                    pdf.need(pdf.leading)
                    y = pdf.get_y() + pdf.size
                    if n == 0 and lead:
                        pdf.font(True)
                        pdf.text(50, y, lead.rstrip())
                        shift = pdf.get_string_width(lead)
                        pdf.font()
                        pdf.text(50 + shift, y, line[len(lead):])
                    else:
                        pdf.font()
                        pdf.text(50, y, line)
                    pdf.gap(pdf.leading)
                pdf.gap(5)
        pages[idx] = [start, pdf.page_no()]
        pdf.gap(14)
    mv._trailer_and_signature(pdf, 50.0)
    pdf.item_pages = pages
    return pdf


RENDERERS = {"word_table": render_word_table_once, "runin": render_runin_once}


def make_unseen_variant(seed: int) -> mv.Variant:
    """Document ``seed`` of the unseen families: PDF bytes and gold (deterministic)."""
    with deadline(mv.SECONDS_PER_DOCUMENT, f"make_unseen_variants seed {seed}"):
        doc = make_unseen_doc(seed)
        once = RENDERERS.get(doc.feats.layout, mv.render_pdf_once)
        pdf = with_page_total(lambda total: once(doc, total))
        name = f"{doc.stem}.pdf"
        return mv.Variant(seed, name, bytes(pdf.output()),
                          mv.gold_of(doc, name, pdf.item_pages, pdf.page_no()), doc.feats.as_dict())


def make_unseen_variants(n: int = 48, first_seed: int = 0) -> list[mv.Variant]:
    return [make_unseen_variant(s) for s in range(first_seed, first_seed + n)]


def main(argv: list[str] | None = None) -> int:
    return mv.main(argv, make=make_unseen_variants, description=__doc__.splitlines()[0])


if __name__ == "__main__":
    raise SystemExit(main())
