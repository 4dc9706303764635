"""Derive haicap/procedures/data/procedures.jsonl.gz (parsed fields beside the raw record) from
../shared/data/procedures/national_portal_procedures.jsonl.gz, and print the parse report."""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from haicap.procedures.parsing import parse_record  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--source",
        type=Path,
        default=ROOT.parent / "shared/data/procedures/national_portal_procedures.jsonl.gz",
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "haicap/procedures/data/procedures.jsonl.gz"
    )
    args = parser.parse_args()
    problems: Counter[str] = Counter()
    count = 0
    with (
        gzip.open(args.source, "rt", encoding="utf-8") as src,
        gzip.open(args.out, "wt", encoding="utf-8") as out,
    ):
        for line in src:
            raw = json.loads(line)
            parsed = parse_record(raw)
            problems.update({field for field, _ in parsed.problems})
            out.write(
                json.dumps(
                    {"code": raw["ma_thu_tuc"], "parsed": parsed.as_dict(), "raw": raw},
                    ensure_ascii=False,
                )
                + "\n"
            )
            count += 1
    print(f"{count} procedures written to {args.out}")
    for field, n in problems.most_common():
        print(f"  {field}: {n} records with a problem")


if __name__ == "__main__":
    main()
