"""Synthetic variants of the 'Toteutumisvertailu per unit' layout, with gold, for tests.

Why: the budgeting software most municipalities use prints each unit ('130 Yleishallinto') as a
budget table (Talousarvio € / Toteutuma € / Poikkeama €, with Alkuperäinen / Muutos / Yhteensä rows
and a council decision beside a change), a 'Toiminta-ajatus' paragraph, then goal tables:
'Strateginen valinta | Strateginen tavoite', 'Talousarviotavoite | Tilannekuvaus ja riskiarvio' and
'Mittari/mittarit | Nykyarvo | Tavoitearvo | Toteuma-arvo' with a coloured ball (a vector circle)
and often a digit 1/2/3 beside it; a cell may hold two metrics separated by an empty line, a metric
row may run over a page break, '…' is a printed value, and a legend page closes the report. We have
no real example, so these documents are written here; the real documents remain the judge.

Run:
    .venv/bin/python scripts/make_followup_variants.py --out /tmp/tv --n 6     # PDFs + .gold.json
    .venv/bin/python scripts/make_followup_variants.py --n 6 --report          # measure extraction
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.docwriter.pdf import DocPdf  # noqa: E402 - after the path is set for a direct run

BALLS = {  # status -> fills seen in such reports (pure and muted shades)
    "toteutunut": [(0, 176, 80), (84, 168, 72), (112, 173, 71)],
    "osittain": [(255, 192, 0), (237, 125, 49), (245, 170, 40)],
    "ei_toteutunut": [(255, 0, 0), (192, 0, 0), (220, 60, 50)],
}
DIGITS = {"toteutunut": "1", "osittain": "2", "ei_toteutunut": "3"}
MONO = (128, 128, 128)  # a monochrome print: every ball this grey, the digit beside it tells
UNITS = ["130 Yleishallinto", "210 Varhaiskasvatus", "320 Kulttuuripalvelut", "410 Kadut ja liikenneväylät",
         "150 Elinkeinopalvelut", "230 Perusopetus"]
MUNICIPALITIES = ["Alavus", "Kannus", "Ikaalinen", "Loviisa", "Kurikka", "Nurmes"]


@dataclass
class Metric:
    text: str
    current: str
    target: str
    actual: str
    status: str


@dataclass
class Goal:
    area: str
    strategic: str
    goal: str
    situation: str
    metrics: list[Metric]
    two_in_one: bool = False  # the first two metrics share one row, separated by an empty line


@dataclass
class Unit:
    name: str
    budget: list[tuple[str, list[tuple[str, str, int]], int, int]]  # line, changes, outturn, deviation
    goals: list[Goal] = field(default_factory=list)


AREAS = [("Elinvoimainen kunta", "Yritysten määrä ja työpaikat kasvavat"),
         ("Hyvinvoivat asukkaat", "Asukkaiden hyvinvointi ja osallisuus vahvistuvat"),
         ("Kestävä talous", "Palvelut tuotetaan taloudellisesti ja tehokkaasti")]
GOALS = ["Yritysneuvonnan palvelut tavoittavat uudet yrittäjät", "Kirjaston käyttö monipuolistuu",
         "Varhaiskasvatuksen henkilöstön saatavuus turvataan", "Katuverkon kunto paranee",
         "Asiointi verkossa lisääntyy", "Koulujen sisäilmaongelmiin puututaan nopeasti"]
METRICS = ["Uusien yritysten määrä (kpl)", "Asiakastyytyväisyys (asteikko 1–5)", "Lainausten määrä / asukas",
           "Täyttämättömät tehtävät (kpl)", "Päällystetyt katukilometrit", "Sähköisten asiointien osuus (%)",
           "Sisäilmailmoitusten käsittelyaika (vrk)", "Tapahtumien kävijämäärä"]


def _value(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(2, 60)}", f"{rng.randint(1, 4)},{rng.randint(0, 9)}",
                       f"{rng.randint(1, 30)} 000", "…"])


def make_units(rng: random.Random, count: int = 2) -> list[Unit]:
    units = []
    for name in rng.sample(UNITS, count):
        budget = []
        for line in ("Toimintatulot", "Toimintamenot", "Netto (Toimintakate)"):
            base = rng.randint(50, 900) * 1000 * (-1 if line != "Toimintatulot" else 1)
            change = rng.choice([0, 0, rng.randint(1, 40) * 500])
            total = base + change
            outturn = total + rng.randint(-30, 30) * 100
            changes = [("Alkuperäinen", "", base)]
            if change:
                changes.append(("Muutos", f"Kv {rng.randint(1, 28)}.{rng.randint(1, 12)}. §{rng.randint(10, 140)}",
                                change))
            changes.append(("Yhteensä", "", total))
            budget.append((line, changes, outturn, outturn - total))
        unit = Unit(name, budget)
        for _ in range(rng.randint(1, 2)):
            area, strategic = rng.choice(AREAS)
            metrics = [Metric(m, _value(rng), _value(rng), _value(rng), rng.choice(list(BALLS)))
                       for m in rng.sample(METRICS, rng.randint(1, 3))]
            unit.goals.append(Goal(area, strategic, rng.choice(GOALS),
                                   rng.choice(["Tilanne eteni suunnitellusti.",
                                               "Henkilöstön saatavuus on riski tavoitteelle.",
                                               "Hankkeen aikataulu viivästyi kilpailutuksen vuoksi."]),
                                   metrics, two_in_one=len(metrics) >= 2 and rng.random() < 0.5))
        units.append(unit)
    return units


@dataclass
class Style:
    digits: bool = True  # a digit beside each ball
    legend: bool = True  # a legend page at the end
    reversed_digits: bool = False  # the legend numbers from red (3 = green)
    break_row: bool = True  # a metric row cut by a page break
    conflict: bool = True  # one situation text that contradicts its ball
    mono: bool = False  # balls all one grey (a black-and-white print): the status is the digit's


def _fmt(amount: int) -> str:
    text = f"{abs(amount):,}".replace(",", " ")
    return f"-{text}" if amount < 0 else text


def _running_title(pdf: DocPdf) -> None:
    pdf.font(size=7)
    pdf.text(160, 10, "Toimintakertomus 2025")
    pdf.set_y(20.0)


class Writer:
    """Draws the report: ruled tables, balls as circles, a page break inside a row (the cursor ``y`` is
    the document's)."""

    def __init__(self, style: Style) -> None:
        self.pdf = DocPdf(faces=("", "B"), size=8, bottom=280, page_header=_running_title)
        self.pdf.set_auto_page_break(False)
        self.style = style
        self.lh = 4.2

    @property
    def y(self) -> float:
        return self.pdf.get_y()

    @y.setter
    def y(self, value: float) -> None:
        self.pdf.set_y(value)

    def page(self) -> None:
        self.pdf.add_page()

    def room(self, h: float) -> None:
        self.pdf.need(h)

    def row(self, texts: list[str], widths: list[float], bold: bool = False, fills=None, balls=None,  # noqa: ANN001
            digits=None, min_lines: int = 1) -> None:  # noqa: ANN001
        """One ruled row from x = 20; ``balls`` and ``digits`` per cell, one per text line or one centred."""
        cells = self.pdf.table_row(20.0, widths, texts, line_height=self.lh, bold=bold, size=8, fills=fills,
                                   min_lines=min_lines)
        for k, (x, y, _, h) in enumerate(cells):
            for i, colour in enumerate(balls[k] if balls and balls[k] else []):
                if colour is None:
                    continue
                cy = y + 1 + self.lh * (i + 0.5) if len(balls[k]) > 1 else y + h / 2
                self.pdf.ball(x + 3.5, cy, 1.6, colour)
                if digits and digits[k] and digits[k][i]:
                    self.pdf.text(x + 6.5, cy + 1.2, digits[k][i])

    def text(self, text: str, bold: bool = False, size: float = 8) -> None:
        for line in self.pdf.wrap(168, text, bold, size) if text else []:
            self.room(self.lh)
            self.pdf.text(20, self.y + self.lh, line)
            self.y += self.lh
        self.y += 2


def write_report(path: Path, municipality: str, units: list[Unit], style: Style, rng: random.Random) -> dict:
    """The PDF and its gold: follow-up rows and budget lines."""
    w = Writer(style)
    w.page()
    w.text(f"{municipality} – Toimintakertomus ja talousarvion toteutumisvertailu 2025", bold=True, size=11)
    rows: list[dict] = []
    lines: list[dict] = []
    page_of = lambda: w.pdf.page_no()  # noqa: E731 - the page a row starts on
    broken = not style.break_row
    conflict_done = not style.conflict
    for unit in units:
        if unit is not units[0]:
            w.page()
        w.text(unit.name, bold=True, size=10)
        widths = [60, 36, 36, 36]
        w.row(["", "Talousarvio €", "Toteutuma €", "Poikkeama €"], widths, bold=True, fills=[(217, 217, 217)] * 4)
        for line, changes, outturn, deviation in unit.budget:
            w.row([line, "", "", ""], widths, bold=True)
            for label, decision, amount in changes:
                total = label == "Yhteensä"
                w.row([f"  {label} {decision}".rstrip(), _fmt(amount), _fmt(outturn) if total else "",
                       _fmt(deviation) if total else ""], widths)
                column = {"Alkuperäinen": "alkuperainen", "Muutos": "muutos", "Yhteensä": "yhteensa"}[label]
                lines.append({"unit": unit.name, "line": line, "column": column, "amount": amount,
                              "decision": decision or None, "page": page_of()})
                if total:
                    lines.append({"unit": unit.name, "line": line, "column": "toteutuma", "amount": outturn,
                                  "decision": None, "page": page_of()})
                    lines.append({"unit": unit.name, "line": line, "column": "poikkeama", "amount": deviation,
                                  "decision": None, "page": page_of()})
        w.y += 4
        w.text("Toiminta-ajatus", bold=True)
        w.text(f"{unit.name.split(' ', 1)[1]} tuottaa kunnan asukkaille ja yrityksille laadukkaita palveluja "
               "kustannustehokkaasti ja yhteistyössä muiden toimijoiden kanssa.")
        for goal in unit.goals:
            w.room(60)
            w.y += 3
            w.row(["Strateginen valinta", "Strateginen tavoite"], [84, 84], bold=True, fills=[(217, 217, 217)] * 2)
            w.row([goal.area, goal.strategic], [84, 84])
            situation = goal.situation
            contradicted = False
            if not conflict_done and goal.metrics[0].status == "toteutunut":
                situation, contradicted, conflict_done = "Tavoite ei toteutunut: hanke siirtyi.", True, True
            w.row(["Talousarviotavoite", "Tilannekuvaus ja riskiarvio"], [84, 84], bold=True,
                  fills=[(217, 217, 217)] * 2)
            w.row([goal.goal, situation], [84, 84])
            mw = [62, 26, 26, 30, 24]
            w.row(["Mittari/mittarit", "Nykyarvo", "Tavoitearvo", "Toteuma-arvo", ""], mw, bold=True,
                  fills=[(217, 217, 217)] * 5)
            metrics = list(goal.metrics)
            groups = [metrics[:2], *[[m] for m in metrics[2:]]] if goal.two_in_one else [[m] for m in metrics]
            for group in groups:
                ball = [MONO if style.mono else rng.choice(BALLS[m.status]) for m in group]
                digit = [_digit(m.status, style) for m in group] if style.digits else None
                if len(group) == 2:
                    texts = ["\n\n".join(getattr(m, a) for m in group) if a != "text" else
                             "\n\n".join(m.text for m in group) for a in ("text", "current", "target", "actual")]
                    w.row([*texts, ""], mw, balls=[None, None, None, None, [ball[0], None, ball[1]]],
                          digits=[None] * 4 + [[digit[0], None, digit[1]]] if digit else None, min_lines=3)
                elif not broken and w.y > 150:
                    broken = True
                    m = group[0]
                    first, rest = m.text.rsplit(" ", 1)
                    w.y = 279 - (w.lh + 2)  # the row starts at the foot of the page ...
                    w.row([first, m.current, m.target, "", ""], mw)
                    w.page()  # ... and goes on at the top of the next one, without a header
                    w.row([rest, "", "", m.actual, ""], mw, balls=[None, None, None, None, ball],
                          digits=[None] * 4 + [digit] if digit else None)
                else:
                    m = group[0]
                    w.row([m.text, m.current, m.target, m.actual, ""], mw, balls=[None, None, None, None, ball],
                          digits=[None] * 4 + [digit] if digit else None)
                for m in group:
                    rows.append({"unit": unit.name, "strategy_area": f"{goal.area} – {goal.strategic}",
                                 "goal": goal.goal, "metric": m.text, "current_value": m.current,
                                 "target_value": m.target, "actual_value": m.actual, "status": m.status,
                                 "status_source": "digit" if style.mono else "color",
                                 "status_conflict": contradicted and m is metrics[0]})
    if style.legend:
        w.page()
        w.text("Tavoitteiden toteutumisen arviointi", bold=True)
        for status, words in (("toteutunut", "Tavoite toteutunut"), ("osittain", "Tavoite toteutunut osittain"),
                              ("ei_toteutunut", "Tavoite ei toteutunut")):
            w.pdf.ball(22, w.y + 2, 1.6, MONO if style.mono else BALLS[status][0])
            w.pdf.font(size=8)
            w.pdf.text(26, w.y + 3.2, f"{_digit(status, style)} = {words}" if style.digits else words)
            w.y += 6
    w.pdf.output(str(path))
    return {"file": path.name, "kind": "followup", "layout_name": "toteutumisvertailu",
            "municipality": municipality, "year": 2025, "style": style.__dict__, "rows": rows,
            "budget_lines": lines}


def _digit(status: str, style: Style) -> str:
    digit = DIGITS[status]
    return {"1": "3", "3": "1"}.get(digit, digit) if style.reversed_digits else digit


def make_variants(out: Path, n: int, seed: int = 7) -> list[Path]:
    """Write n variants (PDF + .gold.json) into ``out``; styles rotate through the features."""
    out.mkdir(parents=True, exist_ok=True)
    styles = [Style(), Style(digits=False), Style(legend=False), Style(reversed_digits=True),
              Style(digits=False, legend=False, conflict=False), Style(break_row=False),
              Style(reversed_digits=True, legend=False), Style(mono=True, reversed_digits=True),
              Style(mono=True, legend=False)]
    paths = []
    for k in range(n):
        rng = random.Random(seed * 1000 + k)
        municipality = MUNICIPALITIES[k % len(MUNICIPALITIES)]
        path = out / f"tv{k:02d}_{municipality.lower()}_toteutumisvertailu_2025.pdf"
        gold = write_report(path, municipality, make_units(rng), styles[k % len(styles)], rng)
        path.with_suffix(".gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(path)
    return paths


def measure(paths: list[Path]) -> dict:
    """Follow-up rows and budget lines of each variant against its gold."""
    import dataclasses

    from extractors.document import Source, extract_document
    from extractors.records import BudgetLine, FollowUp
    from pipeline.evaluate import text_similarity

    totals = {"gold": 0, "pred": 0, "matched": 0, "status": 0, "source": 0, "values": 0, "unit": 0, "conflict": 0,
              "budget_gold": 0, "budget_exact": 0, "budget_as_followup": 0}
    for path in paths:
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        ex = extract_document(path.read_bytes(), Source(str(path), path.name))
        rows = [dataclasses.asdict(r) for r in ex.of(FollowUp)]
        budget = {(b.unit, b.line, b.budget_column): b.amount for b in ex.of(BudgetLine)}
        totals["gold"] += len(gold["rows"])
        totals["pred"] += len(rows)
        used: set[int] = set()
        for g in gold["rows"]:  # in document order: the same metric may serve two goals
            k = next((i for i, r in enumerate(rows) if i not in used and text_similarity(
                f"{g['goal']} {g['metric']}", f"{r['goal']} {r['metric']}") >= 0.85), None)
            if k is None:
                continue
            used.add(k)
            r = rows[k]
            totals["matched"] += 1
            totals["status"] += r["status"] == g["status"]
            totals["source"] += r["status_source"] == g["status_source"]
            totals["values"] += all(r[k] == g[k] for k in ("current_value", "target_value", "actual_value"))
            totals["unit"] += r["unit"] == g["unit"]
            totals["conflict"] += bool(r["status_conflict"]) == g["status_conflict"]
        totals["budget_as_followup"] += sum(1 for r in rows if (r["metric"] or "").strip().startswith(
            ("Alkuperäinen", "Muutos", "Yhteensä", "Toimintatulot", "Toimintamenot")))
        for b in gold["budget_lines"]:
            totals["budget_gold"] += 1
            totals["budget_exact"] += budget.get((b["unit"], b["line"], b["column"])) == b["amount"]
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/followup_variants"))
    parser.add_argument("--n", type=int, default=6)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--report", action="store_true", help="extract every variant and print the figures")
    args = parser.parse_args()
    paths = make_variants(args.out, args.n, args.seed)
    if args.report:
        print(json.dumps(measure(paths), indent=1))
    else:
        print(f"wrote {len(paths)} variants to {args.out}")


if __name__ == "__main__":
    main()
