"""A second family of synthetic tilinpäätös goal follow-ups, laid out unlike the ones the readers were tuned on.

Why: the follow-up and budget readers were tuned on the Kauhava tilinpäätös, the Lapua budget and the
'Toteutumisvertailu' variants (scripts/make_followup_variants.py). A municipality we have not seen prints
the same kind of document differently, so this family varies what the others hold fixed, from how the
common budgeting-software reports and their Excel exports print it:

- the status as words ('Toteutui' / 'Toteutui osittain' / 'Ei toteutunut'), as symbols with a legend
  ('+' / '±' / '–'), as coloured '●' glyphs (coloured text, not drawn shapes), as traffic-light words
  ('vihreä' / 'keltainen' / 'punainen'), as small filled squares, or as a percent with a legend of bands;
- column headers named otherwise ('Toteuma 2025' for the measured value, 'Tavoite 2025' for the target,
  'Lisätietoja' / 'Kommentit' / 'Huomiot' for the comment), the status column first or last;
- unit headings with four-digit codes ('1100 Keskusvaalilautakunta') followed by a 'Sitovuustaso' line;
- budget tables headed 'TA 2025 | TA-muutokset | TA muutosten jälkeen | TP 2025 | Poikkeama', or with
  compounds ('Talousarviomuutokset') and a 'Tot-%' column, or 'Budjetti | Muutettu budjetti | Toteutunut';
- goal tables with a strategy group row across the table or a strategy column, tables running over a page
  with their header repeated, full grids or horizontal rules only;
- subsidiary blocks ('Kiinteistö Oy ...', '... kuntayhtymä', '... säätiö sr') whose goals belong to them.

The gold is what the document means: each metric row's status by the document's own legend. Budget lines
are gold for the euro columns only (a 'Tot-%' column holds no euros). The real documents remain the judge.

Run:
    .venv/bin/python scripts/make_tilinpaatos_variants.py --out /tmp/tp --n 12 --report
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.docwriter.pdf import DocPdf  # noqa: E402 - after the path is set for a direct run

STATUSES = ("toteutunut", "osittain", "ei_toteutunut")
YES_NO = {"toteutunut": "Kyllä", "osittain": "Osittain", "ei_toteutunut": "Ei"}
DIGIT_WORDS = {"toteutunut": "1", "osittain": "2", "ei_toteutunut": "3"}
COLOURS = {"toteutunut": (0, 150, 70), "osittain": (240, 180, 0), "ei_toteutunut": (210, 30, 30)}
WORDS = {"toteutunut": "Toteutui", "osittain": "Toteutui osittain", "ei_toteutunut": "Ei toteutunut"}
WORDS_SV = {"toteutunut": "Uppnått", "osittain": "Delvis uppnått", "ei_toteutunut": "Inte uppnått"}
UNITS_SV = ["1100 Centralvalnämnden", "2100 Kommunstyrelsen", "3100 Social- och hälsovårdsnämnden",
            "4100 Bildningsnämnden", "5200 Tekniska nämnden", "4300 Fritidsnämnden"]
SYMBOLS = {"toteutunut": "+", "osittain": "±", "ei_toteutunut": "–"}
TRAFFIC = {"toteutunut": "vihreä", "osittain": "keltainen", "ei_toteutunut": "punainen"}
PERCENTS = {"toteutunut": (100, 130), "osittain": (50, 99), "ei_toteutunut": (0, 49)}
MUNICIPALITIES = ["Keuruu", "Kauhajoki", "Pieksämäki", "Uusikaupunki", "Kitee", "Suonenjoki", "Haapavesi",
                  "Kankaanpää"]
UNITS = ["1100 Keskusvaalilautakunta", "1200 Tarkastuslautakunta", "2100 Kunnanhallitus", "3100 Perusturvalautakunta",
         "4100 Sivistyslautakunta", "5200 Tekninen lautakunta", "6100 Ympäristölautakunta", "4300 Vapaa-aikalautakunta",
         "5300 Vesihuoltoliikelaitos"]  # a liikelaitos is the municipality's own: a unit, not a company
COMPANIES = ["Kiinteistö Oy Keskustan Vuokratalot", "Vesihuolto Oy Ab", "Seudun Jätehuolto kuntayhtymä",
             "Kotikunnan Kehitys Osakeyhtiö", "Kulttuurisäätiö sr", "Lämpölaitos Ky"]
AREAS = ["Elinvoimainen ja yrittäjämyönteinen kunta", "Hyvinvoiva ja osallistuva kuntalainen",
         "Kestävä talous ja toimivat palvelut", "Turvallinen ja viihtyisä ympäristö"]
GOALS = ["Palvelujen saatavuus paranee", "Talous pysyy tasapainossa", "Asukkaiden osallisuus vahvistuu",
         "Energiankulutus vähenee kunnan kiinteistöissä", "Lasten ja nuorten harrastamisen mahdollisuudet lisääntyvät",
         "Vaalien järjestäminen sujuu luotettavasti", "Tilintarkastus kattaa kaikki toimialat",
         "Ympäristölupien käsittelyajat lyhenevät", "Kiinteistöjen käyttöaste nousee",
         "Vuokra-asuntojen vajaakäyttö vähenee"]
METRICS = ["Asiakastyytyväisyys (1–5)", "Käsittelyaika (vrk)", "Nettokustannus (€/asukas)", "Kävijämäärä (hlöä)",
           "Energiankulutus (MWh)", "Käyttöaste (%)", "Sähköisten palvelujen osuus (%)",
           "Tarkastettujen kohteiden määrä", "Vajaakäyttöaste (%)", "Osallistujien määrä"]
COMMENTS = {"toteutunut": ["Tavoitetaso saavutettiin koko vuoden ajan.", "Kehitys oli suunniteltua parempaa."],
            "osittain": ["Osa toimenpiteistä siirtyi seuraavalle vuodelle.", "Henkilöstövaje hidasti työtä."],
            "ei_toteutunut": ["Hanke viivästyi rahoituksen puuttuessa.", "Kysyntä jäi arvioitua pienemmäksi."]}


@dataclass
class Style:
    status: str = "words"  # words | symbols | glyph | traffic | square | percent
    rules: bool | str = True  # a full grid, or 'h': horizontal rules only
    status_first: bool = False  # the status column before the goal
    group_row: bool = True  # the strategy area as a row across the table, else as a column
    budget: int = 0  # which budget header (BUDGETS)
    headers: int = 0  # which set of goal-table headers (HEADERS)
    legend_first: bool = True  # the legend on the first page, else after the tables
    companies: bool = True  # a block of subsidiaries after the units
    # a second round, written after the readers were fixed on the first twelve documents:
    thousands: bool = False  # the budget table in 1 000 € (the gold in euros: printed x 1000)
    upper_units: bool = False  # '1100 KESKUSVAALILAUTAKUNTA' and a 'Sitovuustaso:' sentence
    long_tables: bool = False  # many metrics per goal: tables run over pages, their header repeated
    numbered_goals: bool = False  # '1.2 Palvelujen saatavuus paranee'
    landscape: bool = False
    unicode_minus: bool = False  # '−4 448 822' (U+2212)
    # a third round, written after the second was fixed:
    lang: str = "fi"  # 'sv': a Swedish-language bokslut (headers, status words, budget, units)
    # a fourth round:
    merged: bool = False  # the goal cell merged over its metric rows, its text centred (Excel exports)


# (goal, metric, baseline, target, actual, status, comment) column names; None = not printed
HEADERS = [
    ("Tavoite", "Mittari", "Lähtötaso", "Tavoitetaso 2025", "Toteuma 2025", "Toteutuminen", "Lisätietoja"),
    ("Toiminnallinen tavoite", "Mittari / arviointikriteeri", "TP 2024", "Tavoite 2025", "Toteutunut 2025",
     "Arvio", "Kommentit"),
    ("Tavoitteet", "Mittarit", None, "Tavoitearvo", "Toteutuma", "Tila", "Huomiot"),
    ("Mål", "Mätare", "Utgångsläge", "Målnivå 2025", "Utfall 2025", "Måluppfyllelse", "Kommentarer"),
]
# budget headers: (printed header, gold column name or None for a percent column)
BUDGETS = [
    [("TA 2025", "ta"), ("TA-muutokset", "muutos"), ("TA muutosten jälkeen", "yhteensa"), ("TP 2025", "tp"),
     ("Poikkeama", "poikkeama")],
    [("Alkuperäinen talousarvio", "alkuperainen"), ("Talousarviomuutokset", "muutos"),
     ("Talousarvio muutosten jälkeen", "yhteensa"), ("Toteutuma", "toteutuma"), ("Poikkeama", "poikkeama"),
     ("Tot-%", None)],
    [("Budjetti 2025", "ta"), ("Muutettu budjetti", "yhteensa"), ("Toteutunut 2025", "toteutuma"),
     ("Ero €", "poikkeama"), ("Käyttö-%", None)],
    [("TP 2024", "tp_prev"), ("TA 2025", "ta"), ("TA-muutokset", "muutos"), ("TP 2025", "tp"),
     ("Poikkeama", "poikkeama"), ("Muutos-%", None)],  # the year before beside the year reported on
    [("Budget 2025", "ta"), ("Budgetändringar", "muutos"), ("Budget efter ändringar", "yhteensa"),
     ("Utfall 2025", "toteutuma"), ("Avvikelse", "poikkeama")],
    # the fifth round (scripts/make_tilinpaatos_round5.py):
    [("Alkup. TA 2025", "alkuperainen"), ("Muutokset", "muutos"), ("TA muutosten jälkeen", "yhteensa"),
     ("TP 2025", "tp"), ("Poikkeama", "poikkeama"), ("Käyttö-%", None)],
    [("Talousarvio 2025", "ta"), ("Muutokset", "muutos"), ("Käytettävissä", "yhteensa"),
     ("Toteutunut", "toteutuma"), ("Ylitys (-) / alitus (+)", "poikkeama"), ("Käyttö-%", None)],
    [("TA muutosten jälkeen", "yhteensa"), ("TP 2025", "tp"), ("Poikkeama", "poikkeama")],  # a narrow column
]
BUDGET_LINES_SV = [("Verksamhetens intäkter", "toimintatuotot"), ("Verksamhetens kostnader", "toimintakulut"),
                   ("Verksamhetsbidrag", "toimintakate")]
BUDGET_LINES = [("Toimintatuotot", "toimintatuotot"), ("Toimintakulut", "toimintakulut"),
                ("Toimintakate", "toimintakate")]


@dataclass
class Row:
    goal: str
    metric: str
    baseline: str
    target: str
    actual: str
    status: str
    comment: str
    percent: int = 0


@dataclass
class Block:
    name: str  # '1100 Keskusvaalilautakunta' or a company
    company: bool
    area: str
    rows: list[Row] = field(default_factory=list)
    budget: dict[str, dict[str, int]] = field(default_factory=dict)  # line -> column -> amount


def _value(rng: random.Random) -> str:
    return rng.choice([str(rng.randint(2, 95)), f"{rng.randint(1, 4)},{rng.randint(0, 9)}",
                       f"{rng.randint(1, 40)} {rng.randint(0, 999):03d}"])


def _fmt(amount: int, minus: str = "-") -> str:
    text = f"{abs(amount):,}".replace(",", " ")
    return f"{minus}{text}" if amount < 0 else text


def make_blocks(rng: random.Random, style: Style) -> list[Block]:
    units = rng.sample(UNITS_SV if style.lang == "sv" else UNITS, 3)
    blocks = [Block(u.upper() if style.upper_units else u, False, rng.choice(AREAS)) for u in units]
    if style.companies:
        blocks += [Block(c, True, rng.choice(AREAS)) for c in rng.sample(COMPANIES, 2)]
    for block in blocks:
        for g, goal in enumerate(rng.sample(GOALS, 2 if style.long_tables else rng.randint(1, 2)), 1):
            goal = f"{rng.randint(1, 4)}.{g} {goal}" if style.numbered_goals else goal
            for metric in rng.sample(METRICS, rng.randint(6, 9) if style.long_tables else rng.randint(1, 3)):
                status = rng.choice(STATUSES)
                low, high = PERCENTS[status]
                block.rows.append(Row(goal, metric, _value(rng), _value(rng), _value(rng), status,
                                      rng.choice(COMMENTS[status]), rng.randint(low, high)))
        if not block.company:
            unit = 1000 if style.thousands else 1  # in 1 000 €: whole thousands, as printed
            income = (rng.randint(5, 900) * 1000 + rng.randint(0, 999)) // unit * unit
            costs = -(rng.randint(200, 9000) * 1000 + rng.randint(0, 999)) // unit * unit
            for line, amount in (("toimintatuotot", income), ("toimintakulut", costs),
                                 ("toimintakate", income + costs)):
                change = rng.choice([0, rng.randint(-50, 50) * 100]) // unit * unit
                outturn = (amount + change + rng.randint(-9000, 9000)) // unit * unit
                block.budget[line] = {"ta": amount, "alkuperainen": amount, "muutos": change,
                                      "yhteensa": amount + change, "tp": outturn, "toteutuma": outturn,
                                      "poikkeama": outturn - (amount + change),
                                      "tp_prev": (amount + rng.randint(-20000, 20000)) // unit * unit}
    return blocks


def _title(pdf: DocPdf) -> None:
    pdf.font(size=7)
    pdf.text(20, 10, pdf.running_title)  # type: ignore[attr-defined]
    pdf.text(185, 10, str(pdf.page_no()))
    pdf.set_y(18.0)


class Report:
    """One tilinpäätös: legend, per-unit budget and goal tables, subsidiaries; gold collected as drawn."""

    def __init__(self, municipality: str, style: Style, rng: random.Random) -> None:
        self.pdf = DocPdf(faces=("", "B"), size=8, bottom=195 if style.landscape else 282, page_header=_title,
                          orientation="L" if style.landscape else "P")
        self.width = 257.0 if style.landscape else 170.0
        self.pdf.running_title = f"{municipality} – Tilinpäätös 2025"  # type: ignore[attr-defined]
        self.pdf.set_auto_page_break(False)
        self.style, self.rng, self.municipality = style, rng, municipality
        self.lh = 4.0
        self.rows: list[dict] = []
        self.lines: list[dict] = []

    @property
    def x(self) -> float:
        """The left edge of the text: the page margin, or the current column's on a two-column page."""
        return getattr(self.pdf, "col_x", 20.0)

    def text(self, text: str, bold: bool = False, size: float = 8, gap: float = 2) -> None:
        for line in self.pdf.wrap(self.width, text, bold, size):
            self.pdf.need(self.lh + 1)
            self.pdf.font(bold, size)
            self.pdf.text(self.x, self.pdf.get_y() + self.lh, line)
            self.pdf.set_y(self.pdf.get_y() + self.lh + (size - 8) * 0.4)
        self.pdf.set_y(self.pdf.get_y() + gap)

    def legend(self) -> None:
        s = self.style.status
        self.text("Tavoitteiden toteutumisen arviointi", bold=True, size=9)
        if s == "symbols":
            self.text("+ = tavoite toteutunut, ± = tavoite toteutunut osittain, – = tavoite ei toteutunut")
        elif s == "traffic":
            self.text("Vihreä = tavoite toteutunut, keltainen = tavoite toteutunut osittain, "
                      "punainen = tavoite ei toteutunut")
        elif self.style.lang == "sv" and s == "words":
            self.text("Måluppfyllelsen bedöms på skalan uppnått, delvis uppnått, inte uppnått.")
        elif s == "digits":
            self.text("1 = tavoite toteutunut, 2 = tavoite toteutunut osittain, 3 = tavoite ei toteutunut")
        elif s == "percent":
            self.text("Toteutumisaste: 100 % tai yli = tavoite toteutunut, 50–99 % = tavoite toteutunut osittain, "
                      "alle 50 % = tavoite ei toteutunut")
        elif s in ("glyph", "square"):
            y = self.pdf.get_y() + 3
            x = self.x
            labels = WORDS_SV if self.style.lang == "sv" else {
                "toteutunut": "Toteutunut", "osittain": "Osittain toteutunut", "ei_toteutunut": "Ei toteutunut"}
            for status, words in labels.items():
                self._mark(x + 1.5, y - 1.2, status)
                self.pdf.set_text_color(0)
                self.pdf.font(size=8)
                self.pdf.text(x + 5, y, words)
                x += 45
            self.pdf.set_y(y + 4)
        else:
            self.text("Tavoitteen toteutuminen arvioidaan asteikolla toteutui, toteutui osittain, ei toteutunut.")

    def _mark(self, cx: float, cy: float, status: str) -> None:
        if self.style.status == "glyph":
            self.pdf.set_text_color(*COLOURS[status])
            self.pdf.font(size=10)
            self.pdf.text(cx - 1.7, cy + 1.6, "●")
            self.pdf.set_text_color(0)
        else:
            self.pdf.set_fill_color(COLOURS[status])
            self.pdf.rect(cx - 1.6, cy - 1.6, 3.2, 3.2, style="F")

    def status_text(self, row: Row) -> str:
        words = WORDS_SV if self.style.lang == "sv" else WORDS
        return {"words": words[row.status], "symbols": SYMBOLS[row.status], "traffic": TRAFFIC[row.status],
                "ballword": words[row.status],
                "percent": f"{row.percent} %", "yesno": YES_NO[row.status],
                "digits": DIGIT_WORDS[row.status]}.get(self.style.status, "")

    def budget(self, block: Block) -> None:
        cols = BUDGETS[self.style.budget]
        label = 40 if self.width > 100 else 24  # a narrower label column on a two-column page
        widths = [label] + [(self.width - label) / len(cols)] * len(cols)
        unit = 1000 if self.style.thousands else 1
        minus = "−" if self.style.unicode_minus else "-"
        self.pdf.need(30)
        title = "Driftsekonomi" if self.style.lang == "sv" else "Käyttötalous"
        title += " (1 000 €)" if self.style.thousands else ""
        self.pdf.table_row(self.x, widths, [title, *(c for c, _ in cols)], line_height=self.lh, bold=True,
                           size=7, fills=[(230, 230, 230)] * (len(cols) + 1), rules=self.style.rules)
        for label, norm in BUDGET_LINES_SV if self.style.lang == "sv" else BUDGET_LINES:
            values = block.budget[norm]
            texts = [label]
            for _, name in cols:
                if name is None:
                    base = values["tp_prev"] if self.style.budget == 3 else values["yhteensa"]
                    texts.append(f"{100 * values['tp'] / base:.1f}".replace(".", ",") if base else "")
                else:
                    texts.append(_fmt(values[name] // unit, minus))
                    self.lines.append({"unit": block.name, "line": label, "line_norm": norm,
                                       "column": "tp" if name == "tp_prev" else name,
                                       "year": 2024 if name == "tp_prev" else 2025,
                                       "amount": values[name], "page": self.pdf.page_no()})
            self.pdf.table_row(self.x, widths, texts, line_height=self.lh, size=7, rules=self.style.rules)
        self.pdf.set_y(self.pdf.get_y() + 4)

    def goal_table(self, block: Block) -> None:
        names = HEADERS[self.style.headers]
        order = [k for k, name in enumerate(names) if name is not None]
        if not self.style.group_row:
            order = [-1, *order]  # a strategy column first
        if self.style.status_first:
            order = [5, *[k for k in order if k != 5]]
        base = {-1: 30, 0: 34, 1: 30, 2: 14, 3: 16, 4: 16, 5: 20, 6: 36}
        total = sum(base[k] for k in order)
        widths = [base[k] * self.width / total for k in order]
        header = [("Painopiste" if k == -1 else "Toteutuiko" if k == 5 and self.style.status == "yesno" else names[k])
                  for k in order]
        fills = [(220, 230, 241)] * len(order)

        def draw_header() -> None:
            self.pdf.table_row(self.x, widths, header, line_height=self.lh, bold=True, size=7, fills=fills,
                               rules=self.style.rules)

        self.pdf.need(40)
        draw_header()
        if self.style.group_row:
            self.pdf.table_row(self.x, [self.width], [block.area], line_height=self.lh, bold=True, size=7,
                               rules=self.style.rules, on_break=draw_header)
        last_goal = None
        merged_from: float | None = None  # top of the merged goal cell being drawn
        for n, row in enumerate(block.rows):
            values = {-1: block.area if last_goal is None else "", 0: row.goal if row.goal != last_goal else "",
                      1: row.metric, 2: row.baseline, 3: row.target, 4: row.actual, 5: self.status_text(row),
                      6: row.comment}
            texts = [values[k] for k in order]
            min_lines = 1
            if self.style.merged:
                group = sum(1 for r in block.rows if r.goal == row.goal)
                goal_lines = len(self.pdf.wrap(widths[order.index(0)] - 2, row.goal, False, 7))
                min_lines = -(-goal_lines // group)  # the merged cell's rows hold its text
                if row.goal != last_goal:  # a merged cell never breaks over a page: its rows move whole
                    height = sum(max(min_lines, *(len(self.pdf.wrap(w - 2, str(t), False, 7)) if t else 1
                                                  for w, t in zip(widths, self._texts(r, order), strict=True)))
                                 * self.lh + 2 for r in block.rows if r.goal == row.goal)
                    if self.pdf.need(height + 1):
                        draw_header()
                    merged_from = self.pdf.get_y()
                texts = ["" if k in (-1, 0) else t for k, t in zip(order, texts, strict=True)]
            cells = self.pdf.table_row(self.x, widths, texts, line_height=self.lh, size=7, min_lines=min_lines,
                                       rules=False if self.style.merged else self.style.rules, on_break=draw_header)
            page = self.pdf.page_no()
            if self.style.merged:
                last_of_goal = n + 1 == len(block.rows) or block.rows[n + 1].goal != row.goal
                self._merged_rules(cells, order, merged_from, last_of_goal, row.goal,
                                   block.area if merged_from is not None and last_goal is None else "")
            if self.style.status in ("glyph", "square"):
                x, y, w, h = cells[order.index(5)]
                self._mark(x + w / 2, y + h / 2, row.status)
            elif self.style.status == "ballword":  # a coloured ball before the words
                x, y, w, h = cells[order.index(5)]
                self.pdf.ball(x + w - 3, y + 3, 1.4, COLOURS[row.status])
            last_goal = row.goal
            source = {"words": "text", "traffic": "text", "symbols": "symbol", "glyph": "color",
                      "square": "color", "percent": "percent", "yesno": "text", "digits": "digit",
                      "ballword": "color"}[self.style.status]
            self.rows.append({"unit": block.name, "company": block.name if block.company else None,
                              "strategy_area": block.area, "goal": row.goal, "metric": row.metric,
                              "current_value": row.baseline if names[2] else None, "target_value": row.target,
                              "actual_value": row.actual, "status": row.status, "status_source": source,
                              "comment": row.comment, "status_conflict": False, "page": page})
        self.pdf.set_y(self.pdf.get_y() + 5)

    def _texts(self, row: Row, order: list[int]) -> list[str]:
        """A metric row's cells without the merged ones (goal, strategy)."""
        values = {1: row.metric, 2: row.baseline, 3: row.target, 4: row.actual, 5: self.status_text(row),
                  6: row.comment}
        return [values.get(k, "") for k in order]

    def _merged_rules(self, cells: list, order: list[int], top: float | None, last: bool, goal: str,
                      area: str) -> None:
        """Rules of a row whose goal (and strategy) cells are merged over the goal's rows: the merged
        cells are closed and their text centred when the goal's last row is drawn."""
        rules = self.style.rules
        self.pdf.set_draw_color(0)
        for k, (x, y, w, h) in zip(order, cells, strict=True):
            if k in (-1, 0):
                continue
            if rules is True:
                self.pdf.rect(x, y, w, h, style="D")
            elif rules == "h":
                self.pdf.line(x, y, x + w, y)
                self.pdf.line(x, y + h, x + w, y + h)
        if not last or top is None:
            return
        bottom = cells[0][1] + cells[0][3]
        for k, (x, _y, w, _h) in zip(order, cells, strict=True):
            if k not in (-1, 0):
                continue
            if rules is True:
                self.pdf.rect(x, top, w, bottom - top, style="D")
            elif rules == "h":
                self.pdf.line(x, top, x + w, top)
                self.pdf.line(x, bottom, x + w, bottom)
            text = goal if k == 0 else (area if k == -1 else "")
            lines = self.pdf.wrap(w - 2, text, False, 7) if text else []
            start = (top + bottom) / 2 - len(lines) * self.lh / 2
            self.pdf.font(size=7)
            for i, line in enumerate(lines):
                self.pdf.text(x + 1, start + self.lh * (i + 0.8), line)

    def block_heading(self, block: Block, companies_started: bool) -> bool:
        """A unit's or company's name, the subsidiaries on a page of their own; True once they began."""
        if block.company and not companies_started:
            self.pdf.add_page()
            self.text("Tytäryhteisöt", bold=True, size=11)
            self.text("Konserniyhteisöille asetetut tavoitteet ja niiden toteutuminen.")
        elif not block.company:
            self.pdf.need(120)
        self.text(block.name, bold=True, size=10, gap=1)
        return companies_started or block.company

    def write(self, path: Path, blocks: list[Block]) -> dict:
        pdf = self.pdf
        pdf.add_page()
        self.text(f"{self.municipality}n kunta", bold=True, size=12)
        self.text("Tilinpäätös ja toimintakertomus 2025", bold=True, size=11)
        self.text("Talousarvion toteutumisvertailu: käyttötalouden tavoitteiden ja määrärahojen toteutuminen "
                  "tehtävittäin. Valtuusto on hyväksynyt sitovat tavoitteet talousarviossa.", gap=4)
        if self.style.legend_first:
            self.legend()
        companies_started = False
        for block in blocks:
            companies_started = self.block_heading(block, companies_started)
            if not block.company:
                binding = self.rng.choice(['toimintakate', 'netto', 'toimintakate (netto)'])
                if self.style.lang == "sv":
                    self.text("Bindningsnivå: verksamhetsbidrag", gap=2)
                else:
                    self.text(f"Sitovuustaso: Valtuustoon nähden sitova on {binding}" if self.style.upper_units
                              else f"Sitovuustaso: {binding}", gap=2)
                self.budget(block)
                sv = self.style.lang == "sv"
                self.text("Verksamhetsbeskrivning" if sv else "Toiminnan kuvaus", bold=True, gap=1)
                self.text(f"{block.name.split(' ', 1)[1]} " + ("sköter sina uppgifter enligt kommunstrategin." if sv
                          else "vastaa tehtävistään kuntastrategian mukaisesti."))
            self.goal_table(block)
        if not self.style.legend_first:
            self.legend()
        pdf.output(str(path))
        return {"file": path.name, "kind": "followup", "layout_name": "tilinpaatos_family2",
                "municipality": self.municipality, "year": 2025, "style": asdict(self.style), "rows": self.rows,
                "budget_lines": self.lines}


def styles() -> list[Style]:
    """Each status kind with other features rotated, so every feature appears in a dozen documents."""
    out = []
    for k, status in enumerate(("words", "symbols", "glyph", "traffic", "square", "percent") * 2):
        out.append(Style(status=status, rules=True if k % 3 else "h", status_first=k % 4 == 1,
                         group_row=k % 2 == 0, budget=k % 3, headers=(k // 2) % 3, legend_first=k % 5 != 2,
                         companies=k % 3 != 1))
    # the second round (documents 12-17): layouts written after the readers were fixed on the first twelve
    out += [Style(status="yesno", thousands=True, upper_units=True, long_tables=True, rules="h"),
            Style(status="digits", numbered_goals=True, landscape=True, unicode_minus=True, budget=1),
            Style(status="words", thousands=True, long_tables=True, landscape=True, budget=2, headers=1),
            Style(status="glyph", upper_units=True, numbered_goals=True, rules="h", budget=1, headers=2,
                  group_row=False),
            Style(status="yesno", unicode_minus=True, status_first=True, budget=0, headers=2, companies=False),
            Style(status="percent", long_tables=True, upper_units=True, thousands=True, legend_first=False,
                  budget=1, headers=1)]
    # the third round (documents 18-23), written after the second was fixed
    out += [Style(status="words", rules=False, budget=3, headers=0),
            Style(status="ballword", rules="h", budget=3, landscape=True, headers=1),
            Style(status="words", lang="sv", budget=4, headers=3, companies=False),
            Style(status="glyph", lang="sv", rules="h", budget=4, headers=3, thousands=True),
            Style(status="traffic", rules=False, long_tables=True, status_first=True, budget=0, headers=2),
            Style(status="digits", rules=False, budget=1, upper_units=True, headers=1, group_row=False)]
    # the fourth round (documents 24-27): goal cells merged over their metric rows, text centred
    out += [Style(status="words", merged=True, rules=True, budget=0, headers=0),
            Style(status="glyph", merged=True, rules="h", budget=2, headers=1, group_row=False),
            Style(status="traffic", merged=True, rules=False, budget=1, headers=2, long_tables=True),
            Style(status="symbols", merged=True, rules=True, budget=3, headers=1, status_first=True)]
    return out


def write_gold(path: Path, gold: dict) -> Path:
    """The gold beside its document ('x.pdf' -> 'x.gold.json'); returns the document's path."""
    path.with_suffix(".gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def make_variants(out: Path, n: int = 12, seed: int = 11) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    all_styles = styles()
    for k in range(n):  # the first twelve styles and then the second round's six, in turn
        rng = random.Random(seed * 1000 + k)
        style = all_styles[k % len(all_styles)]
        municipality = MUNICIPALITIES[k % len(MUNICIPALITIES)]
        path = out / f"tp{k:02d}_{municipality.lower()}_tilinpaatos_2025.pdf"
        report = Report(municipality, style, rng)
        gold = report.write(path, make_blocks(rng, style))
        paths.append(write_gold(path, gold))
    return paths


FIELDS = ("status", "status_source", "values", "unit", "company", "comment", "conflict")


def measure(paths: list[Path], per_doc: bool = False) -> dict:
    """Follow-up rows (F1 by goal + metric), their fields, and budget lines of each document against
    its gold. A budget line counts as exact when its unit, line and column carry the gold amount."""
    import dataclasses

    from extractors.document import Source, extract_document
    from extractors.goals.budget import parse_amount
    from extractors.records import BudgetLine, FollowUp
    from pipeline.evaluate import text_similarity

    totals: dict[str, int] = {"gold": 0, "pred": 0, "matched": 0, **{f: 0 for f in FIELDS}, "source_gold": 0,
                              "budget_gold": 0, "budget_exact": 0, "budget_pred": 0, "budget_as_followup": 0}
    docs = {}
    for path in paths:
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        ex = extract_document(path.read_bytes(), Source(str(path), path.name))
        rows = [dataclasses.asdict(r) for r in ex.of(FollowUp)]
        budget = [b for b in ex.of(BudgetLine) if b.amount is not None]
        got = {(b.unit, b.line_norm, b.budget_column, b.year): b.amount for b in budget}
        # gold lines without a normalised line (round 6: 'Myyntituotot', 'Personalkostnader') by their label
        by_label = {(b.unit, " ".join(b.line.split()), b.budget_column, b.year): b.amount for b in budget}
        doc = {k: 0 for k in totals}
        doc["gold"], doc["pred"], doc["budget_pred"] = len(gold["rows"]), len(rows), len(budget)
        used: set[int] = set()
        for g in gold["rows"]:
            k = next((i for i, r in enumerate(rows) if i not in used and text_similarity(
                f"{g['goal']} {g['metric']}", f"{r['goal']} {r['metric']}") >= 0.85), None)
            if k is None:
                continue
            used.add(k)
            r = rows[k]
            doc["matched"] += 1
            doc["status"] += r["status"] == g["status"]
            if g["status_source"]:
                doc["source_gold"] += 1
                doc["status_source"] += r["status_source"] == g["status_source"]
            doc["values"] += all(r[f] == g[f] for f in ("current_value", "target_value", "actual_value"))
            doc["unit"] += r["unit"] == g["unit"]
            doc["company"] += r["company"] == g["company"]
            doc["comment"] += text_similarity(r["comment"], g["comment"]) >= 0.85
            doc["conflict"] += bool(r["status_conflict"]) == g["status_conflict"]
        doc["budget_as_followup"] = sum(1 for r in rows if any(  # a budget row's label or amount as a goal
            (r[f] or "").strip().startswith(("Toimintatuotot", "Toimintakulut", "Toimintakate", "Käyttötalous",
                                             "Myyntituotot", "Henkilöstökulut", "Palvelujen ostot",
                                             "Verksamhetens", "Personalkostnader", "Driftsekonomi"))
            or parse_amount(r[f] or "") is not None for f in ("strategy_area", "goal", "metric")))
        for b in gold["budget_lines"]:
            doc["budget_gold"] += 1
            key = (b["unit"], b["line_norm"] if b["line_norm"] else b["line"], b["column"], b.get("year", 2025))
            doc["budget_exact"] += (got if b["line_norm"] else by_label).get(key) == b["amount"]
        for key, value in doc.items():
            totals[key] += value
        docs[path.name] = {"style": gold["style"], **doc}
    return {"total": totals, "docs": docs} if per_doc else totals


def summary(t: dict) -> dict:
    """F1 and field accuracies from the counts of `measure`."""
    p = t["matched"] / t["pred"] if t["pred"] else 0.0
    r = t["matched"] / t["gold"] if t["gold"] else 0.0
    out = {"rows_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "precision": round(p, 3), "recall": round(r, 3)}
    for f in FIELDS:
        base = t["source_gold"] if f == "status_source" else t["matched"]
        out[f] = round(t[f] / base, 3) if base else None
    out["budget_exact"] = round(t["budget_exact"] / t["budget_gold"], 3) if t["budget_gold"] else None
    out["budget_as_followup"] = t["budget_as_followup"]
    return out


def round_main(doc: str, make, out: str, seed: int, kind: str) -> None:  # noqa: ANN001 - make(out, seed)
    """The command line of a later round's generator: write its documents, and with --report extract them
    and print the figures (each document named with its style's ``kind``)."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path(out))
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--report", action="store_true", help="extract every document and print the figures")
    args = parser.parse_args()
    paths = make(args.out, args.seed)
    if not args.report:
        print(f"wrote {len(paths)} documents to {args.out}")
        return
    got = measure(paths, per_doc=True)
    for name, doc_figures in got["docs"].items():
        print(name, doc_figures["style"][kind], {k: v for k, v in doc_figures.items() if k != "style"})
    print(json.dumps({"counts": got["total"], "scores": summary(got["total"])}, indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/tilinpaatos_variants"))
    parser.add_argument("--n", type=int, default=12)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--report", action="store_true", help="extract every variant and print the figures")
    args = parser.parse_args()
    paths = make_variants(args.out, args.n, args.seed)
    if args.report:
        got = measure(paths, per_doc=True)
        for name, doc in got["docs"].items():
            print(name, doc["style"]["status"], {k: v for k, v in doc.items() if k != "style"})
        print(json.dumps({"counts": got["total"], "scores": summary(got["total"])}, indent=1))
    else:
        print(f"wrote {len(paths)} variants to {args.out}")


if __name__ == "__main__":
    main()
