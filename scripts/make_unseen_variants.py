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

Later families, each with its own seeds and chosen with ``--family``: ``labels`` (run-in labels, below),
``svenska`` (scripts/unseen_svenska.py: whole Swedish minutes of bilingual towns) and ``damaged``
(scripts/unseen_damaged.py: the other families' documents through a bad earlier OCR).

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


# --- family 'labels': run-in labels, a page header on every page, prose votes (written before measuring) ---
#
# A sixth family, apart from the five above (its own seeds and its own maker, chosen with
# `--family labels`), written before the parser was run on it: CloudNC/CaseM and Dynasty
# 'Pöytäkirja' prints where every part is a bold run-in label at the start of its first paragraph
# ('Asia:', 'Selostus:', 'Ehdotus:', 'Kokouskäsittely:', 'Päätös:', 'Päätöksen perustelut:',
# 'Esteellisyys:'), the body and date repeated in a page header on every page and 'Sivu 3 / 12' at
# the foot; the meeting's own items (laillisuus ja päätösvaltaisuus, pöytäkirjan tarkastajat);
# votes written in prose ('Äänestyksessä annettiin seitsemän (7) jaa-ääntä ...'), a counter-proposal
# that 'raukesi kannattamattomana', a return decided by a vote, an amendment adopted by a vote
# ('X:n tekemällä muutosehdotuksella'); every third document a Swedish protocol of a bilingual
# municipality ('Ärende:', 'Beredare:', 'Föredragande:', 'Bakgrund:', 'Förslag:', 'Behandling:',
# 'Beslut:', 'Jäv:', 'Sökande av ändring:').

LABELS_FI = {"title": "Asia", "diary": "Dnro", "selostus": "Selostus", "kasittely": ("Kokouskäsittely",
             "Kokouskäsittely", "Asian käsittely"), "paatosehdotus": ("Ehdotus", "Esittelijän ehdotus"),
             "paatos": "Päätös", "reasons": "Päätöksen perustelut", "recusal": ("Esteellisyys", "Jäävit"),
             "muutoksenhaku": "Muutoksenhaku", "tiedoksi": ("Tiedoksi", "Täytäntöönpano"), "liitteet": "Liitteet",
             "esittelija": "Esittelijä", "valmistelija": ("Valmistelija", "Valmistelijat"),
             "meeting": "Pöytäkirja", "page": "Sivu", "date": "Kokouspäivä"}
LABELS_SV = {"title": "Ärende", "diary": "Dnr", "selostus": ("Bakgrund", "Motivering"), "kasittely": ("Behandling",),
             "paatosehdotus": ("Förslag", "Föredragandens förslag"), "paatos": "Beslut", "reasons": "Motivering",
             "recusal": ("Jäv",), "muutoksenhaku": "Sökande av ändring", "tiedoksi": ("För kännedom", "Delges"),
             "liitteet": "Bilagor", "esittelija": "Föredragande", "valmistelija": ("Beredare",),
             "meeting": "Protokoll", "page": "Sida", "date": "Mötesdatum"}


def _pick(rng: random.Random, value: str | tuple[str, ...]) -> str:
    return value if isinstance(value, str) else rng.choice(value)


def plan_labels(seed: int, rng: random.Random) -> mv.Features:
    lang = "sv" if seed % 3 == 2 else "fi"
    f = mv.Features(layout="labels", lang=lang)
    f.header_shape = rng.choice(("number_first", "number_title"))
    f.running = "labels"
    f.roles_inline = True
    f.page1_list = rng.choice(("lines", "range", "none"))
    f.footer = "labels"
    f.trailer = rng.choice(("none", "oikaisu", "muutoksenhaku")) if lang == "fi" else rng.choice(("none", "besvar"))
    f.signature_end = rng.random() < 0.5
    f.item_per_page = rng.random() < 0.4
    return f


def make_labels_doc(seed: int) -> mv.Doc:
    doc = mv.make_doc(seed, plan=plan_labels)
    rng = random.Random(seed * 15485863 + 11)
    lab = LABELS_SV if doc.feats.lang == "sv" else LABELS_FI
    chosen = {k: _pick(rng, v) for k, v in lab.items()}
    if len(doc.items) >= 3 and doc.items[0].outcome == "hyvaksytty" and doc.items[0].diary is None:
        doc.items.insert(1, _checkers_item(doc, rng))
        first = doc.items[0].number
        for k, item in enumerate(doc.items):
            item.number = first + k if first is not None else None
            if item.current_line:  # the item's own handling line prints its new number
                item.current_line = f"{doc.body} {fi_date(doc.date, padded=False)} § {item.number}"
    plain = [m for m in doc.members if m.role_norm == "jasen" or m.role == "ledamot"]
    for k, item in enumerate(doc.items):
        if item.diary is not None:
            _labels_handling(doc, item, rng, plain, k)
        _relabel(item, chosen, rng, doc.feats.lang)
    return doc


def _checkers_item(doc: mv.Doc, rng: random.Random) -> mv.Item:
    """'Pöytäkirjan tarkastajien valinta': a decision of the meeting about itself."""
    a, b = rng.sample([m for m in doc.members if m.role_norm in ("jasen", "varajasen")], 2)
    if doc.feats.lang == "sv":
        title = "Val av protokolljusterare"
        secs = [mv.Sec("paatosehdotus", "Förslag", [f"Till protokolljusterare väljs {a.name()} och {b.name()}."]),
                mv.Sec("paatos", "Beslut", [f"Till protokolljusterare valdes {a.name()} och {b.name()}."])]
    else:
        title = "Pöytäkirjantarkastajien valinta"
        secs = [mv.Sec("selostus", None, ["Pöytäkirja tarkastetaan kokouksen jälkeen sähköisesti. Tarkastajat "
                                          "valitaan vuorottelujärjestyksessä."]),
                mv.Sec("paatosehdotus", "Ehdotus", [f"Pöytäkirjantarkastajiksi valitaan {a.name()} ja {b.name()}."]),
                mv.Sec("paatos", "Päätös", [f"Pöytäkirjantarkastajiksi valittiin {a.name()} ja {b.name()}."])]
    return mv.Item(None, title, None, secs, [], "hyvaksytty")


def _labels_handling(doc: mv.Doc, item: mv.Item, rng: random.Random, plain: list, index: int) -> None:
    """Replace the item's Käsittely and Päätös (current handling) with one of this family's shapes."""
    sv = doc.feats.lang == "sv"
    shape = rng.choice(("keep", "keep", "return_vote", "unseconded", "prose_vote", "amend_vote", "recusal",
                        "reasons"))
    current = [s for s in item.sections if not s.handling]
    proposal = next(s for s in current if s.kind == "paatosehdotus")
    a, b, c = rng.sample(plain, 3) if len(plain) >= 3 else (plain * 3)[:3]
    if any(r["name"] == c.name() for r in item.recusals):  # already recused in the drawn Käsittely
        c = next((p for p in plain if p not in (a, b) and all(r["name"] != p.name() for r in item.recusals)), c)
    body = doc.body
    gb = fi_genitive_surname(b.last)
    # accepting a proposal that notes something notes it (the rule of make_variants' gold)
    approved = "merkitty_tiedoksi" if proposal.paras[-1].rstrip().endswith(("tiedoksi.", "kännedom.")) \
        else "hyvaksytty"
    kasittely: list[str] | None = None
    decision: list[str] | None = None
    extra_after: list[mv.Sec] = []
    extra_before: list[mv.Sec] = []
    if shape == "keep":
        return
    if sv:
        if shape in ("return_vote", "prose_vote", "amend_vote"):
            jaa, ei = (4, 5) if shape == "return_vote" else (5, 4)
            kasittely = [f"{a.name()} föreslog, understödd av {b.name()}, att ärendet återremitteras för ny "
                         "beredning. Omröstning verkställdes, där de som understöder föredragandens förslag röstar "
                         f"ja och de som understöder återremissförslaget röstar nej. Omröstningen utföll med {jaa} "
                         f"ja-röster och {ei} nej-röster."]
            decision = ([f"{body} återremitterade ärendet för ny beredning med rösterna {ei}–{jaa}."]
                        if shape == "return_vote" else
                        [f"{body} godkände föredragandens förslag med rösterna {jaa}–{ei}."])
            item.outcome = "palautettu" if shape == "return_vote" else approved
            item.votes = [{"jaa": jaa, "ei": ei, "tyhja": 0, "poissa": 0, "jaa_names": [], "ei_names": []}]
        elif shape == "unseconded":
            kasittely = [f"{a.name()} föreslog att ärendet bordläggs. Förslaget understöddes inte och förföll."]
            decision = ["Föredragandens förslag godkändes."]
            item.outcome, item.votes = approved, []
        elif shape == "recusal":
            note = f"{c.name()} anmälde jäv och deltog inte i behandlingen av ärendet."
            extra_before = [mv.Sec("muu", "Jäv", [note])]
            item.recusals = item.recusals + [{"name": c.name(), "role": "ledamot", "note": note}]
            return _replace_handling(item, None, None, extra_before, extra_after)
        else:
            return
        item.recusals = []
        return _replace_handling(item, kasittely, decision, extra_before, extra_after)
    if shape == "return_vote":
        kasittely = [f"{a.name()} ehdotti {b.first} {gb} kannattamana, että asia palautetaan uudelleen "
                     "valmisteltavaksi. Puheenjohtaja totesi, että koska oli tehty kannatettu palautusehdotus, "
                     "asiasta on äänestettävä. Esittelijän ehdotusta kannattavat äänestävät JAA ja "
                     "palautusehdotusta kannattavat EI.",
                     "Äänestyksessä annettiin 4 jaa-ääntä ja 5 ei-ääntä."]
        decision = [f"{body} päätti äänin 5–4 palauttaa asian uudelleen valmisteltavaksi."
                    if rng.random() < 0.5 else "Asia palautettiin äänestyksen jälkeen uudelleen valmisteltavaksi."]
        item.outcome = "palautettu"
        item.votes = [{"jaa": 4, "ei": 5, "tyhja": 0, "poissa": 0, "jaa_names": [], "ei_names": []}]
    elif shape == "unseconded":
        kasittely = [f"{a.name()} ehdotti, että asia jätetään pöydälle. Ehdotusta ei kannatettu, joten se "
                     "raukesi kannattamattomana."]
        decision = (["Hyväksyttiin esittelijän ehdotus."] if rng.random() < 0.5 else
                    ["Esittelijän ehdotus hyväksyttiin.",
                     f"{a.first} {fi_genitive_surname(a.last)} tekemä pöydällepanoehdotus raukesi kannattamattomana."])
        item.outcome = approved
        item.votes = []
    elif shape == "prose_vote":
        kasittely = [f"{a.name()} ehdotti {b.first} {gb} kannattamana, että esittelijän ehdotus hylätään. "
                     "Puheenjohtaja totesi, että oli tehty kannatettu hylkäysehdotus, joten asiasta on "
                     "äänestettävä. Esittelijän ehdotusta kannattavat äänestävät JAA ja hylkäysehdotusta "
                     "kannattavat EI.",
                     "Suoritetussa äänestyksessä annettiin seitsemän (7) jaa-ääntä ja neljä (4) ei-ääntä sekä "
                     "yksi (1) tyhjä ääni."]
        decision = [f"{body} hyväksyi esittelijän ehdotuksen äänin 7–4."]
        item.outcome = approved
        item.votes = [{"jaa": 7, "ei": 4, "tyhja": 1, "poissa": 0, "jaa_names": [], "ei_names": []}]
    elif shape == "amend_vote":
        kasittely = [f"{a.name()} teki {b.first} {gb} kannattamana muutosehdotuksen, jonka mukaan päätökseen "
                     "lisätään, että asiasta raportoidaan lautakunnalle puolivuosittain. Esittelijän ehdotusta "
                     f"kannattavat äänestävät JAA ja {fi_genitive_surname(a.last)} muutosehdotusta kannattavat EI.",
                     "Äänestyksessä annettiin 3 jaa-ääntä ja 6 ei-ääntä."]
        decision = [f"{body} hyväksyi esittelijän ehdotuksen {a.first} {fi_genitive_surname(a.last)} tekemällä "
                    "muutosehdotuksella äänin 6–3."]
        item.outcome = "hyvaksytty_muutettuna"
        item.votes = [{"jaa": 3, "ei": 6, "tyhja": 0, "poissa": 0, "jaa_names": [], "ei_names": []}]
    elif shape == "recusal":
        note = f"Jäsen {c.name()} ilmoitti olevansa esteellinen (yhteisöjäävi) eikä osallistunut asian käsittelyyn."
        extra_before = [mv.Sec("muu", "Esteellisyys", [note])]
        item.recusals = item.recusals + [{"name": c.name(), "role": "jäsen", "note": note}]
        return _replace_handling(item, None, None, extra_before, extra_after)
    elif shape == "reasons":
        extra_after = [mv.Sec("selostus", "Päätöksen perustelut",
                              ["Päätös perustuu hallintosäännön toimivaltamääräyksiin ja asian valmisteluaineistoon."])]
        return _replace_handling(item, None, None, extra_before, extra_after)
    item.recusals = []
    _replace_handling(item, kasittely, decision, extra_before, extra_after)
    del index


def _replace_handling(item: mv.Item, kasittely: list[str] | None, decision: list[str] | None,
                      before: list[mv.Sec], after: list[mv.Sec]) -> None:
    """The current handling's Käsittely and Päätös replaced (None: kept), ``before`` inserted before the
    Käsittely (or the Päätös) and ``after`` right after the Päätös."""
    out: list[mv.Sec] = []
    for s in item.sections:
        if s.handling:
            out.append(s)
            continue
        if s.kind == "kasittely":
            out += before
            before = []
            if kasittely is not None:
                out.append(mv.Sec("kasittely", s.heading, kasittely))
                kasittely = None
            else:
                out.append(s)
            continue
        if s.kind == "paatos":
            out += before
            before = []
            if kasittely is not None:
                out.append(mv.Sec("kasittely", "Käsittely", kasittely))
                kasittely = None
            out.append(mv.Sec("paatos", s.heading, decision) if decision is not None else s)
            out += after
            continue
        out.append(s)
    item.sections = out


def _relabel(item: mv.Item, chosen: dict[str, str], rng: random.Random, lang: str) -> None:
    """Every part under this family's run-in label; the untitled description gets its label too."""
    for s in item.sections:
        if s.handling and s.kind not in ("selostus",):
            continue  # an earlier handling keeps its own headings (another body's print)
        if s.kind == "selostus" and s.heading is None:
            s.heading = chosen["selostus"]
        elif s.kind in ("kasittely", "paatosehdotus", "paatos", "esittelija", "valmistelija", "liitteet",
                        "tiedoksi", "muutoksenhaku") and not s.handling:
            if s.kind == "valmistelija" and len(s.paras) > 1:
                s.heading = "Beredare" if lang == "sv" else "Valmistelijat"
            else:
                s.heading = chosen[s.kind]
        elif s.kind == "muu" and s.heading in ("Esteellisyys", "Jäv"):
            s.heading = chosen["recusal"]
        s.inline = True
    del rng


class LabelsPdf(mv.MinutesPdf):
    """Body, meeting and date on every page's header; 'Sivu n / N' at the foot."""

    def header(self) -> None:
        doc = self.doc
        lab = LABELS_SV if doc.feats.lang == "sv" else LABELS_FI
        self.set_text_color(0)
        self.font(True, 9)
        self.text(50, 40, doc.printed_municipality)
        self.font(size=9)
        self.text(250, 40, f"{doc.body}")
        self.text(430, 40, f"{lab['meeting']} {doc.number}")
        self.text(250, 54, f"{lab['date']} {fi_date(doc.date)}")
        self.line(50, 60, self.w - 50, 60)
        self.set_y(self.TOP)

    def footer(self) -> None:
        lab = LABELS_SV if self.doc.feats.lang == "sv" else LABELS_FI
        self.font(size=8)
        self.text(self.w / 2 - 25, 842 - 36, f"{lab['page']} {self.page_no()} / {self.total or 99}")


def _runin(pdf: mv.MinutesPdf, x: float, width: float, label: str | None, text: str) -> None:
    """A paragraph at ``x`` whose first line starts with the bold ``label:``."""
    lead = f"{label}: " if label else ""
    for n, line in enumerate(pdf.wrap(width, lead + text)):
        pdf.need(pdf.leading)
        y = pdf.get_y() + pdf.size
        if n == 0 and lead:
            pdf.font(True)
            pdf.text(x, y, lead.rstrip())
            shift = pdf.get_string_width(lead)
            pdf.font()
            pdf.text(x + shift, y, line[len(lead):])
        else:
            pdf.font()
            pdf.text(x, y, line)
        pdf.gap(pdf.leading)


def render_labels_once(doc: mv.Doc, total: int) -> mv.MinutesPdf:
    pdf = LabelsPdf(doc, total)
    lab = LABELS_SV if doc.feats.lang == "sv" else LABELS_FI
    pdf.add_page()
    mv._page1(pdf, 50, 200)
    pdf.add_page()
    width = pdf.w - 100
    pages: dict[int, list[int]] = {}
    for idx, item in enumerate(doc.items):
        if idx and doc.feats.item_per_page:
            pdf.add_page()
        pdf.need(pdf.leading * 8)
        start = pdf.page_no()
        y = pdf.get_y() + 11
        pdf.font(True, 11)
        if doc.feats.header_shape == "number_title":
            pdf.text(50, y, f"§ {item.number}")
            pdf.lines(95, width - 45, item.title, bold=True, size=11)
            if item.diary:
                _runin(pdf, 50, width, lab["diary"], item.diary)
        else:
            pdf.text(50, y, f"{item.number} §")
            if item.diary:
                pdf.font(size=9)
                pdf.text(420, y, item.diary)
            pdf.gap(pdf.leading + 4)
            _runin(pdf, 50, width, lab["title"], item.title)
        for h in item.history:
            pdf.lines(50, width, h)
        pdf.gap(8)
        for s in item.sections:
            handling = item.earlier_line if s is mv._first_earlier(item) else \
                item.current_line if s is mv._first_current(item) else None
            if handling:
                pdf.gap(4)
                pdf.lines(50, width, handling, bold=True)
                pdf.gap(4)
            for k, para in enumerate(s.paras):
                _runin(pdf, 50, width, s.heading if k == 0 else None, para)
                pdf.gap(3)
            pdf.gap(4)
        pages[idx] = [start, pdf.page_no()]
        pdf.gap(14)
    mv._trailer_and_signature(pdf, 50.0)
    pdf.item_pages = pages
    return pdf


def _variant(seed: int, label: str, make_doc, render_once) -> mv.Variant:
    """Document ``seed`` made by ``make_doc`` and rendered by ``render_once(doc, total)``: PDF bytes and gold."""
    with deadline(mv.SECONDS_PER_DOCUMENT, f"make_unseen_variants {label}seed {seed}"):
        doc = make_doc(seed)
        once = render_once(doc)
        pdf = with_page_total(lambda total: once(doc, total))
        name = f"{doc.stem}.pdf"
        return mv.Variant(seed, name, bytes(pdf.output()),
                          mv.gold_of(doc, name, pdf.item_pages, pdf.page_no()), doc.feats.as_dict())


def make_labels_variant(seed: int) -> mv.Variant:
    """Document ``seed`` of the 'labels' family: PDF bytes and gold (deterministic)."""
    return _variant(seed, "labels ", make_labels_doc, lambda doc: render_labels_once)


def make_labels_variants(n: int = 48, first_seed: int = 0) -> list[mv.Variant]:
    return [make_labels_variant(s) for s in range(first_seed, first_seed + n)]


def make_svenska_variants(n: int = 48, first_seed: int = 0) -> list[mv.Variant]:
    """The 'svenska' family (scripts/unseen_svenska.py): whole Swedish minutes of bilingual towns."""
    from scripts import unseen_svenska

    return unseen_svenska.make_svenska_variants(n, first_seed)


def make_damaged_variants(n: int = 48, first_seed: int = 0) -> list[mv.Variant]:
    """The 'damaged' family (scripts/unseen_damaged.py): the other families' documents through bad OCR."""
    from scripts import unseen_damaged

    return unseen_damaged.make_damaged_variants(n, first_seed)


# `--family NAME`: the five families above (by seed), or one written later with its own seeds
FAMILIES = {"five": None, "labels": make_labels_variants, "svenska": make_svenska_variants,
            "damaged": make_damaged_variants}


def make_unseen_variant(seed: int) -> mv.Variant:
    """Document ``seed`` of the unseen families: PDF bytes and gold (deterministic)."""
    return _variant(seed, "", make_unseen_doc, lambda doc: RENDERERS.get(doc.feats.layout, mv.render_pdf_once))


def make_unseen_variants(n: int = 48, first_seed: int = 0) -> list[mv.Variant]:
    return [make_unseen_variant(s) for s in range(first_seed, first_seed + n)]


def main(argv: list[str] | None = None) -> int:
    """The shared CLI (`--n`, `--first-seed`, `--out`, `--report`) plus `--family`: 'five' (default)
    for the five families chosen by seed, 'labels' for the run-in label family, 'svenska' for whole
    Swedish minutes of bilingual towns, 'damaged' for documents of the others through a bad OCR."""
    args = list(sys.argv[1:] if argv is None else argv)
    family = "five"
    if "--family" in args:
        at = args.index("--family")
        family = args[at + 1] if at + 1 < len(args) else ""
        del args[at:at + 2]
    if family not in FAMILIES:
        print(f"unknown family {family!r}; one of {', '.join(FAMILIES)}", file=sys.stderr)
        return 2
    return mv.main(args, make=FAMILIES[family] or make_unseen_variants, description=__doc__.splitlines()[0])


if __name__ == "__main__":
    raise SystemExit(main())
