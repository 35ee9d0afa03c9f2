"""Round 7 of the synthetic tilinpäätös family: layouts written before the readers were run on them.

Why: rounds 1-6 are tuned on, so their figures no longer estimate a municipality we have not seen. None
of these layouts was in rounds 1-6:

- a toimintakertomus where each goal is a block of labelled paragraphs instead of a table row
  ('Tavoite: ...', 'Mittari: ...', 'Tavoitetaso: ...', 'Toteuma: ...', 'Arvio: Toteutunut. ...');
- the status as a count of filled circles ('●●●', '●●○', '●○○') explained by a legend;
- a 'Sitovuustaso' column (valtuusto / lautakunta) inside the goal table;
- a table per sector headed 'Kehittämistavoite | Mittari | Tavoite 2024 | Toteutuminen 31.12.2024 |
  Arvio', where 'Toteutuminen 31.12.' holds the measured value, not the status;
- a header over two rows: 'Tavoite | Mittari | Vuosi 2024 | Arviointi' above '| | Tavoite | Toteuma |'.

The gold is what the document means (status by its legend or words). Budget tables are round 6's.
These are synthetic: their figures estimate unseen layouts, they are never a real score.

Run:
    .venv/bin/python scripts/make_tilinpaatos_round7.py --out /tmp/tp7 --report
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts import make_tilinpaatos_round6 as r6  # noqa: E402 - after the path is set for a direct run
from scripts import make_tilinpaatos_variants as gen  # noqa: E402

YEAR = r6.YEAR
DOTS = {"toteutunut": "●●●", "osittain": "●●○", "ei_toteutunut": "●○○"}
BINDING = ["Valtuusto", "Lautakunta"]


@dataclass
class Style7(r6.Style6):
    layout: str = "paragraphs"  # paragraphs | dots | sitovuus | sector | twoheader


class Report7(r6.Report6):
    """A round-7 tilinpäätös: round 6's budgets, goals in the layouts above."""

    style: Style7

    def legend(self) -> None:
        self.text("Tavoitteiden toteutumisen arviointi", bold=True, size=9)
        if self.style.layout == "dots":
            self.text("●●● = tavoite toteutunut, ●●○ = tavoite toteutunut osittain, ●○○ = tavoite ei toteutunut")
        else:
            self.text("Tavoitteen toteutuminen on arvioitu asteikolla toteutunut, osittain toteutunut, "
                      "ei toteutunut.")

    def _gold(self, block: gen.Block, row: gen.Row, page: int, current: bool, source: str) -> None:
        self.rows.append({"unit": block.name, "company": block.name if block.company else None,
                          "strategy_area": block.area, "goal": row.goal, "metric": row.metric,
                          "current_value": row.baseline if current else None, "target_value": row.target,
                          "actual_value": row.actual, "status": row.status, "status_source": source,
                          "comment": row.comment, "status_conflict": False, "page": page})

    def _paragraphs(self, block: gen.Block) -> None:
        self.text(f"Strateginen painopiste: {block.area}", bold=True, size=9)
        for row in block.rows:
            self.pdf.need(30)
            self.text(f"Tavoite: {row.goal}", bold=True, gap=0.5)
            page = self.pdf.page_no()
            self.text(f"Mittari: {row.metric}", gap=0.5)
            self.text(f"Tavoitetaso: {row.target}", gap=0.5)
            self.text(f"Toteuma: {row.actual}", gap=0.5)
            self.text(f"Arvio: {r6.WORDS[row.status]}. {row.comment}", gap=3)
            self._gold(block, row, page, False, "text")

    def _table(self, block: gen.Block, header: list[str], base: list[float], cells_of, source: str,  # noqa: ANN001
               top_header: list[str] | None = None, current: bool = False) -> None:
        widths = [b * self.width / sum(base) for b in base]

        def draw_header() -> None:
            if top_header is not None:
                self.pdf.table_row(self.x, widths, top_header, line_height=self.lh, bold=True, size=7,
                                   fills=[(220, 230, 241)] * len(widths), rules=self.style.rules)
            self.pdf.table_row(self.x, widths, header, line_height=self.lh, bold=True, size=7,
                               fills=[(220, 230, 241)] * len(widths), rules=self.style.rules)

        self.pdf.need(40)
        draw_header()
        last_goal = None
        for row in block.rows:
            texts = cells_of(row, row.goal if row.goal != last_goal else "")
            self.pdf.table_row(self.x, widths, texts, line_height=self.lh, size=7, rules=self.style.rules,
                               on_break=draw_header)
            self._gold(block, row, self.pdf.page_no(), current, source)
            last_goal = row.goal
        self.pdf.set_y(self.pdf.get_y() + 5)

    def goal_table(self, block: gen.Block) -> None:
        layout = self.style.layout
        if layout == "paragraphs":
            self._paragraphs(block)
        elif layout == "dots":
            self._table(block, ["Tavoite", "Mittari", "Tavoitetaso", "Toteuma", "Arvio", "Perustelut"],
                        [34, 28, 14, 14, 12, 40],
                        lambda r, g: [g, r.metric, r.target, r.actual, DOTS[r.status], r.comment], "symbol")
        elif layout == "sitovuus":
            binding = {g: self.rng.choice(BINDING) for g in {r.goal for r in block.rows}}
            self._table(block, ["Tavoite", "Sitovuustaso", "Mittari", "Tavoitetaso 2024", "Toteuma 2024",
                                "Toteutuminen", "Selvitys"], [32, 16, 26, 14, 14, 18, 36],
                        lambda r, g: [g, binding[r.goal] if g else "", r.metric, r.target, r.actual,
                                      r6.WORDS[r.status], r.comment], "text")
        elif layout == "sector":
            self.text(f"Sektorin kehittämistavoitteet: {block.area}", bold=True, size=9, gap=1)
            self._table(block, ["Kehittämistavoite", "Mittari", f"Tavoite {YEAR}", f"Toteutuminen 31.12.{YEAR}",
                                "Arvio", "Kommentti"], [34, 28, 14, 18, 18, 36],
                        lambda r, g: [g, r.metric, r.target, r.actual, r6.WORDS[r.status], r.comment], "text")
        else:  # a header over two rows
            self._table(block, ["", "", "Tavoite", "Toteuma", "", ""], [34, 28, 14, 14, 18, 40],
                        lambda r, g: [g, r.metric, r.target, r.actual, r6.WORDS[r.status], r.comment], "text",
                        top_header=["Tavoite", "Mittari", f"Vuosi {YEAR}", "", "Arviointi", "Perustelut"])


def styles() -> list[Style7]:
    return [
        Style7(layout="paragraphs", budget6=0, rules=True, companies=False),
        Style7(layout="dots", budget6=1, rules="h", companies=True),
        Style7(layout="sitovuus", budget6=3, rules=True, long_tables=True, companies=False),
        Style7(layout="sector", budget6=4, rules=False, companies=False),
        Style7(layout="twoheader", budget6=0, rules=True, companies=False),
    ]


MUNICIPALITIES7 = ["Kitee", "Loimaa", "Huittinen", "Kuusamo", "Raahe"]


def make_round7(out: Path, seed: int = 77) -> list[Path]:
    return r6.make_reports(out, seed, styles(), MUNICIPALITIES7, "tp7", Report7, "tilinpaatos_round7")


def main() -> None:
    gen.round_main(__doc__, make_round7, "/tmp/tilinpaatos_round7", 77, "layout")


if __name__ == "__main__":
    main()
