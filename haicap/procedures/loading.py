"""Loading the shipped catalogue (data/procedures.jsonl.gz): idempotent, one transaction."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from haicap.core.search import search_row
from haicap.core.ttlcache import clear_all_caches
from haicap.procedures.models import Procedure, search_values

DATA_FILE = Path(__file__).resolve().parent / "data" / "procedures.jsonl.gz"
FIELDS = [
    "name",
    "field",
    "levels",
    "level_codes",
    "competent_body",
    "implementing_body",
    "decision",
    "channels",
    "components",
    "result",
    "legal_basis",
    "conditions",
    "online_available",
    "parse_problems",
    "raw",
    "search_name",
    "search_key",
]


class CatalogueError(Exception):
    """The shipped file is unreadable; nothing was written."""


@dataclass
class CatalogueSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        total = self.created + self.updated + self.unchanged
        out = [
            f"procedures: {total} ({self.created} created, {self.updated} updated, {self.unchanged} unchanged)"
        ]
        out += [f"  parse problems, {name}: {n} records" for name, n in self.problems.most_common()]
        return out


def _procedure(line_no: int, record: dict) -> Procedure:
    raw, parsed = record["raw"], record["parsed"]
    if not raw.get("ma_thu_tuc") or not raw.get("ten_thu_tuc"):
        raise CatalogueError(f"{DATA_FILE.name} line {line_no}: record without code or name")
    return Procedure(
        code=raw["ma_thu_tuc"],
        name=" ".join(raw["ten_thu_tuc"].split()),
        field=raw.get("linh_vuc", "")[:200],
        levels=parsed["levels"],
        level_codes=",".join(parsed["levels"]),
        competent_body=raw.get("co_quan_co_tham_quyen", ""),
        implementing_body=raw.get("co_quan_thuc_hien", ""),
        decision=raw.get("so_quyet_dinh", "")[:100],
        channels=parsed["channels"],
        components=parsed["components"],
        result=parsed["result"],
        legal_basis=parsed["legal_basis"],
        conditions=raw.get("yeu_cau_dieu_kien", ""),
        online_available=any(c["channel"] == "online" for c in parsed["channels"]),
        parse_problems=[list(p) for p in parsed["problems"]],
        raw=raw,
        **search_row(Procedure, search_values(raw["ma_thu_tuc"], raw["ten_thu_tuc"], raw.get("linh_vuc", ""))),
    )


def procedures_load(
    *, path: Path = DATA_FILE, progress: Callable[[int, int], None] | None = None
) -> CatalogueSummary:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh]
    except (OSError, ValueError) as exc:
        raise CatalogueError(f"cannot read {path}: {exc}") from exc
    summary = CatalogueSummary()
    with transaction.atomic():
        existing = {p.code: p for p in Procedure.objects.all()}
        new, changed = [], []
        for i, record in enumerate(records, start=1):
            wanted = _procedure(i, record)
            summary.problems.update({name for name, _ in wanted.parse_problems})
            current = existing.get(wanted.code)
            if current is None:
                new.append(wanted)
                existing[wanted.code] = wanted
            elif any(getattr(current, f) != getattr(wanted, f) for f in FIELDS):
                for f in FIELDS:
                    setattr(current, f, getattr(wanted, f))
                changed.append(current)
            else:
                summary.unchanged += 1
            if progress and (i % 200 == 0 or i == len(records)):
                progress(i, len(records))
        Procedure.objects.bulk_create(new, batch_size=200)
        Procedure.objects.bulk_update(changed, FIELDS, batch_size=200)
        summary.created, summary.updated = len(new), len(changed)
    clear_all_caches()
    return summary
