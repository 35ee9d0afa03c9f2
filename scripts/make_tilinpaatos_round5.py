"""Round 5 of the synthetic tilinpäätös family: layouts rounds 1-4 do not have, written to be measured unseen.

Why: rounds 1-4 (scripts/make_tilinpaatos_variants.py) are now tuned on, so their scores say nothing about a
municipality we have not seen. These layouts are ones real toimintakertomus reports print and the family
did not:

- an 'Arvio' column holding a sentence that carries the verdict ('Tavoite saavutettiin osittain. Osa
  toimenpiteistä siirtyi ...') instead of a status word, and no separate comment column;
- the status as the whole row's background (Excel conditional formatting: light green / yellow / red),
  with no status column at all, the colours explained by a legend of swatches;
- check marks '✓' / '(✓)' / '✗' with a legend;
- smiley faces drawn as coloured vector shapes (eyes and a smiling, straight or downturned mouth);
- a strategy heading as a bold row across the table before each goal, so one table spans several areas;
- long tables whose header is printed on the first page only;
- budget tables headed 'Alkup. TA 2025 | Muutokset | TA muutosten jälkeen | TP 2025 | Poikkeama | Käyttö-%'
  or 'Talousarvio 2025 | Muutokset | Käytettävissä | Toteutunut | Ylitys (-) / alitus (+) | Käyttö-%';
- a two-column page: unit headings, narrow budget tables and goal tables flowing down the left column and
  on into the right one.

The gold is what the document means (status by its own legend; the Arvio sentence is the comment).
These are synthetic: the figures they give are an estimate for unseen layouts, never a real score.

Run:
    .venv/bin/python scripts/make_tilinpaatos_round5.py --out /tmp/tp5 --report
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
from scripts.docwriter.pdf import DocPdf  # noqa: E402

ROW_FILLS = {"toteutunut": (198, 239, 206), "osittain": (255, 235, 156), "ei_toteutunut": (255, 199, 206)}
CHECKS = {"toteutunut": "✓", "osittain": "(✓)", "ei_toteutunut": "✗"}
VERDICTS = {"toteutunut": ("Tavoite saavutettiin.", "Tavoite toteutui."),
            "osittain": ("Tavoite saavutettiin osittain.", "Tavoite toteutui osittain."),
            "ei_toteutunut": ("Tavoitetta ei saavutettu.", "Tavoite ei toteutunut.")}
SAAVUTETTU = {"toteutunut": "Saavutettu", "osittain": "Osittain saavutettu", "ei_toteutunut": "Ei saavutettu"}
LABELS = {"toteutunut": "Tavoite toteutunut", "osittain": "Tavoite toteutunut osittain",
          "ei_toteutunut": "Tavoite ei toteutunut"}
SOURCES = {"arvio": "text", "rowfill": "color", "check": "symbol", "face": "color", "saavutettu": "text"}
# (goal, metric, baseline, target, actual, status, comment); None = not printed
HEADERS5 = {
    "arvio": ("Tavoite", "Mittari", None, "Tavoitetaso 2025", "Toteutuma 2025", "Arvio", None),
    "rowfill": ("Tavoite", "Mittari", "Lähtötaso 2024", "Tavoitetaso 2025", "Toteutuma 2025", None, "Perustelut"),
    "wide": ("Tavoite", "Mittari", "Lähtötaso 2024", "Tavoitetaso 2025", "Toteutuma 2025", "Toteutuminen",
             "Perustelut"),
    "narrow": ("Tavoite", "Mittari", None, "Tavoite", "Toteuma", "Arvio", None),  # a two-column page
}


@dataclass
class Style5(gen.Style):
    heads: str = "wide"  # which HEADERS5
    strategy_heads: bool = False  # a bold strategy heading row before each goal
    header_once: bool = False  # the goal table's header on its first page only
    two_columns: bool = False


class ColumnPdf(DocPdf):
    """A page in two columns: what does not fit the left column goes on at the top of the right one."""

    columns = (15.0, 107.0)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.col_x = self.columns[0]

    def add_page(self, *args, **kwargs) -> None:
        self.col_x = self.columns[0]
        super().add_page(*args, **kwargs)

    def need(self, height: float) -> bool:
        if self.get_y() + height <= self.bottom:
            return False
        if self.col_x == self.columns[0] and self.page_no() > 0:
            self.col_x = self.columns[1]
            self.set_y(18.0)
        else:
            self.add_page()
        return True

    def table_row(self, x: float, widths, texts, **kwargs):  # type: ignore[override]
        """The row in the current column: a column break is taken before the row is placed."""
        size, bold = kwargs.get("size"), kwargs.get("bold", False)
        wrapped = [len(t.split("\n")) if "\n" in t else len(self.wrap(w - 2, t, bold, size)) if t else 0
                   for t, w in zip(texts, widths, strict=True)]
        height = max(kwargs.get("min_lines", 1), *wrapped) * kwargs["line_height"] + 2
        if self.need(height) and kwargs.get("on_break") is not None:
            kwargs["on_break"]()
        return super().table_row(self.col_x, widths, texts, **kwargs)


class Report5(gen.Report):
    """A round-5 tilinpäätös: the base report's blocks with round-5 legends, goal tables and columns."""

    style: Style5

    def __init__(self, municipality: str, style: Style5, rng: random.Random) -> None:
        super().__init__(municipality, style, rng)
        if style.two_columns:
            self.pdf = ColumnPdf(faces=("", "B"), size=8, bottom=282, page_header=gen._title)
            self.pdf.running_title = f"{municipality} – Tilinpäätös 2025"  # type: ignore[attr-defined]
            self.pdf.set_auto_page_break(False)
            self.width = 88.0

    def legend(self) -> None:
        s = self.style.status
        if s not in ("rowfill", "check", "face"):
            self.text("Tavoitteiden toteutumisen arviointi", bold=True, size=9)
            self.text("Tavoitteen toteutuminen on arvioitu sanallisesti taulukon Arvio-sarakkeessa.")
            return
        self.text("Tavoitteiden toteutumisen arviointi", bold=True, size=9)
        if s == "check":
            self.text(", ".join(f"{mark} = {LABELS[k].lower()}" for k, mark in CHECKS.items()))
            return
        for status, label in LABELS.items():  # a swatch or a face, then its meaning
            self.pdf.need(6)
            y = self.pdf.get_y() + 3
            if s == "rowfill":
                self.pdf.set_fill_color(ROW_FILLS[status])
                self.pdf.rect(self.x, y - 2.5, 8, 4, style="F")
            else:
                self._face(self.x + 2, y - 0.5, status)
            self.pdf.set_text_color(0)
            self.pdf.font(size=8)
            self.pdf.text(self.x + 11, y + 0.6, label)
            self.pdf.set_y(y + 2.5)
        self.pdf.set_y(self.pdf.get_y() + 2)

    def _face(self, cx: float, cy: float, status: str) -> None:
        """A smiley: a coloured disc, two dark eyes and a mouth that smiles, is straight or turns down."""
        pdf = self.pdf
        pdf.set_fill_color(gen.COLOURS[status])
        pdf.circle(cx, cy, 2.0, style="F")
        pdf.set_fill_color(40)
        for dx in (-0.7, 0.7):
            pdf.circle(cx + dx, cy - 0.6, 0.25, style="F")
        pdf.set_draw_color(40)
        pdf.set_line_width(0.25)
        if status == "osittain":
            pdf.line(cx - 0.9, cy + 0.8, cx + 0.9, cy + 0.8)
        elif status == "toteutunut":
            pdf.arc(cx - 1.0, cy - 0.5, 2.0, 20, 160, b=1.8)
        else:
            pdf.arc(cx - 1.0, cy + 0.7, 2.0, 200, 340, b=1.8)
        pdf.set_line_width(0.2)
        pdf.set_draw_color(0)

    def verdict(self, row: gen.Row) -> str:
        """What the status cell prints (the Arvio sentence carries the comment too)."""
        s = self.style.status
        if s == "arvio":
            return f"{VERDICTS[row.status][len(row.goal) % 2]} {row.comment}"
        return {"check": CHECKS[row.status], "saavutettu": SAAVUTETTU[row.status]}.get(s, "")

    def goal_table(self, block: gen.Block) -> None:
        names = HEADERS5[self.style.heads]
        order = [k for k, name in enumerate(names) if name is not None]
        base = {0: 34, 1: 30, 2: 14, 3: 16, 4: 16, 5: 34 if self.style.status == "arvio" else 20, 6: 36}
        if self.style.two_columns:  # the narrow column's table: short value columns, no word split
            base = {0: 21, 1: 22, 3: 13, 4: 15, 5: 17}
        total = sum(base[k] for k in order)
        widths = [base[k] * self.width / total for k in order]
        header = [names[k] for k in order]
        size = 6 if self.style.two_columns else 7  # a narrow column's table in a smaller face

        def draw_header() -> None:
            self.pdf.table_row(self.x, widths, header, line_height=self.lh, bold=True, size=size,
                               fills=[(220, 230, 241)] * len(order), rules=self.style.rules)

        repeat = None if self.style.header_once else draw_header
        self.pdf.need(40)
        draw_header()
        areas = {g: self.rng.choice(gen.AREAS) for g in dict.fromkeys(r.goal for r in block.rows)}
        if not self.style.strategy_heads:
            self.pdf.table_row(self.x, [self.width], [block.area], line_height=self.lh, bold=True, size=size,
                               rules=self.style.rules, on_break=repeat)
        last_goal = None
        for row in block.rows:
            area = areas[row.goal] if self.style.strategy_heads else block.area
            if self.style.strategy_heads and row.goal != last_goal:
                self.pdf.table_row(self.x, [self.width], [area], line_height=self.lh, bold=True, size=size,
                                   rules=self.style.rules, on_break=repeat)
            values = {0: row.goal if row.goal != last_goal else "", 1: row.metric, 2: row.baseline, 3: row.target,
                      4: row.actual, 5: self.verdict(row), 6: row.comment}
            fills = [ROW_FILLS[row.status]] * len(order) if self.style.status == "rowfill" else None
            cells = self.pdf.table_row(self.x, widths, [values[k] for k in order], line_height=self.lh, size=size,
                                       fills=fills, rules=self.style.rules, on_break=repeat)
            if self.style.status == "face":
                x, y, w, h = cells[order.index(5)]
                self._face(x + w / 2, y + h / 2, row.status)
            last_goal = row.goal
            comment = self.verdict(row) if self.style.status == "arvio" else row.comment if names[6] else None
            self.rows.append({"unit": block.name, "company": block.name if block.company else None,
                              "strategy_area": area, "goal": row.goal, "metric": row.metric,
                              "current_value": row.baseline if names[2] else None, "target_value": row.target,
                              "actual_value": row.actual, "status": row.status,
                              "status_source": SOURCES[self.style.status], "comment": comment,
                              "status_conflict": False, "page": self.pdf.page_no()})
        self.pdf.set_y(self.pdf.get_y() + 5)


