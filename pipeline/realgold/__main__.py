"""`python -m pipeline.realgold OUT_DIR [--real DIR]`: write every real gold as JSON, to read it.

One file per document under OUT_DIR/<source>/ (outside the project: the gold is derived on every
run, never stored). Hand-judged outcomes from tests/gold/real/outcomes.csv are included.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from pipeline.realgold import default_real_dir, load_real_gold


def main(argv: list[str] | None = None) -> int:

    parser = argparse.ArgumentParser(prog="python -m pipeline.realgold", description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the gold JSON files into")
    parser.add_argument("--real", type=Path, default=None, help="real documents (default: ../shared/real)")
    args = parser.parse_args(argv)
    real = args.real or default_real_dir()
    if not real.is_dir():
        print(f"no real documents at {real}", file=sys.stderr)
        return 2
    docs = load_real_gold(real)
    for doc in docs:
        name = re.sub(r"[^\w.-]+", "_", doc.document.replace("/", "__")).strip("_")
        path = args.out / re.sub(r"\W+", "_", doc.source) / f"{name}.gold.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"document": doc.document, "how": doc.how, **doc.gold}, ensure_ascii=False,
                                   indent=1), encoding="utf-8")
    print(f"{len(docs)} gold files under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
