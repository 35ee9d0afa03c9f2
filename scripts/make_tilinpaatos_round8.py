"""Round 8 of the synthetic tilinpäätös family: layouts written before the readers were run on them.

Why: rounds 1-7 are tuned on, so their figures no longer estimate a municipality we have not seen. None
of these layouts was in rounds 1-7:

- a toimintakertomus per sector under 'Keskeiset tavoitteet ja niiden toteutuminen': each goal a bold line
  and a paragraph of assessment ending with the status as words in parentheses ('(toteutui osittain)'),
  no metric and no values; beside it a key-figure table 'Tunnusluvut | TP 2022 | TP 2023 | TP 2024 |
  Muutos %' that is no goal table;
- a 'Tuloskortti' whose first column 'Näkökulma' groups the goals by perspective (Asiakas / Prosessit /
  Henkilöstö / Talous), printed on the first row of each group only;
- the status as the colour of the whole row only (spreadsheet shades), its legend as coloured boxes at the
  end of the document;
- a Swedish 'Mål | Indikator | Målvärde 2024 | Utfall 2024 | Måluppfyllelse | Kommentar' table with
  horizontal rules only, and a 'Nyckeltal | BS 2022 | BS 2023 | BS 2024 | Förändring %' table.

The gold is what the document means (status by its words or legend). Budget tables are round 6's. Key-figure
rows are in no gold: read as follow-ups they are extra rows. These are synthetic: their figures estimate
unseen layouts, they are never a real score.

Run:
    .venv/bin/python scripts/make_tilinpaatos_round8.py --out /tmp/tp8 --report
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import make_tilinpaatos_round6 as r6  # noqa: E402 - after the path is set for a direct run
from scripts import make_tilinpaatos_round7 as r7  # noqa: E402
from scripts import make_tilinpaatos_variants as gen  # noqa: E402

YEAR = r6.YEAR
PAREN = {"toteutunut": "(toteutui)", "osittain": "(toteutui osittain)", "ei_toteutunut": "(ei toteutunut)"}
PERSPECTIVES = ["Asiakas", "Prosessit", "Henkilöstö", "Talous"]
SHADES = {"toteutunut": (198, 239, 206), "osittain": (255, 235, 156), "ei_toteutunut": (255, 199, 206)}
KPIS = ["Asukasluku", "Työttömyysaste, %", "Vuosikate, €/asukas", "Lainakanta, €/asukas"]
KPIS_SV = ["Invånarantal", "Arbetslöshetsgrad, %", "Årsbidrag, €/invånare", "Lånestock, €/invånare"]


@dataclass
class Style8(r7.Style7):
    layout: str = "keskeiset"  # keskeiset | tuloskortti | rowcolour | sv


class Report8(r7.Report7):
    """A round-8 tilinpäätös: round 6's budgets, goals in the layouts above."""

    style: Style8

    def legend(self) -> None:
        if self.style.layout == "sv":
            self.text("Bedömning av måluppfyllelsen", bold=True, size=9)
            self.text("Måluppfyllelsen anges som uppnått, delvis uppnått eller ej uppnått.")
        elif self.style.layout != "rowcolour":  # the colour legend is printed at the end
            self.text("Tavoitteiden toteutumisen arviointi", bold=True, size=9)
            self.text("Tavoitteen toteutuminen on arvioitu asteikolla toteutunut, osittain toteutunut, ei toteutunut.")

    def _kpi_table(self, sv: bool) -> None:
        names = KPIS_SV if sv else KPIS
        head = ["Nyckeltal", *(f"BS {y}" for y in (YEAR - 2, YEAR - 1, YEAR)), "Förändring %"] if sv else \
            ["Tunnusluvut", *(f"TP {y}" for y in (YEAR - 2, YEAR - 1, YEAR)), "Muutos %"]
        widths = [w * self.width / 100 for w in (40, 15, 15, 15, 15)]
        self.pdf.need(30)
        self.pdf.table_row(self.x, widths, head, line_height=self.lh, bold=True, size=7, rules=self.style.rules)
        for name in names:
            a, b, c = (self.rng.randint(100, 9000) for _ in range(3))
            change = f"{(c - b) / b * 100:.1f}".replace(".", ",")
            self.pdf.table_row(self.x, widths, [name, *(f"{v:,}".replace(",", " ") for v in (a, b, c)), change],
                               line_height=self.lh, size=7, rules=self.style.rules)
        self.pdf.set_y(self.pdf.get_y() + 5)

    def _keskeiset(self, block: gen.Block) -> None:
        self.text("Keskeiset tavoitteet ja niiden toteutuminen", bold=True, size=9)
        firsts = {r.goal: r for r in reversed(block.rows)}  # one paragraph per goal: its first metric's verdict
        for row in (r for r in block.rows if firsts[r.goal] is r):
            self.pdf.need(20)
            self.text(row.goal, bold=True, gap=0.5)
            page = self.pdf.page_no()
            self.text(f"{row.comment} {PAREN[row.status]}", gap=3)
            self.rows.append({"unit": block.name, "company": block.name if block.company else None,
                              "strategy_area": block.area, "goal": row.goal, "metric": None,
                              "current_value": None, "target_value": None, "actual_value": None,
                              "status": row.status, "status_source": "text", "comment": row.comment,
                              "status_conflict": False, "page": page})

    def _tuloskortti(self, block: gen.Block) -> None:
        self.text(f"Tuloskortti {YEAR}", bold=True, size=9, gap=1)
        rows = block.rows
        groups = {id(r): PERSPECTIVES[min(k * len(PERSPECTIVES) // max(len(rows), 1), len(PERSPECTIVES) - 1)]
                  for k, r in enumerate(rows)}
        seen: set[str] = set()

        def cells(r: gen.Row, goal: str) -> list[str]:
            view = groups[id(r)]
            first = view not in seen
            seen.add(view)
            return [view if first else "", goal, r.metric, r.target, r.actual, r6.WORDS[r.status], r.comment]

        self._table(block, ["Näkökulma", "Tavoite", "Mittari", "Tavoitetaso", "Toteuma", "Arvio", "Perustelut"],
                    [14, 30, 24, 12, 12, 16, 36], cells, "text")

    def _rowcolour(self, block: gen.Block) -> None:
        base = [34, 28, 14, 14, 50]
        widths = [b * self.width / sum(base) for b in base]
        header = ["Tavoite", "Mittari", "Tavoitetaso", "Toteuma", "Selitys"]

        def draw_header() -> None:
            self.pdf.table_row(self.x, widths, header, line_height=self.lh, bold=True, size=7, rules=True)

        self.pdf.need(40)
        draw_header()
        last_goal = None
        for row in block.rows:
            goal = row.goal if row.goal != last_goal else ""
            self.pdf.table_row(self.x, widths, [goal, row.metric, row.target, row.actual, row.comment],
                               line_height=self.lh, size=7, rules=True, fills=[SHADES[row.status]] * len(widths),
                               on_break=draw_header)
            self._gold(block, row, self.pdf.page_no(), False, "color")
            last_goal = row.goal
        self.pdf.set_y(self.pdf.get_y() + 5)

    def colour_legend(self) -> None:
        self.pdf.need(20)
        self.text("Värikoodien selitykset", bold=True, size=9)
        y = self.pdf.get_y() + 1
        x = self.x
        for status, label in (("toteutunut", "Toteutunut"), ("osittain", "Osittain toteutunut"),
                              ("ei_toteutunut", "Ei toteutunut")):
            self.pdf.set_fill_color(*SHADES[status])
            self.pdf.rect(x, y, 5, 3, "F")
            self.pdf.font(False, 8)
            self.pdf.text(x + 6, y + 2.7, label)
            x += 45
        self.pdf.set_y(y + 8)

    def goal_table(self, block: gen.Block) -> None:
        layout = self.style.layout
        if layout == "keskeiset":
            self._keskeiset(block)
            self._kpi_table(False)
        elif layout == "tuloskortti":
            self._tuloskortti(block)
        elif layout == "rowcolour":
            self._rowcolour(block)
        else:
            self._table(block, ["Mål", "Indikator", f"Målvärde {YEAR}", f"Utfall {YEAR}", "Måluppfyllelse",
                                "Kommentar"], [32, 28, 14, 14, 18, 40],
                        lambda r, g: [g, r.metric, r.target, r.actual, r6.WORDS_SV[r.status], r.comment], "text")
            self._kpi_table(True)

    def write(self, path: Path, blocks: list[gen.Block]) -> dict:
        if self.style.layout != "rowcolour":
            return super().write(path, blocks)
        original = self.pdf.output

        def with_legend(name: str) -> None:  # the colour legend on the last page, then the file
            self.colour_legend()
            original(name)

        self.pdf.output = with_legend  # type: ignore[method-assign]
        return super().write(path, blocks)


def styles() -> list[Style8]:
    return [
        Style8(layout="keskeiset", budget6=1, rules=True, companies=False),
        Style8(layout="tuloskortti", budget6=0, rules=True, companies=False),
        Style8(layout="rowcolour", budget6=3, rules=True, companies=False),
        Style8(layout="sv", kind="sv", lang="sv", budget6=2, rules="h", companies=False),
    ]


MUNICIPALITIES8 = ["Ylivieska", "Kemijärvi", "Laitila", "Kristinestad"]


def make_round8(out: Path, seed: int = 88) -> list[Path]:
    return r6.make_reports(out, seed, styles(), MUNICIPALITIES8, "tp8", Report8, "tilinpaatos_round8")


def main() -> None:
    gen.round_main(__doc__, make_round8, "/tmp/tilinpaatos_round8", 88, "layout")


if __name__ == "__main__":
    main()