def styles() -> list[Style5]:
    return [
        Style5(status="arvio", heads="arvio", rules=True, budget=5),
        Style5(status="arvio", heads="arvio", rules="h", header_once=True, long_tables=True, budget=6,
               companies=False),
        Style5(status="rowfill", heads="rowfill", rules=True, strategy_heads=True, budget=5, companies=False),
        Style5(status="rowfill", heads="rowfill", rules=False, header_once=True, long_tables=True, budget=6),
        Style5(status="check", heads="wide", rules=True, strategy_heads=True, budget=6, companies=False),
        Style5(status="face", heads="wide", rules="h", budget=5),
        Style5(status="saavutettu", heads="narrow", rules=True, two_columns=True, budget=7, companies=False),
        Style5(status="check", heads="narrow", rules="h", two_columns=True, strategy_heads=True, budget=7),
    ]


def make_round5(out: Path, seed: int = 55) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, style in enumerate(styles()):
        rng = random.Random(seed * 1000 + k)
        municipality = gen.MUNICIPALITIES[(k + 3) % len(gen.MUNICIPALITIES)]
        path = out / f"tp5_{k:02d}_{municipality.lower()}_tilinpaatos_2025.pdf"
        gold = Report5(municipality, style, rng).write(path, gen.make_blocks(rng, style))
        gold["layout_name"] = "tilinpaatos_round5"
        paths.append(gen.write_gold(path, gold))
    return paths


def main() -> None:
    gen.round_main(__doc__, make_round5, "/tmp/tilinpaatos_round5", 55, "status")


if __name__ == "__main__":
    main()
