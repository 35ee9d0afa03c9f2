"""Round 6 of the synthetic tilinpäätös family: layouts written before the readers were run on them.

Why: rounds 1-5 are tuned on, so they no longer say how a municipality we have not seen would be read.
These layouts come from what budgeting software and Excel exports of Finnish toimintakertomus reports
print, and none of them was in rounds 1-5:

- a 'Tavoitteen toteutuminen' column with 'Toteutunut / Osittain toteutunut / Ei toteutunut';
- arrows '↑' / '→' / '↓' and letters 'T' / 'O' / 'E', each explained by a legend;
- a percent of the target ('Toteutumis-%') with a legend that names the status before its band
  ('Tavoite toteutunut: 100 % tai enemmän; ...');
- Swedish reports with 'Uppnått / Delvis uppnått / Ej uppnått' and a 'Budget + ändringar' budget;
- a coloured ball with a status digit beside it, where some rows disagree: the ball against the digit,
  or the ball against the assessment ('nyt vain 0,2' under a target of 'vähintään 1,5'): `status_conflict`;
- metric rows whose long assessment is cut by the page break and goes on on the next page;
- goal tables on landscape pages inside a portrait document, and a whole landscape Excel export
  without any rules whose goal table is headed 'TP 2023 | TA 2024 | TP 2024';
- a goal printed as a numbered heading above its own metric table (no goal column);
- budget tables headed 'TA 2024 | TA-muutokset | TA+muutokset | TP 2024 | Poikkeama | Tot-%' and the like,
  negative amounts as '-', '−' or '(1 234)', thousands separated by a space, a no-break space, a thin
  space or a narrow no-break space, amounts with ',00' decimals or in 1 000 € with one decimal, more
  lines than the three sums ('Myyntituotot', 'Henkilöstökulut'), and one 'Käyttötalouden
  toteutumisvertailu' table for all units, each unit a label row inside it.

The gold is what the document means (status by its legend; a conflicting row keeps the colour's status and
is flagged). Budget lines are gold per printed label, unit and euro column. These are synthetic: their
figures estimate unseen layouts, they are never a real score.

Run:
    .venv/bin/python scripts/make_tilinpaatos_round6.py --out /tmp/tp6 --report
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import make_tilinpaatos_variants as gen  # noqa: E402 - after the path is set for a direct run

YEAR = 2024
WORDS = {"toteutunut": "Toteutunut", "osittain": "Osittain toteutunut", "ei_toteutunut": "Ei toteutunut"}
WORDS_SV = {"toteutunut": "Uppnått", "osittain": "Delvis uppnått", "ei_toteutunut": "Ej uppnått"}
ARROWS = {"toteutunut": "↑", "osittain": "→", "ei_toteutunut": "↓"}
LETTERS = {"toteutunut": "T", "osittain": "O", "ei_toteutunut": "E"}
DIGITS = {"toteutunut": "1", "osittain": "2", "ei_toteutunut": "3"}
PERCENTS = {"toteutunut": (100, 125), "osittain": (50, 99), "ei_toteutunut": (5, 49)}
SOURCES = {"toteutuminen": "text", "arrows": "symbol", "sv": "text", "balldigit": "color", "percent": "percent",
           "excel": "text", "letters": "symbol", "goalheads": "text"}
# (goal, metric, baseline, target, actual, status, comment); None = not printed; a goal None: a heading above
HEADERS6 = {
    "toteutuminen": ("Tavoite", "Mittari", "Lähtötaso 2023", "Tavoitetaso 2024", "Toteuma 2024",
                     "Tavoitteen toteutuminen", "Selvitys"),
    "arrows": ("Toiminnallinen tavoite", "Arviointikriteeri", None, "Tavoite 2024", "Toteutunut 2024",
               "Toteutuminen", "Perustelut"),
    "sv": ("Mål", "Indikator", "Utgångsläge 2023", "Målsättning 2024", "Utfall 2024", "Måluppfyllelse",
           "Kommentar"),
    "balldigit": ("Tavoite", "Mittari", None, "Tavoitetaso", "Toteuma", "Tila", "Arviointi"),
    "percent": ("Tavoite", "Mittari", None, "Tavoitearvo 2024", "Toteuma 2024", "Toteutumis-%", "Kommentit"),
    "excel": ("Sitova tavoite", "Mittari", "TP 2023", "TA 2024", "TP 2024", "Toteutuminen", "Selite"),
    "letters": ("Tavoite", "Mittari", None, "Tavoitetaso", "Toteutuma", "Arvio", "Lisätiedot"),
    "goalheads": (None, "Mittari", "Lähtötaso", "Tavoite 2024", "Toteuma 2024", "Toteutuminen", "Arviointi"),
}
# budget headers: (printed header, gold column or None for a share, year of the column)
BUDGETS6 = [
    [("TA 2024", "ta"), ("TA-muutokset", "muutos"), ("TA+muutokset", "yhteensa"), ("TP 2024", "tp"),
     ("Poikkeama", "poikkeama"), ("Tot-%", None)],
    [("Alkuperäinen TA 2024", "alkuperainen"), ("Muutokset 2024", "muutos"), ("Muutettu TA 2024", "yhteensa"),
     ("Toteutuma 2024", "toteutuma"), ("Ero", "poikkeama"), ("Tot. %", None)],
    [("Budget 2024", "ta"), ("Ändringar", "muutos"), ("Budget + ändringar", "yhteensa"), ("Bokslut 2024", "tp"),
     ("Avvikelse", "poikkeama"), ("Utfall %", None)],
    [("TP 2023", "tp_prev"), ("TA 2024", "ta"), ("TA+muutokset", "yhteensa"), ("TP 2024", "tp"),
     ("Poikkeama", "poikkeama"), ("Tot-%", None)],
    [("Talousarvio", "ta"), ("Talousarvio-muutokset", "muutos"), ("Talousarvio yhteensä", "yhteensa"),
     ("Toteutunut", "toteutuma"), ("Erotus", "poikkeama"), ("%", None)],
]
LINES_FI = [("Myyntituotot", "sales"), ("Toimintatuotot", "toimintatuotot"), ("Henkilöstökulut", "staff"),
            ("Palvelujen ostot", "services"), ("Toimintakulut", "toimintakulut"), ("Toimintakate", "toimintakate")]
LINES_SV = [("Verksamhetens intäkter", "toimintatuotot"), ("Personalkostnader", "staff"),
            ("Verksamhetens kostnader", "toimintakulut"), ("Verksamhetsbidrag", "toimintakate")]
GOALS_SV = {g: s for g, s in zip(gen.GOALS, [
    "Servicens tillgänglighet förbättras", "Ekonomin hålls i balans", "Invånarnas delaktighet stärks",
    "Energiförbrukningen minskar i kommunens fastigheter", "Barn och unga får fler möjligheter till fritidsaktiviteter",
    "Valen ordnas tillförlitligt", "Revisionen omfattar alla sektorer",
    "Handläggningstiderna för miljötillstånd blir kortare",
    "Fastigheternas användningsgrad stiger", "Outhyrda hyresbostäder blir färre"], strict=True)}
METRICS_SV = {m: s for m, s in zip(gen.METRICS, [
    "Kundnöjdhet (1–5)", "Handläggningstid (dygn)", "Nettokostnad (€/invånare)", "Antal besökare",
    "Energiförbrukning (MWh)", "Användningsgrad (%)", "Andel elektroniska tjänster (%)", "Antal granskade objekt",
    "Outhyrda bostäder (%)", "Antal deltagare"], strict=True)}
COMMENTS_SV = {"toteutunut": "Målet nåddes under hela året.", "osittain": "En del av åtgärderna sköts upp.",
               "ei_toteutunut": "Projektet försenades eftersom finansieringen saknades."}
LONG = (" Toimenpiteiden vaikutuksia seurattiin neljännesvuosittain ja tuloksista raportoitiin lautakunnalle."
        " Henkilöstön vaihtuvuus vaikutti työhön erityisesti syksyllä, ja osa koulutuksista siirrettiin."
        " Asiakaspalautteen perusteella palveluja kehitetään edelleen yhdessä käyttäjien kanssa.")


@dataclass
class Style6(gen.Style):
    kind: str = "toteutuminen"  # which HEADERS6 and status printing
    budget6: int = 0  # which BUDGETS6
    minus: str = "-"  # '-', '−' or '()' (parentheses)
    sep: str = " "  # thousands separator: space, no-break space, thin space, narrow no-break space
    decimals: bool = False  # ',00' after every amount
    extra_lines: bool = False  # Myyntituotot, Henkilöstökulut, Palvelujen ostot besides the sums
    unit_rows: bool = False  # one budget table for all units, each unit a label row inside it
    split_rows: bool = False  # long assessments: rows cut by the page break
    landscape_goals: bool = False  # goal tables on landscape pages of a portrait document
    conflicts: bool = False  # some rows whose ball disagrees with the digit or the assessment


def amount_text(value: float, style: Style6, digits: int = 0) -> str:
    """An amount as the style prints it: separator, sign, decimals."""
    body = f"{abs(value):,.{digits}f}".replace(",", "\x00").replace(".", ",").replace("\x00", style.sep)
    if style.decimals and digits == 0:
        body += ",00"
    if value >= 0:
        return body
    return f"({body})" if style.minus == "()" else f"{style.minus}{body}"


def _amounts(rng: random.Random, base: int, step: int) -> dict[str, int]:
    change = rng.choice([0, rng.randint(-40, 40) * 100]) // step * step
    outturn = (base + change + rng.randint(-9000, 9000)) // step * step
    return {"ta": base, "alkuperainen": base, "muutos": change, "yhteensa": base + change, "tp": outturn,
            "toteutuma": outturn, "poikkeama": outturn - (base + change),
            "tp_prev": (base + rng.randint(-20000, 20000)) // step * step}


class Report6(gen.Report):
    """A round-6 tilinpäätös: legends, budget tables and goal tables of the layouts above."""

    style: Style6

    def __init__(self, municipality: str, style: Style6, rng: random.Random) -> None:
        super().__init__(municipality, style, rng)
        sv = style.kind == "sv"
        self.pdf.running_title = (f"{municipality} – Bokslut {YEAR}" if sv  # type: ignore[attr-defined]
                                  else f"{municipality} – Tilinpäätös {YEAR}")
        self.step = 100 if style.thousands else 1
        self.splits = 0  # rows cut by a page break

    # --- blocks and their amounts -------------------------------------------------------------------

    def blocks(self) -> list[gen.Block]:
        blocks = gen.make_blocks(self.rng, self.style)
        for block in blocks:
            if not block.company:
                base = {"toimintatuotot": self.rng.randint(50, 900) * 1000 + self.rng.randint(0, 999),
                        "toimintakulut": -(self.rng.randint(900, 9000) * 1000 + self.rng.randint(0, 999))}
                base = {k: v // self.step * self.step for k, v in base.items()}
                income, costs = (_amounts(self.rng, base[k], self.step) for k in ("toimintatuotot", "toimintakulut"))
                block.budget = {"toimintatuotot": income, "toimintakulut": costs,
                                "toimintakate": {k: income[k] + costs[k] for k in income},
                                "sales": _amounts(self.rng, base["toimintatuotot"] // 2 // self.step * self.step,
                                                  self.step),
                                "staff": _amounts(self.rng, base["toimintakulut"] // 2 // self.step * self.step,
                                                  self.step),
                                "services": _amounts(self.rng, base["toimintakulut"] // 3 // self.step * self.step,
                                                     self.step)}
            for row in block.rows:
                if self.style.kind == "sv":
                    row.goal, row.metric = GOALS_SV[row.goal], METRICS_SV[row.metric]
                    row.comment = COMMENTS_SV[row.status]
                elif self.style.split_rows and self.rng.random() < 0.5:
                    row.comment += LONG
                low, high = PERCENTS[row.status]
                row.percent = self.rng.randint(low, high)
        if self.style.conflicts:  # every fourth row disagrees with itself
            rows = [r for b in blocks for r in b.rows]
            for k, row in enumerate(rows[1::4]):
                row.conflict = "digit" if k % 2 == 0 else "text"  # type: ignore[attr-defined]
                if row.conflict == "text":  # type: ignore[attr-defined]
                    row.status = "toteutunut"
                    row.target, row.actual = "vähintään 1,5", "0,2"
                    row.comment = "Tunnusluku jäi selvästi alle tavoitteen, nyt vain 0,2."
        return blocks

    # --- legends --------------------------------------------------------------------------------------

    def legend(self) -> None:
        k = self.style.kind
        if k == "sv":
            self.text("Bedömning av måluppfyllelsen", bold=True, size=9)
            self.text("Måluppfyllelsen anges som uppnått, delvis uppnått eller ej uppnått.")
            return
        self.text("Tavoitteiden toteutumisen arviointi", bold=True, size=9)
        if k == "arrows":
            self.text("↑ = tavoite toteutunut, → = tavoite toteutunut osittain, ↓ = tavoite ei toteutunut")
        elif k == "letters":
            self.text("T = tavoite toteutunut, O = tavoite toteutunut osittain, E = tavoite ei toteutunut")
        elif k == "percent":
            self.text("Tavoite toteutunut: 100 % tai enemmän; osittain toteutunut: 50–99 %; "
                      "ei toteutunut: alle 50 %")
        elif k == "balldigit":
            self.text("Vihreä pallo ja 1 = tavoite toteutunut, keltainen pallo ja 2 = tavoite toteutunut "
                      "osittain, punainen pallo ja 3 = tavoite ei toteutunut.")
        else:
            self.text("Tavoitteen toteutuminen on arvioitu asteikolla toteutunut, osittain toteutunut, "
                      "ei toteutunut.")

    def status_text(self, row: gen.Row) -> str:
        k = self.style.kind
        if k == "sv":
            return WORDS_SV[row.status]
        if k == "balldigit":
            conflict = getattr(row, "conflict", None)
            shown = {"toteutunut": "osittain", "osittain": "ei_toteutunut", "ei_toteutunut": "toteutunut"}[
                row.status] if conflict == "digit" else row.status
            return DIGITS[shown]
        return {"arrows": ARROWS, "letters": LETTERS}.get(k, WORDS)[row.status] if k != "percent" \
            else f"{row.percent} %"

    # --- budget ---------------------------------------------------------------------------------------

    def _budget_header(self, widths: list[float], cols: list) -> None:
        sv = self.style.kind == "sv"
        title = ("Driftsekonomi" if sv else "Käyttötalous") + (" (1 000 €)" if self.style.thousands else "")
        self.pdf.table_row(self.x, widths, [title, *(c for c, _ in cols)], line_height=self.lh, bold=True,
                           size=7, fills=[(230, 230, 230)] * (len(cols) + 1), rules=self.style.rules)

    def _budget_rows(self, unit: str, values_of: dict, widths: list[float], cols: list) -> None:
        sv = self.style.kind == "sv"
        lines = LINES_SV if sv else LINES_FI if self.style.extra_lines else [
            (label, norm) for label, norm in LINES_FI if norm.startswith("toiminta")]
        for label, norm in lines:
            values = values_of[norm]
            texts = [label]
            for _, name in cols:
                if name is None:
                    base = values["yhteensa"]
                    texts.append(f"{100 * values['tp'] / base:.1f}".replace(".", ",") if base else "")
                    continue
                amount = values[name]
                texts.append(amount_text(amount / 1000, self.style, 1) if self.style.thousands
                             else amount_text(amount, self.style))
                self.lines.append({"unit": unit, "line": label, "line_norm": None,
                                   "column": "tp" if name == "tp_prev" else name,
                                   "year": YEAR - 1 if name == "tp_prev" else YEAR,
                                   "amount": amount, "page": self.pdf.page_no()})
            self.pdf.table_row(self.x, widths, texts, line_height=self.lh, size=7, rules=self.style.rules)

    def _widths(self, cols: list) -> list[float]:
        label = 50
        return [label] + [(self.width - label) / len(cols)] * len(cols)

    def budget(self, block: gen.Block) -> None:
        cols = BUDGETS6[self.style.budget6]
        widths = self._widths(cols)
        self.pdf.need(34)
        self._budget_header(widths, cols)
        self._budget_rows(block.name, block.budget, widths, cols)
        self.pdf.set_y(self.pdf.get_y() + 4)

    def all_units_budget(self, blocks: list[gen.Block]) -> None:
        """'Käyttötalouden toteutumisvertailu': one table, each unit a bold label row above its lines."""
        cols = BUDGETS6[self.style.budget6]
        widths = self._widths(cols)
        self.text("Käyttötalouden toteutumisvertailu", bold=True, size=10)
        self._budget_header(widths, cols)
        for block in blocks:
            if block.company:
                continue
            self.pdf.table_row(self.x, widths, [block.name] + [""] * len(cols), line_height=self.lh, size=7,
                               bold=True, rules=self.style.rules)
            self._budget_rows(block.name, block.budget, widths, cols)
        self.pdf.set_y(self.pdf.get_y() + 6)

    # --- goal tables ----------------------------------------------------------------------------------

    def _orientation(self, landscape: bool) -> None:
        self.pdf.add_page(orientation="L" if landscape else "P")
        self.pdf.bottom = 195 if landscape else 282
        self.width = 257.0 if landscape else 170.0

    def _row(self, widths: list[float], texts: list[str], header) -> list:  # noqa: ANN001 - a callable
        """One metric row; with ``split_rows`` a row that does not fit is cut at the page break and goes on
        on the next page (below the repeated header). Returns the cells of its first part."""
        pdf, lh = self.pdf, self.lh
        wrapped = [pdf.wrap(w - 2, t, False, 7) if t else [] for w, t in zip(widths, texts, strict=True)]
        lines = max(1, *(len(w) for w in wrapped))
        room = int((pdf.bottom - pdf.get_y() - 2) // lh)
        if not self.style.split_rows or lines * lh + 2 <= pdf.bottom - pdf.get_y() or room < 2 or lines < 3:
            return pdf.table_row(self.x, widths, texts, line_height=lh, size=7, rules=self.style.rules,
                                 on_break=header)
        self.splits += 1
        first = pdf.table_row(self.x, widths, ["\n".join(w[:room]) for w in wrapped], line_height=lh, size=7,
                              rules=self.style.rules, min_lines=room)
        pdf.add_page()
        header()
        pdf.table_row(self.x, widths, ["\n".join(w[room:]) for w in wrapped], line_height=lh, size=7,
                      rules=self.style.rules)
        return first

    def goal_table(self, block: gen.Block) -> None:
        k = self.style.kind
        names = HEADERS6[k]
        order = [i for i, name in enumerate(names) if name is not None]
        base = {0: 34, 1: 30, 2: 14, 3: 16, 4: 16, 5: 22, 6: 40}
        if self.style.landscape_goals:
            self._orientation(True)
            self.text(f"{block.name}: tavoitteiden toteutuminen", bold=True, size=10)
        total = sum(base[i] for i in order)
        widths = [base[i] * self.width / total for i in order]
        header = [names[i] for i in order]

        def draw_header() -> None:
            self.pdf.table_row(self.x, widths, header, line_height=self.lh, bold=True, size=7,
                               fills=[(220, 230, 241)] * len(order), rules=self.style.rules)

        goals = list(dict.fromkeys(r.goal for r in block.rows))
        if k == "goalheads":
            self.text(f"Strategian painopiste: {block.area}", bold=True, size=9, gap=1)
        else:
            self.pdf.need(40)
            draw_header()
            self.pdf.table_row(self.x, [self.width], [block.area], line_height=self.lh, bold=True, size=7,
                               rules=self.style.rules, on_break=draw_header)
        last_goal = None
        for row in block.rows:
            if k == "goalheads" and row.goal != last_goal:
                self.pdf.need(30)
                self.text(f"{goals.index(row.goal) + 1}. {row.goal}", bold=True, size=8, gap=1)
                draw_header()
            values = {0: row.goal if row.goal != last_goal else "", 1: row.metric, 2: row.baseline,
                      3: row.target, 4: row.actual, 5: self.status_text(row), 6: row.comment}
            cells = self._row(widths, [values[i] for i in order], draw_header)
            page = self.pdf.page_no()
            conflict = getattr(row, "conflict", None)
            if k == "balldigit":
                x, y, w, h = cells[order.index(5)]
                self.pdf.ball(x + w - 4, y + 3, 1.4, gen.COLOURS[row.status])
            last_goal = row.goal
            goal = f"{goals.index(row.goal) + 1}. {row.goal}" if k == "goalheads" else row.goal
            self.rows.append({"unit": block.name, "company": block.name if block.company else None,
                              "strategy_area": block.area, "goal": goal, "metric": row.metric,
                              "current_value": row.baseline if names[2] else None, "target_value": row.target,
                              "actual_value": row.actual, "status": row.status, "status_source": SOURCES[k],
                              "comment": row.comment, "status_conflict": conflict is not None, "page": page})
        self.pdf.set_y(self.pdf.get_y() + 5)
        if self.style.landscape_goals:
            self._orientation(False)

    # --- the document ---------------------------------------------------------------------------------

    def write(self, path: Path, blocks: list[gen.Block]) -> dict:
        pdf = self.pdf
        sv = self.style.kind == "sv"
        pdf.add_page(orientation="L" if self.style.landscape else "P")
        self.text(f"{self.municipality} kommun" if sv else f"{self.municipality}n kunta", bold=True, size=12)
        self.text(f"Bokslut och verksamhetsberättelse {YEAR}" if sv else f"Tilinpäätös ja toimintakertomus {YEAR}",
                  bold=True, size=11)
        self.text("Uppföljning av driftsekonomins mål och anslag per uppgift." if sv else
                  "Talousarvion toteutumisvertailu: käyttötalouden tavoitteiden ja määrärahojen toteutuminen "
                  "tehtävittäin. Valtuusto on hyväksynyt sitovat tavoitteet talousarviossa.", gap=4)
        self.legend()
        if self.style.unit_rows:
            self.all_units_budget(blocks)
        companies_started = False
        for block in blocks:
            companies_started = self.block_heading(block, companies_started)
            if not block.company:
                self.text("Bindningsnivå: verksamhetsbidrag" if sv else "Sitovuustaso: toimintakate", gap=2)
                if not self.style.unit_rows:
                    self.budget(block)
                self.text("Verksamhetsbeskrivning" if sv else "Toiminnan kuvaus", bold=True, gap=1)
                self.text(f"{block.name.split(' ', 1)[1]} " + ("sköter sina uppgifter enligt kommunstrategin." if sv
                          else "vastaa tehtävistään kuntastrategian mukaisesti."))
            self.goal_table(block)
        pdf.output(str(path))
        return {"file": path.name, "kind": "followup", "layout_name": "tilinpaatos_round6",
                "municipality": self.municipality, "year": YEAR, "style": self.style.__dict__, "rows": self.rows,
                "budget_lines": self.lines}


MUNICIPALITIES6 = ["Alavus", "Kurikka", "Närpiö", "Nivala", "Kannus", "Lieksa", "Orivesi", "Ikaalinen"]


def styles() -> list[Style6]:
    return [
        Style6(kind="toteutuminen", budget6=0, sep="\u00a0", rules=True, companies=False),
        Style6(kind="arrows", budget6=3, minus="()", sep="\u2009", rules="h", landscape_goals=True),
        Style6(kind="sv", lang="sv", budget6=2, minus="−", sep="\u202f", rules=True, companies=False),
        Style6(kind="balldigit", budget6=1, thousands=True, rules=True, conflicts=True, long_tables=True,
               companies=False),
        Style6(kind="percent", budget6=4, unit_rows=True, split_rows=True, rules=True, long_tables=True,
               companies=False),
        Style6(kind="excel", budget6=0, decimals=True, sep="\u00a0", rules=False, landscape=True, extra_lines=True,
               companies=False),
        Style6(kind="letters", budget6=3, minus="−", rules="h", extra_lines=True, split_rows=True, long_tables=True),
        Style6(kind="goalheads", budget6=1, minus="()", rules=True, unit_rows=True, companies=False),
    ]


def make_round6(out: Path, seed: int = 66) -> list[Path]:
    return make_reports(out, seed, styles(), MUNICIPALITIES6, "tp6", Report6)


def make_reports(out: Path, seed: int, all_styles: list, municipalities: list[str], prefix: str,
                 report_class: type[Report6], layout_name: str | None = None) -> list[Path]:
    """Write one document per style (round 6's and the later rounds' built on it) with its gold beside it."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, style in enumerate(all_styles):
        rng = random.Random(seed * 1000 + k)
        municipality = municipalities[k % len(municipalities)]
        path = out / f"{prefix}_{k:02d}_{municipality.lower()}_tilinpaatos_{YEAR}.pdf"
        report = report_class(municipality, style, rng)
        if style.landscape:
            report.pdf.bottom, report.width = 195, 257.0
        gold = report.write(path, report.blocks())
        if layout_name:
            gold["layout_name"] = layout_name
        paths.append(gen.write_gold(path, gold))
    return paths


def main() -> None:
    gen.round_main(__doc__, make_round6, "/tmp/tilinpaatos_round6", 66, "kind")


if __name__ == "__main__":
    main()
