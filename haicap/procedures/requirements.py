"""What a citizen hands in for a procedure: items to submit, items to present, and notes.

`checklist_for(procedure)` is the one way to ask. It answers from the hand-checked set in
`data/checklists.json` when the procedure is there (the commune procedures filed most), and
otherwise from the parser in `requirements_parse`, which structures the national record's
"Thành phần hồ sơ" text. Guidance is a note, never an item; a "Trường hợp…" row is a
conditional item, off by default. The counter (intake), online filing and the public page all
read this.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

CURATED_FILE = Path(__file__).resolve().parent / "data" / "checklists.json"

Kind = Literal["submit", "present"]
SUBMIT: Kind = "submit"
PRESENT: Kind = "present"


@dataclass(frozen=True)
class Item:
    """One paper the citizen hands in (`submit`) or shows and takes back (`present`)."""

    key: str  # stable within the procedure: what intake stores and the API accepts
    name: str
    kind: Kind
    required: bool  # False for a conditional item (and for nothing else)
    condition: str = ""  # "Trường hợp …": when the item is needed
    originals: int = 0
    certified: int = 0  # certified copies (bản sao có chứng thực)
    copies: int = 0  # plain copies
    form_name: str = ""  # the form template ("Tờ khai đăng ký khai sinh", "Mẫu số 01")
    eform: bool = False  # an e-form on the portal replaces the paper when filing online
    detail: str = ""  # the rest of the row: exemptions, explanations

    @property
    def conditional(self) -> bool:
        return not self.required

    def counts(self) -> dict[str, int]:
        return {"originals": self.originals, "certified": self.certified, "copies": self.copies}

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Checklist:
    items: list[Item] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    curated: bool = False  # from the hand-checked set
    problems: list[tuple[str, str]] = field(default_factory=list)  # (field, what failed)

    def to_submit(self) -> list[Item]:
        return [i for i in self.items if i.kind == SUBMIT]

    def to_present(self) -> list[Item]:
        return [i for i in self.items if i.kind == PRESENT]

    def required(self) -> list[Item]:
        return [i for i in self.items if i.required]

    def conditional(self) -> list[Item]:
        return [i for i in self.items if not i.required]

    def item(self, key: str) -> Item | None:
        return next((i for i in self.items if i.key == key), None)

    def keys(self) -> set[str]:
        return {i.key for i in self.items}

    def as_dict(self) -> dict[str, Any]:
        return {
            "items": [i.as_dict() for i in self.items],
            "notes": list(self.notes),
            "curated": self.curated,
        }


def _item(row: dict[str, Any]) -> Item:
    wanted = {f for f in Item.__dataclass_fields__}
    return Item(**{k: v for k, v in row.items() if k in wanted})


@lru_cache(maxsize=1)
def curated() -> dict[str, Checklist]:
    """The hand-checked set, by procedure code."""
    with CURATED_FILE.open(encoding="utf-8") as fh:
        data = json.load(fh)
    return {
        code: Checklist(
            items=[_item(row) for row in entry["items"]], notes=entry.get("notes", []), curated=True
        )
        for code, entry in data["procedures"].items()
    }


def checklist_for(procedure: Any) -> Checklist:
    """The checklist of a `Procedure` (anything with `.code` and `.raw`)."""
    found = curated().get(procedure.code)
    if found is not None:
        return found
    from haicap.procedures.requirements_parse import parse_checklist

    return parse_checklist((procedure.raw or {}).get("thanh_phan_ho_so", ""))
