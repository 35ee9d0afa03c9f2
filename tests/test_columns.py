"""The two-column test of the text layer counts, for each point of the gutter search, the lines that
cross it; the sweep that does so must give the definition's counts, edges included."""

import random

from extractors.text.pdftext import _crossings


def test_crossings_match_the_definition_edges_included() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        base = rng.choice([0.0, 10.5, rng.uniform(0, 300)])
        xs = [base + k for k in range(rng.randint(0, 120))]
        rects = []
        for _ in range(rng.randint(0, 30)):
            # starts and ends on the grid itself as well as between its points: strict inequality matters
            left = rng.choice([rng.uniform(-20, 200), base + rng.randint(-5, 150)])
            right = left + rng.choice([rng.uniform(0, 150), float(rng.randint(0, 100))])
            rects.append((0.0, left, right, "x", 1.0))
        assert _crossings(rects, xs) == [sum(1 for r in rects if r[1] < x < r[2]) for x in xs]
